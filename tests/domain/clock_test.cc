// The statutory clock, rule by rule. Every date below is worked out by hand in the comment beside it
// (weeks are 7 calendar days; months keep the day number and clamp to the month's end).
#include "domain/clock.h"

#include <gtest/gtest.h>

#include <map>

#include "clock_test_util.h"
#include "domain/calendar.h"

namespace gt {
namespace {

using namespace testing_util;
using Strings = std::vector<std::string>;

// The initial process from the reference's worked example, on time throughout.
std::vector<Event> on_time_to_plan() {
  return {request("2025-01-06"),
          assess("2025-02-10"),                     // A1 due 17 Feb: met
          advice_requested("2025-02-11", "ep1"),    // A3 due 11 Feb + 42 = 25 Mar
          advice_requested("2025-02-11", "h1", AdviceFrom::Health),
          advice_received("2025-03-20", "ep1"),     // on time
          advice_received("2025-04-01", "h1"),      // a week late
          issue("2025-04-14"),                      // A4 no longer reported
          draft("2025-05-02"),                      // A7 due 11 May: met; A5 due 2 May + 14 = 16 May
          final_plan("2025-05-19")};                // earliest 2 May + 15 = 17 May; A6 due 26 May: met
}

TEST(ClockTest, WorkedExampleRequestOn6January2025) {
  // 6 Jan + 42 = 17 Feb (25 days left in January, 17 into February); + 112 = 28 Apr;
  // + 140 = 26 May (Spring bank holiday, not moved); A7 = 26 May - 15 = Sun 11 May.
  auto r = compute_deadlines(accepted({request("2025-01-06")}, "2025-01-06"), D("2025-01-06"));
  EXPECT_EQ(rules(r), (Strings{"A1", "A4", "A6", "A7"}));
  EXPECT_DEADLINE(r, "A1", 0, "2025-01-06", "2025-02-17", "pending", "null");
  EXPECT_DEADLINE(r, "A4", 0, "2025-01-06", "2025-04-28", "pending", "null");
  EXPECT_DEADLINE(r, "A6", 0, "2025-01-06", "2025-05-26", "pending", "null");
  EXPECT_DEADLINE(r, "A7", 0, "2025-05-26", "2025-05-11", "pending", "null");  // anchored on A6's due date
  EXPECT_FALSE(r.within_20_weeks.has_value());
  EXPECT_FALSE(r.week20_exception);
  EXPECT_EQ(next_council_due(r), D("2025-02-17"));
  EXPECT_FALSE(is_working_day(D("2025-05-26")));  // the 20-week date is a bank holiday all the same
  EXPECT_EQ(find(r, "A1")->summary, "Decide whether to carry out an EHC needs assessment and tell the family");
  EXPECT_EQ(find(r, "A6")->summary, "Issue the final EHC plan");
}

TEST(ClockTest, BecomingResponsibleStartsTheSameClock) {
  Event e = ev_t(EventType::BecameResponsible, "2025-01-06");
  auto r = compute_deadlines(accepted({e}, "2025-01-06"), D("2025-01-06"));
  EXPECT_DEADLINE(r, "A1", 0, "2025-01-06", "2025-02-17", "pending", "null");
  EXPECT_DEADLINE(r, "A6", 0, "2025-01-06", "2025-05-26", "pending", "null");
}

TEST(ClockTest, A1PendingOnItsDueDayMissedTheDayAfter) {
  auto ev1 = accepted({request("2025-01-06")}, "2025-02-18");
  EXPECT_DEADLINE(compute_deadlines(ev1, D("2025-02-17")), "A1", 0, "2025-01-06", "2025-02-17", "pending", "null");
  EXPECT_DEADLINE(compute_deadlines(ev1, D("2025-02-18")), "A1", 0, "2025-01-06", "2025-02-17", "missed", "null");
  // Decided on the due day: met. A day late: missed, with the date it was done.
  auto on_time = accepted({request("2025-01-06"), assess("2025-02-17")}, "2025-03-01");
  EXPECT_DEADLINE(compute_deadlines(on_time, D("2025-03-01")), "A1", 0, "2025-01-06", "2025-02-17", "met",
                  "2025-02-17");
  auto late = accepted({request("2025-01-06"), assess("2025-02-18")}, "2025-03-01");
  EXPECT_DEADLINE(compute_deadlines(late, D("2025-03-01")), "A1", 0, "2025-01-06", "2025-02-17", "missed",
                  "2025-02-18");
  // An overdue, undone step is still owed: it is the next council due date.
  EXPECT_EQ(next_council_due(compute_deadlines(ev1, D("2025-03-01"))), D("2025-02-17"));
}

TEST(ClockTest, OnTimeFromRequestToFinalPlan) {
  auto r = compute_deadlines(accepted(on_time_to_plan(), "2025-06-01"), D("2025-06-01"));
  EXPECT_EQ(rules(r), (Strings{"A1", "A3:ep1", "A3:h1", "A5", "A6", "A7", "R1"}));
  EXPECT_DEADLINE(r, "A1", 0, "2025-01-06", "2025-02-17", "met", "2025-02-10");
  EXPECT_DEADLINE(r, "A3", 0, "2025-02-11", "2025-03-25", "met", "2025-03-20");
  EXPECT_DEADLINE(r, "A3", 1, "2025-02-11", "2025-03-25", "missed", "2025-04-01");
  EXPECT_EQ(find(r, "A3", 0)->id, "ep1");
  EXPECT_EQ(find(r, "A3", 1)->id, "h1");
  EXPECT_EQ(find(r, "A3", 1)->summary, "Send the advice the council asked for (health)");
  // The family's window closed on 16 May; the plan came after it.
  EXPECT_DEADLINE(r, "A5", 0, "2025-05-02", "2025-05-16", "met", "2025-05-16");
  EXPECT_TRUE(find(r, "A5")->family_deadline);
  EXPECT_DEADLINE(r, "A6", 0, "2025-01-06", "2025-05-26", "met", "2025-05-19");
  EXPECT_DEADLINE(r, "A7", 0, "2025-05-26", "2025-05-11", "met", "2025-05-02");
  // R1: 19 May 2025 + 12 months = 19 May 2026.
  EXPECT_DEADLINE(r, "R1", 0, "2025-05-19", "2026-05-19", "pending", "null");
  EXPECT_EQ(r.within_20_weeks, std::optional<bool>(true));
  EXPECT_FALSE(r.week20_exception);
  EXPECT_EQ(next_council_due(r), D("2026-05-19"));
}

TEST(ClockTest, A6OnTheSpringBankHolidayIsNotMoved) {
  std::vector<Event> base = {request("2025-01-06"), assess("2025-02-10"), issue("2025-04-14"), draft("2025-05-09")};
  // Draft 9 May: A7 (11 May) met; earliest final plan 9 + 15 = 24 May.
  auto on_day = base;
  on_day.push_back(final_plan("2025-05-26"));  // the bank holiday itself: on time
  auto r = compute_deadlines(accepted(on_day, "2025-06-01"), D("2025-06-01"));
  EXPECT_DEADLINE(r, "A6", 0, "2025-01-06", "2025-05-26", "met", "2025-05-26");
  EXPECT_EQ(r.within_20_weeks, std::optional<bool>(true));
  auto next_day = base;
  next_day.push_back(final_plan("2025-05-27"));  // the next working day is already late
  r = compute_deadlines(accepted(next_day, "2025-06-01"), D("2025-06-01"));
  EXPECT_DEADLINE(r, "A6", 0, "2025-01-06", "2025-05-26", "missed", "2025-05-27");
  EXPECT_EQ(r.within_20_weeks, std::optional<bool>(false));
}

TEST(ClockTest, A4ReportedUntilTheDecisionToIssue) {
  auto assessing = accepted({request("2025-01-06"), assess("2025-02-10")}, "2025-04-29");
  EXPECT_DEADLINE(compute_deadlines(assessing, D("2025-04-28")), "A4", 0, "2025-01-06", "2025-04-28", "pending",
                  "null");
  EXPECT_DEADLINE(compute_deadlines(assessing, D("2025-04-29")), "A4", 0, "2025-01-06", "2025-04-28", "missed",
                  "null");
  // Decision to issue: A4 is no longer reported at all.
  auto issuing = accepted({request("2025-01-06"), assess("2025-02-10"), issue("2025-04-14")}, "2025-04-30");
  EXPECT_EQ(rules(compute_deadlines(issuing, D("2025-04-30"))), (Strings{"A1", "A6", "A7"}));
}

TEST(ClockTest, A4MetOrMissedByTheDecisionNotToIssue) {
  // Not to issue on 28 Apr (the 16-week day): met; A6 and A7 no longer apply.
  auto r = compute_deadlines(accepted({request("2025-01-06"), assess("2025-02-10"), not_issue("2025-04-28")},
                                      "2025-06-01"),
                             D("2025-06-01"));
  EXPECT_EQ(rules(r), (Strings{"A1", "A4"}));
  EXPECT_DEADLINE(r, "A4", 0, "2025-01-06", "2025-04-28", "met", "2025-04-28");
  EXPECT_FALSE(r.within_20_weeks.has_value());
  r = compute_deadlines(accepted({request("2025-01-06"), assess("2025-02-10"), not_issue("2025-04-29")},
                                 "2025-06-01"),
                        D("2025-06-01"));
  EXPECT_DEADLINE(r, "A4", 0, "2025-01-06", "2025-04-28", "missed", "2025-04-29");
  EXPECT_EQ(next_council_due(r), std::nullopt);
}

TEST(ClockTest, RefusalToAssessEndsTheInitialLimits) {
  auto r = compute_deadlines(accepted({request("2025-01-06"), not_assess("2025-02-03")}, "2025-06-01"),
                             D("2025-06-01"));
  EXPECT_EQ(rules(r), (Strings{"A1"}));
  EXPECT_DEADLINE(r, "A1", 0, "2025-01-06", "2025-02-17", "met", "2025-02-03");
  EXPECT_EQ(next_council_due(r), std::nullopt);
}

TEST(ClockTest, A3OneDeadlinePerAdviceId) {
  // ep1 asked 11 Feb -> due 25 Mar; sc1 asked 21 Feb -> 21 + 42 = 63 - 28 (Feb) = 35 - 31 (Mar) = 4 Apr.
  auto evs = accepted({request("2025-01-06"), assess("2025-02-10"), advice_requested("2025-02-11", "ep1"),
                      advice_requested("2025-02-21", "sc1", AdviceFrom::SocialCare),
                      advice_received("2025-03-25", "ep1")},
                     "2025-04-05");
  auto r = compute_deadlines(evs, D("2025-04-04"));
  EXPECT_DEADLINE(r, "A3", 0, "2025-02-11", "2025-03-25", "met", "2025-03-25");
  EXPECT_DEADLINE(r, "A3", 1, "2025-02-21", "2025-04-04", "pending", "null");
  EXPECT_EQ(find(r, "A3", 1)->id, "sc1");
  EXPECT_EQ(next_council_due(r), D("2025-04-04"));  // advice still owed counts: the council chases it
  EXPECT_DEADLINE(compute_deadlines(evs, D("2025-04-05")), "A3", 1, "2025-02-21", "2025-04-04", "missed", "null");
}

TEST(ClockTest, A5TheFamilysFifteenDays) {
  std::vector<Event> base = {request("2025-01-06"), assess("2025-02-10"), issue("2025-04-14"), draft("2025-05-02")};
  auto ev = accepted(base, "2025-05-16");
  // Served Fri 2 May = day 1; the family's last day is day 15 = 2 May + 14 = 16 May.
  auto r = compute_deadlines(ev, D("2025-05-16"));
  EXPECT_DEADLINE(r, "A5", 0, "2025-05-02", "2025-05-16", "pending", "null");
  EXPECT_EQ(next_council_due(r), D("2025-05-26"));  // the family's date is not the council's (A6 is)
  EXPECT_DEADLINE(compute_deadlines(ev, D("2025-05-17")), "A5", 0, "2025-05-02", "2025-05-16", "met", "2025-05-16");
  // The family said they had nothing to add: the plan may come early, and the window closed then.
  auto agreed = base;
  agreed.push_back(final_plan("2025-05-10", true));
  r = compute_deadlines(accepted(agreed, "2025-05-12"), D("2025-05-12"));
  EXPECT_DEADLINE(r, "A5", 0, "2025-05-02", "2025-05-16", "met", "2025-05-10");
  // Finalised inside the window without agreement (the chronology refuses this; the clock still says so).
  auto early = base;
  early.push_back(final_plan("2025-05-10", false));
  r = compute_deadlines(early, D("2025-05-12"));
  EXPECT_DEADLINE(r, "A5", 0, "2025-05-02", "2025-05-16", "missed", "2025-05-10");
}

TEST(ClockTest, A7LateDraft) {
  std::vector<Event> base = {request("2025-01-06"), assess("2025-02-10"), issue("2025-04-14")};
  auto ev = accepted(base, "2025-05-12");
  EXPECT_DEADLINE(compute_deadlines(ev, D("2025-05-11")), "A7", 0, "2025-05-26", "2025-05-11", "pending", "null");
  EXPECT_DEADLINE(compute_deadlines(ev, D("2025-05-12")), "A7", 0, "2025-05-26", "2025-05-11", "missed", "null");
  base.push_back(draft("2025-05-12"));
  EXPECT_DEADLINE(compute_deadlines(accepted(base, "2025-05-12"), D("2025-05-12")), "A7", 0, "2025-05-26",
                  "2025-05-11", "missed", "2025-05-12");
}

TEST(ClockTest, ExceptionOverlappingEveryPeriodDisappliesWithoutMovingDates) {
  // EX-PERSONAL 1-28 Feb 2025 overlaps A1 (6 Jan-17 Feb), A4 (to 28 Apr), A6 (to 26 May) and A7.
  std::vector<Event> ev = {request("2025-01-06"),
                           exception("2025-02-03", ExceptionReason::Personal, "2025-02-01", "2025-02-28")};
  auto r = compute_deadlines(accepted(ev, "2025-03-01"), D("2025-03-01"));
  EXPECT_DEADLINE(r, "A1", 0, "2025-01-06", "2025-02-17", "disapplied", "null");
  EXPECT_DEADLINE(r, "A4", 0, "2025-01-06", "2025-04-28", "disapplied", "null");
  EXPECT_DEADLINE(r, "A6", 0, "2025-01-06", "2025-05-26", "disapplied", "null");
  EXPECT_DEADLINE(r, "A7", 0, "2025-05-26", "2025-05-11", "disapplied", "null");
  EXPECT_TRUE(r.week20_exception);
  EXPECT_EQ(next_council_due(r), std::nullopt);
  // Decided late (3 Mar): still disapplied, with the date it was done.
  ev.push_back(assess("2025-03-03"));
  r = compute_deadlines(accepted(ev, "2025-03-03"), D("2025-03-03"));
  EXPECT_DEADLINE(r, "A1", 0, "2025-01-06", "2025-02-17", "disapplied", "2025-03-03");
}

TEST(ClockTest, ExceptionMetAnywayIsReportedMet) {
  auto r = compute_deadlines(
      accepted({request("2025-01-06"), exception("2025-01-07", ExceptionReason::Personal, "2025-01-07", "2025-02-10"),
                assess("2025-02-10")},
               "2025-02-11"),
      D("2025-02-11"));
  EXPECT_DEADLINE(r, "A1", 0, "2025-01-06", "2025-02-17", "met", "2025-02-10");
  EXPECT_TRUE(r.week20_exception);
}

TEST(ClockTest, SchoolClosureExceptionOnlyTouchesTheLimitsItOverlaps) {
  // EX-SCHOOL 1 Apr-1 May 2025 (31 days): after A1's period (to 17 Feb), inside A4's, A6's and A7's.
  std::vector<Event> ev = {request("2025-01-06"), assess("2025-02-10"),
                           exception("2025-03-20", ExceptionReason::School, "2025-04-01", "2025-05-01")};
  auto r = compute_deadlines(accepted(ev, "2025-04-29"), D("2025-04-29"));
  EXPECT_DEADLINE(r, "A1", 0, "2025-01-06", "2025-02-17", "met", "2025-02-10");
  EXPECT_DEADLINE(r, "A4", 0, "2025-01-06", "2025-04-28", "disapplied", "null");
  // Late draft (15 May, A7 was 11 May) and late plan (2 Jun, A6 was 26 May): disapplied, dates kept.
  ev.push_back(issue("2025-04-30"));
  ev.push_back(draft("2025-05-15"));
  ev.push_back(final_plan("2025-06-02"));  // earliest 15 May + 15 = 30 May
  r = compute_deadlines(accepted(ev, "2025-06-02"), D("2025-06-02"));
  EXPECT_EQ(rules(r), (Strings{"A1", "A5", "A6", "A7", "R1"}));
  EXPECT_DEADLINE(r, "A6", 0, "2025-01-06", "2025-05-26", "disapplied", "2025-06-02");
  EXPECT_DEADLINE(r, "A7", 0, "2025-05-26", "2025-05-11", "disapplied", "2025-05-15");
  EXPECT_DEADLINE(r, "A5", 0, "2025-05-15", "2025-05-29", "met", "2025-05-29");
  EXPECT_EQ(r.within_20_weeks, std::optional<bool>(false));  // against the due date, exception or not
  EXPECT_TRUE(r.week20_exception);
}

TEST(ClockTest, OpenEndedExceptionAfterTheSixteenWeeks) {
  // EX-ABSENT from 1 May, no end: A4's period ended 28 Apr, so A4 is simply missed; A6/A7 disapplied.
  auto r = compute_deadlines(accepted({request("2025-01-06"), assess("2025-02-10"),
                                       exception("2025-05-01", ExceptionReason::Absent, "2025-05-01")},
                                      "2025-05-02"),
                             D("2025-05-02"));
  EXPECT_DEADLINE(r, "A4", 0, "2025-01-06", "2025-04-28", "missed", "null");
  EXPECT_DEADLINE(r, "A6", 0, "2025-01-06", "2025-05-26", "disapplied", "null");
  EXPECT_DEADLINE(r, "A7", 0, "2025-05-26", "2025-05-11", "disapplied", "null");
  EXPECT_TRUE(r.week20_exception);
  EXPECT_EQ(next_council_due(r), D("2025-04-28"));
}

TEST(ClockTest, WithdrawalLeavesNothingOpen) {
  // Open steps are dropped (A3, A4, A6, A7); what was done keeps its status.
  auto r = compute_deadlines(accepted({request("2025-01-06"), assess("2025-02-10"),
                                       advice_requested("2025-02-11", "ep1"), ev_t(EventType::Withdrawn, "2025-03-03")},
                                      "2025-07-01"),
                             D("2025-07-01"));
  EXPECT_EQ(rules(r), (Strings{"A1"}));
  EXPECT_DEADLINE(r, "A1", 0, "2025-01-06", "2025-02-17", "met", "2025-02-10");
  EXPECT_EQ(next_council_due(r), std::nullopt);
  EXPECT_FALSE(r.within_20_weeks.has_value());
  // Withdrawn with the decision already overdue: dropped, not left missed.
  r = compute_deadlines(accepted({request("2025-01-06"), ev_t(EventType::Withdrawn, "2025-03-01")}, "2025-07-01"),
                        D("2025-07-01"));
  EXPECT_TRUE(r.deadlines.empty());
  // A decision made late stays on record as late.
  r = compute_deadlines(
      accepted({request("2025-01-06"), assess("2025-02-20"), ev_t(EventType::Withdrawn, "2025-03-03")}, "2025-07-01"),
      D("2025-07-01"));
  EXPECT_DEADLINE(r, "A1", 0, "2025-01-06", "2025-02-17", "missed", "2025-02-20");
  // Withdrawn while the family's draft window is open: A5 dropped, A7 (draft served) kept.
  r = compute_deadlines(accepted({request("2025-01-06"), assess("2025-02-10"), issue("2025-04-14"),
                                  draft("2025-05-02"), ev_t(EventType::Withdrawn, "2025-05-05")},
                                 "2025-07-01"),
                        D("2025-07-01"));
  EXPECT_EQ(rules(r), (Strings{"A1", "A7"}));
}

TEST(ClockTest, NewRequestAfterWithdrawalStartsAFreshClock) {
  // 2 Jun 2025: + 42 = 14 Jul; + 112 = 22 Sep; + 140 = 20 Oct; A7 = 5 Oct.
  auto r = compute_deadlines(accepted({request("2025-01-06"), ev_t(EventType::Withdrawn, "2025-03-01"),
                                       request("2025-06-02", 2)},
                                      "2025-06-02"),
                             D("2025-06-02"));
  EXPECT_EQ(rules(r), (Strings{"A1", "A4", "A6", "A7"}));
  EXPECT_DEADLINE(r, "A1", 0, "2025-06-02", "2025-07-14", "pending", "null");
  EXPECT_DEADLINE(r, "A4", 0, "2025-06-02", "2025-09-22", "pending", "null");
  EXPECT_DEADLINE(r, "A6", 0, "2025-06-02", "2025-10-20", "pending", "null");
  EXPECT_DEADLINE(r, "A7", 0, "2025-10-20", "2025-10-05", "pending", "null");
}

// A plan issued 20 Mar 2025: request Mon 4 Nov 2024, A6 due 4 Nov + 140 = 24 Mar 2025, A7 9 Mar.
std::vector<Event> plan_20_march_2025() {
  return {request("2024-11-04"), assess("2024-12-09"), issue("2025-02-10"), draft("2025-02-24"),
          final_plan("2025-03-20")};
}

TEST(ClockTest, AnnualReviewWithAmendmentsWorkedExample) {
  // Meeting Thu 12 Mar 2026: R6 26 Mar, R7 9 Apr, M4 12 Mar + 84 = 4 Jun 2026 (19 left in March, 30 in
  // April, 31 in May, 4 into June). Amendments 16 Apr 2026: M2 16 Apr + 56 = 11 Jun; the effective
  // amendment date is the earlier of the two, M4's 4 Jun.
  auto base = plan_20_march_2025();
  base.push_back(ev_t(EventType::ReviewMeeting, "2026-03-12"));
  base.push_back(ev_t(EventType::ReviewReport, "2026-03-25"));
  base.push_back(review_decision("2026-04-09", Outcome::Amend));  // R1 was due 20 Mar 2026: late
  base.push_back(ev_t(EventType::AmendmentsProposed, "2026-04-16"));
  auto open = accepted(base, "2026-06-05");
  auto r = compute_deadlines(open, D("2026-06-03"));
  EXPECT_EQ(rules(r), (Strings{"A1", "A5", "A6", "A7", "R1", "R2", "R6", "R7", "M2", "M4"}));
  EXPECT_DEADLINE(r, "R1", 0, "2025-03-20", "2026-03-20", "missed", "2026-04-09");
  EXPECT_DEADLINE(r, "R2", 0, "2026-04-09", "2027-04-09", "pending", "null");
  EXPECT_DEADLINE(r, "R6", 0, "2026-03-12", "2026-03-26", "met", "2026-03-25");
  EXPECT_DEADLINE(r, "R7", 0, "2026-03-12", "2026-04-09", "met", "2026-04-09");
  EXPECT_DEADLINE(r, "M2", 0, "2026-04-16", "2026-06-11", "pending", "null");
  EXPECT_DEADLINE(r, "M4", 0, "2026-03-12", "2026-06-04", "pending", "null");
  EXPECT_EQ(next_council_due(r), D("2026-06-04"));
  EXPECT_DEADLINE(compute_deadlines(open, D("2026-06-05")), "M4", 0, "2026-03-12", "2026-06-04", "missed", "null");
  // Amended plan on 5 Jun: within M2 but a day past M4.
  auto late = base;
  late.push_back(ev_t(EventType::AmendedPlanIssued, "2026-06-05"));
  r = compute_deadlines(accepted(late, "2026-06-10"), D("2026-06-10"));
  EXPECT_DEADLINE(r, "M2", 0, "2026-04-16", "2026-06-11", "met", "2026-06-05");
  EXPECT_DEADLINE(r, "M4", 0, "2026-03-12", "2026-06-04", "missed", "2026-06-05");
  EXPECT_EQ(next_council_due(r), D("2027-04-09"));
  auto on_time = base;
  on_time.push_back(ev_t(EventType::AmendedPlanIssued, "2026-06-04"));
  r = compute_deadlines(accepted(on_time, "2026-06-10"), D("2026-06-10"));
  EXPECT_DEADLINE(r, "M4", 0, "2026-03-12", "2026-06-04", "met", "2026-06-04");
}

TEST(ClockTest, ReviewReportAndDecisionLate) {
  auto ev = plan_20_march_2025();
  ev.push_back(ev_t(EventType::ReviewMeeting, "2026-03-12"));
  auto open = accepted(ev, "2026-04-10");
  auto r = compute_deadlines(open, D("2026-03-27"));
  EXPECT_DEADLINE(r, "R6", 0, "2026-03-12", "2026-03-26", "missed", "null");
  EXPECT_DEADLINE(r, "R7", 0, "2026-03-12", "2026-04-09", "pending", "null");
  ev.push_back(ev_t(EventType::ReviewReport, "2026-03-30"));
  ev.push_back(review_decision("2026-04-10", Outcome::Maintain));
  r = compute_deadlines(accepted(ev, "2026-04-10"), D("2026-04-10"));
  EXPECT_DEADLINE(r, "R6", 0, "2026-03-12", "2026-03-26", "missed", "2026-03-30");
  EXPECT_DEADLINE(r, "R7", 0, "2026-03-12", "2026-04-09", "missed", "2026-04-10");
  EXPECT_DEADLINE(r, "R2", 0, "2026-04-10", "2027-04-10", "pending", "null");
  EXPECT_EQ(find(r, "M2"), nullptr);
  EXPECT_EQ(find(r, "M4"), nullptr);
}

TEST(ClockTest, PlanIssuedOn29FebruaryIsReviewedBy28February) {
  // Request Mon 16 Oct 2023: A6 = 16 Oct + 140 = 4 Mar 2024 (15 left in Oct, 30, 31, 31, 29 -> 4 Mar).
  // Plan 29 Feb 2024 + 12 months = 29 Feb 2025, which does not exist: 28 Feb 2025.
  std::vector<Event> ev = {request("2023-10-16"), assess("2023-11-20"), issue("2024-01-15"),
                           draft("2024-02-09"),  // earliest final plan 9 Feb + 15 = 24 Feb
                           final_plan("2024-02-29")};
  auto r = compute_deadlines(accepted(ev, "2024-03-01"), D("2024-03-01"));
  EXPECT_DEADLINE(r, "A6", 0, "2023-10-16", "2024-03-04", "met", "2024-02-29");
  EXPECT_DEADLINE(r, "R1", 0, "2024-02-29", "2025-02-28", "pending", "null");
  // Meeting Mon 3 Feb 2025 (R6 17 Feb, R7 3 Mar); decision 28 Feb 2025: R1 met on its last day.
  ev.push_back(ev_t(EventType::ReviewMeeting, "2025-02-03"));
  ev.push_back(review_decision("2025-02-28", Outcome::Maintain));
  r = compute_deadlines(accepted(ev, "2025-03-01"), D("2025-03-01"));
  EXPECT_DEADLINE(r, "R1", 0, "2024-02-29", "2025-02-28", "met", "2025-02-28");
  EXPECT_DEADLINE(r, "R6", 0, "2025-02-03", "2025-02-17", "missed", "null");
  EXPECT_DEADLINE(r, "R7", 0, "2025-02-03", "2025-03-03", "met", "2025-02-28");
  EXPECT_DEADLINE(r, "R2", 0, "2025-02-28", "2026-02-28", "pending", "null");
}

TEST(ClockTest, ReviewsChainAndCeasingEndsThem) {
  auto ev = on_time_to_plan();  // plan 19 May 2025: R1 19 May 2026
  ev.push_back(ev_t(EventType::ReviewMeeting, "2026-04-20"));
  ev.push_back(review_decision("2026-05-01", Outcome::Maintain));  // R2 1 May 2027
  ev.push_back(ev_t(EventType::ReviewMeeting, "2027-04-12"));
  ev.push_back(review_decision("2027-04-30", Outcome::Cease));
  auto acc = accepted(ev, "2027-06-01");
  auto r = compute_deadlines(acc, D("2027-06-01"));
  EXPECT_DEADLINE(r, "R1", 0, "2025-05-19", "2026-05-19", "met", "2026-05-01");
  EXPECT_DEADLINE(r, "R2", 0, "2026-05-01", "2027-05-01", "met", "2027-04-30");
  EXPECT_EQ(find(r, "R2", 1), nullptr);  // ceased: no further review
  EXPECT_DEADLINE(r, "R7", 1, "2027-04-12", "2027-05-10", "met", "2027-04-30");
  EXPECT_EQ(stage_of(acc), Stage::Closed);
}

TEST(ClockTest, PhaseTransferToSchoolByFourteenthFebruary) {
  auto ev = on_time_to_plan();
  ev.push_back(phase("2025-09-01", PhaseKind::School, "2026-09-01"));  // P1: on or before 14 Feb 2026
  ev.push_back(ev_t(EventType::ReviewMeeting, "2025-11-10"));  // R6 24 Nov; R7 8 Dec; M4 + 84 = 2 Feb 2026
  ev.push_back(ev_t(EventType::ReviewReport, "2025-11-20"));
  ev.push_back(review_decision("2025-12-01", Outcome::Amend));
  ev.push_back(ev_t(EventType::AmendmentsProposed, "2025-12-01"));  // M2: 1 Dec + 56 = 26 Jan 2026
  auto open = accepted(ev, "2026-02-15");
  auto r = compute_deadlines(open, D("2026-02-14"));
  EXPECT_DEADLINE(r, "P1", 0, "2025-09-01", "2026-02-14", "pending", "null");
  EXPECT_DEADLINE(r, "M2", 0, "2025-12-01", "2026-01-26", "missed", "null");
  EXPECT_DEADLINE(r, "M4", 0, "2025-11-10", "2026-02-02", "missed", "null");
  EXPECT_DEADLINE(r, "R1", 0, "2025-05-19", "2026-05-19", "met", "2025-12-01");
  auto on_day = ev;
  on_day.push_back(ev_t(EventType::AmendedPlanIssued, "2026-02-14"));
  r = compute_deadlines(accepted(on_day, "2026-03-01"), D("2026-03-01"));
  EXPECT_DEADLINE(r, "P1", 0, "2025-09-01", "2026-02-14", "met", "2026-02-14");
  EXPECT_DEADLINE(r, "M2", 0, "2025-12-01", "2026-01-26", "missed", "2026-02-14");
  EXPECT_EQ(find(r, "P1")->basis, "SEND Regulations 2014 reg 18(1)(b)");
  auto fifteenth = ev;  // "by 15 February" in the Code; the regulation says before 15 February
  fifteenth.push_back(ev_t(EventType::AmendedPlanIssued, "2026-02-15"));
  r = compute_deadlines(accepted(fifteenth, "2026-03-01"), D("2026-03-01"));
  EXPECT_DEADLINE(r, "P1", 0, "2025-09-01", "2026-02-14", "missed", "2026-02-15");
}

TEST(ClockTest, PhaseTransferToPost16By30March) {
  auto ev = on_time_to_plan();
  ev.push_back(phase("2025-09-01", PhaseKind::Post16, "2026-09-01"));
  auto acc = accepted(ev, "2026-03-31");
  EXPECT_DEADLINE(compute_deadlines(acc, D("2026-03-30")), "P2", 0, "2025-09-01", "2026-03-30", "pending", "null");
  EXPECT_DEADLINE(compute_deadlines(acc, D("2026-03-31")), "P2", 0, "2025-09-01", "2026-03-30", "missed", "null");
}

TEST(ClockTest, Post16MoveFiveMonthsAheadWithAmendmentsOutsideAReview) {
  // Transfer 31 Jul 2026 - 5 months = 31 Feb, clamped to 28 Feb 2026.
  // Amendments 5 Jan 2026 outside a review: M2 only, 5 Jan + 56 = 2 Mar 2026 (26 left in Jan, 28 in Feb).
  auto ev = on_time_to_plan();
  ev.push_back(phase("2025-09-01", PhaseKind::Post16Other, "2026-07-31"));
  ev.push_back(ev_t(EventType::AmendmentsProposed, "2026-01-05"));
  ev.push_back(ev_t(EventType::AmendedPlanIssued, "2026-02-20"));
  auto r = compute_deadlines(accepted(ev, "2026-03-01"), D("2026-03-01"));
  EXPECT_DEADLINE(r, "P3", 0, "2025-09-01", "2026-02-28", "met", "2026-02-20");
  EXPECT_DEADLINE(r, "M2", 0, "2026-01-05", "2026-03-02", "met", "2026-02-20");
  EXPECT_EQ(find(r, "M4"), nullptr);
}

TEST(ClockTest, TribunalWindowWorkedExample) {
  // Notice 10 Mar 2025: + 2 months = 10 May. Certificate 2 May: + 1 month = 2 Jun. Later of = 2 Jun.
  std::vector<Event> ev = {request("2025-01-06"), not_assess("2025-03-10"), ev_t(EventType::DecisionNotice, "2025-03-10"),
                           ev_t(EventType::MediationCertificate, "2025-05-02")};
  auto acc = accepted(ev, "2025-06-03");
  auto r = compute_deadlines(acc, D("2025-06-02"));
  EXPECT_EQ(rules(r), (Strings{"A1", "T1"}));
  EXPECT_DEADLINE(r, "A1", 0, "2025-01-06", "2025-02-17", "missed", "2025-03-10");
  EXPECT_DEADLINE(r, "T1", 0, "2025-03-10", "2025-06-02", "pending", "null");
  EXPECT_TRUE(find(r, "T1")->family_deadline);
  EXPECT_EQ(next_council_due(r), std::nullopt);  // the family's date, never the council's
  EXPECT_DEADLINE(compute_deadlines(acc, D("2025-06-03")), "T1", 0, "2025-03-10", "2025-06-02", "met", "2025-06-02");
  // An early certificate (20 Mar + 1 month = 20 Apr) does not shorten the 2 months.
  ev[3].date = D("2025-03-20");
  r = compute_deadlines(accepted(ev, "2025-04-01"), D("2025-04-01"));
  EXPECT_DEADLINE(r, "T1", 0, "2025-03-10", "2025-05-10", "pending", "null");
  // Without a certificate: 2 months.
  ev.pop_back();
  r = compute_deadlines(accepted(ev, "2025-04-01"), D("2025-04-01"));
  EXPECT_DEADLINE(r, "T1", 0, "2025-03-10", "2025-05-10", "pending", "null");
}

TEST(ClockTest, TribunalWindowAtMonthEnds) {
  // Notice 31 Dec 2024 + 2 months = 31 Feb -> 28 Feb 2025.
  auto r = compute_deadlines(accepted({request("2024-11-18"), not_assess("2024-12-30"),
                                       ev_t(EventType::DecisionNotice, "2024-12-31")},
                                      "2025-01-02"),
                             D("2025-01-02"));
  EXPECT_DEADLINE(r, "T1", 0, "2024-12-31", "2025-02-28", "pending", "null");
  // Notice 30 Nov 2024 + 2 months = 30 Jan 2025; certificate 31 Jan 2025 + 1 month = 28 Feb 2025.
  r = compute_deadlines(accepted({request("2024-10-14"), not_assess("2024-11-25"),
                                  ev_t(EventType::DecisionNotice, "2024-11-30"),
                                  ev_t(EventType::MediationCertificate, "2025-01-31")},
                                 "2025-02-01"),
                        D("2025-02-01"));
  EXPECT_DEADLINE(r, "T1", 0, "2024-11-30", "2025-02-28", "pending", "null");
  // In a leap year: certificate 31 Jan 2024 + 1 month = 29 Feb 2024.
  r = compute_deadlines(accepted({request("2023-10-16"), not_assess("2023-11-27"),
                                  ev_t(EventType::DecisionNotice, "2023-11-30"),
                                  ev_t(EventType::MediationCertificate, "2024-01-31")},
                                 "2024-02-01"),
                        D("2024-02-01"));
  EXPECT_DEADLINE(r, "T1", 0, "2023-11-30", "2024-02-29", "pending", "null");
}

TEST(ClockTest, StableOrderRuleThenStart) {
  // Recorded: notice (T1) before the phase transfer (P1) before the review; printed in rule order.
  auto ev = on_time_to_plan();
  ev.push_back(ev_t(EventType::DecisionNotice, "2025-05-19"));
  ev.push_back(phase("2025-06-02", PhaseKind::School, "2026-09-01"));
  ev.push_back(ev_t(EventType::ReviewMeeting, "2025-11-10"));
  auto acc = accepted(ev, "2025-11-11");
  auto r = compute_deadlines(acc, D("2025-11-11"));
  EXPECT_EQ(rules(r), (Strings{"A1", "A3:ep1", "A3:h1", "A5", "A6", "A7", "R1", "R6", "R7", "P1", "T1"}));
  auto again = compute_deadlines(acc, D("2025-11-11"));
  ASSERT_EQ(again.deadlines.size(), r.deadlines.size());
  for (size_t i = 0; i < r.deadlines.size(); ++i) {
    EXPECT_EQ(again.deadlines[i].rule, r.deadlines[i].rule);
    EXPECT_EQ(again.deadlines[i].due, r.deadlines[i].due);
    EXPECT_EQ(again.deadlines[i].status, r.deadlines[i].status);
  }
}

TEST(ClockTest, EveryRuleNamesItsProvisionAndIsExplained) {
  std::map<std::string, std::string> basis;
  auto collect = [&](const ClockResult& r) {
    for (const auto& d : r.deadlines) {
      basis[d.rule] = d.basis;
      EXPECT_FALSE(d.summary.empty()) << d.rule;
    }
  };
  auto ev = on_time_to_plan();
  ev.push_back(ev_t(EventType::ReviewMeeting, "2026-04-20"));
  ev.push_back(review_decision("2026-05-01", Outcome::Amend));
  ev.push_back(ev_t(EventType::AmendmentsProposed, "2026-05-01"));
  ev.push_back(phase("2026-05-02", PhaseKind::School, "2027-09-01"));
  ev.push_back(phase("2026-05-02", PhaseKind::Post16, "2027-09-01"));
  ev.push_back(phase("2026-05-02", PhaseKind::Post16Other, "2027-01-04"));
  ev.push_back(ev_t(EventType::DecisionNotice, "2026-05-02"));
  collect(compute_deadlines(accepted(ev, "2026-05-02"), D("2026-05-02")));
  collect(compute_deadlines(accepted({request("2025-01-06")}, "2025-01-06"), D("2025-01-06")));
  const std::string regs = "SEND Regulations 2014 ";
  std::map<std::string, std::string> want = {
      {"A1", regs + "reg 5(1)"},
      {"A3", regs + "reg 8(1)"},
      {"A4", regs + "reg 10(1)"},
      {"A5", regs + "reg 13(1)(a)"},
      {"A6", regs + "reg 13(2)"},
      {"A7", "derived from " + regs + "reg 13(1)-(2)"},
      {"R1", "Children and Families Act 2014 s44(1)(a)"},
      {"R2", "Children and Families Act 2014 s44(1)(b)"},
      {"R6", regs + "reg 20(7)"},
      {"R7", regs + "reg 20(10)"},
      {"M2", regs + "reg 22(3)"},
      {"M4", regs + "reg 20(10) and 22(3) as read in L v Devon CC [2022] EWHC 493 (Admin)"},
      {"P1", regs + "reg 18(1)(b)"},
      {"P2", regs + "reg 18(1)(a)"},
      {"P3", regs + "reg 18(2)"},
      {"T1", "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008 r20"},
  };
  EXPECT_EQ(basis, want);
}

TEST(ClockTest, EmptyChronologyHasNoDeadlines) {
  auto r = compute_deadlines({}, D("2025-01-06"));
  EXPECT_TRUE(r.deadlines.empty());
  EXPECT_FALSE(r.within_20_weeks.has_value());
  EXPECT_FALSE(r.week20_exception);
  EXPECT_EQ(next_council_due(r), std::nullopt);
  EXPECT_EQ(deadline_status_name(DeadlineStatus::Disapplied), "disapplied");
}

}  // namespace
}  // namespace gt
