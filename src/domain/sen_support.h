// SEN support: a school's record of a pupil's special educational needs without an EHC plan (the
// school census's provision K) and its graduated approach - cycles of assess, plan, do and review
// (SEND Code of Practice, chapter 6). A school's request for an EHC needs assessment rests on them.
//
// Contract:
//  - validate_sen_support trims and upper-cases the codes, trims the text, and returns every
//    problem in field order, each naming its field: area_of_need required, one of the four broad
//    areas (broad_areas()); primary_type required and secondary_type optional, both from the
//    school census list (support_sen_types(): NSA allowed, DS is SEN2-only), secondary differs from
//    primary and NSA stands alone; a primary type that belongs to a broad area must belong to
//    area_of_need (OTH and NSA belong to none, so any area goes with them); start_date not after
//    today and not before the date of birth; provision (what is already provided) required.
//  - validate_cycle_start: started_on not after today and not before the date of birth; assess,
//    plan and provision required. validate_cycle_review: reviewed_on required, not before
//    started_on and not after today; outcomes and review required.
//  - is_evidence: a cycle counts as evidence of the graduated approach once it has been reviewed
//    with its provision and its outcomes recorded.
//  - Free text is at most kMaxFreeText characters (free_text.h). Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/event.h"

namespace gt {

struct SenSupport {
  std::string area_of_need;    // broad_areas() code, e.g. "cognition_and_learning"
  std::string primary_type;    // support_sen_types() code, e.g. "MLD"
  std::string secondary_type;  // or empty
  Date start_date;
  std::string provision;       // the provision already made, in the school's words
};

std::vector<FieldError> validate_sen_support(SenSupport& s, Date date_of_birth, Date today);

struct SupportCycle {
  Date started_on;
  std::optional<Date> reviewed_on;
  std::string assess;     // what was assessed, and what it showed
  std::string plan;       // the plan: outcomes sought, adjustments, interventions
  std::string provision;  // what was done (the "do")
  std::string outcomes;   // the outcomes reached, recorded at the review
  std::string review;     // the review: what next
};

std::vector<FieldError> validate_cycle_start(SupportCycle& c, Date date_of_birth, Date today);
std::vector<FieldError> validate_cycle_review(SupportCycle& c, Date today);
bool is_evidence(const SupportCycle& c);

}  // namespace gt
