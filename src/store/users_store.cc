#include "store/users_store.h"

namespace gt::store {

namespace {
template <typename Row> UserRow read_user(Row& s) {
  UserRow u{s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4)};
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
  std::vector<UserRow> out;
  while (s.step()) out.push_back(read_user(s));
  return out;
}

void insert_session(Database& db, const SessionRow& r) {
  db.prepare("INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
      .bind(1, r.token_hash)
      .bind(2, r.user_id)
      .bind(3, r.csrf_token)
      .bind(4, r.created_at)
      .bind(5, r.expires_at)
      .run();
}

std::optional<SessionRow> find_session(Database& db, const std::string& token_hash) {
  auto s =
      db.prepare("SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE token_hash = ?");
  s.bind(1, token_hash);
  if (!s.step()) return std::nullopt;
  return SessionRow{s.text(0), s.int64(1), s.text(2), s.int64(3), s.int64(4)};
}

void delete_session(Database& db, const std::string& token_hash) {
  db.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(1, token_hash).run();
}

void delete_expired_sessions(Database& db, std::int64_t now) {
  db.prepare("DELETE FROM sessions WHERE expires_at <= ?").bind(1, now).run();
}

}  // namespace gt::store
