// Migrations: the database schema, as an ordered list of versioned steps.
//
// Contract:
//  - migrate() applies, in one transaction each, every step newer than PRAGMA user_version and
//    leaves user_version at the newest. Running it again does nothing. Steps are never edited
//    once released; a change is a new step.
//  - The chronology table (case_events) is append-only: triggers make UPDATE and DELETE fail, so
//    a correction is always a new row that supersedes an earlier one.
#pragma once

#include "store/database.h"

namespace gt::store {

int schema_version(Database& db);
int latest_schema_version();
void migrate(Database& db);

}  // namespace gt::store
