// Provision delivery pages (app/delivery.h): what was delivered of each provision line of the plan
// in force, against what the plan requires, with shortfalls.
//
//   GET  /delivery                                           a SENCO's or provider's cases to record for (staff: to the overview)
//   GET  /delivery/shortfalls                                the council's shortfalls across the caseload
//   GET  /delivery/cases/{id}                                each line, its records, shortfalls, corrections
//   GET  /delivery/cases/{id}/record                         the form (?line=F-3 chooses the line)
//   POST /delivery/cases/{id}/record                         record a period (303 to the case's delivery page)
//   GET  /delivery/cases/{id}/records/{record_id}/correct    the correction form, filled with the record
//   POST /delivery/cases/{id}/records/{record_id}/correct    a new record superseding it, with a reason
//   GET  /family/children/{id}/delivery                      the family's view, in plain English
//
// Contract: the app layer decides every record (404 without a basis, 403 for a forbidden action,
// 409 when the case has no plan in force); forms re-render with 422 and the error summary; nothing
// is written on error. The /delivery area is for the council's staff, SENCOs and advice givers
// (web/audience.h); /family/... for families.
#include <charconv>

#include "web/page_event_fields.h"
#include "web/page_form.h"
#include "web/page_layout.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Error;

std::string case_href(std::int64_t case_id) { return "/delivery/cases/" + std::to_string(case_id); }

std::string period_text(const store::DeliveryRecordRow& r) {
  return long_date_or(r.period_from) + " to " + long_date_or(r.period_to);
}

std::string percent(double t) { return std::to_string(static_cast<int>(t * 100 + 0.5)) + "%"; }

Tag result_tag(const app::DeliveryEntry& e) {
  if (!e.judgement.required.measurable || !e.judgement.required.in_window)
    return {"Cannot be checked", "govuk-tag govuk-tag--grey"};
  if (e.judgement.shortfall) return {"Less than the plan says", "govuk-tag govuk-tag--red"};
  if (e.judgement.sessions_short > 0 || e.judgement.minutes_short > 0)
    return {"Nearly as the plan says", "govuk-tag govuk-tag--yellow"};
  return {"As the plan says", "govuk-tag govuk-tag--green"};
}

std::string required_text(const app::DeliveryEntry& e) {
  const auto& r = e.judgement.required;
  if (!r.measurable) return "Not stated in the plan";
  if (!r.in_window) return "Nothing in these dates";
  std::string s = sessions_text(r.sessions);
  if (r.minutes > 0) s += " (" + duration_text(r.minutes) + ")";
  s += " over " + std::to_string(r.open_days) + (r.open_days == 1 ? " school day" : " school days");
  return s;
}

std::string delivered_text(const store::DeliveryRecordRow& r) {
  std::string s = sessions_text(r.sessions_delivered);
  if (r.minutes_delivered > 0) s += " (" + duration_text(r.minutes_delivered) + ")";
  return s;
}

std::string by_text(const store::DeliveryRecordRow& r) {
  return r.delivered_by_name.empty() ? capitalise(r.delivered_by_role)
                                     : r.delivered_by_name + ", " + r.delivered_by_role;
}

std::string missed_text(const store::DeliveryRecordRow& r) {
  if (r.sessions_missed == 0 && r.missed_reason.empty()) return "";
  std::string s = sessions_text(r.sessions_missed) + " missed";
  if (!r.missed_reason.empty()) s += ": " + std::string(missed_reason_label(r.missed_reason));
  return s;
}

std::string recorded_text(const store::DeliveryRecordRow& r) {
  std::string who = r.recorded_by_name.empty() ? "unknown" : r.recorded_by_name;
  if (!r.recorded_by_organisation.empty()) who += " (" + r.recorded_by_organisation + ")";
  else if (r.basis == "council_staff") who += " (the council)";
  return "Recorded by " + who + " on " + long_date_or(r.recorded_at.substr(0, 10));
}

bool may_correct(const app::Actor& a, const app::DeliveryView& v, const app::DeliveryLine& l,
                 const store::DeliveryRecordRow& r) {
  if (v.may_correct_all) return true;
  return l.may_record && r.recorded_by_organisation_id && a.organisation_id &&
         *r.recorded_by_organisation_id == *a.organisation_id;
}

