// Page tests: the GOV.UK pages through the real server in-process (web_test_support.h), today fixed
// at 2026-11-25, signed in by the session cookie exactly as a browser is. Covers sign-in, the
// caseload, children, the case page (deadlines with rule, basis and status), event forms (a case
// driven from request to final plan and through an annual review with amendments), corrections, a
// child's SEN needs and placement forms,
// and that a form with errors (422, error summary linking to the field) or without the CSRF token
// (403) writes nothing. Dates in expectations are worked out by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "domain/identifiers.h"
#include "web/form.h"
#include "web_test_support.h"

namespace gt::webtest {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string encode(const Fields& f) {
  std::string out;
  for (const auto& [k, v] : f) out += (out.empty() ? "" : "&") + web::url_encode(k) + "=" + web::url_encode(v);
  return out;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

class PagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    api_ = server_->signed_in_client().release();
    browser_ = new Client(server_->port());
    auto signed_in = server_->sign_in_browser(kEmail, kPassword);  // password, then the TOTP code
    cookie_ = signed_in->cookie;
    Reply home = get("/");
    ASSERT_EQ(home.status, 200);
    csrf_ = csrf_of(home.body);
    ASSERT_FALSE(csrf_.empty());
  }
  static void TearDownTestSuite() {
    delete browser_;
    delete api_;
    delete server_;
  }

  static std::string csrf_of(const std::string& html) {
    std::smatch m;
    if (std::regex_search(html, m, std::regex("name=\"csrf_token\" value=\"([^\"]+)\""))) return m[1].str();
    return "";
  }

  // Requests as the signed-in browser (cookie, no bearer token).
  static Reply get(const std::string& target) {
    return browser_->request(http::verb::get, target, "", "", {{"cookie", cookie_}});
  }
  static Reply post_form(const std::string& target, Fields f, bool with_csrf = true) {
    if (with_csrf) f.emplace_back("csrf_token", csrf_);
    return browser_->request(http::verb::post, target, encode(f), "application/x-www-form-urlencoded",
                             {{"cookie", cookie_}});
  }
  static Fields date(const std::string& name, const std::string& d, const std::string& m, const std::string& y) {
    return {{name + "-day", d}, {name + "-month", m}, {name + "-year", y}};
  }
  static Reply record(std::int64_t case_id, const std::string& type, const std::string& iso, Fields extra = {}) {
    Fields f{{"type", type}};
    f.emplace_back("date-day", std::to_string(std::stoi(iso.substr(8, 2))));
    f.emplace_back("date-month", std::to_string(std::stoi(iso.substr(5, 2))));
    f.emplace_back("date-year", iso.substr(0, 4));
    for (auto& e : extra) f.push_back(e);
    return post_form("/cases/" + std::to_string(case_id) + "/events", f);
  }

  static std::string upn(int serial) {
    char body[13];
    std::snprintf(body, sizeof body, "30120%07d", serial);
    return std::string(1, *upn_check_letter(body)) + body;
  }

  // Seeds through the JSON API: a child with an open case whose request was received on `request`.
  static std::int64_t seeded_case(const std::string& given, int serial, const std::string& request) {
    Reply c = api_->post("/api/v1/children", json{{"given_name", given}, {"family_name", "Pagetest"},
                                                  {"date_of_birth", "2015-03-04"}, {"sex", "M"},
                                                  {"ethnicity", "WBRI"}, {"upn", upn(serial)}});
    EXPECT_EQ(c.status, 201) << c.body;
    Reply k = api_->post("/api/v1/cases", json{{"child_id", c.js()["id"]}});
    EXPECT_EQ(k.status, 201) << k.body;
    std::int64_t id = k.js()["case"]["id"].get<std::int64_t>();
    Reply e = api_->post("/api/v1/cases/" + std::to_string(id) + "/events",
                         json{{"type", "request_received"}, {"date", request}, {"source", 2}});
    EXPECT_EQ(e.status, 201) << e.body;
    return id;
  }

  static std::size_t event_count(std::int64_t case_id) {
    Reply r = api_->get("/api/v1/cases/" + std::to_string(case_id) + "/events");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.js()["events"].size();
  }

  static TestServer* server_;
  static Client* api_;
  static Client* browser_;
  static std::string cookie_;
  static std::string csrf_;
};

TestServer* PagesTest::server_ = nullptr;
Client* PagesTest::api_ = nullptr;
Client* PagesTest::browser_ = nullptr;
std::string PagesTest::cookie_;
std::string PagesTest::csrf_;

