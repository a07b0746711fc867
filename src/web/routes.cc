// Routes: assembles the route table (see routes.h).
#include "web/routes.h"

#include "web/page_plan_parts.h"
#include "web/pages.h"
#include "web/static_files.h"

namespace gt::web {

void register_routes(Router& router, Context& ctx) {
  register_session_api(router, ctx);
  register_children_api(router, ctx);
  register_needs_api(router, ctx);
  register_cases_api(router, ctx);
  register_caseload_api(router, ctx);
  register_plan_api(router, ctx);
  register_openapi(router, ctx);
  register_static(router, ctx);
  register_pages(router, ctx);
}

}  // namespace gt::web
