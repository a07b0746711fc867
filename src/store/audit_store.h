// The audit log: who read or wrote which child's record. Rows are only ever appended.
#pragma once

#include <vector>

#include "store/database.h"
#include "store/records.h"

namespace gt::store {

void append_audit(Database& db, const std::vector<AuditRow>& rows);  // caller holds the transaction
std::vector<AuditRow> audit_of(Database& db, const std::string& subject, std::int64_t subject_id);
std::int64_t audit_count(Database& db);

}  // namespace gt::store
