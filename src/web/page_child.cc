// Children pages: GET /children (the search form), POST /children/search (a name, UPN or date of
// birth is POSTed so it never goes in a URL; results table), GET /children/new and POST /children
// (create: every field checked, all problems shown at once, values kept), GET /children/{id} (the
// record: details, identifiers, SEN needs, placements, cases with stage and next deadline) and
// POST /children/{id}/cases (open a case, then 303 to it). The needs and placement forms are in
// page_needs.cc.
#include "domain/child.h"
#include "domain/codes.h"
#include "domain/identifiers.h"
#include "web/page_family.h"
#include "web/page_form.h"
#include "web/page_layout.h"
#include "web/page_needs.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

constexpr int kSearchLimit = 50;

Choices code_choices(const CodeList& list, std::string first) {
  Choices c{{"", std::move(first)}};
  for (const auto& code : list) c.emplace_back(std::string(code.code), std::string(code.label) + " (" + std::string(code.code) + ")");
  return c;
}

std::vector<Field> search_fields() {
  return {
      Field{Field::Kind::Text, "name", "Name", "Given name, family name or both", {}, "govuk-!-width-two-thirds", "off", "text", ""},
      Field{Field::Kind::Text, "upn", "Unique pupil number (UPN)", "", {}, "govuk-input--width-20", "off", "text", ""},
      Field{Field::Kind::Date, "date_of_birth", "Date of birth", "For example, 27 3 2012", {}, "", "", "text", ""},
  };
}

std::vector<Field> child_fields() {
  Choices sexes;
  for (const auto& c : gt::sexes()) sexes.emplace_back(std::string(c.code), std::string(c.label));
  return {
      Field{Field::Kind::Text, "given_name", "Given name", "", {}, "govuk-!-width-one-half", "off", "text", ""},
      Field{Field::Kind::Text, "family_name", "Family name", "", {}, "govuk-!-width-one-half", "off", "text", ""},
      Field{Field::Kind::Date, "date_of_birth", "Date of birth", "For example, 27 3 2012", {}, "", "", "text", ""},
      Field{Field::Kind::Radios, "sex", "Sex", "", sexes, "", "", "text", ""},
      Field{Field::Kind::Select, "ethnicity", "Ethnicity", "Use 'Information not yet obtained' if you do not know yet",
            code_choices(ethnicities(), "Choose ethnicity"), "", "", "text", ""},
      Field{Field::Kind::Text, "postcode", "Home postcode (optional)", "", {}, "govuk-input--width-10", "off", "text", ""},
      Field{Field::Kind::Text, "upn", "Unique pupil number (UPN)", "13 characters, for example A123456789012. Give a UPN or a ULN, or a reason below",
            {}, "govuk-input--width-20", "off", "text", ""},
      Field{Field::Kind::Text, "uln", "Unique learner number (ULN)", "10 digits, for young people in further education",
            {}, "govuk-input--width-10", "off", "text", ""},
      Field{Field::Kind::Select, "upn_unknown", "Reason there is no UPN or ULN", "Only if neither is known",
            code_choices(upn_unknown_reasons(), "Not applicable: a UPN or ULN is given"), "", "", "text", ""},
      Field{Field::Kind::Text, "nhs_number", "NHS number (optional)", "10 digits, for example 943 476 5919", {},
            "govuk-input--width-10", "off", "text", ""},
  };
}

std::string full_name(const Child& c) { return c.given_name + " " + c.family_name; }

Data child_rows(const std::vector<Child>& children) {
  std::vector<Data> rows;
  for (const auto& c : children) {
    Data r;
    r.set("href", "/children/" + std::to_string(c.id));
    r.set("name", full_name(c));
    r.set("dob", long_date(c.date_of_birth));
    r.set("upn", c.upn.empty() ? (c.uln.empty() ? "None" : "ULN " + c.uln) : c.upn);
    rows.push_back(r);
  }
  return list_of(rows);
}

Response search_page(const Request& req, int status, FormState st, std::optional<app::ChildPage> results) {
  st.order_by(search_fields());
  Data body;
  body.set("fields", fields_data(search_fields(), st));
  if (results) {
    Data r;
    r.set("rows", child_rows(results->children));
    r.set("total", std::to_string(results->total));
    r.set("more", results->total > static_cast<int>(results->children.size()));
    r.set("shown", std::to_string(results->children.size()));
    body.set("results", r);
  } else {
    body.set("results", false);
  }
  return page(req, status, PageFrame{"Find a child or young person", "children", st.summary}, "children_search", body);
}

