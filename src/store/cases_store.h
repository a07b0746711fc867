// Cases and their chronologies.
//
// Contract:
//  - A case's projection (stage, next_due, next_rule, event_count) is written only by
//    update_case_projection, in the same transaction as the chronology row that changed it.
//  - Chronology rows are only inserted (the table's triggers refuse UPDATE and DELETE).
//  - The caseload is ordered by next due date (cases with none last), then case id, and paged;
//    `total` counts every matching case.
#pragma once

#include <optional>
#include <vector>

#include "store/database.h"
#include "store/records.h"

namespace gt::store {

// The columns a CaseRow is read from, and the reader: other store files that list cases select
// kCaseColumns (aliases c = cases, ch = children, u = the caseworker in users) and read each row
// with case_row_of.
extern const char* const kCaseColumns;
CaseRow case_row_of(const Cursor& s);

std::int64_t insert_case(Database& db, std::int64_t child_id, std::optional<std::int64_t> caseworker_id);
std::optional<CaseRow> find_case(Database& db, std::int64_t id);
std::vector<CaseRow> cases_of_child(Database& db, std::int64_t child_id);
void update_case_projection(Database& db, std::int64_t case_id, const std::string& stage,
                            const std::optional<std::string>& next_due, const std::optional<std::string>& next_rule,
                            int event_count);

std::int64_t insert_event(Database& db, const EventRow& e);
std::vector<EventRow> events_of_case(Database& db, std::int64_t case_id);

struct CaseloadQuery {
  std::optional<std::string> due_from;   // next_due >= (YYYY-MM-DD)
  std::optional<std::string> due_to;     // next_due <= (YYYY-MM-DD)
  std::optional<std::string> stage;
  std::optional<std::int64_t> caseworker_id;
  int limit = 50;
  int offset = 0;
};
struct CaseloadPage {
  std::vector<CaseRow> cases;
  int total = 0;
};
CaseloadPage caseload(Database& db, const CaseloadQuery& q);

struct CaseloadCounts {
  int overdue = 0;         // next_due before `today`
  int due_this_week = 0;   // next_due from today to today + 6
  std::vector<std::pair<std::string, int>> by_stage;
};
CaseloadCounts caseload_counts(Database& db, const std::string& today, const std::string& week_end,
                               std::optional<std::int64_t> caseworker_id);

// Open cases whose next council deadline has passed, counted by the rule of that deadline.
std::vector<std::pair<std::string, int>> overdue_by_rule(Database& db, const std::string& today);

}  // namespace gt::store
