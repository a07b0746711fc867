// The life of an EHC plan, end to end through the use cases (issue 4's "Done when"): build a plan,
// run every thread check (each fires on a deliberately weak plan and clears when fixed), issue a
// draft, take the family's comments, finalise (refused inside the family's 15 days, allowed once
// they say they have nothing to add), review with amendments (meeting, report, decision to amend,
// proposed amendments, amended plan) and cease (proposal, consultation, decision with the SEN2
// reason, the plan ending after the appeal window) - checking at each step the clock's deadlines
// (rule, due date, status) and the SEN2 items the chronology sets.
//
// Time moves: each step runs with the use cases built for that day over one database.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "app/services.h"
#include "app/storage.h"
#include "domain/sen2_items.h"
#include "store/access_store.h"
#include "store/notifications_store.h"
#include "store/organisations_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

Date d(const char* s) { return *Date::parse(s); }
const std::string kPw = "correct horse battery";
const std::string route = "TEST";

// The use cases as they are on one day.
struct Day {
  Day(Storage& s, Date date) : today(date), app(s, today, ServicesSettings{}) {}
  Today today;
  Services app;
};

Event ev(EventType t, const char* date, Outcome o = Outcome::None) {
  Event e;
  e.type = t;
  e.date = d(date);
  e.outcome = o;
  return e;
}

template <typename F>
void expect_error(Error::Kind kind, const std::string& field, F&& f, const std::string& reason_has = "") {
  try {
    f();
    ADD_FAILURE() << "expected a refusal on " << field;
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, kind) << e.field << ": " << e.reason;
    EXPECT_EQ(e.field, field) << e.reason;
    if (!reason_has.empty()) {
      EXPECT_NE(e.reason.find(reason_has), std::string::npos) << e.reason;
    }
  }
}

class PlanLifecycle : public ::testing::Test {
 protected:
  PlanLifecycle() : storage(tmp.path()) {
    auto day = on("2025-01-02");
    auto& app = day->app;
    school = storage.write([&](store::Database& db) {
      return store::insert_organisation(db, store::OrganisationRow{0, "Northmoor Primary", "school", "123456", std::nullopt});
    });
    staff = app.accounts.create_user("cw@example.org", "Casey Worker", "caseworker", kPw);
    senco = app.accounts.create_user("senco@example.org", "Sam Senco", "senco", kPw, school);
    parent = app.accounts.create_user("mum@example.org", "Mary Parent", "parent", kPw);
    Child c;
    c.given_name = "Amara";
    c.family_name = "Okafor";
    c.date_of_birth = d("2016-05-14");
    c.sex = "F";
    c.ethnicity = "BAFR";
    c.upn_unknown = "UN2";
    child = app.casework.create_child(staff, c, route).id;
    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = "123456";
    p.name = "Northmoor Primary";
    p.entry_date = d("2021-09-01");
    app.casework.add_placement(staff, child, p, route);
    storage.write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = child;
      r.user_id = parent.user_id;
      r.relationship = "parent_carer";
      store::insert_family_link(db, r, staff.user_id);
    });
    case_id = app.casework.open_case(staff, child, staff.user_id, route).summary.id;
  }

  std::unique_ptr<Day> on(const char* date) { return std::make_unique<Day>(storage, d(date)); }

  // The clock's deadline of `rule` (the latest of that rule), as the case page shows it.
  Deadline deadline(Day& day, const char* rule) {
    auto view = day.app.casework.case_view(staff, case_id, route);
    std::optional<Deadline> out;
    for (const auto& x : view.clock.deadlines)
      if (x.rule == rule) out = x;
    if (!out) ADD_FAILURE() << "no deadline " << rule;
    return out.value_or(Deadline{});
  }
  bool has_deadline(Day& day, const char* rule) {
    auto view = day.app.casework.case_view(staff, case_id, route);
    return std::any_of(view.clock.deadlines.begin(), view.clock.deadlines.end(),
                       [&](const Deadline& x) { return x.rule == rule; });
  }
  void expect_deadline(Day& day, const char* rule, const char* due, DeadlineStatus status) {
    Deadline x = deadline(day, rule);
    EXPECT_EQ(x.due, d(due)) << rule;
    EXPECT_EQ(deadline_status_name(x.status), deadline_status_name(status)) << rule;
  }
  // The SEN2 items the chronology sets, as at `reference` (default: the day).
  std::map<std::string, std::string> sen2(Day& day, const char* reference = nullptr) {
    auto view = day.app.casework.case_view(staff, case_id, route);
    std::map<std::string, std::string> out;
    for (const auto& [tag, value] : sen2_items(view.chronology, reference ? d(reference) : day.today()).items())
      if (!value.empty()) out[tag] = value;
    return out;
  }
  Stage stage(Day& day) { return day.app.casework.case_view(staff, case_id, route).stage; }
  std::set<std::string> finding_codes(const PlanVersionView& v) {
    std::set<std::string> out;
    for (const auto& f : v.findings) out.insert(f.code);
    return out;
  }
  std::vector<store::NotificationRow> notices_of(const Actor& who, const std::string& kind) {
    std::vector<store::NotificationRow> out;
    for (auto& n : store::notifications_of_user(storage.read(), who.user_id, 200))
      if (n.kind == kind) out.push_back(n);
    return out;
  }

  gt::testing::TempDb tmp;
  Storage storage;
  std::int64_t school = 0, child = 0, case_id = 0;
  Actor staff, senco, parent;
};