Data entry_data(const app::DeliveryEntry& e) {
  Data d;
  d.set("id", std::to_string(e.row.id));
  d.set("element_id", e.row.element_id);
  d.set("period", period_text(e.row));
  d.set("required", required_text(e));
  d.set("delivered", delivered_text(e.row));
  d.set("summary", e.summary);
  Tag t = result_tag(e);
  d.set("tag_text", t.text);
  d.set("tag_css", t.css);
  d.set("by", by_text(e.row));
  put(d, "missed", missed_text(e.row));
  put(d, "notes", e.row.notes);
  put(d, "closed", e.row.closed_days > 0 ? std::to_string(e.row.closed_days) + " school days closed" : "");
  d.set("recorded", recorded_text(e.row));
  put(d, "correction_reason", e.row.correction_reason.value_or(""));
  return d;
}

Response case_page(const Request& req, Context& ctx) {
  auto id = req.id_param("id");
  if (!id) throw Error(Error::Kind::NotFound, "id", "There is no case at this address.");
  auto v = ctx.app.delivery.of_case(req.actor(), *id, req.route_string());
  const auto& actor = req.actor();
  Data body;
  body.set("child_name", v.child_name);
  body.set("case_id", std::to_string(v.case_id));
  body.set("threshold", percent(v.threshold));
  bool staff = v.basis == app::Basis::CouncilStaff;
  put(body, "back_href", staff ? "/cases/" + std::to_string(v.case_id)
                               : actor.role == "senco" && v.basis == app::Basis::SchoolOnRoll
                                     ? "/school/pupils/" + std::to_string(v.child_id)
                                     : "/delivery");
  body.set("has_plan", v.in_force.has_value());
  if (v.in_force) {
    std::string kind = v.in_force->kind == "amended" ? "Amended plan" : "Final plan";
    body.set("plan_text", kind + " (version " + std::to_string(v.in_force->number.value_or(0)) + ") issued on " +
                              long_date_or(v.in_force->issued_on.value_or("")));
  }
  put(body, "since", v.plan_since ? long_date(*v.plan_since) : "");
  body.set("shortfalls", std::to_string(v.shortfalls));
  body.set("has_shortfalls", v.shortfalls > 0);
  put(body, "record_href", v.may_record ? case_href(v.case_id) + "/record" : "");
  body.set("provider_only", v.basis == app::Basis::NamedProvider);
  std::vector<Data> lines;
  for (const auto& l : v.lines) {
    Data d;
    d.set("id", l.line.id);
    d.set("text", l.text);
    d.set("section", std::string(plan_section_code(l.line.section)));
    put(d, "record_href", l.may_record ? case_href(v.case_id) + "/record?line=" + l.line.id : "");
    d.set("has_records", !l.records.empty());
    d.set("shortfalls", l.shortfalls > 0 ? std::to_string(l.shortfalls) : "");
    d.set("has_shortfalls", l.shortfalls > 0);
    std::vector<Data> recs;
    for (const auto& e : l.records) {
      Data r = entry_data(e);
      put(r, "correct_href", may_correct(actor, v, l, e.row)
                                 ? case_href(v.case_id) + "/records/" + std::to_string(e.row.id) + "/correct"
                                 : "");
      recs.push_back(std::move(r));
    }
    d.set("records", list_of(std::move(recs)));
    lines.push_back(std::move(d));
  }
  body.set("lines", list_of(std::move(lines)));
  body.set("has_lines", !v.lines.empty());
  std::vector<Data> corrected;
  for (const auto& e : v.corrected) corrected.push_back(entry_data(e));
  body.set("corrected", list_of(std::move(corrected)));
  body.set("has_corrected", !v.corrected.empty());
  return page(req, 200, PageFrame{"Provision delivered", staff ? "caseload" : actor.role == "senco" ? "school" : "delivery", {}},
              "delivery_case", body);
}

