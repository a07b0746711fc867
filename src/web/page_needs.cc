// Needs and placements pages: the child page's needs and placements sections, and the forms
//   GET/POST /children/{id}/needs                               record the SEN types (primary, secondary)
//   GET/POST /children/{id}/placements/new                      add a placement
//   GET/POST /children/{id}/placements/{placement_id}/end       record a placement's leaving date
// What this promises (page_needs.h): every problem with what was typed is shown at once - the
// domain's own checks (validate_needs, validate_placement) run on the form first, then
// app::Casework's error, if any, is put on its field - with 422 (409 for a second current placement
// of the same rank or a placement already ended), the GOV.UK error summary linking to each field
// and the values kept; nothing is written. Success answers 303 to the child's page. Choices are
// grouped (<optgroup>): SEN types by broad area, settings by band. No JavaScript.
#include "web/page_needs.h"

#include <algorithm>

#include "domain/codes.h"
#include "web/page_event_fields.h"
#include "web/page_form.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Error;

std::string code_text(const CodeList& list, const std::string& code) {
  auto label = list.label(code);
  return label.empty() ? code : std::string(label) + " (" + code + ")";
}

std::string area_text(const std::string& sen_type) {
  auto area = broad_area_of(sen_type);
  return area.empty() ? "Not in one of the four broad areas" : std::string(broad_areas().label(area));
}

std::string child_href(std::int64_t id) { return "/children/" + std::to_string(id); }

// SEN types grouped by broad area, then the types DfE maps to no area.
std::vector<OptionGroup> sen_type_groups() {
  std::vector<OptionGroup> groups;
  for (const auto& area : broad_areas()) {
    OptionGroup g{std::string(area.label), {}};
    for (const auto& t : sen_types())
      if (t.group == area.code) g.options.emplace_back(std::string(t.code), code_text(sen_types(), std::string(t.code)));
    groups.push_back(std::move(g));
  }
  OptionGroup other{"Not in one of the four broad areas", {}};
  for (const auto& t : sen_types())
    if (t.group.empty()) other.options.emplace_back(std::string(t.code), code_text(sen_types(), std::string(t.code)));
  groups.push_back(std::move(other));
  return groups;
}

// Setting types grouped by their band.
std::vector<OptionGroup> setting_type_groups() {
  std::vector<OptionGroup> groups;
  for (const auto& band : setting_groups()) {
    OptionGroup g{std::string(band.label), {}};
    for (const auto& t : setting_types())
      if (t.group == band.code) g.options.emplace_back(std::string(t.code), std::string(t.label));
    groups.push_back(std::move(g));
  }
  return groups;
}

// --- needs ---------------------------------------------------------------------------------------

std::vector<Field> needs_fields() {
  return {
      Field{Field::Kind::Select, "primary", "Primary type of need",
            "The main type of special educational need, as the school census and SEN2 record it",
            {{"", "Choose the primary type of need"}}, "", "", "text", ""},
      Field{Field::Kind::Select, "secondary", "Secondary type of need (optional)",
            "Only if there is a second type of need", {{"", "None"}}, "", "", "text", ""},
  };
}

Response needs_form(const Request& req, const app::ChildRecord& rec, int status, FormState st) {
  auto fields = needs_fields();
  st.order_by(fields);
  Data list{Data::type::list};
  for (const auto& f : fields) list.push_back(grouped_select_data(f, sen_type_groups(), st));
  Data body;
  body.set("fields", list);
  body.set("child_name", rec.child.given_name + " " + rec.child.family_name);
  body.set("child_href", child_href(rec.child.id));
  body.set("action_href", child_href(rec.child.id) + "/needs");
  return page(req, status, PageFrame{"Special educational needs", "children", st.summary}, "child_needs", body);
}

// --- placements ----------------------------------------------------------------------------------

std::vector<Field> placement_fields() {
  Choices setting{{"", "Choose the type of setting"}};
  return {
      Field{Field::Kind::Select, "setting_type", "Type of setting", "", setting, "", "", "text", ""},
      Field{Field::Kind::Text, "name", "Name of the school, college or provider",
            "Not needed for early years, elective home education, education otherwise than in school or not in education",
            {}, "govuk-!-width-two-thirds", "off", "text", ""},
      Field{Field::Kind::Text, "urn", "Unique reference number (URN)",
            "6 digits, for schools. Give a URN or a UKPRN, not both", {}, "govuk-input--width-10", "off", "text", ""},
      Field{Field::Kind::Text, "ukprn", "UK provider reference number (UKPRN)",
            "8 digits starting with 1, for colleges and other post-16 providers", {}, "govuk-input--width-10", "off",
            "text", ""},
      Field{Field::Kind::Radios, "rank", "Is this the main placement or a dual placement?", "",
            {{"1", "Main placement"}, {"2", "Dual placement (a second setting attended at the same time)"}}, "", "",
            "text", ""},
      Field{Field::Kind::Date, "entry_date", "Start date", "For example, 1 9 2025", {}, "", "", "text", ""},
      Field{Field::Kind::Date, "leaving_date", "Leaving date (optional)",
            "Only if the child or young person has already left. For example, 20 7 2026", {}, "", "", "text", ""},
  };
}

