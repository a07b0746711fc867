// Audit chain: the hash that links each row of the audit log to the row before it, so that a
// modified, deleted, inserted or reordered row is detected (`goldthread audit verify`).
//
// Contract:
//  - link_hash(prev, row) = lower-case hex SHA-256 of prev, a newline and the row's canonical text.
//    The canonical text is every field, the row id first, each written as its length, ':' and its
//    bytes (a null as "-"), so no two different rows share a text.
//  - The first row's prev is kGenesis (64 zeros).
//  - verify_chain walks rows in id order and names the first row whose prev_hash is not the hash
//    of the row before it (one deleted, inserted or moved) or whose hash is not its own (modified).
//  - Truncating the newest rows cannot be seen from inside the chain: the head hash verify
//    reports is meant to be kept elsewhere (docs/security.md).
//  - Pure; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gt {

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;
  std::optional<std::int64_t> user_id;
  std::string action;
  std::string subject;
  std::optional<std::int64_t> subject_id;
  std::string route;
  std::optional<std::int64_t> child_id;
  std::string basis;
  std::optional<std::string> prev_hash;
  std::optional<std::string> hash;
};

inline constexpr std::string_view kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

std::string audit_canonical_text(const AuditEntry& e);
std::string link_hash(std::string_view prev, const AuditEntry& e);

struct ChainBreak {
  std::int64_t id = 0;     // the first row at fault
  std::string reason;      // plain English
};

// Incremental verifier: feed rows in id order.
class ChainVerifier {
 public:
  // Returns the break at this row, if any; after a break the verifier keeps reporting it.
  std::optional<ChainBreak> add(const AuditEntry& e);
  std::int64_t rows() const { return rows_; }
  std::int64_t unchained() const { return unchained_; }  // rows from before the chain began
  const std::string& head() const { return prev_; }      // the hash of the last row verified

 private:
  std::string prev_{kGenesis};
  std::optional<std::int64_t> last_id_;
  bool started_ = false;
  std::int64_t rows_ = 0;
  std::int64_t unchained_ = 0;
  std::optional<ChainBreak> broken_;
};

}  // namespace gt
