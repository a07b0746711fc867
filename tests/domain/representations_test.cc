// The family's 15 days on a draft plan (SEND Regulations 2014 reg 13(1)(a)) and on proposed
// amendments (reg 22(2)): the sending day is day 1, so the last day is sent + 14.
#include "domain/representations.h"

#include <gtest/gtest.h>

#include "clock_test_util.h"

namespace gt {
namespace {

using namespace testing_util;

TEST(RepresentationsTest, DraftPlanWindowMatchesTheClocksA5) {
  // Draft served Fri 2 May 2025: last day 16 May (clock A5), final plan possible from 17 May.
  auto events = accepted({request("2025-01-06"), assess("2025-02-10"), issue("2025-04-14"), draft("2025-05-02")},
                         "2025-05-10");
  auto w = comment_windows(events);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].kind, CommentWindow::Kind::DraftPlan);
  EXPECT_EQ(w[0].sent_on.to_string(), "2025-05-02");
  EXPECT_EQ(w[0].last_day.to_string(), "2025-05-16");
  EXPECT_EQ(w[0].basis, "SEND Regulations 2014 reg 13(1)(a)");
  const Deadline* a5 = find(compute_deadlines(events, D("2025-05-10")), "A5");
  ASSERT_NE(a5, nullptr);
  EXPECT_EQ(w[0].last_day, a5->due);
  EXPECT_TRUE(w[0].open(D("2025-05-16")));
  EXPECT_FALSE(w[0].open(D("2025-05-17")));
}

TEST(RepresentationsTest, TheFinalPlanClosesTheDraftWindow) {
  auto events = accepted({request("2025-01-06"), assess("2025-02-10"), issue("2025-04-14"), draft("2025-05-02"),
                          final_plan("2025-05-19")},
                         "2025-05-19");
  auto w = comment_windows(events);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].closed_on->to_string(), "2025-05-19");
  EXPECT_FALSE(w[0].open(D("2025-05-19")));
}

TEST(RepresentationsTest, ProposedAmendmentsGiveFifteenDaysToo) {
  // Amendments proposed Thu 16 Apr 2026: last day 30 Apr; the amended plan on 4 Jun closes it.
  std::vector<Event> events = {request("2024-11-04"), assess("2024-12-09"), issue("2025-02-10"), draft("2025-02-24"),
                               final_plan("2025-03-20"), ev_t(EventType::ReviewMeeting, "2026-03-12"),
                               review_decision("2026-04-09", Outcome::Amend),
                               ev_t(EventType::AmendmentsProposed, "2026-04-16")};
  auto w = comment_windows(accepted(events, "2026-04-20"));
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[1].kind, CommentWindow::Kind::ProposedAmendments);
  EXPECT_EQ(w[1].last_day.to_string(), "2026-04-30");
  EXPECT_EQ(w[1].basis, "SEND Regulations 2014 reg 22(2)");
  EXPECT_TRUE(w[1].open(D("2026-04-20")));
  events.push_back(ev_t(EventType::AmendedPlanIssued, "2026-06-04"));
  w = comment_windows(accepted(events, "2026-06-04"));
  EXPECT_EQ(w[1].closed_on->to_string(), "2026-06-04");
  EXPECT_EQ(w[0].closed_on->to_string(), "2025-03-20");  // the draft's window closed with the plan
}

}  // namespace
}  // namespace gt
