// Plan editor: the council writes the working version of a plan one section at a time, without
// JavaScript.
//   GET      /cases/{id}/plan/sections/{section}              a section (A..K): its elements as the
//            plan reads them, each with "Change" and "Remove", and "Add"
//   GET/POST /cases/{id}/plan/sections/{section}/new          add an element to the section
//   GET/POST /cases/{id}/plan/elements/{element}              change an element ("F-3"; "I" is the placement)
//   POST     /cases/{id}/plan/elements/{element}/remove       remove an element (links to it go too)
// What this promises:
//  - Every page shows the checks of the golden thread ("Checks of the golden thread", each linking
//    to the element's page) so the writer sees them as they work.
//  - Every form posts the version's `revision` (hidden). A change is applied to the latest saved
//    version; if someone else saved since the form was opened the answer is 409 with the typed
//    input kept and the new revision in the form, so saving again applies it on top of theirs.
//  - Problems with the input: 422, the GOV.UK error summary linking to each field, the input kept;
//    nothing written. Success: 303 to the section, at the element.
//  - The path is checked before the input (a section or element not in the plan is 404).
#include <algorithm>
#include <cctype>
#include <set>

#include "app/errors.h"
#include "domain/codes.h"
#include "web/api_error.h"
#include "web/page_event_fields.h"
#include "web/page_form.h"
#include "web/page_plan_parts.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Error;
using Kind = app::Error::Kind;

enum class ElementKind { Paragraph, Need, Outcome, Provision, Placement, Advice };

ElementKind kind_of(PlanSection s) {
  switch (s) {
    case PlanSection::A:
    case PlanSection::J: return ElementKind::Paragraph;
    case PlanSection::B:
    case PlanSection::C:
    case PlanSection::D: return ElementKind::Need;
    case PlanSection::E: return ElementKind::Outcome;
    case PlanSection::I: return ElementKind::Placement;
    case PlanSection::K: return ElementKind::Advice;
    default: return ElementKind::Provision;
  }
}

// "a " or "an " before a noun (by its first letter: our nouns have no silent h or long u).
std::string article(const std::string& noun) {
  return !noun.empty() && std::string("aeiou").find(noun[0]) != std::string::npos ? "an " : "a ";
}

std::string noun(PlanSection s) {
  switch (kind_of(s)) {
    case ElementKind::Paragraph: return s == PlanSection::A ? "view" : "paragraph";
    case ElementKind::Need: return "need";
    case ElementKind::Outcome: return "outcome";
    case ElementKind::Provision: return "provision line";
    case ElementKind::Placement: return "placement";
    case ElementKind::Advice: return "piece of advice";
  }
  return "element";
}

std::int64_t case_of(const Request& req) {
  auto id = req.id_param("id");
  if (!id) throw Error(Kind::NotFound, "id", "There is no case at this address.");
  return *id;
}

PlanSection section_of(const Request& req) {
  auto s = parse_plan_section(req.param("section"));
  if (!s) throw Error(Kind::NotFound, "section", "There is no such section of a plan.");
  return *s;
}

bool has_element(const Plan& p, const std::string& id) {
  if (id == "I") return true;
  for (const auto& l : plan_lines(p))
    if (l.id == id) return true;
  for (const auto& v : p.views) if (v.id == id) return true;
  for (const auto& j : p.personal_budget) if (j.id == id) return true;
  return false;
}

// The element named in the path, in the latest working version (404 if not there).
std::string element_of(const Request& req, const Plan& plan) {
  std::string id(req.param("element"));
  if (id != "I" && (!section_of_id(id) || !has_element(plan, id)))
    throw Error(Kind::NotFound, "element", "There is no such part in this plan.");
  return id;
}

PlanSection section_of_element(const std::string& id) { return id == "I" ? PlanSection::I : *section_of_id(id); }

// --- the fields of each kind of element ----------------------------------------------------------

struct CheckGroup {
  std::string name;
  std::string legend;
  std::string hint;
  Choices options;
  std::set<std::string> checked;
};