using M = std::map<std::string, std::string>;
using S = DeadlineStatus;

TEST_F(PlanLifecycle, FromRequestToCeasedWithTheClockAndTheSen2ItemsAtEachStep) {
  // --- The request and the decisions --------------------------------------------------------
  {
    auto day = on("2025-01-06");
    Event r = ev(EventType::RequestReceived, "2025-01-06");
    r.source = 2;
    day->app.casework.append_event(staff, case_id, r, route);
    expect_deadline(*day, "A1", "2025-02-17", S::Pending);
    expect_deadline(*day, "A6", "2025-05-26", S::Pending);
    EXPECT_EQ(sen2(*day), M{});
  }
  {
    auto day = on("2025-02-10");
    day->app.casework.append_event(staff, case_id, ev(EventType::DecisionToAssess, "2025-02-10", Outcome::Assess), route);
    expect_deadline(*day, "A1", "2025-02-17", S::Met);
    EXPECT_EQ(sen2(*day), (M{{"AssessmentOutcome", "A"}}));
  }
  auto day = on("2025-04-07");
  day->app.casework.append_event(staff, case_id, ev(EventType::DecisionToIssue, "2025-04-07", Outcome::Issue), route);
  expect_deadline(*day, "A7", "2025-05-11", S::Pending);  // the latest day for the draft
  EXPECT_FALSE(has_deadline(*day, "A4"));                // deciding to issue ends A4
  EXPECT_EQ(sen2(*day), (M{{"AssessmentOutcome", "Y"}}));  // no date until the plan is issued

  // --- Build the plan: a deliberately weak one first ----------------------------------------
  auto w = day->app.plans.start(staff, case_id, route);
  Plan plan = w.plan;
  PlanNeed b;
  b.id = next_element_id(plan, PlanSection::B);
  b.section = PlanSection::B;
  b.text = "Amara finds it hard to understand spoken instructions in class.";
  b.sen_type = "SLCN";
  b.broad_area = "communication_and_interaction";
  PlanNeed c;
  c.id = next_element_id(plan, PlanSection::C);
  c.section = PlanSection::C;
  c.text = "Amara has asthma that needs managing during PE.";
  PlanNeed dn;
  dn.id = next_element_id(plan, PlanSection::D);
  dn.section = PlanSection::D;
  dn.text = "Amara needs short breaks to give her family respite.";
  plan.needs = {b, c, dn};
  PlanOutcome e;
  e.id = next_element_id(plan, PlanSection::E);
  e.text = "Amara will follow two-step instructions in class.";
  plan.outcomes = {e};
  PlanProvision f;
  f.id = next_element_id(plan, PlanSection::F);
  f.section = PlanSection::F;
  f.what = "Access to regular speech and language support as required";
  plan.provision = {f};
  auto weak = day->app.plans.save(staff, case_id, w.row.revision, plan, route);
  EXPECT_EQ(finding_codes(weak),
            (std::set<std::string>{"need_without_provision", "health_need_without_provision",
                                   "care_need_without_provision", "outcome_without_need", "outcome_without_time_frame",
                                   "outcome_without_provision", "provision_without_outcome", "provision_not_specific"}));
  // "provision_not_specific" once per reason: the vague phrases, no frequency, no deliverer.
  EXPECT_GE(std::count_if(weak.findings.begin(), weak.findings.end(),
                          [](const ThreadFinding& x) { return x.code == "provision_not_specific"; }),
            3);

  // --- Fix each finding: the thread is whole ------------------------------------------------
  plan = weak.plan;
  plan.outcomes[0].needs = {b.id, c.id, dn.id};
  plan.outcomes[0].by = d("2026-07-31");
  PlanProvision& salt = plan.provision[0];
  const std::string salt_id = salt.id;  // `salt` is not used after the list grows
  salt.what = "Speech and language therapy to build understanding of spoken instructions";
  salt.delivered_by = "speech and language therapist";
  salt.qualification = "HCPC registered";
  salt.sessions = 2;
  salt.per = FrequencyPer::Week;
  salt.minutes = 30;
  salt.group_size = 1;
  salt.outcomes = {e.id};
  PlanProvision g;
  g.id = next_element_id(plan, PlanSection::G);
  g.section = PlanSection::G;
  g.what = "An asthma care plan reviewed with the school nurse";
  g.delivered_by = "school nurse";
  g.sessions = 1;
  g.per = FrequencyPer::Term;
  g.minutes = 30;
  g.outcomes = {e.id};
  PlanProvision h;
  h.id = next_element_id(plan, PlanSection::H1);
  h.section = PlanSection::H1;
  h.what = "Short breaks at a local children's centre";
  h.delivered_by = "short breaks worker";
  h.sessions = 1;
  h.per = FrequencyPer::Fortnight;
  h.minutes = 180;
  h.outcomes = {e.id};
  plan.provision.push_back(g);
  plan.provision.push_back(h);
  auto fixed = day->app.plans.save(staff, case_id, weak.row.revision, plan, route);
  EXPECT_TRUE(fixed.findings.empty()) << fixed.findings.front().code << ": " << fixed.findings.front().message;

  // --- Issue the draft: A5 opens, A7 is met -------------------------------------------------
  day = on("2025-04-22");
  auto draft = day->app.plans.issue(staff, case_id, PlanKind::Draft, d("2025-04-22"), route);
  EXPECT_EQ(draft.row.kind, "draft");
  expect_deadline(*day, "A7", "2025-05-11", S::Met);
  expect_deadline(*day, "A5", "2025-05-06", S::Pending);  // the family's 15 days, counting the day sent
  EXPECT_TRUE(deadline(*day, "A5").family_deadline);
  expect_deadline(*day, "A6", "2025-05-26", S::Pending);

  // --- The family comments line by line; the council answers -------------------------------
  day = on("2025-04-25");
  auto comment = day->app.plans.comment(parent, draft.row.id, salt_id, "Could the therapy be in the mornings?", route);
  day->app.plans.respond(staff, comment.id, "Yes: we have asked the therapist to come on Tuesday mornings.", route);
  auto comments = day->app.plans.comments(parent, draft.row.id, route);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].element_id, salt_id);
  EXPECT_TRUE(comments[0].response);

  // --- Finalise: refused inside the window, allowed once the family has nothing to add -------
  day = on("2025-04-30");
  day->app.plans.start(staff, case_id, route);
  expect_error(Error::Kind::Unprocessable, "date",
               [&] { day->app.plans.issue(staff, case_id, PlanKind::Final, d("2025-04-30"), route); });
  EXPECT_EQ(stage(*day), Stage::Drafting);
  day->app.plans.nothing_to_add(parent, draft.row.id, route);
  auto final_plan = day->app.plans.issue(staff, case_id, PlanKind::Final, d("2025-04-30"), route);
  EXPECT_EQ(final_plan.row.kind, "final");
  EXPECT_EQ(stage(*day), Stage::Plan);
  Deadline a5 = deadline(*day, "A5");
  EXPECT_EQ(a5.status, S::Met);
  EXPECT_EQ(a5.met_on, d("2025-04-30"));  // early, with the family's agreement
  expect_deadline(*day, "A6", "2025-05-26", S::Met);
  expect_deadline(*day, "R1", "2026-04-30", S::Pending);
  EXPECT_EQ(sen2(*day), (M{{"AssessmentOutcome", "Y"}, {"AssessmentOutcomeDate", "2025-04-30"}, {"Week20", "0"},
                           {"StartDate", "2025-04-30"}}));
  auto in_force = day->app.plans.in_force(parent, case_id, route);
  ASSERT_TRUE(in_force);
  EXPECT_EQ(in_force->row.id, final_plan.row.id);

  // --- The annual review, with amendments ---------------------------------------------------
  day = on("2026-03-10");
  day->app.casework.append_event(staff, case_id, ev(EventType::ReviewMeeting, "2026-03-10"), route);
  expect_deadline(*day, "R6", "2026-03-24", S::Pending);
  expect_deadline(*day, "R7", "2026-04-07", S::Pending);
  EXPECT_EQ(sen2(*day)["ReviewMeeting"], "2026-03-10");
  EXPECT_FALSE(sen2(*day).count("ReviewOutcome"));  // awaiting the decision

  day = on("2026-03-20");
  day->app.casework.append_event(staff, case_id, ev(EventType::ReviewReport, "2026-03-20"), route);
  expect_deadline(*day, "R6", "2026-03-24", S::Met);

  day = on("2026-04-01");
  day->app.casework.append_event(staff, case_id, ev(EventType::ReviewDecision, "2026-04-01", Outcome::Amend), route);
  expect_deadline(*day, "R7", "2026-04-07", S::Met);
  expect_deadline(*day, "R1", "2026-04-30", S::Met);
  expect_deadline(*day, "R2", "2027-04-01", S::Pending);
  EXPECT_EQ(stage(*day), Stage::Amendment);
  EXPECT_EQ(sen2(*day)["ReviewOutcome"], "A");
  EXPECT_EQ(sen2(*day)["LastReview"], "2026-04-01");

  day = on("2026-04-02");
  auto amending = day->app.plans.start(staff, case_id, route);
  Plan next = amending.plan;
  PlanProvision ta;
  ta.id = next_element_id(next, PlanSection::F);
  ta.section = PlanSection::F;
  ta.what = "Pre-teaching of topic vocabulary";
  ta.delivered_by = "teaching assistant";
  ta.sessions = 3;
  ta.per = FrequencyPer::Week;
  ta.minutes = 15;
  ta.group_size = 4;
  ta.outcomes = {e.id};
  next.provision.push_back(ta);
  day->app.plans.save(staff, case_id, amending.row.revision, next, route);
  auto proposed = day->app.plans.issue(staff, case_id, PlanKind::ProposedAmendments, d("2026-04-02"), route);
  EXPECT_EQ(proposed.row.kind, "proposed_amendments");
  expect_deadline(*day, "M2", "2026-05-28", S::Pending);  // 8 weeks from the proposed amendments
  expect_deadline(*day, "M4", "2026-06-02", S::Pending);  // 12 weeks from the review meeting (Devon)
  EXPECT_EQ(sen2(*day)["ReviewDraft"], "2026-04-02");
  auto compare = day->app.plans.compare(staff, final_plan.row.id, proposed.row.id, route);
  (void)compare;

  // M1: the family's 15 days on the proposed amendments.
  day = on("2026-04-10");
  day->app.plans.start(staff, case_id, route);
  expect_error(Error::Kind::Unprocessable, "date",
               [&] { day->app.plans.issue(staff, case_id, PlanKind::Amended, d("2026-04-10"), route); });
  day = on("2026-04-20");
  auto amended = day->app.plans.issue(staff, case_id, PlanKind::Amended, d("2026-04-20"), route);
  EXPECT_EQ(amended.row.kind, "amended");
  EXPECT_EQ(stage(*day), Stage::Plan);
  expect_deadline(*day, "M2", "2026-05-28", S::Met);
  expect_deadline(*day, "M4", "2026-06-02", S::Met);
  expect_deadline(*day, "R2", "2027-04-01", S::Pending);
  // The 2026 return (its period is 2025, when the decision to issue was made): Y.
  EXPECT_EQ(sen2(*day), (M{{"AssessmentOutcome", "Y"}, {"AssessmentOutcomeDate", "2025-04-30"}, {"Week20", "0"},
                           {"StartDate", "2025-04-30"}, {"ReviewMeeting", "2026-03-10"}, {"ReviewOutcome", "A"},
                           {"ReviewDraft", "2026-04-02"}, {"LastReview", "2026-04-01"}}));

  // --- Ceasing: tell the family, consult, decide, end after the appeal window -----------------
  day = on("2026-09-01");
  CeaseProposal p;
  p.proposed_on = d("2026-09-01");
  p.grounds = "Amara's needs are now met through the school's SEN support.";
  auto consultation = day->app.ceasing.propose(staff, case_id, p, route);
  EXPECT_EQ(consultation.respond_by, "2026-09-15");  // 15 days, counting the day sent (the setting)
  EXPECT_EQ(consultation.school_id, school);         // the school on roll is consulted
  expect_deadline(*day, "C4", "2026-09-15", S::Pending);
  EXPECT_TRUE(deadline(*day, "C4").family_deadline);
  EXPECT_EQ(stage(*day), Stage::Plan);  // the plan is maintained while the council consults
  // The family and the school are told, with the day to respond, never the child's name.
  auto to_family = notices_of(parent, "cease_proposed");
  ASSERT_EQ(to_family.size(), 1u);
  EXPECT_EQ(to_family[0].link, "/family/children/" + std::to_string(child) + "/cease/" + std::to_string(case_id));
  EXPECT_EQ(to_family[0].due_on, "2026-09-15");
  auto to_school = notices_of(senco, "cease_proposed");
  ASSERT_EQ(to_school.size(), 1u);
  for (const auto& n : {to_family[0], to_school[0]}) {
    EXPECT_EQ(n.what_changed.find("Amara"), std::string::npos);
    EXPECT_EQ(n.what_needed.find("Amara"), std::string::npos);
  }

  day = on("2026-09-08");
  day->app.ceasing.respond(parent, case_id, true, "We agree: she is doing well.", route);
  CeaseDecision decision;
  decision.decided_on = d("2026-09-08");
  decision.cease = true;
  decision.cease_reason = 2;  // needs met without a plan
  decision.confirmations.not_necessary = true;
  // The school has not answered and the window is open: too early.
  expect_error(Error::Kind::Unprocessable, "date", [&] { day->app.ceasing.decide(staff, case_id, decision, route); },
               "15 September 2026");
  day->app.ceasing.respond(senco, case_id, true, "Her needs can be met through SEN support.", route);
  EXPECT_EQ(notices_of(staff, "cease_response").size(), 2u);
  // C2: under 18, the council must find a plan no longer necessary.
  decision.confirmations.not_necessary = false;
  expect_error(Error::Kind::Unprocessable, "confirm_not_necessary",
               [&] { day->app.ceasing.decide(staff, case_id, decision, route); }, "reg 29");
  decision.confirmations.not_necessary = true;
  day->app.ceasing.decide(staff, case_id, decision, route);
  Deadline c4 = deadline(*day, "C4");
  EXPECT_EQ(c4.status, S::Met);
  EXPECT_EQ(c4.met_on, d("2026-09-08"));  // decided early: everyone consulted had answered
  expect_deadline(*day, "T1", "2026-11-08", S::Pending);  // the appeal window runs from the decision
  EXPECT_EQ(stage(*day), Stage::Plan);
  EXPECT_FALSE(sen2(*day).count("CeaseDate"));  // the plan has not ended yet
  ASSERT_EQ(notices_of(parent, "cease_decided").size(), 1u);
  EXPECT_EQ(notices_of(parent, "cease_decided")[0].due_on, "2026-11-08");  // the last day to appeal

  // C5: the plan is maintained until the time to appeal has passed.
  day = on("2026-11-09");
  expect_error(Error::Kind::Unprocessable, "date",
               [&] { day->app.ceasing.end_plan(staff, case_id, d("2026-11-08"), false, route); }, "2026-11-09");
  day->app.ceasing.end_plan(staff, case_id, d("2026-11-09"), false, route);
  EXPECT_EQ(stage(*day), Stage::Closed);
  expect_deadline(*day, "T1", "2026-11-08", S::Met);
  EXPECT_FALSE(has_deadline(*day, "R2"));  // the plan ended before its next review fell due
  auto view = day->app.casework.case_view(staff, case_id, route);
  EXPECT_FALSE(next_council_due(view.clock));
  EXPECT_EQ(sen2(*day, "2027-01-14"), (M{{"AssessmentOutcome", "H"}, {"AssessmentOutcomeDate", "2025-04-30"},
                                         {"Week20", "0"}, {"StartDate", "2025-04-30"}, {"CeaseDate", "2026-11-09"},
                                         {"CeaseReason", "2"}}));
  EXPECT_FALSE(sen2_items(view.chronology, d("2027-01-14")).active_plan);
  auto state = day->app.ceasing.state(staff, case_id, route);
  EXPECT_EQ(state.ceased_on, d("2026-11-09"));
  EXPECT_FALSE(state.may_end);
  EXPECT_FALSE(state.may_propose);
  ASSERT_EQ(notices_of(parent, "plan_ceased").size(), 1u);
}

