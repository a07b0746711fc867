// Case projection: what the cases table stores about a chronology - its stage and the council's
// next due date and rule - computed the one way the whole application computes it.
//
// Contract:
//  - project_case(chronology, today) runs the statutory clock (compute_deadlines) and the state
//    machine (stage_of) over `chronology` (the events in force, in date order).
//  - next_due is next_council_due of the clock; next_rule is the rule of the first open council
//    deadline (in the clock's stable order) due on that date; both are absent together.
//  - write_case_projection stores that projection with update_case_projection; the caller holds
//    the transaction that also writes the chronology rows (cases_store.h's contract).
//  - Pure apart from write_case_projection's one UPDATE.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/chronology.h"
#include "domain/clock.h"
#include "domain/event.h"
#include "store/database.h"

namespace gt::app {

struct CaseProjection {
  Stage stage = Stage::None;
  std::optional<Date> next_due;
  std::optional<std::string> next_rule;
  ClockResult clock;
};

CaseProjection project_case(const std::vector<Event>& chronology, Date today);

void write_case_projection(store::Database& db, std::int64_t case_id, const CaseProjection& p, int event_count);

}  // namespace gt::app
