// Reviews use cases, walked day by day over one database (each day its own Services with its own
// fixed today): the council's list of reviews due (R1 within the weeks asked), the SENCO plans the
// meeting, invitations sent late are refused naming R4 and write nothing, sent in time they
// notify the family and the organisations invited (never naming the child); the SENCO records the
// meeting with progress against each outcome of the plan in force (review_meeting: R6 and R7
// start), sends the report (review_report: R6 met), the council decides to amend (R7 and R1 met,
// R2 restarts), proposes amendments (M2, M4) and issues the amended plan (both met). Another
// school's SENCO gets NotFound, a family Forbidden. Preparation for adulthood is required from
// Year 9 (R8). Phase transfers: the list from dates of birth, and planning one records
// phase_transfer so the clock gives P1.
#include "app/reviews.h"

#include <gtest/gtest.h>

#include <memory>

#include "app/services.h"
#include "app/storage.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/notifications_store.h"
#include "store/organisations_store.h"
#include "store/reviews_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

Date d(const char* s) { return *Date::parse(s); }
const std::string kPw = "correct horse battery";
const std::string route = "TEST";

struct Day {
  explicit Day(Storage& s, const char* date) : today(d(date)), app(s, today, ServicesSettings{}) {}
  Today today;
  Services app;
};

class ReviewsTest : public ::testing::Test {
 protected:
  ReviewsTest() : storage(tmp.path()) {
    auto day = at("2025-01-06");
    auto& app = day->app;
    school = org("Northmoor Primary", "school", "123456");
    other_school = org("Southmoor Academy", "school", "654321");
    ep = org("EP Service", "ep_service", std::nullopt);
    staff = app.accounts.create_user("cw@example.org", "Casey Worker", "caseworker", kPw);
    senco = app.accounts.create_user("senco@example.org", "Sam Senco", "senco", kPw, school);
    other_senco = app.accounts.create_user("senco@south.example.org", "Sol Senco", "senco", kPw, other_school);
    psychologist = app.accounts.create_user("ep@example.org", "Eve Psych", "advice_giver", kPw, ep);
    parent = app.accounts.create_user("mum@example.org", "Mary Parent", "parent", kPw);
    amara = make_child(*day, "Amara", "2016-05-14");
    case_id = plan_case(amara, true);
  }

  std::unique_ptr<Day> at(const char* date) { return std::make_unique<Day>(storage, date); }

  std::int64_t org(const char* name, const char* kind, std::optional<std::string> urn) {
    return storage.write([&](store::Database& db) {
      return store::insert_organisation(db, store::OrganisationRow{0, name, kind, urn, std::nullopt});
    });
  }
  std::int64_t make_child(Day& day, const char* given, const char* dob) {
    Child c;
    c.given_name = given;
    c.family_name = "Okafor";
    c.date_of_birth = d(dob);
    c.sex = "F";
    c.ethnicity = "BAFR";
    c.upn_unknown = "UN2";
    std::int64_t id = day.app.casework.create_child(staff, c, route).id;
    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = "123456";
    p.name = "Northmoor Primary";
    p.entry_date = d("2021-09-01");
    day.app.casework.add_placement(staff, id, p, route);
    return id;
  }
  // A case with a final plan issued on 19 May 2025 (R1 due 19 May 2026): two outcomes.
  std::int64_t plan_case(std::int64_t child, bool link_parent) {
    if (link_parent)
      storage.write([&](store::Database& db) {
        store::FamilyLinkRow r;
        r.child_id = child;
        r.user_id = parent.user_id;
        r.relationship = "parent_carer";
        store::insert_family_link(db, r, staff.user_id);
      });
    std::int64_t id = 0;
    {
      auto day = at("2025-04-14");
      auto& app = day->app;
      id = app.casework.open_case(staff, child, staff.user_id, route).summary.id;
      Event r;
      r.type = EventType::RequestReceived;
      r.date = d("2025-01-06");
      r.source = 1;
      app.casework.append_event(staff, id, r, route);
      Event a;
      a.type = EventType::DecisionToAssess;
      a.date = d("2025-02-10");
      a.outcome = Outcome::Assess;
      app.casework.append_event(staff, id, a, route);
      Event i;
      i.type = EventType::DecisionToIssue;
      i.date = d("2025-04-14");
      i.outcome = Outcome::Issue;
      app.casework.append_event(staff, id, i, route);
      auto w = app.plans.start(staff, id, route);
      Plan p = w.plan;
      PlanNeed b{next_element_id(p, PlanSection::B), PlanSection::B, "Finds it hard to follow instructions.", "SLCN",
                 "communication_and_interaction"};
      p.needs.push_back(b);
      for (const char* text : {"Will follow three-step instructions in class.", "Will read a short book aloud."}) {
        PlanOutcome o;
        o.id = next_element_id(p, PlanSection::E);
        o.text = text;
        o.needs = {b.id};
        o.by = d("2027-07-16");
        p.outcomes.push_back(o);
      }
      app.plans.save(staff, id, w.row.revision, p, route);
    }
    {
      auto day = at("2025-05-02");
      day->app.plans.issue(staff, id, PlanKind::Draft, d("2025-05-02"), route);
    }
    {
      auto day = at("2025-05-19");
      day->app.plans.start(staff, id, route);
      day->app.plans.issue(staff, id, PlanKind::Final, d("2025-05-19"), route);
    }
    return id;
  }

