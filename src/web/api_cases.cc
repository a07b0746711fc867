// Cases API:
//   POST /api/v1/cases {child_id, caseworker_id?}                 open a case (201, Location, the case view)
//   GET  /api/v1/cases/{id}                                       the case view: summary, child summary,
//        every event recorded (superseded ones and corrections too), the chronology in force, the
//        deadlines, the stage and the events that may come next
//   POST /api/v1/cases/{id}/events  (an event, as event_json.h)   append (201 {id, case_id, event, stage})
//   GET  /api/v1/cases/{id}/events                                every event recorded
//   POST /api/v1/cases/{id}/events/{event_id}/supersede {reason, event?}
//        correct an entry: replace it with `event`, or strike it out when `event` is absent (201)
//   GET  /api/v1/cases/{id}/deadlines                             the statutory clock's result
// Errors in a nested `event` name the field as "event.<field>".
#include "app/errors.h"
#include "app/event_json.h"
#include "web/api_json.h"
#include "web/api_views.h"
#include "web/routes.h"

namespace gt::web {

namespace {

using app::Error;
using Kind = app::Error::Kind;

std::int64_t case_id(const Request& req) {
  auto id = req.id_param("id");
  if (!id) throw Error(Kind::NotFound, "id", "no case with this id");
  return *id;
}

}  // namespace

void register_cases_api(Router& router, Context& ctx) {
  router.add(Method::Post, "/api/v1/cases", Access::Api, [&ctx](Request& req) {
    auto j = json_body(req, {"child_id", "caseworker_id"});
    auto child_id = int_field(j, "child_id", true);
    auto caseworker_id = int_field(j, "caseworker_id", false);
    auto view = ctx.casework.open_case(req.actor(), *child_id, caseworker_id, req.route_string());
    Response r = json_response(201, case_view_json(view));
    r.add_header("location", "/api/v1/cases/" + std::to_string(view.summary.id));
    return r;
  });

  router.add(Method::Get, "/api/v1/cases/{id}", Access::Api, [&ctx](Request& req) {
    return Response::json(200, case_view_text(ctx.casework.case_view(req.actor(), case_id(req), req.route_string())));
  });

  router.add(Method::Post, "/api/v1/cases/{id}/events", Access::Api, [&ctx](Request& req) {
    std::int64_t id = case_id(req);
    auto j = json_object_body(req);
    Event e = event_from_json(j);
    auto rec = ctx.casework.append_event(req.actor(), id, e, req.route_string());
    return json_response(201, recorded_event_json(rec));
  });

  router.add(Method::Get, "/api/v1/cases/{id}/events", Access::Api, [&ctx](Request& req) {
    auto view = ctx.casework.case_view(req.actor(), case_id(req), req.route_string());
    nlohmann::json events = nlohmann::json::array();
    for (const auto& h : view.history) events.push_back(history_entry_json(h));
    return json_response(200, {{"case_id", view.summary.id}, {"events", std::move(events)}});
  });

  router.add(Method::Post, "/api/v1/cases/{id}/events/{event_id}/supersede", Access::Api, [&ctx](Request& req) {
    std::int64_t id = case_id(req);
    auto event_id = req.id_param("event_id");
    if (!event_id) throw Error(Kind::NotFound, "event_id", "no event with this id in this case");
    auto j = json_body(req, {"reason", "event"});
    std::string reason = string_field(j, "reason", true);
    std::optional<Event> replacement;
    auto it = j.find("event");
    if (it != j.end() && !it->is_null()) {
      if (!it->is_object()) throw Error(Kind::Unprocessable, "event", "must be an event object");
      try {
        replacement = event_from_json(*it);
      } catch (const EventJsonError& e) {
        throw Error(Kind::Unprocessable, "event." + e.field, e.reason);
      }
    }
    auto rec = ctx.casework.supersede_event(req.actor(), id, *event_id, reason, replacement, req.route_string());
    nlohmann::json out = recorded_event_json(rec);
    out["supersedes"] = *event_id;
    out["struck_out"] = !replacement.has_value();
    return json_response(201, out);
  });

  router.add(Method::Get, "/api/v1/cases/{id}/deadlines", Access::Api, [&ctx](Request& req) {
    auto view = ctx.casework.case_view(req.actor(), case_id(req), req.route_string());
    nlohmann::json out = clock_result_to_json(view.clock);
    out["case_id"] = view.summary.id;
    out["stage"] = stage_name(view.stage);
    out["today"] = view.today.to_string();
    return json_response(200, out);
  });
}

}  // namespace gt::web