Choices org_choices(const std::vector<store::OrganisationRow>& orgs) {
  Choices c{{"0", "The setting named in section I"}};
  for (const auto& o : orgs) c.emplace_back(std::to_string(o.id), o.name);
  return c;
}

Choices per_choices() {
  Choices c{{"none", "Not stated"}};
  for (auto p : {FrequencyPer::Day, FrequencyPer::Week, FrequencyPer::Fortnight, FrequencyPer::HalfTerm,
                 FrequencyPer::Term, FrequencyPer::Year})
    c.emplace_back(std::string(frequency_per_name(p)), capitalise(std::string(frequency_per_label(p))));
  return c;
}

std::string short_text(const std::string& s) { return s.size() > 90 ? s.substr(0, 87) + "..." : s; }

std::vector<Field> fields_for(PlanSection s, const std::vector<store::OrganisationRow>& orgs) {
  using K = Field::Kind;
  switch (kind_of(s)) {
    case ElementKind::Paragraph:
      return {Field{K::Text, "heading", "Heading (optional)",
                    s == PlanSection::A ? "For example, My aspirations, What people like and admire about me" : "",
                    {}, "govuk-!-width-two-thirds", "off", "text", ""},
              Field{K::Textarea, "text", s == PlanSection::A ? "What the child, young person or family said" : "The personal budget",
                    s == PlanSection::A ? "In their words, in the first person where they wish" :
                                          "What it is for, how much and how it is managed (a direct payment or an arrangement)",
                    {}, "", "", "text", ""}};
    case ElementKind::Need: {
      std::vector<Field> f{Field{K::Textarea, "text", "The need",
                                 "What the child or young person finds difficult, specifically: what the advice found",
                                 {}, "", "", "text", ""}};
      if (s == PlanSection::B) {
        f.push_back(Field{K::Select, "sen_type", "Type of special educational need", "As SEN2 records it",
                          {{"", "Choose the type of need"}}, "", "", "text", ""});
        Choices areas{{"", "The area the type of need belongs to"}};
        for (const auto& a : broad_areas()) areas.emplace_back(std::string(a.code), std::string(a.label));
        f.push_back(Field{K::Select, "broad_area", "Broad area of need (optional)",
                          "Code of Practice 6.28. Left as it is, the area of the type of need is used", areas, "", "",
                          "text", ""});
      }
      return f;
    }
    case ElementKind::Outcome:
      return {Field{K::Textarea, "text", "The outcome",
                    "What the child or young person will be able to do: specific and measurable", {}, "", "", "text", ""},
              Field{K::Date, "by", "Achieved by",
                    "The time frame, usually the end of a phase or key stage. For example, 20 7 2028", {}, "", "", "text", ""},
              Field{K::Textarea, "steps", "Steps towards it (optional)", "Short-term targets on the way", {}, "", "",
                    "text", ""},
              Field{K::Checkbox, "needs", "The needs it addresses", "", {}, "", "", "text", ""}};
    case ElementKind::Provision:
      return {Field{K::Textarea, "what", "What the provision is",
                    "Specific and quantified (Code of Practice 9.69): not \"access to\", \"regular\" or \"as required\"",
                    {}, "", "", "text", ""},
              Field{K::Text, "delivered_by", "Delivered by", "The role, for example speech and language therapist", {},
                    "govuk-!-width-two-thirds", "off", "text", ""},
              Field{K::Text, "qualification", "Their qualification (optional)", "For example, HCPC registered", {},
                    "govuk-!-width-two-thirds", "off", "text", ""},
              Field{K::Text, "provider", "Arranged by (optional)", "For example, the school, NHS community therapy", {},
                    "govuk-!-width-two-thirds", "off", "text", ""},
              Field{K::Select, "provider_organisation_id", "Organisation that records its delivery",
                    "The setting in section I unless another organisation provides it", org_choices(orgs), "", "", "text",
                    ""},
              Field{K::Text, "sessions", "Number of sessions", "How many sessions in each period, for example 2", {},
                    "govuk-input--width-3", "off", "text", ""},
              Field{K::Select, "per", "Each", "The period the sessions are in", per_choices(), "", "", "text", ""},
              Field{K::Text, "minutes", "Minutes a session", "For example, 30", {}, "govuk-input--width-3", "off", "text", ""},
              Field{K::Text, "group_size", "Group size", "1 for one to one; leave empty if not stated", {},
                    "govuk-input--width-3", "off", "text", ""},
              Field{K::Date, "from", "From (optional)", "For example, 1 9 2026", {}, "", "", "text", ""},
              Field{K::Date, "until", "Until (optional)", "Leave empty for until the plan is reviewed", {}, "", "", "text", ""},
              Field{K::Checkbox, "outcomes", "The outcomes it works towards", "", {}, "", "", "text", ""}};
    case ElementKind::Placement:
      return {Field{K::Text, "name", "School, college or type of setting", "", {}, "govuk-!-width-two-thirds", "off", "text", ""},
              Field{K::Text, "urn", "Unique reference number (URN, optional)", "6 digits", {}, "govuk-input--width-10", "off",
                    "text", ""},
              Field{K::Text, "kind", "Kind of setting (optional)", "For example, mainstream, resourced provision", {},
                    "govuk-!-width-two-thirds", "off", "text", ""},
              Field{K::Textarea, "notes", "Notes (optional)", "", {}, "", "", "text", ""}};
    case ElementKind::Advice:
      return {Field{K::Text, "title", "Title of the advice", "For example, Educational psychology advice", {},
                    "govuk-!-width-two-thirds", "off", "text", ""},
              Field{K::Text, "from", "From", "The service or organisation", {}, "govuk-!-width-two-thirds", "off", "text", ""},
              Field{K::Text, "author", "Author (optional)", "Name and role", {}, "govuk-!-width-two-thirds", "off", "text", ""},
              Field{K::Date, "date", "Date of the advice (optional)", "For example, 3 11 2026", {}, "", "", "text", ""}};
  }
  return {};
}