TEST_F(PlanLifecycle, CeasingStepsAreRefusedOutOfOrderAndByTheWrongPeople) {
  auto day = on("2025-04-07");
  Event r = ev(EventType::RequestReceived, "2025-01-06");
  r.source = 1;
  day->app.casework.append_event(staff, case_id, r, route);
  day->app.casework.append_event(staff, case_id, ev(EventType::DecisionToAssess, "2025-02-10", Outcome::Assess), route);
  CeaseProposal p;
  p.proposed_on = d("2025-04-07");
  p.grounds = "Moved away";
  // No plan yet.
  expect_error(Error::Kind::Unprocessable, "type", [&] { day->app.ceasing.propose(staff, case_id, p, route); });
  day->app.casework.append_event(staff, case_id, ev(EventType::DecisionToIssue, "2025-03-01", Outcome::Issue), route);
  day->app.casework.append_event(staff, case_id, ev(EventType::DraftPlanServed, "2025-03-03"), route);
  day->app.casework.append_event(staff, case_id, ev(EventType::FinalPlanIssued, "2025-03-20"), route);
  // Grounds are required; a shorter consultation than the setting is refused.
  p.grounds = "  ";
  expect_error(Error::Kind::Unprocessable, "grounds", [&] { day->app.ceasing.propose(staff, case_id, p, route); });
  p.grounds = "The family has moved to another council in England.";
  p.respond_by = d("2025-04-10");
  expect_error(Error::Kind::Unprocessable, "respond_by", [&] { day->app.ceasing.propose(staff, case_id, p, route); },
               "21 April 2025");
  // Families and schools cannot propose or decide; nobody can respond before a proposal.
  p.respond_by.reset();
  expect_error(Error::Kind::Forbidden, "", [&] { day->app.ceasing.propose(parent, case_id, p, route); });
  expect_error(Error::Kind::Conflict, "consultation",
               [&] { day->app.ceasing.respond(parent, case_id, false, "No", route); });
  CeaseDecision dec;
  dec.decided_on = d("2025-04-07");
  dec.cease_reason = 5;
  expect_error(Error::Kind::Conflict, "consultation", [&] { day->app.ceasing.decide(staff, case_id, dec, route); });
  day->app.ceasing.propose(staff, case_id, p, route);
  expect_error(Error::Kind::Forbidden, "", [&] { day->app.ceasing.decide(parent, case_id, dec, route); });
  // A stranger sees nothing.
  auto stranger = day->app.accounts.create_user("other@example.org", "Other Parent", "parent", kPw);
  expect_error(Error::Kind::NotFound, "id", [&] { day->app.ceasing.respond(stranger, case_id, true, "", route); });
  // The family's comments are checked; a refused write leaves nothing.
  expect_error(Error::Kind::Unprocessable, "comments",
               [&] { day->app.ceasing.respond(parent, case_id, true, std::string(5001, 'x'), route); });
  EXPECT_TRUE(day->app.ceasing.state(staff, case_id, route).responses.empty());
  // Deciding to keep the plan ends the procedure; the plan cannot then be ended.
  auto later = on("2025-04-22");
  dec.decided_on = d("2025-04-22");
  dec.cease = false;
  dec.cease_reason = 0;
  later->app.ceasing.decide(staff, case_id, dec, route);
  expect_error(Error::Kind::Conflict, "consultation",
               [&] { later->app.ceasing.end_plan(staff, case_id, d("2025-04-22"), true, route); });
  auto st = later->app.ceasing.state(staff, case_id, route);
  EXPECT_TRUE(st.may_propose);
  EXPECT_EQ(st.consultation->decision, "maintain");
  EXPECT_EQ(stage(*later), Stage::Plan);
}

}  // namespace
}  // namespace gt::app
