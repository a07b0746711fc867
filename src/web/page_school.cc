// School pages: a SENCO's side of the service (app::Schools).
//   GET  /school                                     pupils on roll, paged (?page=N carries only the page)
//   POST /school                                     the same list filtered by name (the name is POSTed,
//                                                    never put in a URL; its pages are POSTed too)
//   GET  /school/pupils/new, POST /school/pupils     add a pupil the council does not know yet
//   GET  /school/pupils/{id}                         the pupil: SEN support, the graduated approach,
//                                                    all about me (app::Family), the EHC case's stage,
//                                                    deadlines and decisions
//   GET/POST /school/pupils/{id}/support             record SEN support anew (history kept)
//   GET  /school/pupils/{id}/cycles/new, POST /school/pupils/{id}/cycles     start a cycle
//   GET/POST /school/pupils/{id}/cycles/{cycle_id}/review                     review it (once)
//   GET/POST /school/pupils/{id}/request-assessment  request an EHC needs assessment, with the
//                                                    evidence shown for confirmation
//   GET/POST /school/pupils/{id}/reviews/{case_id}   contribute to an annual review
// What this promises: access is decided by app::Schools (404 for a pupil not on roll at the SENCO's
// school, 403 for a record visible on another basis, 403 for the list to anyone but a SENCO).
// Every problem with a form is shown at once (the domain's checks run on the form first, then the
// app's error is put on its field): 422 with the GOV.UK error summary, values kept, nothing written.
// A request with no reviewed cycle is 422 with the summary linking to the cycle form; a pupil with
// an open case is 409 with a link to the case on the pupil's page. Success answers 303.
#include "web/page_school.h"

#include <charconv>

#include "app/schools.h"
#include "domain/all_about_me.h"
#include "domain/child.h"
#include "domain/codes.h"
#include "web/page_event_fields.h"
#include "web/page_form.h"
#include "web/page_layout.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Error;

constexpr int kPerPage = 25;

std::string pupil_href(std::int64_t id) { return "/school/pupils/" + std::to_string(id); }
std::string full_name(const Child& c) { return c.given_name + " " + c.family_name; }

std::int64_t child_id_of(const Request& req) {
  auto id = req.id_param("id");
  if (!id) throw Error(Error::Kind::NotFound, "id", "There is no pupil at this address.");
  return *id;
}

std::optional<int> to_int(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string code_text(const CodeList& list, const std::string& code) {
  auto label = list.label(code);
  return label.empty() ? code : std::string(label) + " (" + code + ")";
}

std::string stage_text(const std::string& stage) {
  auto s = parse_stage(stage);
  return s ? std::string(stage_label(*s)) : stage;
}

// Free text as paragraphs, one per line typed (no inline style: no pre-wrap).
Data paragraphs(const std::string& text) {
  std::vector<Data> out;
  std::string line;
  auto flush = [&] {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) {
      Data d;
      d.set("text", line);
      out.push_back(d);
    }
    line.clear();
  };
  for (char c : text) {
    if (c == '\n') flush();
    else line += c;
  }
  flush();
  return list_of(std::move(out));
}

Response conflict_page(const Request& req, const std::string& heading, const std::string& reason,
                       const std::string& href, const std::string& link_text) {
  Data body;
  body.set("heading", heading);
  body.set("reason", reason);
  body.set("href", href);
  body.set("link_text", link_text);
  return page(req, 409, PageFrame{heading, "school", {}}, "school_conflict", body);
}

int status_for(const Error& e) { return e.kind == Error::Kind::Conflict ? 409 : 422; }

// --- pupils on roll ------------------------------------------------------------------------------

Response pupils_page(const Request& req, Context& ctx, const std::string& name, int page_no) {
  app::PupilListQuery q;
  q.name = name;
  q.page = page_no;
  q.per_page = kPerPage;
  app::PupilList list = ctx.app.schools.pupils(req.actor(), q, req.route_string());
  std::vector<Data> rows;
  for (const auto& p : list.pupils) {
    Data r;
    r.set("href", pupil_href(p.child_id));
    r.set("name", p.given_name + " " + p.family_name);
    r.set("dob", long_date_or(p.date_of_birth));
    if (p.support_primary) {
      r.set("support", "SEN support: " + code_text(sen_types(), *p.support_primary));
    } else if (p.needs_primary) {
      r.set("support", "Recorded by the council: " + code_text(sen_types(), *p.needs_primary));
    } else {
      r.set("support", "None recorded");
    }
    r.set("stage", p.case_stage ? stage_text(*p.case_stage) : "No EHC case");
    if (p.next_due) {
      Data n;
      n.set("due", long_date_or(*p.next_due));
      n.set("summary", rule_summary(p.next_rule.value_or("")));
      auto due = Date::parse(*p.next_due);
      Tag t = due ? due_tag(*due, list.today) : Tag{"", ""};
      put(n, "tag_text", t.text);
      n.set("tag_css", t.css);
      r.set("next", n);
    } else {
      r.set("next", false);
    }
    rows.push_back(r);
  }
  Data body;
  body.set("school_name", list.school_name);
  body.set("rows", list_of(std::move(rows)));
  body.set("total", std::to_string(list.total));
  put(body, "name", name);
  body.set("filtered", !name.empty());
  int pages = (list.total + list.per_page - 1) / list.per_page;
  bool has_prev = list.page > 1, has_next = list.page < pages;
  if (has_prev || has_next) {
    Data p;
    p.set("page", std::to_string(list.page));
    p.set("pages", std::to_string(pages));
    // Unfiltered pages are links; a filtered list's pages are POSTed with the name.
    p.set("links", name.empty());
    if (name.empty()) {
      put(p, "prev_href", has_prev ? "/school?page=" + std::to_string(list.page - 1) : "");
      put(p, "next_href", has_next ? "/school?page=" + std::to_string(list.page + 1) : "");
      p.set("prev_page", false);
      p.set("next_page", false);
    } else {
      p.set("prev_href", false);
      p.set("next_href", false);
      put(p, "prev_page", has_prev ? std::to_string(list.page - 1) : "");
      put(p, "next_page", has_next ? std::to_string(list.page + 1) : "");
    }
    body.set("pagination", p);
  } else {
    body.set("pagination", false);
  }
  return page(req, 200, PageFrame{"Pupils on roll", "school", {}}, "school_pupils", body);
}

