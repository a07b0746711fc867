// Ceasing a plan (reg 31, CFA s45): the chronology's rules for cease_proposed, cease_decided and
// plan_ceased, the clock's C4 and T1 for them, and the age checks C2, C3, C6 (domain/cease_rules.h).
#include <gtest/gtest.h>

#include "clock_test_util.h"
#include "domain/appeal_rights.h"
#include "domain/cease_rules.h"

namespace gt {
namespace {

using namespace testing_util;

std::vector<Event> plan() {
  return {request("2025-01-06"), assess("2025-02-10"), issue("2025-04-14"), draft("2025-05-02"),
          final_plan("2025-05-19")};
}
Event proposed(const char* d, const char* by) {
  Event e = ev_t(EventType::CeaseProposed, d);
  e.respond_by = D(by);
  return e;
}
Event decided_cease(const char* d, int reason, bool complete = false) {
  Event e = decided(EventType::CeaseDecided, d, Outcome::Cease);
  e.cease_reason = reason;
  e.consultation_complete = complete;
  return e;
}
Event ceased(const char* d, bool not_appealing = false) {
  Event e = ev_t(EventType::PlanCeased, d);
  e.family_not_appealing = not_appealing;
  return e;
}
std::vector<Event> plus(std::vector<Event> v, std::initializer_list<Event> more) {
  v.insert(v.end(), more);
  return v;
}
std::optional<Rejection> try_append(const std::vector<Event>& v, const Event& e, const char* today = "2027-12-31") {
  return check_append(v, e, D(today));
}
const Deadline* find(const ClockResult& r, const char* rule) {
  for (const auto& d : r.deadlines)
    if (d.rule == rule) return &d;
  return nullptr;
}

TEST(CeaseChronology, TheWholeProcedureEndsThePlan) {
  auto v = accepted(plus(plan(), {proposed("2026-03-02", "2026-03-16"), decided_cease("2026-03-20", 3),
                                  ceased("2026-05-21")}),
                    "2026-06-01");
  EXPECT_EQ(stage_of(std::vector<Event>(v.begin(), v.end() - 1)), Stage::Plan);  // maintained until it ends
  EXPECT_EQ(stage_of(v), Stage::Closed);
}

TEST(CeaseChronology, EachStepNeedsTheOneBefore) {
  auto r = try_append(plan(), decided_cease("2026-03-20", 3));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->field, "type");
  EXPECT_NE(r->reason.find("reg 31(1)"), std::string::npos);
  r = try_append(plan(), ceased("2026-03-20"));
  ASSERT_TRUE(r);
  EXPECT_NE(r->reason.find("decision to cease"), std::string::npos);
  // Not before a plan exists.
  r = try_append({request("2025-01-06"), assess("2025-02-10")}, proposed("2025-03-01", "2025-03-15"));
  ASSERT_TRUE(r);
  EXPECT_NE(r->reason.find("needs a final EHC plan"), std::string::npos);
  // One consultation at a time.
  r = try_append(plus(plan(), {proposed("2026-03-02", "2026-03-16")}), proposed("2026-03-05", "2026-03-19"));
  ASSERT_TRUE(r);
  EXPECT_NE(r->reason.find("already consulting"), std::string::npos);
  // A review awaiting its decision decides first.
  r = try_append(plus(plan(), {ev_t(EventType::ReviewMeeting, "2026-04-20")}), proposed("2026-04-21", "2026-05-05"));
  ASSERT_TRUE(r);
  EXPECT_NE(r->reason.find("review decision first"), std::string::npos);
}

TEST(CeaseChronology, TheDecisionWaitsForTheConsultationUnlessEveryoneAnswered) {
  auto v = plus(plan(), {proposed("2026-03-02", "2026-03-16")});
  auto r = try_append(v, decided_cease("2026-03-16", 3));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->field, "date");
  EXPECT_NE(r->reason.find("2026-03-16"), std::string::npos);
  EXPECT_FALSE(try_append(v, decided_cease("2026-03-17", 3)));
  EXPECT_FALSE(try_append(v, decided_cease("2026-03-10", 3, true)));
}

TEST(CeaseChronology, ReasonAndOutcomeAreChecked) {
  auto v = plus(plan(), {proposed("2026-03-02", "2026-03-16")});
  auto r = try_append(v, decided_cease("2026-03-20", 0));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->field, "cease_reason");
  r = try_append(v, decided_cease("2026-03-20", 10));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->field, "cease_reason");
  Event keep = decided(EventType::CeaseDecided, "2026-03-20", Outcome::Maintain);
  EXPECT_FALSE(try_append(v, keep));
  keep.cease_reason = 2;
  r = try_append(v, keep);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->field, "cease_reason");
  r = try_append(v, decided(EventType::CeaseDecided, "2026-03-20", Outcome::Amend));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->field, "outcome");
  r = try_append(plan(), ev_t(EventType::CeaseProposed, "2026-03-02"));  // no respond_by
  ASSERT_TRUE(r);
  EXPECT_EQ(r->field, "respond_by");
}

