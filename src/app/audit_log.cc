#include "app/audit_log.h"

#include "app/storage.h"
#include "store/audit_store.h"

namespace gt::app {

AuditVerification verify_audit(Storage& storage) {
  storage.flush();  // rows queued by this process count too
  ChainVerifier v;
  AuditVerification out;
  store::scan_audit(storage.read(), [&](const AuditEntry& e) {
    if (out.broken) return;
    if (auto b = v.add(e)) out.broken = b;
  });
  out.rows = v.rows();
  out.unchained = v.unchained();
  out.head = v.head();
  return out;
}

}  // namespace gt::app
