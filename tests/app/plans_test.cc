// The Plans use case (app/plans.h): writing a plan with its revision, issuing a draft on the
// statutory clock, the family's comments and "nothing to add", the final plan refused inside the
// family's 15 days (rule A5) and allowed after "nothing to add" or after the window, a later
// version closing comments on the older, who sees the working version, and the audit of it all.
#include "app/plans.h"

#include <gtest/gtest.h>

#include "app/services.h"
#include "app/storage.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/organisations_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

Date d(const char* s) { return *Date::parse(s); }
const std::string kPw = "correct horse battery";
const std::string kRoute = "TEST";

class PlansTest : public ::testing::Test {
 protected:
  PlansTest() : storage(tmp.path()), today(d("2026-11-25")), app(storage, today, ServicesSettings{}) {
    staff = app.accounts.create_user("cw@example.org", "Casey Worker", "caseworker", kPw);
    parent = app.accounts.create_user("pat@example.org", "Pat Parent", "parent", kPw);
    other_parent = app.accounts.create_user("olu@example.org", "Olu Other", "parent", kPw);
    storage.write([&](store::Database& db) {
      school = store::insert_organisation(db, {0, "School A", "school", std::string("100001"), std::nullopt});
    });
    senco = app.accounts.create_user("senco@example.org", "Sam Senco", "senco", kPw, school);
    child = make_child("Amara");
    other_child = make_child("Ben");
    link(parent, child);
    link(other_parent, other_child);
    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = "100001";
    p.name = "School A";
    p.entry_date = d("2021-09-01");
    app.casework.add_placement(staff, child, p, kRoute);
    case_id = open_to_drafting(child);
    other_case = open_to_drafting(other_child);
  }

