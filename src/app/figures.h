// Figures: the council's casework in numbers, for commissioners, analysts and team managers -
// never an identifiable record.
//
// Contract:
//  - Only analysts and team managers (and caseworkers) may ask; others get Forbidden.
//  - Counts come from the cases' projection (stage, next council deadline and its rule).
//  - For analysts, counts from 1 to 4 are suppressed (shown as "fewer than 5"): small numbers
//    can identify a child when combined with other knowledge (statistical disclosure control,
//    as in DfE publications). Staff see exact counts.
#pragma once

#include <string>
#include <vector>

#include "app/accounts.h"
#include "app/today.h"
#include "domain/date.h"

namespace gt::app {

class Storage;

struct FigureCount {
  std::string label;
  int count = 0;
  bool suppressed = false;  // 1..4 shown to an analyst as "fewer than 5"
};

struct Figures {
  Date today;
  FigureCount open_cases;
  FigureCount overdue;
  FigureCount due_this_week;
  std::vector<FigureCount> by_stage;
  std::vector<FigureCount> overdue_by_rule;  // label: the rule id, e.g. "A3"
};

Figures figures(Storage& storage, const Actor& actor, Date today);

}  // namespace gt::app
