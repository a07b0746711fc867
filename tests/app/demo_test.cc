// Demo council: a small council built into a temporary file is identical for the same seed and
// today, every chronology in it passes the domain rules and matches its stored projection, its
// figures sit in bands around the national ones (SEND reference s5), every child is valid, the
// demo staff can sign in, and an existing file is refused (the command: tests/cli/demo_command_test.cc).
// Needs and placements: every child has valid needs, every placement is valid with at most one
// current placement per rank, and a larger generated council (3,300 plans, not written) follows the
// national shapes of primary need by age (s5.4) and of settings (s5.6).
#include "app/demo.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "app/accounts.h"
#include "app/case_projection.h"
#include "app/child_rows.h"
#include "app/event_json.h"
#include "app/storage.h"
#include "domain/chronology.h"
#include "domain/codes.h"
#include "domain/identifiers.h"
#include "store/cases_store.h"
#include "store/children_store.h"
#include "store/database.h"
#include "store/needs_store.h"
#include "store/users_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

constexpr int kPlans = 400;
const Date kToday = *Date::parse("2026-03-02");

DemoOptions options(std::uint64_t seed = 7) {
  DemoOptions o;
  o.seed = seed;
  o.plans = kPlans;
  o.today = kToday;
  return o;
}

// Everything a reader of the database sees of one case, as text, for comparisons.
std::string dump_case(store::Database& db, std::int64_t case_id) {
  auto c = store::find_case(db, case_id);
  std::string out = std::to_string(c->child_id) + "|" + c->opened_at + "|" + c->stage + "|" +
                    c->next_due.value_or("-") + "|" + c->next_rule.value_or("-") + "|" +
                    std::to_string(c->caseworker_id.value_or(0)) + "\n";
  auto child = store::find_child(db, c->child_id);
  out += child->given_name + "|" + child->family_name + "|" + child->date_of_birth + "|" + child->sex + "|" +
         child->ethnicity + "|" + child->postcode + "|" + child->upn.value_or("-") + "|" + child->uln.value_or("-") +
         "|" + child->nhs_number.value_or("-") + "|" + child->upn_unknown + "\n";
  for (const auto& e : store::events_of_case(db, case_id))
    out += e.type + "|" + e.event_date + "|" + e.payload.value_or("-") + "|" + e.recorded_at + "|" +
           std::to_string(e.recorded_by.value_or(0)) + "\n";
  for (const auto& n : store::needs_history(db, c->child_id))
    out += n.primary_type + "|" + n.secondary_type.value_or("-") + "|" + n.recorded_at + "|" +
           std::to_string(n.recorded_by.value_or(0)) + "\n";
  for (const auto& p : store::placements_of_child(db, c->child_id))
    out += p.setting_type + "|" + p.urn.value_or("-") + "|" + p.ukprn.value_or("-") + "|" + p.name + "|" +
           std::to_string(p.rank) + "|" + p.entry_date + "|" + p.leaving_date.value_or("-") + "|" + p.recorded_at +
           "|" + std::to_string(p.recorded_by.value_or(0)) + "\n";
  return out;
}

std::vector<Event> chronology_of(store::Database& db, std::int64_t case_id) {
  std::vector<Event> out;
  for (const auto& row : store::events_of_case(db, case_id)) out.push_back(event_from_json(nlohmann::json::parse(*row.payload)));
  return out;
}

class DemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new testing::TempDb();
    council_ = new DemoCouncil(build_demo(tmp_->path(), options()));
  }
  static void TearDownTestSuite() {
    delete council_;
    delete tmp_;
  }
  static testing::TempDb* tmp_;
  static DemoCouncil* council_;
};
testing::TempDb* DemoTest::tmp_ = nullptr;
DemoCouncil* DemoTest::council_ = nullptr;

TEST_F(DemoTest, SameSeedAndTodayGiveTheSameDatabase) {
  testing::TempDb other;
  DemoCouncil again = build_demo(other.path(), options());
  EXPECT_EQ(again.summary.cases, council_->summary.cases);
  EXPECT_EQ(again.summary.events, council_->summary.events);
  store::Database a(tmp_->path()), b(other.path());
  ASSERT_EQ(store::count_children(a), store::count_children(b));
  for (std::int64_t id = 1; id <= council_->summary.cases; ++id) ASSERT_EQ(dump_case(a, id), dump_case(b, id)) << "case " << id;
  auto ua = store::list_users(a), ub = store::list_users(b);
  ASSERT_EQ(ua.size(), ub.size());
  for (size_t i = 0; i < ua.size(); ++i) {
    EXPECT_EQ(ua[i].email, ub[i].email);
    EXPECT_EQ(ua[i].password_hash, ub[i].password_hash);
  }
}

