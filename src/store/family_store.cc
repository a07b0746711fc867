#include "store/family_store.h"

namespace gt::store {

namespace {

constexpr const char* kAboutCols =
    "SELECT a.id, a.child_id, a.views, a.interests, a.aspirations, a.what_works, a.what_does_not, a.communication, "
    "a.recorded_by, a.recorded_at, coalesce(u.display_name, ''), coalesce(u.role, '') "
    "FROM all_about_me a LEFT JOIN users u ON u.id = a.recorded_by ";

AllAboutMeRow read_about(Cursor& s) {
  AllAboutMeRow r;
  r.id = s.int64(0);
  r.child_id = s.int64(1);
  r.views = s.text(2);
  r.interests = s.text(3);
  r.aspirations = s.text(4);
  r.what_works = s.text(5);
  r.what_does_not = s.text(6);
  r.communication = s.text(7);
  r.recorded_by = s.opt_int64(8);
  r.recorded_at = s.text(9);
  r.recorded_by_name = s.text(10);
  r.recorded_by_role = s.text(11);
  return r;
}

}  // namespace

std::int64_t insert_all_about_me(Database& db, const AllAboutMeRow& r) {
  db.prepare(
        "INSERT INTO all_about_me(child_id, views, interests, aspirations, what_works, what_does_not, communication, "
        "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.child_id)
      .bind(2, r.views)
      .bind(3, r.interests)
      .bind(4, r.aspirations)
      .bind(5, r.what_works)
      .bind(6, r.what_does_not)
      .bind(7, r.communication)
      .bind(8, r.recorded_by)
      .bind(9, r.recorded_at)
      .run();
  return db.last_insert_id();
}

std::optional<AllAboutMeRow> latest_all_about_me(Database& db, std::int64_t child_id) {
  auto s = db.prepare(std::string(kAboutCols) + "WHERE a.child_id = ? ORDER BY a.id DESC LIMIT 1");
  s.bind(1, child_id);
  if (!s.step()) return std::nullopt;
  return read_about(s);
}

std::vector<AllAboutMeRow> all_about_me_versions(Database& db, std::int64_t child_id) {
  auto s = db.prepare(std::string(kAboutCols) + "WHERE a.child_id = ? ORDER BY a.id DESC");
  s.bind(1, child_id);
  std::vector<AllAboutMeRow> out;
  while (s.step()) out.push_back(read_about(s));
  return out;
}

std::int64_t insert_message(Database& db, const MessageRow& r) {
  db.prepare("INSERT INTO messages(child_id, from_user, body, created_at) VALUES (?, ?, ?, ?)")
      .bind(1, r.child_id)
      .bind(2, r.from_user)
      .bind(3, r.body)
      .bind(4, r.created_at)
      .run();
  return db.last_insert_id();
}

std::vector<MessageRow> messages_of_child(Database& db, std::int64_t child_id, int limit, int offset) {
  auto s = db.prepare(
      "SELECT m.id, m.child_id, m.from_user, m.body, m.created_at, coalesce(u.display_name, ''), "
      "coalesce(u.role, ''), coalesce(o.name, '') FROM messages m LEFT JOIN users u ON u.id = m.from_user "
      "LEFT JOIN organisations o ON o.id = u.organisation_id WHERE m.child_id = ? ORDER BY m.id DESC LIMIT ? OFFSET ?");
  s.bind(1, child_id).bind(2, limit).bind(3, offset);
  std::vector<MessageRow> out;
  while (s.step())
    out.push_back(MessageRow{s.int64(0), s.int64(1), s.int64(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7)});
  return out;
}

std::int64_t count_messages_of_child(Database& db, std::int64_t child_id) {
  auto s = db.prepare("SELECT count(*) FROM messages WHERE child_id = ?");
  s.bind(1, child_id);
  s.step();
  return s.int64(0);
}

ContactPreferencesRow contact_preferences_of(Database& db, std::int64_t user_id) {
  auto s = db.prepare(
      "SELECT by_email, by_post, by_phone, phone, postal_address, language, accessible_format, email_detail, "
      "updated_at FROM contact_preferences WHERE user_id = ?");
  s.bind(1, user_id);
  ContactPreferencesRow r;
  r.user_id = user_id;
  if (!s.step()) return r;
  r.by_email = s.int64(0) != 0;
  r.by_post = s.int64(1) != 0;
  r.by_phone = s.int64(2) != 0;
  r.phone = s.opt_text(3);
  r.postal_address = s.opt_text(4);
  r.language = s.text(5);
  r.accessible_format = s.text(6);
  r.email_detail = s.text(7);
  r.updated_at = s.text(8);
  r.saved = true;
  return r;
}

void save_contact_preferences(Database& db, const ContactPreferencesRow& r) {
  db.prepare(
        "INSERT INTO contact_preferences(user_id, by_email, by_post, by_phone, phone, postal_address, language, "
        "accessible_format, email_detail, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(user_id) DO UPDATE SET by_email = excluded.by_email, by_post = excluded.by_post, "
        "by_phone = excluded.by_phone, phone = excluded.phone, postal_address = excluded.postal_address, "
        "language = excluded.language, accessible_format = excluded.accessible_format, "
        "email_detail = excluded.email_detail, updated_at = excluded.updated_at")
      .bind(1, r.user_id)
      .bind(2, r.by_email ? 1 : 0)
      .bind(3, r.by_post ? 1 : 0)
      .bind(4, r.by_phone ? 1 : 0)
      .bind(5, r.phone)
      .bind(6, r.postal_address)
      .bind(7, r.language)
      .bind(8, r.accessible_format)
      .bind(9, r.email_detail)
      .bind(10, r.updated_at)
      .run();
}

std::vector<ChildAccessRow> child_access_log(Database& db, std::int64_t child_id, int limit, int offset) {
  auto s = db.prepare(
      "SELECT a.id, a.at, a.action, a.subject, a.route, a.basis, a.user_id, coalesce(u.display_name, ''), "
      "coalesce(u.role, ''), coalesce(o.name, '') FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "
      "LEFT JOIN organisations o ON o.id = u.organisation_id WHERE a.child_id = ? ORDER BY a.id DESC LIMIT ? OFFSET ?");
  s.bind(1, child_id).bind(2, limit).bind(3, offset);
  std::vector<ChildAccessRow> out;
  while (s.step())
    out.push_back(ChildAccessRow{s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.opt_int64(6),
                                 s.text(7), s.text(8), s.text(9)});
  return out;
}

std::int64_t count_child_access_log(Database& db, std::int64_t child_id) {
  auto s = db.prepare("SELECT count(*) FROM audit_log WHERE child_id = ?");
  s.bind(1, child_id);
  s.step();
  return s.int64(0);
}

std::vector<std::int64_t> council_contacts_of_child(Database& db, std::int64_t child_id) {
  std::vector<std::int64_t> out;
  {
    auto s = db.prepare(
        "SELECT DISTINCT u.id FROM cases c JOIN users u ON u.id = c.caseworker_id "
        "WHERE c.child_id = ? AND c.stage <> 'closed' AND u.active = 1 AND u.role IN ('caseworker', 'manager') "
        "ORDER BY u.id");
    s.bind(1, child_id);
    while (s.step()) out.push_back(s.int64(0));
  }
  for (const char* role : {"manager", "caseworker"}) {
    if (!out.empty()) break;
    auto s = db.prepare("SELECT id FROM users WHERE role = ? AND active = 1 ORDER BY id");
    s.bind(1, role);
    while (s.step()) out.push_back(s.int64(0));
  }
  return out;
}

}  // namespace gt::store