// --- adding a pupil ------------------------------------------------------------------------------

Choices code_choices(const CodeList& list, std::string first) {
  Choices c{{"", std::move(first)}};
  for (const auto& code : list) c.emplace_back(std::string(code.code), std::string(code.label) + " (" + std::string(code.code) + ")");
  return c;
}

std::vector<Field> new_pupil_fields() {
  Choices sexes;
  for (const auto& c : gt::sexes()) sexes.emplace_back(std::string(c.code), std::string(c.label));
  Choices settings{{"", "Choose the type of school"}};
  for (const auto& t : app::school_setting_types()) settings.emplace_back(t, std::string(setting_types().label(t)));
  return {
      Field{Field::Kind::Text, "given_name", "Given name", "", {}, "govuk-!-width-one-half", "off", "text", ""},
      Field{Field::Kind::Text, "family_name", "Family name", "", {}, "govuk-!-width-one-half", "off", "text", ""},
      Field{Field::Kind::Date, "date_of_birth", "Date of birth", "For example, 27 3 2016", {}, "", "", "text", ""},
      Field{Field::Kind::Radios, "sex", "Sex", "", sexes, "", "", "text", ""},
      Field{Field::Kind::Select, "ethnicity", "Ethnicity", "Use 'Information not yet obtained' if you do not know yet",
            code_choices(ethnicities(), "Choose ethnicity"), "", "", "text", ""},
      Field{Field::Kind::Text, "postcode", "Home postcode (optional)", "", {}, "govuk-input--width-10", "off", "text", ""},
      Field{Field::Kind::Text, "upn", "Unique pupil number (UPN)",
            "13 characters, for example A123456789012. Give a UPN, or a reason below", {}, "govuk-input--width-20",
            "off", "text", ""},
      Field{Field::Kind::Select, "upn_unknown", "Reason there is no UPN", "Only if the pupil has no UPN yet",
            code_choices(upn_unknown_reasons(), "Not applicable: a UPN is given"), "", "", "text", ""},
      Field{Field::Kind::Select, "setting_type", "Type of school", "", settings, "", "", "text", ""},
      Field{Field::Kind::Date, "start_date", "Date the pupil joined your school", "For example, 1 9 2025", {}, "", "",
            "text", ""},
  };
}

Response new_pupil_page(const Request& req, int status, FormState st, const std::string& school) {
  auto fields = new_pupil_fields();
  st.order_by(fields);
  Data body;
  body.set("fields", fields_data(fields, st));
  body.set("school_name", school);
  return page(req, status, PageFrame{"Add a pupil", "school", st.summary}, "school_pupil_new", body);
}

// --- the pupil's page ----------------------------------------------------------------------------

Data support_data(const store::SenSupportRow& s) {
  Data d;
  d.set("area", std::string(broad_areas().label(s.area_of_need).empty() ? std::string_view(s.area_of_need)
                                                                        : broad_areas().label(s.area_of_need)));
  d.set("primary", code_text(sen_types(), s.primary_type));
  d.set("secondary", s.secondary_type ? code_text(sen_types(), *s.secondary_type) : "None");
  d.set("start", long_date_or(s.start_date));
  d.set("provision", paragraphs(s.provision));
  put(d, "school", s.organisation_name);
  d.set("recorded", long_date_or(s.recorded_at.substr(0, 10)));
  put(d, "recorded_by", s.recorded_by_name);
  return d;
}

Data cycle_data(std::int64_t child_id, const store::SupportCycleRow& c, bool with_actions) {
  Data d;
  d.set("id", std::to_string(c.id));
  d.set("started", long_date_or(c.started_on));
  put(d, "reviewed", c.reviewed_on ? long_date_or(*c.reviewed_on) : "");
  d.set("assess", paragraphs(c.assess));
  d.set("plan", paragraphs(c.plan));
  d.set("provision", paragraphs(c.provision));
  d.set("outcomes", paragraphs(c.outcomes));
  d.set("review", paragraphs(c.review));
  d.set("has_outcomes", !c.outcomes.empty());
  put(d, "school", c.organisation_name);
  put(d, "review_href", with_actions && !c.reviewed_on
                            ? pupil_href(child_id) + "/cycles/" + std::to_string(c.id) + "/review"
                            : "");
  return d;
}