TEST_F(DemoTest, AnotherSeedGivesAnotherCouncil) {
  DemoCouncil other = generate_demo(options(8));
  EXPECT_EQ(other.summary.active_plans, kPlans);
  EXPECT_NE(other.cases.front().child.given_name + other.cases.front().child.family_name +
                other.cases.front().child.date_of_birth.to_string(),
            council_->cases.front().child.given_name + council_->cases.front().child.family_name +
                council_->cases.front().child.date_of_birth.to_string());
}

TEST_F(DemoTest, EveryChronologyPassesTheDomainRulesAndMatchesItsProjection) {
  store::Database db(tmp_->path());
  int plans = 0;
  for (std::int64_t id = 1; id <= council_->summary.cases; ++id) {
    std::vector<Event> events = chronology_of(db, id), prefix;
    ASSERT_FALSE(events.empty());
    for (const Event& e : events) {
      auto rejection = check_append(prefix, e, kToday);
      ASSERT_FALSE(rejection) << "case " << id << " " << event_type_name(e.type) << " " << e.date.to_string() << ": "
                              << rejection->field << ": " << rejection->reason;
      prefix.push_back(e);
    }
    CaseProjection p = project_case(events, kToday);
    auto row = store::find_case(db, id);
    EXPECT_EQ(row->stage, stage_name(p.stage)) << "case " << id;
    EXPECT_EQ(row->next_due, p.next_due ? std::optional<std::string>(p.next_due->to_string()) : std::nullopt);
    EXPECT_EQ(row->next_rule, p.next_rule);
    EXPECT_EQ(row->event_count, static_cast<int>(events.size()));
    bool plan = std::any_of(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::FinalPlanIssued; });
    plans += plan && p.stage != Stage::Closed;
  }
  EXPECT_EQ(plans, kPlans);
}

TEST_F(DemoTest, FiguresFollowTheNationalOnes) {
  // Over the three years of the request flow, for samples large enough to be stable at this size.
  const Date from = kToday.plus_days(-3 * 365);
  int refused = 0, assessed = 0, issued = 0, within = 0, decisions = 0, within4 = 0, requests_last_year = 0;
  for (const DemoCase& c : council_->cases) {
    Date request, meeting;
    for (const Event& e : c.events) {
      if (e.type == EventType::RequestReceived) {
        request = e.date;
        requests_last_year += e.date > kToday.plus_days(-365);
      }
      if (e.type == EventType::DecisionToAssess && e.date > from) ++(e.outcome == Outcome::NotAssess ? refused : assessed);
      if (e.type == EventType::FinalPlanIssued && request > from) {
        ++issued;
        within += e.date <= request.plus_weeks(20);
      }
      if (e.type == EventType::ReviewMeeting) meeting = e.date;
      if (e.type == EventType::ReviewDecision && e.date > from) {
        ++decisions;
        within4 += e.date <= meeting.plus_weeks(4);
      }
    }
  }
  ASSERT_GT(issued, 100);
  double refusal = 100.0 * refused / (refused + assessed), on_time = 100.0 * within / issued,
         reviews = 100.0 * within4 / decisions;
  EXPECT_GE(refusal, 15);
  EXPECT_LE(refusal, 35);
  EXPECT_GE(on_time, 35);
  EXPECT_LE(on_time, 60);
  EXPECT_GE(reviews, 30);
  EXPECT_LE(reviews, 60);
  EXPECT_NEAR(requests_last_year, 770.0 * kPlans / 3300, 25);  // ~93 for 400 plans
  const DemoSummary& s = council_->summary;
  EXPECT_EQ(s.active_plans, kPlans);
  EXPECT_GE(100.0 * s.male / s.active_plans, 62);
  EXPECT_LE(100.0 * s.male / s.active_plans, 78);
  EXPECT_GT(s.age_band[2], s.age_band[0]);  // peaks in secondary age, few under 5
  EXPECT_GE(council_->staff.size(), 6u);
  EXPECT_LE(council_->staff.size(), 10u);
}

