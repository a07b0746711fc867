#include "domain/plan_diff.h"

#include <map>

namespace gt {

std::string_view line_change_name(LineChange c) {
  switch (c) {
    case LineChange::Unchanged: return "unchanged";
    case LineChange::Added: return "added";
    case LineChange::Removed: return "removed";
    case LineChange::Changed: return "changed";
  }
  return "unchanged";
}

PlanComparison compare_plans(const Plan& earlier, const Plan& later) {
  auto a = plan_lines(earlier);
  auto b = plan_lines(later);
  PlanComparison out;
  for (auto s : all_plan_sections()) {
    SectionDiff sd;
    sd.section = s;
    std::vector<const PlanLine*> before, after;
    for (const auto& l : a)
      if (l.section == s) before.push_back(&l);
    for (const auto& l : b)
      if (l.section == s) after.push_back(&l);
    std::map<std::string, const PlanLine*> before_by_id, after_by_id;
    for (auto* l : before) before_by_id[l->id] = l;
    for (auto* l : after) after_by_id[l->id] = l;

    // Removed lines hang after the earlier line that preceded them (or at the top).
    std::multimap<std::string, const PlanLine*> removed_after;  // predecessor id ("" = top) -> line
    std::string prev;
    for (auto* l : before) {
      if (!after_by_id.count(l->id)) removed_after.emplace(prev, l);
      else prev = l->id;
    }
    auto emit_removed = [&](const std::string& key) {
      auto [lo, hi] = removed_after.equal_range(key);
      for (auto it = lo; it != hi; ++it) sd.lines.push_back({LineChange::Removed, it->second->id, it->second->text, ""});
    };
    emit_removed("");
    for (auto* l : after) {
      auto it = before_by_id.find(l->id);
      if (it == before_by_id.end())
        sd.lines.push_back({LineChange::Added, l->id, "", l->text});
      else if (it->second->text != l->text)
        sd.lines.push_back({LineChange::Changed, l->id, it->second->text, l->text});
      else
        sd.lines.push_back({LineChange::Unchanged, l->id, l->text, l->text});
      if (before_by_id.count(l->id)) emit_removed(l->id);
    }
    for (const auto& d : sd.lines)
      if (d.change != LineChange::Unchanged) ++sd.changed;
    out.changed_count += sd.changed;
    out.sections.push_back(std::move(sd));
  }
  return out;
}

}  // namespace gt
