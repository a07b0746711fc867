// Appeal and mediation rights, table-tested against the rules: Children and Families Act 2014 s51
// (what can be appealed) and s55 (mediation advice first, except about the school named), SEND
// Regulations 2014 reg 33 (2 months to contact the mediation adviser) and the Tribunal Procedure
// (First-tier Tribunal) (HESC) Rules 2008 r20 (the later of 2 months from the decision letter and
// 1 month from the mediation certificate). Every date is worked out by hand beside it.
#include "domain/appeal_rights.h"

#include <gtest/gtest.h>

#include "clock_test_util.h"

namespace gt {
namespace {

using namespace testing_util;

Event notice(const char* d) { return ev_t(EventType::DecisionNotice, d); }
Event certificate(const char* d) { return ev_t(EventType::MediationCertificate, d); }

struct Row {
  const char* name;
  std::vector<Event> events;
  const char* today;  // for check_append: every chronology is one the rules accept
  size_t count;       // rights found
  // The latest right:
  AppealableDecision decision;
  const char* letter_on;
  const char* mediation_by;
  const char* appeal_by;
  const char* basis;
  bool school_only_exempt;
};

std::vector<Event> plan_2025() {
  return {request("2025-01-06"), assess("2025-02-10"), issue("2025-04-14"), draft("2025-05-02"),
          final_plan("2025-05-19")};
}
std::vector<Event> plus(std::vector<Event> a, const std::vector<Event>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

TEST(AppealRightsTest, TableOfDecisionsAndDates) {
  const std::vector<Row> rows = {
      // The reference's worked example (statutory.md s1.12): notice 10 Mar 2025, certificate 2 May 2025:
      // later of 10 May and 2 Jun = 2 Jun. Mediation adviser by 10 Mar + 2 months = 10 May.
      {"refusal to assess, notice and certificate",
       {request("2025-01-06"), not_assess("2025-03-10"), notice("2025-03-10"), certificate("2025-05-02")},
       "2025-06-03", 1, AppealableDecision::RefusalToAssess, "2025-03-10", "2025-05-10", "2025-06-02",
       "Children and Families Act 2014 s51(2)(a)", false},
      // No notice recorded: the decision (recorded as sent) starts the time. 10 Mar + 2 months = 10 May.
      {"refusal to assess, no notice",
       {request("2025-01-06"), not_assess("2025-03-10")},
       "2025-03-10", 1, AppealableDecision::RefusalToAssess, "2025-03-10", "2025-05-10", "2025-05-10",
       "Children and Families Act 2014 s51(2)(a)", false},
      // The letter went a week after the decision: the time runs from the letter, 10 Mar + 2 = 10 May.
      {"notice later than the decision",
       {request("2025-01-06"), not_assess("2025-03-03"), notice("2025-03-10")},
       "2025-03-10", 1, AppealableDecision::RefusalToAssess, "2025-03-10", "2025-05-10", "2025-05-10",
       "Children and Families Act 2014 s51(2)(a)", false},
      // A certificate early on does not shorten the 2 months: 20 Mar + 1 = 20 Apr < 10 May.
      {"early certificate",
       {request("2025-01-06"), not_assess("2025-03-10"), notice("2025-03-10"), certificate("2025-03-20")},
       "2025-03-20", 1, AppealableDecision::RefusalToAssess, "2025-03-10", "2025-05-10", "2025-05-10",
       "Children and Families Act 2014 s51(2)(a)", false},
      // Months clamp: 31 Dec 2024 + 2 months = 28 Feb 2025 (no 31 Feb).
      {"month end clamps",
       {request("2024-11-18"), not_assess("2024-12-31")},
       "2024-12-31", 1, AppealableDecision::RefusalToAssess, "2024-12-31", "2025-02-28", "2025-02-28",
       "Children and Families Act 2014 s51(2)(a)", false},
      // ... and in a leap year 31 Dec 2023 + 2 months = 29 Feb 2024.
      {"month end clamps in a leap year",
       {request("2023-11-20"), not_assess("2023-12-31")},
       "2023-12-31", 1, AppealableDecision::RefusalToAssess, "2023-12-31", "2024-02-29", "2024-02-29",
       "Children and Families Act 2014 s51(2)(a)", false},
      // Certificate 31 Jan 2025 + 1 month = 28 Feb 2025, later than 15 Dec 2024 + 2 = 15 Feb 2025.
      {"certificate month clamps",
       {request("2024-11-04"), not_assess("2024-12-15"), notice("2024-12-15"), certificate("2025-01-31")},
       "2025-01-31", 1, AppealableDecision::RefusalToAssess, "2024-12-15", "2025-02-15", "2025-02-28",
       "Children and Families Act 2014 s51(2)(a)", false},
      // Not issuing after the assessment: s51(2)(b). 14 Apr + 2 months = 14 Jun.
      {"no plan after assessing",
       {request("2025-01-06"), assess("2025-02-10"), not_issue("2025-04-14")},
       "2025-04-14", 1, AppealableDecision::RefusalToIssue, "2025-04-14", "2025-06-14", "2025-06-14",
       "Children and Families Act 2014 s51(2)(b)", false},
      // The final plan: s51(2)(c); an appeal only about the school named needs no certificate (s55(3)).
      // 19 May + 2 months = 19 Jul.
      {"final plan", plan_2025(), "2025-06-01", 1, AppealableDecision::Plan, "2025-05-19", "2025-07-19",
       "2025-07-19", "Children and Families Act 2014 s51(2)(c)", true},
      // After a review the council keeps the plan as it is: s51(2)(e). 9 Apr 2026 + 2 = 9 Jun 2026.
      {"no amendment after a review",
       plus(plan_2025(), {ev_t(EventType::ReviewMeeting, "2026-03-12"), review_decision("2026-04-09", Outcome::Maintain)}),
       "2026-04-09", 2, AppealableDecision::NoAmendment, "2026-04-09", "2026-06-09", "2026-06-09",
       "Children and Families Act 2014 s51(2)(e)", false},
      // Ceasing the plan: s51(2)(f); the notice on 16 Apr starts the time: 16 Jun.
      {"ceasing the plan",
       plus(plan_2025(), {ev_t(EventType::ReviewMeeting, "2026-03-12"), review_decision("2026-04-09", Outcome::Cease),
                          notice("2026-04-16")}),
       "2026-04-16", 2, AppealableDecision::Cease, "2026-04-16", "2026-06-16", "2026-06-16",
       "Children and Families Act 2014 s51(2)(f)", false},
      // Deciding to amend is not itself appealable: the amended plan is (s51(2)(c)). 4 Jun + 2 = 4 Aug.
      {"amended plan",
       plus(plan_2025(), {ev_t(EventType::ReviewMeeting, "2026-03-12"), review_decision("2026-04-09", Outcome::Amend),
                          ev_t(EventType::AmendmentsProposed, "2026-04-16"),
                          ev_t(EventType::AmendedPlanIssued, "2026-06-04")}),
       "2026-06-04", 2, AppealableDecision::AmendedPlan, "2026-06-04", "2026-08-04", "2026-08-04",
       "Children and Families Act 2014 s51(2)(c)", true},
      // A notice recorded when no appealable decision awaits one is a decision in its own right.
      {"a notice on its own",
       plus(plan_2025(), {notice("2025-05-19"), ev_t(EventType::ReviewMeeting, "2026-03-12"),
                          review_decision("2026-04-09", Outcome::Amend), notice("2026-04-10")}),
       "2026-04-10", 2, AppealableDecision::Other, "2026-04-10", "2026-06-10", "2026-06-10",
       "Children and Families Act 2014 s51(2)", false},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.name);
    auto rights = appeal_rights(accepted(row.events, row.today));
    ASSERT_EQ(rights.size(), row.count);
    const AppealRight& r = rights.back();
    EXPECT_EQ(r.decision, row.decision);
    EXPECT_EQ(r.letter_on.to_string(), row.letter_on);
    EXPECT_EQ(r.mediation_by.to_string(), row.mediation_by);
    EXPECT_EQ(r.appeal_by.to_string(), row.appeal_by);
    EXPECT_EQ(appeal_right_basis(r.decision), row.basis);
    EXPECT_EQ(r.school_only_exempt, row.school_only_exempt);
    EXPECT_TRUE(r.certificate_needed);
    EXPECT_FALSE(appealable_decision_label(r.decision).empty());
  }
}

TEST(AppealRightsTest, NothingAppealableYet) {
  EXPECT_TRUE(appeal_rights({}).empty());
  EXPECT_TRUE(appeal_rights(accepted({request("2025-01-06"), assess("2025-02-10"), issue("2025-04-14"),
                                      draft("2025-05-02")},
                                     "2025-05-02"))
                  .empty());
}

TEST(AppealRightsTest, AgreesWithTheClocksTribunalDate) {
  // Where the clock computes T1 (from a decision notice), the family's appeal date is the same day.
  auto events = accepted({request("2025-01-06"), not_assess("2025-03-10"), notice("2025-03-10"),
                          certificate("2025-05-02")},
                         "2025-05-02");
  auto clock = compute_deadlines(events, D("2025-05-02"));
  const Deadline* t1 = find(clock, "T1");
  ASSERT_NE(t1, nullptr);
  auto rights = appeal_rights(events);
  ASSERT_EQ(rights.size(), 1u);
  EXPECT_EQ(rights[0].appeal_by, t1->due);
  EXPECT_EQ(std::string(kAppealRule), std::string(t1->basis));
}

TEST(AppealRightsTest, ACertificateBelongsToTheLatestDecision) {
  // Plan 19 May 2025 (appeal by 19 Jul); a review keeps it (9 Apr 2026, notice same day); the
  // certificate of 20 May 2026 extends only the second: later of 9 Jun and 20 Jun = 20 Jun.
  auto rights = appeal_rights(accepted(
      plus(plan_2025(), {ev_t(EventType::ReviewMeeting, "2026-03-12"), review_decision("2026-04-09", Outcome::Maintain),
                         notice("2026-04-09"), certificate("2026-05-20")}),
      "2026-05-20"));
  ASSERT_EQ(rights.size(), 2u);
  EXPECT_EQ(rights[0].appeal_by.to_string(), "2025-07-19");
  EXPECT_FALSE(rights[0].certificate_on);
  EXPECT_EQ(rights[1].certificate_on->to_string(), "2026-05-20");
  EXPECT_EQ(rights[1].appeal_by.to_string(), "2026-06-20");
  EXPECT_TRUE(rights[1].notice_recorded);
  EXPECT_FALSE(rights[0].notice_recorded);
}

TEST(AppealRightsTest, OpenOnTheLastDayClosedTheDayAfter) {
  auto rights = appeal_rights(accepted({request("2025-01-06"), not_assess("2025-03-10")}, "2025-03-10"));
  ASSERT_EQ(rights.size(), 1u);
  const AppealRight& r = rights[0];
  EXPECT_TRUE(r.appeal_open(D("2025-05-10")));   // on or before
  EXPECT_FALSE(r.appeal_open(D("2025-05-11")));
  EXPECT_TRUE(r.mediation_open(D("2025-05-10")));
  EXPECT_FALSE(r.mediation_open(D("2025-05-11")));
}

TEST(AppealRightsTest, MediationIsDoneOnceACertificateIsIssued) {
  auto rights = appeal_rights(accepted({request("2025-01-06"), not_assess("2025-03-10"), notice("2025-03-10"),
                                        certificate("2025-04-01")},
                                       "2025-04-01"));
  ASSERT_EQ(rights.size(), 1u);
  EXPECT_FALSE(rights[0].mediation_open(D("2025-04-02")));
  EXPECT_TRUE(rights[0].appeal_open(D("2025-04-02")));
}

}  // namespace
}  // namespace gt
