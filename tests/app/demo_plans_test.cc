// Demo plans: two builds of the same small council hold the same plans, byte for byte; every
// version agrees with its case's chronology (the event it records, its date) and the plan in force
// is the chronology's latest final or amended plan; every version validates, its needs follow the
// child's recorded types, and about a fifth of the plans have thread findings; the caseworker's
// whole caseload has plans; parent@ can comment on a draft inside its 15-day window; the demo
// SENCO's school has a pupil whose plan in force has provision the school delivers and whose
// annual review falls due within 8 weeks, and delivery records of the provision the school gives
// its pupils, most as the plan says and some short (app/demo_delivery.h).
#include "app/demo_plans.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "app/demo.h"
#include "app/demo_people.h"
#include "app/services.h"
#include "app/storage.h"
#include "domain/plan_checks.h"
#include "domain/plan_json.h"
#include "domain/provision_delivery.h"
#include "domain/representations.h"
#include "store/access_store.h"
#include "store/cases_store.h"
#include "store/delivery_store.h"
#include "store/needs_store.h"
#include "store/plans_store.h"
#include "store/users_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

const Date kToday = *Date::parse("2026-11-25");
// Large enough for the demo SENCO's school to have a pupil whose review is due within 8 weeks (the
// default size, 3,300 plans, has one too; the smallest demos may not).
constexpr int kPlans = 1500;

DemoOptions options(int plans = kPlans) {
  DemoOptions o;
  o.seed = 1;
  o.plans = plans;
  o.today = kToday;
  return o;
}

// Every plan and version of the database as text, case by case.
std::string dump_plans(store::Database& db, std::size_t cases) {
  std::string out;
  for (std::int64_t id = 1; id <= static_cast<std::int64_t>(cases); ++id) {
    auto plan = store::plan_of_case(db, id);
    if (!plan) continue;
    out += std::to_string(plan->case_id) + "|" + std::to_string(plan->child_id) + "|" + plan->created_at + "|" +
           std::to_string(plan->created_by.value_or(0)) + "\n";
    for (const auto& v : store::issued_versions(db, plan->id))
      out += std::to_string(v.number.value_or(0)) + "|" + v.kind + "|" + v.issued_on.value_or("-") + "|" +
             v.issued_at.value_or("-") + "|" + std::to_string(v.issued_by.value_or(0)) + "|" +
             std::to_string(v.event_id.value_or(0)) + "|" + std::to_string(v.based_on.value_or(0)) + "|" + v.content +
             "\n";
  }
  return out;
}

Actor actor(store::Database& db, const char* email) {
  auto u = store::find_user_by_email(db, email);
  EXPECT_TRUE(u) << email;
  return Actor{u->id, u->display_name, u->email, u->role, u->organisation_id, u->organisation_name,
               u->organisation_kind, u->org_admin};
}

const char* event_for(const std::string& kind) {
  if (kind == "draft") return "draft_plan_served";
  if (kind == "final") return "final_plan_issued";
  if (kind == "proposed_amendments") return "amendments_proposed";
  return "amended_plan_issued";
}

class DemoPlansTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new testing::TempDb();
    council_ = new DemoCouncil(build_demo(tmp_->path(), options()));
  }
  static void TearDownTestSuite() {
    delete council_;
    delete tmp_;
  }
  static std::int64_t case_count() { return static_cast<std::int64_t>(council_->cases.size()); }
  static testing::TempDb* tmp_;
  static DemoCouncil* council_;
};
testing::TempDb* DemoPlansTest::tmp_ = nullptr;
DemoCouncil* DemoPlansTest::council_ = nullptr;

TEST(DemoPlans, TheSameSeedGivesTheSamePlans) {
  testing::TempDb once, again;
  auto council = build_demo(once.path(), options(300));
  build_demo(again.path(), options(300));
  store::Database a(once.path()), b(again.path());
  std::string first = dump_plans(a, council.cases.size()), second = dump_plans(b, council.cases.size());
  EXPECT_GT(first.size(), 100000u);
  EXPECT_EQ(std::hash<std::string>{}(first), std::hash<std::string>{}(second));
  EXPECT_TRUE(first == second);
}