  template <typename F>
  std::optional<Error> refused(F f) {
    try {
      f();
    } catch (const Error& e) {
      return e;
    }
    return std::nullopt;
  }
  static const Deadline* rule(const std::vector<Deadline>& ds, const std::string& r) {
    for (const auto& d : ds)
      if (d.rule == r) return &d;
    return nullptr;
  }
  std::vector<store::NotificationRow> notices(const Actor& who, const std::string& kind) {
    std::vector<store::NotificationRow> out;
    for (auto& n : store::notifications_of_user(storage.read(), who.user_id, 100))
      if (n.kind == kind) out.push_back(n);
    return out;
  }
  MeetingInput meeting(const char* held, const std::vector<std::string>& outcome_ids) {
    MeetingInput m;
    m.held_on = d(held);
    m.attendees = "Amara, her mother, the SENCO, the class teacher, the EP";
    m.views_child = "I like reading with Miss Patel.";
    m.views_parents = "Reading is better; instructions still hard at home.";
    m.views_school = "Good progress with phonics.";
    m.outcomes_still_right = true;
    m.provision_still_right = false;
    m.recommendation = "amend";
    m.changes_suggested = "Add speech and language therapy to section F.";
    for (const auto& id : outcome_ids) m.progress.push_back({id, "on_track", "Steady progress"});
    return m;
  }

  gt::testing::TempDb tmp;
  Storage storage;
  std::int64_t school = 0, other_school = 0, ep = 0, amara = 0, case_id = 0;
  Actor staff, senco, other_senco, psychologist, parent;
};

