#include "store/notifications_store.h"

namespace gt::store {

namespace {

constexpr const char* kNotificationColumns =
    "id, user_id, child_id, case_id, kind, what_changed, what_needed, due_on, link, created_at, read_at, copy_needed";

NotificationRow notification_of(const Cursor& s) {
  return NotificationRow{s.int64(0), s.int64(1), s.opt_int64(2), s.opt_int64(3), s.text(4),     s.text(5),
                         s.text(6),  s.opt_text(7), s.text(8),   s.text(9),      s.opt_text(10), s.text(11)};
}

constexpr const char* kEmailColumns =
    "id, notification_id, to_address, subject, body, status, attempts, next_attempt_at, last_error, sent_at, "
    "created_at, link";

EmailRow email_of(const Cursor& s) {
  EmailRow e;
  e.id = s.int64(0);
  e.notification_id = s.opt_int64(1);
  e.to_address = s.text(2);
  e.subject = s.text(3);
  e.body = s.text(4);
  e.status = s.text(5);
  e.attempts = static_cast<int>(s.int64(6));
  e.next_attempt_at = s.int64(7);
  e.last_error = s.opt_text(8);
  e.sent_at = s.opt_text(9);
  e.created_at = s.text(10);
  e.link = s.opt_text(11);
  return e;
}

std::vector<std::int64_t> ids(Cursor& s) {
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

}  // namespace

std::int64_t insert_notification(Database& db, const NotificationRow& r) {
  db.prepare(
        "INSERT INTO notifications(user_id, child_id, case_id, kind, what_changed, what_needed, due_on, link, "
        "created_at, copy_needed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.user_id)
      .bind(2, r.child_id)
      .bind(3, r.case_id)
      .bind(4, r.kind)
      .bind(5, r.what_changed)
      .bind(6, r.what_needed)
      .bind(7, r.due_on)
      .bind(8, r.link)
      .bind(9, r.created_at)
      .bind(10, r.copy_needed)
      .run();
  return db.last_insert_id();
}

std::int64_t insert_email(Database& db, const EmailRow& e) {
  db.prepare(
        "INSERT INTO email_outbox(notification_id, to_address, subject, body, status, attempts, next_attempt_at, "
        "created_at, link) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, e.notification_id)
      .bind(2, e.to_address)
      .bind(3, e.subject)
      .bind(4, e.body)
      .bind(5, e.status)
      .bind(6, e.attempts)
      .bind(7, e.next_attempt_at)
      .bind(8, e.created_at)
      .bind(9, e.link)
      .run();
  return db.last_insert_id();
}

std::vector<NotificationRow> notifications_of_user(Database& db, std::int64_t user_id, int limit, int offset) {
  auto s = db.prepare(std::string("SELECT ") + kNotificationColumns +
                      " FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?");
  s.bind(1, user_id).bind(2, limit).bind(3, offset);
  std::vector<NotificationRow> out;
  while (s.step()) out.push_back(notification_of(s));
  return out;
}

int notification_count(Database& db, std::int64_t user_id) {
  auto s = db.prepare("SELECT count(*) FROM notifications WHERE user_id = ?");
  s.bind(1, user_id);
  s.step();
  return static_cast<int>(s.int64(0));
}

int unread_notification_count(Database& db, std::int64_t user_id) {
  auto s = db.prepare("SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL");
  s.bind(1, user_id);
  s.step();
  return static_cast<int>(s.int64(0));
}

bool mark_notification_read(Database& db, std::int64_t user_id, std::int64_t id, const std::string& at) {
  {
    auto s = db.prepare("SELECT 1 FROM notifications WHERE id = ? AND user_id = ?");
    s.bind(1, id).bind(2, user_id);
    if (!s.step()) return false;
  }
  db.prepare("UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL")
      .bind(1, at)
      .bind(2, id)
      .bind(3, user_id)
      .run();
  return true;
}

int mark_all_notifications_read(Database& db, std::int64_t user_id, const std::string& at) {
  db.prepare("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
      .bind(1, at)
      .bind(2, user_id)
      .run();
  return db.changes();
}

std::vector<std::int64_t> active_members(Database& db, std::int64_t organisation_id) {
  auto s = db.prepare("SELECT id FROM users WHERE organisation_id = ? AND active = 1 ORDER BY id");
  s.bind(1, organisation_id);
  return ids(s);
}

std::vector<std::int64_t> council_staff_ids(Database& db) {
  auto s = db.prepare(
      "SELECT u.id FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id "
      "WHERE u.role IN ('caseworker', 'manager') AND u.active = 1 "
      "AND (u.organisation_id IS NULL OR o.kind = 'council') ORDER BY u.id");
  return ids(s);
}

std::vector<std::int64_t> schools_with_child_on_roll(Database& db, std::int64_t child_id, const std::string& today) {
  auto s = db.prepare(
      "SELECT DISTINCT o.id FROM placements p JOIN organisations o ON o.urn = p.urn "
      "WHERE o.kind = 'school' AND p.child_id = ?1 AND p.entry_date <= ?2 "
      "AND (p.leaving_date IS NULL OR p.leaving_date > ?2) ORDER BY o.id");
  s.bind(1, child_id).bind(2, today);
  return ids(s);
}

std::vector<EmailRow> claim_due_emails(Database& db, std::int64_t now, std::int64_t lease_until, int limit) {
  std::vector<EmailRow> out;
  {
    auto s = db.prepare(std::string("SELECT ") + kEmailColumns +
                        " FROM email_outbox WHERE status = 'pending' AND next_attempt_at <= ? "
                        "ORDER BY next_attempt_at, id LIMIT ?");
    s.bind(1, now).bind(2, limit);
    while (s.step()) out.push_back(email_of(s));
  }
  for (const auto& e : out)
    db.prepare("UPDATE email_outbox SET next_attempt_at = ? WHERE id = ?").bind(1, lease_until).bind(2, e.id).run();
  return out;
}

void mark_email_sent(Database& db, std::int64_t id, int attempts, const std::string& sent_at) {
  db.prepare("UPDATE email_outbox SET status = 'sent', attempts = ?, sent_at = ? WHERE id = ?")
      .bind(1, attempts)
      .bind(2, sent_at)
      .bind(3, id)
      .run();
}

void mark_email_retry(Database& db, std::int64_t id, int attempts, std::int64_t next_attempt_at,
                      const std::string& error) {
  db.prepare("UPDATE email_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
      .bind(1, attempts)
      .bind(2, next_attempt_at)
      .bind(3, error)
      .bind(4, id)
      .run();
}

void mark_email_failed(Database& db, std::int64_t id, int attempts, const std::string& error) {
  db.prepare("UPDATE email_outbox SET status = 'failed', attempts = ?, last_error = ? WHERE id = ?")
      .bind(1, attempts)
      .bind(2, error)
      .bind(3, id)
      .run();
}

std::optional<EmailRow> find_email(Database& db, std::int64_t id) {
  auto s = db.prepare(std::string("SELECT ") + kEmailColumns + " FROM email_outbox WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return email_of(s);
}

std::vector<EmailRow> list_emails(Database& db, int limit) {
  auto s = db.prepare(std::string("SELECT ") + kEmailColumns + " FROM email_outbox ORDER BY id DESC LIMIT ?");
  s.bind(1, limit);
  std::vector<EmailRow> out;
  while (s.step()) out.push_back(email_of(s));
  return out;
}

}  // namespace gt::store
