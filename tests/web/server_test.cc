// Server and middleware tests: security headers, 404/405, limits (413, 431, 400), keep-alive and
// pipelining, static assets (and no directory traversal), and the page middleware (303 to sign-in,
// CSRF on form posts).
#include <gtest/gtest.h>

#include "web/auth.h"
#include "web_test_support.h"

namespace gt::webtest {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static TestServer* server_;
};
TestServer* ServerTest::server_ = nullptr;

void expect_security_headers(const Reply& r) {
  EXPECT_EQ(r.header("content-security-policy"),
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
            "form-action 'self'; base-uri 'none'");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(r.header("x-frame-options"), "DENY");
}

TEST_F(ServerTest, EveryResponseCarriesTheSecurityHeaders) {
  auto api = server_->signed_in_client();
  Client anonymous(server_->port());
  for (const Reply& r : {api->get("/api/v1/caseload"), api->get("/api/v1/cases/424242"), anonymous.get("/api/v1/caseload"),
                         anonymous.get("/api/v1/openapi.json"), anonymous.get("/assets/govuk-frontend.min.css"),
                         anonymous.get("/no/such/page"), anonymous.request(http::verb::patch, "/api/v1/caseload")}) {
    SCOPED_TRACE(r.status);
    expect_security_headers(r);
  }
  EXPECT_EQ(api->get("/api/v1/caseload").header("cache-control"), "no-store");
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
  auto api = server_->signed_in_client();
  Reply r = api->request(http::verb::delete_, "/api/v1/caseload");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET");
  EXPECT_EQ(r.js()["error"]["status"], 405);
  r = api->request(http::verb::put, "/api/v1/cases/1/events", "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST");
  EXPECT_EQ(api->request(http::verb::post, "/api/v1/openapi.json", "{}").status, 405);
}

