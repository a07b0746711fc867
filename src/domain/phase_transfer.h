// Phase transfer: from a date of birth and today, the child's next move between phases of
// education (SEND Regulations 2014 reg 2, reg 18), the date of the move, the rule that fixes when
// the plan must be reviewed and amended to name the next school or college, and when to plan that
// review.
//
// Contract:
//  - next_phase_transfer(dob, today, infant_school): the first move on a 1 September after today,
//    from the year group (annual_review.h year_group):
//      nursery and younger -> Reception (early years to school)           rule P1
//      Year 2 -> Year 3, only when the child's school is an infant school  rule P1
//      Year 6 -> Year 7 (primary to secondary)                             rule P1
//      Year 11 -> Year 12 (secondary to post-16)                           rule P2
//    A child in Year 12 or later has no move that a date of birth can tell: nullopt (a move
//    between post-16 institutions is stated: post16_transfer).
//  - Due dates use the clock's strict reading (clock.h, docs/clock.md): P1 on or before 14 February
//    of the year of the move, P2 on or before 30 March; the Code of Practice's 15 February and
//    31 March are given as `lenient_due`. P3: 5 calendar months before the move (clamped).
//  - Planning: the review is planned a year ahead, from 1 September of the year before the move
//    (`plan_from`), held in the autumn term before (`autumn_term_ends` 31 December), and no later
//    than `hold_meeting_by` = the earlier of the autumn term's end and due - 12 weeks, so that the
//    amended plan (rule M4: 12 weeks from the meeting) can be issued in time.
//  - Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/event.h"

namespace gt {

enum class TransferPhase { EarlyYearsToSchool, InfantToJunior, PrimaryToSecondary, SecondaryToPost16, Post16ToPost16 };
std::string_view transfer_phase_name(TransferPhase p);   // "early_years_to_school", ...
std::string_view transfer_phase_label(TransferPhase p);  // "Early years to Reception", ...
std::optional<TransferPhase> parse_transfer_phase(std::string_view name);
const std::vector<TransferPhase>& all_transfer_phases();
PhaseKind phase_kind_of(TransferPhase p);  // School (P1), Post16 (P2), Post16Other (P3)

struct PhaseTransferDates {
  TransferPhase phase = TransferPhase::PrimaryToSecondary;
  PhaseKind kind = PhaseKind::School;
  int from_year = 0;        // year group before the move (annual_review.h year_group)
  int to_year = 0;
  Date transfer_date;       // 1 September (or the stated date for post-16 moves)
  std::string rule;         // "P1" | "P2" | "P3"
  std::string_view basis;   // "SEND Regulations 2014 reg 18(1)(b)"
  Date due;                 // strict reading, on or before
  Date lenient_due;         // the Code of Practice's date (P1 15 Feb, P2 31 Mar; P3 = due)
  Date plan_from;           // planned a year ahead
  Date autumn_term_ends;    // 31 December before the move
  Date hold_meeting_by;     // the latest meeting that leaves 12 weeks (M4) before `due`
};

std::optional<PhaseTransferDates> next_phase_transfer(Date date_of_birth, Date today, bool infant_school);
// A stated move of `phase` on `transfer_date` (any phase; P3 for post-16 to post-16).
PhaseTransferDates phase_transfer_on(TransferPhase phase, Date transfer_date);
// The deadline a phase_transfer event of `kind` and `transfer_date` gets from the clock.
Date phase_transfer_due(PhaseKind kind, Date transfer_date);

}  // namespace gt