Data evidence_data(std::int64_t child_id, const app::RequestEvidence& ev) {
  Data d;
  if (ev.support) d.set("support", support_data(*ev.support));
  else d.set("support", false);
  std::vector<Data> cycles;
  for (const auto& c : ev.cycles) cycles.push_back(cycle_data(child_id, c, false));
  d.set("cycles", list_of(std::move(cycles)));
  d.set("has_cycles", !ev.cycles.empty());
  return d;
}

// Decisions and milestones the school follows (advice requests and exceptions are the council's).
bool shown_to_school(EventType t) {
  switch (t) {
    case EventType::RequestReceived:
    case EventType::BecameResponsible:
    case EventType::DecisionToAssess:
    case EventType::DecisionToIssue:
    case EventType::DraftPlanServed:
    case EventType::FinalPlanIssued:
    case EventType::Withdrawn:
    case EventType::ReviewMeeting:
    case EventType::ReviewDecision:
    case EventType::AmendmentsProposed:
    case EventType::AmendedPlanIssued:
    case EventType::PhaseTransfer:
      return true;
    default:
      return false;
  }
}

Data case_data(const app::PupilView& v) {
  const app::CaseView& c = *v.ehc_case;
  Data d;
  d.set("case_id", std::to_string(c.summary.id));
  d.set("stage", std::string(stage_label(c.stage)));
  d.set("caseworker", c.summary.caseworker_name.empty() ? "Not assigned yet" : c.summary.caseworker_name);
  std::vector<const Deadline*> open;
  for (const auto& dl : c.clock.deadlines)
    if (dl.open() && !dl.family_deadline) open.push_back(&dl);
  std::stable_sort(open.begin(), open.end(), [](const Deadline* a, const Deadline* b) { return a->due < b->due; });
  std::vector<Data> deadlines;
  for (const Deadline* dl : open) {
    Data r;
    r.set("rule", dl->rule + (dl->id.empty() ? "" : " (" + dl->id + ")"));
    r.set("summary", std::string(dl->summary));
    r.set("basis", std::string(dl->basis));
    r.set("due", long_date(dl->due));
    Tag t = deadline_tag(*dl, c.today);
    r.set("tag_text", t.text);
    r.set("tag_css", t.css);
    deadlines.push_back(r);
  }
  d.set("deadlines", list_of(std::move(deadlines)));
  d.set("has_deadlines", !open.empty());
  std::vector<Data> decisions;
  for (const Event& e : c.chronology) {
    if (!shown_to_school(e.type)) continue;
    Data r;
    r.set("date", long_date(e.date));
    r.set("label", std::string(event_type_label(e.type)));
    put(r, "details", event_details(e));
    decisions.push_back(r);
  }
  d.set("decisions", list_of(std::move(decisions)));
  // Annual reviews of the plan (page_review.cc).
  bool has_plan = c.stage == Stage::Plan || c.stage == Stage::Review || c.stage == Stage::Amendment;
  put(d, "annual_reviews_href", has_plan ? pupil_href(v.child.id) + "/annual-reviews" : "");
  put(d, "review_href", v.review_open ? pupil_href(v.child.id) + "/reviews/" + std::to_string(c.summary.id) : "");
  // Provision delivered under the plan (page_delivery.cc), once a plan is maintained.
  bool plan_stage = c.stage == Stage::Plan || c.stage == Stage::Review || c.stage == Stage::Amendment;
  put(d, "delivery_href", plan_stage ? "/delivery/cases/" + std::to_string(c.summary.id) : "");
  return d;
}

