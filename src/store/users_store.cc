#include "store/users_store.h"

namespace gt::store {

namespace {
template <typename Row> UserRow read_user(Row& s) {
  UserRow u;
  u.id = s.int64(0);
  u.email = s.text(1);
  u.display_name = s.text(2);
  u.role = s.text(3);
  u.password_hash = s.text(4);
  u.organisation_id = s.opt_int64(5);
  u.org_admin = s.int64(6) != 0;
  u.active = s.int64(7) != 0;
  u.totp_secret = s.opt_text(8);
  u.totp_last_step = s.int64(9);
  u.organisation_name = s.opt_text(10).value_or("");
  u.organisation_kind = s.opt_text(11).value_or("");
  return u;
}
constexpr const char* kUserCols =
    "SELECT users.id, users.email, users.display_name, users.role, users.password_hash, users.organisation_id, "
    "users.org_admin, users.active, users.totp_secret, users.totp_last_step, o.name, o.kind "
    "FROM users LEFT JOIN organisations o ON o.id = users.organisation_id ";

template <typename Cur> std::vector<UserRow> all_users(Cur& s) {
  std::vector<UserRow> out;
  while (s.step()) out.push_back(read_user(s));
  return out;
}
}  // namespace

std::int64_t insert_user(Database& db, const UserRow& u) {
  db.prepare(
        "INSERT INTO users(email, display_name, role, password_hash, organisation_id, org_admin, active, totp_secret) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, u.email)
      .bind(2, u.display_name)
      .bind(3, u.role)
      .bind(4, u.password_hash)
      .bind(5, u.organisation_id)
      .bind(6, u.org_admin ? 1 : 0)
      .bind(7, u.active ? 1 : 0)
      .bind(8, u.totp_secret)
      .run();
  return db.last_insert_id();
}

std::optional<UserRow> find_user(Database& db, std::int64_t id) {
  auto s = db.prepare(std::string(kUserCols) + "WHERE users.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_user(s);
}

std::optional<UserRow> find_user_by_email(Database& db, const std::string& email) {
  auto s = db.prepare(std::string(kUserCols) + "WHERE users.email = ?");
  s.bind(1, email);
  if (!s.step()) return std::nullopt;
  return read_user(s);
}

std::vector<UserRow> list_users(Database& db, const std::string& role) {
  auto s = db.prepare(std::string(kUserCols) + "WHERE (?1 = '' OR users.role = ?1) ORDER BY users.display_name");
  s.bind(1, role);
  return all_users(s);
}

std::vector<UserRow> organisation_members(Database& db, std::int64_t organisation_id) {
  auto s = db.prepare(std::string(kUserCols) +
                      "WHERE users.organisation_id = ? ORDER BY users.active DESC, users.display_name, users.id");
  s.bind(1, organisation_id);
  return all_users(s);
}

std::vector<UserRow> council_staff_accounts(Database& db) {
  auto s = db.prepare(std::string(kUserCols) +
                      "WHERE users.role IN ('caseworker', 'manager', 'admin', 'analyst') "
                      "AND (users.organisation_id IS NULL OR o.kind = 'council') "
                      "ORDER BY users.active DESC, users.display_name, users.id");
  return all_users(s);
}

void update_password_hash(Database& db, std::int64_t user_id, const std::string& hash) {
  db.prepare("UPDATE users SET password_hash = ? WHERE id = ?").bind(1, hash).bind(2, user_id).run();
}

void update_display_name(Database& db, std::int64_t user_id, const std::string& name) {
  db.prepare("UPDATE users SET display_name = ? WHERE id = ?").bind(1, name).bind(2, user_id).run();
}

void set_totp_secret(Database& db, std::int64_t user_id, const std::optional<std::string>& secret) {
  db.prepare("UPDATE users SET totp_secret = ?, totp_last_step = 0 WHERE id = ?").bind(1, secret).bind(2, user_id).run();
}

bool advance_totp_step(Database& db, std::int64_t user_id, std::int64_t step) {
  db.prepare("UPDATE users SET totp_last_step = ?1 WHERE id = ?2 AND totp_last_step < ?1")
      .bind(1, step)
      .bind(2, user_id)
      .run();
  return db.changes() == 1;
}

void set_user_active(Database& db, std::int64_t user_id, bool active) {
  db.prepare("UPDATE users SET active = ? WHERE id = ?").bind(1, active ? 1 : 0).bind(2, user_id).run();
}

void insert_session(Database& db, const SessionRow& r) {
  db.prepare(
        "INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at, last_seen, mfa_done) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.token_hash)
      .bind(2, r.user_id)
      .bind(3, r.csrf_token)
      .bind(4, r.created_at)
      .bind(5, r.expires_at)
      .bind(6, r.last_seen)
      .bind(7, r.mfa_done ? 1 : 0)
      .run();
}

std::optional<SessionRow> find_session(Database& db, const std::string& token_hash) {
  auto s = db.prepare(
      "SELECT token_hash, user_id, csrf_token, created_at, expires_at, last_seen, mfa_done FROM sessions "
      "WHERE token_hash = ?");
  s.bind(1, token_hash);
  if (!s.step()) return std::nullopt;
  SessionRow r{s.text(0), s.int64(1), s.text(2), s.int64(3), s.int64(4)};
  r.last_seen = s.int64(5);
  r.mfa_done = s.int64(6) != 0;
  return r;
}

void delete_session(Database& db, const std::string& token_hash) {
  db.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(1, token_hash).run();
}

void touch_session(Database& db, const std::string& token_hash, std::int64_t now) {
  db.prepare("UPDATE sessions SET last_seen = ?1 WHERE token_hash = ?2 AND last_seen < ?1")
      .bind(1, now)
      .bind(2, token_hash)
      .run();
}

void delete_sessions_of_user(Database& db, std::int64_t user_id, const std::string& keep_hash) {
  db.prepare("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?").bind(1, user_id).bind(2, keep_hash).run();
}

void delete_expired_sessions(Database& db, std::int64_t now, std::int64_t idle_before) {
  db.prepare("DELETE FROM sessions WHERE expires_at <= ? OR last_seen < ?").bind(1, now).bind(2, idle_before).run();
}

std::int64_t session_count_of_user(Database& db, std::int64_t user_id) {
  auto s = db.prepare("SELECT count(*) FROM sessions WHERE user_id = ?");
  s.bind(1, user_id);
  s.step();
  return s.int64(0);
}

}  // namespace gt::store
