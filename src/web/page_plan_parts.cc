#include "web/page_plan_parts.h"

#include "web/page_text.h"

namespace gt::web {

std::string section_heading(PlanSection s) {
  return "Section " + std::string(plan_section_code(s)) + ": " + std::string(plan_section_title(s));
}

std::string plan_href(std::int64_t case_id) { return "/cases/" + std::to_string(case_id) + "/plan"; }
std::string section_href(std::int64_t case_id, PlanSection s) {
  return plan_href(case_id) + "/sections/" + std::string(plan_section_code(s));
}
std::string element_href(std::int64_t case_id, const std::string& element_id) {
  return plan_href(case_id) + "/elements/" + element_id;
}
std::string version_href(std::int64_t version_id) { return "/plan-versions/" + std::to_string(version_id); }
std::string family_version_href(std::int64_t version_id) {
  return "/family/plan-versions/" + std::to_string(version_id);
}

std::string kind_label(const std::string& kind_name) {
  auto k = app::parse_plan_kind(kind_name);
  return k ? std::string(app::plan_kind_label(*k)) : kind_name;
}

std::string version_label(const store::PlanVersionRow& v) {
  if (v.status != "issued") return "Working version (not issued)";
  std::string s = kind_label(v.kind);
  if (v.number) s += ", version " + std::to_string(*v.number);
  if (v.issued_on) s += ", served " + long_date_or(*v.issued_on);
  return s;
}

Data plan_sections_data(const Plan& plan) {
  auto lines = plan_lines(plan);
  std::vector<Data> sections;
  for (auto s : all_plan_sections()) {
    Data d;
    d.set("code", std::string(plan_section_code(s)));
    d.set("heading", section_heading(s));
    d.set("anchor", "section-" + std::string(plan_section_code(s)));
    d.set("question", std::string(plan_section_question(s)));
    std::vector<Data> items;
    for (const auto& l : lines) {
      if (l.section != s) continue;
      Data i;
      i.set("id", l.id);
      i.set("anchor", "element-" + l.id);
      i.set("text", l.text);
      items.push_back(std::move(i));
    }
    d.set("empty", items.empty());
    d.set("lines", list_of(std::move(items)));
    sections.push_back(std::move(d));
  }
  return list_of(std::move(sections));
}

Data findings_data(const std::vector<ThreadFinding>& findings, std::int64_t editor_case_id) {
  std::vector<Data> out;
  for (const auto& f : findings) {
    Data d;
    d.set("message", f.message);
    d.set("code", f.code);
    d.set("element", f.element_id);
    d.set("section", std::string(plan_section_code(f.section)));
    d.set("href", editor_case_id ? element_href(editor_case_id, f.element_id) : "#element-" + f.element_id);
    out.push_back(std::move(d));
  }
  return list_of(std::move(out));
}

Data comparison_data(const PlanComparison& c) {
  std::vector<Data> sections;
  for (const auto& sd : c.sections) {
    Data d;
    d.set("heading", section_heading(sd.section));
    d.set("anchor", "changes-" + std::string(plan_section_code(sd.section)));
    d.set("changed", std::to_string(sd.changed));
    d.set("no_changes", sd.changed == 0);
    d.set("changed_words", sd.changed == 1 ? std::string("1 change") : std::to_string(sd.changed) + " changes");
    std::vector<Data> lines;
    for (const auto& l : sd.lines) {
      if (l.change == LineChange::Unchanged) continue;
      Data x;
      x.set("id", l.id);
      x.set("change", std::string(line_change_name(l.change)));
      x.set("added", l.change == LineChange::Added);
      x.set("removed", l.change == LineChange::Removed);
      x.set("changed", l.change == LineChange::Changed);
      x.set("before", l.before);
      x.set("after", l.after);
      lines.push_back(std::move(x));
    }
    d.set("lines", list_of(std::move(lines)));
    sections.push_back(std::move(d));
  }
  return list_of(std::move(sections));
}

}  // namespace gt::web
