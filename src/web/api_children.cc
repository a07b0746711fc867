// Children API:
//   POST /api/v1/children            create (201, Location) from the Child fields
//   GET  /api/v1/children/{id}       the child, their cases, SEN needs and placements
//   POST /api/v1/children/search     search by name, UPN or date of birth (JSON body) - preferred
//   GET  /api/v1/children?name=&upn=&date_of_birth=&page=&per_page=   the same search by query
// Searching puts identifiers in what is sent, and URLs end up in logs, browser history and proxies:
// the GOV.UK pages and API clients should use POST /children/search so that no personal data is
// in a URL. The GET form is kept for the contract; our own access log never records query
// strings either way.
#include "app/errors.h"
#include "web/api_json.h"
#include "web/api_views.h"
#include "web/routes.h"

namespace gt::web {

namespace {

using app::Error;
using Kind = app::Error::Kind;

nlohmann::json page_json(const app::ChildPage& p) {
  nlohmann::json children = nlohmann::json::array();
  for (const auto& c : p.children) children.push_back(child_json(c));
  return {{"children", std::move(children)}, {"total", p.total}, {"page", p.page}, {"per_page", p.per_page}};
}

}  // namespace

void register_children_api(Router& router, Context& ctx) {
  router.add(Method::Post, "/api/v1/children", Access::Api, [&ctx](Request& req) {
    auto j = json_body(req, {"given_name", "family_name", "date_of_birth", "sex", "ethnicity", "postcode", "upn",
                             "uln", "nhs_number", "upn_unknown"});
    Child c;
    c.given_name = string_field(j, "given_name", true);
    c.family_name = string_field(j, "family_name", true);
    std::string dob = string_field(j, "date_of_birth", true);
    auto date = Date::parse(dob);
    if (!date) throw Error(Kind::Unprocessable, "date_of_birth", "must be a real date written YYYY-MM-DD");
    c.date_of_birth = *date;
    c.sex = string_field(j, "sex", true);
    c.ethnicity = string_field(j, "ethnicity", true);
    c.postcode = string_field(j, "postcode", false);
    c.upn = string_field(j, "upn", false);
    c.uln = string_field(j, "uln", false);
    c.nhs_number = string_field(j, "nhs_number", false);
    c.upn_unknown = string_field(j, "upn_unknown", false);
    Child created = ctx.casework.create_child(req.actor(), std::move(c), req.route_string());
    Response r = json_response(201, child_json(created));
    r.add_header("location", "/api/v1/children/" + std::to_string(created.id));
    return r;
  });

  router.add(Method::Get, "/api/v1/children/{id}", Access::Api, [&ctx](Request& req) {
    auto id = req.id_param("id");
    if (!id) throw Error(Kind::NotFound, "id", "no child or young person with this id");
    return json_response(200, child_record_json(ctx.casework.child(req.actor(), *id, req.route_string())));
  });

  router.add(Method::Post, "/api/v1/children/search", Access::Api, [&ctx](Request& req) {
    auto j = json_body(req, {"name", "upn", "date_of_birth", "page", "per_page"});
    app::ChildQuery q;
    q.name = string_field(j, "name", false);
    q.upn = string_field(j, "upn", false);
    q.date_of_birth = string_field(j, "date_of_birth", false);
    auto page = int_field(j, "page", false);
    auto per_page = int_field(j, "per_page", false);
    if (page && (*page < 1 || *page > 100000)) throw Error(Kind::Unprocessable, "page", "must be from 1 to 100000");
    if (per_page && (*per_page < 1 || *per_page > 100))
      throw Error(Kind::Unprocessable, "per_page", "must be from 1 to 100");
    if (page) q.page = static_cast<int>(*page);
    if (per_page) q.per_page = static_cast<int>(*per_page);
    return json_response(200, page_json(ctx.casework.search_children(req.actor(), q, req.route_string())));
  });

  router.add(Method::Get, "/api/v1/children", Access::Api, [&ctx](Request& req) {
    Form f = strict_query(req, {"name", "upn", "date_of_birth", "page", "per_page"});
    app::ChildQuery q;
    q.name = f.value("name");
    q.upn = f.value("upn");
    q.date_of_birth = f.value("date_of_birth");
    if (auto p = int_param(f, "page", 1, 100000)) q.page = *p;
    if (auto p = int_param(f, "per_page", 1, 100)) q.per_page = *p;
    return json_response(200, page_json(ctx.casework.search_children(req.actor(), q, req.route_string())));
  });
}

}  // namespace gt::web