Response new_child_page(const Request& req, int status, FormState st) {
  st.order_by(child_fields());
  Data body;
  body.set("fields", fields_data(child_fields(), st));
  return page(req, status, PageFrame{"Add a child or young person", "children", st.summary}, "child_new", body);
}

void field_error(FormState& st, const std::vector<Field>& fields, const std::string& field, const std::string& reason) {
  const Field* f = find_field(fields, field);
  std::string a = f ? anchor(*f) : anchor(fields.front());
  st.fail(f ? field : fields.front().name, a, capitalise(reason));
}

Response child_page(const Request& req, Context& ctx, std::int64_t id, int status, const std::vector<PageError>& errors) {
  app::ChildRecord rec = ctx.casework.child(req.actor(), id, req.route_string());
  const Child& c = rec.child;
  Data body;
  body.set("id", std::to_string(c.id));
  body.set("name", full_name(c));
  std::vector<Data> details;
  auto row = [&](const std::string& k, const std::string& v) {
    Data d;
    d.set("key", k);
    d.set("value", v.empty() ? "Not recorded" : v);
    details.push_back(d);
  };
  row("Given name", c.given_name);
  row("Family name", c.family_name);
  row("Date of birth", long_date(c.date_of_birth) + " (age " + std::to_string(age_on(c.date_of_birth, ctx.today())) + ")");
  row("Sex", std::string(sexes().label(c.sex)));
  row("Ethnicity", ethnicities().contains(c.ethnicity) ? std::string(ethnicities().label(c.ethnicity)) : c.ethnicity);
  row("Home postcode", c.postcode);
  body.set("details", list_of(details));
  details.clear();
  row("Unique pupil number (UPN)", c.upn);
  row("Unique learner number (ULN)", c.uln);
  if (!c.upn_unknown.empty()) row("Reason no UPN or ULN", std::string(upn_unknown_reasons().label(c.upn_unknown)));
  row("NHS number", c.nhs_number.empty() ? "" : format_nhs_number(c.nhs_number));
  body.set("identifiers", list_of(details));
  needs_and_placements_data(body, rec);
  all_about_me_data(body, ctx.app.family.all_about_me(req.actor(), id, req.route_string()));
  const std::string child_base = "/children/" + std::to_string(c.id);
  body.set("messages_href", child_base + "/messages");
  body.set("sharing_href", child_base + "/sharing");
  body.set("family_href", child_base + "/family");

  std::vector<Data> cases;
  bool open = false;
  for (const auto& cs : rec.cases) {
    Data d;
    d.set("href", "/cases/" + std::to_string(cs.id));
    d.set("case_id", std::to_string(cs.id));
    auto st = parse_stage(cs.stage);
    d.set("stage", st ? std::string(stage_label(*st)) : cs.stage);
    if (st != Stage::Closed) open = true;
    d.set("opened", long_date_or(cs.opened_at.substr(0, 10)));
    if (cs.next_due) {
      Data n;
      n.set("rule", cs.next_rule.value_or(""));
      n.set("summary", rule_summary(cs.next_rule.value_or("")));
      n.set("due", long_date_or(*cs.next_due));
      Tag t = Date::parse(*cs.next_due) ? due_tag(*Date::parse(*cs.next_due), ctx.today()) : Tag{"", ""};
      put(n, "tag_text", t.text);
      n.set("tag_css", t.css);
      d.set("next", n);
    } else {
      d.set("next", false);
    }
    put(d, "caseworker", cs.caseworker_name);
    cases.push_back(d);
  }
  body.set("cases", list_of(cases));
  body.set("can_open", !open);
  Choices staff{{"", "Not assigned yet"}};
  for (const auto& a : ctx.accounts.staff()) staff.emplace_back(std::to_string(a.user_id), a.name);
  FormState st;
  st.set("caseworker", std::to_string(req.actor().user_id));
  body.set("fields", fields_data({Field{Field::Kind::Select, "caseworker", "Caseworker", "", staff, "", "", "text", ""}}, st));
  return page(req, status, PageFrame{full_name(c), "children", errors}, "child", body);
}

}  // namespace

