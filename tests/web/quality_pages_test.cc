// Quality pages, through the server as people use them (no JavaScript): the caseworker grades the
// canary's plan (save, come back, submit, then it is fixed); a team manager assigns a health
// auditor, who sees only the health criteria of that one plan and loses it on submitting; the
// framework edited as a new version; two audits moderated; the results and the teams. The World
// (world_fixture.h) supplies the people, the canary's final plan and its open audit.
#include <gtest/gtest.h>

#include <regex>

#include "domain/quality_framework.h"
#include "store/organisations_store.h"
#include "world_fixture.h"

namespace gt::webtest {
namespace {

std::string unescape(std::string s) {
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&#39;", "'"}, {"&apos;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  }
  return s;
}

class QualityPages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new World();
    auto& w = *world_;
    health_ = w.server.storage().write([&](store::Database& db) {
      return store::insert_organisation(db, store::OrganisationRow{0, "Community Health", "health", std::nullopt,
                                                                   std::nullopt});
    });
    nurse_ = w.user("nurse", "Nia Nurse", "advice_giver", health_);
    other_nurse_ = w.user("nurse2", "Noor Nurse", "advice_giver", health_);
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }

  static std::string audit_path(std::int64_t id) { return "/quality/audits/" + std::to_string(id); }

  // Every criterion of `discipline` in the framework judged met.
  static Fields all_met(Discipline discipline) {
    Fields f;
    for (const auto& c : default_quality_framework().criteria)
      if (c.discipline == discipline) f.emplace_back(c.key + "-judgement", "met");
    return f;
  }

  static std::int64_t new_audit_id(const Reply& r) {
    std::smatch m;
    std::string loc = r.header("location");
    if (!std::regex_match(loc, m, std::regex("/quality/audits/([0-9]+)"))) return 0;
    return std::stoll(m[1].str());
  }

  // The audits the first two tests submit through the pages (the caseworker's education audit of
  // the canary's plan, a health auditor's): submitted here through the use case when a test runs
  // on its own (ctest runs each test in its own process), so every test starts from the same state.
  static void ensure_earlier_audits() {
    auto& w = *world_;
    auto& app = w.server.services();
    if (!caseworker_submitted_) {
      std::vector<CriterionMark> marks;
      for (const auto& c : default_quality_framework().criteria)
        if (c.discipline == Discipline::Education) marks.push_back({c.key, Judgement::Met, ""});
      app.quality.submit(w.people["caseworker"], w.quality_audit, marks, "TEST");
      caseworker_submitted_ = true;
    }
    if (!health_submitted_) {
      auto id = app.quality.assign(w.people["manager"], app::AssignInput{w.quality_version, nurse_.user_id}, "TEST").id;
      std::vector<CriterionMark> marks;
      for (const auto& c : default_quality_framework().criteria)
        if (c.discipline == Discipline::Health) marks.push_back({c.key, Judgement::Met, ""});
      app.quality.submit(nurse_, id, marks, "TEST");
      health_submitted_ = true;
    }
  }
  static bool caseworker_submitted_;
  static bool health_submitted_;

  static World* world_;
  static std::int64_t health_;
  static app::Actor nurse_, other_nurse_;
};
World* QualityPages::world_ = nullptr;
std::int64_t QualityPages::health_ = 0;
bool QualityPages::caseworker_submitted_ = false;
bool QualityPages::health_submitted_ = false;
app::Actor QualityPages::nurse_, QualityPages::other_nurse_;

