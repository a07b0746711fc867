// The audit log: who read or wrote which child's record, when, by which route and on what basis.
// Rows are only ever appended (schema triggers), each linked to the one before by its hash
// (domain/audit_chain.h), which append_audit computes inside the caller's transaction.
#pragma once

#include <functional>
#include <vector>

#include "domain/audit_chain.h"
#include "store/database.h"
#include "store/records.h"

namespace gt::store {

void append_audit(Database& db, const std::vector<AuditRow>& rows);  // caller holds the transaction
std::vector<AuditRow> audit_of(Database& db, const std::string& subject, std::int64_t subject_id);
std::int64_t audit_count(Database& db);

// Every row in id order, with its chain fields, one at a time (for verification).
void scan_audit(Database& db, const std::function<void(const AuditEntry&)>& fn);

// Who looked at or changed a child's record: newest first, with the person's name, role and
// organisation, at most `limit` rows.
struct AccessLogRow {
  std::string at;
  std::string action;
  std::string route;
  std::string basis;
  std::string user_name;
  std::string user_role;
  std::string organisation_name;
};
std::vector<AccessLogRow> access_log_of_child(Database& db, std::int64_t child_id, int limit);

}  // namespace gt::store