CheckGroup check_group(const Field& f, const Plan& plan, const std::set<std::string>& checked) {
  CheckGroup g{f.name, f.label, "", {}, checked};
  if (f.name == "needs") {
    g.hint = "Needs in sections B, C and D. Select all that apply";
    for (const auto& n : plan.needs) g.options.emplace_back(n.id, n.id + ": " + short_text(n.text));
  } else {
    g.hint = "Outcomes in section E. Select all that apply";
    for (const auto& o : plan.outcomes) g.options.emplace_back(o.id, o.id + ": " + short_text(o.text));
  }
  return g;
}

std::vector<OptionGroup> sen_type_groups() {
  std::vector<OptionGroup> groups;
  for (const auto& area : broad_areas()) {
    OptionGroup g{std::string(area.label), {}};
    for (const auto& t : plan_sen_types())
      if (broad_area_of(t.code) == area.code) g.options.emplace_back(std::string(t.code), std::string(t.label));
    groups.push_back(std::move(g));
  }
  OptionGroup other{"Not in one of the four broad areas", {}};
  for (const auto& t : plan_sen_types())
    if (broad_area_of(t.code).empty()) other.options.emplace_back(std::string(t.code), std::string(t.label));
  if (!other.options.empty()) groups.push_back(std::move(other));
  return groups;
}

