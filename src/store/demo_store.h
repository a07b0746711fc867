// Demo store: the few statements the demo generator (app/demo.h) needs beyond the ordinary
// store functions, so that a generated database is identical for the same seed and today.
//
// Contract:
//  - stamp_demo_times replaces the wall-clock defaults written by the ordinary inserts: each
//    case's opened_at becomes the recorded_at of its first chronology row, each child's created_at
//    the opened_at of its first case, and every user's created_at `staff_created_at`
//    (ISO 8601 UTC). Call it inside the transaction that wrote the rows.
//  - analyze runs ANALYZE so the query planner has statistics for the freshly filled tables.
//  - Nothing else: no demo data is decided here.
#pragma once

#include <string>

#include "store/database.h"

namespace gt::store {

void stamp_demo_times(Database& db, const std::string& staff_created_at);
void analyze(Database& db);

}  // namespace gt::store