TEST_F(QualityPages, TheCaseworkerGradesThePlanSavesComesBackAndSubmits) {
  auto& w = *world_;
  Browser& cw = w.as("caseworker");
  Reply hub = cw.get("/quality");
  ASSERT_EQ(hub.status, 200);
  EXPECT_NE(hub.body.find("Grade the plan for Zebedee Canarywhistle"), std::string::npos);
  EXPECT_NE(hub.body.find("href=\"/quality\""), std::string::npos);  // the navigation item

  std::string path = audit_path(w.quality_audit);
  Reply form = cw.get(path);
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 300);
  EXPECT_NE(form.body.find("<h1 class=\"govuk-heading-l\">Grade the plan</h1>"), std::string::npos);
  EXPECT_NE(form.body.find("href=\"/plan-versions/" + std::to_string(w.quality_version) + "\""), std::string::npos);
  EXPECT_NE(form.body.find("id=\"B-1-judgement\""), std::string::npos);
  EXPECT_NE(form.body.find("<label class=\"govuk-label govuk-label--s\" for=\"B-1-comment\">Comment on B-1</label>"),
            std::string::npos);
  EXPECT_NE(form.body.find(">Submit the audit</button>"), std::string::npos);
  EXPECT_NE(form.body.find(">Save and come back later</button>"), std::string::npos);
  // The plan's own words beside section B; the education auditor sees no health criterion.
  EXPECT_NE(form.body.find("Finds reading hard."), std::string::npos);
  EXPECT_EQ(form.body.find("id=\"C-1-judgement\""), std::string::npos);

  // Save part of it and come back.
  Reply saved = cw.post_form(path, {{"B-1-judgement", "met"}, {"F-1-judgement", "not_met"},
                                    {"F-1-comment", "No frequency or deliverer"}, {"action", "save"}});
  EXPECT_EQ(saved.status, 303) << saved.body.substr(0, 500);
  Reply back = cw.get(path);
  EXPECT_NE(back.body.find("id=\"F-1-judgement-3\" name=\"F-1-judgement\" type=\"radio\" value=\"not_met\" checked"),
            std::string::npos);
  EXPECT_NE(back.body.find("No frequency or deliverer"), std::string::npos);

  // Not met without saying why: 422, linked from the summary, nothing saved.
  Reply why = cw.post_form(path, {{"E-1-judgement", "not_met"}, {"action", "save"}});
  EXPECT_EQ(why.status, 422);
  EXPECT_NE(why.body.find("href=\"#E-1-comment\""), std::string::npos);
  // Submitting needs every criterion: the first missing one is linked.
  Reply incomplete = cw.post_form(path, {{"B-1-judgement", "met"}, {"action", "submit"}});
  EXPECT_EQ(incomplete.status, 422);
  EXPECT_NE(incomplete.body.find("href=\"#A-1-judgement\""), std::string::npos);
  // A value that is not a judgement.
  Reply odd = cw.post_form(path, {{"B-1-judgement", "excellent"}, {"action", "save"}});
  EXPECT_EQ(odd.status, 422);

  Fields all = all_met(Discipline::Education);
  all.emplace_back("action", "submit");
  Reply done = cw.post_form(path, all);
  EXPECT_EQ(done.status, 303) << done.body.substr(0, 500);
  caseworker_submitted_ = done.status == 303;
  Reply graded = cw.get(path);
  EXPECT_NE(graded.body.find("Outstanding"), std::string::npos);
  EXPECT_NE(graded.body.find("100.0%"), std::string::npos);
  EXPECT_EQ(graded.body.find(">Submit the audit</button>"), std::string::npos);
  // Fixed: a second submission is a conflict.
  EXPECT_EQ(cw.post_form(path, all).status, 409);
  // The manager sees it and may not grade it.
  Reply seen = w.as("manager").get(path);
  EXPECT_EQ(seen.status, 200);
  EXPECT_NE(seen.body.find("Audit of a plan"), std::string::npos);
}

TEST_F(QualityPages, AHealthAuditorSeesOnlyTheirPlanOnlyTheHealthCriteriaAndLosesItOnSubmitting) {
  auto& w = *world_;
  Browser& manager = w.as("manager");
  Reply form = manager.get("/quality/audits/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Nia Nurse (Health, Community Health)"), std::string::npos);
  // Nothing chosen: both questions, linked.
  Reply empty = manager.post_form("/quality/audits", {});
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("href=\"#version_id\""), std::string::npos);
  EXPECT_NE(empty.body.find("href=\"#auditor_id\""), std::string::npos);
  Reply assigned = manager.post_form(
      "/quality/audits", {{"version_id", std::to_string(w.quality_version)}, {"auditor_id", std::to_string(nurse_.user_id)}});
  ASSERT_EQ(assigned.status, 303) << assigned.body.substr(0, 500);
  std::int64_t id = new_audit_id(assigned);
  ASSERT_GT(id, 0);
  // Twice: a conflict, said on the form.
  Reply again = manager.post_form(
      "/quality/audits", {{"version_id", std::to_string(w.quality_version)}, {"auditor_id", std::to_string(nurse_.user_id)}});
  EXPECT_EQ(again.status, 409);

  auto nurse = w.server.sign_in_browser(nurse_.email, kPassword);
  Reply hub = nurse->get("/quality");
  ASSERT_EQ(hub.status, 200);
  EXPECT_NE(hub.body.find("href=\"" + audit_path(id) + "\""), std::string::npos);
  EXPECT_NE(hub.body.find("Quality audits"), std::string::npos);  // the navigation item
  Reply page = nurse->get(audit_path(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"C-1-judgement\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"G-1-judgement\""), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"B-1-judgement\""), std::string::npos);
  // Nothing else: another audit, the council's pages, the framework.
  EXPECT_EQ(nurse->get(audit_path(w.quality_audit)).status, 404);
  EXPECT_EQ(nurse->get("/children/" + std::to_string(w.canary_child)).status, 403);
  EXPECT_EQ(nurse->get("/quality/framework").status, 403);
  EXPECT_EQ(nurse->get("/quality/moderation/" + std::to_string(w.quality_version)).status, 403);
  auto other = w.server.sign_in_browser(other_nurse_.email, kPassword);
  Reply not_theirs = other->get(audit_path(id));
  EXPECT_EQ(not_theirs.status, 404);
  EXPECT_EQ(not_theirs.body.find(kCanaryName), std::string::npos);
  // An education criterion posted by hand is not theirs: ignored, nothing of it kept.
  EXPECT_EQ(nurse->post_form(audit_path(id), {{"B-1-judgement", "met"}, {"action", "save"}}).status, 303);
  EXPECT_TRUE(w.server.services().quality.audit(nurse_, id, "TEST").marks.empty());
  Fields all = all_met(Discipline::Health);
  all.emplace_back("action", "submit");
  Reply done = nurse->post_form(audit_path(id), all);
  EXPECT_EQ(done.status, 303);
  health_submitted_ = done.status == 303;
  EXPECT_EQ(done.header("location"), "/quality");
  Reply gone = nurse->get(audit_path(id));
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(gone.body.find(kCanaryName), std::string::npos);
  EXPECT_EQ(nurse->get("/quality").body.find(kCanaryName), std::string::npos);
}