TEST_F(DemoPlansTest, EveryVersionIsTheChronologysEventAndThePlanInForceIsTheLatest) {
  store::Database db(tmp_->path());
  int plans = 0, finals_checked = 0;
  for (std::int64_t id = 1; id <= case_count(); ++id) {
    auto plan = store::plan_of_case(db, id);
    if (!plan) continue;
    ++plans;
    auto rows = store::events_of_case(db, id);
    std::map<std::int64_t, store::EventRow> by_id;
    std::optional<store::EventRow> latest_issue;
    for (const auto& r : rows) {
      by_id[r.id] = r;
      if (r.type == "final_plan_issued" || r.type == "amended_plan_issued") latest_issue = r;
    }
    auto issued = store::issued_versions(db, plan->id);
    ASSERT_FALSE(issued.empty()) << "case " << id;
    std::string previous_date;
    for (auto it = issued.rbegin(); it != issued.rend(); ++it) {
      ASSERT_TRUE(it->event_id) << "case " << id;
      ASSERT_TRUE(by_id.count(*it->event_id)) << "case " << id << " version " << it->id;
      const auto& e = by_id[*it->event_id];
      EXPECT_EQ(e.type, event_for(it->kind)) << "case " << id;
      EXPECT_EQ(e.event_date, it->issued_on.value_or("")) << "case " << id;
      EXPECT_GE(it->issued_on.value_or(""), previous_date) << "case " << id << ": numbered in date order";
      previous_date = it->issued_on.value_or("");
    }
    auto in_force = store::latest_issued(db, plan->id, {"final", "amended"});
    if (latest_issue) {
      ASSERT_TRUE(in_force) << "case " << id;
      EXPECT_EQ(in_force->event_id, latest_issue->id) << "case " << id;
      EXPECT_EQ(in_force->issued_on, latest_issue->event_date) << "case " << id;
      if (latest_issue->type == "final_plan_issued") {
        EXPECT_EQ(in_force->kind, "final");
        ++finals_checked;
      }
    } else {
      EXPECT_FALSE(in_force) << "case " << id;
      EXPECT_EQ(issued.front().kind, "draft") << "case " << id;
    }
  }
  EXPECT_GT(plans, 300);
  EXPECT_GT(finals_checked, 20);
}

TEST_F(DemoPlansTest, TheCaseworkersWholeCaseloadHasPlans) {
  store::Database db(tmp_->path());
  auto caseworker = store::find_user_by_email(db, kDemoCaseworkerEmail);
  int caseload = 0;
  for (std::int64_t id = 1; id <= case_count(); ++id) {
    auto c = store::find_case(db, id);
    if (c->caseworker_id != caseworker->id || c->stage == "closed") continue;
    bool issued = false;
    for (const auto& e : store::events_of_case(db, id)) issued = issued || e.type == "final_plan_issued";
    if (!issued) continue;
    ++caseload;
    auto plan = store::plan_of_case(db, id);
    ASSERT_TRUE(plan) << "case " << id;
    EXPECT_TRUE(store::latest_issued(db, plan->id, {"final", "amended"})) << "case " << id;
  }
  EXPECT_GT(caseload, 20);
}

TEST_F(DemoPlansTest, VersionsValidateFollowTheChildsNeedsAndAboutAFifthAreWeak) {
  store::Database db(tmp_->path());
  int plans = 0, with_findings = 0;
  std::set<std::string> codes;
  for (std::int64_t id = 1; id <= case_count(); ++id) {
    auto plan = store::plan_of_case(db, id);
    if (!plan) continue;
    ++plans;
    std::set<std::string> recorded;
    for (const auto& n : store::needs_history(db, plan->child_id)) {
      recorded.insert(n.primary_type);
      if (n.secondary_type) recorded.insert(*n.secondary_type);
    }
    auto issued = store::issued_versions(db, plan->id);
    for (const auto& v : issued) {
      Plan p = plan_from_json(v.content);
      auto errors = validate_plan(p);
      EXPECT_TRUE(errors.empty()) << "version " << v.id << ": " << errors.front().field;
      for (const auto& n : p.needs)
        if (n.section == PlanSection::B) EXPECT_TRUE(recorded.count(n.sen_type)) << "version " << v.id << " " << n.sen_type;
    }
    auto findings = check_thread(plan_from_json(issued.front().content));
    if (!findings.empty()) ++with_findings;
    for (const auto& f : findings) codes.insert(f.code);
  }
  double share = static_cast<double>(with_findings) / plans;
  EXPECT_GT(share, 0.14) << with_findings << " of " << plans;
  EXPECT_LT(share, 0.32) << with_findings << " of " << plans;
  for (const char* code : {"provision_not_specific", "outcome_without_time_frame", "need_without_provision",
                           "provision_without_outcome"})
    EXPECT_TRUE(codes.count(code)) << code;
}