TEST_F(PagesTest, EveryPageButSignInNeedsASession) {
  Client anon(server_->port());
  for (const char* path : {"/", "/children", "/children/new", "/cases/1", "/cases/1/events/new?type=withdrawn",
                           "/children/1/needs", "/children/1/placements/new", "/children/1/placements/1/end"}) {
    Reply r = anon.get(path);
    EXPECT_EQ(r.status, 303) << path;
    EXPECT_EQ(r.header("location"), "/sign-in") << path;
  }
  Reply r = anon.get("/sign-in");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "<html lang=\"en\""));
  EXPECT_TRUE(contains(r.body, "govuk-skip-link"));
  EXPECT_TRUE(contains(r.body, "<label class=\"govuk-label govuk-label--s\" for=\"email\">"));
  EXPECT_FALSE(contains(r.body, "<script")) << "no script is needed, and none is inline";
  EXPECT_FALSE(contains(r.body, "style=")) << "no inline style under the CSP";
}

TEST_F(PagesTest, WrongPasswordShowsTheErrorSummaryAndSetsNoCookie) {
  Client anon(server_->port());
  Reply r = post_public_form(anon, "/sign-in", {{"email", kEmail}, {"password", "not the password"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_TRUE(contains(r.body, "govuk-error-summary"));
  EXPECT_TRUE(contains(r.body, "href=\"#email\""));
  EXPECT_TRUE(contains(r.body, "<title>Error: Sign in - Golden Thread</title>"));
  EXPECT_TRUE(contains(r.body, "value=\"casey.worker@example.org\"")) << "the email is kept";
  EXPECT_FALSE(contains(r.body, "not the password")) << "the password is never echoed";
  EXPECT_EQ(set_cookie_value(r, "gt_session"), "");

  Reply empty = post_public_form(anon, "/sign-in", {{"email", ""}, {"password", ""}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, "Enter your email address"));
  EXPECT_TRUE(contains(empty.body, "href=\"#password\""));
}

TEST_F(PagesTest, SignInSetsTheSessionCookieAndSignOutEndsIt) {
  Client b(server_->port());
  Reply r = post_public_form(b, "/sign-in", {{"email", kEmail}, {"password", kPassword}});
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/sign-in/two-factor") << "staff give a code next";
  EXPECT_TRUE(contains(r.header("set-cookie"), "HttpOnly"));
  auto signed_in = server_->sign_in_browser(kEmail, kPassword);
  std::string cookie = signed_in->cookie;
  Reply home = b.request(http::verb::get, "/", "", "", {{"cookie", cookie}});
  ASSERT_EQ(home.status, 200);
  EXPECT_TRUE(contains(home.body, "Signed in as Casey Worker"));
  std::string csrf = csrf_of(home.body);

  Reply forged = b.request(http::verb::post, "/sign-out", encode({{"csrf_token", "wrong"}}),
                           "application/x-www-form-urlencoded", {{"cookie", cookie}});
  EXPECT_EQ(forged.status, 403);
  Reply out = b.request(http::verb::post, "/sign-out", encode({{"csrf_token", csrf}}),
                        "application/x-www-form-urlencoded", {{"cookie", cookie}});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.header("location"), "/sign-in");
  Reply after = b.request(http::verb::get, "/", "", "", {{"cookie", cookie}});
  EXPECT_EQ(after.status, 303) << "the session has ended";
}

TEST_F(PagesTest, CaseloadShowsASeededCaseWithItsNextDeadline) {
  // Request 2026-10-26: A1 due 6 weeks later, 7 December 2026; 12 days after 25 November.
  std::int64_t id = seeded_case("Caseload", 1, "2026-10-26");
  Reply r = get("/");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "<h1 class=\"govuk-heading-l\">Caseload</h1>"));
  EXPECT_TRUE(contains(r.body, "href=\"/cases/" + std::to_string(id) + "\">Caseload Pagetest</a>"));
  EXPECT_TRUE(contains(r.body, "7 December 2026"));
  EXPECT_TRUE(contains(r.body, "Due in 12 days"));

  Reply filtered = get("/?due_within=14&stage=request");
  ASSERT_EQ(filtered.status, 200);
  EXPECT_TRUE(contains(filtered.body, "Caseload Pagetest"));
  Reply overdue = get("/?overdue=yes");
  ASSERT_EQ(overdue.status, 200);
  EXPECT_FALSE(contains(overdue.body, "Caseload Pagetest")) << "not overdue yet";

  Reply bad = get("/?due_within=soon");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#due_within\""));
}

