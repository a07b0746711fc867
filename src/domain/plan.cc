#include "domain/plan.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <set>

#include "domain/codes.h"
#include "domain/free_text.h"

namespace gt {
namespace {

struct SectionInfo {
  PlanSection section;
  std::string_view code;
  std::string_view title;
  std::string_view question;
};

constexpr std::array<SectionInfo, 12> kSections = {{
    {PlanSection::A, "A", "The views, interests and aspirations of the child and their parents, or of the young person",
     "What matters to the child or young person, and what they hope for"},
    {PlanSection::B, "B", "Special educational needs", "What the child or young person finds difficult in learning"},
    {PlanSection::C, "C", "Health needs related to special educational needs", "Health needs that affect learning"},
    {PlanSection::D, "D", "Social care needs related to special educational needs or disability",
     "Care needs that come from the special educational needs or disability"},
    {PlanSection::E, "E", "Outcomes", "What the child or young person should achieve, and by when"},
    {PlanSection::F, "F", "Special educational provision", "The help with learning that must be given"},
    {PlanSection::G, "G", "Health provision", "The health help that must be given"},
    {PlanSection::H1, "H1", "Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970",
     "Social care help the council must give by law (section 2 of the 1970 Act)"},
    {PlanSection::H2, "H2", "Other social care provision", "Other social care help"},
    {PlanSection::I, "I", "Placement", "The school, college or other setting"},
    {PlanSection::J, "J", "Personal budget", "Money the family or young person manages for some of the help"},
    {PlanSection::K, "K", "Advice and information", "The advice the plan was written from"},
}};

const SectionInfo& info(PlanSection s) { return kSections[static_cast<size_t>(s)]; }

bool is_need_section(PlanSection s) { return s == PlanSection::B || s == PlanSection::C || s == PlanSection::D; }
bool is_provision_section(PlanSection s) {
  return s == PlanSection::F || s == PlanSection::G || s == PlanSection::H1 || s == PlanSection::H2;
}

void add(std::vector<FieldError>& out, const std::string& field, std::string reason) {
  out.push_back({field, std::move(reason)});
}

std::string join_ids(const std::vector<std::string>& ids) {
  std::string s;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) s += i + 1 == ids.size() ? " and " : ", ";
    s += ids[i];
  }
  return s;
}

void check_links(const std::vector<std::string>& links, const std::set<std::string>& targets, const std::string& field,
                 std::string_view what, std::vector<FieldError>& out) {
  std::set<std::string> seen;
  for (const auto& l : links) {
    if (!targets.count(l))
      add(out, field, "links to " + std::string(what) + " " + l + ", which is not in the plan");
    else if (!seen.insert(l).second)
      add(out, field, "links to " + std::string(what) + " " + l + " twice");
  }
}

}  // namespace

const std::vector<PlanSection>& all_plan_sections() {
  static const std::vector<PlanSection> v = [] {
    std::vector<PlanSection> r;
    for (const auto& s : kSections) r.push_back(s.section);
    return r;
  }();
  return v;
}

std::string_view plan_section_code(PlanSection s) { return info(s).code; }
std::string_view plan_section_title(PlanSection s) { return info(s).title; }
std::string_view plan_section_question(PlanSection s) { return info(s).question; }

std::optional<PlanSection> parse_plan_section(std::string_view code) {
  for (const auto& s : kSections)
    if (s.code == code) return s.section;
  return std::nullopt;
}

std::string_view frequency_per_name(FrequencyPer p) {
  switch (p) {
    case FrequencyPer::None: return "none";
    case FrequencyPer::Day: return "day";
    case FrequencyPer::Week: return "week";
    case FrequencyPer::Fortnight: return "fortnight";
    case FrequencyPer::HalfTerm: return "half_term";
    case FrequencyPer::Term: return "term";
    case FrequencyPer::Year: return "year";
  }
  return "none";
}