// The form's questions. `lines` are the choices of provision (record only; a correction keeps the line).
std::vector<Field> form_fields(const Choices& lines, bool correcting) {
  std::vector<Field> f;
  if (!correcting)
    f.push_back(Field{Field::Kind::Radios, "element", "Which provision is this record about?", "", lines, "", "", "text", ""});
  Choices reasons{{"", "Choose a reason"}};
  for (const auto& r : missed_reasons()) reasons.emplace_back(std::string(r.code), std::string(r.label));
  auto more = std::vector<Field>{
      Field{Field::Kind::Date, "from", "First day of the period", "For example, 2 11 2026", {}, "", "", "text", ""},
      Field{Field::Kind::Date, "to", "Last day of the period", "For example, 13 11 2026", {}, "", "", "text", ""},
      Field{Field::Kind::Text, "closed_days", "School days the setting was closed in the period (optional)",
            "Holidays and training days. Weekends and bank holidays are already left out", {}, "govuk-input--width-3",
            "off", "text", ""},
      Field{Field::Kind::Text, "sessions_delivered", "Sessions delivered", "", {}, "govuk-input--width-3", "off", "text", ""},
      Field{Field::Kind::Text, "minutes_delivered", "Minutes delivered in total (optional)",
            "Leave empty if every session was as long as the plan says", {}, "govuk-input--width-4", "off", "text", ""},
      Field{Field::Kind::Text, "delivered_by_role", "Who delivered it (their role)",
            "For example, speech and language therapist, or trained teaching assistant", {}, "govuk-!-width-two-thirds",
            "off", "text", ""},
      Field{Field::Kind::Text, "delivered_by_name", "Their name (optional)", "", {}, "govuk-!-width-two-thirds", "off",
            "text", ""},
      Field{Field::Kind::Text, "sessions_missed", "Sessions missed (optional)", "", {}, "govuk-input--width-3", "off",
            "text", ""},
      Field{Field::Kind::Select, "missed_reason", "Why were sessions missed? (optional)", "", reasons, "", "", "text", ""},
      Field{Field::Kind::Textarea, "notes", "Notes (optional)",
            "Seen by the council and the family. Do not include more personal data than you need", {}, "", "", "text", ""},
  };
  f.insert(f.end(), more.begin(), more.end());
  if (correcting)
    f.push_back(Field{Field::Kind::Textarea, "correction_reason", "Why is this record being corrected?",
                      "Kept with the record. The earlier record is not deleted", {}, "", "", "text", ""});
  return f;
}

// Reads a whole number; empty gives `empty`. Records an error naming the question.
std::optional<int> read_count(FormState& st, const std::string& name, const std::string& question, std::optional<int> empty) {
  std::string v = st.value(name);
  auto b = v.find_first_not_of(" \t"), e = v.find_last_not_of(" \t");
  if (b == std::string::npos) return empty;
  v = v.substr(b, e - b + 1);
  int n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n < 0) {
    st.fail(name, name, "Enter " + question + " as a whole number, like 4");
    return std::nullopt;
  }
  return n;
}

DeliveryInput read_input(FormState& st) {
  DeliveryInput in;
  in.element_id = st.value("element");
  in.from = read_date(st, "from", "the first day of the period", false);
  in.to = read_date(st, "to", "the last day of the period", false);
  in.closed_days = read_count(st, "closed_days", "the school days closed", 0).value_or(0);
  in.sessions_delivered = read_count(st, "sessions_delivered", "the sessions delivered", -1).value_or(-1);
  in.minutes_delivered = read_count(st, "minutes_delivered", "the minutes delivered", std::nullopt);
  in.sessions_missed = read_count(st, "sessions_missed", "the sessions missed", 0).value_or(0);
  in.delivered_by_role = st.value("delivered_by_role");
  in.delivered_by_name = st.value("delivered_by_name");
  in.missed_reason = st.value("missed_reason");
  in.notes = st.value("notes");
  return in;
}

void fill(FormState& st, const store::DeliveryRecordRow& r) {
  if (auto d = Date::parse(r.period_from)) st.set_date("from", *d);
  if (auto d = Date::parse(r.period_to)) st.set_date("to", *d);
  st.set("closed_days", r.closed_days ? std::to_string(r.closed_days) : "");
  st.set("sessions_delivered", std::to_string(r.sessions_delivered));
  st.set("minutes_delivered", std::to_string(r.minutes_delivered));
  st.set("delivered_by_role", r.delivered_by_role);
  st.set("delivered_by_name", r.delivered_by_name);
  st.set("sessions_missed", r.sessions_missed ? std::to_string(r.sessions_missed) : "");
  st.set("missed_reason", r.missed_reason);
  st.set("notes", r.notes);
}

struct FormTarget {
  app::DeliveryView view;
  Choices lines;  // the lines this person may record
};

FormTarget form_target(const Request& req, Context& ctx) {
  auto id = req.id_param("id");
  if (!id) throw Error(Error::Kind::NotFound, "id", "There is no case at this address.");
  FormTarget t{ctx.app.delivery.of_case(req.actor(), *id, req.route_string()), {}};
  if (!app::allows(t.view.basis, app::Capability::DeliveryWrite))
    throw Error(Error::Kind::Forbidden, "", "you cannot record provision delivered for this case");
  if (!t.view.in_force)
    throw Error(Error::Kind::Conflict, "plan",
                "This case has no EHC plan in force yet. Delivery is recorded against a final plan.");
  for (const auto& l : t.view.lines)
    if (l.may_record) t.lines.emplace_back(l.line.id, l.line.id + ": " + l.text);
  if (t.lines.empty()) throw Error(Error::Kind::Forbidden, "", "there is no provision in this plan you can record");
  return t;
}