// Blocks of fields for plan_element.mustache: plain fields through form_fields, checkbox groups here.
Data blocks_data(const std::vector<Field>& fields, const FormState& st, const Plan& plan,
                 const std::map<std::string, std::set<std::string>>& checked) {
  std::vector<Data> blocks;
  Data plain{Data::type::list};
  auto flush = [&] {
    if (plain.list_value().empty()) return;
    Data b;
    Data holder;
    holder.set("fields", plain);
    b.set("plain", holder);
    b.set("group", false);
    blocks.push_back(b);
    plain = Data{Data::type::list};
  };
  for (const auto& f : fields) {
    if (f.kind == Field::Kind::Checkbox) {
      flush();
      auto it = checked.find(f.name);
      CheckGroup g = check_group(f, plan, it == checked.end() ? std::set<std::string>{} : it->second);
      Data d;
      d.set("name", g.name);
      d.set("id", g.name);
      d.set("legend", g.legend);
      d.set("hint", g.hint);
      auto err = st.field_errors.find(g.name);
      put(d, "error", err == st.field_errors.end() ? "" : err->second);
      std::string describedby = g.name + "-hint";
      if (err != st.field_errors.end()) describedby += " " + g.name + "-error";
      d.set("describedby", describedby);
      std::vector<Data> opts;
      int i = 0;
      for (const auto& [v, l] : g.options) {
        Data o;
        o.set("option_id", i == 0 ? g.name : g.name + "-" + std::to_string(i + 1));
        o.set("option_value", v);
        o.set("option_text", l);
        o.set("checked", g.checked.count(v) > 0);
        opts.push_back(std::move(o));
        ++i;
      }
      d.set("empty", opts.empty());
      d.set("options", list_of(std::move(opts)));
      Data b;
      b.set("plain", false);
      b.set("group", d);
      blocks.push_back(b);
      continue;
    }
    if (f.name == "sen_type") plain.push_back(grouped_select_data(f, sen_type_groups(), st));
    else plain.push_back(fields_data({f}, st).list_value().front());
  }
  flush();
  return list_of(std::move(blocks));
}

// --- reading a form into an element ----------------------------------------------------------------

std::optional<int> read_count(FormState& st, const std::string& name, const std::string& what) {
  std::string v = st.value(name);
  v.erase(0, v.find_first_not_of(" \t"));
  v.erase(v.find_last_not_of(" \t") + 1);
  if (v.empty()) return 0;
  if (v.size() > 6 || !std::all_of(v.begin(), v.end(), [](unsigned char ch) { return std::isdigit(ch) != 0; })) {
    st.fail(name, name, capitalise(what) + " must be a whole number, like 2");
    return std::nullopt;
  }
  return std::stoi(v);
}

std::vector<std::string> checked_list(const Request& req, const std::string& name) {
  std::vector<std::string> out;
  for (auto v : req.form.all(name))
    if (std::find(out.begin(), out.end(), v) == out.end()) out.emplace_back(v);
  return out;
}