std::optional<FrequencyPer> parse_frequency_per(std::string_view name) {
  for (auto p : {FrequencyPer::None, FrequencyPer::Day, FrequencyPer::Week, FrequencyPer::Fortnight,
                 FrequencyPer::HalfTerm, FrequencyPer::Term, FrequencyPer::Year})
    if (frequency_per_name(p) == name) return p;
  return std::nullopt;
}

std::string_view frequency_per_label(FrequencyPer p) {
  switch (p) {
    case FrequencyPer::None: return "";
    case FrequencyPer::Day: return "a day";
    case FrequencyPer::Week: return "a week";
    case FrequencyPer::Fortnight: return "a fortnight";
    case FrequencyPer::HalfTerm: return "each half term";
    case FrequencyPer::Term: return "a term";
    case FrequencyPer::Year: return "a year";
  }
  return "";
}

std::string next_element_id(Plan& plan, PlanSection section) {
  ++plan.last_number;
  return std::string(plan_section_code(section)) + "-" + std::to_string(plan.last_number);
}

std::optional<PlanSection> section_of_id(std::string_view id) {
  auto dash = id.find('-');
  if (dash == std::string_view::npos || dash + 1 >= id.size()) return std::nullopt;
  auto s = parse_plan_section(id.substr(0, dash));
  if (!s) return std::nullopt;
  auto digits = id.substr(dash + 1);
  if (digits.size() > 9 || digits[0] == '0') return std::nullopt;
  for (char c : digits)
    if (c < '0' || c > '9') return std::nullopt;
  return s;
}

namespace {

int number_of_id(std::string_view id) {
  auto digits = id.substr(id.find('-') + 1);
  int n = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), n);
  return n;
}

void check_id(const std::string& id, std::initializer_list<PlanSection> allowed, std::set<std::string>& ids,
              int& max_number, std::vector<FieldError>& out) {
  auto s = section_of_id(id);
  if (!s || std::find(allowed.begin(), allowed.end(), *s) == allowed.end()) {
    add(out, id.empty() ? std::string("id") : id, "is not an id this part of the plan can have");
    return;
  }
  if (!ids.insert(id).second) add(out, id, "is used by two parts of the plan");
  max_number = std::max(max_number, number_of_id(id));
}

}  // namespace

