#include "store/organisations_store.h"

namespace gt::store {

namespace {
constexpr const char* kCols = "SELECT id, name, kind, urn, email FROM organisations ";
OrganisationRow read(Cursor& s) { return OrganisationRow{s.int64(0), s.text(1), s.text(2), s.opt_text(3), s.opt_text(4)}; }
}  // namespace

std::int64_t insert_organisation(Database& db, const OrganisationRow& r) {
  db.prepare("INSERT INTO organisations(name, kind, urn, email) VALUES (?, ?, ?, ?)")
      .bind(1, r.name)
      .bind(2, r.kind)
      .bind(3, r.urn)
      .bind(4, r.email)
      .run();
  return db.last_insert_id();
}

std::optional<OrganisationRow> find_organisation(Database& db, std::int64_t id) {
  auto s = db.prepare(std::string(kCols) + "WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read(s);
}

std::optional<OrganisationRow> find_organisation_by_urn(Database& db, const std::string& urn) {
  auto s = db.prepare(std::string(kCols) + "WHERE urn = ?");
  s.bind(1, urn);
  if (!s.step()) return std::nullopt;
  return read(s);
}

void set_member_organisation(Database& db, std::int64_t user_id, std::int64_t organisation_id, bool org_admin) {
  db.prepare("UPDATE users SET organisation_id = ?, org_admin = ? WHERE id = ?")
      .bind(1, organisation_id)
      .bind(2, org_admin ? 1 : 0)
      .bind(3, user_id)
      .run();
}

std::vector<OrganisationRow> list_organisations(Database& db, const std::string& kind) {
  auto s = db.prepare(std::string(kCols) + "WHERE (?1 = '' OR kind = ?1) ORDER BY name");
  s.bind(1, kind);
  std::vector<OrganisationRow> out;
  while (s.step()) out.push_back(read(s));
  return out;
}

}  // namespace gt::store