// Puts the form's values into `plan` as element `id` of section `s` (added when new). Form-level
// problems (numbers, dates) go on `st`.
void apply_form(const Request& req, FormState& st, Plan& plan, PlanSection s, const std::string& id, bool is_new) {
  switch (kind_of(s)) {
    case ElementKind::Paragraph: {
      auto& list = s == PlanSection::A ? plan.views : plan.personal_budget;
      PlanParagraph p{id, st.value("heading"), st.value("text")};
      if (is_new) list.push_back(p);
      else for (auto& x : list) if (x.id == id) x = p;
      break;
    }
    case ElementKind::Need: {
      PlanNeed n{id, s, st.value("text"), "", ""};
      if (s == PlanSection::B) {
        n.sen_type = st.value("sen_type");
        n.broad_area = st.value("broad_area");
      }
      if (is_new) plan.needs.push_back(n);
      else for (auto& x : plan.needs) if (x.id == id) x = n;
      break;
    }
    case ElementKind::Outcome: {
      PlanOutcome o;
      o.id = id;
      o.text = st.value("text");
      o.by = read_date(st, "by", "the date by which it should be achieved", false);
      o.steps = st.value("steps");
      o.needs = checked_list(req, "needs");
      if (is_new) plan.outcomes.push_back(o);
      else for (auto& x : plan.outcomes) if (x.id == id) x = o;
      break;
    }
    case ElementKind::Provision: {
      PlanProvision f;
      f.id = id;
      f.section = s;
      f.what = st.value("what");
      f.delivered_by = st.value("delivered_by");
      f.qualification = st.value("qualification");
      f.provider = st.value("provider");
      std::string org = st.value("provider_organisation_id");
      if (org.empty() || org == "0") {
        f.provider_organisation_id = 0;
      } else if (org.size() < 16 && std::all_of(org.begin(), org.end(), [](unsigned char ch) { return std::isdigit(ch) != 0; })) {
        f.provider_organisation_id = std::stoll(org);
      } else {
        st.fail("provider_organisation_id", "provider_organisation_id", "Select an organisation from the list");
      }
      f.sessions = read_count(st, "sessions", "the number of sessions").value_or(0);
      auto per = parse_frequency_per(st.value("per").empty() ? "none" : st.value("per"));
      if (!per) st.fail("per", "per", "Select how often: a day, a week, a fortnight, each half term, a term or a year");
      f.per = per.value_or(FrequencyPer::None);
      f.minutes = read_count(st, "minutes", "minutes a session").value_or(0);
      f.group_size = read_count(st, "group_size", "the group size").value_or(0);
      f.from = read_date(st, "from", "the start date", false);
      f.until = read_date(st, "until", "the end date", false);
      f.outcomes = checked_list(req, "outcomes");
      if (is_new) plan.provision.push_back(f);
      else for (auto& x : plan.provision) if (x.id == id) x = f;
      break;
    }
    case ElementKind::Placement:
      plan.placement = {st.value("name"), st.value("urn"), st.value("kind"), st.value("notes")};
      break;
    case ElementKind::Advice: {
      PlanAdvice k{id, st.value("from"), st.value("author"), read_date(st, "date", "the date of the advice", false),
                   st.value("title")};
      if (is_new) plan.advice.push_back(k);
      else for (auto& x : plan.advice) if (x.id == id) x = k;
      break;
    }
  }
}

// Fills a form with an element's values.
void fill_form(FormState& st, std::map<std::string, std::set<std::string>>& checked, const Plan& plan,
               const std::string& id) {
  auto date = [&](const std::string& name, const std::optional<Date>& d) { if (d) st.set_date(name, *d); };
  auto num = [&](const std::string& name, int n) { st.set(name, n ? std::to_string(n) : std::string()); };
  if (id == "I") {
    st.set("name", plan.placement.name);
    st.set("urn", plan.placement.urn);
    st.set("kind", plan.placement.kind);
    st.set("notes", plan.placement.notes);
    return;
  }
  for (const auto* list : {&plan.views, &plan.personal_budget})
    for (const auto& p : *list)
      if (p.id == id) {
        st.set("heading", p.heading);
        st.set("text", p.text);
      }
  if (auto* n = find_need(plan, id)) {
    st.set("text", n->text);
    st.set("sen_type", n->sen_type);
    st.set("broad_area", n->broad_area);
  }
  if (auto* o = find_outcome(plan, id)) {
    st.set("text", o->text);
    date("by", o->by);
    st.set("steps", o->steps);
    checked["needs"] = {o->needs.begin(), o->needs.end()};
  }
  if (auto* f = find_provision(plan, id)) {
    st.set("what", f->what);
    st.set("delivered_by", f->delivered_by);
    st.set("qualification", f->qualification);
    st.set("provider", f->provider);
    st.set("provider_organisation_id", std::to_string(f->provider_organisation_id));
    num("sessions", f->sessions);
    st.set("per", std::string(frequency_per_name(f->per)));
    num("minutes", f->minutes);
    num("group_size", f->group_size);
    date("from", f->from);
    date("until", f->until);
    checked["outcomes"] = {f->outcomes.begin(), f->outcomes.end()};
  }
  for (const auto& k : plan.advice)
    if (k.id == id) {
      st.set("from", k.from);
      st.set("author", k.author);
      st.set("title", k.title);
      date("date", k.date);
    }
}