  std::int64_t make_child(const char* given) {
    Child c;
    c.given_name = given;
    c.family_name = "Okafor";
    c.date_of_birth = d("2016-05-14");
    c.sex = "F";
    c.ethnicity = "BAFR";
    c.upn_unknown = "UN2";
    return app.casework.create_child(staff, c, kRoute).id;
  }
  void link(const Actor& who, std::int64_t child_id) {
    storage.write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = child_id;
      r.user_id = who.user_id;
      r.relationship = "parent_carer";
      store::insert_family_link(db, r, staff.user_id);
    });
  }
  Event ev(EventType t, const char* date, Outcome o = Outcome::None) {
    Event e;
    e.type = t;
    e.date = d(date);
    e.outcome = o;
    if (t == EventType::RequestReceived) e.source = 1;
    return e;
  }
  std::int64_t open_to_drafting(std::int64_t child_id) {
    auto id = app.casework.open_case(staff, child_id, staff.user_id, kRoute).summary.id;
    app.casework.append_event(staff, id, ev(EventType::RequestReceived, "2026-06-01"), kRoute);
    app.casework.append_event(staff, id, ev(EventType::DecisionToAssess, "2026-07-10", Outcome::Assess), kRoute);
    app.casework.append_event(staff, id, ev(EventType::DecisionToIssue, "2026-10-01", Outcome::Issue), kRoute);
    return id;
  }
  // A plan with a need met by provision through an outcome.
  Plan write(std::int64_t case_no) {
    auto w = app.plans.start(staff, case_no, kRoute);
    Plan p = w.plan;
    PlanNeed b{next_element_id(p, PlanSection::B), PlanSection::B, "Finds spoken instructions hard.", "SLCN", ""};
    PlanOutcome e;
    e.id = next_element_id(p, PlanSection::E);
    e.text = "Follows three-step instructions.";
    e.needs = {b.id};
    e.by = d("2027-07-16");
    PlanProvision f;
    f.id = next_element_id(p, PlanSection::F);
    f.section = PlanSection::F;
    f.what = "Speech and language therapy.";
    f.delivered_by = "speech and language therapist";
    f.sessions = 1;
    f.per = FrequencyPer::Week;
    f.outcomes = {e.id};
    p.needs.push_back(b);
    p.outcomes.push_back(e);
    p.provision.push_back(f);
    auto saved = app.plans.save(staff, case_no, w.row.revision, p, kRoute);
    EXPECT_EQ(saved.row.revision, w.row.revision + 1);
    EXPECT_TRUE(saved.findings.empty());
    return saved.plan;
  }
  Error::Kind error_kind(const std::function<void()>& f, std::string* field = nullptr) {
    try {
      f();
    } catch (const Error& e) {
      if (field) *field = e.field;
      return e.kind;
    }
    ADD_FAILURE() << "no error";
    return Error::Kind::BadRequest;
  }
  std::vector<std::string> audit_actions(const char* subject, std::int64_t id) {
    storage.flush();
    std::vector<std::string> out;
    for (const auto& r : store::audit_of(storage.read(), subject, id)) out.push_back(r.action);
    return out;
  }

  gt::testing::TempDb tmp;
  Storage storage;
  Today today;
  Services app;
  Actor staff, parent, other_parent, senco;
  std::int64_t school = 0, child = 0, other_child = 0, case_id = 0, other_case = 0;
};

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST_F(PlansTest, ASaveNamesTheRevisionAndAStaleOneIsAConflictThatWritesNothing) {
  Plan p = write(case_id);
  auto w = app.plans.working(staff, case_id, kRoute);
  Plan mine = p;
  mine.needs[0].text = "Mine.";
  Plan theirs = p;
  theirs.needs[0].text = "Theirs.";
  app.plans.save(staff, case_id, w.row.revision, theirs, kRoute);
  std::string field;
  EXPECT_EQ(error_kind([&] { app.plans.save(staff, case_id, w.row.revision, mine, kRoute); }, &field),
            Error::Kind::Conflict);
  EXPECT_EQ(field, "revision");
  auto now = app.plans.working(staff, case_id, kRoute);
  EXPECT_EQ(now.plan.needs[0].text, "Theirs.");
  EXPECT_EQ(now.row.revision, w.row.revision + 1);
  // A plan that is not well formed is refused naming the field; nothing is written.
  Plan bad = now.plan;
  bad.provision[0].minutes = -1;
  EXPECT_EQ(error_kind([&] { app.plans.save(staff, case_id, now.row.revision, bad, kRoute); }, &field),
            Error::Kind::Unprocessable);
  EXPECT_EQ(field, bad.provision[0].id + ".minutes");
  EXPECT_EQ(app.plans.working(staff, case_id, kRoute).row.revision, now.row.revision);
  // Thread findings never block a save; they come back with it.
  Plan weak = now.plan;
  weak.provision[0].outcomes.clear();
  auto saved = app.plans.save(staff, case_id, now.row.revision, weak, kRoute);
  EXPECT_FALSE(saved.findings.empty());
  // The counter never goes back, so a removed element's id is not reused.
  Plan shrunk = saved.plan;
  shrunk.last_number = 0;
  shrunk.provision.clear();
  auto after = app.plans.save(staff, case_id, saved.row.revision, shrunk, kRoute);
  EXPECT_EQ(after.plan.last_number, saved.plan.last_number);
}

TEST_F(PlansTest, IssuingADraftServesItOnTheClockAndOpensTheFamilysWindow) {
  write(case_id);
  auto overview = app.plans.overview(staff, case_id, kRoute);
  ASSERT_EQ(overview.may_issue.size(), 1u);
  EXPECT_EQ(overview.may_issue.front(), PlanKind::Draft);
  // A final plan is not yet possible: no draft has been served.
  EXPECT_EQ(error_kind([&] { app.plans.issue(staff, case_id, PlanKind::Final, d("2026-11-16"), kRoute); }),
            Error::Kind::Unprocessable);
  auto draft = app.plans.issue(staff, case_id, PlanKind::Draft, d("2026-11-16"), kRoute);
  EXPECT_EQ(draft.row.status, "issued");
  EXPECT_EQ(draft.row.number, 1);
  EXPECT_EQ(draft.row.issued_on, "2026-11-16");
  auto events = app.casework.case_view(staff, case_id, kRoute).history;
  bool served = false;
  for (const auto& h : events)
    if (h.row.type == "draft_plan_served" && h.row.event_date == "2026-11-16") served = true;
  EXPECT_TRUE(served) << "draft_plan_served is in the chronology";
  auto o = app.plans.overview(staff, case_id, kRoute);
  ASSERT_TRUE(o.family_window);
  EXPECT_EQ(o.family_window->sent_on, d("2026-11-16"));
  EXPECT_EQ(o.family_window->last_day, d("2026-11-30"));  // served + 14 days: the sending day is day 1 (A5)
  EXPECT_FALSE(o.working);
  ASSERT_EQ(o.issued.size(), 1u);
  // Issued versions cannot be saved: a working version has to be started from them.
  EXPECT_EQ(error_kind([&] { app.plans.save(staff, case_id, 1, draft.plan, kRoute); }), Error::Kind::NotFound);
  EXPECT_TRUE(contains(audit_actions("plan_version", draft.row.id), "issue-version"));
  EXPECT_TRUE(contains(audit_actions("plan_version", draft.row.id), "save-version"));
}

