#include "store/users_store.h"

namespace gt::store {

namespace {
template <typename Row> UserRow read_user(Row& s) {
  return UserRow{s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4)};
}
constexpr const char* kUserCols = "SELECT id, email, display_name, role, password_hash FROM users ";
}  // namespace

std::int64_t insert_user(Database& db, const UserRow& u) {
  db.prepare("INSERT INTO users(email, display_name, role, password_hash) VALUES (?, ?, ?, ?)")
      .bind(1, u.email)
      .bind(2, u.display_name)
      .bind(3, u.role)
      .bind(4, u.password_hash)
      .run();
  return db.last_insert_id();
}

std::optional<UserRow> find_user(Database& db, std::int64_t id) {
  auto s = db.prepare(std::string(kUserCols) + "WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_user(s);
}

std::optional<UserRow> find_user_by_email(Database& db, const std::string& email) {
  auto s = db.prepare(std::string(kUserCols) + "WHERE email = ?");
  s.bind(1, email);
  if (!s.step()) return std::nullopt;
  return read_user(s);
}

std::vector<UserRow> list_users(Database& db, const std::string& role) {
  auto s = db.prepare(std::string(kUserCols) + "WHERE (?1 = '' OR role = ?1) ORDER BY display_name");
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
