// Quality pages: quality assurance of issued EHC plans (app/quality.h).
//   GET  /quality                      the hub: your audits; staff: recent audits, plans to moderate, links
//   GET  /quality/framework            the framework in use (?version=N: an earlier version) and its versions
//   GET  /quality/framework/edit       edit the framework (team manager, administrator)
//   POST /quality/framework/edit       save the edit as a new version
//   GET  /quality/audits/new           assign an issued plan to an auditor (team manager)
//   POST /quality/audits               assign it
//   GET  /quality/audits/{id}          one audit: the plan beside the grading form (the auditor, open)
//                                      or the marks, score and grade
//   POST /quality/audits/{id}          save the grading for later (action=save) or submit it (action=submit)
//   GET  /quality/moderation/{id}      two submitted audits of plan version {id} side by side
//                                      (?first=&second= choose the pair), their differences, both grades
//   POST /quality/moderation/{id}      record the agreed grade and a note (team manager)
//   GET  /quality/results              results in a period (GOV.UK date inputs in the query) by month,
//                                      primary need, setting, team, caseworker or discipline
//   GET  /quality/teams, POST /quality/teams   the council staff's teams (team manager, administrator)
// What this promises: the role gate (audience.h) admits council staff and advice givers to
// /quality (administrators to the framework and teams, analysts to the results); the app layer
// decides every record. Every form problem is shown at once where the page can check it (422, the
// GOV.UK error summary linking to each field, the values kept, nothing written); a conflict (an
// audit already submitted, a pair already moderated, an auditor already assigned) is 409. Success
// answers 303. Ids in URLs only; filters in query strings.
#include <algorithm>
#include <cstdio>
#include <map>

#include "app/errors.h"
#include "app/quality.h"
#include "domain/codes.h"
#include "domain/text.h"
#include "web/page_event_fields.h"
#include "web/page_form.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Error;

std::string str(std::int64_t n) { return std::to_string(n); }

std::string version_text(const std::string& kind, int number, const std::string& issued_on) {
  auto k = app::parse_plan_kind(kind);
  std::string out = k ? std::string(app::plan_kind_label(*k)) : kind;
  out += " (version " + std::to_string(number) + ")";
  if (!issued_on.empty()) out += ", issued " + long_date_or(issued_on);
  return out;
}

std::string grade_text(const std::optional<std::string>& g) {
  if (!g) return "";
  auto p = parse_grade(*g);
  return p ? std::string(grade_label(*p)) : *g;
}

std::string grade_css(Grade g) {
  switch (g) {
    case Grade::Outstanding: return "govuk-tag govuk-tag--green";
    case Grade::Good: return "govuk-tag govuk-tag--blue";
    case Grade::RequiresImprovement: return "govuk-tag govuk-tag--yellow";
    case Grade::Inadequate: return "govuk-tag govuk-tag--red";
  }
  return "govuk-tag";
}

std::string discipline_text(const std::string& name) {
  auto d = parse_discipline(name);
  return d ? std::string(discipline_label(*d)) : name;
}

// A domain field ("B-1.judgement", "boundaries.good") as the form's field name ("B-1-judgement", "good").
std::string form_field(const std::string& field) {
  if (field.rfind("boundaries.", 0) == 0) return field.substr(11);
  auto dot = field.rfind('.');
  if (dot == std::string::npos) return field;
  return field.substr(0, dot) + "-" + field.substr(dot + 1);
}

int status_for(const Error& e) { return e.kind == Error::Kind::Conflict ? 409 : 422; }