TEST_F(QualityPages, AManagerEditsTheFrameworkAsANewVersion) {
  auto& w = *world_;
  Browser& manager = w.as("manager");
  Reply view = manager.get("/quality/framework");
  ASSERT_EQ(view.status, 200);
  EXPECT_NE(view.body.find("Version 1"), std::string::npos);  // stored when the World's audit was assigned
  Reply form = manager.get("/quality/framework/edit");
  ASSERT_EQ(form.status, 200);
  // Send the form back as shown, with B-1 weighing 3 and a new criterion for section F.
  Fields f;
  std::regex input("name=\"([A-Za-z0-9_\\-]+)\" type=\"text\" value=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(form.body.begin(), form.body.end(), input); it != std::sregex_iterator(); ++it)
    f.emplace_back((*it)[1].str(), (*it)[2].str());
  std::regex area("name=\"([A-Za-z0-9_\\-]+)\" rows=\"4\"[^>]*>([^<]*)</textarea>");
  for (auto it = std::sregex_iterator(form.body.begin(), form.body.end(), area); it != std::sregex_iterator(); ++it)
    if ((*it)[1].str() != "new-text" && (*it)[1].str() != "new-guidance" && (*it)[1].str() != "note")
      f.emplace_back((*it)[1].str(), unescape((*it)[2].str()));
  for (const auto& c : default_quality_framework().criteria) f.emplace_back(c.key + "-discipline", std::string(discipline_name(c.discipline)));
  for (auto& [k, v] : f)
    if (k == "B-1-weight") v = "3";
  Fields bad = f;
  for (auto& [k, v] : bad)
    if (k == "F-1-weight") v = "seven";
  Reply refused = manager.post_form("/quality/framework/edit", bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("href=\"#F-1-weight\""), std::string::npos);

  f.emplace_back("new-section", "F");
  f.emplace_back("new-text", "Transport to the setting is stated where needed");
  f.emplace_back("note", "Transport added");
  f.emplace_back("new-discipline", "education");
  Reply saved = manager.post_form("/quality/framework/edit", f);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 1500);
  Reply now = manager.get("/quality/framework");
  EXPECT_NE(now.body.find("Version 2"), std::string::npos);
  EXPECT_NE(now.body.find("F-6: Transport to the setting is stated where needed"), std::string::npos);
  EXPECT_NE(now.body.find("Transport added"), std::string::npos);
  // Version 1 is still there as it was.
  Reply v1 = manager.get("/quality/framework?version=1");
  EXPECT_EQ(v1.status, 200);
  EXPECT_EQ(v1.body.find("Transport to the setting"), std::string::npos);
  EXPECT_EQ(manager.get("/quality/framework?version=99").status, 404);
  // A caseworker reads but does not edit.
  EXPECT_EQ(w.as("caseworker").get("/quality/framework/edit").status, 403);
}

