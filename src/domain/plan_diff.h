// Plan comparison: what changed between two versions of a plan, section by section, line by
// line - the readable comparison families and caseworkers use instead of tracked changes.
//
// Contract:
//  - Lines are plan_lines() of each version, matched by element id (ids are stable across
//    versions, plan.h). A line present in both with different text is `changed` (before and
//    after); only in the later version `added`; only in the earlier `removed`; otherwise
//    `unchanged`. Nothing else is reported: an unchanged line never shows as changed.
//  - Sections come in the plan's order (A..K), each with its lines in the later version's order,
//    removed lines placed after the line that preceded them in the earlier version.
//  - changed_count counts added + removed + changed lines.
//  - Pure: no I/O.
#pragma once

#include <string>
#include <vector>

#include "domain/plan.h"

namespace gt {

enum class LineChange { Unchanged, Added, Removed, Changed };
std::string_view line_change_name(LineChange c);  // "unchanged" | "added" | "removed" | "changed"

struct LineDiff {
  LineChange change = LineChange::Unchanged;
  std::string id;
  std::string before;  // empty when added
  std::string after;   // empty when removed
};

struct SectionDiff {
  PlanSection section = PlanSection::A;
  std::vector<LineDiff> lines;
  int changed = 0;  // lines in this section that are not unchanged
};

struct PlanComparison {
  std::vector<SectionDiff> sections;  // all twelve, in order
  int changed_count = 0;
};

PlanComparison compare_plans(const Plan& earlier, const Plan& later);

}  // namespace gt
