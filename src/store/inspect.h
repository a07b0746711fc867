// Inspect: what a database holds, table by table - for operators (and tests) checking that a
// refused request wrote nothing, and that the file is sound.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "store/database.h"

namespace gt::store {

// Every table's row count and largest rowid ("children" -> "12/12"), so that an insert, a delete
// or a replacement shows. Internal SQLite tables are left out.
std::map<std::string, std::string> table_fingerprints(Database& db);

// PRAGMA integrity_check: "ok" or the first problem.
std::string integrity_check(Database& db);

}  // namespace gt::store
