// Case projection: see case_projection.h for the contract.
#include "app/case_projection.h"

#include "store/cases_store.h"

namespace gt::app {

CaseProjection project_case(const std::vector<Event>& chronology, Date today) {
  CaseProjection p;
  p.clock = compute_deadlines(chronology, today);
  p.stage = stage_of(chronology);
  p.next_due = next_council_due(p.clock);
  if (p.next_due)
    for (const auto& d : p.clock.deadlines)
      if (d.open() && !d.family_deadline && d.due == *p.next_due) {
        p.next_rule = d.rule;
        break;
      }
  return p;
}

void write_case_projection(store::Database& db, std::int64_t case_id, const CaseProjection& p, int event_count) {
  std::optional<std::string> next_due;
  if (p.next_due) next_due = p.next_due->to_string();
  store::update_case_projection(db, case_id, std::string(stage_name(p.stage)), next_due, p.next_rule, event_count);
}

}  // namespace gt::app
