#include "store/needs_store.h"

namespace gt::store {

namespace {
constexpr const char* kNeedsCols =
    "SELECT id, child_id, primary_type, secondary_type, recorded_at, recorded_by FROM child_needs ";
constexpr const char* kPlacementCols =
    "SELECT id, child_id, setting_type, urn, ukprn, name, rank, entry_date, leaving_date, recorded_at, recorded_by "
    "FROM placements ";

NeedsRow read_needs(Cursor& s) {
  return NeedsRow{s.int64(0), s.int64(1), s.text(2), s.opt_text(3), s.text(4), s.opt_int64(5)};
}
}  // namespace

std::int64_t insert_needs(Database& db, const NeedsRow& n) {
  db.prepare(
        "INSERT INTO child_needs(child_id, primary_type, secondary_type, recorded_at, recorded_by) "
        "VALUES (?, ?, ?, ?, ?)")
      .bind(1, n.child_id)
      .bind(2, n.primary_type)
      .bind(3, n.secondary_type)
      .bind(4, n.recorded_at)
      .bind(5, n.recorded_by)
      .run();
  return db.last_insert_id();
}

std::optional<NeedsRow> current_needs(Database& db, std::int64_t child_id) {
  auto s = db.prepare(std::string(kNeedsCols) + "WHERE child_id = ? ORDER BY id DESC LIMIT 1");
  s.bind(1, child_id);
  if (!s.step()) return std::nullopt;
  return read_needs(s);
}

std::vector<NeedsRow> needs_history(Database& db, std::int64_t child_id) {
  auto s = db.prepare(std::string(kNeedsCols) + "WHERE child_id = ? ORDER BY id DESC");
  s.bind(1, child_id);
  std::vector<NeedsRow> out;
  while (s.step()) out.push_back(read_needs(s));
  return out;
}

std::int64_t insert_placement(Database& db, const PlacementRow& p) {
  db.prepare(
        "INSERT INTO placements(child_id, setting_type, urn, ukprn, name, rank, entry_date, leaving_date, "
        "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, p.child_id)
      .bind(2, p.setting_type)
      .bind(3, p.urn)
      .bind(4, p.ukprn)
      .bind(5, p.name)
      .bind(6, p.rank)
      .bind(7, p.entry_date)
      .bind(8, p.leaving_date)
      .bind(9, p.recorded_at)
      .bind(10, p.recorded_by)
      .run();
  return db.last_insert_id();
}

std::vector<PlacementRow> placements_of_child(Database& db, std::int64_t child_id) {
  auto s = db.prepare(std::string(kPlacementCols) +
                      "WHERE child_id = ? ORDER BY leaving_date IS NOT NULL, rank, entry_date DESC, id DESC");
  s.bind(1, child_id);
  std::vector<PlacementRow> out;
  while (s.step()) {
    PlacementRow p;
    p.id = s.int64(0);
    p.child_id = s.int64(1);
    p.setting_type = s.text(2);
    p.urn = s.opt_text(3);
    p.ukprn = s.opt_text(4);
    p.name = s.text(5);
    p.rank = static_cast<int>(s.int64(6));
    p.entry_date = s.text(7);
    p.leaving_date = s.opt_text(8);
    p.recorded_at = s.text(9);
    p.recorded_by = s.opt_int64(10);
    out.push_back(std::move(p));
  }
  return out;
}

bool end_placement(Database& db, std::int64_t child_id, std::int64_t placement_id, const std::string& leaving_date) {
  db.prepare("UPDATE placements SET leaving_date = ? WHERE id = ? AND child_id = ? AND leaving_date IS NULL")
      .bind(1, leaving_date)
      .bind(2, placement_id)
      .bind(3, child_id)
      .run();
  return db.changes() == 1;
}

}  // namespace gt::store