// Removes an element and every link to it.
void remove_element(Plan& p, const std::string& id) {
  if (id == "I") {
    p.placement = {};
    return;
  }
  auto drop = [&](auto& v) { v.erase(std::remove_if(v.begin(), v.end(), [&](const auto& e) { return e.id == id; }), v.end()); };
  drop(p.views);
  drop(p.needs);
  drop(p.outcomes);
  drop(p.provision);
  drop(p.personal_budget);
  drop(p.advice);
  auto unlink = [&](std::vector<std::string>& links) { links.erase(std::remove(links.begin(), links.end(), id), links.end()); };
  for (auto& o : p.outcomes) unlink(o.needs);
  for (auto& f : p.provision) unlink(f.outcomes);
}

// --- pages ---------------------------------------------------------------------------------------

Data section_nav(std::int64_t case_id, PlanSection current) {
  std::vector<Data> items;
  for (auto s : all_plan_sections()) {
    Data d;
    d.set("href", section_href(case_id, s));
    d.set("text", section_heading(s));
    d.set("current", s == current);
    items.push_back(std::move(d));
  }
  return list_of(std::move(items));
}

void frame_data(Data& body, const app::PlanVersionView& w, PlanSection s) {
  body.set("child_name", w.child_name);
  body.set("plan_href", plan_href(w.case_id));
  body.set("read_href", version_href(w.row.id));
  body.set("issue_href", plan_href(w.case_id) + "/issue");
  body.set("section_href", section_href(w.case_id, s));
  body.set("section_heading", section_heading(s));
  body.set("section_question", std::string(plan_section_question(s)));
  body.set("nav", section_nav(w.case_id, s));
  body.set("findings", findings_data(w.findings, w.case_id));
  body.set("has_findings", !w.findings.empty());
  body.set("findings_count", w.findings.size() == 1 ? std::string("1 thing to check")
                                                    : std::to_string(w.findings.size()) + " things to check");
  body.set("revision", std::to_string(w.row.revision));
}

Response section_page(Context& ctx, const Request& req, const app::PlanVersionView& w, PlanSection s, int status,
                      const std::vector<PageError>& errors = {}) {
  Data body;
  frame_data(body, w, s);
  std::vector<Data> items;
  for (const auto& l : plan_lines(w.plan)) {
    if (l.section != s) continue;
    Data d;
    d.set("id", l.id);
    d.set("anchor", "element-" + l.id);
    d.set("text", l.text);
    d.set("change_href", element_href(w.case_id, l.id));
    d.set("remove_action", element_href(w.case_id, l.id) + "/remove");
    std::vector<Data> mine;
    for (const auto& f : w.findings)
      if (f.element_id == l.id) {
        Data m;
        m.set("message", f.message);
        mine.push_back(std::move(m));
      }
    d.set("has_findings", !mine.empty());
    d.set("element_findings", list_of(std::move(mine)));
    items.push_back(std::move(d));
  }
  body.set("has_elements", !items.empty());
  body.set("elements", list_of(std::move(items)));
  body.set("noun", noun(s));
  body.set("a_noun", article(noun(s)) + noun(s));
  body.set("is_placement", s == PlanSection::I);
  body.set("add_href", s == PlanSection::I ? element_href(w.case_id, "I") : section_href(w.case_id, s) + "/new");
  (void)ctx;
  return page(req, status, PageFrame{section_heading(s), "caseload", errors}, "plan_section", body);
}

struct ElementForm {
  PlanSection section = PlanSection::A;
  std::string id;  // empty when adding
  FormState st;
  std::map<std::string, std::set<std::string>> checked;
};

