// A child's SEN needs and placements. Needs are recorded anew each time (the latest row is
// current, earlier rows are the history); a placement is inserted once and may later be given a
// leaving date, once. Triggers in the schema refuse anything else.
#pragma once

#include <optional>
#include <vector>

#include "store/database.h"
#include "store/records.h"

namespace gt::store {

std::int64_t insert_needs(Database& db, const NeedsRow& n);
std::optional<NeedsRow> current_needs(Database& db, std::int64_t child_id);
std::vector<NeedsRow> needs_history(Database& db, std::int64_t child_id);  // newest first

std::int64_t insert_placement(Database& db, const PlacementRow& p);
std::vector<PlacementRow> placements_of_child(Database& db, std::int64_t child_id);  // current first, then by entry date, newest first
// Sets the leaving date of a placement of this child that has none; false if there is no such row.
bool end_placement(Database& db, std::int64_t child_id, std::int64_t placement_id, const std::string& leaving_date);

}  // namespace gt::store
