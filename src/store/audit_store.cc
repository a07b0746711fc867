#include "store/audit_store.h"

namespace gt::store {

void append_audit(Database& db, const std::vector<AuditRow>& rows) {
  if (rows.empty()) return;
  std::int64_t last_id = 0;
  std::string prev(kGenesis);
  {
    auto s = db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (s.step()) {
      last_id = s.int64(0);
      if (auto h = s.opt_text(1)) prev = *h;
    }
  }
  for (const auto& r : rows) {
    AuditEntry e{++last_id, r.at, r.user_id, r.action, r.subject, r.subject_id, r.route, r.child_id, r.basis,
                 prev, std::nullopt};
    e.hash = link_hash(prev, e);
    db.prepare(
          "INSERT INTO audit_log(id, at, user_id, action, subject, subject_id, route, child_id, basis, prev_hash, hash) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, e.id)
        .bind(2, e.at)
        .bind(3, e.user_id)
        .bind(4, e.action)
        .bind(5, e.subject)
        .bind(6, e.subject_id)
        .bind(7, e.route)
        .bind(8, e.child_id)
        .bind(9, e.basis)
        .bind(10, e.prev_hash)
        .bind(11, e.hash)
        .run();
    prev = *e.hash;
  }
}

std::vector<AuditRow> audit_of(Database& db, const std::string& subject, std::int64_t subject_id) {
  auto s = db.prepare(
      "SELECT at, user_id, action, subject, subject_id, route, child_id, basis FROM audit_log "
      "WHERE subject = ? AND subject_id = ? ORDER BY id");
  s.bind(1, subject).bind(2, subject_id);
  std::vector<AuditRow> out;
  while (s.step())
    out.push_back(AuditRow{s.text(0), s.opt_int64(1), s.text(2), s.text(3), s.opt_int64(4), s.text(5),
                           s.opt_int64(6), s.text(7)});
  return out;
}

std::int64_t audit_count(Database& db) {
  auto s = db.prepare("SELECT count(*) FROM audit_log");
  s.step();
  return s.int64(0);
}

void scan_audit(Database& db, const std::function<void(const AuditEntry&)>& fn) {
  auto s = db.prepare(
      "SELECT id, at, user_id, action, subject, subject_id, route, child_id, basis, prev_hash, hash "
      "FROM audit_log ORDER BY id");
  while (s.step()) {
    AuditEntry e{s.int64(0), s.text(1), s.opt_int64(2), s.text(3), s.text(4), s.opt_int64(5), s.text(6),
                 s.opt_int64(7), s.text(8), s.opt_text(9), s.opt_text(10)};
    fn(e);
  }
}

std::vector<AccessLogRow> access_log_of_child(Database& db, std::int64_t child_id, int limit) {
  auto s = db.prepare(
      "SELECT a.at, a.action, a.route, a.basis, coalesce(u.display_name, ''), coalesce(u.role, ''), "
      "coalesce(o.name, '') FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "
      "LEFT JOIN organisations o ON o.id = u.organisation_id WHERE a.child_id = ? ORDER BY a.id DESC LIMIT ?");
  s.bind(1, child_id).bind(2, limit);
  std::vector<AccessLogRow> out;
  while (s.step()) out.push_back(AccessLogRow{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)});
  return out;
}

}  // namespace gt::store
