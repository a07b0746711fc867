// The statutory clock: from a case's chronology and today's date, every deadline that applies.
//
// Contract (docs/clock.md is the full statement, with worked examples):
//  - compute_deadlines is pure and total over chronologies that chronology.h accepts: the same
//    events and today always give the same deadlines, in a stable order (rule order, then start).
//  - Each Deadline names its rule (A1, A3, A4, A5, A6, A7, R1, R2, R6, R7, M2, M4, P1, P2, P3, C4, T1),
//    the provision it applies ("SEND Regulations 2014 reg 13(2)") and a plain-English explanation.
//  - status: pending (not done, due today or later), met (done on or before due), missed (done
//    after due, or not done and due has passed), disapplied (an exception applies; exceptions
//    disapply a limit, they never pause it).
//  - Conventions: weeks are 7 calendar days; months clamp to the month's last day; "before
//    15 February" is on or before 14 February. Nothing is moved by weekends or bank holidays.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/event.h"

namespace gt {

enum class DeadlineStatus { Pending, Met, Missed, Disapplied };
std::string_view deadline_status_name(DeadlineStatus s);  // "pending" | "met" | "missed" | "disapplied"

struct Deadline {
  std::string rule;                // "A1", "A3", ...
  std::string id;                  // the advice id for A3; empty otherwise
  Date start;                      // the anchoring date
  Date due;                        // inclusive: on or before
  DeadlineStatus status = DeadlineStatus::Pending;
  std::optional<Date> met_on;      // the completing event's date
  std::string_view basis;          // "SEND Regulations 2014 reg 13(2)" (static storage)
  std::string_view summary;        // plain English: "Issue the final EHC plan" (static storage)
  bool family_deadline = false;    // T1, A5 and C4 are the family's dates, not the council's

  bool open() const { return !met_on && status != DeadlineStatus::Disapplied; }
};

struct ClockResult {
  std::vector<Deadline> deadlines;
  std::optional<bool> within_20_weeks;  // null until a final plan exists
  bool week20_exception = false;        // SEN2 Week20: a reg 13(3) exception applied
};

// `events` in chronological order (date, then recorded order); `today` decides pending vs missed.
ClockResult compute_deadlines(const std::vector<Event>& events, Date today);

// The earliest due date among deadlines the council still has to meet (not met, not disapplied,
// not a family deadline), or nullopt. Independent of `today` so it can be stored and indexed.
std::optional<Date> next_council_due(const ClockResult& r);

// The plain-English summary and the legal basis of a rule by its id ("A3"); empty if unknown.
std::string_view rule_summary(std::string_view rule_id);
std::string_view rule_basis(std::string_view rule_id);

}  // namespace gt
