// Event forms: GET /cases/{id}/events/new?type=TYPE shows the form for one event type (the fields
// that type takes, dates as the GOV.UK date input); POST /cases/{id}/events records it through
// app::Casework::append_event and answers 303 to the case page. A missing or unreadable answer, or a
// refusal by the domain rules (app::Error naming the field and the rule), re-renders the form with
// status 422, the error summary linking to the field, the inline message and the values typed;
// nothing is written. An unknown type is 400 (after the access check).
#include "web/page_event_fields.h"
#include "web/page_layout.h"
#include "web/pages.h"

namespace gt::web {

namespace {

std::vector<std::string> open_advice_ids(const app::CaseView& v) {
  std::vector<std::string> ids;
  for (const auto& d : v.clock.deadlines)
    if (d.rule == "A3" && !d.id.empty() && !d.met_on) ids.push_back(d.id);
  return ids;
}

Response event_form(const Request& req, const app::CaseView& v, EventType type, int status, FormState st) {
  auto fields = event_fields(type, open_advice_ids(v));
  st.order_by(fields);
  Data body;
  std::string label(event_type_label(type));
  body.set("case_id", std::to_string(v.summary.id));
  body.set("case_href", "/cases/" + std::to_string(v.summary.id));
  body.set("child_name", v.child.given_name + " " + v.child.family_name);
  body.set("heading", label);
  body.set("type", std::string(event_type_name(type)));
  bool allowed = false;
  for (EventType t : v.allowed_next) allowed = allowed || t == type;
  body.set("not_expected", !allowed);
  body.set("fields", fields_data(fields, st));
  return page(req, status, PageFrame{label, "caseload", st.summary}, "event_form", body);
}

EventType type_or_400(std::string_view name) {
  auto t = parse_event_type(name);
  if (!t) throw app::Error(app::Error::Kind::BadRequest, "type", "Choose a kind of event from the case page.");
  return *t;
}

std::int64_t case_id_or_404(const Request& req) {
  auto id = req.id_param("id");
  if (!id) throw app::Error(app::Error::Kind::NotFound, "id", "There is no case at this address.");
  return *id;
}

}  // namespace

void register_event_forms(Router& router, Context& ctx) {
  router.add(Method::Get, "/cases/{id}/events/new", Access::Page, [&ctx](Request& req) {
    std::int64_t id = case_id_or_404(req);
    app::CaseView v = ctx.casework.case_view(req.actor(), id, req.route_string());  // access first
    EventType type = type_or_400(req.query_fields().value("type"));
    return event_form(req, v, type, 200, FormState{});
  });

  router.add(Method::Post, "/cases/{id}/events", Access::Page, [&ctx](Request& req) {
    std::int64_t id = case_id_or_404(req);
    EventType type = type_or_400(req.form.value("type"));
    FormState st;
    st.take(req.form);
    std::optional<Event> e = read_event(type, st);
    if (e) {
      try {
        ctx.casework.append_event(req.actor(), id, *e, req.route_string());
        return Response::redirect("/cases/" + std::to_string(id));
      } catch (const app::Error& err) {
        if (err.kind == app::Error::Kind::NotFound || err.kind == app::Error::Kind::Forbidden) throw;
        show_app_error(st, event_fields(type, {}), err.field, err.reason);
      }
    }
    app::CaseView v = ctx.casework.case_view(req.actor(), id, req.route_string());
    return event_form(req, v, type, 422, st);
  });
}

}  // namespace gt::web