std::vector<FieldError> validate_plan(Plan& p) {
  std::vector<FieldError> out;
  std::set<std::string> ids;
  int max_number = 0;

  for (auto& v : p.views) {
    check_id(v.id, {PlanSection::A}, ids, max_number, out);
    check_free_text(v.heading, v.id + ".heading", "The heading", false, out, 200);
    check_free_text(v.text, v.id + ".text", "What the child, young person or family said", true, out);
  }
  for (auto& n : p.needs) {
    check_id(n.id, {PlanSection::B, PlanSection::C, PlanSection::D}, ids, max_number, out);
    if (auto s = section_of_id(n.id); s && *s != n.section) add(out, n.id + ".section", "does not match the id");
    if (!is_need_section(n.section)) add(out, n.id + ".section", "must be B, C or D");
    check_free_text(n.text, n.id + ".text", "The need", true, out);
    if (n.section == PlanSection::B) {
      if (n.sen_type.empty())
        add(out, n.id + ".sen_type", "Select the type of special educational need");
      else if (!plan_sen_types().contains(n.sen_type))
        add(out, n.id + ".sen_type", "Select a type of special educational need from the list");
      if (n.broad_area.empty()) {
        n.broad_area = std::string(broad_area_of(n.sen_type));
        if (n.broad_area.empty()) add(out, n.id + ".broad_area", "Select the broad area of need");
      } else if (!broad_areas().contains(n.broad_area)) {
        add(out, n.id + ".broad_area", "Select a broad area of need from the list");
      } else if (auto a = broad_area_of(n.sen_type); !a.empty() && a != n.broad_area) {
        add(out, n.id + ".broad_area", "The broad area must be the one the type of need belongs to (" +
                                           std::string(broad_areas().label(a)) + ")");
      }
    } else if (!n.sen_type.empty() || !n.broad_area.empty()) {
      add(out, n.id + ".sen_type", "Only special educational needs (section B) have a type and broad area");
    }
  }
  std::set<std::string> need_ids;
  for (const auto& n : p.needs) need_ids.insert(n.id);
  for (auto& o : p.outcomes) {
    check_id(o.id, {PlanSection::E}, ids, max_number, out);
    check_free_text(o.text, o.id + ".text", "The outcome", true, out);
    check_free_text(o.steps, o.id + ".steps", "The steps towards the outcome", false, out);
    check_links(o.needs, need_ids, o.id + ".needs", "need", out);
  }
  std::set<std::string> outcome_ids;
  for (const auto& o : p.outcomes) outcome_ids.insert(o.id);
  for (auto& f : p.provision) {
    check_id(f.id, {PlanSection::F, PlanSection::G, PlanSection::H1, PlanSection::H2}, ids, max_number, out);
    if (auto s = section_of_id(f.id); s && *s != f.section) add(out, f.id + ".section", "does not match the id");
    if (!is_provision_section(f.section)) add(out, f.id + ".section", "must be F, G, H1 or H2");
    check_free_text(f.what, f.id + ".what", "What the provision is", true, out);
    check_free_text(f.delivered_by, f.id + ".delivered_by", "Who delivers it", false, out, 200);
    check_free_text(f.qualification, f.id + ".qualification", "Their qualification", false, out, 200);
    check_free_text(f.provider, f.id + ".provider", "Who arranges it", false, out, 200);
    if (f.sessions < 0 || f.sessions > 1000) add(out, f.id + ".sessions", "How many sessions must be between 0 and 1000");
    if (f.minutes < 0 || f.minutes > 24 * 60) add(out, f.id + ".minutes", "Minutes a session must be between 0 and 1440");
    if (f.group_size < 0 || f.group_size > 100) add(out, f.id + ".group_size", "The group size must be between 0 and 100");
    if (f.sessions > 0 && f.per == FrequencyPer::None)
      add(out, f.id + ".per", "Say how often: a day, a week, a fortnight, each half term, a term or a year");
    if (f.sessions == 0 && f.per != FrequencyPer::None) add(out, f.id + ".sessions", "Enter how many sessions");
    if (f.provider_organisation_id < 0) add(out, f.id + ".provider_organisation_id", "is not an organisation");
    if (f.from && f.until && *f.until < *f.from)
      add(out, f.id + ".until", "The end date must be the same as or after the start date");
    check_links(f.outcomes, outcome_ids, f.id + ".outcomes", "outcome", out);
  }
  check_free_text(p.placement.name, "I.name", "The name of the school, college or type of setting", false, out, 300);
  check_free_text(p.placement.kind, "I.kind", "The kind of setting", false, out, 200);
  check_free_text(p.placement.notes, "I.notes", "Notes about the placement", false, out);
  if (!p.placement.urn.empty()) {
    bool six = p.placement.urn.size() == 6 &&
               std::all_of(p.placement.urn.begin(), p.placement.urn.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!six) add(out, "I.urn", "The URN must be 6 digits");
  }
  for (auto& j : p.personal_budget) {
    check_id(j.id, {PlanSection::J}, ids, max_number, out);
    check_free_text(j.heading, j.id + ".heading", "The heading", false, out, 200);
    check_free_text(j.text, j.id + ".text", "The personal budget", true, out);
  }
  for (auto& k : p.advice) {
    check_id(k.id, {PlanSection::K}, ids, max_number, out);
    check_free_text(k.from, k.id + ".from", "Who the advice is from", true, out, 200);
    check_free_text(k.author, k.id + ".author", "The author", false, out, 200);
    check_free_text(k.title, k.id + ".title", "The title of the advice", true, out, 300);
  }
  if (max_number > p.last_number) p.last_number = max_number;
  return out;
}

const PlanNeed* find_need(const Plan& p, std::string_view id) {
  for (const auto& n : p.needs)
    if (n.id == id) return &n;
  return nullptr;
}
const PlanOutcome* find_outcome(const Plan& p, std::string_view id) {
  for (const auto& o : p.outcomes)
    if (o.id == id) return &o;
  return nullptr;
}
const PlanProvision* find_provision(const Plan& p, std::string_view id) {
  for (const auto& f : p.provision)
    if (f.id == id) return &f;
  return nullptr;
}

