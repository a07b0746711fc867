#include "store/sharing_store.h"

namespace gt::store {

std::int64_t insert_consent(Database& db, const ConsentRow& r) {
  db.prepare(
        "INSERT INTO consents(child_id, organisation_id, purpose, given_by, given_by_user, given_on, recorded_by, "
        "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.child_id)
      .bind(2, r.organisation_id)
      .bind(3, r.purpose)
      .bind(4, r.given_by)
      .bind(5, r.given_by_user)
      .bind(6, r.given_on)
      .bind(7, r.recorded_by)
      .bind(8, r.recorded_at)
      .run();
  return db.last_insert_id();
}

std::vector<ConsentRow> consents_of_child(Database& db, std::int64_t child_id) {
  auto s = db.prepare(
      "SELECT c.id, c.child_id, c.organisation_id, c.purpose, c.given_by, c.given_by_user, c.given_on, c.recorded_by, "
      "c.recorded_at, c.withdrawn_on, c.withdrawn_by, c.withdrawn_recorded_by, c.withdrawn_recorded_at, o.name, "
      "coalesce(r.display_name, ''), coalesce(r.role, ''), coalesce(w.display_name, ''), coalesce(w.role, '') "
      "FROM consents c JOIN organisations o ON o.id = c.organisation_id "
      "LEFT JOIN users r ON r.id = c.recorded_by LEFT JOIN users w ON w.id = c.withdrawn_recorded_by "
      "WHERE c.child_id = ? ORDER BY c.id DESC");
  s.bind(1, child_id);
  std::vector<ConsentRow> out;
  while (s.step()) {
    ConsentRow r;
    r.id = s.int64(0);
    r.child_id = s.int64(1);
    r.organisation_id = s.int64(2);
    r.purpose = s.text(3);
    r.given_by = s.text(4);
    r.given_by_user = s.opt_int64(5);
    r.given_on = s.text(6);
    r.recorded_by = s.opt_int64(7);
    r.recorded_at = s.text(8);
    r.withdrawn_on = s.opt_text(9);
    r.withdrawn_by = s.opt_text(10);
    r.withdrawn_recorded_by = s.opt_int64(11);
    r.withdrawn_recorded_at = s.opt_text(12);
    r.organisation_name = s.text(13);
    r.recorded_by_name = s.text(14);
    r.recorded_by_role = s.text(15);
    r.withdrawn_recorded_by_name = s.text(16);
    r.withdrawn_recorded_by_role = s.text(17);
    out.push_back(std::move(r));
  }
  return out;
}

int withdraw_consents(Database& db, std::int64_t child_id, std::int64_t organisation_id, const std::string& withdrawn_on,
                      const std::string& withdrawn_by, std::optional<std::int64_t> recorded_by,
                      const std::string& recorded_at) {
  db.prepare(
        "UPDATE consents SET withdrawn_on = ?, withdrawn_by = ?, withdrawn_recorded_by = ?, withdrawn_recorded_at = ? "
        "WHERE child_id = ? AND organisation_id = ? AND withdrawn_on IS NULL")
      .bind(1, withdrawn_on)
      .bind(2, withdrawn_by)
      .bind(3, recorded_by)
      .bind(4, recorded_at)
      .bind(5, child_id)
      .bind(6, organisation_id)
      .run();
  return db.changes();
}

std::int64_t insert_override(Database& db, const OverrideRow& r) {
  db.prepare(
        "INSERT INTO sharing_overrides(child_id, organisation_id, lawful_basis, reason, decided_by, decided_at) "
        "VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, r.child_id)
      .bind(2, r.organisation_id)
      .bind(3, r.lawful_basis)
      .bind(4, r.reason)
      .bind(5, r.decided_by)
      .bind(6, r.decided_at)
      .run();
  return db.last_insert_id();
}

std::vector<OverrideRow> overrides_of_child(Database& db, std::int64_t child_id) {
  auto s = db.prepare(
      "SELECT s.id, s.child_id, s.organisation_id, s.lawful_basis, s.reason, s.decided_by, s.decided_at, o.name, "
      "coalesce(u.display_name, ''), coalesce(u.role, '') FROM sharing_overrides s "
      "JOIN organisations o ON o.id = s.organisation_id LEFT JOIN users u ON u.id = s.decided_by "
      "WHERE s.child_id = ? ORDER BY s.id DESC");
  s.bind(1, child_id);
  std::vector<OverrideRow> out;
  while (s.step())
    out.push_back(OverrideRow{s.int64(0), s.int64(1), s.int64(2), s.text(3), s.text(4), s.int64(5), s.text(6), s.text(7),
                              s.text(8), s.text(9)});
  return out;
}

std::vector<OrganisationRow> sharing_organisations(Database& db, std::int64_t child_id) {
  auto s = db.prepare(
      "SELECT id, name, kind, urn, email FROM organisations o WHERE o.kind <> 'council' AND ("
      "o.kind IN ('ep_service', 'health', 'social_care', 'other') "
      "OR EXISTS (SELECT 1 FROM consents c WHERE c.child_id = ?1 AND c.organisation_id = o.id) "
      "OR EXISTS (SELECT 1 FROM sharing_overrides v WHERE v.child_id = ?1 AND v.organisation_id = o.id) "
      "OR EXISTS (SELECT 1 FROM advice_requests a WHERE a.child_id = ?1 AND a.organisation_id = o.id) "
      "OR EXISTS (SELECT 1 FROM placements p WHERE p.child_id = ?1 AND p.urn IS NOT NULL AND p.urn = o.urn)) "
      "ORDER BY o.name, o.id");
  s.bind(1, child_id);
  std::vector<OrganisationRow> out;
  while (s.step()) out.push_back(OrganisationRow{s.int64(0), s.text(1), s.text(2), s.opt_text(3), s.opt_text(4)});
  return out;
}

}  // namespace gt::store