Response pupil_page(const Request& req, Context& ctx, std::int64_t id) {
  app::PupilView v = ctx.app.schools.pupil(req.actor(), id, req.route_string());
  Data body;
  body.set("id", std::to_string(id));
  body.set("name", full_name(v.child));
  body.set("school_name", v.school_name);
  body.set("dob", long_date(v.child.date_of_birth) + " (age " + std::to_string(age_on(v.child.date_of_birth, v.today)) + ")");
  body.set("upn", v.child.upn.empty() ? "Not recorded" : v.child.upn);
  body.set("on_roll_since", v.on_roll_since ? long_date(*v.on_roll_since) : "Not known");
  if (!v.support.empty()) body.set("support", support_data(v.support.front()));
  else body.set("support", false);
  std::vector<Data> earlier;
  for (size_t i = 1; i < v.support.size(); ++i) earlier.push_back(support_data(v.support[i]));
  body.set("earlier_support", list_of(std::move(earlier)));
  body.set("has_earlier_support", v.support.size() > 1);
  body.set("support_href", pupil_href(id) + "/support");
  std::vector<Data> cycles;
  for (const auto& c : v.cycles) cycles.push_back(cycle_data(id, c, true));
  body.set("cycles", list_of(std::move(cycles)));
  body.set("new_cycle_href", pupil_href(id) + "/cycles/new");
  if (v.ehc_case) body.set("ehc_case", case_data(v));
  else body.set("ehc_case", false);
  // The plan in force, for the SENCO to read (page_plan.cc).
  std::string plan_in_force;
  if (v.ehc_case) {
    try {
      if (auto pf = ctx.app.plans.in_force(req.actor(), v.ehc_case->summary.id, req.route_string()))
        plan_in_force = "/plan-versions/" + std::to_string(pf->row.id);
    } catch (const app::Error&) {
      // No basis to read the plan: no link.
    }
  }
  put(body, "plan_in_force_href", plan_in_force);
  body.set("can_request", !v.case_open);
  body.set("has_evidence", !v.evidence.cycles.empty());
  body.set("request_href", pupil_href(id) + "/request-assessment");
  std::vector<Data> requests;
  for (const auto& r : v.requests) {
    Data d;
    d.set("date", long_date_or(r.requested_at.substr(0, 10)));
    put(d, "by", r.requested_by_name);
    put(d, "school", r.organisation_name);
    requests.push_back(d);
  }
  body.set("requests", list_of(std::move(requests)));
  body.set("has_requests", !v.requests.empty());
  // The child's own words, written once by the family and reused here (app::Family; audited there).
  if (auto about = ctx.app.family.all_about_me(req.actor(), id, req.route_string())) {
    Data a;
    std::vector<Data> sections;
    for (const auto& sec : all_about_me_sections()) {
      const std::string& text = about->text.*(sec.member);
      if (text.empty()) continue;
      Data d;
      d.set("heading", std::string(sec.heading));
      d.set("text", paragraphs(text));
      sections.push_back(d);
    }
    a.set("sections", list_of(std::move(sections)));
    a.set("recorded", long_date_or(about->recorded_at.substr(0, 10)));
    put(a, "recorded_by", about->recorded_by_name);
    body.set("about_me", a);
  } else {
    body.set("about_me", false);
  }
  return page(req, 200, PageFrame{full_name(v.child), "school", {}}, "school_pupil", body);
}

// --- SEN support ---------------------------------------------------------------------------------

std::vector<OptionGroup> support_type_groups() {
  std::vector<OptionGroup> groups;
  for (const auto& area : broad_areas()) {
    OptionGroup g{std::string(area.label), {}};
    for (const auto& t : support_sen_types())
      if (t.group == area.code) g.options.emplace_back(std::string(t.code), code_text(support_sen_types(), std::string(t.code)));
    groups.push_back(std::move(g));
  }
  OptionGroup other{"Not in one of the four broad areas", {}};
  for (const auto& t : support_sen_types())
    if (t.group.empty()) other.options.emplace_back(std::string(t.code), code_text(support_sen_types(), std::string(t.code)));
  groups.push_back(std::move(other));
  return groups;
}

