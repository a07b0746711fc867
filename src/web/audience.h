// Audience: which roles each area of the service is for - a first, coarse gate the dispatcher
// applies before a handler reads any input, so that nobody outside an area even reaches its
// forms. The app layer still decides every record (app/access.h); this gate never allows what
// the app layer would refuse, it only refuses earlier.
//
// Contract:
//  - audience_allows(pattern, actor) looks the route pattern up in an ordered table of path
//    prefixes (first match wins):
//      /family/contact                     everyone signed in (their own contact preferences)
//      /family                             parents and carers, young people
//      /school                             SENCOs
//      /advice                             advice givers
//      /children, /cases, /api/v1/children,
//      /api/v1/cases, /api/v1/caseload     the council's caseworkers and team managers
//      /admin                              the council administrator
//      /organisation                       organisation administrators
//      /delivery                           the council's staff, SENCOs, advice givers (provision delivered)
//      /quality/framework, /quality/teams  council staff and the administrator (quality of plans)
//      /quality/results                    council staff and analysts
//      /quality                            council staff and advice givers (health and care auditors)
//    Any other pattern is open to everyone signed in (the route's own handler decides).
//  - A refusal here is 403 whatever the record: it says the area is not for this role and
//    reveals nothing about any record.
#pragma once

#include <string_view>

#include "app/accounts.h"

namespace gt::web {

bool audience_allows(std::string_view pattern, const app::Actor& actor);

}  // namespace gt::web