Response element_page(Context& ctx, const Request& req, const app::PlanVersionView& w, ElementForm& f, int status) {
  auto fields = fields_for(f.section, ctx.app.plans.provider_organisations(req.actor(), w.case_id));
  f.st.order_by(fields);
  Data body;
  frame_data(body, w, f.section);
  if (f.st.values.count("revision")) body.set("revision", f.st.value("revision"));
  bool adding = f.id.empty();
  std::string heading = adding ? "Add " + article(noun(f.section)) + noun(f.section) + " to section " + std::string(plan_section_code(f.section))
                               : f.id == "I" ? std::string("Change the placement (section I)") : "Change " + f.id;
  body.set("heading", heading);
  body.set("action", adding ? section_href(w.case_id, f.section) + "/new" : element_href(w.case_id, f.id));
  body.set("button", adding ? "Add the " + noun(f.section) : f.id == "I" ? std::string("Save the placement") : "Save " + f.id);
  body.set("blocks", blocks_data(fields, f.st, w.plan, f.checked));
  return page(req, status, PageFrame{heading, "caseload", f.st.summary}, "plan_element", body);
}

std::string field_of(const std::string& app_field, const std::string& id) {
  // validate_plan names "<id>.<field>" ("F-3.minutes", "I.urn").
  std::string prefix = id + ".";
  if (app_field.rfind(prefix, 0) == 0) return app_field.substr(prefix.size());
  return "";
}

// Saves the form: 303 on success; otherwise the page again with 422 or 409.
Response save_element(Context& ctx, const Request& req, ElementForm& f, app::PlanVersionView w) {
  f.st.take(req.form);
  for (const char* g : {"needs", "outcomes"})
    for (auto v : req.form.all(g)) f.checked[g].insert(std::string(v));
  auto fields = fields_for(f.section, ctx.app.plans.provider_organisations(req.actor(), w.case_id));
  std::string rev_text = f.st.value("revision");
  int revision = 0;
  if (!rev_text.empty() && rev_text.size() < 10 && std::all_of(rev_text.begin(), rev_text.end(), [](unsigned char ch) { return std::isdigit(ch) != 0; }))
    revision = std::stoi(rev_text);

  Plan plan = w.plan;
  std::string id = f.id.empty() ? next_element_id(plan, f.section) : f.id;
  apply_form(req, f.st, plan, f.section, id, f.id.empty());
  // Every problem with this element at once (the app layer checks again and reports the first).
  Plan check = plan;
  for (const auto& e : validate_plan(check)) {
    std::string field = field_of(e.field, id);
    if (field == "section" || field == "id" || field.empty()) field = fields.front().name;
    if (field == "broad_area" && f.section != PlanSection::B) field = fields.front().name;
    if (!find_field(fields, field)) field = fields.front().name;
    show_app_error(f.st, fields, field, e.reason);
  }
  if (!f.st.ok()) return element_page(ctx, req, w, f, 422);
  auto conflict = [&](const std::string& reason) {
    // Keep what they typed; the form now carries the latest revision so saving again applies it
    // on top of the other person's changes.
    auto latest = ctx.app.plans.working(req.actor(), w.case_id, req.route_string());
    f.st.set("revision", std::to_string(latest.row.revision));
    const Field& first = fields.front();
    f.st.fail(first.name, anchor(first), reason);
    if (!f.id.empty() && !has_element(latest.plan, f.id))
      throw Error(Kind::NotFound, "element", "Someone else has removed this part of the plan.");
    return element_page(ctx, req, latest, f, 409);
  };
  const std::string conflict_text =
      "Someone else saved this plan since you opened this page. Your changes have not been saved yet: they are "
      "still in the form. Check the section, then save again";
  if (revision != w.row.revision) return conflict(conflict_text);
  try {
    ctx.app.plans.save(req.actor(), w.case_id, revision, plan, req.route_string());
  } catch (const Error& e) {
    if (e.kind == Kind::Conflict) return conflict(conflict_text);
    if (e.kind != Kind::Unprocessable) throw;
    std::string field = field_of(e.field, id);
    if (!find_field(fields, field)) field = fields.front().name;
    show_app_error(f.st, fields, field, e.reason);
    return element_page(ctx, req, w, f, 422);
  }
  return Response::redirect(section_href(w.case_id, f.section) + "#element-" + id);
}

}  // namespace