TEST_F(ReviewsTest, AnnualReviewFromTheListToTheAmendedPlan) {
  std::int64_t review_id = 0;
  {  // 27 February 2026: R1 (19 May) is due within 12 weeks, not within 8.
    auto day = at("2026-02-27");
    auto& rv = day->app.reviews;
    ReviewsDueQuery q;
    q.weeks = 8;
    EXPECT_EQ(rv.reviews_due(staff, q, route).total, 0);
    q.weeks = 12;
    auto due = rv.reviews_due(staff, q, route);
    ASSERT_EQ(due.total, 1);
    EXPECT_EQ(due.rows[0].c.id, case_id);
    EXPECT_EQ(due.rows[0].deadline.rule, "R1");
    EXPECT_EQ(due.rows[0].deadline.due, d("2026-05-19"));
    EXPECT_FALSE(due.rows[0].overdue);
    EXPECT_EQ(refused([&] { rv.reviews_due(senco, q, route); })->kind, Error::Kind::Forbidden);

    // The SENCO plans the meeting for Thursday 12 March, inviting the family, the school and the EP.
    ScheduleInput in;
    in.meeting_on = d("2026-03-12");
    in.organisation_ids = {ep};
    EXPECT_EQ(refused([&] { rv.schedule(other_senco, case_id, in, route); })->kind, Error::Kind::NotFound);
    EXPECT_EQ(refused([&] { rv.schedule(parent, case_id, in, route); })->kind, Error::Kind::Forbidden);
    auto r = rv.schedule(senco, case_id, in, route);
    review_id = r.id;
    EXPECT_EQ(r.led_by, "school");
    EXPECT_EQ(refused([&] { rv.schedule(staff, case_id, in, route); })->kind, Error::Kind::Conflict);
    auto view = rv.review(senco, review_id, route);
    ASSERT_EQ(view.invitees.size(), 3u);
    EXPECT_EQ(view.invitees[0].kind, "family");
    EXPECT_EQ(view.invitees[1].organisation_id, school);
    EXPECT_EQ(view.invitees[2].organisation_id, ep);
    ASSERT_EQ(view.notice.size(), 2u);
    EXPECT_EQ(view.notice[0].rule, "R4");
    EXPECT_EQ(view.notice[0].due, d("2026-02-26"));
    EXPECT_EQ(view.notice[1].rule, "R5");
    ASSERT_EQ(view.outcomes.size(), 2u);
    EXPECT_EQ(refused([&] { rv.review(other_senco, review_id, route); })->kind, Error::Kind::NotFound);
    EXPECT_EQ(refused([&] { rv.review(parent, review_id, route); })->kind, Error::Kind::Forbidden);

    // Invitations today are too late for 12 March: refused naming R4; nothing written.
    auto late = refused([&] { rv.send_invitations(senco, review_id, d("2026-02-27"), route); });
    ASSERT_TRUE(late);
    EXPECT_EQ(late->kind, Error::Kind::Unprocessable);
    EXPECT_EQ(late->field, "sent_on");
    EXPECT_NE(late->reason.find("R4"), std::string::npos) << late->reason;
    EXPECT_NE(late->reason.find("13 March 2026"), std::string::npos) << late->reason;
    EXPECT_FALSE(store::find_review(storage.read(), review_id)->invitations_sent_on);
    EXPECT_TRUE(notices(parent, "review_invitation").empty());
    // A meeting cannot be recorded before anyone is invited.
    EXPECT_EQ(refused([&] { rv.record_meeting(senco, review_id, meeting("2026-02-27", {}), route); })->kind,
              Error::Kind::Conflict);
    // Sent yesterday, they were in time: the family and the EP service are told.
    rv.send_invitations(senco, review_id, d("2026-02-26"), route);
    auto family = notices(parent, "review_invitation");
    ASSERT_EQ(family.size(), 1u);
    EXPECT_EQ(family[0].what_changed.find("Amara"), std::string::npos);
    EXPECT_EQ(family[0].what_changed.find("Okafor"), std::string::npos);
    EXPECT_NE(family[0].what_changed.find("12 March 2026"), std::string::npos);
    auto eps = notices(psychologist, "review_invitation");
    ASSERT_EQ(eps.size(), 1u);
    EXPECT_EQ(eps[0].what_changed.find("Amara"), std::string::npos);
    EXPECT_EQ(refused([&] { rv.send_invitations(senco, review_id, d("2026-02-26"), route); })->kind,
              Error::Kind::Conflict);
    rv.send_papers(senco, review_id, d("2026-02-26"), route);
    EXPECT_EQ(papers_status(d("2026-03-12"), d("2026-02-26")), PapersStatus::Met);
  }
  {  // 12 March: the meeting, recorded by the SENCO with progress against each outcome.
    auto day = at("2026-03-12");
    auto& rv = day->app.reviews;
    auto missing = refused([&] { rv.record_meeting(senco, review_id, meeting("2026-03-12", {"E-3"}), route); });
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->kind, Error::Kind::Unprocessable);
    EXPECT_EQ(missing->field, "progress.E-2");
    auto unknown = meeting("2026-03-12", {"E-2", "E-3"});
    unknown.progress.push_back({"E-9", "achieved", ""});
    EXPECT_EQ(refused([&] { rv.record_meeting(senco, review_id, unknown, route); })->field, "progress.E-9");
    auto no_changes = meeting("2026-03-12", {"E-2", "E-3"});
    no_changes.changes_suggested.clear();
    EXPECT_EQ(refused([&] { rv.record_meeting(senco, review_id, no_changes, route); })->field, "changes_suggested");
    EXPECT_EQ(refused([&] { rv.record_meeting(parent, review_id, meeting("2026-03-12", {"E-2", "E-3"}), route); })->kind,
              Error::Kind::Forbidden);
    EXPECT_EQ(
        refused([&] { rv.record_meeting(other_senco, review_id, meeting("2026-03-12", {"E-2", "E-3"}), route); })->kind,
        Error::Kind::NotFound);
    EXPECT_EQ(day->app.casework.case_view(staff, case_id, route).stage, Stage::Plan);  // nothing written

    auto m = meeting("2026-03-12", {"E-2", "E-3"});
    m.progress[1].rating = "some_progress";
    rv.record_meeting(senco, review_id, m, route);
    auto view = rv.review(staff, review_id, route);
    EXPECT_EQ(view.stage, Stage::Review);
    ASSERT_EQ(view.progress.size(), 2u);
    EXPECT_EQ(view.progress[0].outcome_id, "E-2");
    EXPECT_EQ(view.progress[0].rating, "on_track");
    EXPECT_EQ(view.progress[1].rating, "some_progress");
    EXPECT_EQ(view.progress[1].outcome_text, "Will read a short book aloud.");
    EXPECT_EQ(view.review.recommendation, "amend");
    EXPECT_FALSE(view.notice_breach);
    const Deadline* r6 = rule(view.deadlines, "R6");
    const Deadline* r7 = rule(view.deadlines, "R7");
    ASSERT_TRUE(r6 && r7);
    EXPECT_EQ(r6->due, d("2026-03-26"));
    EXPECT_EQ(r6->status, DeadlineStatus::Pending);
    EXPECT_EQ(r7->due, d("2026-04-09"));
    EXPECT_EQ(refused([&] { rv.record_meeting(senco, review_id, m, route); })->kind, Error::Kind::Conflict);
  }
  {  // 25 March: the report (R6 met).
    auto day = at("2026-03-25");
    auto& rv = day->app.reviews;
    EXPECT_EQ(refused([&] { rv.send_report(parent, review_id, d("2026-03-25"), route); })->kind,
              Error::Kind::Forbidden);
    rv.send_report(senco, review_id, d("2026-03-25"), route);
    auto view = rv.review(staff, review_id, route);
    const Deadline* r6 = rule(view.deadlines, "R6");
    ASSERT_TRUE(r6);
    EXPECT_EQ(r6->status, DeadlineStatus::Met);
    EXPECT_EQ(r6->met_on, d("2026-03-25"));
    EXPECT_EQ(notices(parent, "review_report").size(), 1u);
  }
  {  // 9 April: the council decides to amend (R7 met, R1 met, R2 from the decision).
    auto day = at("2026-04-09");
    auto& rv = day->app.reviews;
    EXPECT_EQ(refused([&] { rv.decide(senco, review_id, "amend", d("2026-04-09"), "x", route); })->kind,
              Error::Kind::Forbidden);
    EXPECT_EQ(refused([&] { rv.decide(staff, review_id, "amend", d("2026-04-09"), "", route); })->field, "reasons");
    EXPECT_EQ(refused([&] { rv.decide(staff, review_id, "keep", d("2026-04-09"), "x", route); })->field, "decision");
    rv.decide(staff, review_id, "amend", d("2026-04-09"), "Speech and language therapy is needed.", route);
    auto view = rv.review(staff, review_id, route);
    EXPECT_EQ(view.stage, Stage::Amendment);
    EXPECT_EQ(rule(view.deadlines, "R7")->status, DeadlineStatus::Met);
    EXPECT_EQ(rule(view.deadlines, "R1")->status, DeadlineStatus::Met);
    EXPECT_EQ(rule(view.deadlines, "R2")->due, d("2027-04-09"));
    EXPECT_EQ(refused([&] { rv.decide(staff, review_id, "amend", d("2026-04-09"), "x", route); })->kind,
              Error::Kind::Conflict);
    // The plan is amended through Plans: a working version from the plan in force.
    auto w = day->app.plans.start(staff, case_id, route);
    Plan p = w.plan;
    p.outcomes[0].text = "Will follow three-step instructions in class and at home.";
    day->app.plans.save(staff, case_id, w.row.revision, p, route);
  }
  {  // 16 April: proposed amendments (M2 from today, M4 from the meeting).
    auto day = at("2026-04-16");
    day->app.plans.issue(staff, case_id, PlanKind::ProposedAmendments, d("2026-04-16"), route);
    auto view = day->app.reviews.review(staff, review_id, route);
    EXPECT_EQ(view.latest_plan_kind, "proposed_amendments");
    EXPECT_EQ(rule(view.deadlines, "M2")->due, d("2026-06-11"));
    EXPECT_EQ(rule(view.deadlines, "M4")->due, d("2026-06-04"));
    EXPECT_EQ(rule(view.deadlines, "M4")->status, DeadlineStatus::Pending);
  }
  {  // 20 May: the amended plan (M2 and M4 met).
    auto day = at("2026-05-20");
    day->app.plans.start(staff, case_id, route);
    day->app.plans.issue(staff, case_id, PlanKind::Amended, d("2026-05-20"), route);
    auto view = day->app.reviews.review(staff, review_id, route);
    EXPECT_EQ(view.stage, Stage::Plan);
    EXPECT_EQ(rule(view.deadlines, "M2")->status, DeadlineStatus::Met);
    EXPECT_EQ(rule(view.deadlines, "M4")->status, DeadlineStatus::Met);
    EXPECT_EQ(view.latest_plan_kind, "amended");
    // The next review can be planned; the list a year on shows R2.
    auto c = day->app.reviews.for_case(staff, case_id, route);
    EXPECT_TRUE(c.may_schedule);
    ASSERT_EQ(c.reviews.size(), 1u);
    EXPECT_EQ(c.reviews[0].decision, "amend");
  }
  {
    auto day = at("2027-03-01");
    ReviewsDueQuery q;
    q.weeks = 6;
    auto due = day->app.reviews.reviews_due(staff, q, route);
    ASSERT_EQ(due.total, 1);
    EXPECT_EQ(due.rows[0].deadline.rule, "R2");
    EXPECT_EQ(due.rows[0].deadline.due, d("2027-04-09"));
  }
  storage.flush();
  auto trail = store::audit_of(storage.read(), "review", review_id);
  std::vector<std::string> actions;
  for (const auto& a : trail)
    if (a.action != "read") actions.push_back(a.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"schedule", "send-invitations", "send-papers", "record-meeting",
                                               "send-report", "decide"}));
}

