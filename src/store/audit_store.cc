#include "store/audit_store.h"

namespace gt::store {

void append_audit(Database& db, const std::vector<AuditRow>& rows) {
  for (const auto& r : rows) {
    db.prepare("INSERT INTO audit_log(at, user_id, action, subject, subject_id, route) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, r.at)
        .bind(2, r.user_id)
        .bind(3, r.action)
        .bind(4, r.subject)
        .bind(5, r.subject_id)
        .bind(6, r.route)
        .run();
  }
}

std::vector<AuditRow> audit_of(Database& db, const std::string& subject, std::int64_t subject_id) {
  auto s = db.prepare(
      "SELECT at, user_id, action, subject, subject_id, route FROM audit_log WHERE subject = ? AND subject_id = ? "
      "ORDER BY id");
  s.bind(1, subject).bind(2, subject_id);
  std::vector<AuditRow> out;
  while (s.step()) out.push_back(AuditRow{s.text(0), s.opt_int64(1), s.text(2), s.text(3), s.opt_int64(4), s.text(5)});
  return out;
}

std::int64_t audit_count(Database& db) {
  auto s = db.prepare("SELECT count(*) FROM audit_log");
  s.step();
  return s.int64(0);
}

}  // namespace gt::store
