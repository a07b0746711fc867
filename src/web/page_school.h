// School pages on the council's case page: what a school sent on the case - the request for an EHC
// needs assessment the case began with (reasons, the family's views, whether they know and agree,
// the evidence of the graduated approach as it stood) and the school's contributions to annual
// reviews, newest first (page_school.cc; templates/school_case_section.mustache, a partial of
// case.mustache).
//
// Contract:
//  - school_case_data puts "request_from_school" (false when the case did not begin with a school's
//    request) and "contributions" (a list; "has_contributions") into the case page's body. Pure.
#pragma once

#include "app/schools.h"
#include "web/page_layout.h"

namespace gt::web {

void school_case_data(Data& body, const app::CaseSchoolRecord& rec);

}  // namespace gt::web