TEST_F(PagesTest, CasePageShowsEveryDeadlineWithItsRuleBasisAndStatus) {
  // Request 2026-06-01: A1 due 13 July 2026 (6 weeks), not decided, so overdue by 135 days
  // (13 July -> 13 November is 123 days, + 12); A6 due 19 October 2026 (20 weeks).
  std::int64_t id = seeded_case("Deadline", 2, "2026-06-01");
  Reply r = get("/cases/" + std::to_string(id));
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Deadline Pagetest"));
  EXPECT_TRUE(contains(r.body, ">A1</th>"));
  EXPECT_TRUE(contains(r.body, "Decide whether to carry out an EHC needs assessment"));
  EXPECT_TRUE(contains(r.body, "SEND Regulations 2014 reg 5(1)"));
  EXPECT_TRUE(contains(r.body, "13 July 2026"));
  EXPECT_TRUE(contains(r.body, "Overdue by 135 days"));
  EXPECT_TRUE(contains(r.body, "19 October 2026"));
  EXPECT_TRUE(contains(r.body, "SEND Regulations 2014 reg 13(2)"));
  EXPECT_TRUE(contains(r.body, "Not known yet: no final plan has been issued"));
  EXPECT_TRUE(contains(r.body, "Request for an EHC needs assessment received"));
  EXPECT_TRUE(contains(r.body, "/events/new?type=decision_to_assess")) << "a link for each allowed next event";
}

TEST_F(PagesTest, EventFormWithAMissingDateIs422WithTheSummaryAndWritesNothing) {
  std::int64_t id = seeded_case("Missing", 3, "2026-09-07");
  Reply form = get("/cases/" + std::to_string(id) + "/events/new?type=decision_to_assess");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">"));
  EXPECT_TRUE(contains(form.body, "id=\"date-day\" name=\"date-day\""));
  EXPECT_TRUE(contains(form.body, "type=\"radio\" value=\"assess\""));

  std::size_t before = event_count(id);
  Reply r = post_form("/cases/" + std::to_string(id) + "/events",
                      {{"type", "decision_to_assess"}, {"date-day", ""}, {"date-month", ""}, {"date-year", ""},
                       {"outcome", "assess"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "govuk-error-summary"));
  EXPECT_TRUE(contains(r.body, "<a href=\"#date-day\">Enter the date the decision was sent to the family</a>"));
  EXPECT_TRUE(contains(r.body, "govuk-error-message"));
  EXPECT_TRUE(contains(r.body, "value=\"assess\" checked")) << "the answers are kept";
  EXPECT_EQ(event_count(id), before);

  // Not a real date, and a date the domain refuses (after today): both named, nothing written.
  Reply unreal = record(id, "decision_to_assess", "2026-02-30", {{"outcome", "assess"}});
  EXPECT_EQ(unreal.status, 422);
  EXPECT_TRUE(contains(unreal.body, "must be a real date"));
  Reply future = record(id, "decision_to_assess", "2026-12-01", {{"outcome", "assess"}});
  EXPECT_EQ(future.status, 422);
  EXPECT_TRUE(contains(future.body, "href=\"#date-day\""));
  EXPECT_TRUE(contains(future.body, "after today"));
  Reply no_outcome = record(id, "decision_to_assess", "2026-10-01");
  EXPECT_EQ(no_outcome.status, 422);
  EXPECT_TRUE(contains(no_outcome.body, "<a href=\"#outcome\">Select what the council decided</a>"));
  EXPECT_EQ(event_count(id), before);
}

TEST_F(PagesTest, PostWithoutTheCsrfTokenIs403AndWritesNothing) {
  std::int64_t id = seeded_case("Forged", 4, "2026-09-07");
  std::size_t before = event_count(id);
  Reply r = post_form("/cases/" + std::to_string(id) + "/events",
                      {{"type", "withdrawn"}, {"date-day", "1"}, {"date-month", "10"}, {"date-year", "2026"}}, false);
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(contains(r.body, "govuk-heading-l"));
  EXPECT_EQ(event_count(id), before);
}

TEST_F(PagesTest, AValidFormIsRecordedAndRedirectsToTheCase) {
  std::int64_t id = seeded_case("Valid", 5, "2026-09-07");
  std::size_t before = event_count(id);
  Reply r = record(id, "decision_to_assess", "2026-10-12", {{"outcome", "assess"}});
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("location"), "/cases/" + std::to_string(id));
  EXPECT_EQ(event_count(id), before + 1);
  Reply page = get("/cases/" + std::to_string(id));
  // A1: request 7 September 2026 + 6 weeks = 19 October 2026, met on 12 October.
  EXPECT_TRUE(contains(page.body, "Met on 12 October 2026"));
  EXPECT_TRUE(contains(page.body, "Assessment"));
}