TEST_F(ReviewsTest, FromYearNinePreparationForAdulthoodMustBeConsidered) {
  std::int64_t older = 0, older_case = 0;
  {
    auto day = at("2025-01-06");
    older = make_child(*day, "Bola", "2012-01-01");  // Year 9 in 2025/26
  }
  older_case = plan_case(older, false);
  std::int64_t review_id = 0;
  {
    auto day = at("2026-01-05");
    ScheduleInput in;
    in.meeting_on = d("2026-01-22");
    in.invite_school = false;
    review_id = day->app.reviews.schedule(staff, older_case, in, route).id;
    day->app.reviews.send_invitations(staff, review_id, d("2026-01-05"), route);
  }
  auto day = at("2026-01-22");
  auto m = meeting("2026-01-22", {"E-2", "E-3"});
  m.recommendation = "maintain";
  m.changes_suggested.clear();
  auto e = refused([&] { day->app.reviews.record_meeting(staff, review_id, m, route); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "preparation_for_adulthood");
  EXPECT_TRUE(day->app.reviews.review(staff, review_id, route).preparation_for_adulthood);
  m.preparation_for_adulthood = "Bola wants to work with animals; work experience at a farm in Year 10.";
  day->app.reviews.record_meeting(staff, review_id, m, route);
  EXPECT_EQ(day->app.reviews.review(staff, review_id, route).review.recommendation, "maintain");
}

TEST_F(ReviewsTest, PhaseTransfersAreListedFromDatesOfBirthAndPlannedAYearAhead) {
  std::int64_t year6 = 0, year6_case = 0;
  {
    auto day = at("2025-01-06");
    year6 = make_child(*day, "Chidi", "2014-10-10");  // Year 6 in 2025/26: secondary school in September 2026
  }
  year6_case = plan_case(year6, false);
  auto day = at("2025-10-01");
  auto& rv = day->app.reviews;
  auto list = rv.phase_transfers(staff, PhaseTransferQuery{}, route);
  EXPECT_EQ(list.transfer_year, 2026);
  ASSERT_EQ(list.total, 1);  // Amara (Year 5) moves in 2027
  EXPECT_EQ(list.rows[0].c.id, year6_case);
  EXPECT_EQ(list.rows[0].dates.rule, "P1");
  EXPECT_EQ(list.rows[0].dates.due, d("2026-02-14"));
  EXPECT_EQ(list.rows[0].setting_name, "Northmoor Primary");
  EXPECT_FALSE(list.rows[0].recorded);
  PhaseTransferQuery later;
  later.transfer_year = 2027;
  auto in_2028 = rv.phase_transfers(staff, later, route);
  ASSERT_EQ(in_2028.total, 1);
  EXPECT_EQ(in_2028.rows[0].c.id, case_id);
  EXPECT_EQ(refused([&] { rv.phase_transfers(senco, PhaseTransferQuery{}, route); })->kind, Error::Kind::Forbidden);

  ScheduleInput in;
  in.kind = "phase_transfer";
  in.meeting_on = d("2025-11-13");
  in.transfer_phase = "primary_to_secondary";
  in.next_setting_name = "Southmoor Academy";
  in.next_setting_urn = "65432";
  EXPECT_EQ(refused([&] { rv.schedule(staff, year6_case, in, route); })->field, "next_setting_urn");
  in.next_setting_urn = "654321";
  in.next_setting_name = "";
  EXPECT_EQ(refused([&] { rv.schedule(staff, year6_case, in, route); })->field, "next_setting_name");
  in.next_setting_name = "Southmoor Academy";
  auto r = rv.schedule(staff, year6_case, in, route);
  EXPECT_EQ(r.transfer_date, "2026-09-01");
  EXPECT_TRUE(r.phase_event_id);
  auto c = rv.for_case(staff, year6_case, route);
  const Deadline* p1 = rule(c.deadlines, "P1");
  ASSERT_TRUE(p1);
  EXPECT_EQ(p1->due, d("2026-02-14"));
  EXPECT_EQ(p1->status, DeadlineStatus::Pending);
  EXPECT_FALSE(c.may_schedule);
  auto again = rv.phase_transfers(staff, PhaseTransferQuery{}, route);
  ASSERT_EQ(again.total, 1);
  ASSERT_TRUE(again.rows[0].recorded);
  EXPECT_EQ(again.rows[0].recorded->due, d("2026-02-14"));
  ASSERT_TRUE(again.rows[0].open_review);
  // The reviews due list shows the P1 date too.
  ReviewsDueQuery q;
  q.weeks = 20;
  bool p1_listed = false;
  for (const auto& row : rv.reviews_due(staff, q, route).rows)
    if (row.c.id == year6_case && row.deadline.rule == "P1") p1_listed = true;
  EXPECT_TRUE(p1_listed);
}

}  // namespace
}  // namespace gt::app
