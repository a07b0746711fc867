// JSON API tests: the real server in-process (web_test_support.h), today fixed at 2026-11-25.
// Drives a case from request to final plan and through an annual review with amendments, records a
// child's SEN needs and placements, and checks that bad input gets a clear error (status, field,
// reason) and writes nothing.
#include <gtest/gtest.h>

#include "domain/identifiers.h"
#include "web_test_support.h"

namespace gt::webtest {
namespace {

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    client_ = server_->signed_in_client().release();
  }
  static void TearDownTestSuite() {
    delete client_;
    delete server_;
    client_ = nullptr;
    server_ = nullptr;
  }

  static Client& api() { return *client_; }

  // A valid permanent UPN whose body ends with `serial` (so every child gets its own).
  static std::string upn(int serial) {
    char body[13];
    std::snprintf(body, sizeof body, "20120%07d", serial);
    auto letter = upn_check_letter(body);
    return std::string(1, *letter) + body;
  }

  static json child_body(const std::string& given, int serial) {
    return {{"given_name", given}, {"family_name", "Testcase"}, {"date_of_birth", "2015-03-04"},
            {"sex", "F"}, {"ethnicity", "WBRI"}, {"upn", upn(serial)}};
  }

  static std::int64_t create_child(const std::string& given, int serial) {
    Reply r = api().post("/api/v1/children", child_body(given, serial));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.js()["id"].get<std::int64_t>();
  }

