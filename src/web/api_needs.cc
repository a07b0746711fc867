// SEN needs and placements API:
//   POST /api/v1/children/{id}/needs {primary, secondary?}
//        record the child's SEN types (recorded anew: the latest is current) - 201 with the needs
//   POST /api/v1/children/{id}/placements {setting_type, urn?, ukprn?, name?, rank?, entry_date, leaving_date?}
//        add a placement (rank 1 main, the default; 2 dual) - 201 with the placement
//   POST /api/v1/children/{id}/placements/{placement_id}/end {leaving_date}
//        record the leaving date of a current placement, once - 200 with the placement
// What this promises: bodies are read strictly as every other route (415 not JSON, 400 bad JSON or
// not an object, 422 naming an unknown field, a wrong type or a date that is not YYYY-MM-DD); the
// rules are the domain's (validate_needs, validate_placement) applied by app::Casework, whose
// errors keep their field (422 a broken rule, 409 a second current placement of the same rank or a
// placement already ended, 404 an unknown child or placement). Any error writes nothing.
// GET /api/v1/children/{id} gives the needs and placements with the child (api_children.cc).
#include "app/errors.h"
#include "web/api_json.h"
#include "web/api_views.h"
#include "web/routes.h"

namespace gt::web {

namespace {

using app::Error;
using Kind = app::Error::Kind;

std::int64_t child_id(const Request& req) {
  auto id = req.id_param("id");
  if (!id) throw Error(Kind::NotFound, "id", "no child or young person with this id");
  return *id;
}

std::optional<Date> date_field(const nlohmann::json& j, const char* name, bool required) {
  std::string text = string_field(j, name, required);
  if (text.empty()) {
    if (required) throw Error(Kind::Unprocessable, name, "is required");
    return std::nullopt;
  }
  auto d = Date::parse(text);
  if (!d) throw Error(Kind::Unprocessable, name, "must be a real date written YYYY-MM-DD");
  return d;
}

}  // namespace

void register_needs_api(Router& router, Context& ctx) {
  router.add(Method::Post, "/api/v1/children/{id}/needs", Access::Api, [&ctx](Request& req) {
    std::int64_t id = child_id(req);
    auto j = json_body(req, {"primary", "secondary"});
    SenNeeds n;
    n.primary = string_field(j, "primary", true);
    n.secondary = string_field(j, "secondary", false);
    SenNeeds saved = ctx.casework.record_needs(req.actor(), id, std::move(n), req.route_string());
    return json_response(201, needs_json(saved));
  });

  router.add(Method::Post, "/api/v1/children/{id}/placements", Access::Api, [&ctx](Request& req) {
    std::int64_t id = child_id(req);
    auto j = json_body(req, {"setting_type", "urn", "ukprn", "name", "rank", "entry_date", "leaving_date"});
    Placement p;
    p.setting_type = string_field(j, "setting_type", true);
    p.urn = string_field(j, "urn", false);
    p.ukprn = string_field(j, "ukprn", false);
    p.name = string_field(j, "name", false);
    auto rank = int_field(j, "rank", false);
    if (rank && *rank != 1 && *rank != 2)
      throw Error(Kind::Unprocessable, "rank", "must be 1 (main placement) or 2 (dual placement)");
    p.rank = rank ? static_cast<int>(*rank) : 1;
    p.entry_date = *date_field(j, "entry_date", true);
    p.leaving_date = date_field(j, "leaving_date", false);
    Placement added = ctx.casework.add_placement(req.actor(), id, std::move(p), req.route_string());
    return json_response(201, placement_json(added));
  });

  router.add(Method::Post, "/api/v1/children/{id}/placements/{placement_id}/end", Access::Api, [&ctx](Request& req) {
    std::int64_t id = child_id(req);
    auto placement_id = req.id_param("placement_id");
    if (!placement_id) throw Error(Kind::NotFound, "placement_id", "no placement with this id for this child");
    auto j = json_body(req, {"leaving_date"});
    Date leaving = *date_field(j, "leaving_date", true);
    Placement ended = ctx.casework.end_placement(req.actor(), id, *placement_id, leaving, req.route_string());
    return json_response(200, placement_json(ended));
  });
}

}  // namespace gt::web