TEST_F(PagesTest, DrivesACaseFromRequestToFinalPlanAndThroughAReviewWithAmendments) {
  // Open the case through the pages, then record every step through the event forms.
  Reply c = api_->post("/api/v1/children", json{{"given_name", "Journey"}, {"family_name", "Pagetest"},
                                                {"date_of_birth", "2014-01-20"}, {"sex", "F"},
                                                {"ethnicity", "WBRI"}, {"upn", upn(6)}});
  ASSERT_EQ(c.status, 201);
  std::string child = "/children/" + std::to_string(c.js()["id"].get<std::int64_t>());
  Reply opened = post_form(child + "/cases", {{"caseworker", std::to_string(server_->staff().user_id)}});
  ASSERT_EQ(opened.status, 303) << opened.body;
  std::string case_path = opened.header("location");
  std::int64_t id = std::stoll(case_path.substr(7));

  ASSERT_EQ(record(id, "request_received", "2025-09-01", {{"source", "1"}}).status, 303);
  ASSERT_EQ(record(id, "decision_to_assess", "2025-10-06", {{"outcome", "assess"}}).status, 303);
  ASSERT_EQ(record(id, "advice_requested", "2025-10-08", {{"from", "educational_psychology"}, {"id", "EP-1"}}).status, 303);
  Reply advice_form = get(case_path + "/events/new?type=advice_received");
  EXPECT_TRUE(contains(advice_form.body, "<option value=\"EP-1\"")) << "open advice requests are offered";
  ASSERT_EQ(record(id, "advice_received", "2025-11-10", {{"id", "EP-1"}}).status, 303);
  ASSERT_EQ(record(id, "decision_to_issue", "2025-12-15", {{"outcome", "issue"}}).status, 303);
  ASSERT_EQ(record(id, "draft_plan_served", "2025-12-22").status, 303);
  ASSERT_EQ(record(id, "final_plan_issued", "2026-01-19").status, 303);
  Reply plan = get(case_path);
  // A6: 1 September 2025 + 20 weeks = 19 January 2026: met on the day.
  EXPECT_TRUE(contains(plan.body, "Yes: the final plan was issued within 20 weeks"));
  EXPECT_TRUE(contains(plan.body, "Met on 19 January 2026"));
  // R1: first review within 12 months of the plan, by 19 January 2027.
  EXPECT_TRUE(contains(plan.body, "19 January 2027"));

  ASSERT_EQ(record(id, "review_meeting", "2026-11-02").status, 303);
  ASSERT_EQ(record(id, "review_report", "2026-11-10").status, 303);
  ASSERT_EQ(record(id, "review_decision", "2026-11-20", {{"outcome", "amend"}}).status, 303);
  ASSERT_EQ(record(id, "amendments_proposed", "2026-11-23").status, 303);
  Reply amending = get(case_path);
  // M2: 23 November 2026 + 8 weeks = 18 January 2027; M4: 2 November 2026 + 12 weeks = 25 January 2027.
  EXPECT_TRUE(contains(amending.body, "18 January 2027"));
  EXPECT_TRUE(contains(amending.body, "25 January 2027"));
  ASSERT_EQ(record(id, "amended_plan_issued", "2026-11-25").status, 303);
  Reply done = get(case_path);
  EXPECT_TRUE(contains(done.body, "Met on 25 November 2026"));
  EXPECT_EQ(event_count(id), 12u);

  Reply child_page = get(child);
  EXPECT_EQ(child_page.status, 200);
  EXPECT_TRUE(contains(child_page.body, "href=\"" + case_path + "\""));
}

