// Plan API (read only):
//   GET /api/v1/cases/{id}/plan          the plan of a case: {case_id, plan_id|null, working|null,
//        versions: [{id, number, kind, status, issued_on}], may_issue: [kind], family_window|null,
//        family_said_nothing_to_add}. Council staff (the /api/v1/cases area).
//   GET /api/v1/plan-versions/{id}       a version: {id, plan_id, case_id, number, kind, status,
//        issued_on, revision, content (domain/plan_json.h), findings: [{code, section, element_id,
//        message}]}. Everyone with PlanRead on the case (app layer: no basis 404; the working version
//        only for the council).
// Errors are the API's one JSON form (api_error.h).
#include <nlohmann/json.hpp>

#include "app/errors.h"
#include "domain/plan_json.h"
#include "web/api_json.h"
#include "web/page_plan_parts.h"

namespace gt::web {

namespace {

using nlohmann::json;
using app::Error;

json version_summary(const store::PlanVersionRow& v) {
  return {{"id", v.id},
          {"number", v.number ? json(*v.number) : json(nullptr)},
          {"kind", v.kind},
          {"status", v.status},
          {"issued_on", v.issued_on ? json(*v.issued_on) : json(nullptr)},
          {"revision", v.revision}};
}

}  // namespace

void register_plan_api(Router& router, Context& ctx) {
  router.add(Method::Get, "/api/v1/cases/{id}/plan", Access::Api, [&ctx](Request& req) {
    auto id = req.id_param("id");
    if (!id) throw Error(Error::Kind::NotFound, "id", "no case with this id");
    auto o = ctx.app.plans.overview(req.actor(), *id, req.route_string());
    json versions = json::array();
    for (const auto& v : o.issued) versions.push_back(version_summary(v));
    json kinds = json::array();
    for (auto k : o.may_issue) kinds.push_back(std::string(app::plan_kind_name(k)));
    json window = nullptr;
    if (o.family_window) {
      window = {{"kind", o.family_window->kind == CommentWindow::Kind::DraftPlan ? "draft_plan" : "proposed_amendments"},
                {"sent_on", o.family_window->sent_on.to_string()},
                {"last_day", o.family_window->last_day.to_string()},
                {"closed_on", o.family_window->closed_on ? json(o.family_window->closed_on->to_string()) : json(nullptr)},
                {"open", o.family_window->open(o.today)}};
    }
    return json_response(200, {{"case_id", o.case_id},
                               {"child_id", o.child_id},
                               {"plan_id", o.plan ? json(o.plan->id) : json(nullptr)},
                               {"working", o.working ? version_summary(*o.working) : json(nullptr)},
                               {"versions", std::move(versions)},
                               {"may_issue", std::move(kinds)},
                               {"family_window", std::move(window)},
                               {"family_said_nothing_to_add", o.family_said_nothing_to_add}});
  });

  router.add(Method::Get, "/api/v1/plan-versions/{id}", Access::Api, [&ctx](Request& req) {
    auto id = req.id_param("id");
    if (!id) throw Error(Error::Kind::NotFound, "id", "no plan version with this id");
    auto v = ctx.app.plans.version(req.actor(), *id, req.route_string());
    json findings = json::array();
    for (const auto& f : v.findings)
      findings.push_back({{"code", f.code},
                          {"section", std::string(plan_section_code(f.section))},
                          {"element_id", f.element_id},
                          {"message", f.message}});
    json out = version_summary(v.row);
    out["plan_id"] = v.row.plan_id;
    out["case_id"] = v.case_id;
    out["content"] = json::parse(plan_to_json(v.plan));
    out["findings"] = std::move(findings);
    return json_response(200, out);
  });
}

}  // namespace gt::web