  static std::int64_t open_case(std::int64_t child_id) {
    Reply r = api().post("/api/v1/cases", json{{"child_id", child_id}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.js()["case"]["id"].get<std::int64_t>();
  }

  static Reply append(std::int64_t case_id, const json& event) {
    return api().post("/api/v1/cases/" + std::to_string(case_id) + "/events", event);
  }

  static json deadline(const json& clock, const std::string& rule) {
    for (const auto& d : clock["deadlines"])
      if (d["rule"] == rule) return d;
    return nullptr;
  }

  static std::size_t event_count(std::int64_t case_id) {
    Reply r = api().get("/api/v1/cases/" + std::to_string(case_id) + "/events");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.js()["events"].size();
  }

  static int children_named(const std::string& name) {
    Reply r = api().post("/api/v1/children/search", json{{"name", name}});
    EXPECT_EQ(r.status, 200) << r.body;
    return r.js()["total"].get<int>();
  }

  static void expect_error(const Reply& r, int status, const std::string& field) {
    EXPECT_EQ(r.status, status) << r.body;
    json j = r.js();
    ASSERT_TRUE(j.is_object()) << r.body;
    ASSERT_TRUE(j.contains("error")) << r.body;
    EXPECT_EQ(j["error"]["status"], status);
    if (!field.empty()) {
      EXPECT_EQ(j["error"]["field"], field) << r.body;
    }
    EXPECT_FALSE(j["error"]["reason"].get<std::string>().empty());
    EXPECT_EQ(r.header("content-type"), "application/json");
  }

  static TestServer* server_;
  static Client* client_;
};

TestServer* ApiTest::server_ = nullptr;
Client* ApiTest::client_ = nullptr;

TEST_F(ApiTest, CaseFromRequestToFinalPlanAndThroughAnAnnualReviewWithAmendments) {
  std::int64_t child = create_child("Journey", 1);
  std::int64_t id = open_case(child);
  std::string base = "/api/v1/cases/" + std::to_string(id);

  ASSERT_EQ(append(id, {{"type", "request_received"}, {"date", "2025-09-01"}, {"source", 1}}).status, 201);
  json clock = api().get(base + "/deadlines").js();
  EXPECT_EQ(deadline(clock, "A1")["due"], "2025-10-13");
  EXPECT_EQ(deadline(clock, "A1")["status"], "missed");  // not decided and the due date has passed
  EXPECT_EQ(deadline(clock, "A6")["due"], "2026-01-19");

  Reply r = append(id, {{"type", "decision_to_assess"}, {"date", "2025-10-06"}, {"outcome", "assess"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.js()["stage"], "assessment");
  clock = api().get(base + "/deadlines").js();
  EXPECT_EQ(deadline(clock, "A1")["status"], "met");
  EXPECT_EQ(deadline(clock, "A1")["met_on"], "2025-10-06");

  ASSERT_EQ(append(id, {{"type", "advice_requested"}, {"date", "2025-10-08"}, {"from", "educational_psychology"},
                        {"id", "ep1"}}).status, 201);
  clock = api().get(base + "/deadlines").js();
  EXPECT_EQ(deadline(clock, "A3")["due"], "2025-11-19");
  ASSERT_EQ(append(id, {{"type", "advice_received"}, {"date", "2025-11-10"}, {"id", "ep1"}}).status, 201);
  ASSERT_EQ(append(id, {{"type", "decision_to_issue"}, {"date", "2025-12-15"}, {"outcome", "issue"}}).status, 201);
  ASSERT_EQ(append(id, {{"type", "draft_plan_served"}, {"date", "2025-12-22"}}).status, 201);
  clock = api().get(base + "/deadlines").js();
  EXPECT_EQ(deadline(clock, "A5")["due"], "2026-01-05");
  EXPECT_TRUE(clock["within_20_weeks"].is_null());

  r = append(id, {{"type", "final_plan_issued"}, {"date", "2026-01-19"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.js()["stage"], "plan");
  clock = api().get(base + "/deadlines").js();
  EXPECT_EQ(clock["within_20_weeks"], true);
  EXPECT_EQ(deadline(clock, "A6")["status"], "met");
  EXPECT_EQ(deadline(clock, "R1")["due"], "2027-01-19");
  EXPECT_EQ(deadline(clock, "R1")["status"], "pending");

  // Annual review with amendments.
  ASSERT_EQ(append(id, {{"type", "review_meeting"}, {"date", "2026-11-02"}}).status, 201);
  clock = api().get(base + "/deadlines").js();
  EXPECT_EQ(deadline(clock, "R6")["due"], "2026-11-16");
  EXPECT_EQ(deadline(clock, "R6")["status"], "missed");
  EXPECT_EQ(deadline(clock, "R7")["due"], "2026-11-30");
  EXPECT_EQ(deadline(clock, "R7")["status"], "pending");
  ASSERT_EQ(append(id, {{"type", "review_report"}, {"date", "2026-11-10"}}).status, 201);
  r = append(id, {{"type", "review_decision"}, {"date", "2026-11-20"}, {"outcome", "amend"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.js()["stage"], "amendment");
  ASSERT_EQ(append(id, {{"type", "amendments_proposed"}, {"date", "2026-11-23"}}).status, 201);
  clock = api().get(base + "/deadlines").js();
  EXPECT_EQ(deadline(clock, "R6")["status"], "met");
  EXPECT_EQ(deadline(clock, "R1")["status"], "met");
  EXPECT_EQ(deadline(clock, "R2")["due"], "2027-11-20");
  EXPECT_EQ(deadline(clock, "M2")["due"], "2027-01-18");
  EXPECT_EQ(deadline(clock, "M2")["status"], "pending");
  EXPECT_EQ(deadline(clock, "M4")["due"], "2027-01-25");

  // The caseload shows the case with its next council deadline (M2).
  json load = api().get("/api/v1/caseload?due_within=60").js();
  bool found = false;
  for (const auto& c : load["cases"])
    if (c["id"] == id) {
      found = true;
      EXPECT_EQ(c["next_due"], "2027-01-18");
      EXPECT_EQ(c["next_rule"], "M2");
      EXPECT_EQ(c["overdue"], false);
      EXPECT_EQ(c["child"]["name"], "Journey Testcase");
    }
  EXPECT_TRUE(found) << load.dump();

  r = append(id, {{"type", "amended_plan_issued"}, {"date", "2026-11-25"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.js()["stage"], "plan");
  clock = api().get(base + "/deadlines").js();
  EXPECT_EQ(deadline(clock, "M2")["status"], "met");
  EXPECT_EQ(deadline(clock, "M4")["status"], "met");
  EXPECT_EQ(deadline(clock, "R2")["status"], "pending");

  // The case view brings it all together.
  json view = api().get(base).js();
  EXPECT_EQ(view["stage"], "plan");
  EXPECT_EQ(view["child"]["id"], child);
  EXPECT_EQ(view["child"]["given_name"], "Journey");
  EXPECT_FALSE(view["child"].contains("upn"));  // the summary carries names and date of birth only
  EXPECT_EQ(view["events"].size(), 12u);
  EXPECT_EQ(view["chronology"].size(), 12u);
  EXPECT_EQ(view["today"], "2026-11-25");
  EXPECT_TRUE(view["deadlines"].contains("deadlines"));
  EXPECT_FALSE(view["allowed_next"].empty());
  EXPECT_EQ(view["case"]["next_rule"], "R2");

  // The directly written case view is the same document as the DOM-built one.
  auto direct = server_->casework().case_view(server_->staff(), id, "GET /api/v1/cases/{id}");
  EXPECT_EQ(json::parse(web::case_view_text(direct)), web::case_view_json(direct));
  EXPECT_EQ(view["deadlines"], json::parse(web::case_view_text(direct))["deadlines"]);

  // The child's record lists the case.
  json rec = api().get("/api/v1/children/" + std::to_string(child)).js();
  ASSERT_EQ(rec["cases"].size(), 1u);
  EXPECT_EQ(rec["cases"][0]["id"], id);
  EXPECT_EQ(rec["child"]["upn"], upn(1));
}

TEST_F(ApiTest, CorrectionSupersedesAndKeepsHistory) {
  std::int64_t id = open_case(create_child("Correction", 2));
  std::string base = "/api/v1/cases/" + std::to_string(id);
  ASSERT_EQ(append(id, {{"type", "request_received"}, {"date", "2026-10-01"}, {"source", 2}}).status, 201);
  Reply r = append(id, {{"type", "decision_to_assess"}, {"date", "2026-11-02"}, {"outcome", "assess"}});
  ASSERT_EQ(r.status, 201);
  std::int64_t decision = r.js()["id"].get<std::int64_t>();
  json clock = api().get(base + "/deadlines").js();
  EXPECT_EQ(deadline(clock, "A1")["met_on"], "2026-11-02");

  // Correct the date.
  r = api().post(base + "/events/" + std::to_string(decision) + "/supersede",
                 json{{"reason", "date typed wrongly"},
                      {"event", {{"type", "decision_to_assess"}, {"date", "2026-11-05"}, {"outcome", "assess"}}}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.js()["supersedes"], decision);
  clock = api().get(base + "/deadlines").js();
  EXPECT_EQ(deadline(clock, "A1")["met_on"], "2026-11-05");

  json view = api().get(base).js();
  ASSERT_EQ(view["events"].size(), 3u);  // the original stays, marked as superseded
  EXPECT_EQ(view["events"][1]["superseded_by"], r.js()["id"]);
  EXPECT_EQ(view["events"][2]["reason"], "date typed wrongly");
  EXPECT_EQ(view["chronology"].size(), 2u);

  // Superseding the same entry again is a conflict, and writes nothing.
  std::size_t before = event_count(id);
  Reply again = api().post(base + "/events/" + std::to_string(decision) + "/supersede", json{{"reason", "again"}});
  expect_error(again, 409, "event_id");
  EXPECT_EQ(event_count(id), before);

  // A bad replacement names the nested field.
  Reply bad = api().post(base + "/events/" + std::to_string(r.js()["id"].get<std::int64_t>()) + "/supersede",
                         json{{"reason", "x"}, {"event", {{"type", "decision_to_assess"}, {"date", "2026-13-01"}}}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.js()["error"]["field"].get<std::string>().rfind("event.", 0), 0u) << bad.body;
  EXPECT_EQ(event_count(id), before);
}

TEST_F(ApiTest, BadEventsGetAClearErrorAndWriteNothing) {
  std::int64_t id = open_case(create_child("Badevents", 3));
  ASSERT_EQ(append(id, {{"type", "request_received"}, {"date", "2026-10-01"}, {"source", 1}}).status, 201);
  std::size_t before = event_count(id);
  std::string target = "/api/v1/cases/" + std::to_string(id) + "/events";

  expect_error(append(id, {{"type", "tea_party"}, {"date", "2026-11-01"}}), 422, "type");
  // Impossible order: a final plan before any decision to issue.
  Reply order = append(id, {{"type", "final_plan_issued"}, {"date", "2026-11-01"}});
  EXPECT_EQ(order.status, 422) << order.body;
  EXPECT_NE(order.js()["error"]["reason"].get<std::string>().find("decision"), std::string::npos) << order.body;
  // A second request while one is open.
  EXPECT_EQ(append(id, {{"type", "request_received"}, {"date", "2026-11-01"}, {"source", 1}}).status, 422);
  // A date after today (2026-11-25).
  expect_error(append(id, {{"type", "decision_to_assess"}, {"date", "2026-11-26"}, {"outcome", "assess"}}), 422,
               "date");
  // A date before the request.
  EXPECT_EQ(append(id, {{"type", "decision_to_assess"}, {"date", "2026-09-01"}, {"outcome", "assess"}}).status, 422);
  // A malformed date, a missing field, a value outside its list, an unknown field.
  expect_error(append(id, {{"type", "decision_to_assess"}, {"date", "2026-02-30"}, {"outcome", "assess"}}), 422, "date");
  expect_error(append(id, {{"type", "decision_to_assess"}, {"date", "2026-11-02"}}), 422, "outcome");
  expect_error(append(id, {{"type", "decision_to_assess"}, {"date", "2026-11-02"}, {"outcome", "maybe"}}), 422,
               "outcome");
  expect_error(append(id, {{"type", "decision_to_assess"}, {"date", "2026-11-02"}, {"outcome", "assess"},
                           {"colour", "red"}}),
               422, "colour");
  // Transport-level refusals.
  expect_error(api().request(http::verb::post, target, "{\"type\": \"withdrawn\", ", "application/json"), 400, "body");
  expect_error(api().request(http::verb::post, target, "[1, 2]", "application/json"), 400, "body");
  expect_error(api().request(http::verb::post, target, R"({"type":"withdrawn","date":"2026-11-02"})", "text/plain"),
               415, "content-type");
  expect_error(api().request(http::verb::post, target, R"({"type":"withdrawn","date":"2026-11-02"})", ""), 415,
               "content-type");
  std::string big = R"({"type":"withdrawn","date":"2026-11-02","pad":")" + std::string(70 * 1024, 'x') + "\"}";
  Client fresh(server_->port());
  fresh.bearer = api().bearer;
  expect_error(fresh.request(http::verb::post, target, big), 413, "body");

  EXPECT_EQ(event_count(id), before);
  EXPECT_EQ(api().get("/api/v1/cases/" + std::to_string(id)).js()["stage"], "request");
}

TEST_F(ApiTest, BadChildrenGetAClearErrorAndWriteNothing) {
  int before = children_named("Badchild");
  auto body = child_body("Badchild", 4);

  auto bad_upn = body;
  bad_upn["upn"] = "A12345678901X2";
  expect_error(api().post("/api/v1/children", bad_upn), 422, "upn");
  auto wrong_check = body;
  std::string u = upn(4);
  wrong_check["upn"] = std::string(1, u[0] == 'A' ? 'B' : 'A') + u.substr(1);
  expect_error(api().post("/api/v1/children", wrong_check), 422, "upn");
  auto future = body;
  future["date_of_birth"] = "2026-12-01";
  expect_error(api().post("/api/v1/children", future), 422, "date_of_birth");
  auto bad_date = body;
  bad_date["date_of_birth"] = "04/03/2015";
  expect_error(api().post("/api/v1/children", bad_date), 422, "date_of_birth");
  auto unknown = body;
  unknown["shoe_size"] = 3;
  expect_error(api().post("/api/v1/children", unknown), 422, "shoe_size");
  auto missing = body;
  missing.erase("family_name");
  expect_error(api().post("/api/v1/children", missing), 422, "family_name");
  auto wrong_type = body;
  wrong_type["given_name"] = 7;
  expect_error(api().post("/api/v1/children", wrong_type), 422, "given_name");
  expect_error(api().request(http::verb::post, "/api/v1/children", body.dump(), "application/x-www-form-urlencoded"),
               415, "content-type");
  expect_error(api().request(http::verb::post, "/api/v1/children", "{nope", "application/json"), 400, "body");

  EXPECT_EQ(children_named("Badchild"), before);

  // The same child is accepted once; a second one with the same UPN conflicts.
  EXPECT_EQ(api().post("/api/v1/children", body).status, 201);
  expect_error(api().post("/api/v1/children", body), 409, "upn");
  EXPECT_EQ(children_named("Badchild"), before + 1);
}

TEST_F(ApiTest, UnknownIdsAre404) {
  expect_error(api().get("/api/v1/cases/999999"), 404, "id");
  expect_error(api().get("/api/v1/cases/abc"), 404, "id");
  expect_error(api().get("/api/v1/cases/999999/deadlines"), 404, "id");
  expect_error(api().get("/api/v1/children/999999"), 404, "id");
  expect_error(append(999999, {{"type", "withdrawn"}, {"date", "2026-11-02"}}), 404, "id");
  expect_error(api().post("/api/v1/cases", json{{"child_id", 999999}}), 404, "child_id");
  expect_error(api().get("/api/v1/no-such-thing"), 404, "");
  std::int64_t id = open_case(create_child("Unknownevent", 5));
  expect_error(api().post("/api/v1/cases/" + std::to_string(id) + "/events/999999/supersede", json{{"reason", "x"}}),
               404, "event_id");
}

TEST_F(ApiTest, OpeningASecondCaseWhileOneIsOpenConflicts) {
  std::int64_t child = create_child("Twocases", 6);
  open_case(child);
  expect_error(api().post("/api/v1/cases", json{{"child_id", child}}), 409, "child_id");
  expect_error(api().post("/api/v1/cases", json{{"child_id", "one"}}), 422, "child_id");
  expect_error(api().post("/api/v1/cases", json{{"child_id", child}, {"team", 1}}), 422, "team");
}

TEST_F(ApiTest, SearchByPostBodyOrQuery) {
  std::int64_t child = create_child("Searchable", 7);
  Reply r = api().post("/api/v1/children/search", json{{"upn", upn(7)}});
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.js()["total"], 1);
  EXPECT_EQ(r.js()["children"][0]["id"], child);

  r = api().get("/api/v1/children?name=Searchable&per_page=5");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.js()["total"], 1);
  EXPECT_EQ(r.js()["per_page"], 5);
  r = api().get("/api/v1/children?date_of_birth=2015-03-04");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_GE(r.js()["total"].get<int>(), 1);

  expect_error(api().get("/api/v1/children"), 400, "");
  expect_error(api().post("/api/v1/children/search", json::object()), 400, "");
  expect_error(api().get("/api/v1/children?surname=X"), 400, "surname");
  expect_error(api().get("/api/v1/children?date_of_birth=yesterday"), 400, "date_of_birth");
  expect_error(api().get("/api/v1/children?name=X&page=0"), 400, "page");
  expect_error(api().post("/api/v1/children/search", json{{"name", "X"}, {"nickname", "Y"}}), 422, "nickname");
}

TEST_F(ApiTest, CaseloadValidatesEveryParameter) {
  Reply r = api().get("/api/v1/caseload");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = r.js();
  EXPECT_EQ(j["today"], "2026-11-25");
  EXPECT_EQ(j["page"], 1);
  EXPECT_EQ(j["per_page"], 50);
  EXPECT_TRUE(j["cases"].is_array());
  EXPECT_TRUE(j.contains("total"));

  EXPECT_EQ(api().get("/api/v1/caseload?overdue=true&stage=request&page=1&per_page=10").status, 200);
  EXPECT_EQ(api().get("/api/v1/caseload?caseworker=" + std::to_string(server_->staff().user_id)).status, 200);
  expect_error(api().get("/api/v1/caseload?colour=red"), 400, "colour");
  expect_error(api().get("/api/v1/caseload?overdue=yes"), 400, "overdue");
  expect_error(api().get("/api/v1/caseload?due_within=-1"), 400, "due_within");
  expect_error(api().get("/api/v1/caseload?due_within=ten"), 400, "due_within");
  expect_error(api().get("/api/v1/caseload?stage=limbo"), 400, "stage");
  expect_error(api().get("/api/v1/caseload?caseworker=x"), 400, "caseworker");
  expect_error(api().get("/api/v1/caseload?per_page=201"), 400, "per_page");
  expect_error(api().get("/api/v1/caseload?page=1&page=2"), 400, "page");
  expect_error(api().get("/api/v1/caseload?stage=%ZZ"), 400, "query");

  // Overdue cases are those whose next council deadline has passed.
  std::int64_t id = open_case(create_child("Overdue", 8));
  ASSERT_EQ(append(id, {{"type", "request_received"}, {"date", "2026-01-05"}, {"source", 1}}).status, 201);
  json load = api().get("/api/v1/caseload?overdue=true&per_page=200").js();
  bool found = false;
  for (const auto& c : load["cases"]) {
    EXPECT_EQ(c["overdue"], true);
    if (c["id"] == id) {
      found = true;
      EXPECT_EQ(c["next_rule"], "A1");
      EXPECT_EQ(c["next_due"], "2026-02-16");
    }
  }
  EXPECT_TRUE(found) << load.dump();
}

TEST_F(ApiTest, SignInSignOutAndSessions) {
  Client c(server_->port());
  expect_error(c.get("/api/v1/caseload"), 401, "session");
  expect_error(c.post("/api/v1/cases", json{{"child_id", 1}}), 401, "session");
  c.bearer = std::string(64, 'a');
  expect_error(c.get("/api/v1/caseload"), 401, "session");
  c.bearer.clear();

  expect_error(c.post("/api/v1/session", json{{"email", kEmail}, {"password", "wrong password!"}}), 401, "");
  expect_error(c.post("/api/v1/session", json{{"email", kEmail}}), 422, "password");
  // Staff need the code from their authenticator app in the same request.
  expect_error(c.post("/api/v1/session", json{{"email", kEmail}, {"password", kPassword}}), 401, "totp");
  Reply r = c.post("/api/v1/session",
                   json{{"email", kEmail}, {"password", kPassword}, {"totp", server_->totp_code_for(kEmail)}});
  ASSERT_EQ(r.status, 201) << r.body;
  std::string token = r.js()["token"], csrf = r.js()["csrf"];
  std::string cookie = r.header("set-cookie");
  EXPECT_EQ(cookie.rfind("gt_session=" + token, 0), 0u);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);

  // The cookie works for reads; writes by cookie need the CSRF token too.
  std::map<std::string, std::string> with_cookie{{"Cookie", "gt_session=" + token}};
  EXPECT_EQ(c.request(http::verb::get, "/api/v1/caseload", "", "", with_cookie).status, 200);
  auto child = child_body("Cookie", 9).dump();
  expect_error(c.request(http::verb::post, "/api/v1/children", child, "application/json", with_cookie), 403,
               "x-csrf-token");
  auto with_csrf = with_cookie;
  with_csrf["X-CSRF-Token"] = csrf;
  EXPECT_EQ(c.request(http::verb::post, "/api/v1/children", child, "application/json", with_csrf).status, 201);

  // Sign out ends the session.
  c.bearer = token;
  r = c.request(http::verb::delete_, "/api/v1/session");
  EXPECT_EQ(r.status, 204);
  EXPECT_NE(r.header("set-cookie").find("Max-Age=0"), std::string::npos);
  expect_error(c.get("/api/v1/caseload"), 401, "session");
}

TEST_F(ApiTest, NeedsAndPlacementsAreRecordedAndGivenWithTheChild) {
  std::int64_t child = create_child("Placed", 20);
  std::string base = "/api/v1/children/" + std::to_string(child);
  json rec = api().get(base).js();
  EXPECT_TRUE(rec["needs"].is_null()) << rec.dump();
  EXPECT_EQ(rec["placements"], json::array());

  Reply r = api().post(base + "/needs", json{{"primary", " asd "}, {"secondary", "SEMH"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.js()["primary"], (json{{"code", "ASD"}, {"label", "Autistic spectrum disorder"},
                                     {"area", "communication_and_interaction"},
                                     {"area_label", "Communication and interaction"}}));
  EXPECT_EQ(r.js()["secondary"]["code"], "SEMH");
  EXPECT_EQ(r.js()["secondary"]["area"], "social_emotional_and_mental_health");
  // Recorded anew: the latest is current. OTH is in no broad area; no secondary is null.
  r = api().post(base + "/needs", json{{"primary", "OTH"}, {"secondary", nullptr}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(r.js()["primary"]["area"].is_null());
  EXPECT_TRUE(r.js()["secondary"].is_null());
  r = api().post(base + "/needs", json{{"primary", "SLCN"}, {"secondary", "ASD"}});
  ASSERT_EQ(r.status, 201) << r.body;

  r = api().post(base + "/placements", json{{"setting_type", "mainstream_academy"}, {"urn", "123456"},
                                            {"name", "Riverside Academy"}, {"entry_date", "2024-09-04"},
                                            {"leaving_date", "2025-07-18"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.js()["current"], false);
  EXPECT_EQ(r.js()["leaving_date"], "2025-07-18");
  r = api().post(base + "/placements", json{{"setting_type", "special_la"}, {"urn", "654321"},
                                            {"name", "Oakfield School"}, {"entry_date", "2025-09-03"}});
  ASSERT_EQ(r.status, 201) << r.body;
  json main = r.js();
  EXPECT_EQ(main["rank"], 1) << "rank defaults to 1, the main placement";
  EXPECT_EQ(main["current"], true);
  EXPECT_TRUE(main["ukprn"].is_null());
  EXPECT_TRUE(main["leaving_date"].is_null());
  EXPECT_EQ(main["setting_label"], "Special school (council-maintained)");
  r = api().post(base + "/placements", json{{"setting_type", "fe_college"}, {"ukprn", "10012345"},
                                            {"name", "Northgate College"}, {"rank", 2}, {"entry_date", "2026-01-05"}});
  ASSERT_EQ(r.status, 201) << r.body;
  json dual = r.js();
  EXPECT_EQ(dual["rank"], 2);
  EXPECT_EQ(dual["ukprn"], "10012345");
  EXPECT_TRUE(dual["urn"].is_null());

  rec = api().get(base).js();
  EXPECT_EQ(rec["needs"]["primary"]["code"], "SLCN");
  EXPECT_EQ(rec["needs"]["secondary"]["code"], "ASD");
  ASSERT_EQ(rec["placements"].size(), 3u) << rec.dump();
  EXPECT_EQ(rec["placements"][0]["current"], true) << "current placements first";
  EXPECT_EQ(rec["placements"][2]["name"], "Riverside Academy");
  EXPECT_EQ(rec["child"]["id"], child);
  EXPECT_TRUE(rec["cases"].is_array());

  std::string end = base + "/placements/" + std::to_string(dual["id"].get<std::int64_t>()) + "/end";
  r = api().post(end, json{{"leaving_date", "2026-11-20"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.js()["id"], dual["id"]);
  EXPECT_EQ(r.js()["leaving_date"], "2026-11-20");
  EXPECT_EQ(r.js()["current"], false);
  // Ending twice is a conflict and changes nothing.
  expect_error(api().post(end, json{{"leaving_date", "2026-11-24"}}), 409, "leaving_date");
  rec = api().get(base).js();
  for (const auto& p : rec["placements"])
    if (p["id"] == dual["id"]) EXPECT_EQ(p["leaving_date"], "2026-11-20");
}

TEST_F(ApiTest, BadNeedsAndPlacementsGetAClearErrorAndWriteNothing) {
  std::int64_t child = create_child("Unplaced", 21);
  std::string base = "/api/v1/children/" + std::to_string(child);
  auto record = [&] { return api().get(base).js(); };

  // Needs.
  expect_error(api().post(base + "/needs", json{{"primary", "XYZ"}}), 422, "primary");
  expect_error(api().post(base + "/needs", json{{"primary", "ASD"}, {"secondary", "asd"}}), 422, "secondary");
  expect_error(api().post(base + "/needs", json{{"primary", "NSA"}, {"secondary", "ASD"}}), 422, "secondary");
  expect_error(api().post(base + "/needs", json{{"secondary", "ASD"}}), 422, "primary");
  expect_error(api().post(base + "/needs", json{{"primary", 7}}), 422, "primary");
  expect_error(api().post(base + "/needs", json{{"primary", "ASD"}, {"tertiary", "HI"}}), 422, "tertiary");
  expect_error(api().request(http::verb::post, base + "/needs", R"({"primary":"ASD"})", "text/plain"), 415,
               "content-type");
  expect_error(api().request(http::verb::post, base + "/needs", "{\"primary\":", "application/json"), 400, "body");
  expect_error(api().post("/api/v1/children/999999/needs", json{{"primary", "ASD"}}), 404, "id");
  EXPECT_TRUE(record()["needs"].is_null());

  // Placements.
  json good{{"setting_type", "mainstream_la"}, {"urn", "123456"}, {"name", "Hillside Primary"},
            {"entry_date", "2025-09-03"}};
  auto with = [&](const std::string& key, const json& value) {
    json b = good;
    if (value.is_null()) b.erase(key); else b[key] = value;
    return api().post(base + "/placements", b);
  };
  expect_error(with("urn", "12345"), 422, "urn");
  expect_error(with("ukprn", "10012345"), 422, "ukprn");  // both a URN and a UKPRN
  expect_error(with("entry_date", "2026-11-26"), 422, "entry_date");  // after today
  expect_error(with("entry_date", "2025-02-30"), 422, "entry_date");
  expect_error(with("entry_date", "3/9/2025"), 422, "entry_date");
  expect_error(with("entry_date", nullptr), 422, "entry_date");
  expect_error(with("leaving_date", "2025-09-01"), 422, "leaving_date");  // before the start
  expect_error(with("setting_type", "boarding_kennel"), 422, "setting_type");
  expect_error(with("rank", 3), 422, "rank");
  expect_error(with("rank", "1"), 422, "rank");
  expect_error(with("colour", "red"), 422, "colour");
  expect_error(with("name", ""), 422, "name");
  json ehe{{"setting_type", "ehe"}, {"urn", "123456"}, {"entry_date", "2025-09-03"}};
  expect_error(api().post(base + "/placements", ehe), 422, "urn");
  expect_error(api().request(http::verb::post, base + "/placements", good.dump(), "text/plain"), 415, "content-type");
  expect_error(api().request(http::verb::post, base + "/placements", "[]", "application/json"), 400, "body");
  expect_error(api().post("/api/v1/children/999999/placements", good), 404, "id");
  EXPECT_EQ(record()["placements"], json::array());

  // A second current main placement conflicts; a dual placement alongside it does not.
  Reply first = api().post(base + "/placements", good);
  ASSERT_EQ(first.status, 201) << first.body;
  json second = good;
  second["urn"] = "222333";
  second["name"] = "Valley School";
  expect_error(api().post(base + "/placements", second), 409, "rank");
  EXPECT_EQ(record()["placements"].size(), 1u);
  second["rank"] = 2;
  EXPECT_EQ(api().post(base + "/placements", second).status, 201);
  expect_error(api().post(base + "/placements", second), 409, "rank");
  EXPECT_EQ(record()["placements"].size(), 2u);

  // Ending: the date is checked, the placement must be this child's.
  std::string end = base + "/placements/" + std::to_string(first.js()["id"].get<std::int64_t>()) + "/end";
  expect_error(api().post(end, json{{"leaving_date", "2025-09-02"}}), 422, "leaving_date");  // before the start
  expect_error(api().post(end, json{{"leaving_date", "2026-11-26"}}), 422, "leaving_date");  // after today
  expect_error(api().post(end, json{{"leaving_date", "2026-13-01"}}), 422, "leaving_date");
  expect_error(api().post(end, json::object()), 422, "leaving_date");
  expect_error(api().post(end, json{{"leaving_date", "2026-11-20"}, {"reason", "moved"}}), 422, "reason");
  expect_error(api().post(base + "/placements/999999/end", json{{"leaving_date", "2026-11-20"}}), 404, "placement_id");
  expect_error(api().post(base + "/placements/abc/end", json{{"leaving_date", "2026-11-20"}}), 404, "placement_id");
  std::int64_t other = create_child("Otherchild", 22);
  expect_error(api().post("/api/v1/children/" + std::to_string(other) + "/placements/" +
                              std::to_string(first.js()["id"].get<std::int64_t>()) + "/end",
                          json{{"leaving_date", "2026-11-20"}}),
               404, "placement_id");
  for (const auto& p : record()["placements"]) EXPECT_TRUE(p["leaving_date"].is_null()) << p.dump();
}

TEST_F(ApiTest, OpenApiDocumentDescribesEveryRoute) {
  Client anonymous(server_->port());
  Reply r = anonymous.get("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  json doc = r.js();
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  int api_routes = 0;
  for (const auto& route : server_->router().routes()) {
    if (route.pattern.rfind("/api/v1/", 0) != 0) continue;
    ++api_routes;
    std::string method(web::method_name(route.method));
    for (auto& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    ASSERT_TRUE(doc["paths"].contains(route.pattern)) << route.name << " is not in docs/openapi.json";
    EXPECT_TRUE(doc["paths"][route.pattern].contains(method)) << route.name << " is not in docs/openapi.json";
  }
  EXPECT_GE(api_routes, 12);
  EXPECT_TRUE(doc["components"]["schemas"].contains("Error"));
}

}  // namespace
}  // namespace gt::webtest
