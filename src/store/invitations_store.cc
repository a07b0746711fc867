#include "store/invitations_store.h"

namespace gt::store {

namespace {
constexpr const char* kCols =
    "SELECT i.id, i.token_hash, i.purpose, i.email, i.display_name, i.role, i.organisation_id, i.org_admin, "
    "i.child_id, i.relationship, i.parental_responsibility, i.user_id, i.created_by, i.created_at, i.expires_at, "
    "i.used_at, o.name, o.kind FROM invitations i LEFT JOIN organisations o ON o.id = i.organisation_id ";

template <typename Cur> InvitationRow read_row(Cur& s) {
  InvitationRow r;
  r.id = s.int64(0);
  r.token_hash = s.text(1);
  r.purpose = s.text(2);
  r.email = s.text(3);
  r.display_name = s.text(4);
  r.role = s.opt_text(5);
  r.organisation_id = s.opt_int64(6);
  r.org_admin = s.int64(7) != 0;
  r.child_id = s.opt_int64(8);
  r.relationship = s.opt_text(9);
  r.parental_responsibility = s.int64(10) != 0;
  r.user_id = s.opt_int64(11);
  r.created_by = s.opt_int64(12);
  r.created_at = s.int64(13);
  r.expires_at = s.int64(14);
  r.used_at = s.opt_int64(15);
  r.organisation_name = s.opt_text(16).value_or("");
  r.organisation_kind = s.opt_text(17).value_or("");
  return r;
}

template <typename Cur> std::vector<InvitationRow> all_rows(Cur& s) {
  std::vector<InvitationRow> out;
  while (s.step()) out.push_back(read_row(s));
  return out;
}
}  // namespace

std::int64_t insert_invitation(Database& db, const InvitationRow& r) {
  db.prepare(
        "INSERT INTO invitations(token_hash, purpose, email, display_name, role, organisation_id, org_admin, child_id, "
        "relationship, parental_responsibility, user_id, created_by, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.token_hash)
      .bind(2, r.purpose)
      .bind(3, r.email)
      .bind(4, r.display_name)
      .bind(5, r.role)
      .bind(6, r.organisation_id)
      .bind(7, r.org_admin ? 1 : 0)
      .bind(8, r.child_id)
      .bind(9, r.relationship)
      .bind(10, r.parental_responsibility ? 1 : 0)
      .bind(11, r.user_id)
      .bind(12, r.created_by)
      .bind(13, r.created_at)
      .bind(14, r.expires_at)
      .run();
  return db.last_insert_id();
}

std::optional<InvitationRow> find_invitation(Database& db, const std::string& token_hash) {
  auto s = db.prepare(std::string(kCols) + "WHERE i.token_hash = ?");
  s.bind(1, token_hash);
  if (!s.step()) return std::nullopt;
  return read_row(s);
}

bool use_invitation(Database& db, std::int64_t id, std::int64_t now) {
  db.prepare("UPDATE invitations SET used_at = ?1 WHERE id = ?2 AND used_at IS NULL AND expires_at > ?1")
      .bind(1, now)
      .bind(2, id)
      .run();
  return db.changes() == 1;
}

void cancel_invitations(Database& db, const std::string& email, const std::string& purpose, std::int64_t now) {
  db.prepare("UPDATE invitations SET used_at = ?1 WHERE email = ?2 AND purpose = ?3 AND used_at IS NULL")
      .bind(1, now)
      .bind(2, email)
      .bind(3, purpose)
      .run();
}

std::vector<InvitationRow> open_invitations_of_organisation(Database& db, std::int64_t organisation_id,
                                                           std::int64_t now) {
  auto s = db.prepare(std::string(kCols) +
                      "WHERE i.purpose = 'invite' AND i.organisation_id = ? AND i.used_at IS NULL AND i.expires_at > ? "
                      "ORDER BY i.id DESC");
  s.bind(1, organisation_id).bind(2, now);
  return all_rows(s);
}

std::vector<InvitationRow> open_staff_invitations(Database& db, std::int64_t now) {
  auto s = db.prepare(std::string(kCols) +
                      "WHERE i.purpose = 'invite' AND i.organisation_id IS NULL AND i.child_id IS NULL "
                      "AND i.used_at IS NULL AND i.expires_at > ? ORDER BY i.id DESC");
  s.bind(1, now);
  return all_rows(s);
}

std::vector<InvitationRow> open_invitations_of_child(Database& db, std::int64_t child_id, std::int64_t now) {
  auto s = db.prepare(std::string(kCols) +
                      "WHERE i.purpose = 'invite' AND i.child_id = ? AND i.used_at IS NULL AND i.expires_at > ? "
                      "ORDER BY i.id DESC");
  s.bind(1, child_id).bind(2, now);
  return all_rows(s);
}

}  // namespace gt::store
