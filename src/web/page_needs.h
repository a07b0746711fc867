// Needs and placements on the pages: what a child's record page shows of the child's special
// educational needs and placements, and the forms that record them (page_needs.cc).
//
// Contract:
//  - needs_and_placements_data puts into a child page's body: "needs" (false when none recorded,
//    else {primary, primary_area, secondary, secondary_area}: each SEN type as "label (CODE)", each
//    area as the broad area's plain-English name or "Not in one of the four broad areas"),
//    "current_placements" and "past_placements" (lists of {id, setting, establishment, urn_ukprn,
//    rank ("Main" or "Dual"), dates, end_href}), and the hrefs of the forms (needs_href,
//    new_placement_href). Pure: no I/O.
//  - register_needs_pages (pages.h) adds the forms: GET/POST /children/{id}/needs,
//    GET/POST /children/{id}/placements/new,
//    GET/POST /children/{id}/placements/{placement_id}/end. Every problem is shown at once (422 with
//    the GOV.UK error summary, values kept, nothing written); a second current placement of the same
//    rank, or ending a placement already ended, is 409 with the summary; success is 303 to
//    /children/{id}.
#pragma once

#include "app/casework.h"
#include "web/page_layout.h"

namespace gt::web {

void needs_and_placements_data(Data& body, const app::ChildRecord& rec);

}  // namespace gt::web