Data placement_fields_data(const FormState& st) {
  auto fields = placement_fields();
  Data list{Data::type::list};
  list.push_back(grouped_select_data(fields.front(), setting_type_groups(), st));
  Data rest = fields_data(std::vector<Field>(fields.begin() + 1, fields.end()), st);
  for (const auto& d : rest.list_value()) list.push_back(d);
  return list;
}

Response placement_form(const Request& req, const app::ChildRecord& rec, int status, FormState st) {
  st.order_by(placement_fields());
  Data body;
  body.set("fields", placement_fields_data(st));
  body.set("child_name", rec.child.given_name + " " + rec.child.family_name);
  body.set("child_href", child_href(rec.child.id));
  body.set("action_href", child_href(rec.child.id) + "/placements/new");
  return page(req, status, PageFrame{"Add a placement", "children", st.summary}, "placement_new", body);
}

std::string rank_text(int rank) { return rank == 2 ? "Dual" : "Main"; }

std::string dates_text(const Placement& p) {
  if (!p.leaving_date) return "From " + long_date(p.entry_date);
  return long_date(p.entry_date) + " to " + long_date(*p.leaving_date);
}

std::string reference_text(const Placement& p) {
  if (!p.urn.empty()) return "URN " + p.urn;
  if (!p.ukprn.empty()) return "UKPRN " + p.ukprn;
  return "";
}

Data placement_data(std::int64_t child_id, const Placement& p) {
  Data d;
  d.set("id", std::to_string(p.id));
  d.set("setting", std::string(setting_types().label(p.setting_type).empty() ? std::string_view(p.setting_type)
                                                                             : setting_types().label(p.setting_type)));
  put(d, "establishment", p.name);
  put(d, "reference", reference_text(p));
  d.set("rank", rank_text(p.rank));
  d.set("dates", dates_text(p));
  d.set("end_href", child_href(child_id) + "/placements/" + std::to_string(p.id) + "/end");
  return d;
}

// --- ending a placement --------------------------------------------------------------------------

struct Target {
  app::ChildRecord rec;
  const Placement* placement = nullptr;
};

Target load(Context& ctx, const Request& req) {
  auto id = req.id_param("id");
  auto placement_id = req.id_param("placement_id");
  if (!id || !placement_id) throw Error(Error::Kind::NotFound, "id", "There is no placement at this address.");
  Target t{ctx.casework.child(req.actor(), *id, req.route_string()), nullptr};
  for (const auto& p : t.rec.placements)
    if (p.id == *placement_id) t.placement = &p;
  if (!t.placement) throw Error(Error::Kind::NotFound, "placement_id", "There is no such placement for this child or young person.");
  if (!t.placement->current())
    throw Error(Error::Kind::Conflict, "leaving_date", "This placement already has a leaving date. It can be recorded only once.");
  return t;
}

std::vector<Field> end_fields() {
  return {Field{Field::Kind::Date, "leaving_date", "Leaving date", "For example, 20 7 2026", {}, "", "", "text", ""}};
}

Response end_form(const Request& req, const Target& t, int status, FormState st) {
  st.order_by(end_fields());
  Data body;
  body.set("fields", fields_data(end_fields(), st));
  body.set("child_name", t.rec.child.given_name + " " + t.rec.child.family_name);
  body.set("child_href", child_href(t.rec.child.id));
  body.set("action_href", child_href(t.rec.child.id) + "/placements/" + std::to_string(t.placement->id) + "/end");
  body.set("placement", placement_data(t.rec.child.id, *t.placement));
  return page(req, status, PageFrame{"Record a leaving date", "children", st.summary}, "placement_end", body);
}

std::int64_t child_id_of(const Request& req) {
  auto id = req.id_param("id");
  if (!id) throw Error(Error::Kind::NotFound, "id", "There is no child or young person at this address.");
  return *id;
}

int status_for(const Error& e) { return e.kind == Error::Kind::Conflict ? 409 : 422; }

}  // namespace

void needs_and_placements_data(Data& body, const app::ChildRecord& rec) {
  if (rec.needs) {
    Data n;
    n.set("primary", code_text(sen_types(), rec.needs->primary));
    n.set("primary_area", area_text(rec.needs->primary));
    if (rec.needs->secondary.empty()) {
      n.set("secondary", false);
    } else {
      Data s;
      s.set("text", code_text(sen_types(), rec.needs->secondary));
      s.set("area", area_text(rec.needs->secondary));
      n.set("secondary", s);
    }
    body.set("needs", n);
  } else {
    body.set("needs", false);
  }
  std::vector<Data> current, past;
  for (const auto& p : rec.placements) (p.current() ? current : past).push_back(placement_data(rec.child.id, p));
  body.set("has_current_placements", !current.empty());
  body.set("has_past_placements", !past.empty());
  body.set("current_placements", list_of(std::move(current)));
  body.set("past_placements", list_of(std::move(past)));
  body.set("needs_href", child_href(rec.child.id) + "/needs");
  body.set("new_placement_href", child_href(rec.child.id) + "/placements/new");
}

