// Router and form-decoding unit tests.
#include <gtest/gtest.h>

#include "web/form.h"
#include "web/router.h"

namespace gt::web {
namespace {

Response named(const char* name) { return Response::text(200, name); }

struct RouterTest : ::testing::Test {
  RouterTest() {
    router.add(Method::Get, "/api/v1/cases/{id}", Access::Api, [](Request&) { return named("case"); });
    router.add(Method::Get, "/api/v1/cases/{id}/events", Access::Api, [](Request&) { return named("events"); });
    router.add(Method::Post, "/api/v1/cases/{id}/events", Access::Api, [](Request&) { return named("append"); });
    router.add(Method::Post, "/api/v1/cases/{id}/events/{event_id}/supersede", Access::Api,
               [](Request&) { return named("supersede"); });
    router.add(Method::Get, "/api/v1/children/{id}", Access::Api, [](Request&) { return named("child"); });
    router.add(Method::Post, "/api/v1/children/search", Access::Api, [](Request&) { return named("search"); });
    router.add(Method::Get, "/assets/{path*}", Access::Public, [](Request&) { return named("asset"); }, Work::Inline);
    router.add(Method::Get, "/", Access::Page, [](Request&) { return named("home"); });
  }
  Match match(Method m, std::string path, Request& req) {
    req.method = m;
    req.path = std::move(path);
    return router.match(req);
  }
  Router router;
};

TEST_F(RouterTest, MatchesPatternsAndFillsParams) {
  Request req;
  Match m = match(Method::Get, "/api/v1/cases/42", req);
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(m.route->name, "GET /api/v1/cases/{id}");
  EXPECT_EQ(req.route, "GET /api/v1/cases/{id}");
  EXPECT_EQ(req.param("id"), "42");
  EXPECT_EQ(req.id_param("id"), 42);

  Request s;
  m = match(Method::Post, "/api/v1/cases/3/events/9/supersede", s);
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(s.param("id"), "3");
  EXPECT_EQ(s.param("event_id"), "9");

  Request home;
  EXPECT_EQ(match(Method::Get, "/", home).status, 200);
  EXPECT_EQ(home.route, "GET /");
}

TEST_F(RouterTest, LiteralBeatsParameterAndMethodMattersFor405) {
  Request req;
  Match m = match(Method::Post, "/api/v1/children/search", req);
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(m.route->name, "POST /api/v1/children/search");
  Request g;
  m = match(Method::Get, "/api/v1/children/search", g);  // the {id} route, which will answer 404
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(m.route->name, "GET /api/v1/children/{id}");
  EXPECT_FALSE(g.id_param("id"));

  Request d;
  m = match(Method::Delete, "/api/v1/cases/1/events", d);
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(m.allow, "GET, POST");
  EXPECT_EQ(d.route, "");
}

TEST_F(RouterTest, UnknownPathsAre404) {
  for (const char* p : {"/api/v1/cases", "/api/v1/cases/", "/api/v1/cases/1/", "/api/v1/cases/1/x", "/nope", "",
                        "api/v1/cases/1", "/api/v1/cases//events", "/assets", "/assets/"}) {
    Request req;
    EXPECT_EQ(match(Method::Get, p, req).status, 404) << p;
  }
}

TEST_F(RouterTest, ParamsArePercentDecodedButNeverContainSlashes) {
  Request req;
  ASSERT_EQ(match(Method::Get, "/api/v1/cases/4%32", req).status, 200);
  EXPECT_EQ(req.param("id"), "42");
  Request slash;
  EXPECT_EQ(match(Method::Get, "/api/v1/cases/1%2F2", slash).status, 404);
  Request bad;
  EXPECT_EQ(match(Method::Get, "/api/v1/cases/%zz", bad).status, 404);
  Request nul;
  EXPECT_EQ(match(Method::Get, "/api/v1/cases/%00", nul).status, 404);
  Request rest;
  ASSERT_EQ(match(Method::Get, "/assets/fonts/bold%2Dtext.woff2", rest).status, 200);
  EXPECT_EQ(rest.param("path"), "fonts/bold-text.woff2");
}

TEST_F(RouterTest, IdParamsAcceptOnlyPositiveIntegers) {
  for (const char* p : {"0", "-1", "01", "1.5", "1e3", "abc", "99999999999999999999", " 1"}) {
    Request req;
    req.params.emplace_back("id", p);
    EXPECT_FALSE(req.id_param("id")) << p;
  }
}

TEST_F(RouterTest, DuplicateRoutesAreRefused) {
  EXPECT_THROW(router.add(Method::Get, "/", Access::Page, [](Request&) { return named("again"); }), std::logic_error);
  EXPECT_THROW(router.add(Method::Get, "no-slash", Access::Page, [](Request&) { return named("x"); }), std::logic_error);
}

TEST(Form, ParsesUrlEncodedBodies) {
  Form f = parse_urlencoded("given_name=Amy+Pond&date=2026-11-02&x=%C3%A9t%C3%A9&empty=&flag&x=2");
  EXPECT_TRUE(f.ok());
  EXPECT_EQ(f.value("given_name"), "Amy Pond");
  EXPECT_EQ(f.value("date"), "2026-11-02");
  EXPECT_EQ(f.value("x"), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(f.all("x").size(), 2u);
  EXPECT_TRUE(f.has("empty"));
  EXPECT_EQ(f.value("empty"), "");
  EXPECT_TRUE(f.has("flag"));
  EXPECT_FALSE(f.has("missing"));
}

TEST(Form, RejectsMalformedEncodings) {
  EXPECT_FALSE(parse_urlencoded("a=%").ok());
  EXPECT_FALSE(parse_urlencoded("a=%4").ok());
  EXPECT_FALSE(parse_urlencoded("a=%GG").ok());
  EXPECT_FALSE(parse_urlencoded("a=%00").ok());
  EXPECT_FALSE(parse_urlencoded("a=%C3%28").ok());  // invalid UTF-8
  EXPECT_FALSE(parse_urlencoded("a=%ED%A0%80").ok());  // a surrogate
  EXPECT_FALSE(parse_urlencoded("=x").ok());
  std::string out;
  EXPECT_TRUE(percent_decode("a+b", out, false));
  EXPECT_EQ(out, "a+b");
  EXPECT_EQ(url_encode("a b/é"), "a%20b%2F%C3%A9");
}

TEST(Request, ReadsHeadersCookiesAndMediaTypes) {
  Request req;
  req.headers.push_back({"content-type", "Application/JSON; charset=utf-8"});
  req.headers.push_back({"cookie", "a=1; gt_session=abc ; b=\"q\""});
  EXPECT_EQ(req.media_type(), "application/json");
  EXPECT_EQ(req.cookie("gt_session"), "abc");
  EXPECT_EQ(req.cookie("b"), "q");
  EXPECT_EQ(req.cookie("missing"), "");
  EXPECT_EQ(req.header("x-none"), "");
}

}  // namespace
}  // namespace gt::web