TEST_F(DemoTest, EveryChildIsValidWithValidUniqueIdentifiers) {
  store::Database db(tmp_->path());
  std::set<std::string> upns;
  auto n = store::count_children(db);
  ASSERT_EQ(n, council_->summary.children);
  int with_upn = 0, with_uln = 0, with_nhs = 0;
  for (std::int64_t id = 1; id <= n; ++id) {
    auto r = store::find_child(db, id);
    ASSERT_TRUE(r);
    Date dob = *Date::parse(r->date_of_birth);
    int age = age_on(dob, kToday);
    EXPECT_GE(age, 0);
    EXPECT_LE(age, 25);
    if (r->upn) {
      EXPECT_TRUE(validate_upn(*r->upn)) << *r->upn << ": " << validate_upn(*r->upn).error;
      EXPECT_EQ(r->upn->substr(1, 3), kDemoLaNumber);
      EXPECT_TRUE(upns.insert(*r->upn).second);
      ++with_upn;
    }
    if (r->uln) {
      EXPECT_TRUE(validate_uln(*r->uln)) << *r->uln;
      EXPECT_GE(age, 16);
      ++with_uln;
    }
    if (r->nhs_number) {
      EXPECT_TRUE(validate_nhs_number(*r->nhs_number)) << *r->nhs_number;
      EXPECT_EQ(r->nhs_number->substr(0, 3), "999");  // the range never issued
      ++with_nhs;
    }
    EXPECT_TRUE(validate_postcode(r->postcode)) << r->postcode;
    EXPECT_EQ(r->postcode.substr(0, 2), "NM");
    Child c{id, r->given_name, r->family_name, dob, r->sex, r->ethnicity, r->postcode,
            r->upn.value_or(""), r->uln.value_or(""), r->nhs_number.value_or(""), r->upn_unknown};
    auto errors = validate_child(c, kToday);
    EXPECT_TRUE(errors.empty()) << "child " << id << ": " << errors.front().field << ": " << errors.front().reason;
  }
  EXPECT_GT(with_upn, n * 8 / 10);
  EXPECT_GT(with_uln, 0);
  EXPECT_GT(with_nhs, n / 2);
}

TEST_F(DemoTest, NoEventIsAfterToday) {
  for (const DemoCase& c : council_->cases)
    for (const Event& e : c.events) {
      ASSERT_LE(e.date, kToday);
      if (e.exception_to) {
        ASSERT_LE(*e.exception_to, kToday);
      }
    }
}

TEST_F(DemoTest, DemoStaffSignInWithTheDocumentedPassword) {
  Storage storage(tmp_->path());
  Accounts accounts(storage);
  auto cw = accounts.sign_in(kDemoCaseworkerEmail, kDemoPassword);
  ASSERT_TRUE(cw);
  EXPECT_EQ(cw->actor.role, "caseworker");
  auto mgr = accounts.sign_in(kDemoManagerEmail, kDemoPassword);
  ASSERT_TRUE(mgr);
  EXPECT_EQ(mgr->actor.role, "manager");
  EXPECT_FALSE(accounts.sign_in(kDemoManagerEmail, "not-the-password"));
  // The demo caseworker has a caseload of their own.
  int mine = 0;
  for (const DemoCase& c : council_->cases) mine += c.caseworker == 1;
  EXPECT_GT(mine, 0);
  EXPECT_EQ(council_->staff[1].email, kDemoCaseworkerEmail);
}

bool active_plan(const DemoCase& c) {
  bool plan = std::any_of(c.events.begin(), c.events.end(), [](const Event& e) { return e.type == EventType::FinalPlanIssued; });
  return plan && c.stage != stage_name(Stage::Closed);
}

