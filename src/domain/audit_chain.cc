#include "domain/audit_chain.h"

#include <sodium.h>

namespace gt {

namespace {
void field(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
  out += '|';
}
void field(std::string& out, const std::optional<std::int64_t>& v) {
  if (!v) {
    out += "-|";
    return;
  }
  field(out, std::to_string(*v));
}
}  // namespace

std::string audit_canonical_text(const AuditEntry& e) {
  std::string out;
  out.reserve(128 + e.route.size());
  field(out, std::optional<std::int64_t>(e.id));
  field(out, e.at);
  field(out, e.user_id);
  field(out, e.action);
  field(out, e.subject);
  field(out, e.subject_id);
  field(out, e.route);
  field(out, e.child_id);
  field(out, e.basis);
  return out;
}

std::string link_hash(std::string_view prev, const AuditEntry& e) {
  std::string text(prev);
  text += '\n';
  text += audit_canonical_text(e);
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

std::optional<ChainBreak> ChainVerifier::add(const AuditEntry& e) {
  if (broken_) return broken_;
  ++rows_;
  if (!started_ && !e.hash && !e.prev_hash) {
    ++unchained_;  // written before the chain was introduced
    last_id_ = e.id;
    return std::nullopt;
  }
  started_ = true;
  std::string at = "row " + std::to_string(e.id);
  if (last_id_ && e.id <= *last_id_) {
    broken_ = ChainBreak{e.id, at + " is out of order"};
    return broken_;
  }
  if (!e.prev_hash || *e.prev_hash != prev_) {
    broken_ = ChainBreak{e.id, at + " does not follow the row before it: a row was deleted, inserted or moved"};
    return broken_;
  }
  if (!e.hash || *e.hash != link_hash(prev_, e)) {
    broken_ = ChainBreak{e.id, at + " was modified after it was written"};
    return broken_;
  }
  prev_ = *e.hash;
  last_id_ = e.id;
  return std::nullopt;
}

}  // namespace gt