std::string provision_frequency_text(const PlanProvision& f) {
  std::string s;
  if (f.sessions > 0 && f.per != FrequencyPer::None) {
    s = std::to_string(f.sessions) + (f.sessions == 1 ? " session " : " sessions ") +
        std::string(frequency_per_label(f.per));
    if (f.minutes > 0) s += ", " + std::to_string(f.minutes) + " minutes each";
  } else if (f.minutes > 0) {
    s = std::to_string(f.minutes) + " minutes a session";
  }
  if (f.group_size == 1) s += std::string(s.empty() ? "" : ", ") + "one to one";
  else if (f.group_size > 1) s += std::string(s.empty() ? "" : ", ") + "in a group of up to " + std::to_string(f.group_size);
  return s;
}

std::vector<PlanLine> plan_lines(const Plan& p) {
  std::vector<PlanLine> lines;
  auto line = [&](PlanSection s, std::string id, std::string text) { lines.push_back({s, std::move(id), std::move(text)}); };
  for (const auto& v : p.views) line(PlanSection::A, v.id, v.heading.empty() ? v.text : v.heading + ": " + v.text);
  for (auto s : {PlanSection::B, PlanSection::C, PlanSection::D})
    for (const auto& n : p.needs) {
      if (n.section != s) continue;
      std::string t = n.text;
      if (s == PlanSection::B && !n.sen_type.empty())
        t += " (Type of need: " + std::string(sen_types().label(n.sen_type)) + "; area: " +
             std::string(broad_areas().label(n.broad_area)) + ")";
      line(s, n.id, t);
    }
  for (const auto& o : p.outcomes) {
    std::string t = o.text;
    t += o.by ? " By " + o.by->to_long_string() + "." : " No time frame given.";
    if (!o.needs.empty()) t += " Addresses needs " + join_ids(o.needs) + ".";
    if (!o.steps.empty()) t += " Steps: " + o.steps;
    line(PlanSection::E, o.id, t);
  }
  for (auto s : {PlanSection::F, PlanSection::G, PlanSection::H1, PlanSection::H2})
    for (const auto& f : p.provision) {
      if (f.section != s) continue;
      std::string t = f.what;
      if (!f.delivered_by.empty())
        t += " Delivered by: " + f.delivered_by + (f.qualification.empty() ? "" : " (" + f.qualification + ")") + ".";
      if (!f.provider.empty()) t += " Arranged by: " + f.provider + ".";
      if (auto freq = provision_frequency_text(f); !freq.empty()) t += " How often: " + freq + ".";
      if (f.from) t += " From " + f.from->to_long_string();
      if (f.until) t += std::string(f.from ? " until " : " Until ") + f.until->to_long_string();
      if (f.from || f.until) t += ".";
      if (!f.outcomes.empty()) t += " Towards outcomes " + join_ids(f.outcomes) + ".";
      line(s, f.id, t);
    }
  if (!p.placement.name.empty() || !p.placement.urn.empty() || !p.placement.kind.empty() || !p.placement.notes.empty()) {
    std::string t = p.placement.name;
    if (!p.placement.urn.empty()) t += " (URN " + p.placement.urn + ")";
    if (!p.placement.kind.empty()) t += (t.empty() ? "" : ", ") + p.placement.kind;
    if (!p.placement.notes.empty()) t += ". " + p.placement.notes;
    line(PlanSection::I, "I", t);
  }
  for (const auto& j : p.personal_budget) line(PlanSection::J, j.id, j.heading.empty() ? j.text : j.heading + ": " + j.text);
  for (const auto& k : p.advice) {
    std::string t = k.title + ", from " + k.from;
    if (!k.author.empty()) t += " (" + k.author + ")";
    if (k.date) t += ", " + k.date->to_long_string();
    line(PlanSection::K, k.id, t);
  }
  return lines;
}

}  // namespace gt