Response record_form(const Request& req, const FormTarget& t, int status, FormState st) {
  auto fields = form_fields(t.lines, false);
  st.order_by(fields);
  Data body;
  body.set("child_name", t.view.child_name);
  body.set("case_id", std::to_string(t.view.case_id));
  body.set("back_href", case_href(t.view.case_id));
  body.set("action_href", case_href(t.view.case_id) + "/record");
  body.set("heading", "Record provision delivered");
  body.set("button", "Save record");
  body.set("threshold", percent(t.view.threshold));
  body.set("fields", fields_data(fields, st));
  body.set("correcting", false);
  return page(req, status, PageFrame{"Record provision delivered", "", st.summary}, "delivery_form", body);
}

struct CorrectTarget {
  FormTarget form;
  app::DeliveryEntry entry;
  std::string line_text;
};

CorrectTarget correct_target(const Request& req, Context& ctx) {
  auto record_id = req.id_param("record_id");
  if (!record_id) throw Error(Error::Kind::NotFound, "record_id", "There is no such record.");
  FormTarget f = form_target(req, ctx);
  auto e = ctx.app.delivery.entry(req.actor(), f.view.case_id, *record_id, req.route_string());
  if (!e.in_force)
    throw Error(Error::Kind::Conflict, "record_id", "This record has already been corrected. Correct the record now in force.");
  std::string text = e.row.element_id;
  for (const auto& l : f.view.lines)
    if (l.line.id == e.row.element_id) text = l.line.id + ": " + l.text;
  return CorrectTarget{std::move(f), std::move(e), text};
}

Response correct_form(const Request& req, const CorrectTarget& t, int status, FormState st) {
  auto fields = form_fields({}, true);
  st.order_by(fields);
  Data body;
  body.set("child_name", t.form.view.child_name);
  body.set("case_id", std::to_string(t.form.view.case_id));
  body.set("back_href", case_href(t.form.view.case_id));
  body.set("action_href", case_href(t.form.view.case_id) + "/records/" + std::to_string(t.entry.row.id) + "/correct");
  body.set("heading", "Correct a record of provision delivered");
  body.set("button", "Save correction");
  body.set("threshold", percent(t.form.view.threshold));
  body.set("fields", fields_data(fields, st));
  body.set("correcting", true);
  body.set("line_text", t.line_text);
  body.set("entry", entry_data(t.entry));
  return page(req, status, PageFrame{"Correct a record", "", st.summary}, "delivery_form", body);
}

void show_error(FormState& st, const std::vector<Field>& fields, const Error& e) {
  if (e.kind != Error::Kind::Unprocessable) throw e;
  show_app_error(st, fields, e.field, capitalise(e.reason));
}

Response family_page(const Request& req, Context& ctx) {
  auto id = req.id_param("id");
  if (!id) throw Error(Error::Kind::NotFound, "id", "There is no child at this address.");
  auto views = ctx.app.delivery.for_family(req.actor(), *id, req.route_string());
  Data body;
  body.set("back_href", "/family/children/" + std::to_string(*id));
  body.set("threshold", views.empty() ? percent(ctx.app.delivery.threshold()) : percent(views.front().threshold));
  body.set("has_plan", !views.empty());
  put(body, "child_name", views.empty() ? "" : views.front().child_name);
  std::vector<Data> plans;
  int shortfalls = 0;
  for (const auto& v : views) {
    shortfalls += v.shortfalls;
    Data p;
    p.set("plan_text", (v.in_force->kind == "amended" ? std::string("The amended plan") : std::string("The plan")) +
                           " issued on " + long_date_or(v.in_force->issued_on.value_or("")));
    std::vector<Data> lines;
    for (const auto& l : v.lines) {
      Data d;
      d.set("id", l.line.id);
      d.set("what", l.line.what);
      auto freq = provision_frequency_text(l.line);
      put(d, "how_often", freq);
      put(d, "who", l.line.delivered_by);
      d.set("measurable", l.line.sessions > 0 && l.line.per != FrequencyPer::None);
      d.set("has_records", !l.records.empty());
      std::vector<Data> recs;
      for (const auto& e : l.records) {
        Data r = entry_data(e);
        recs.push_back(std::move(r));
      }
      d.set("records", list_of(std::move(recs)));
      lines.push_back(std::move(d));
    }
    p.set("lines", list_of(std::move(lines)));
    plans.push_back(std::move(p));
  }
  body.set("plans", list_of(std::move(plans)));
  body.set("has_shortfalls", shortfalls > 0);
  body.set("shortfalls", shortfalls == 1 ? std::string("1 period") : std::to_string(shortfalls) + " periods");
  return page(req, 200, PageFrame{"The help in the plan", "family", {}}, "delivery_family", body);
}

}  // namespace