void register_needs_pages(Router& router, Context& ctx) {
  router.add(Method::Get, "/children/{id}/needs", Access::Page, [&ctx](Request& req) {
    auto rec = ctx.casework.child(req.actor(), child_id_of(req), req.route_string());
    FormState st;
    if (rec.needs) {
      st.set("primary", rec.needs->primary);
      st.set("secondary", rec.needs->secondary);
    }
    return needs_form(req, rec, 200, st);
  });

  router.add(Method::Post, "/children/{id}/needs", Access::Page, [&ctx](Request& req) {
    std::int64_t id = child_id_of(req);
    FormState st;
    st.take(req.form);
    SenNeeds n{st.value("primary"), st.value("secondary")};
    SenNeeds check = n;
    auto fields = needs_fields();
    for (const auto& e : validate_needs(check)) show_app_error(st, fields, e.field, e.reason);
    int status = 422;
    if (st.ok()) {
      try {
        ctx.casework.record_needs(req.actor(), id, n, req.route_string());
        return Response::redirect(child_href(id));
      } catch (const Error& e) {
        if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
        show_app_error(st, fields, e.field, e.reason);
        status = status_for(e);
      }
    }
    return needs_form(req, ctx.casework.child(req.actor(), id, req.route_string()), status, st);
  });

  router.add(Method::Get, "/children/{id}/placements/new", Access::Page, [&ctx](Request& req) {
    auto rec = ctx.casework.child(req.actor(), child_id_of(req), req.route_string());
    FormState st;
    st.set("rank", "1");
    return placement_form(req, rec, 200, st);
  });

  router.add(Method::Post, "/children/{id}/placements/new", Access::Page, [&ctx](Request& req) {
    std::int64_t id = child_id_of(req);
    FormState st;
    st.take(req.form);
    auto fields = placement_fields();
    Placement p;
    p.setting_type = st.value("setting_type");
    p.urn = st.value("urn");
    p.ukprn = st.value("ukprn");
    p.name = st.value("name");
    std::string rank = st.value("rank");
    bool rank_ok = rank == "1" || rank == "2";
    if (!rank_ok) st.fail("rank", "rank", "Select whether this is the main placement or a dual placement");
    p.rank = rank == "2" ? 2 : 1;
    auto entry = read_date(st, "entry_date", "the start date", true);
    auto leaving = read_date(st, "leaving_date", "the leaving date", false);
    // Every problem at once: the domain's full list (the app layer checks again and reports the first).
    Placement check = p;
    Date today = ctx.today();
    check.entry_date = entry.value_or(today);
    check.leaving_date = leaving;
    for (const auto& e : validate_placement(check, today)) {
      if (e.field == "entry_date" && !entry) continue;
      if (e.field == "leaving_date" && (!leaving || !entry)) continue;
      show_app_error(st, fields, e.field, e.reason);
    }
    int status = 422;
    if (st.ok()) {
      p.entry_date = *entry;
      p.leaving_date = leaving;
      try {
        ctx.casework.add_placement(req.actor(), id, p, req.route_string());
        return Response::redirect(child_href(id));
      } catch (const Error& e) {
        if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
        show_app_error(st, fields, e.field, e.reason);
        status = status_for(e);
      }
    }
    return placement_form(req, ctx.casework.child(req.actor(), id, req.route_string()), status, st);
  });

  router.add(Method::Get, "/children/{id}/placements/{placement_id}/end", Access::Page, [&ctx](Request& req) {
    Target t = load(ctx, req);
    return end_form(req, t, 200, FormState{});
  });

  router.add(Method::Post, "/children/{id}/placements/{placement_id}/end", Access::Page, [&ctx](Request& req) {
    Target t = load(ctx, req);
    FormState st;
    st.take(req.form);
    auto fields = end_fields();
    auto leaving = read_date(st, "leaving_date", "the leaving date", true);
    int status = 422;
    if (leaving) {
      // The domain's checks first, so the form says what is wrong in its own words.
      Placement check = *t.placement;
      check.leaving_date = leaving;
      for (const auto& e : validate_placement(check, ctx.today()))
        if (e.field == "leaving_date") show_app_error(st, fields, e.field, e.reason);
    }
    if (st.ok()) {
      try {
        ctx.casework.end_placement(req.actor(), t.rec.child.id, t.placement->id, *leaving, req.route_string());
        return Response::redirect(child_href(t.rec.child.id));
      } catch (const Error& e) {
        if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
        show_app_error(st, fields, e.field, e.reason);
        status = status_for(e);
      }
    }
    return end_form(req, t, status, st);
  });
}

}  // namespace gt::web