void register_plan_editor(Router& router, Context& ctx) {
  router.add(Method::Get, "/cases/{id}/plan/sections/{section}", Access::Page, [&ctx](Request& req) {
    std::int64_t id = case_of(req);
    PlanSection s = section_of(req);
    auto w = ctx.app.plans.working(req.actor(), id, req.route_string());
    return section_page(ctx, req, w, s, 200);
  });

  router.add(Method::Get, "/cases/{id}/plan/sections/{section}/new", Access::Page, [&ctx](Request& req) {
    std::int64_t id = case_of(req);
    PlanSection s = section_of(req);
    auto w = ctx.app.plans.working(req.actor(), id, req.route_string());
    if (s == PlanSection::I) return Response::redirect(element_href(id, "I"));
    ElementForm f;
    f.section = s;
    if (s == PlanSection::F || s == PlanSection::G || s == PlanSection::H1 || s == PlanSection::H2) {
      f.st.set("per", "week");
      f.st.set("provider_organisation_id", "0");
    }
    return element_page(ctx, req, w, f, 200);
  });

  router.add(Method::Post, "/cases/{id}/plan/sections/{section}/new", Access::Page, [&ctx](Request& req) {
    std::int64_t id = case_of(req);
    PlanSection s = section_of(req);
    auto w = ctx.app.plans.working(req.actor(), id, req.route_string());
    if (s == PlanSection::I) throw Error(Kind::NotFound, "section", "The placement is changed, not added.");
    ElementForm f;
    f.section = s;
    return save_element(ctx, req, f, w);
  });

  router.add(Method::Get, "/cases/{id}/plan/elements/{element}", Access::Page, [&ctx](Request& req) {
    std::int64_t id = case_of(req);
    auto w = ctx.app.plans.working(req.actor(), id, req.route_string());
    ElementForm f;
    f.id = element_of(req, w.plan);
    f.section = section_of_element(f.id);
    fill_form(f.st, f.checked, w.plan, f.id);
    return element_page(ctx, req, w, f, 200);
  });

  router.add(Method::Post, "/cases/{id}/plan/elements/{element}", Access::Page, [&ctx](Request& req) {
    std::int64_t id = case_of(req);
    auto w = ctx.app.plans.working(req.actor(), id, req.route_string());
    ElementForm f;
    f.id = element_of(req, w.plan);
    f.section = section_of_element(f.id);
    return save_element(ctx, req, f, w);
  });

  router.add(Method::Post, "/cases/{id}/plan/elements/{element}/remove", Access::Page, [&ctx](Request& req) {
    std::int64_t id = case_of(req);
    auto w = ctx.app.plans.working(req.actor(), id, req.route_string());
    std::string element = element_of(req, w.plan);
    PlanSection s = section_of_element(element);
    std::string rev_text = req.form.value("revision");
    bool numeric = !rev_text.empty() && rev_text.size() < 10 && std::all_of(rev_text.begin(), rev_text.end(), [](unsigned char ch) { return std::isdigit(ch) != 0; });
    if (!numeric)
      return section_page(ctx, req, w, s, 422, {PageError{"#element-" + element, "The form was incomplete: try again"}});
    int revision = std::stoi(rev_text);
    auto conflict = [&] {
      auto latest = ctx.app.plans.working(req.actor(), id, req.route_string());
      return section_page(ctx, req, latest, s, 409,
                          {PageError{"#element-" + element,
                                     "Someone else saved this plan since you opened this page, so " + element +
                                         " was not removed. Check it below, then remove it again if you still want to"}});
    };
    if (revision != w.row.revision) return conflict();
    Plan plan = w.plan;
    remove_element(plan, element);
    try {
      ctx.app.plans.save(req.actor(), id, revision, plan, req.route_string());
    } catch (const Error& e) {
      if (e.kind == Kind::Conflict) return conflict();
      throw;
    }
    return Response::redirect(section_href(id, s));
  });
}

}  // namespace gt::web