TEST_F(ServerTest, StaticAssetsAreServedWithLongCacheAndNoTraversal) {
  Client c(server_->port());
  Reply css = c.get("/assets/govuk-frontend.min.css");
  ASSERT_EQ(css.status, 200);
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  EXPECT_NE(css.header("cache-control").find("max-age=31536000"), std::string::npos);
  EXPECT_GT(css.body.size(), 10000u);
  Reply js = c.get("/assets/govuk-frontend.min.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.header("content-type"), "text/javascript; charset=utf-8");
  Reply font = c.get("/assets/images/favicon.ico");
  EXPECT_EQ(font.status, 200);
  EXPECT_EQ(font.header("content-type"), "image/x-icon");

  for (const char* bad : {"/assets/../../package.json", "/assets/%2e%2e/%2e%2e/package.json",
                          "/assets/%2E%2E%2F%2E%2E%2Fpackage.json", "/assets/images/..%2f..%2fgovuk-frontend.min.css",
                          "/assets/.%2e/govuk-frontend.min.css", "/assets//etc/passwd", "/assets/images",
                          "/assets/images/", "/assets/%00", "/assets/%", "/assets/images\\favicon.ico",
                          "/assets/no-such-file.css"}) {
    SCOPED_TRACE(bad);
    std::string raw = std::string("GET ") + bad + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    std::string out = raw_exchange(server_->port(), raw);
    EXPECT_EQ(out.rfind("HTTP/1.1 404", 0), 0u) << out.substr(0, 40);
  }
  EXPECT_EQ(web::asset_file("/x", "fonts/a.woff2").value(), "/x/assets/fonts/a.woff2");
  EXPECT_EQ(web::asset_file("/x", "govuk-frontend.min.css").value(), "/x/govuk-frontend.min.css");
  EXPECT_FALSE(web::asset_file("/x", "../x"));
  EXPECT_FALSE(web::asset_file("/x", "a/./b"));
  EXPECT_FALSE(web::asset_file("/x", "a//b"));
}

TEST_F(ServerTest, KeepAliveAndPipelining) {
  std::string one = "GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n";
  std::string last = "GET /api/v1/cases/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  std::string out = raw_exchange(server_->port(), one + one + last);
  std::size_t first = out.find("HTTP/1.1 200");
  std::size_t second = out.find("HTTP/1.1 200", first + 1);
  std::size_t third = out.find("HTTP/1.1 401", second + 1);
  EXPECT_EQ(first, 0u) << out.substr(0, 200);
  EXPECT_NE(second, std::string::npos);
  EXPECT_NE(third, std::string::npos);

  Client c(server_->port());
  for (int i = 0; i < 20; ++i) EXPECT_EQ(c.get("/api/v1/openapi.json").status, 200);
}

TEST_F(ServerTest, OversizedBodiesAndHeadersAndGarbageAreRefused) {
  std::string body(70 * 1024, 'x');
  std::string req = "POST /api/v1/children HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                    std::to_string(body.size()) + "\r\n\r\n" + body;
  std::string out = raw_exchange(server_->port(), req);
  EXPECT_EQ(out.rfind("HTTP/1.1 413", 0), 0u) << out.substr(0, 60);
  EXPECT_NE(out.find("\"status\":413"), std::string::npos);

  // Chunked bodies are counted as they arrive.
  std::string chunked = "POST /api/v1/children HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 40; ++i) chunked += "800\r\n" + std::string(0x800, 'y') + "\r\n";
  chunked += "0\r\n\r\n";
  out = raw_exchange(server_->port(), chunked);
  EXPECT_EQ(out.rfind("HTTP/1.1 413", 0), 0u) << out.substr(0, 60);

  std::string headers = "GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'h') + "\r\n\r\n";
  out = raw_exchange(server_->port(), headers);
  EXPECT_EQ(out.rfind("HTTP/1.1 431", 0), 0u) << out.substr(0, 60);

  out = raw_exchange(server_->port(), "HELLO THERE\r\n\r\n");
  EXPECT_EQ(out.rfind("HTTP/1.1 400", 0), 0u) << out.substr(0, 60);

  // The server is still fine afterwards.
  Client c(server_->port());
  EXPECT_EQ(c.get("/api/v1/openapi.json").status, 200);
}

TEST_F(ServerTest, Expect100ContinueIsHonoured) {
  std::string body = R"({"email":"nobody@example.org","password":"not the password"})";
  std::string req = "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                    "Connection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::string out = raw_exchange(server_->port(), req, 5000);
  EXPECT_EQ(out.rfind("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 401", 0), 0u) << out.substr(0, 80);
}

// The page middleware, through a router of its own (pages.cc owns the real page routes).
TEST_F(ServerTest, PagesRedirectToSignInAndCheckCsrf) {
  web::Router router;
  int calls = 0;
  router.add(web::Method::Get, "/things/{id}", web::Access::Page, [&](web::Request& req) {
    ++calls;
    return web::Response::html(200, "thing " + std::string(req.param("id")) + " for " + req.actor().name);
  });
  router.add(web::Method::Post, "/things/{id}", web::Access::Page, [&](web::Request& req) {
    ++calls;
    return web::Response::redirect("/things/" + std::string(req.param("id")) + "?note=" + req.form.value("note"));
  });
  router.add(web::Method::Post, "/sign-in", web::Access::Public, [&](web::Request& req) {
    return web::Response::text(200, req.form.value("email"));
  });
  web::Dispatcher dispatcher(router, server_->accounts());
  auto session = std::make_optional(server_->full_session(kEmail, kPassword));

  auto run = [&](web::Method m, std::string path, std::string cookie, std::string body = "",
                 std::string type = "application/x-www-form-urlencoded") {
    web::Request req;
    req.method = m;
    req.path = std::move(path);
    if (!cookie.empty()) req.headers.push_back({"cookie", "theme=dark; gt_session=" + cookie});
    req.headers.push_back({"content-type", type});
    req.body = std::move(body);
    web::Match match = router.match(req);
    return dispatcher.handle(req, match);
  };
  auto location = [](const web::Response& r) {
    for (const auto& h : r.headers)
      if (h.name == "location") return h.value;
    return std::string();
  };

  web::Response r = run(web::Method::Get, "/things/7", "");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(location(r), "/sign-in");
  r = run(web::Method::Get, "/things/7", std::string(64, '0'));
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(calls, 0);

  r = run(web::Method::Get, "/things/7", session->token);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "thing 7 for Casey Worker");

  r = run(web::Method::Post, "/things/7", session->token, "note=hi");
  EXPECT_EQ(r.status, 403);
  r = run(web::Method::Post, "/things/7", session->token, "note=hi&csrf_token=wrong");
  EXPECT_EQ(r.status, 403);
  r = run(web::Method::Post, "/things/7", session->token, "note=hi&csrf_token=" + session->csrf, "application/json");
  EXPECT_EQ(r.status, 415);
  EXPECT_EQ(calls, 1);
  r = run(web::Method::Post, "/things/7", session->token, "note=a+b%21&csrf_token=" + session->csrf);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(location(r), "/things/7?note=a b!");
  EXPECT_EQ(calls, 2);

  // A public form needs the pre-session token that matches its gt_presession cookie.
  r = run(web::Method::Post, "/sign-in", "", "email=x%40example.org&password=y");
  EXPECT_EQ(r.status, 403);
  {
    web::Request get;
    get.headers.push_back({"cookie", ""});
    web::PreSession pre = web::pre_session(get, false);
    std::string nonce = pre.cookie.substr(pre.cookie.find('=') + 1, 64);
    web::Request req;
    req.method = web::Method::Post;
    req.path = "/sign-in";
    req.headers.push_back({"cookie", "gt_presession=" + nonce});
    req.headers.push_back({"content-type", "application/x-www-form-urlencoded"});
    req.body = "email=x%40example.org&password=y&csrf_token=" + pre.token;
    web::Match match = router.match(req);
    r = dispatcher.handle(req, match);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "x@example.org");
  }

  r = run(web::Method::Get, "/nowhere", "");
  EXPECT_EQ(r.status, 404);
  r = run(web::Method::Delete, "/things/7", "");
  EXPECT_EQ(r.status, 405);

  EXPECT_EQ(web::session_cookie("abc", true).find("; Secure") != std::string::npos, true);
  EXPECT_EQ(web::session_cookie("abc", false).find("Secure"), std::string::npos);
}

}  // namespace
}  // namespace gt::webtest