TEST_F(QualityPages, TwoAuditsAreModeratedAndTheResultsCountThem) {
  ensure_earlier_audits();
  auto& w = *world_;
  auto& app = w.server.services();
  // The manager audits the same plan too, differing on E-1.
  auto id = app.quality.assign(w.people["manager"], app::AssignInput{w.quality_version, w.people["manager"].user_id}, "TEST").id;
  auto fw = app.quality.audit(w.people["manager"], id, "TEST").framework;
  std::vector<CriterionMark> marks;
  for (const auto& c : fw.criteria)
    if (c.discipline == Discipline::Education)
      marks.push_back({c.key, c.key == "E-1" ? Judgement::Partly : Judgement::Met, c.key == "E-1" ? "No dates" : ""});
  app.quality.submit(w.people["manager"], id, marks, "TEST");

  Browser& manager = w.as("manager");
  std::string path = "/quality/moderation/" + std::to_string(w.quality_version);
  Reply page = manager.get(path);
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 400);
  EXPECT_NE(page.body.find("E-1: Outcomes are SMART"), std::string::npos);
  EXPECT_NE(page.body.find("No dates"), std::string::npos);
  EXPECT_NE(page.body.find("Record the agreed grade</button>"), std::string::npos);
  // The caseworker compares but does not record.
  Reply cw = w.as("caseworker").get(path);
  EXPECT_EQ(cw.status, 200);
  EXPECT_EQ(cw.body.find("Record the agreed grade</button>"), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("name=\"first\" value=\"([0-9]+)\"")));
  std::string first = m[1].str();
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("name=\"second\" value=\"([0-9]+)\"")));
  std::string second = m[1].str();
  Reply missing = manager.post_form(path, {{"first", first}, {"second", second}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_NE(missing.body.find("href=\"#agreed_grade\""), std::string::npos);
  EXPECT_NE(missing.body.find("href=\"#note\""), std::string::npos);
  Reply done = manager.post_form(path, {{"first", first}, {"second", second}, {"agreed_grade", "good"},
                                        {"note", "Outcomes need dates"}});
  EXPECT_EQ(done.status, 303) << done.body.substr(0, 500);
  Reply after = manager.get(done.header("location"));
  EXPECT_NE(after.body.find("Outcomes need dates"), std::string::npos);
  EXPECT_EQ(after.body.find("Record the agreed grade</button>"), std::string::npos);
  EXPECT_EQ(w.as("caseworker").post_form(path, {{"first", first}, {"second", second}, {"agreed_grade", "good"},
                                               {"note", "x"}})
                .status,
            403);

  // Results: this year's audits by discipline: 2 education and 1 health (the earlier tests').
  Reply results = manager.get("/quality/results?by=discipline");
  ASSERT_EQ(results.status, 200);
  EXPECT_NE(results.body.find("<th scope=\"row\" class=\"govuk-table__header\">Education</th>"), std::string::npos);
  EXPECT_NE(results.body.find("<th scope=\"row\" class=\"govuk-table__header\">Health</th>"), std::string::npos);
  EXPECT_TRUE(std::regex_search(results.body, std::regex("All audits</th>\\s*<td[^>]*>3</td>"))) << results.body;
  // An analyst sees the same table with small numbers suppressed.
  Reply analyst = w.as("analyst").get("/quality/results?by=discipline");
  EXPECT_EQ(analyst.status, 200);
  EXPECT_NE(analyst.body.find("fewer than 5"), std::string::npos);
  EXPECT_EQ(analyst.body.find(kCanaryName), std::string::npos);
  // A bad period is said on the form.
  Reply bad = manager.get("/quality/results?from-day=31&from-month=2&from-year=2026");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("href=\"#from"), std::string::npos);
  Reply backwards = manager.get(
      "/quality/results?from-day=1&from-month=11&from-year=2026&to-day=1&to-month=10&to-year=2026&by=month");
  EXPECT_EQ(backwards.status, 422);
}

TEST_F(QualityPages, TeamsAreSetByTheManagerAndGroupTheResults) {
  ensure_earlier_audits();
  auto& w = *world_;
  Browser& manager = w.as("manager");
  Reply page = manager.get("/quality/teams");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(">Save the team of Casey Worker</button>"), std::string::npos);
  Reply set = manager.post_form("/quality/teams", {{"user_id", std::to_string(w.staff.user_id)}, {"team", "North team"}});
  EXPECT_EQ(set.status, 303);
  EXPECT_NE(manager.get("/quality/teams").body.find("value=\"North team\""), std::string::npos);
  Reply odd = manager.post_form("/quality/teams", {{"user_id", std::to_string(w.people["parent"].user_id)}, {"team", "X"}});
  EXPECT_EQ(odd.status, 422);
  Reply by_team = manager.get("/quality/results?by=team");
  EXPECT_NE(by_team.body.find(">North team</th>"), std::string::npos);
  EXPECT_EQ(w.as("caseworker").post_form("/quality/teams", {{"user_id", std::to_string(w.staff.user_id)}, {"team", "Mine"}}).status,
            403);
}

}  // namespace
}  // namespace gt::webtest
