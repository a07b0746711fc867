// School requests: what a school sends the council - a request for an EHC needs assessment
// (Children and Families Act 2014 s36(1): a person acting for a school may ask) and its
// contribution to an annual review of a pupil's EHC plan.
//
// Contract:
//  - kSchoolRequestSource is the SEN2 RequestSource code for "a school or other education
//    setting" (request_sources() in codes.h; statutory reference s2.5): the `source` of the
//    request_received event a school's request records.
//  - validate_assessment_request trims the text in place and returns every problem in field
//    order: reasons and family_views required; family_informed must be answered and be yes (a
//    school asks with the knowledge of the child's parent or the young person: SEND Code of
//    Practice, chapter 9); family_agrees must be answered (yes or no: a "no" is recorded and shown
//    to the council with the family's views); evidence_confirmed must be ticked (the SENCO has
//    checked the evidence of the graduated approach that goes with the request).
//  - validate_review_contribution: progress (towards the plan's outcomes) required; changes (to
//    needs or provision) and views optional. Free text at most kMaxFreeText characters.
//  - review_contribution_open: a school may contribute while the case is at the review stage (a
//    review meeting held, the decision awaited), or while it holds a plan (Plan or Amendment) and
//    its annual review (R1 or R2, not yet done) is due within kReviewContributionWeeks weeks of
//    today or is overdue.
//  - Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/chronology.h"
#include "domain/clock.h"
#include "domain/date.h"
#include "domain/event.h"

namespace gt {

inline constexpr int kSchoolRequestSource = 2;
inline constexpr int kReviewContributionWeeks = 12;

struct AssessmentRequest {
  std::string reasons;       // why the school asks for an assessment now
  std::string family_views;  // the views of the child's parent or the young person
  std::optional<bool> family_informed;
  std::optional<bool> family_agrees;
  bool evidence_confirmed = false;
};

std::vector<FieldError> validate_assessment_request(AssessmentRequest& r);

struct ReviewContribution {
  std::string progress;  // progress towards the outcomes in the plan
  std::string changes;   // changes to needs or provision the school proposes
  std::string views;     // the school's views (and what it knows of the child's and family's)
};

std::vector<FieldError> validate_review_contribution(ReviewContribution& c);

bool review_contribution_open(Stage stage, const ClockResult& clock, Date today);

}  // namespace gt