std::optional<int> whole_number(const std::string& s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

Data audit_item(const store::QualityAuditRow& a) {
  Data d;
  d.set("href", "/quality/audits/" + str(a.id));
  d.set("id", str(a.id));
  d.set("child_name", a.child_name);
  d.set("version", version_text(a.version_kind, a.version_number, a.version_issued_on));
  d.set("auditor", a.auditor_name + (a.auditor_organisation.empty() ? "" : " (" + a.auditor_organisation + ")"));
  d.set("discipline", discipline_text(a.discipline));
  d.set("open", a.status == "open");
  if (a.grade) {
    auto g = parse_grade(*a.grade);
    d.set("grade", grade_text(a.grade));
    d.set("grade_css", g ? grade_css(*g) : "govuk-tag");
  } else {
    d.set("grade", false);
  }
  put(d, "submitted_on", a.submitted_on ? long_date_or(*a.submitted_on) : "");
  return d;
}

Data audit_list(const std::vector<store::QualityAuditRow>& rows) {
  std::vector<Data> items;
  for (const auto& r : rows) items.push_back(audit_item(r));
  return list_of(std::move(items));
}

// --- the hub -------------------------------------------------------------------------------------

Response hub(Context& ctx, const Request& req) {
  const auto& actor = req.actor();
  Data body;
  auto mine = ctx.app.quality.my_audits(actor, req.route_string());
  body.set("has_mine", !mine.empty());
  body.set("mine", audit_list(mine));
  bool staff = app::Quality::is_staff(actor);
  body.set("staff", staff);
  body.set("may_assign", app::Quality::may_assign(actor));
  body.set("may_edit", app::Quality::may_edit_framework(actor));
  if (staff) {
    auto recent = ctx.app.quality.recent_audits(actor, req.route_string());
    body.set("has_recent", !recent.empty());
    body.set("recent", audit_list(recent));
    std::vector<Data> mod;
    for (const auto& v : ctx.app.quality.to_moderate(actor, req.route_string())) {
      Data d;
      d.set("href", "/quality/moderation/" + str(v.version_id));
      d.set("child_name", v.child_name);
      d.set("version", version_text(v.kind, v.number, v.issued_on));
      d.set("audits", std::to_string(v.audits));
      mod.push_back(std::move(d));
    }
    body.set("has_moderation", !mod.empty());
    body.set("moderation", list_of(std::move(mod)));
  }
  return page(req, 200, PageFrame{"Quality of plans", "quality", {}}, "quality_home", body);
}

// --- the framework -------------------------------------------------------------------------------

Data framework_data(const app::FrameworkView& v) {
  Data body;
  std::vector<Data> sections;
  for (auto s : all_plan_sections()) {
    std::vector<Data> rows;
    for (const auto& c : v.framework.criteria) {
      if (c.section != s) continue;
      Data d;
      d.set("key", c.key);
      d.set("text", c.text);
      put(d, "guidance", c.guidance);
      d.set("weight", std::to_string(c.weight));
      d.set("discipline", std::string(discipline_label(c.discipline)));
      rows.push_back(std::move(d));
    }
    if (rows.empty()) continue;
    Data sd;
    sd.set("code", std::string(plan_section_code(s)));
    sd.set("title", std::string(plan_section_title(s)));
    sd.set("criteria", list_of(std::move(rows)));
    sections.push_back(std::move(sd));
  }
  body.set("sections", list_of(std::move(sections)));
  body.set("outstanding", std::to_string(v.framework.boundaries.outstanding));
  body.set("good", std::to_string(v.framework.boundaries.good));
  body.set("requires_improvement", std::to_string(v.framework.boundaries.requires_improvement));
  body.set("version", v.version == 0 ? std::string("The default framework (not yet used)")
                                     : "Version " + std::to_string(v.version));
  put(body, "note", v.row ? v.row->note : "");
  return body;
}

Response framework_page(Context& ctx, const Request& req) {
  const auto& actor = req.actor();
  auto q = req.query_fields();
  app::FrameworkView v;
  std::string version = q.value("version");
  if (!version.empty()) {
    auto n = whole_number(version);
    if (!n) throw Error(Error::Kind::NotFound, "version", "there is no such version of the framework");
    v = ctx.app.quality.framework_version(actor, *n);
  } else {
    v = ctx.app.quality.framework(actor);
  }
  Data body = framework_data(v);
  std::vector<Data> versions;
  for (const auto& r : ctx.app.quality.framework_versions(actor)) {
    Data d;
    d.set("href", "/quality/framework?version=" + std::to_string(r.version));
    d.set("version", std::to_string(r.version));
    d.set("created_at", long_date_or(r.created_at.substr(0, 10)));
    d.set("by", r.created_by_name.empty() ? std::string("Set up automatically") : r.created_by_name);
    put(d, "note", r.note);
    d.set("audits", std::to_string(r.audits));
    d.set("current", r.version == v.version);
    versions.push_back(std::move(d));
  }
  body.set("has_versions", !versions.empty());
  body.set("versions", list_of(std::move(versions)));
  body.set("may_edit", app::Quality::may_edit_framework(actor));
  return page(req, 200, PageFrame{"Quality framework", "quality", {}}, "quality_framework", body);
}

Choices discipline_choices() {
  Choices c;
  for (auto d : all_disciplines()) c.emplace_back(std::string(discipline_name(d)), std::string(discipline_label(d)));
  return c;
}

Choices section_choices() {
  Choices c{{"", "Choose a section"}};
  for (auto s : all_plan_sections())
    c.emplace_back(std::string(plan_section_code(s)),
                   "Section " + std::string(plan_section_code(s)) + ": " + std::string(plan_section_title(s)));
  return c;
}

std::vector<Field> criterion_fields(const QualityCriterion& c) {
  const std::string& k = c.key;
  return {
      Field{Field::Kind::Textarea, k + "-text", "Criterion " + k + ": what is judged", "", {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, k + "-guidance", "Criterion " + k + ": what good looks like", "", {}, "", "", "text", ""},
      Field{Field::Kind::Text, k + "-weight", "Criterion " + k + ": weight", "A whole number from 1 to 5", {},
            "govuk-input--width-2", "off", "text", ""},
      Field{Field::Kind::Select, k + "-discipline", "Criterion " + k + ": who grades it", "", discipline_choices(), "",
            "", "text", ""},
      Field{Field::Kind::Checkbox, k + "-remove", "Criterion " + k + ": remove", "", {}, "", "", "text",
            "Remove criterion " + k + " from the framework"},
  };
}

std::vector<Field> new_criterion_fields() {
  return {
      Field{Field::Kind::Select, "new-section", "New criterion: section of the plan", "Leave empty to add none",
            section_choices(), "", "", "text", ""},
      Field{Field::Kind::Textarea, "new-text", "New criterion: what is judged", "", {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "new-guidance", "New criterion: what good looks like", "", {}, "", "", "text", ""},
      Field{Field::Kind::Text, "new-weight", "New criterion: weight", "A whole number from 1 to 5", {},
            "govuk-input--width-2", "off", "text", ""},
      Field{Field::Kind::Select, "new-discipline", "New criterion: who grades it",
            "Health auditors usually grade sections C and G; social care auditors D, H1 and H2",
            discipline_choices(), "", "", "text", ""},
  };
}

std::vector<Field> boundary_fields() {
  return {
      Field{Field::Kind::Text, "outstanding", "Outstanding from (per cent)", "The lowest score graded outstanding", {},
            "govuk-input--width-3", "off", "text", ""},
      Field{Field::Kind::Text, "good", "Good from (per cent)", "", {}, "govuk-input--width-3", "off", "text", ""},
      Field{Field::Kind::Text, "requires_improvement", "Requires improvement from (per cent)",
            "Below this a plan is inadequate", {}, "govuk-input--width-3", "off", "text", ""},
      Field{Field::Kind::Textarea, "note", "What changed (optional)", "Kept with the new version", {}, "", "", "text", ""},
  };
}

std::vector<Field> all_framework_fields(const QualityFramework& f) {
  std::vector<Field> out;
  for (const auto& c : f.criteria)
    for (auto& x : criterion_fields(c)) out.push_back(std::move(x));
  for (auto& x : new_criterion_fields()) out.push_back(std::move(x));
  for (auto& x : boundary_fields()) out.push_back(std::move(x));
  return out;
}

void fill_framework(FormState& st, const QualityFramework& f) {
  for (const auto& c : f.criteria) {
    st.set(c.key + "-text", c.text);
    st.set(c.key + "-guidance", c.guidance);
    st.set(c.key + "-weight", std::to_string(c.weight));
    st.set(c.key + "-discipline", std::string(discipline_name(c.discipline)));
  }
  st.set("new-weight", "1");
  st.set("new-discipline", "education");
  st.set("outstanding", std::to_string(f.boundaries.outstanding));
  st.set("good", std::to_string(f.boundaries.good));
  st.set("requires_improvement", std::to_string(f.boundaries.requires_improvement));
}

Response framework_form(const Request& req, const app::FrameworkView& base, int status, FormState st) {
  st.order_by(all_framework_fields(base.framework));
  Data body;
  std::vector<Data> sections;
  for (auto s : all_plan_sections()) {
    std::vector<Data> crits;
    for (const auto& c : base.framework.criteria) {
      if (c.section != s) continue;
      Data d;
      d.set("key", c.key);
      d.set("fields", fields_data(criterion_fields(c), st));
      crits.push_back(std::move(d));
    }
    if (crits.empty()) continue;
    Data sd;
    sd.set("code", std::string(plan_section_code(s)));
    sd.set("title", std::string(plan_section_title(s)));
    sd.set("criteria", list_of(std::move(crits)));
    sections.push_back(std::move(sd));
  }
  body.set("sections", list_of(std::move(sections)));
  Data fresh, bounds;
  fresh.set("fields", fields_data(new_criterion_fields(), st));
  bounds.set("fields", fields_data(boundary_fields(), st));
  body.set("new_criterion", fresh);
  body.set("boundaries", bounds);
  body.set("version", base.version == 0 ? std::string("the default framework") : "version " + std::to_string(base.version));
  return page(req, status, PageFrame{"Edit the quality framework", "quality", st.summary}, "quality_framework_edit", body);
}

// Reads the edited framework from the form; records in `st` what cannot be read.
QualityFramework read_framework(const QualityFramework& base, FormState& st) {
  QualityFramework f;
  auto read_weight = [&](const std::string& name, const std::string& label) {
    auto n = whole_number(st.value(name));
    if (!n) st.fail(name, name, "Enter " + label + " as a whole number from 1 to 5");
    return n.value_or(1);
  };
  for (const auto& c : base.criteria) {
    if (st.value(c.key + "-remove") == "yes") continue;
    QualityCriterion x = c;
    x.text = st.value(c.key + "-text");
    x.guidance = st.value(c.key + "-guidance");
    x.weight = read_weight(c.key + "-weight", "the weight of criterion " + c.key);
    auto d = parse_discipline(st.value(c.key + "-discipline"));
    if (!d) st.fail(c.key + "-discipline", c.key + "-discipline", "Choose who grades criterion " + c.key);
    x.discipline = d.value_or(c.discipline);
    f.criteria.push_back(std::move(x));
  }
  std::string section = st.value("new-section");
  if (!section.empty()) {
    auto s = parse_plan_section(section);
    if (!s) {
      st.fail("new-section", "new-section", "Choose the section of the plan the new criterion is about");
    } else {
      QualityCriterion x;
      x.section = *s;
      x.key = next_criterion_key(base, *s);
      x.text = st.value("new-text");
      x.guidance = st.value("new-guidance");
      x.weight = read_weight("new-weight", "the weight of the new criterion");
      auto d = parse_discipline(st.value("new-discipline"));
      if (!d) st.fail("new-discipline", "new-discipline", "Choose who grades the new criterion");
      x.discipline = d.value_or(default_discipline(*s));
      if (trimmed(x.text).empty()) st.fail("new-text", "new-text", "Enter what the new criterion judges");
      f.criteria.push_back(std::move(x));
    }
  }
  auto boundary = [&](const std::string& name, const std::string& label) {
    auto n = whole_number(st.value(name));
    if (!n) st.fail(name, name, "Enter the " + label + " boundary as a whole percentage from 1 to 100");
    return n.value_or(0);
  };
  f.boundaries.outstanding = boundary("outstanding", "outstanding");
  f.boundaries.good = boundary("good", "good");
  f.boundaries.requires_improvement = boundary("requires_improvement", "requires improvement");
  return f;
}

void show_error(FormState& st, const std::vector<Field>& fields, const std::string& field, const std::string& reason) {
  std::string name = form_field(field);
  const Field* f = find_field(fields, name);
  if (!f) {
    if (fields.empty()) return;
    f = &fields.front();
  }
  st.fail(f->name, anchor(*f), capitalise(reason));
}

// --- assigning -----------------------------------------------------------------------------------

std::vector<Field> assign_fields(const std::vector<store::AuditCandidateRow>& candidates,
                                 const std::vector<store::AuditorRow>& auditors) {
  Choices plans{{"", "Choose a plan"}};
  for (const auto& c : candidates)
    plans.emplace_back(str(c.version_id), c.child_name + " - " + version_text(c.kind, c.number, c.issued_on) +
                                              (c.audits ? " - audited " + std::to_string(c.audits) + " times" : ""));
  Choices people{{"", "Choose an auditor"}};
  for (const auto& a : auditors) {
    std::string what = a.role == "advice_giver"
                           ? (a.organisation_kind == "health" ? "Health" : "Social care") + std::string(", ") + a.organisation_name
                           : std::string("Education, council") + (a.team.empty() ? "" : ", " + a.team);
    people.emplace_back(str(a.user_id), a.name + " (" + what + ")");
  }
  return {
      Field{Field::Kind::Select, "version_id", "Plan to audit",
            "Issued final and amended plans, newest first. Choose the same plan again for a second auditor to moderate",
            plans, "", "", "text", ""},
      Field{Field::Kind::Select, "auditor_id", "Auditor",
            "Council staff grade the education criteria; health and social care auditors grade their own sections",
            people, "", "", "text", ""},
  };
}

Response assign_form(Context& ctx, const Request& req, int status, FormState st) {
  auto fields = assign_fields(ctx.app.quality.candidates(req.actor(), req.route_string()),
                              ctx.app.quality.auditors(req.actor()));
  st.order_by(fields);
  Data body;
  body.set("fields", fields_data(fields, st));
  return page(req, status, PageFrame{"Assign an audit", "quality", st.summary}, "quality_assign", body);
}

// --- one audit -----------------------------------------------------------------------------------

Choices judgement_choices() {
  Choices c;
  for (auto j : all_judgements()) c.emplace_back(std::string(judgement_name(j)), std::string(judgement_label(j)));
  return c;
}

std::vector<Field> grading_fields(const QualityCriterion& c) {
  return {
      Field{Field::Kind::Radios, c.key + "-judgement", c.key + ": " + c.text, c.guidance, judgement_choices(), "", "",
            "text", ""},
      Field{Field::Kind::Textarea, c.key + "-comment", "Comment on " + c.key,
            "Required when partly met or not met: say what is missing", {}, "", "", "text", ""},
  };
}

std::vector<Field> all_grading_fields(const app::AuditView& v) {
  std::vector<Field> out;
  for (const auto& c : v.framework.criteria)
    if (c.discipline == v.discipline)
      for (auto& f : grading_fields(c)) out.push_back(std::move(f));
  return out;
}

// The marks typed: a criterion with no judgement chosen is left out (save keeps what there is).
std::vector<CriterionMark> read_marks(const app::AuditView& v, FormState& st) {
  std::vector<CriterionMark> out;
  for (const auto& c : v.framework.criteria) {
    if (c.discipline != v.discipline) continue;
    std::string j = st.value(c.key + "-judgement");
    if (j.empty()) continue;
    auto parsed = parse_judgement(j);
    if (!parsed) {
      st.fail(c.key + "-judgement", c.key + "-judgement", "Choose met, partly met, not met or not applicable for " + c.key);
      continue;
    }
    out.push_back({c.key, *parsed, st.value(c.key + "-comment")});
  }
  return out;
}

Data score_data(const AuditScore& s, const std::optional<std::string>& stored_grade) {
  Data d;
  d.set("points", std::to_string(s.points));
  d.set("possible", std::to_string(s.possible));
  put(d, "percent", score_text(s.points, s.possible));
  d.set("judged", std::to_string(s.judged));
  d.set("not_applicable", std::to_string(s.not_applicable));
  std::optional<Grade> g = stored_grade ? parse_grade(*stored_grade) : s.grade;
  if (g) {
    d.set("grade", std::string(grade_label(*g)));
    d.set("grade_css", grade_css(*g));
  } else {
    d.set("grade", false);
  }
  return d;
}

Response audit_page(Context& ctx, const Request& req, const app::AuditView& v, int status, FormState st) {
  Data body;
  const auto& a = v.audit;
  body.set("id", str(a.id));
  body.set("action_href", "/quality/audits/" + str(a.id));
  body.set("child_name", a.child_name);
  body.set("version", version_text(a.version_kind, a.version_number, a.version_issued_on));
  body.set("version_href", "/plan-versions/" + str(a.plan_version_id));
  body.set("discipline", std::string(discipline_label(v.discipline)));
  body.set("auditor", a.auditor_name);
  body.set("framework_version", std::to_string(a.framework_version));
  body.set("open", a.status == "open");
  body.set("may_grade", v.may_grade);
  put(body, "submitted_on", a.submitted_on ? long_date_or(*a.submitted_on) : "");
  body.set("score", score_data(v.score, a.grade));
  body.set("staff", app::Quality::is_staff(req.actor()));
  body.set("moderation_href", "/quality/moderation/" + str(a.plan_version_id));

  // The plan's lines by section, beside the criteria of that section.
  std::map<PlanSection, std::vector<Data>> lines;
  if (v.plan)
    for (const auto& l : plan_lines(v.plan->plan)) {
      Data d;
      d.set("id", l.id);
      d.set("text", l.text);
      lines[l.section].push_back(std::move(d));
    }
  if (v.may_grade) {
    auto fields = all_grading_fields(v);
    st.order_by(fields);
  }
  std::vector<Data> sections;
  for (auto s : all_plan_sections()) {
    std::vector<Field> fields;
    std::vector<Data> marks;
    for (const auto& c : v.framework.criteria) {
      if (c.section != s || c.discipline != v.discipline) continue;
      for (auto& f : grading_fields(c)) fields.push_back(std::move(f));
      Data m;
      m.set("key", c.key);
      m.set("text", c.text);
      m.set("weight", std::to_string(c.weight));
      auto mark = std::find_if(v.marks.begin(), v.marks.end(), [&](const CriterionMark& x) { return x.key == c.key; });
      m.set("judgement", mark == v.marks.end() ? std::string("Not graded") : std::string(judgement_label(mark->judgement)));
      put(m, "comment", mark == v.marks.end() ? "" : mark->comment);
      marks.push_back(std::move(m));
    }
    if (fields.empty()) continue;
    Data sd;
    sd.set("code", std::string(plan_section_code(s)));
    sd.set("title", std::string(plan_section_title(s)));
    auto& ls = lines[s];
    sd.set("has_lines", !ls.empty());
    sd.set("lines", list_of(ls));
    sd.set("fields", fields_data(fields, st));
    sd.set("marks", list_of(std::move(marks)));
    sections.push_back(std::move(sd));
  }
  body.set("sections", list_of(std::move(sections)));
  body.set("has_plan", v.plan.has_value());
  std::string title = v.may_grade ? "Grade the plan" : "Audit of a plan";
  return page(req, status, PageFrame{title, "quality", st.summary}, "quality_audit", body);
}

std::int64_t id_of(const Request& req, const char* what) {
  auto id = req.id_param("id");
  if (!id) throw Error(Error::Kind::NotFound, "id", std::string("There is no ") + what + " at this address.");
  return *id;
}

// --- moderation ----------------------------------------------------------------------------------

std::vector<Field> moderation_fields() {
  Choices grades;
  for (auto g : all_grades()) grades.emplace_back(std::string(grade_name(g)), std::string(grade_label(g)));
  return {
      Field{Field::Kind::Radios, "agreed_grade", "Agreed grade", "The grade the two auditors and you agreed", grades,
            "", "", "text", ""},
      Field{Field::Kind::Textarea, "note", "Moderation note",
            "What you agreed on the criteria where the auditors differed, and any learning for the team", {}, "", "",
            "text", ""},
  };
}

std::optional<std::int64_t> query_id(const Form& q, const char* name) {
  std::string v = q.value(name);
  if (v.empty()) return std::nullopt;
  auto n = whole_number(v);
  if (!n) throw Error(Error::Kind::NotFound, name, "There is no such audit.");
  return *n;
}

std::string judgement_text(const std::optional<Judgement>& j) {
  return j ? std::string(judgement_label(*j)) : std::string("Not graded");
}

Response moderation_page(Context& ctx, const Request& req, std::int64_t version_id, std::optional<std::int64_t> first,
                         std::optional<std::int64_t> second, int status, FormState st) {
  auto v = ctx.app.quality.moderation(req.actor(), version_id, first, second, req.route_string());
  auto fields = moderation_fields();
  st.order_by(fields);
  Data body;
  body.set("child_name", v.version.child_name);
  body.set("version", version_text(v.version.kind, v.version.number, v.version.issued_on));
  body.set("version_href", "/plan-versions/" + str(version_id));
  body.set("action_href", "/quality/moderation/" + str(version_id));
  body.set("pair", v.first.has_value() && v.second.has_value());
  std::vector<Data> audits;
  for (const auto& a : v.submitted) {
    Data d = audit_item(a);
    d.set("compare_href", "/quality/moderation/" + str(version_id));
    audits.push_back(std::move(d));
  }
  body.set("audits", list_of(std::move(audits)));
  body.set("more_than_two", v.submitted.size() > 2);
  if (v.first && v.second) {
    body.set("first", audit_item(*v.first));
    body.set("second", audit_item(*v.second));
    body.set("first_id", str(v.first->id));
    body.set("second_id", str(v.second->id));
    body.set("first_score", score_data(v.comparison.first, v.first->grade));
    body.set("second_score", score_data(v.comparison.second, v.second->grade));
    body.set("grades_agree", v.comparison.grades_agree);
    body.set("agreed_count", std::to_string(v.comparison.agreed));
    std::vector<Data> diffs;
    for (const auto& d : v.comparison.differences) {
      const QualityCriterion* c = find_criterion(v.framework, d.key);
      Data x;
      x.set("key", d.key);
      x.set("text", c ? c->text : d.key);
      x.set("first", judgement_text(d.first));
      x.set("second", judgement_text(d.second));
      auto comment = [&](const std::vector<CriterionMark>& marks) {
        for (const auto& m : marks)
          if (m.key == d.key) return m.comment;
        return std::string();
      };
      put(x, "first_comment", comment(v.first_marks));
      put(x, "second_comment", comment(v.second_marks));
      diffs.push_back(std::move(x));
    }
    body.set("has_differences", !diffs.empty());
    body.set("differences", list_of(std::move(diffs)));
  }
  if (v.recorded) {
    Data r;
    r.set("grade", grade_text(v.recorded->agreed_grade));
    r.set("note", v.recorded->note);
    r.set("by", v.recorded->moderator_name);
    r.set("at", long_date_or(v.recorded->moderated_at.substr(0, 10)));
    body.set("recorded", r);
  } else {
    body.set("recorded", false);
  }
  body.set("may_moderate", v.may_moderate);
  body.set("fields", fields_data(fields, st));
  return page(req, status, PageFrame{"Moderate two audits", "quality", st.summary}, "quality_moderation", body);
}

// --- results -------------------------------------------------------------------------------------

std::vector<Field> results_fields() {
  Choices by;
  for (auto b : app::all_results_by()) by.emplace_back(std::string(app::results_by_name(b)), std::string(app::results_by_label(b)));
  return {
      Field{Field::Kind::Date, "from", "Submitted from", "For example, 1 9 2026", {}, "", "", "text", ""},
      Field{Field::Kind::Date, "to", "Submitted up to and including", "For example, 30 11 2026", {}, "", "", "text", ""},
      Field{Field::Kind::Select, "by", "Group by", "", by, "", "", "text", ""},
  };
}

std::string count_text(int n, bool suppress) {
  if (suppress && n > 0 && n < 5) return "fewer than 5";
  return std::to_string(n);
}

Data tally_data(const std::string& label, const GradeTally& t, bool suppress) {
  Data d;
  d.set("label", label);
  d.set("audits", count_text(t.audits, suppress));
  std::vector<Data> cells;
  for (std::size_t i = 0; i < t.by_grade.size(); ++i) {
    Data c;
    c.set("count", count_text(t.by_grade[i], suppress));
    cells.push_back(std::move(c));
  }
  d.set("grades", list_of(std::move(cells)));
  bool hide_mean = suppress && t.audits < 5;
  auto mean = t.mean_percent();
  char buf[32] = "";
  if (mean && !hide_mean) std::snprintf(buf, sizeof buf, "%.1f%%", *mean);
  d.set("mean", mean && !hide_mean ? std::string(buf) : std::string(mean ? "not shown" : "none"));
  return d;
}

Response results_page(Context& ctx, const Request& req) {
  FormState st;
  st.take(req.query_fields());
  Date today = ctx.today();
  bool asked = !st.value("by").empty() || !st.value("from-year").empty() || !st.value("to-year").empty();
  auto from = read_date(st, "from", "the start of the period", false);
  auto to = read_date(st, "to", "the end of the period", false);
  Date start = from.value_or(today.plus_days(-365));
  Date end = to.value_or(today);
  if (!from) st.set_date("from", start);
  if (!to) st.set_date("to", end);
  auto by = app::parse_results_by(st.value("by"));
  if (!by) {
    if (!st.value("by").empty()) st.fail("by", "by", "Choose how to group the results");
    by = app::ResultsBy::Month;
    st.set("by", "month");
  }
  auto fields = results_fields();
  int status = 200;
  Data body;
  body.set("shown", false);
  if (st.ok()) {
    try {
      auto r = ctx.app.quality.results(req.actor(), start, end, *by, req.route_string());
      body.set("shown", true);
      body.set("period", long_date(r.from) + " to " + long_date(r.to));
      body.set("by_label", std::string(app::results_by_label(r.by)));
      body.set("overall", tally_data("All audits", r.overall, r.suppress_small));
      std::vector<Data> rows;
      for (const auto& g : r.groups) rows.push_back(tally_data(g.label, g.tally, r.suppress_small));
      body.set("has_rows", !rows.empty());
      body.set("rows", list_of(std::move(rows)));
      body.set("suppressed", r.suppress_small);
    } catch (const Error& e) {
      if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
      show_error(st, fields, e.field, e.reason);
      status = 422;
    }
  } else {
    status = 422;
  }
  (void)asked;
  st.order_by(fields);
  std::vector<Data> heads;
  for (auto g : all_grades()) {
    Data h;
    h.set("label", std::string(grade_label(g)));
    heads.push_back(std::move(h));
  }
  body.set("grade_heads", list_of(std::move(heads)));
  body.set("fields", fields_data(fields, st));
  return page(req, status, PageFrame{"Quality results", "quality", st.summary},
              "quality_results", body);
}

// --- teams ---------------------------------------------------------------------------------------

Response teams_page(Context& ctx, const Request& req, int status, FormState st, std::int64_t failed_user) {
  Data body;
  std::vector<Data> rows;
  for (const auto& t : ctx.app.quality.teams(req.actor())) {
    Data d;
    d.set("user_id", str(t.user_id));
    d.set("name", t.name);
    d.set("role", t.role == "manager" ? std::string("Team manager") : std::string("Caseworker"));
    bool failed = t.user_id == failed_user;
    d.set("team", failed ? st.value("team") : t.team);
    d.set("input_id", "team-" + str(t.user_id));
    put(d, "error", failed ? st.field_errors["team"] : "");
    rows.push_back(std::move(d));
  }
  body.set("rows", list_of(std::move(rows)));
  std::vector<PageError> errors = st.summary;
  for (auto& e : errors)
    if (e.href == "#team") e.href = "#team-" + str(failed_user);
  return page(req, status, PageFrame{"Teams", "quality", errors}, "quality_teams", body);
}

}  // namespace

void register_quality_pages(Router& router, Context& ctx) {
  router.add(Method::Get, "/quality", Access::Page, [&ctx](Request& req) { return hub(ctx, req); });

  router.add(Method::Get, "/quality/framework", Access::Page,
             [&ctx](Request& req) { return framework_page(ctx, req); });

  router.add(Method::Get, "/quality/framework/edit", Access::Page, [&ctx](Request& req) {
    if (!app::Quality::may_edit_framework(req.actor()))
      throw Error(Error::Kind::Forbidden, "", "only a team manager or the administrator can edit the framework");
    auto base = ctx.app.quality.framework(req.actor());
    FormState st;
    fill_framework(st, base.framework);
    return framework_form(req, base, 200, st);
  });

  router.add(Method::Post, "/quality/framework/edit", Access::Page, [&ctx](Request& req) {
    if (!app::Quality::may_edit_framework(req.actor()))
      throw Error(Error::Kind::Forbidden, "", "only a team manager or the administrator can edit the framework");
    auto base = ctx.app.quality.framework(req.actor());
    FormState st;
    st.take(req.form);
    auto fields = all_framework_fields(base.framework);
    QualityFramework edited = read_framework(base.framework, st);
    QualityFramework check = edited;
    for (const auto& e : validate_framework(check)) show_error(st, fields, e.field, e.reason);
    int status = 422;
    if (st.ok()) {
      try {
        ctx.app.quality.save_framework(req.actor(), edited, st.value("note"), req.route_string());
        return Response::redirect("/quality/framework");
      } catch (const Error& e) {
        if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
        show_error(st, fields, e.field, e.reason);
        status = status_for(e);
      }
    }
    return framework_form(req, base, status, st);
  });

  router.add(Method::Get, "/quality/audits/new", Access::Page,
             [&ctx](Request& req) { return assign_form(ctx, req, 200, FormState{}); });

  router.add(Method::Post, "/quality/audits", Access::Page, [&ctx](Request& req) {
    if (!app::Quality::may_assign(req.actor()))
      throw Error(Error::Kind::Forbidden, "", "only a team manager can assign audits");
    FormState st;
    st.take(req.form);
    auto version = whole_number(st.value("version_id"));
    auto auditor = whole_number(st.value("auditor_id"));
    if (!version) st.fail("version_id", "version_id", "Choose the plan to audit");
    if (!auditor) st.fail("auditor_id", "auditor_id", "Choose the auditor");
    int status = 422;
    if (st.ok()) {
      try {
        auto a = ctx.app.quality.assign(req.actor(), app::AssignInput{*version, *auditor}, req.route_string());
        return Response::redirect("/quality/audits/" + str(a.id));
      } catch (const Error& e) {
        if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
        st.fail(e.field.empty() ? "version_id" : e.field, e.field.empty() ? "version_id" : e.field, capitalise(e.reason));
        status = status_for(e);
      }
    }
    return assign_form(ctx, req, status, st);
  });

  router.add(Method::Get, "/quality/audits/{id}", Access::Page, [&ctx](Request& req) {
    auto v = ctx.app.quality.audit(req.actor(), id_of(req, "audit"), req.route_string());
    FormState st;
    for (const auto& m : v.marks) {
      st.set(m.key + "-judgement", std::string(judgement_name(m.judgement)));
      st.set(m.key + "-comment", m.comment);
    }
    return audit_page(ctx, req, v, 200, st);
  });

  router.add(Method::Post, "/quality/audits/{id}", Access::Page, [&ctx](Request& req) {
    std::int64_t id = id_of(req, "audit");
    auto v = ctx.app.quality.audit(req.actor(), id, req.route_string());
    if (v.audit.auditor_id != req.actor().user_id)
      throw Error(Error::Kind::Forbidden, "", "only the auditor assigned can grade this plan");
    if (v.audit.status != "open")
      throw Error(Error::Kind::Conflict, "", "This audit has been submitted and can no longer change.");
    FormState st;
    st.take(req.form);
    std::string action = st.value("action");
    auto fields = all_grading_fields(v);
    auto marks = read_marks(v, st);
    bool submit = action == "submit";
    if (action != "save" && !submit && !fields.empty())
      st.fail(fields.front().name, anchor(fields.front()), "Choose whether to save the grading or submit the audit");
    if (st.ok()) {
      std::vector<CriterionMark> check = marks;
      for (const auto& e : check_marks(v.framework, v.discipline, check, submit)) show_error(st, fields, e.field, e.reason);
    }
    int status = 422;
    if (st.ok()) {
      try {
        if (submit) ctx.app.quality.submit(req.actor(), id, marks, req.route_string());
        else ctx.app.quality.save_marks(req.actor(), id, marks, req.route_string());
        if (submit && !app::Quality::is_staff(req.actor())) return Response::redirect("/quality");
        return Response::redirect("/quality/audits/" + str(id));
      } catch (const Error& e) {
        if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
        show_error(st, fields, e.field, e.reason);
        status = status_for(e);
      }
    }
    // Errors: the form again, as typed.
    return audit_page(ctx, req, v, status, st);
  });

  router.add(Method::Get, "/quality/moderation/{id}", Access::Page, [&ctx](Request& req) {
    auto q = req.query_fields();
    return moderation_page(ctx, req, id_of(req, "audited plan"), query_id(q, "first"), query_id(q, "second"), 200,
                           FormState{});
  });

  router.add(Method::Post, "/quality/moderation/{id}", Access::Page, [&ctx](Request& req) {
    std::int64_t version = id_of(req, "audited plan");
    FormState st;
    st.take(req.form);
    auto fields = moderation_fields();
    auto first = whole_number(st.value("first"));
    auto second = whole_number(st.value("second"));
    // The page must exist for this person before anything else is said about the form.
    auto view = ctx.app.quality.moderation(req.actor(), version, std::nullopt, std::nullopt, req.route_string());
    if (!app::Quality::may_assign(req.actor()))
      throw Error(Error::Kind::Forbidden, "", "only a team manager can record the agreed grade");
    auto grade = parse_grade(st.value("agreed_grade"));
    if (!grade) st.fail("agreed_grade", "agreed_grade", "Choose the agreed grade");
    if (trimmed(st.value("note")).empty()) st.fail("note", "note", "Enter the moderation note");
    std::optional<std::int64_t> f, s;
    bool pair_ok = false;
    if (first && second)
      for (const auto& a : view.submitted)
        for (const auto& b : view.submitted)
          if (a.id == *first && b.id == *second && a.id != b.id) pair_ok = true;
    if (pair_ok) {
      f = *first;
      s = *second;
    } else {
      st.fail("agreed_grade", "agreed_grade", "Choose two submitted audits of this plan to moderate");
    }
    int status = 422;
    if (st.ok()) {
      try {
        ctx.app.quality.moderate(req.actor(), version, *f, *s, *grade, st.value("note"), req.route_string());
        return Response::redirect("/quality/moderation/" + str(version) + "?first=" + str(std::min(*f, *s)) +
                                  "&second=" + str(std::max(*f, *s)));
      } catch (const Error& e) {
        if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
        show_error(st, fields, e.field, e.reason);
        status = status_for(e);
      }
    }
    return moderation_page(ctx, req, version, f, s, status, st);
  });

  router.add(Method::Get, "/quality/results", Access::Page, [&ctx](Request& req) { return results_page(ctx, req); });

  router.add(Method::Get, "/quality/teams", Access::Page,
             [&ctx](Request& req) { return teams_page(ctx, req, 200, FormState{}, 0); });

  router.add(Method::Post, "/quality/teams", Access::Page, [&ctx](Request& req) {
    auto rows = ctx.app.quality.teams(req.actor());  // manager or administrator, before the form is read
    FormState st;
    st.take(req.form);
    auto user = whole_number(st.value("user_id"));
    bool known = false;
    for (const auto& r : rows)
      if (user && r.user_id == *user) known = true;
    if (!known) {
      st.fail("team", "team", "Choose a member of staff to change their team");
      return teams_page(ctx, req, 422, st, rows.empty() ? 0 : rows.front().user_id);
    }
    int status = 422;
    try {
      ctx.app.quality.set_team(req.actor(), *user, st.value("team"), req.route_string());
      return Response::redirect("/quality/teams");
    } catch (const Error& e) {
      if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
      st.fail("team", "team", capitalise(e.reason));
      status = status_for(e);
    }
    return teams_page(ctx, req, status, st, *user);
  });
}

}  // namespace gt::web
