#include "store/access_store.h"

namespace gt::store {

namespace {
constexpr const char* kLinkCols =
    "SELECT l.id, l.child_id, l.user_id, l.relationship, l.parental_responsibility, l.acting_for_young_person, "
    "l.created_at, l.ended_at, u.display_name, u.email FROM family_links l JOIN users u ON u.id = l.user_id ";

FamilyLinkRow read_link(Cursor& s) {
  FamilyLinkRow r;
  r.id = s.int64(0);
  r.child_id = s.int64(1);
  r.user_id = s.int64(2);
  r.relationship = s.text(3);
  r.parental_responsibility = s.int64(4) != 0;
  r.acting_for_young_person = s.int64(5) != 0;
  r.created_at = s.text(6);
  r.ended_at = s.opt_text(7);
  r.user_name = s.text(8);
  r.user_email = s.text(9);
  return r;
}
}  // namespace

std::optional<FamilyLinkRow> family_link(Database& db, std::int64_t user_id, std::int64_t child_id) {
  auto s = db.prepare(std::string(kLinkCols) +
                      "WHERE l.user_id = ? AND l.child_id = ? AND l.ended_at IS NULL ORDER BY l.id DESC LIMIT 1");
  s.bind(1, user_id).bind(2, child_id);
  if (!s.step()) return std::nullopt;
  return read_link(s);
}

std::vector<FamilyLinkRow> family_links_of_user(Database& db, std::int64_t user_id) {
  auto s = db.prepare(std::string(kLinkCols) + "WHERE l.user_id = ? AND l.ended_at IS NULL ORDER BY l.id");
  s.bind(1, user_id);
  std::vector<FamilyLinkRow> out;
  while (s.step()) out.push_back(read_link(s));
  return out;
}

std::vector<FamilyLinkRow> family_links_of_child(Database& db, std::int64_t child_id) {
  auto s = db.prepare(std::string(kLinkCols) + "WHERE l.child_id = ? ORDER BY l.id DESC");
  s.bind(1, child_id);
  std::vector<FamilyLinkRow> out;
  while (s.step()) out.push_back(read_link(s));
  return out;
}

std::int64_t insert_family_link(Database& db, const FamilyLinkRow& r, std::optional<std::int64_t> created_by) {
  db.prepare(
        "INSERT INTO family_links(child_id, user_id, relationship, parental_responsibility, acting_for_young_person, "
        "created_by) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, r.child_id)
      .bind(2, r.user_id)
      .bind(3, r.relationship)
      .bind(4, r.parental_responsibility ? 1 : 0)
      .bind(5, r.acting_for_young_person ? 1 : 0)
      .bind(6, created_by)
      .run();
  return db.last_insert_id();
}

void end_family_link(Database& db, std::int64_t link_id, const std::string& at) {
  db.prepare("UPDATE family_links SET ended_at = ? WHERE id = ? AND ended_at IS NULL").bind(1, at).bind(2, link_id).run();
}

void set_acting_for_young_person(Database& db, std::int64_t link_id, bool acting) {
  db.prepare("UPDATE family_links SET acting_for_young_person = ? WHERE id = ? AND ended_at IS NULL")
      .bind(1, acting ? 1 : 0)
      .bind(2, link_id)
      .run();
}

std::optional<std::string> child_date_of_birth(Database& db, std::int64_t child_id) {
  auto s = db.prepare("SELECT date_of_birth FROM children WHERE id = ?");
  s.bind(1, child_id);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

std::optional<std::int64_t> child_of_case(Database& db, std::int64_t case_id) {
  auto s = db.prepare("SELECT child_id FROM cases WHERE id = ?");
  s.bind(1, case_id);
  if (!s.step()) return std::nullopt;
  return s.int64(0);
}

bool on_roll(Database& db, std::int64_t organisation_id, std::int64_t child_id, const std::string& today) {
  auto s = db.prepare(
      "SELECT 1 FROM placements p JOIN organisations o ON o.urn = p.urn "
      "WHERE o.id = ? AND o.kind = 'school' AND p.child_id = ? AND p.entry_date <= ?3 "
      "AND (p.leaving_date IS NULL OR p.leaving_date > ?3) LIMIT 1");
  s.bind(1, organisation_id).bind(2, child_id).bind(3, today);
  return s.step();
}

bool advice_open_for_case(Database& db, std::int64_t organisation_id, std::int64_t case_id) {
  auto s = db.prepare(
      "SELECT 1 FROM advice_requests WHERE organisation_id = ? AND case_id = ? AND status = 'requested' LIMIT 1");
  s.bind(1, organisation_id).bind(2, case_id);
  return s.step();
}

bool advice_open_for_child(Database& db, std::int64_t organisation_id, std::int64_t child_id) {
  auto s = db.prepare(
      "SELECT 1 FROM advice_requests WHERE organisation_id = ? AND child_id = ? AND status = 'requested' LIMIT 1");
  s.bind(1, organisation_id).bind(2, child_id);
  return s.step();
}

bool consent_in_force(Database& db, std::int64_t child_id, std::int64_t organisation_id) {
  auto s = db.prepare(
      "SELECT 1 FROM consents WHERE child_id = ? AND organisation_id = ? AND withdrawn_on IS NULL LIMIT 1");
  s.bind(1, child_id).bind(2, organisation_id);
  return s.step();
}

bool override_on_record(Database& db, std::int64_t child_id, std::int64_t organisation_id) {
  auto s = db.prepare("SELECT 1 FROM sharing_overrides WHERE child_id = ? AND organisation_id = ? LIMIT 1");
  s.bind(1, child_id).bind(2, organisation_id);
  return s.step();
}

}  // namespace gt::store
