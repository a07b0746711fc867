#include "store/notifications_store.h"

namespace gt::store {

std::int64_t insert_notification(Database& db, const NotificationRow& r) {
  db.prepare(
        "INSERT INTO notifications(user_id, child_id, case_id, kind, what_changed, what_needed, due_on, link, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.user_id)
      .bind(2, r.child_id)
      .bind(3, r.case_id)
      .bind(4, r.kind)
      .bind(5, r.what_changed)
      .bind(6, r.what_needed)
      .bind(7, r.due_on)
      .bind(8, r.link)
      .bind(9, r.created_at)
      .run();
  return db.last_insert_id();
}

std::int64_t insert_email(Database& db, const EmailRow& e) {
  db.prepare(
        "INSERT INTO email_outbox(notification_id, to_address, subject, body, status, attempts, next_attempt_at, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, e.notification_id)
      .bind(2, e.to_address)
      .bind(3, e.subject)
      .bind(4, e.body)
      .bind(5, e.status)
      .bind(6, e.attempts)
      .bind(7, e.next_attempt_at)
      .bind(8, e.created_at)
      .run();
  return db.last_insert_id();
}

std::vector<NotificationRow> notifications_of_user(Database& db, std::int64_t user_id, int limit) {
  auto s = db.prepare(
      "SELECT id, user_id, child_id, case_id, kind, what_changed, what_needed, due_on, link, created_at, read_at "
      "FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT ?");
  s.bind(1, user_id).bind(2, limit);
  std::vector<NotificationRow> out;
  while (s.step())
    out.push_back(NotificationRow{s.int64(0), s.int64(1), s.opt_int64(2), s.opt_int64(3), s.text(4), s.text(5),
                                  s.text(6), s.opt_text(7), s.text(8), s.text(9), s.opt_text(10)});
  return out;
}

std::vector<std::int64_t> active_members(Database& db, std::int64_t organisation_id) {
  auto s = db.prepare("SELECT id FROM users WHERE organisation_id = ? AND active = 1 ORDER BY id");
  s.bind(1, organisation_id);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

}  // namespace gt::store
