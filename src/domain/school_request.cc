#include "domain/school_request.h"

#include "domain/free_text.h"

namespace gt {

std::vector<FieldError> validate_assessment_request(AssessmentRequest& r) {
  std::vector<FieldError> errors;
  check_free_text(r.reasons, "reasons", "The reasons for the request", true, errors);
  check_free_text(r.family_views, "family_views", "The family's views", true, errors);
  if (!r.family_informed)
    errors.push_back({"family_informed", "Select whether the child's parent or the young person knows about this request"});
  else if (!*r.family_informed)
    errors.push_back({"family_informed",
                      "Talk to the child's parent or the young person first: a school asks for an assessment with "
                      "their knowledge (SEND Code of Practice, chapter 9)"});
  if (!r.family_agrees)
    errors.push_back({"family_agrees", "Select whether the child's parent or the young person agrees with the request"});
  if (!r.evidence_confirmed)
    errors.push_back({"evidence_confirmed", "Confirm that you have checked the evidence of the graduated approach"});
  return errors;
}

std::vector<FieldError> validate_review_contribution(ReviewContribution& c) {
  std::vector<FieldError> errors;
  check_free_text(c.progress, "progress", "The progress towards the outcomes", true, errors);
  check_free_text(c.changes, "changes", "The changes to needs or provision", false, errors);
  check_free_text(c.views, "views", "The views", false, errors);
  return errors;
}

bool review_contribution_open(Stage stage, const ClockResult& clock, Date today) {
  if (stage == Stage::Review) return true;
  if (stage != Stage::Plan && stage != Stage::Amendment) return false;
  Date horizon = today.plus_weeks(kReviewContributionWeeks);
  for (const auto& d : clock.deadlines)
    if ((d.rule == "R1" || d.rule == "R2") && d.open() && d.due <= horizon) return true;
  return false;
}

}  // namespace gt
