// SEN2 items: what a case's chronology sets in the SEN2 person-level return (modules 3-5), as at
// a reference date (the census day), named by their XML tags (reference sen2.md s1.2).
//
// Contract:
//  - sen2_items(events, reference_date) reads the chronology in force (date order) and ignores any
//    event after the reference date. The collection period is the calendar year before the
//    reference date's year (1 January to 31 December of Year - 1; sen2.md s1.2).
//  - Module 3, from the latest request (or becoming responsible) that reached a decision to assess:
//      AssessmentOutcome      Y decided to issue (H when that decision came before the period),
//                             N decided not to issue, W withdrawn before deciding, A not yet decided;
//                             absent when there was no decision to assess.
//      AssessmentOutcomeDate  N: the decision's date; Y/H: the final plan's date once issued.
//      Week20                 once the final plan is issued: 1 if a 20-week exception applied, else 0.
//  - Module 4: StartDate the date of the final plan (amendments keep it: sen2.md s6 item 8);
//    CeaseDate the day the plan ended (plan_ceased, not the decision: C5) and CeaseReason the code of
//    the decision to cease before it; both or neither (N-09).
//  - Module 5 (only while the plan is active at the reference date, AP-01):
//      ReviewMeeting   the most recent annual review meeting;
//      ReviewOutcome   M/A/C from the review decision after that meeting, and LastReview its date
//                      (review decisions are recorded as the day they were sent); absent while
//                      that meeting awaits its decision;
//      ReviewDraft     with outcome A: the first proposed amendments sent after that meeting;
//      PhaseTransferDueDate    the latest phase transfer: 15 February (school), 31 March (post-16)
//                              of the year of the move, or 5 months before it (post-16 to post-16);
//      PhaseTransferFinalDate  the first amended plan issued after that phase transfer.
//  - items() lists every tag in the order of the return with its value ("" when absent): dates
//    YYYY-MM-DD, flags 1/0.
//  - Pure; no I/O.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/date.h"
#include "domain/event.h"

namespace gt {

struct Sen2Items {
  Date reference_date;
  std::optional<std::string> assessment_outcome;  // AssessmentOutcome: Y N A W H
  std::optional<Date> assessment_outcome_date;    // AssessmentOutcomeDate
  std::optional<bool> week20;                     // Week20
  std::optional<Date> start_date;                 // StartDate
  std::optional<Date> cease_date;                 // CeaseDate
  std::optional<int> cease_reason;                // CeaseReason 1..9
  bool active_plan = false;                       // an ActivePlans block is due
  std::optional<Date> review_meeting;             // ReviewMeeting
  std::optional<std::string> review_outcome;      // ReviewOutcome: M A C
  std::optional<Date> review_draft;               // ReviewDraft
  std::optional<Date> phase_transfer_due_date;    // PhaseTransferDueDate
  std::optional<Date> phase_transfer_final_date;  // PhaseTransferFinalDate
  std::optional<Date> last_review;                // LastReview

  // {tag, value} in the order of the return; value "" when absent.
  std::vector<std::pair<std::string, std::string>> items() const;
};

Sen2Items sen2_items(const std::vector<Event>& events, Date reference_date);

}  // namespace gt