TEST(CeaseChronology, ThePlanEndsOnlyAfterTheAppealWindowUnlessTheFamilyWillNotAppeal) {
  auto v = plus(plan(), {proposed("2026-03-02", "2026-03-16"), decided_cease("2026-03-20", 4)});
  // Appeal by 2026-05-20 (decision + 2 months): the plan can end on 21 May at the earliest.
  auto r = try_append(v, ceased("2026-05-20"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->field, "date");
  EXPECT_NE(r->reason.find("2026-05-21"), std::string::npos);
  EXPECT_FALSE(try_append(v, ceased("2026-05-21")));
  EXPECT_FALSE(try_append(v, ceased("2026-03-25", true)));
  // A mediation certificate moves the appeal window (and the earliest end) on.
  auto m = plus(v, {ev_t(EventType::MediationCertificate, "2026-05-10")});
  r = try_append(m, ceased("2026-06-01"));
  ASSERT_TRUE(r);
  EXPECT_NE(r->reason.find("2026-06-10"), std::string::npos);
  EXPECT_FALSE(try_append(m, ceased("2026-06-11")));
}

TEST(CeaseChronology, DecidingToKeepThePlanEndsTheProcedure) {
  auto v = accepted(plus(plan(), {proposed("2026-03-02", "2026-03-16"),
                                  decided(EventType::CeaseDecided, "2026-03-20", Outcome::Maintain)}),
                    "2026-04-01");
  EXPECT_EQ(stage_of(v), Stage::Plan);
  EXPECT_TRUE(try_append(v, ceased("2026-06-01")));
  EXPECT_FALSE(try_append(v, proposed("2026-04-01", "2026-04-15")));  // may be proposed again later
}

TEST(CeaseChronology, AReviewDecisionToCeaseMayBeFollowedByTheProcedure) {
  auto v = plus(plan(), {ev_t(EventType::ReviewMeeting, "2026-04-20"), ev_t(EventType::ReviewReport, "2026-04-27"),
                         review_decision("2026-05-10", Outcome::Cease)});
  EXPECT_EQ(stage_of(v), Stage::Closed);  // as before, when nothing follows
  EXPECT_FALSE(try_append(v, proposed("2026-05-10", "2026-05-24")));
  v.push_back(proposed("2026-05-10", "2026-05-24"));
  EXPECT_EQ(stage_of(v), Stage::Plan);  // maintained while the council consults
  EXPECT_FALSE(try_append(v, decided_cease("2026-05-25", 6)));
  // Other closed cases cannot start it.
  auto r = try_append({request("2025-01-06"), not_assess("2025-02-10")}, proposed("2025-03-01", "2025-03-15"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->field, "type");
}

TEST(CeaseClock, ConsultationC4ThenAppealT1FromTheDecisionThenTheEnd) {
  auto v = plus(plan(), {proposed("2026-03-02", "2026-03-16")});
  auto r = compute_deadlines(v, D("2026-03-05"));
  const Deadline* c4 = find(r, "C4");
  ASSERT_NE(c4, nullptr);
  EXPECT_EQ(c4->due, D("2026-03-16"));
  EXPECT_EQ(c4->status, DeadlineStatus::Pending);
  EXPECT_TRUE(c4->family_deadline);
  EXPECT_EQ(c4->basis, "SEND Regulations 2014 reg 31(1)");
  EXPECT_EQ(rule_basis("C4"), "SEND Regulations 2014 reg 31(1)");

  v.push_back(decided_cease("2026-03-20", 4));
  r = compute_deadlines(v, D("2026-03-25"));
  c4 = find(r, "C4");
  ASSERT_NE(c4, nullptr);
  EXPECT_EQ(c4->status, DeadlineStatus::Met);
  EXPECT_EQ(c4->met_on, D("2026-03-16"));
  const Deadline* t1 = find(r, "T1");
  ASSERT_NE(t1, nullptr);
  EXPECT_EQ(t1->start, D("2026-03-20"));
  EXPECT_EQ(t1->due, D("2026-05-20"));
  EXPECT_EQ(t1->status, DeadlineStatus::Pending);
  const Deadline* r1 = find(r, "R1");
  ASSERT_NE(r1, nullptr);  // the plan is still maintained: its review is still due
  EXPECT_EQ(r1->due, D("2026-05-19"));

  v.push_back(ceased("2026-05-21"));
  r = compute_deadlines(v, D("2026-06-01"));
  // R1 fell due on 19 May, before the plan ended: it stays missed. Nothing else is left open.
  r1 = find(r, "R1");
  ASSERT_NE(r1, nullptr);
  EXPECT_EQ(r1->status, DeadlineStatus::Missed);
  EXPECT_EQ(find(r, "T1")->status, DeadlineStatus::Met);
  EXPECT_EQ(next_council_due(r), D("2026-05-19"));
}

TEST(CeaseClock, ThePlanEndingDropsItsDutiesNotYetDue) {
  auto v = plus(plan(), {proposed("2026-01-05", "2026-01-19"), decided_cease("2026-01-10", 8, true),
                         ceased("2026-01-12", true)});
  auto r = compute_deadlines(v, D("2026-02-01"));
  EXPECT_EQ(find(r, "R1"), nullptr);  // due 19 May 2026, after the plan ended
  EXPECT_EQ(find(r, "C4")->met_on, D("2026-01-10"));
  EXPECT_FALSE(next_council_due(r));
}

TEST(CeaseClock, KeepingThePlanAfterAReviewDecisionToCeaseRestartsTheReviewClock) {
  auto v = plus(plan(), {ev_t(EventType::ReviewMeeting, "2026-04-20"), ev_t(EventType::ReviewReport, "2026-04-27"),
                         review_decision("2026-05-10", Outcome::Cease), proposed("2026-05-10", "2026-05-24")});
  auto r = compute_deadlines(v, D("2026-05-12"));
  EXPECT_EQ(find(r, "R2"), nullptr);
  v.push_back(decided(EventType::CeaseDecided, "2026-05-28", Outcome::Maintain));
  r = compute_deadlines(v, D("2026-06-01"));
  const Deadline* r2 = find(r, "R2");
  ASSERT_NE(r2, nullptr);
  EXPECT_EQ(r2->start, D("2026-05-10"));
  EXPECT_EQ(r2->due, D("2027-05-10"));
  EXPECT_EQ(find(r, "T1"), nullptr);  // keeping the plan is not a decision to cease
}

TEST(CeaseAppealRights, TheDecisionToCeaseCarriesTheRightToAppeal) {
  auto rights = appeal_rights(plus(plan(), {proposed("2026-03-02", "2026-03-16"), decided_cease("2026-03-20", 4)}));
  ASSERT_FALSE(rights.empty());
  EXPECT_EQ(rights.back().decision, AppealableDecision::Cease);
  EXPECT_EQ(rights.back().appeal_by, D("2026-05-20"));
  EXPECT_EQ(rights.back().mediation_by, D("2026-05-20"));
}

TEST(CeaseRules, MaximumAgeIsTheEndOfTheAcademicYearOfThe25thBirthday) {
  EXPECT_EQ(maximum_age_end(D("2001-03-10")), D("2026-07-31"));
  EXPECT_EQ(maximum_age_end(D("2001-08-01")), D("2027-07-31"));
  EXPECT_EQ(maximum_age_end(D("2001-07-31")), D("2026-07-31"));
  EXPECT_EQ(age_on(D("2008-02-29"), D("2026-02-28")), 17);
  EXPECT_EQ(age_on(D("2008-02-29"), D("2026-03-01")), 18);
}

TEST(CeaseRules, ReasonOneOnlyAtTheMaximumAgeOrTheAdultEstate) {
  CeaseConfirmations none;
  EXPECT_FALSE(check_cease_grounds(D("2001-03-10"), 1, D("2026-06-01"), none));  // turns 25 this year
  auto e = check_cease_grounds(D("2004-03-10"), 1, D("2026-06-01"), none);       // 22
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "cease_reason");
  EXPECT_NE(e->reason.find("31 July 2029"), std::string::npos);
  CeaseConfirmations estate;
  estate.adult_estate = true;
  EXPECT_FALSE(check_cease_grounds(D("2004-03-10"), 1, D("2026-06-01"), estate));
  EXPECT_TRUE(check_cease_grounds(D("2010-03-10"), 1, D("2026-06-01"), estate));  // 16: not even then
}

TEST(CeaseRules, UnderEighteenNeedsProvisionNoLongerNecessary) {
  CeaseConfirmations none, yes;
  yes.not_necessary = true;
  for (int reason : {2, 3, 4, 6, 9}) {
    auto e = check_cease_grounds(D("2012-05-01"), reason, D("2026-06-01"), none);
    ASSERT_TRUE(e) << reason;
    EXPECT_EQ(e->field, "confirm_not_necessary");
    EXPECT_NE(e->reason.find("reg 29"), std::string::npos);
    EXPECT_FALSE(check_cease_grounds(D("2012-05-01"), reason, D("2026-06-01"), yes)) << reason;
  }
  for (int reason : {5, 7, 8}) EXPECT_FALSE(check_cease_grounds(D("2012-05-01"), reason, D("2026-06-01"), none));
}

TEST(CeaseRules, EighteenAndOverLeavingEducationNeedsTheReviewFinding) {
  CeaseConfirmations none, yes;
  yes.not_returning = true;
  for (int reason : {3, 4, 6}) {
    auto e = check_cease_grounds(D("2006-05-01"), reason, D("2026-06-01"), none);
    ASSERT_TRUE(e) << reason;
    EXPECT_EQ(e->field, "confirm_not_returning");
    EXPECT_NE(e->reason.find("reg 30"), std::string::npos);
    EXPECT_FALSE(check_cease_grounds(D("2006-05-01"), reason, D("2026-06-01"), yes));
  }
  EXPECT_FALSE(check_cease_grounds(D("2006-05-01"), 2, D("2026-06-01"), none));
}

}  // namespace
}  // namespace gt