TEST_F(PlansTest, TheFinalPlanWaitsForTheFamilysFifteenDaysUnlessTheyHaveNothingToAdd) {
  Plan p = write(case_id);
  auto draft = app.plans.issue(staff, case_id, PlanKind::Draft, d("2026-11-16"), kRoute);
  // The family comments line by line; the council answers.
  auto c = app.plans.comment(parent, draft.row.id, p.needs[0].id, "Please say it is worse at lunchtime.", kRoute);
  EXPECT_EQ(c.element_id, p.needs[0].id);
  EXPECT_EQ(error_kind([&] { app.plans.comment(parent, draft.row.id, "Z-9", "Hello", kRoute); }),
            Error::Kind::Unprocessable);
  EXPECT_EQ(error_kind([&] { app.plans.comment(parent, draft.row.id, p.needs[0].id, "  ", kRoute); }),
            Error::Kind::Unprocessable);
  // Another family cannot comment, nor see it.
  EXPECT_EQ(error_kind([&] { app.plans.comment(other_parent, draft.row.id, "general", "Hi", kRoute); }),
            Error::Kind::NotFound);
  EXPECT_EQ(error_kind([&] { app.plans.version(other_parent, draft.row.id, kRoute); }), Error::Kind::NotFound);
  app.plans.respond(staff, c.id, "We will add it.", kRoute);
  auto comments = app.plans.comments(parent, draft.row.id, kRoute);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].response, "We will add it.");

  // The final plan inside the window (to 30 November) is refused on its date; nothing is written.
  app.plans.start(staff, case_id, kRoute);
  auto o = app.plans.overview(staff, case_id, kRoute);
  EXPECT_NE(std::find(o.may_issue.begin(), o.may_issue.end(), PlanKind::Final), o.may_issue.end());
  std::string field;
  EXPECT_EQ(error_kind([&] { app.plans.issue(staff, case_id, PlanKind::Final, d("2026-11-24"), kRoute); }, &field),
            Error::Kind::Unprocessable);
  EXPECT_EQ(field, "date");
  EXPECT_TRUE(app.plans.working(staff, case_id, kRoute).row.status == "working");
  EXPECT_EQ(app.plans.overview(staff, case_id, kRoute).issued.size(), 1u);

  // The family says they have nothing to add: the final plan may now be issued early.
  app.plans.nothing_to_add(parent, draft.row.id, kRoute);
  EXPECT_TRUE(app.plans.overview(staff, case_id, kRoute).family_said_nothing_to_add);
  auto final_plan = app.plans.issue(staff, case_id, PlanKind::Final, d("2026-11-24"), kRoute);
  EXPECT_EQ(final_plan.row.kind, "final");
  EXPECT_EQ(final_plan.row.number, 2);
  auto in_force = app.plans.in_force(parent, case_id, kRoute);
  ASSERT_TRUE(in_force);
  EXPECT_EQ(in_force->row.id, final_plan.row.id);

  // A later version closes comments on the older one.
  std::string f2;
  EXPECT_EQ(error_kind([&] { app.plans.comment(parent, draft.row.id, "general", "One more thing", kRoute); }, &f2),
            Error::Kind::Conflict);
  EXPECT_EQ(error_kind([&] { app.plans.nothing_to_add(parent, draft.row.id, kRoute); }), Error::Kind::Conflict);
  // Nor can the family comment on a final plan.
  EXPECT_EQ(error_kind([&] { app.plans.comment(parent, final_plan.row.id, "general", "Hi", kRoute); }),
            Error::Kind::Conflict);

  EXPECT_TRUE(contains(audit_actions("plan_version", draft.row.id), "comment"));
  EXPECT_TRUE(contains(audit_actions("plan_version", draft.row.id), "nothing-to-add"));
  EXPECT_TRUE(contains(audit_actions("plan_version", draft.row.id), "respond"));
  EXPECT_TRUE(contains(audit_actions("plan_version", final_plan.row.id), "issue-version"));
}