TEST_F(DemoTest, EveryChildHasValidNeedsAndPlacementsInTheDatabase) {
  store::Database db(tmp_->path());
  int with_placement = 0, plan_holders = 0;
  for (std::int64_t id = 1; id <= council_->summary.cases; ++id) {
    auto c = store::find_case(db, id);
    const DemoCase& dc = council_->cases[static_cast<std::size_t>(id - 1)];
    // Every child with a case has current needs, and every plan holder among them.
    auto current = store::current_needs(db, c->child_id);
    ASSERT_TRUE(current) << "case " << id;
    plan_holders += active_plan(dc);
    EXPECT_EQ(current->primary_type, dc.needs.back().needs.primary);
    for (const auto& row : store::needs_history(db, c->child_id)) {
      SenNeeds n = needs_from_row(row);
      auto errors = validate_needs(n);
      EXPECT_TRUE(errors.empty()) << "case " << id << ": " << errors.front().field << ": " << errors.front().reason;
      EXPECT_TRUE(plan_sen_types().contains(n.primary)) << n.primary;
      EXPECT_LE(row.recorded_at.substr(0, 10), kToday.to_string());
    }
    auto rows = store::placements_of_child(db, c->child_id);
    EXPECT_EQ(rows.size(), dc.placements.size());
    with_placement += !rows.empty();
    std::map<int, int> current_by_rank;
    for (const auto& row : rows) {
      Placement p = placement_from_row(row);
      auto errors = validate_placement(p, kToday);
      EXPECT_TRUE(errors.empty()) << "case " << id << " " << row.setting_type << ": " << errors.front().field << ": "
                                  << errors.front().reason;
      if (p.current()) ++current_by_rank[p.rank];
      EXPECT_GE(p.entry_date.to_string(), store::find_child(db, c->child_id)->date_of_birth);
    }
    for (auto [rank, n] : current_by_rank) EXPECT_LE(n, 1) << "case " << id << " rank " << rank;
    if (!rows.empty()) {
      EXPECT_EQ(current_by_rank[1], 1) << "case " << id;  // a main placement, current
    }
  }
  EXPECT_EQ(plan_holders, kPlans);
  EXPECT_GT(with_placement, council_->summary.cases * 9 / 10);
}

// A larger council, generated but not written, for shares that need more than 400 plans.
class DemoFiguresTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    DemoOptions o = options(11);
    o.plans = 3300;
    council_ = new DemoCouncil(generate_demo(o));
  }
  static void TearDownTestSuite() { delete council_; }
  static DemoCouncil* council_;
};
DemoCouncil* DemoFiguresTest::council_ = nullptr;

TEST_F(DemoFiguresTest, PrimaryNeedFollowsTheNationalSharesAndVariesWithAge) {
  int plans = 0, asd = 0, semh = 0, secondary = 0, young = 0, young_slcn = 0, old = 0, old_slcn = 0;
  int young_semh = 0, teen = 0, teen_semh = 0;
  for (const DemoCase& c : council_->cases) {
    ASSERT_FALSE(c.needs.empty());
    if (!active_plan(c)) continue;
    const SenNeeds& n = c.needs.back().needs;
    ++plans;
    asd += n.primary == "ASD";
    semh += n.primary == "SEMH";
    secondary += !n.secondary.empty();
    int age = age_on(c.child.date_of_birth, kToday);
    if (age <= 5) ++young, young_slcn += n.primary == "SLCN", young_semh += n.primary == "SEMH";
    if (age >= 16) ++old, old_slcn += n.primary == "SLCN";
    if (age == 15 || age == 16) ++teen, teen_semh += n.primary == "SEMH";
  }
  ASSERT_EQ(plans, 3300);
  auto share = [](int n, int d) { return 100.0 * n / d; };
  EXPECT_GE(share(asd, plans), 25);  // national 31.5%
  EXPECT_LE(share(asd, plans), 38);
  EXPECT_GE(share(semh, plans), 15);  // national 20.7%
  EXPECT_LE(share(semh, plans), 27);
  EXPECT_GE(share(secondary, plans), 28);  // "roughly 30-40%"
  EXPECT_LE(share(secondary, plans), 42);
  ASSERT_GT(young, 100);
  EXPECT_GE(share(young_slcn, young), 35);  // ~47-50% at 3-5
  EXPECT_LE(share(old_slcn, old), 20);      // ~11-12% at 16-18
  EXPECT_GT(share(young_slcn, young), share(old_slcn, old) + 20);
  EXPECT_LT(share(young_semh, young), share(teen_semh, teen) - 15);  // ~3% at 4, ~30% at 15-16
  EXPECT_EQ(council_->summary.primary_need[0], asd);
}

