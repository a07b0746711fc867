// Phase transfers (SEND Regulations 2014 reg 18): from a date of birth and today, the next move,
// its date (1 September), the rule (P1 on or before 14 February, P2 on or before 30 March, P3 five
// months before), the Code's lenient date, and when to plan and hold the review (a year ahead, in
// the autumn term, leaving M4's 12 weeks before the due date). Agrees with the clock's P rules.
#include "domain/phase_transfer.h"

#include <gtest/gtest.h>

#include "domain/clock.h"

namespace gt {
namespace {

Date D(const char* s) { return *Date::parse(s); }

TEST(PhaseTransferTest, NextTransferFromDateOfBirth) {
  struct Row {
    const char* dob;
    const char* today;
    bool infant;
    const char* phase;     // "" = none
    const char* transfer;
    const char* rule;
    const char* due;
    const char* lenient;
    const char* plan_from;
    const char* hold_by;
  };
  const Row rows[] = {
      // Year 6 (oldest and youngest of the year): to secondary in September 2027, P1 by 14 Feb 2027;
      // the meeting by 22 Nov 2026 leaves 12 weeks (M4) before it.
      {"2015-10-10", "2026-11-25", false, "primary_to_secondary", "2027-09-01", "P1", "2027-02-14", "2027-02-15",
       "2026-09-01", "2026-11-22"},
      {"2016-08-31", "2026-11-25", false, "primary_to_secondary", "2027-09-01", "P1", "2027-02-14", "2027-02-15",
       "2026-09-01", "2026-11-22"},
      // Born a day later: Year 5, a year further on.
      {"2016-09-01", "2026-11-25", false, "primary_to_secondary", "2028-09-01", "P1", "2028-02-14", "2028-02-15",
       "2027-09-01", "2027-11-22"},
      // Year 11: to post-16, P2 by 30 March; the autumn term ends first.
      {"2011-01-15", "2026-11-25", false, "secondary_to_post16", "2027-09-01", "P2", "2027-03-30", "2027-03-31",
       "2026-09-01", "2026-12-31"},
      // Nursery: into Reception next September; two years younger: the September after.
      {"2022-12-01", "2026-11-25", false, "early_years_to_school", "2027-09-01", "P1", "2027-02-14", "2027-02-15",
       "2026-09-01", "2026-11-22"},
      {"2024-03-01", "2026-11-25", false, "early_years_to_school", "2028-09-01", "P1", "2028-02-14", "2028-02-15",
       "2027-09-01", "2027-11-22"},
      // Year 2 at an infant school moves to junior school; at a primary school, not until Year 6.
      {"2020-06-01", "2026-11-25", true, "infant_to_junior", "2027-09-01", "P1", "2027-02-14", "2027-02-15",
       "2026-09-01", "2026-11-22"},
      {"2020-06-01", "2026-11-25", false, "primary_to_secondary", "2031-09-01", "P1", "2031-02-14", "2031-02-15",
       "2030-09-01", "2030-11-22"},
      // An infant school matters only before Year 3.
      {"2019-06-01", "2026-11-25", true, "primary_to_secondary", "2030-09-01", "P1", "2030-02-14", "2030-02-15",
       "2029-09-01", "2029-11-22"},
      // On 31 August a Year 6 child's move is tomorrow; on 1 September they have moved.
      {"2014-10-10", "2026-08-31", false, "primary_to_secondary", "2026-09-01", "P1", "2026-02-14", "2026-02-15",
       "2025-09-01", "2025-11-22"},
      {"2014-10-10", "2026-09-01", false, "secondary_to_post16", "2031-09-01", "P2", "2031-03-30", "2031-03-31",
       "2030-09-01", "2030-12-31"},
      // Year 12 and later: nothing a date of birth can tell.
      {"2010-03-01", "2026-11-25", false, "", "", "", "", "", "", ""},
      {"2005-03-01", "2026-11-25", false, "", "", "", "", "", "", ""},
  };
  for (const Row& r : rows) {
    auto t = next_phase_transfer(D(r.dob), D(r.today), r.infant);
    SCOPED_TRACE(std::string(r.dob) + " on " + r.today);
    if (std::string(r.phase).empty()) {
      EXPECT_FALSE(t.has_value());
      continue;
    }
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(transfer_phase_name(t->phase), r.phase);
    EXPECT_EQ(t->transfer_date.to_string(), r.transfer);
    EXPECT_EQ(t->rule, r.rule);
    EXPECT_EQ(t->due.to_string(), r.due);
    EXPECT_EQ(t->lenient_due.to_string(), r.lenient);
    EXPECT_EQ(t->plan_from.to_string(), r.plan_from);
    EXPECT_EQ(t->hold_meeting_by.to_string(), r.hold_by);
    EXPECT_EQ(t->to_year, t->from_year + 1);
  }
}

TEST(PhaseTransferTest, PostSixteenMovesAreFiveMonthsAhead) {
  struct Row {
    const char* transfer;
    const char* due;
    const char* plan_from;
    const char* hold_by;
  };
  for (const Row& r : {Row{"2027-09-01", "2027-04-01", "2026-09-01", "2027-01-07"},
                       Row{"2027-01-31", "2026-08-31", "2026-01-31", "2026-06-08"},  // clamped to 31 Aug
                       Row{"2028-07-31", "2028-02-29", "2027-07-31", "2027-12-07"}}) {
    auto t = phase_transfer_on(TransferPhase::Post16ToPost16, D(r.transfer));
    EXPECT_EQ(t.rule, "P3");
    EXPECT_EQ(t.basis, "SEND Regulations 2014 reg 18(2)");
    EXPECT_EQ(t.kind, PhaseKind::Post16Other);
    EXPECT_EQ(t.due.to_string(), r.due) << r.transfer;
    EXPECT_EQ(t.lenient_due, t.due);
    EXPECT_EQ(t.plan_from.to_string(), r.plan_from) << r.transfer;
    EXPECT_EQ(t.hold_meeting_by.to_string(), r.hold_by) << r.transfer;
  }
}

TEST(PhaseTransferTest, DueDatesAgreeWithTheClock) {
  // A plan issued in 2025, a phase_transfer event recorded for each kind: the clock's P date is
  // the one this file computes.
  for (auto phase : all_transfer_phases()) {
    Date transfer = D("2027-09-01");
    auto dates = phase_transfer_on(phase, transfer);
    std::vector<Event> events;
    auto add = [&](EventType t, const char* d, Outcome o = Outcome::None) {
      Event e;
      e.type = t;
      e.date = D(d);
      e.outcome = o;
      e.source = 1;
      events.push_back(e);
    };
    add(EventType::RequestReceived, "2025-01-06");
    add(EventType::DecisionToAssess, "2025-02-10", Outcome::Assess);
    add(EventType::DecisionToIssue, "2025-04-14", Outcome::Issue);
    add(EventType::DraftPlanServed, "2025-05-02");
    add(EventType::FinalPlanIssued, "2025-05-19");
    Event p;
    p.type = EventType::PhaseTransfer;
    p.date = D("2026-09-10");
    p.phase_kind = phase_kind_of(phase);
    p.transfer_date = transfer;
    events.push_back(p);
    auto clock = compute_deadlines(events, D("2026-11-25"));
    const Deadline* found = nullptr;
    for (const auto& d : clock.deadlines)
      if (d.rule == dates.rule) found = &d;
    ASSERT_NE(found, nullptr) << transfer_phase_name(phase);
    EXPECT_EQ(found->due, dates.due) << transfer_phase_name(phase);
    EXPECT_EQ(found->basis, dates.basis) << transfer_phase_name(phase);
    EXPECT_EQ(phase_transfer_due(dates.kind, transfer), dates.due);
  }
}

TEST(PhaseTransferTest, NamesRoundTrip) {
  for (auto p : all_transfer_phases()) {
    EXPECT_EQ(parse_transfer_phase(transfer_phase_name(p)), p);
    EXPECT_FALSE(transfer_phase_label(p).empty());
  }
  EXPECT_FALSE(parse_transfer_phase("secondary"));
}

}  // namespace
}  // namespace gt
