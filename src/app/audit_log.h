// Audit log verification: walks the whole hash-chained audit log (domain/audit_chain.h) and says
// whether it is intact or where it first breaks. Used by `goldthread audit verify`.
//
// Contract:
//  - verify_audit reads every row in id order in one read transaction (a consistent snapshot,
//    alongside a running server) and stops at the first break.
//  - `head` is the hash of the last intact row: keep it somewhere else (a ticket, a second system)
//    to detect a later truncation of the newest rows, which no chain can see from inside.
//  - `unchained` counts rows written before the chain existed (schema step 3); they come first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/audit_chain.h"

namespace gt::app {

class Storage;

struct AuditVerification {
  std::int64_t rows = 0;
  std::int64_t unchained = 0;
  std::string head;
  std::optional<ChainBreak> broken;
  bool intact() const { return !broken.has_value(); }
};

AuditVerification verify_audit(Storage& storage);

}  // namespace gt::app