void register_delivery_pages(Router& router, Context& ctx) {
  router.add(Method::Get, "/delivery", Access::Page, [&ctx](Request& req) {
    const auto& a = req.actor();
    if (a.role == "caseworker" || a.role == "manager") return Response::redirect("/delivery/shortfalls");
    auto cases = ctx.app.delivery.my_cases(a, req.route_string());
    Data body;
    std::vector<Data> rows;
    for (const auto& c : cases) {
      Data d;
      d.set("href", case_href(c.case_id));
      d.set("name", c.child_name);
      d.set("case_id", std::to_string(c.case_id));
      d.set("shortfalls", c.shortfalls == 0 ? std::string("None") : std::to_string(c.shortfalls));
      d.set("has_shortfalls", c.shortfalls > 0);
      rows.push_back(std::move(d));
    }
    body.set("rows", list_of(std::move(rows)));
    body.set("has_rows", !cases.empty());
    put(body, "organisation", a.organisation_name);
    return page(req, 200, PageFrame{"Provision to record", "delivery", {}}, "delivery_cases", body);
  });

  router.add(Method::Get, "/delivery/shortfalls", Access::Page, [&ctx](Request& req) {
    auto items = ctx.app.delivery.shortfalls(req.actor(), req.route_string());
    Data body;
    std::vector<Data> rows;
    for (const auto& i : items) {
      Data d = entry_data(i.entry);
      d.set("href", case_href(i.case_id));
      d.set("name", i.child_name);
      d.set("case_id", std::to_string(i.case_id));
      d.set("caseworker", i.caseworker_name.empty() ? std::string("Not assigned") : i.caseworker_name);
      d.set("line_text", i.line_text);
      rows.push_back(std::move(d));
    }
    body.set("rows", list_of(std::move(rows)));
    body.set("has_rows", !items.empty());
    body.set("count", std::to_string(items.size()));
    body.set("threshold", percent(ctx.app.delivery.threshold()));
    return page(req, 200, PageFrame{"Shortfalls in provision", "caseload", {}}, "delivery_shortfalls", body);
  });

  router.add(Method::Get, "/delivery/cases/{id}", Access::Page, [&ctx](Request& req) { return case_page(req, ctx); });

  router.add(Method::Get, "/delivery/cases/{id}/record", Access::Page, [&ctx](Request& req) {
    FormTarget t = form_target(req, ctx);
    FormState st;
    auto q = req.query_fields();
    if (auto line = q.get("line"))
      for (const auto& [value, _] : t.lines)
        if (value == *line) st.set("element", value);
    return record_form(req, t, 200, st);
  });

  router.add(Method::Post, "/delivery/cases/{id}/record", Access::Page, [&ctx](Request& req) {
    FormTarget t = form_target(req, ctx);
    FormState st;
    st.take(req.form);
    DeliveryInput in = read_input(st);
    if (st.ok()) {
      try {
        ctx.app.delivery.record(req.actor(), t.view.case_id, in, req.route_string());
        return Response::redirect(case_href(t.view.case_id) + "#line-" + in.element_id);
      } catch (const Error& e) {
        show_error(st, form_fields(t.lines, false), e);
      }
    }
    return record_form(req, t, 422, st);
  });

  router.add(Method::Get, "/delivery/cases/{id}/records/{record_id}/correct", Access::Page, [&ctx](Request& req) {
    CorrectTarget t = correct_target(req, ctx);
    FormState st;
    fill(st, t.entry.row);
    return correct_form(req, t, 200, st);
  });

  router.add(Method::Post, "/delivery/cases/{id}/records/{record_id}/correct", Access::Page, [&ctx](Request& req) {
    CorrectTarget t = correct_target(req, ctx);
    FormState st;
    st.take(req.form);
    DeliveryInput in = read_input(st);
    if (st.ok()) {
      try {
        ctx.app.delivery.correct(req.actor(), t.form.view.case_id, t.entry.row.id, in, st.value("correction_reason"),
                                 req.route_string());
        return Response::redirect(case_href(t.form.view.case_id) + "#line-" + t.entry.row.element_id);
      } catch (const Error& e) {
        show_error(st, form_fields({}, true), e);
      }
    }
    return correct_form(req, t, 422, st);
  });

  router.add(Method::Get, "/family/children/{id}/delivery", Access::Page,
             [&ctx](Request& req) { return family_page(req, ctx); });
}

}  // namespace gt::web