std::vector<Field> support_fields() {
  Choices areas;
  for (const auto& a : broad_areas()) areas.emplace_back(std::string(a.code), std::string(a.label));
  return {
      Field{Field::Kind::Radios, "area_of_need", "Area of need",
            "The broad area of need in the SEND Code of Practice that fits the pupil's main need", areas, "", "", "text", ""},
      Field{Field::Kind::Select, "primary_type", "Primary type of need", "As the school census records it",
            {{"", "Choose the primary type of need"}}, "", "", "text", ""},
      Field{Field::Kind::Select, "secondary_type", "Secondary type of need (optional)", "Only if there is a second type of need",
            {{"", "None"}}, "", "", "text", ""},
      Field{Field::Kind::Date, "start_date", "Date SEN support started", "For example, 15 9 2025", {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "provision", "Provision already made",
            "What the school provides: interventions, adjustments, staff and how often", {}, "", "", "text", ""},
  };
}

Response support_form(const Request& req, const app::PupilView& v, int status, FormState st) {
  auto fields = support_fields();
  st.order_by(fields);
  Data list{Data::type::list};
  Data rest = fields_data(fields, st);
  const auto& items = rest.list_value();
  list.push_back(items[0]);
  list.push_back(grouped_select_data(fields[1], support_type_groups(), st));
  list.push_back(grouped_select_data(fields[2], support_type_groups(), st));
  list.push_back(items[3]);
  list.push_back(items[4]);
  Data body;
  body.set("fields", list);
  body.set("child_name", full_name(v.child));
  body.set("child_href", pupil_href(v.child.id));
  body.set("action_href", pupil_href(v.child.id) + "/support");
  body.set("has_support", !v.support.empty());
  return page(req, status, PageFrame{"SEN support", "school", st.summary}, "school_support", body);
}

// --- cycles --------------------------------------------------------------------------------------

std::vector<Field> cycle_fields() {
  return {
      Field{Field::Kind::Date, "started_on", "Date the cycle started", "For example, 8 9 2025", {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "assess", "Assess: what was assessed, and what it showed",
            "Include the views of the pupil and their parents, and any specialist advice", {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "plan", "Plan: the outcomes sought and how",
            "The adjustments, interventions and support agreed with the pupil and their parents, and the date to review them",
            {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "provision", "Do: the provision made",
            "What was provided, by whom and how often", {}, "", "", "text", ""},
  };
}

std::vector<Field> review_fields() {
  return {
      Field{Field::Kind::Date, "reviewed_on", "Date of the review", "For example, 12 12 2025", {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "outcomes", "The outcomes reached",
            "The progress the pupil made towards each outcome sought, with the evidence", {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "review", "Review: what happens next",
            "What the pupil and their parents said, and what changes for the next cycle", {}, "", "", "text", ""},
  };
}

Response cycle_form(const Request& req, const app::PupilView& v, int status, FormState st) {
  auto fields = cycle_fields();
  st.order_by(fields);
  Data body;
  body.set("fields", fields_data(fields, st));
  body.set("child_name", full_name(v.child));
  body.set("child_href", pupil_href(v.child.id));
  body.set("action_href", pupil_href(v.child.id) + "/cycles");
  return page(req, status, PageFrame{"Start a cycle of the graduated approach", "school", st.summary}, "school_cycle", body);
}

struct CycleTarget {
  app::PupilView view;
  store::SupportCycleRow cycle;
};

CycleTarget load_cycle(Context& ctx, const Request& req) {
  std::int64_t id = child_id_of(req);
  auto cycle_id = req.id_param("cycle_id");
  if (!cycle_id) throw Error(Error::Kind::NotFound, "cycle_id", "There is no such cycle for this pupil.");
  app::PupilView v = ctx.app.schools.pupil(req.actor(), id, req.route_string());
  for (const auto& c : v.cycles)
    if (c.id == *cycle_id) {
      if (c.reviewed_on)
        throw Error(Error::Kind::Conflict, "reviewed_on", "This cycle has already been reviewed. Start a new cycle instead.");
      return CycleTarget{std::move(v), c};
    }
  throw Error(Error::Kind::NotFound, "cycle_id", "There is no such cycle for this pupil.");
}

Response review_form(const Request& req, const CycleTarget& t, int status, FormState st) {
  auto fields = review_fields();
  st.order_by(fields);
  Data body;
  body.set("fields", fields_data(fields, st));
  body.set("child_name", full_name(t.view.child));
  body.set("child_href", pupil_href(t.view.child.id));
  body.set("action_href", pupil_href(t.view.child.id) + "/cycles/" + std::to_string(t.cycle.id) + "/review");
  body.set("cycle", cycle_data(t.view.child.id, t.cycle, false));
  return page(req, status, PageFrame{"Review a cycle of the graduated approach", "school", st.summary}, "school_cycle_review", body);
}

// --- requesting an assessment --------------------------------------------------------------------

std::vector<Field> request_fields() {
  Choices yes_no{{"yes", "Yes"}, {"no", "No"}};
  return {
      Field{Field::Kind::Textarea, "reasons", "Why you are asking for an EHC needs assessment now",
            "What the pupil's needs are, what the school has done, and why the pupil may need provision the school "
            "cannot make from its own resources",
            {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "family_views", "The views of the pupil's parents (or the young person)",
            "In their words where you can, including anything they disagree with", {}, "", "", "text", ""},
      Field{Field::Kind::Radios, "family_informed", "Do the pupil's parents (or the young person) know about this request?",
            "", yes_no, "", "", "text", ""},
      Field{Field::Kind::Radios, "family_agrees", "Do they agree with the request?", "", yes_no, "", "", "text", ""},
      Field{Field::Kind::Checkbox, "evidence_confirmed", "Evidence", "", {}, "", "", "text",
            "I have checked the SEN support record and the cycles shown above: they are the evidence that goes with "
            "this request"},
  };
}

// `evidence_error`: the request has no reviewed cycle; the summary's first entry links to the
// cycle form.
Response request_form(const Request& req, const app::PupilView& v, int status, FormState st,
                      const std::string& evidence_error = "") {
  auto fields = request_fields();
  st.order_by(fields);
  if (!evidence_error.empty())
    st.summary.insert(st.summary.begin(), PageError{pupil_href(v.child.id) + "/cycles/new", evidence_error});
  Data body;
  body.set("fields", fields_data(fields, st));
  body.set("child_name", full_name(v.child));
  body.set("child_href", pupil_href(v.child.id));
  body.set("action_href", pupil_href(v.child.id) + "/request-assessment");
  body.set("new_cycle_href", pupil_href(v.child.id) + "/cycles/new");
  body.set("support_href", pupil_href(v.child.id) + "/support");
  body.set("evidence", evidence_data(v.child.id, v.evidence));
  return page(req, status, PageFrame{"Request an EHC needs assessment", "school", st.summary}, "school_request", body);
}

Response open_case_page(const Request& req, std::int64_t child_id) {
  return conflict_page(req, "This pupil already has an open EHC case",
                       "The council is already dealing with an EHC needs assessment or plan for this pupil, so a new "
                       "request cannot be made. You can follow its stage, deadlines and decisions on the pupil's page.",
                       pupil_href(child_id) + "#ehc-case", "See the pupil's EHC case");
}

std::optional<bool> yes_no(const std::string& v) {
  if (v == "yes") return true;
  if (v == "no") return false;
  return std::nullopt;
}

// --- review contributions ------------------------------------------------------------------------

std::vector<Field> contribution_fields() {
  return {
      Field{Field::Kind::Textarea, "progress", "Progress towards the outcomes in the plan",
            "For each outcome in section E, what the pupil has achieved this year and the evidence", {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "changes", "Changes to needs or provision (optional)",
            "Any change in the pupil's needs, and any provision to add, change or stop", {}, "", "", "text", ""},
      Field{Field::Kind::Textarea, "views", "Views (optional)",
            "The school's views, and what the pupil and their parents have told you", {}, "", "", "text", ""},
  };
}

struct ReviewTarget {
  app::PupilView view;
  std::int64_t case_id = 0;
};

ReviewTarget load_review(Context& ctx, const Request& req) {
  std::int64_t id = child_id_of(req);
  auto case_id = req.id_param("case_id");
  if (!case_id) throw Error(Error::Kind::NotFound, "case_id", "There is no such case for this pupil.");
  app::PupilView v = ctx.app.schools.pupil(req.actor(), id, req.route_string());
  bool found = false;
  for (const auto& c : v.cases) found = found || c.id == *case_id;
  if (!found) throw Error(Error::Kind::NotFound, "case_id", "There is no such case for this pupil.");
  return ReviewTarget{std::move(v), *case_id};
}

Response contribution_form(const Request& req, const ReviewTarget& t, int status, FormState st) {
  auto fields = contribution_fields();
  st.order_by(fields);
  Data body;
  body.set("fields", fields_data(fields, st));
  body.set("child_name", full_name(t.view.child));
  body.set("child_href", pupil_href(t.view.child.id));
  body.set("action_href", pupil_href(t.view.child.id) + "/reviews/" + std::to_string(t.case_id));
  if (t.view.ehc_case && t.view.ehc_case->summary.id == t.case_id) {
    const auto& c = *t.view.ehc_case;
    body.set("stage", std::string(stage_label(c.stage)));
    std::string due;
    for (const auto& d : c.clock.deadlines)
      if ((d.rule == "R1" || d.rule == "R2" || d.rule == "R7") && d.open())
        due = long_date(d.due) + ": " + std::string(d.summary);
    put(body, "review_due", due);
  } else {
    body.set("stage", false);
    body.set("review_due", false);
  }
  return page(req, status, PageFrame{"Contribute to the annual review", "school", st.summary}, "school_review", body);
}

}  // namespace

void school_case_data(Data& body, const app::CaseSchoolRecord& rec) {
  if (rec.request) {
    const auto& r = *rec.request;
    Data d;
    d.set("school", r.organisation_name.empty() ? "A school" : r.organisation_name);
    d.set("date", long_date_or(r.requested_at.substr(0, 10)));
    put(d, "by", r.requested_by_name);
    d.set("reasons", paragraphs(r.reasons));
    d.set("family_views", paragraphs(r.family_views));
    d.set("family_informed", r.family_informed ? "Yes" : "No");
    d.set("family_agrees", r.family_agrees ? "Yes" : "No");
    d.set("evidence", evidence_data(r.child_id, rec.request_evidence));
    body.set("request_from_school", d);
  } else {
    body.set("request_from_school", false);
  }
  std::vector<Data> list;
  for (const auto& c : rec.contributions) {
    Data d;
    d.set("school", c.organisation_name.empty() ? "Not recorded" : c.organisation_name);
    d.set("date", long_date_or(c.created_at.substr(0, 10)));
    put(d, "by", c.author_name);
    d.set("progress", paragraphs(c.progress));
    d.set("changes", paragraphs(c.changes));
    d.set("views", paragraphs(c.views));
    d.set("has_changes", !c.changes.empty());
    d.set("has_views", !c.views.empty());
    list.push_back(d);
  }
  body.set("has_contributions", !list.empty());
  body.set("contributions", list_of(std::move(list)));
}

void register_school_pages(Router& router, Context& ctx) {
  router.add(Method::Get, "/school", Access::Page, [&ctx](Request& req) {
    int page_no = to_int(req.query_fields().value("page")).value_or(1);
    return pupils_page(req, ctx, "", std::max(page_no, 1));
  });

  router.add(Method::Post, "/school", Access::Page, [&ctx](Request& req) {
    int page_no = to_int(req.form.value("page")).value_or(1);
    return pupils_page(req, ctx, req.form.value("name"), std::max(page_no, 1));
  });

  router.add(Method::Get, "/school/pupils/new", Access::Page, [&ctx](Request& req) {
    // Only a school's SENCO adds pupils (403 for anyone else).
    return new_pupil_page(req, 200, FormState{}, ctx.app.schools.school_name(req.actor()));
  });

  router.add(Method::Post, "/school/pupils", Access::Page, [&ctx](Request& req) {
    std::string school = ctx.app.schools.school_name(req.actor());  // 403 for anyone but a SENCO
    FormState st;
    st.take(req.form);
    auto fields = new_pupil_fields();
    app::NewPupil p;
    p.child.given_name = st.value("given_name");
    p.child.family_name = st.value("family_name");
    auto dob = read_date(st, "date_of_birth", "the date of birth", true);
    p.child.sex = st.value("sex");
    p.child.ethnicity = st.value("ethnicity");
    p.child.postcode = st.value("postcode");
    p.child.upn = st.value("upn");
    p.child.upn_unknown = st.value("upn_unknown");
    p.setting_type = st.value("setting_type");
    auto start = read_date(st, "start_date", "the date the pupil joined your school", true);
    Date today = ctx.today();
    Child check = p.child;
    check.date_of_birth = dob.value_or(today);
    for (const auto& e : validate_child(check, today))
      if (e.field != "date_of_birth" || dob) show_app_error(st, fields, e.field, e.reason);
    if (p.setting_type.empty()) st.fail("setting_type", "setting_type", "Select the type of school");
    if (start && today < *start) st.fail("start_date", "start_date-day", "The date the pupil joined your school must be today or in the past");
    if (start && dob && *start < *dob) st.fail("start_date", "start_date-day", "The date the pupil joined your school cannot be before they were born");
    int status = 422;
    if (st.ok()) {
      p.child.date_of_birth = *dob;
      p.start_date = *start;
      try {
        Child made = ctx.app.schools.add_pupil(req.actor(), p, req.route_string());
        return Response::redirect(pupil_href(made.id));
      } catch (const Error& e) {
        if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
        show_app_error(st, fields, e.field, e.reason);
        status = status_for(e);
      }
    }
    return new_pupil_page(req, status, st, school);
  });

  router.add(Method::Get, "/school/pupils/{id}", Access::Page,
             [&ctx](Request& req) { return pupil_page(req, ctx, child_id_of(req)); });

  // SEN support.
  router.add(Method::Get, "/school/pupils/{id}/support", Access::Page, [&ctx](Request& req) {
    app::PupilView v = ctx.app.schools.pupil(req.actor(), child_id_of(req), req.route_string());
    FormState st;
    if (!v.support.empty()) {
      const auto& s = v.support.front();
      st.set("area_of_need", s.area_of_need);
      st.set("primary_type", s.primary_type);
      st.set("secondary_type", s.secondary_type.value_or(""));
      if (auto d = Date::parse(s.start_date)) st.set_date("start_date", *d);
      st.set("provision", s.provision);
    }
    return support_form(req, v, 200, st);
  });

  router.add(Method::Post, "/school/pupils/{id}/support", Access::Page, [&ctx](Request& req) {
    std::int64_t id = child_id_of(req);
    app::PupilView v = ctx.app.schools.pupil(req.actor(), id, req.route_string());
    FormState st;
    st.take(req.form);
    auto fields = support_fields();
    SenSupport s{st.value("area_of_need"), st.value("primary_type"), st.value("secondary_type"), Date{}, st.value("provision")};
    auto start = read_date(st, "start_date", "the date SEN support started", true);
    SenSupport check = s;
    check.start_date = start.value_or(ctx.today());
    for (const auto& e : validate_sen_support(check, v.child.date_of_birth, ctx.today()))
      if (e.field != "start_date" || start) show_app_error(st, fields, e.field, e.reason);
    int status = 422;
    if (st.ok()) {
      s.start_date = *start;
      try {
        ctx.app.schools.record_sen_support(req.actor(), id, s, req.route_string());
        return Response::redirect(pupil_href(id));
      } catch (const Error& e) {
        if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
        show_app_error(st, fields, e.field, e.reason);
        status = status_for(e);
      }
    }
    return support_form(req, v, status, st);
  });

  // The graduated approach.
  router.add(Method::Get, "/school/pupils/{id}/cycles/new", Access::Page, [&ctx](Request& req) {
    app::PupilView v = ctx.app.schools.pupil(req.actor(), child_id_of(req), req.route_string());
    return cycle_form(req, v, 200, FormState{});
  });

  router.add(Method::Post, "/school/pupils/{id}/cycles", Access::Page, [&ctx](Request& req) {
    std::int64_t id = child_id_of(req);
    app::PupilView v = ctx.app.schools.pupil(req.actor(), id, req.route_string());
    FormState st;
    st.take(req.form);
    auto fields = cycle_fields();
    SupportCycle c;
    c.assess = st.value("assess");
    c.plan = st.value("plan");
    c.provision = st.value("provision");
    auto started = read_date(st, "started_on", "the date the cycle started", true);
    SupportCycle check = c;
    check.started_on = started.value_or(ctx.today());
    for (const auto& e : validate_cycle_start(check, v.child.date_of_birth, ctx.today()))
      if (e.field != "started_on" || started) show_app_error(st, fields, e.field, e.reason);
    int status = 422;
    if (st.ok()) {
      c.started_on = *started;
      try {
        ctx.app.schools.start_cycle(req.actor(), id, c, req.route_string());
        return Response::redirect(pupil_href(id) + "#graduated-approach");
      } catch (const Error& e) {
        if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
        show_app_error(st, fields, e.field, e.reason);
        status = status_for(e);
      }
    }
    return cycle_form(req, v, status, st);
  });

  router.add(Method::Get, "/school/pupils/{id}/cycles/{cycle_id}/review", Access::Page, [&ctx](Request& req) {
    CycleTarget t = load_cycle(ctx, req);
    return review_form(req, t, 200, FormState{});
  });

  router.add(Method::Post, "/school/pupils/{id}/cycles/{cycle_id}/review", Access::Page, [&ctx](Request& req) {
    CycleTarget t = load_cycle(ctx, req);
    FormState st;
    st.take(req.form);
    auto fields = review_fields();
    SupportCycle r;
    r.outcomes = st.value("outcomes");
    r.review = st.value("review");
    r.reviewed_on = read_date(st, "reviewed_on", "the date of the review", true);
    SupportCycle check;
    check.started_on = Date::parse(t.cycle.started_on).value_or(Date{});
    check.reviewed_on = r.reviewed_on;
    check.outcomes = r.outcomes;
    check.review = r.review;
    for (const auto& e : validate_cycle_review(check, ctx.today()))
      if (e.field != "reviewed_on" || r.reviewed_on) show_app_error(st, fields, e.field, e.reason);
    int status = 422;
    if (st.ok()) {
      try {
        ctx.app.schools.review_cycle(req.actor(), t.view.child.id, t.cycle.id, r, req.route_string());
        return Response::redirect(pupil_href(t.view.child.id) + "#graduated-approach");
      } catch (const Error& e) {
        if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
        show_app_error(st, fields, e.field, e.reason);
        status = status_for(e);
      }
    }
    return review_form(req, t, status, st);
  });

  // Requesting an EHC needs assessment.
  router.add(Method::Get, "/school/pupils/{id}/request-assessment", Access::Page, [&ctx](Request& req) {
    std::int64_t id = child_id_of(req);
    app::PupilView v = ctx.app.schools.pupil(req.actor(), id, req.route_string());
    if (v.case_open) return open_case_page(req, id);
    return request_form(req, v, 200, FormState{});
  });

  router.add(Method::Post, "/school/pupils/{id}/request-assessment", Access::Page, [&ctx](Request& req) {
    std::int64_t id = child_id_of(req);
    FormState st;
    st.take(req.form);
    auto fields = request_fields();
    AssessmentRequest r;
    r.reasons = st.value("reasons");
    r.family_views = st.value("family_views");
    r.family_informed = yes_no(st.value("family_informed"));
    r.family_agrees = yes_no(st.value("family_agrees"));
    r.evidence_confirmed = st.value("evidence_confirmed") == "yes";
    AssessmentRequest check = r;
    for (const auto& e : validate_assessment_request(check)) show_app_error(st, fields, e.field, e.reason);
    const std::string no_evidence =
        "Record a cycle of the graduated approach, reviewed with its provision and its outcomes, before asking for an "
        "assessment";
    try {
      if (!st.ok()) {
        // Nothing is written, but everything is said: the form's problems, and an open case or
        // missing evidence (which the app checks on an otherwise valid request).
        app::PupilView v = ctx.app.schools.pupil(req.actor(), id, req.route_string());
        if (v.case_open) return open_case_page(req, id);
        return request_form(req, v, 422, st, v.evidence.cycles.empty() ? no_evidence : "");
      }
      ctx.app.schools.request_assessment(req.actor(), id, r, req.route_string());
      return Response::redirect(pupil_href(id) + "#ehc-case");
    } catch (const app::OpenCaseConflict&) {
      return open_case_page(req, id);
    } catch (const Error& e) {
      if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
      app::PupilView v = ctx.app.schools.pupil(req.actor(), id, req.route_string());
      if (e.field == "cycles") return request_form(req, v, 422, st, no_evidence);
      show_app_error(st, fields, e.field, e.reason);
      return request_form(req, v, status_for(e), st);
    }
  });

  // Contributing to an annual review.
  router.add(Method::Get, "/school/pupils/{id}/reviews/{case_id}", Access::Page, [&ctx](Request& req) {
    ReviewTarget t = load_review(ctx, req);
    if (!t.view.review_open || !t.view.ehc_case || t.view.ehc_case->summary.id != t.case_id)
      return conflict_page(req, "This case is not at an annual review",
                           "A school can contribute to an annual review from " +
                               std::to_string(kReviewContributionWeeks) +
                               " weeks before the review is due until the council decides after the review meeting.",
                           pupil_href(t.view.child.id) + "#ehc-case", "See the pupil's EHC case");
    return contribution_form(req, t, 200, FormState{});
  });

  router.add(Method::Post, "/school/pupils/{id}/reviews/{case_id}", Access::Page, [&ctx](Request& req) {
    ReviewTarget t = load_review(ctx, req);
    FormState st;
    st.take(req.form);
    auto fields = contribution_fields();
    ReviewContribution c{st.value("progress"), st.value("changes"), st.value("views")};
    ReviewContribution check = c;
    for (const auto& e : validate_review_contribution(check)) show_app_error(st, fields, e.field, e.reason);
    int status = 422;
    if (st.ok()) {
      try {
        ctx.app.schools.contribute_to_review(req.actor(), t.view.child.id, t.case_id, c, req.route_string());
        return Response::redirect(pupil_href(t.view.child.id) + "#ehc-case");
      } catch (const Error& e) {
        if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::Forbidden) throw;
        if (e.kind == Error::Kind::Conflict && e.field == "case")
          return conflict_page(req, "This case is not at an annual review", capitalise(e.reason) + ".",
                               pupil_href(t.view.child.id) + "#ehc-case", "See the pupil's EHC case");
        show_app_error(st, fields, e.field, e.reason);
        status = status_for(e);
      }
    }
    return contribution_form(req, t, status, st);
  });
}

}  // namespace gt::web