TEST_F(PagesTest, CorrectionStrikesOutAnEntryAndTheTimelineKeepsIt) {
  std::int64_t id = seeded_case("Correct", 7, "2026-09-07");
  ASSERT_EQ(record(id, "decision_to_assess", "2026-10-12", {{"outcome", "assess"}}).status, 303);
  Reply page = get("/cases/" + std::to_string(id));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("href=\"(/cases/[0-9]+/events/([0-9]+)/correct)\"[^>]*>Correct<span class=\"govuk-visually-hidden\"> Decision")));
  std::string correct = m[1].str();
  Reply form = get(correct);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "value=\"12\"")) << "the replacement starts from the entry's values";

  std::size_t before = event_count(id);
  Reply no_reason = post_form(correct, {{"action", "strike"}, {"correction_reason", " "}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(contains(no_reason.body, "href=\"#correction_reason\""));
  EXPECT_EQ(event_count(id), before);

  Reply replaced = post_form(correct, {{"action", "replace"}, {"correction_reason", "Wrong date typed"},
                                       {"date-day", "5"}, {"date-month", "10"}, {"date-year", "2026"},
                                       {"outcome", "assess"}});
  ASSERT_EQ(replaced.status, 303) << replaced.body;
  Reply after = get("/cases/" + std::to_string(id));
  EXPECT_TRUE(contains(after.body, "<del>12 October 2026</del>"));
  EXPECT_TRUE(contains(after.body, "Superseded"));
  EXPECT_TRUE(contains(after.body, "Reason: Wrong date typed"));
  EXPECT_TRUE(contains(after.body, "Met on 5 October 2026"));
  Reply again = get(correct);
  EXPECT_EQ(again.status, 409) << "a corrected entry cannot be corrected again";
}

TEST_F(PagesTest, ChildFormShowsEveryErrorKeepsValuesAndCreates) {
  Reply bad = post_form("/children", {{"given_name", ""}, {"family_name", "Okafor"}, {"date_of_birth-day", "31"},
                                      {"date_of_birth-month", "2"}, {"date_of_birth-year", "2016"}, {"sex", "F"},
                                      {"ethnicity", "BAFR"}, {"upn", "B801200005002"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#given_name\""));
  EXPECT_TRUE(contains(bad.body, "href=\"#date_of_birth-day\""));
  EXPECT_TRUE(contains(bad.body, "href=\"#upn\""));
  EXPECT_LT(bad.body.find("href=\"#given_name\""), bad.body.find("href=\"#upn\"")) << "in the order of the form";
  EXPECT_TRUE(contains(bad.body, "value=\"Okafor\""));

  Reply ok = post_form("/children", {{"given_name", "<b>Amara</b>"}, {"family_name", "Okafor"},
                                     {"date_of_birth-day", "14"}, {"date_of_birth-month", "5"},
                                     {"date_of_birth-year", "2016"}, {"sex", "F"}, {"ethnicity", "BAFR"},
                                     {"postcode", "nm1 4ab"}, {"upn", "B801200005001"}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  Reply rec = get(ok.header("location"));
  ASSERT_EQ(rec.status, 200);
  EXPECT_TRUE(contains(rec.body, "&lt;b&gt;Amara&lt;&#x2F;b&gt;") || contains(rec.body, "&lt;b&gt;Amara&lt;/b&gt;"));
  EXPECT_FALSE(contains(rec.body, "<b>Amara</b>")) << "everything is escaped";
  EXPECT_TRUE(contains(rec.body, "NM1 4AB"));
  EXPECT_TRUE(contains(rec.body, "Open a case"));

  Reply found = post_form("/children/search", {{"name", "Okafor"}});
  EXPECT_EQ(found.status, 200);
  EXPECT_TRUE(contains(found.body, "href=\"" + ok.header("location") + "\""));
  Reply empty = post_form("/children/search", {{"name", ""}});
  EXPECT_EQ(empty.status, 422);
}

TEST_F(PagesTest, NeedsFormRecordsTheNeedsAndTheChildPageShowsThem) {
  Reply c = api_->post("/api/v1/children", json{{"given_name", "Needful"}, {"family_name", "Pagetest"},
                                                {"date_of_birth", "2016-02-11"}, {"sex", "F"},
                                                {"ethnicity", "WBRI"}, {"upn", upn(20)}});
  ASSERT_EQ(c.status, 201) << c.body;
  std::string child = "/children/" + std::to_string(c.js()["id"].get<std::int64_t>());
  auto needs = [&] { return api_->get("/api/v1" + child).js()["needs"]; };

  Reply before = get(child);
  ASSERT_EQ(before.status, 200);
  EXPECT_TRUE(contains(before.body, "No special educational needs recorded yet."));
  EXPECT_TRUE(contains(before.body, "href=\"" + child + "/needs\""));
  EXPECT_TRUE(contains(before.body, "href=\"" + child + "/placements/new\""));

  Reply form = get(child + "/needs");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "<label class=\"govuk-label govuk-label--s\" for=\"primary\">Primary type of need</label>"));
  EXPECT_TRUE(contains(form.body, "<label class=\"govuk-label govuk-label--s\" for=\"secondary\">"));
  EXPECT_TRUE(contains(form.body, "<optgroup label=\"Communication and interaction\">"));
  EXPECT_TRUE(contains(form.body, "<optgroup label=\"Sensory and/or physical\">"));
  EXPECT_TRUE(contains(form.body, "<option value=\"ASD\">Autistic spectrum disorder (ASD)</option>"));
  EXPECT_TRUE(contains(form.body, "<option value=\"\" selected>None</option>")) << "secondary: none by default";
  EXPECT_FALSE(contains(form.body, "<script"));

  // Bad input: every problem named, linked to its field, nothing written.
  Reply unknown = post_form(child + "/needs", {{"primary", "XYZ"}, {"secondary", ""}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(contains(unknown.body, "govuk-error-summary"));
  EXPECT_TRUE(contains(unknown.body, "<a href=\"#primary\">The primary type of need must be one of"));
  EXPECT_TRUE(contains(unknown.body, "id=\"primary-error\""));
  Reply same = post_form(child + "/needs", {{"primary", "HI"}, {"secondary", "HI"}});
  EXPECT_EQ(same.status, 422);
  EXPECT_TRUE(contains(same.body, "href=\"#secondary\""));
  EXPECT_TRUE(contains(same.body, "<option value=\"HI\" selected>")) << "the answers are kept";
  Reply empty = post_form(child + "/needs", {{"primary", ""}, {"secondary", ""}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, "<a href=\"#primary\">Select the primary type of need</a>"));
  Reply forged = post_form(child + "/needs", {{"primary", "ASD"}}, false);
  EXPECT_EQ(forged.status, 403);
  EXPECT_TRUE(needs().is_null());

  Reply ok = post_form(child + "/needs", {{"primary", "ASD"}, {"secondary", "SEMH"}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.header("location"), child);
  EXPECT_EQ(needs()["primary"]["code"], "ASD");
  Reply after = get(child);
  EXPECT_TRUE(contains(after.body, "Autistic spectrum disorder (ASD)"));
  EXPECT_TRUE(contains(after.body, "Broad area: Communication and interaction"));
  EXPECT_TRUE(contains(after.body, "Social, emotional and mental health (SEMH)"));
  EXPECT_TRUE(contains(after.body, "Broad area: Social, emotional and mental health"));
  EXPECT_TRUE(contains(after.body, "Change the special educational needs"));
  // The form starts from what is recorded; "none" for the secondary clears it.
  Reply again = get(child + "/needs");
  EXPECT_TRUE(contains(again.body, "<option value=\"ASD\" selected>"));
  ASSERT_EQ(post_form(child + "/needs", {{"primary", "DS"}, {"secondary", ""}}).status, 303);
  EXPECT_TRUE(needs()["secondary"].is_null());
  Reply ds = get(child);
  EXPECT_TRUE(contains(ds.body, "Down syndrome (DS)"));
  EXPECT_TRUE(contains(ds.body, "Broad area: Not in one of the four broad areas"));
}

TEST_F(PagesTest, PlacementFormsAddAndEndPlacementsAndTheChildPageShowsThem) {
  Reply c = api_->post("/api/v1/children", json{{"given_name", "Placed"}, {"family_name", "Pagetest"},
                                                {"date_of_birth", "2012-06-30"}, {"sex", "M"},
                                                {"ethnicity", "WBRI"}, {"upn", upn(21)}});
  ASSERT_EQ(c.status, 201) << c.body;
  std::string child = "/children/" + std::to_string(c.js()["id"].get<std::int64_t>());
  auto placements = [&] { return api_->get("/api/v1" + child).js()["placements"]; };
  // `f` with `more` added; a field in both takes the value in `more`.
  auto with = [](Fields f, const Fields& more) {
    for (const auto& m : more) {
      auto it = std::find_if(f.begin(), f.end(), [&](const auto& e) { return e.first == m.first; });
      if (it != f.end()) it->second = m.second; else f.push_back(m);
    }
    return f;
  };
  Fields main{{"setting_type", "special_academy"}, {"name", "Oakfield Academy"}, {"urn", "145678"}, {"ukprn", ""},
              {"rank", "1"}, {"leaving_date-day", ""}, {"leaving_date-month", ""}, {"leaving_date-year", ""}};

  Reply form = get(child + "/placements/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "<label class=\"govuk-label govuk-label--s\" for=\"setting_type\">Type of setting</label>"));
  EXPECT_TRUE(contains(form.body, "<optgroup label=\"Special school\">"));
  EXPECT_TRUE(contains(form.body, "<option value=\"fe_college\">"));
  EXPECT_TRUE(contains(form.body, "for=\"urn\""));
  EXPECT_TRUE(contains(form.body, "for=\"ukprn\""));
  EXPECT_TRUE(contains(form.body, "id=\"rank\" name=\"rank\" type=\"radio\" value=\"1\" checked")) << "main by default";
  EXPECT_TRUE(contains(form.body, "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Start date</legend>"));
  EXPECT_TRUE(contains(form.body, "id=\"entry_date-day\" name=\"entry_date-day\""));
  EXPECT_TRUE(contains(form.body, "id=\"leaving_date-day\" name=\"leaving_date-day\""));

  // Empty: the setting and the start date are asked for.
  Reply empty = post_form(child + "/placements/new", {{"setting_type", ""}, {"rank", "1"}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, "<a href=\"#setting_type\">Select the type of setting</a>"));
  EXPECT_TRUE(contains(empty.body, "<a href=\"#entry_date-day\">Enter the start date</a>"));
  // A URN of 5 digits and a UKPRN as well, a start date after today: every problem at once, in form order.
  Reply bad = post_form(child + "/placements/new",
                        with(with(main, {{"urn", "12345"}, {"ukprn", "10012345"}}), date("entry_date", "26", "11", "2026")));
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "<a href=\"#urn\">A URN is 6 digits, like 123456</a>"));
  EXPECT_TRUE(contains(bad.body, "<a href=\"#ukprn\">Enter a URN or a UKPRN, not both</a>"));
  EXPECT_TRUE(contains(bad.body, "<a href=\"#entry_date-day\">The start date must be today or in the past</a>"));
  EXPECT_LT(bad.body.find("href=\"#urn\""), bad.body.find("href=\"#entry_date-day\""));
  EXPECT_TRUE(contains(bad.body, "value=\"Oakfield Academy\"")) << "the answers are kept";
  EXPECT_TRUE(contains(bad.body, "<option value=\"special_academy\" selected>"));
  Reply unreal = post_form(child + "/placements/new", with(main, date("entry_date", "30", "2", "2025")));
  EXPECT_EQ(unreal.status, 422);
  EXPECT_TRUE(contains(unreal.body, "The start date must be a real date"));
  Reply no_rank = post_form(child + "/placements/new",
                            with({{"setting_type", "ehe"}, {"rank", ""}}, date("entry_date", "1", "9", "2025")));
  EXPECT_EQ(no_rank.status, 422);
  EXPECT_TRUE(contains(no_rank.body, "href=\"#rank\""));
  Reply forged = post_form(child + "/placements/new", with(main, date("entry_date", "3", "9", "2025")), false);
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(placements(), json::array());

  // A main placement, then a second current main one conflicts (409), a dual one is fine.
  Reply ok = post_form(child + "/placements/new", with(main, date("entry_date", "3", "9", "2025")));
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.header("location"), child);
  Reply twice = post_form(child + "/placements/new",
                          with({{"setting_type", "mainstream_la"}, {"name", "Hillside"}, {"urn", "111222"}, {"rank", "1"}},
                               date("entry_date", "1", "10", "2026")));
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(contains(twice.body, "<a href=\"#rank\">There is already a current main placement"));
  ASSERT_EQ(placements().size(), 1u);
  Reply dual = post_form(child + "/placements/new",
                         with({{"setting_type", "fe_college"}, {"name", "Northgate College"}, {"ukprn", "10012345"},
                               {"rank", "2"}},
                              date("entry_date", "5", "1", "2026")));
  ASSERT_EQ(dual.status, 303) << dual.body;

  Reply page = get(child);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Current placements"));
  EXPECT_TRUE(contains(page.body, "Special academy or free school"));
  EXPECT_TRUE(contains(page.body, "Oakfield Academy<br>URN 145678"));
  EXPECT_TRUE(contains(page.body, "Northgate College<br>UKPRN 10012345"));
  EXPECT_TRUE(contains(page.body, ">Main</td>"));
  EXPECT_TRUE(contains(page.body, ">Dual</td>"));
  EXPECT_TRUE(contains(page.body, "From 3 September 2025"));
  EXPECT_FALSE(contains(page.body, "Past placements"));

  // Ending the main placement: the form, its errors, then the leaving date once.
  std::int64_t main_id = 0;
  for (const auto& p : placements())
    if (p["rank"] == 1) main_id = p["id"].get<std::int64_t>();
  std::string end = child + "/placements/" + std::to_string(main_id) + "/end";
  EXPECT_TRUE(contains(page.body, "href=\"" + end + "\""));
  Reply end_form = get(end);
  ASSERT_EQ(end_form.status, 200);
  EXPECT_TRUE(contains(end_form.body, "Record a leaving date"));
  EXPECT_TRUE(contains(end_form.body, "Oakfield Academy"));
  EXPECT_TRUE(contains(end_form.body, "id=\"leaving_date-day\""));
  Reply no_date = post_form(end, date("leaving_date", "", "", ""));
  EXPECT_EQ(no_date.status, 422);
  EXPECT_TRUE(contains(no_date.body, "<a href=\"#leaving_date-day\">Enter the leaving date</a>"));
  Reply too_early = post_form(end, date("leaving_date", "2", "9", "2025"));
  EXPECT_EQ(too_early.status, 422);
  EXPECT_TRUE(contains(too_early.body, "The leaving date must be on or after the start date"));
  Reply future = post_form(end, date("leaving_date", "1", "12", "2026"));
  EXPECT_EQ(future.status, 422);
  EXPECT_TRUE(contains(future.body, "href=\"#leaving_date-day\""));
  for (const auto& p : placements()) EXPECT_TRUE(p["leaving_date"].is_null());

  Reply ended = post_form(end, date("leaving_date", "20", "11", "2026"));
  ASSERT_EQ(ended.status, 303) << ended.body;
  EXPECT_EQ(ended.header("location"), child);
  Reply after = get(child);
  EXPECT_TRUE(contains(after.body, "Past placements"));
  EXPECT_TRUE(contains(after.body, "3 September 2025 to 20 November 2026"));
  EXPECT_FALSE(contains(after.body, "href=\"" + end + "\"")) << "an ended placement offers no leaving date";
  EXPECT_EQ(get(end).status, 409);
  EXPECT_EQ(post_form(end, date("leaving_date", "21", "11", "2026")).status, 409);
  for (const auto& p : placements())
    if (p["id"] == main_id) EXPECT_EQ(p["leaving_date"], "2026-11-20");
  EXPECT_EQ(get(child + "/placements/999999/end").status, 404);
  EXPECT_EQ(get("/children/999999/placements/new").status, 404);
  EXPECT_EQ(get("/children/999999/needs").status, 404);
}

TEST_F(PagesTest, ErrorPagesAreGovukStyled) {
  Reply missing = get("/cases/999999");
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(contains(missing.body, "govuk-template"));
  EXPECT_TRUE(contains(missing.body, "<h1 class=\"govuk-heading-l\">Page not found</h1>"));
  Reply unknown = get("/no-such-page");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(contains(unknown.body, "Page not found"));
  std::int64_t id = seeded_case("Typo", 977, "2026-11-02");
  Reply type = get("/cases/" + std::to_string(id) + "/events/new?type=nonsense");  // the case first, then the type
  EXPECT_EQ(type.status, 400);
  EXPECT_TRUE(contains(type.body, "govuk-template"));
}


TEST_F(PagesTest, CaseloadCountsFollowTheCaseworkerFilter) {
  // One overdue case (request 2026-06-01: A1 due 13 July 2026) allocated to a new caseworker.
  app::Actor worker = server_->accounts().create_user("scope@example.org", "Scope Worker", "caseworker",
                                                      "a long enough password");
  Reply c = api_->post("/api/v1/children", json{{"given_name", "Scoped"}, {"family_name", "Pagetest"},
                                                {"date_of_birth", "2015-03-04"}, {"sex", "F"},
                                                {"ethnicity", "WBRI"}, {"upn", upn(901)}});
  ASSERT_EQ(c.status, 201) << c.body;
  Reply k = api_->post("/api/v1/cases", json{{"child_id", c.js()["id"]}, {"caseworker_id", worker.user_id}});
  ASSERT_EQ(k.status, 201) << k.body;
  std::int64_t id = k.js()["case"]["id"].get<std::int64_t>();
  ASSERT_EQ(api_->post("/api/v1/cases/" + std::to_string(id) + "/events",
                       json{{"type", "request_received"}, {"date", "2026-06-01"}, {"source", 1}})
                .status,
            201);

  const std::string w = std::to_string(worker.user_id);
  Reply r = get("/?caseworker=" + w);
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "govuk-!-margin-bottom-2\">1</p>")) << "exactly this worker's one overdue case";
  EXPECT_TRUE(contains(r.body, "href=\"/?overdue=yes&amp;caseworker=" + w + "\""));
  EXPECT_TRUE(contains(r.body, "href=\"/?stage=request&amp;caseworker=" + w + "\""));
}

TEST_F(PagesTest, CasePageListsWhatIsStillToDoFirst) {
  // Request 2026-01-05, decided 2026-02-10 (A1 met); A6 due 25 May 2026 is still open, and comes
  // before the met A1 in the table although the clock lists A1 first.
  std::int64_t id = seeded_case("Ordered", 902, "2026-01-05");
  ASSERT_EQ(api_->post("/api/v1/cases/" + std::to_string(id) + "/events",
                       json{{"type", "decision_to_assess"}, {"date", "2026-02-10"}, {"outcome", "assess"}})
                .status,
            201);
  Reply r = get("/cases/" + std::to_string(id));
  ASSERT_EQ(r.status, 200);
  auto a6 = r.body.find(">A6</th>");
  auto a1 = r.body.find(">A1</th>");
  ASSERT_NE(a6, std::string::npos);
  ASSERT_NE(a1, std::string::npos);
  EXPECT_LT(a6, a1);
}

}  // namespace
}  // namespace gt::webtest