TEST_F(PlansTest, TheFinalPlanMayBeIssuedOnceTheWindowHasClosed) {
  write(other_case);
  app.plans.issue(staff, other_case, PlanKind::Draft, d("2026-11-01"), kRoute);  // the family has to 15 November
  app.plans.start(staff, other_case, kRoute);
  EXPECT_EQ(error_kind([&] { app.plans.issue(staff, other_case, PlanKind::Final, d("2026-11-15").plus_days(-1), kRoute); }),
            Error::Kind::Unprocessable);
  auto final_plan = app.plans.issue(staff, other_case, PlanKind::Final, d("2026-11-16"), kRoute);
  EXPECT_EQ(final_plan.row.kind, "final");
  auto o = app.plans.overview(staff, other_case, kRoute);
  ASSERT_TRUE(o.family_window);
  EXPECT_EQ(o.family_window->closed_on, d("2026-11-16"));
}

TEST_F(PlansTest, OnlyTheCouncilSeesTheWorkingVersion) {
  write(case_id);
  auto w = app.plans.working(staff, case_id, kRoute);
  EXPECT_EQ(error_kind([&] { app.plans.version(parent, w.row.id, kRoute); }), Error::Kind::NotFound);
  EXPECT_EQ(error_kind([&] { app.plans.version(senco, w.row.id, kRoute); }), Error::Kind::NotFound);
  EXPECT_EQ(error_kind([&] { app.plans.working(parent, case_id, kRoute); }), Error::Kind::Forbidden);
  EXPECT_EQ(error_kind([&] { app.plans.comments(parent, w.row.id, kRoute); }), Error::Kind::NotFound);
  EXPECT_FALSE(app.plans.overview(parent, case_id, kRoute).working);
  EXPECT_FALSE(app.plans.overview(senco, case_id, kRoute).working);
  EXPECT_EQ(app.plans.version(staff, w.row.id, kRoute).row.id, w.row.id);
  // Once issued, the school on roll and the family read it; another family does not.
  auto draft = app.plans.issue(staff, case_id, PlanKind::Draft, d("2026-11-16"), kRoute);
  EXPECT_EQ(app.plans.version(senco, draft.row.id, kRoute).row.id, draft.row.id);
  EXPECT_EQ(app.plans.version(parent, draft.row.id, kRoute).row.id, draft.row.id);
  EXPECT_EQ(error_kind([&] { app.plans.version(other_parent, draft.row.id, kRoute); }), Error::Kind::NotFound);
  // The family and the school cannot write.
  EXPECT_EQ(error_kind([&] { app.plans.start(parent, case_id, kRoute); }), Error::Kind::Forbidden);
  EXPECT_EQ(error_kind([&] { app.plans.start(senco, case_id, kRoute); }), Error::Kind::Forbidden);
  // Every read is audited with the basis.
  storage.flush();
  bool family_read = false;
  for (const auto& r : store::audit_of(storage.read(), "plan_version", draft.row.id))
    if (r.action == "read" && r.user_id == parent.user_id) family_read = true;
  EXPECT_TRUE(family_read);
}

TEST_F(PlansTest, ComparingTwoVersionsOfThePlan) {
  Plan p = write(case_id);
  auto draft = app.plans.issue(staff, case_id, PlanKind::Draft, d("2026-11-16"), kRoute);
  auto w = app.plans.start(staff, case_id, kRoute);
  Plan changed = w.plan;
  changed.needs[0].text = "Finds spoken instructions of more than two steps hard.";
  app.plans.save(staff, case_id, w.row.revision, changed, kRoute);
  auto cmp = app.plans.compare(staff, draft.row.id, w.row.id, kRoute);
  EXPECT_EQ(cmp.changed_count, 1);
  // Versions of different plans are not compared.
  write(other_case);
  auto other = app.plans.issue(staff, other_case, PlanKind::Draft, d("2026-11-16"), kRoute);
  EXPECT_EQ(error_kind([&] { app.plans.compare(staff, draft.row.id, other.row.id, kRoute); }),
            Error::Kind::Unprocessable);
  (void)p;
}

}  // namespace
}  // namespace gt::app