void register_children_pages(Router& router, Context& ctx) {
  router.add(Method::Get, "/children", Access::Page,
             [](Request& req) { return search_page(req, 200, FormState{}, std::nullopt); });

  router.add(Method::Post, "/children/search", Access::Page, [&ctx](Request& req) {
    FormState st;
    st.take(req.form);
    app::ChildQuery q;
    q.name = st.value("name");
    q.upn = st.value("upn");
    if (auto d = read_date(st, "date_of_birth", "the date of birth", false)) q.date_of_birth = d->to_string();
    if (st.ok() && q.name.empty() && q.upn.empty() && q.date_of_birth.empty())
      st.fail("name", "name", "Enter a name, a UPN or a date of birth to search for");
    if (!st.ok()) return search_page(req, 422, st, std::nullopt);
    q.per_page = kSearchLimit;
    try {
      auto found = ctx.casework.search_children(req.actor(), q, req.route_string());
      return search_page(req, 200, st, found);
    } catch (const app::Error& e) {
      if (e.kind == app::Error::Kind::NotFound) throw;
      field_error(st, search_fields(), e.field, e.reason);
      return search_page(req, 422, st, std::nullopt);
    }
  });

  router.add(Method::Get, "/children/new", Access::Page,
             [](Request& req) { return new_child_page(req, 200, FormState{}); });

  router.add(Method::Post, "/children", Access::Page, [&ctx](Request& req) {
    FormState st;
    st.take(req.form);
    auto fields = child_fields();
    Child c;
    c.given_name = st.value("given_name");
    c.family_name = st.value("family_name");
    auto dob = read_date(st, "date_of_birth", "the date of birth", true);
    c.sex = st.value("sex");
    c.ethnicity = st.value("ethnicity");
    c.postcode = st.value("postcode");
    c.upn = st.value("upn");
    c.uln = st.value("uln");
    c.nhs_number = st.value("nhs_number");
    c.upn_unknown = st.value("upn_unknown");
    // Every problem at once: the domain's full list (the app layer checks again and reports the first).
    Child check = c;
    check.date_of_birth = dob.value_or(ctx.today());
    for (const auto& e : validate_child(check, ctx.today()))
      if (e.field != "date_of_birth" || dob) field_error(st, fields, e.field, e.reason);
    if (!st.ok()) return new_child_page(req, 422, st);
    c.date_of_birth = *dob;
    try {
      Child made = ctx.casework.create_child(req.actor(), c, req.route_string());
      return Response::redirect("/children/" + std::to_string(made.id));
    } catch (const app::Error& e) {
      if (e.kind == app::Error::Kind::NotFound || e.kind == app::Error::Kind::Forbidden) throw;
      field_error(st, fields, e.field, e.reason);
      return new_child_page(req, 422, st);
    }
  });

  router.add(Method::Get, "/children/{id}", Access::Page, [&ctx](Request& req) {
    auto id = req.id_param("id");
    if (!id) throw app::Error(app::Error::Kind::NotFound, "id", "There is no child or young person at this address.");
    return child_page(req, ctx, *id, 200, {});
  });

  router.add(Method::Post, "/children/{id}/cases", Access::Page, [&ctx](Request& req) {
    auto id = req.id_param("id");
    if (!id) throw app::Error(app::Error::Kind::NotFound, "id", "There is no child or young person at this address.");
    std::optional<std::int64_t> caseworker;
    if (auto v = req.form.value("caseworker"); !v.empty()) {
      try {
        caseworker = std::stoll(v);
      } catch (const std::exception&) {
        return child_page(req, ctx, *id, 422, {PageError{"#caseworker", "Select a caseworker from the list"}});
      }
    }
    try {
      auto view = ctx.casework.open_case(req.actor(), *id, caseworker, req.route_string());
      return Response::redirect("/cases/" + std::to_string(view.summary.id));
    } catch (const app::Error& e) {
      if (e.kind == app::Error::Kind::NotFound) throw;
      int status = e.kind == app::Error::Kind::Conflict ? 409 : 422;
      return child_page(req, ctx, *id, status, {PageError{"#caseworker", capitalise(e.reason)}});
    }
  });
}

}  // namespace gt::web