TEST_F(DemoFiguresTest, SettingsFollowTheNationalMix) {
  std::array<int, 7> groups{};
  int plans = 0, earlier = 0, dual = 0;
  for (const DemoCase& c : council_->cases) {
    if (!active_plan(c)) continue;
    ++plans;
    int group = 6;  // not recorded
    for (const Placement& p : c.placements) {
      if (p.rank == 1 && p.current()) {
        auto g = setting_types().group(p.setting_type);
        for (std::size_t i = 0; i < setting_groups().size(); ++i)
          if (setting_groups().codes()[i].code == g) group = static_cast<int>(i);
        // Age fits the setting: no one under 16 at college, no one over 5 in early years.
        int age = age_on(c.child.date_of_birth, kToday);
        if (g == "post16") {
          EXPECT_GE(age, 15) << p.name;
        }
        if (g == "early_years") {
          EXPECT_LE(age, 5) << p.name;
        }
      }
      earlier += !p.current();
      dual += p.rank == 2;
    }
    ++groups[static_cast<std::size_t>(group)];
  }
  auto share = [&](int i) { return 100.0 * groups[static_cast<std::size_t>(i)] / plans; };
  EXPECT_EQ(setting_groups().codes()[0].code, "mainstream");
  EXPECT_EQ(setting_groups().codes()[1].code, "special");
  EXPECT_EQ(setting_groups().codes()[2].code, "post16");
  EXPECT_GE(share(0), 35);  // mainstream, national 43.6%
  EXPECT_LE(share(0), 52);
  EXPECT_GE(share(1), 22);  // special, 30.4%
  EXPECT_LE(share(1), 38);
  EXPECT_GE(share(2), 8);  // FE and post-16, 13.8%
  EXPECT_LE(share(2), 20);
  EXPECT_GE(share(6), 1);  // not recorded, 3.0%
  EXPECT_LE(share(6), 6);
  for (std::size_t i = 0; i < groups.size(); ++i) EXPECT_EQ(council_->summary.setting_group[i], groups[i]);
  EXPECT_GT(earlier, plans / 5);  // phase transfers and moves
  EXPECT_GT(dual, 5);
}

TEST_F(DemoFiguresTest, EstablishmentsAreFictionalStableAndShared) {
  std::set<std::string> urns, ukprns, names;
  for (const DemoEstablishment& e : council_->establishments) {
    EXPECT_TRUE(names.insert(e.name).second) << e.name;
    if (!e.urn.empty()) {
      EXPECT_EQ(e.urn.size(), 6u);
      EXPECT_EQ(e.urn.substr(0, 3), "199") << e.urn;
      EXPECT_TRUE(urns.insert(e.urn).second) << e.urn;
    }
    if (!e.ukprn.empty()) {
      EXPECT_EQ(e.ukprn.size(), 8u);
      EXPECT_EQ(e.ukprn.substr(0, 4), "1009") << e.ukprn;
      EXPECT_TRUE(ukprns.insert(e.ukprn).second) << e.ukprn;
    }
  }
  EXPECT_GE(urns.size(), 60u);
  EXPECT_GE(ukprns.size(), 3u);
  // Every placement at an establishment names one of the set, with its own URN or UKPRN.
  std::map<std::string, int> pupils;
  for (const DemoCase& c : council_->cases)
    for (const Placement& p : c.placements) {
      if (!sen_setting_for(p.setting_type).empty()) continue;
      const std::string& id = p.urn.empty() ? p.ukprn : p.urn;
      ASSERT_TRUE(urns.count(id) || ukprns.count(id)) << p.name << " " << id;
      ++pupils[id];
    }
  int shared = 0;
  for (const auto& [id, n] : pupils) shared += n > 1;
  EXPECT_GT(shared, static_cast<int>(pupils.size()) * 8 / 10);
  // The same seed gives the same establishments, whatever else is generated.
  DemoCouncil again = generate_demo(council_->options);
  ASSERT_EQ(again.establishments.size(), council_->establishments.size());
  for (std::size_t i = 0; i < again.establishments.size(); ++i)
    EXPECT_EQ(again.establishments[i].name + again.establishments[i].urn + again.establishments[i].ukprn,
              council_->establishments[i].name + council_->establishments[i].urn + council_->establishments[i].ukprn);
  EXPECT_NE(format_summary(*council_).find("primary need: ASD"), std::string::npos);
}

TEST_F(DemoTest, RefusesAnExistingFile) {
  EXPECT_THROW(build_demo(tmp_->path(), options()), DemoRefused);
}

}  // namespace
}  // namespace gt::app

namespace gt::app {
namespace {

// Early dates leave little history (plans start in September 2014), so a plan that ceases in a
// given window is a rare draw; this seed and date once ran out of tries.
TEST(DemoEarlyDates, BuildsAtTheEarliestAllowedToday) {
  DemoOptions o;
  o.seed = 3;
  o.plans = 3300;
  o.today = *Date::parse("2019-01-01");
  EXPECT_NO_THROW(generate_demo(o));
  o.today = *Date::parse("2020-01-01");
  EXPECT_NO_THROW(generate_demo(o));
}

}  // namespace
}  // namespace gt::app
