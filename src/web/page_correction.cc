// Correction form: GET /cases/{id}/events/{event_id}/correct shows the entry and asks whether to
// replace it (with the same type's fields, filled in with the entry's values) or strike it out, and
// why (required); POST records the correction through app::Casework::supersede_event (append-only:
// the earlier entry stays, struck through) and answers 303 to the case page. Errors re-render the
// form with 422 and the error summary; nothing is written. An entry that is not in force (already
// corrected, or a strike-out) cannot be corrected: 409.
#include "web/page_event_fields.h"
#include "web/page_layout.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Error;

struct Target {
  app::CaseView view;
  const app::HistoryEntry* entry = nullptr;
};

Target load(Context& ctx, const Request& req) {
  auto id = req.id_param("id");
  auto event_id = req.id_param("event_id");
  if (!id || !event_id) throw Error(Error::Kind::NotFound, "id", "There is no entry at this address.");
  Target t{ctx.casework.case_view(req.actor(), *id, req.route_string()), nullptr};
  for (const auto& h : t.view.history)
    if (h.row.id == *event_id) t.entry = &h;
  if (!t.entry) throw Error(Error::Kind::NotFound, "event_id", "There is no such entry in this case.");
  if (!t.entry->event || t.entry->superseded_by)
    throw Error(Error::Kind::Conflict, "event_id",
                "This entry has already been corrected or struck out. Correct the entry now in force instead.");
  return t;
}

std::vector<Field> action_fields() {
  return {
      Field{Field::Kind::Radios, "action", "What do you want to do?", "",
            {{"replace", "Replace it with the corrected details below"},
             {"strike", "Strike it out: it should never have been recorded"}},
            "", "", "text", ""},
      Field{Field::Kind::Textarea, "correction_reason", "Why is this entry being corrected?",
            "This is kept with the case's history. Do not include more personal data than you need", {}, "", "", "text", ""},
  };
}

Response correction_form(const Request& req, const Target& t, int status, FormState st) {
  const Event& e = *t.entry->event;
  auto order = action_fields();
  for (auto& f : event_fields(e.type, {})) order.push_back(f);
  st.order_by(order);
  std::string label(event_type_label(e.type));
  Data body;
  body.set("case_id", std::to_string(t.view.summary.id));
  body.set("case_href", "/cases/" + std::to_string(t.view.summary.id));
  body.set("action_href", "/cases/" + std::to_string(t.view.summary.id) + "/events/" + std::to_string(t.entry->row.id) + "/correct");
  body.set("child_name", t.view.child.given_name + " " + t.view.child.family_name);
  body.set("label", label);
  body.set("date", long_date(e.date));
  put(body, "details", event_details(e));
  body.set("recorded", "Recorded by " + (t.entry->row.recorded_by_name.empty() ? std::string("unknown") : t.entry->row.recorded_by_name) +
                           " on " + long_date_or(t.entry->row.recorded_at.substr(0, 10)));
  Data action_block;
  action_block.set("fields", fields_data(action_fields(), st));
  body.set("action_block", action_block);
  body.set("fields", fields_data(event_fields(e.type, {}), st));
  return page(req, status, PageFrame{"Correct an entry", "caseload", st.summary}, "correct_form", body);
}

}  // namespace

void register_correction_form(Router& router, Context& ctx) {
  router.add(Method::Get, "/cases/{id}/events/{event_id}/correct", Access::Page, [&ctx](Request& req) {
    Target t = load(ctx, req);
    FormState st;
    fill_event(*t.entry->event, st);
    return correction_form(req, t, 200, st);
  });

  router.add(Method::Post, "/cases/{id}/events/{event_id}/correct", Access::Page, [&ctx](Request& req) {
    Target t = load(ctx, req);
    FormState st;
    st.take(req.form);
    std::string action = st.value("action");
    std::string reason = st.value("correction_reason");
    if (action != "replace" && action != "strike")
      st.fail("action", "action", "Select whether to replace the entry or strike it out");
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
      st.fail("correction_reason", "correction_reason", "Enter why the entry is being corrected");
    else if (reason.size() > 1000)
      st.fail("correction_reason", "correction_reason", "The reason must be 1,000 characters or fewer");
    std::optional<Event> replacement;
    if (action == "replace") replacement = read_event(t.entry->event->type, st);
    if (st.ok()) {
      try {
        ctx.casework.supersede_event(req.actor(), t.view.summary.id, t.entry->row.id, reason,
                                     action == "replace" ? replacement : std::nullopt, req.route_string());
        return Response::redirect("/cases/" + std::to_string(t.view.summary.id));
      } catch (const Error& err) {
        if (err.kind == Error::Kind::NotFound || err.kind == Error::Kind::Forbidden) throw;
        auto fields = event_fields(t.entry->event->type, {});
        if (action == "strike" || err.field == "event_id") fields.insert(fields.begin(), action_fields().front());
        show_app_error(st, fields, err.field, err.reason);
      }
    }
    return correction_form(req, t, 422, st);
  });
}

}  // namespace gt::web
