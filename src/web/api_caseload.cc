// Caseload API:
//   GET /api/v1/caseload?overdue=true&due_within=N&stage=S&caseworker=ID&page=P&per_page=K
// -> {cases: [{id, child: {id, name}, stage, next_due, next_rule, overdue, caseworker}], total, page,
//     per_page, today}, sorted by next due date (the store's order). Every parameter is validated:
// an unknown or repeated parameter, or a bad value, is 400 naming it. overdue: true|false;
// due_within: 0..3660 days; stage: a stage name (chronology.h); caseworker: a staff id;
// page >= 1; per_page 1..200 (default 50).
#include "app/errors.h"
#include "web/api_json.h"
#include "web/api_views.h"
#include "web/routes.h"

namespace gt::web {

using app::Error;
using Kind = app::Error::Kind;

void register_caseload_api(Router& router, Context& ctx) {
  router.add(Method::Get, "/api/v1/caseload", Access::Api, [&ctx](Request& req) {
    Form q = strict_query(req, {"overdue", "due_within", "stage", "caseworker", "page", "per_page"});
    app::CaseloadFilter f;
    if (auto v = q.get("overdue")) {
      if (*v == "true") f.overdue = true;
      else if (*v == "false") f.overdue = false;
      else throw Error(Kind::BadRequest, "overdue", "must be true or false");
    }
    f.due_within = int_param(q, "due_within", 0, 3660);
    if (auto v = q.get("stage")) {
      auto s = parse_stage(*v);
      if (!s) throw Error(Kind::BadRequest, "stage", "is not a stage (request, assessment, drafting, plan, review, amendment, closed)");
      f.stage = s;
    }
    if (q.has("caseworker")) f.caseworker_id = int_param(q, "caseworker", 1, 2000000000);
    if (auto p = int_param(q, "page", 1, 1000000)) f.page = *p;
    if (auto p = int_param(q, "per_page", 1, 200)) f.per_page = *p;

    auto page = ctx.casework.caseload(req.actor(), f, req.route_string());
    std::string today = page.today.to_string();
    nlohmann::json cases = nlohmann::json::array();
    for (const auto& c : page.cases) {
      nlohmann::json caseworker = nullptr;
      if (c.caseworker_id) caseworker = {{"id", *c.caseworker_id}, {"name", c.caseworker_name}};
      cases.push_back({{"id", c.id},
                       {"child", {{"id", c.child_id}, {"name", c.child_given_name + " " + c.child_family_name}}},
                       {"stage", c.stage},
                       {"next_due", c.next_due ? nlohmann::json(*c.next_due) : nlohmann::json(nullptr)},
                       {"next_rule", c.next_rule ? nlohmann::json(*c.next_rule) : nlohmann::json(nullptr)},
                       {"overdue", c.next_due.has_value() && *c.next_due < today},
                       {"caseworker", caseworker}});
    }
    return json_response(200, {{"cases", std::move(cases)},
                               {"total", page.total},
                               {"page", page.page},
                               {"per_page", page.per_page},
                               {"today", today}});
  });
}

}  // namespace gt::web