TEST_F(DemoPlansTest, TheParentCanCommentOnADraftInsideItsWindow) {
  Storage storage(tmp_->path());
  Today today(kToday);
  Services app(storage, today, ServicesSettings{});
  auto& db = storage.read();
  auto parent = actor(db, kDemoParentEmail);
  auto links = store::family_links_of_user(db, parent.user_id);
  ASSERT_EQ(links.size(), 2u) << "the walkthrough child and the child with a draft plan";
  std::int64_t draft_case = 0, version_id = 0;
  for (const auto& l : links)
    for (const auto& c : store::cases_of_child(db, l.child_id))
      if (auto plan = store::plan_of_case(db, c.id)) {
        auto issued = store::issued_versions(db, plan->id);
        if (!issued.empty() && issued.front().kind == "draft") draft_case = c.id, version_id = issued.front().id;
      }
  ASSERT_NE(draft_case, 0);
  auto windows = comment_windows(Casework::chronology_in(db, draft_case));
  ASSERT_FALSE(windows.empty());
  EXPECT_TRUE(windows.back().open(kToday)) << "last day " << windows.back().last_day.to_string();
  auto overview = app.plans.overview(parent, draft_case, "TEST");
  ASSERT_TRUE(overview.family_window);
  EXPECT_TRUE(overview.family_window->open(kToday));
  auto draft = app.plans.version(parent, version_id, "TEST");
  EXPECT_TRUE(draft.plan.placement.name.empty()) << "a draft names no school";
  ASSERT_FALSE(draft.plan.needs.empty());
  auto comment = app.plans.comment(parent, version_id, draft.plan.needs.front().id,
                                   "Please say how many sessions a week this will be.", "TEST");
  EXPECT_EQ(comment.version_id, version_id);
}

TEST_F(DemoPlansTest, TheSencosSchoolHasAPupilWithAReviewDueAndProvisionItDelivers) {
  Storage storage(tmp_->path());
  Today today(kToday);
  Services app(storage, today, ServicesSettings{});
  auto& db = storage.read();
  auto senco = actor(db, kDemoSencoEmail);
  ASSERT_TRUE(senco.organisation_id);
  int pupils_with_plans = 0;
  bool found = false;
  for (std::int64_t id = 1; id <= case_count(); ++id) {
    auto c = store::find_case(db, id);
    if (!store::on_roll(db, *senco.organisation_id, c->child_id, kToday.to_string())) continue;
    auto plan = store::plan_of_case(db, id);
    if (!plan || !store::latest_issued(db, plan->id, {"final", "amended"})) continue;
    ++pupils_with_plans;
    if (c->stage != "plan" || !c->next_due || (c->next_rule != "R1" && c->next_rule != "R2")) continue;
    int days = *Date::parse(*c->next_due) - kToday;
    if (days < 0 || days > 56) continue;
    auto in_force = app.plans.in_force(senco, id, "TEST");
    ASSERT_TRUE(in_force);
    bool school_delivers = false;
    for (const auto& f : in_force->plan.provision)
      school_delivers = school_delivers || f.provider_organisation_id == *senco.organisation_id;
    EXPECT_TRUE(school_delivers) << "case " << id;
    EXPECT_EQ(in_force->plan.placement.urn, *store::find_organisation(db, *senco.organisation_id)->urn);
    found = true;
  }
  EXPECT_GT(pupils_with_plans, 0);
  EXPECT_TRUE(found);
}

TEST_F(DemoPlansTest, TheSencosPupilsHaveDeliveryRecordsSomeShort) {
  store::Database db(tmp_->path());
  auto senco = store::find_user_by_email(db, kDemoSencoEmail);
  int records = 0, short_records = 0, cases_with_records = 0;
  for (std::int64_t id = 1; id <= case_count(); ++id) {
    auto rows = store::delivery_records_of_case(db, id);
    if (rows.empty()) continue;
    ++cases_with_records;
    auto c = store::find_case(db, id);
    EXPECT_TRUE(store::on_roll(db, *senco->organisation_id, c->child_id, kToday.to_string())) << "case " << id;
    auto plan = store::plan_of_case(db, id);
    auto in_force = store::latest_issued(db, plan->id, {"final", "amended"});
    ASSERT_TRUE(in_force);
    Plan p = plan_from_json(in_force->content);
    for (const auto& r : rows) {
      EXPECT_EQ(r.plan_version_id, in_force->id);
      EXPECT_EQ(r.recorded_by, senco->id);
      EXPECT_LT(r.period_to, kToday.to_string());
      const PlanProvision* line = find_provision(p, r.element_id);
      ASSERT_TRUE(line) << r.element_id;
      EXPECT_EQ(line->provider_organisation_id, *senco->organisation_id);
      auto j = judge_delivery(*line, *Date::parse(r.period_from), *Date::parse(r.period_to), r.closed_days,
                              r.sessions_delivered, r.minutes_delivered);
      ++records;
      if (j.shortfall) {
        ++short_records;
        EXPECT_FALSE(r.missed_reason.empty());
      } else {
        EXPECT_EQ(j.sessions_short, 0) << "a record that is not short meets the plan in full";
      }
    }
  }
  EXPECT_GT(cases_with_records, 0);
  EXPECT_GT(short_records, 0);
  EXPECT_LT(short_records * 4, records) << short_records << " of " << records;
}

}  // namespace
}  // namespace gt::app
