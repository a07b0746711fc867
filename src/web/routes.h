// Routes: the whole route table of `goldthread serve` - the JSON API under /api/v1, the OpenAPI
// document, static assets and the pages. Tests build the same table, so what they drive is what
// production serves.
#pragma once

#include "web/context.h"
#include "web/router.h"

namespace gt::web {

void register_routes(Router& router, Context& ctx);

// Each part (one file each).
void register_session_api(Router& router, Context& ctx);   // api_session.cc
void register_children_api(Router& router, Context& ctx);  // api_children.cc
void register_needs_api(Router& router, Context& ctx);     // api_needs.cc
void register_cases_api(Router& router, Context& ctx);     // api_cases.cc
void register_caseload_api(Router& router, Context& ctx);  // api_caseload.cc
void register_openapi(Router& router, Context& ctx);       // openapi.cc

}  // namespace gt::web
