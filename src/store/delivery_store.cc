#include "store/delivery_store.h"

namespace gt::store {
namespace {

constexpr const char* kSelect =
    "SELECT r.id, r.case_id, r.child_id, r.plan_version_id, r.element_id, r.period_from, r.period_to, r.closed_days, "
    "r.sessions_delivered, r.minutes_delivered, r.sessions_missed, r.missed_reason, r.delivered_by_role, "
    "r.delivered_by_name, r.notes, r.recorded_by, r.recorded_by_organisation_id, r.basis, r.recorded_at, "
    "r.supersedes, r.correction_reason, COALESCE(u.display_name, ''), COALESCE(o.name, ''), "
    "(SELECT n.id FROM delivery_records n WHERE n.supersedes = r.id) "
    "FROM delivery_records r LEFT JOIN users u ON u.id = r.recorded_by "
    "LEFT JOIN organisations o ON o.id = r.recorded_by_organisation_id ";

DeliveryRecordRow record_of(const Cursor& s) {
  DeliveryRecordRow r;
  r.id = s.int64(0);
  r.case_id = s.int64(1);
  r.child_id = s.int64(2);
  r.plan_version_id = s.int64(3);
  r.element_id = s.text(4);
  r.period_from = s.text(5);
  r.period_to = s.text(6);
  r.closed_days = static_cast<int>(s.int64(7));
  r.sessions_delivered = static_cast<int>(s.int64(8));
  r.minutes_delivered = static_cast<int>(s.int64(9));
  r.sessions_missed = static_cast<int>(s.int64(10));
  r.missed_reason = s.text(11);
  r.delivered_by_role = s.text(12);
  r.delivered_by_name = s.text(13);
  r.notes = s.text(14);
  r.recorded_by = s.int64(15);
  r.recorded_by_organisation_id = s.opt_int64(16);
  r.basis = s.text(17);
  r.recorded_at = s.text(18);
  r.supersedes = s.opt_int64(19);
  r.correction_reason = s.opt_text(20);
  r.recorded_by_name = s.text(21);
  r.recorded_by_organisation = s.text(22);
  r.superseded_by = s.opt_int64(23);
  return r;
}

std::vector<DeliveryRecordRow> records(Cursor& s) {
  std::vector<DeliveryRecordRow> out;
  while (s.step()) out.push_back(record_of(s));
  return out;
}

// The plan version in force of plan p (alias) as a scalar subquery.
constexpr const char* kInForce =
    "(SELECT v.id FROM plan_versions v WHERE v.plan_id = p.id AND v.status = 'issued' "
    "AND v.kind IN ('final', 'amended') ORDER BY v.number DESC LIMIT 1)";

// Plans in force (alias p, version alias iv) of open cases naming organisation ?1 as a provider.
std::string naming_provider(const std::string& extra_where) {
  return std::string("SELECT p.case_id FROM plans p JOIN cases c ON c.id = p.case_id "
                     "JOIN plan_versions iv ON iv.id = ") +
         kInForce +
         " WHERE c.stage <> 'closed' AND EXISTS (SELECT 1 FROM json_each(iv.content, '$.provision') e "
         "WHERE json_extract(e.value, '$.provider_organisation_id') = ?1) " +
         extra_where;
}

}  // namespace

std::int64_t insert_delivery_record(Database& db, const DeliveryRecordRow& r) {
  db.prepare(
        "INSERT INTO delivery_records(case_id, child_id, plan_version_id, element_id, period_from, period_to, "
        "closed_days, sessions_delivered, minutes_delivered, sessions_missed, missed_reason, delivered_by_role, "
        "delivered_by_name, notes, recorded_by, recorded_by_organisation_id, basis, recorded_at, supersedes, "
        "correction_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.case_id)
      .bind(2, r.child_id)
      .bind(3, r.plan_version_id)
      .bind(4, r.element_id)
      .bind(5, r.period_from)
      .bind(6, r.period_to)
      .bind(7, r.closed_days)
      .bind(8, r.sessions_delivered)
      .bind(9, r.minutes_delivered)
      .bind(10, r.sessions_missed)
      .bind(11, r.missed_reason)
      .bind(12, r.delivered_by_role)
      .bind(13, r.delivered_by_name)
      .bind(14, r.notes)
      .bind(15, r.recorded_by)
      .bind(16, r.recorded_by_organisation_id)
      .bind(17, r.basis)
      .bind(18, r.recorded_at)
      .bind(19, r.supersedes)
      .bind(20, r.correction_reason)
      .run();
  return db.last_insert_id();
}

std::optional<DeliveryRecordRow> find_delivery_record(Database& db, std::int64_t id) {
  auto s = db.prepare(std::string(kSelect) + "WHERE r.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return record_of(s);
}

std::vector<DeliveryRecordRow> delivery_records_of_case(Database& db, std::int64_t case_id) {
  auto s = db.prepare(std::string(kSelect) + "WHERE r.case_id = ? ORDER BY r.id");
  s.bind(1, case_id);
  return records(s);
}

std::vector<DeliveryRecordRow> delivery_records_in_force(Database& db) {
  auto s = db.prepare(std::string(kSelect) +
                      "JOIN cases c ON c.id = r.case_id WHERE c.stage <> 'closed' AND NOT EXISTS "
                      "(SELECT 1 FROM delivery_records n WHERE n.supersedes = r.id) ORDER BY r.id");
  return records(s);
}

bool named_provider_for_case(Database& db, std::int64_t organisation_id, std::int64_t case_id) {
  auto s = db.prepare(naming_provider("AND p.case_id = ?2 LIMIT 1"));
  s.bind(1, organisation_id).bind(2, case_id);
  return s.step();
}

bool named_provider_for_child(Database& db, std::int64_t organisation_id, std::int64_t child_id) {
  auto s = db.prepare(naming_provider("AND p.child_id = ?2 LIMIT 1"));
  s.bind(1, organisation_id).bind(2, child_id);
  return s.step();
}

std::vector<std::int64_t> cases_naming_provider(Database& db, std::int64_t organisation_id) {
  auto s = db.prepare(naming_provider("ORDER BY p.case_id"));
  s.bind(1, organisation_id);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

std::vector<std::int64_t> cases_on_roll_with_plan(Database& db, std::int64_t organisation_id, const std::string& today) {
  auto s = db.prepare(std::string(
                          "SELECT p.case_id FROM plans p JOIN cases c ON c.id = p.case_id "
                          "WHERE c.stage <> 'closed' AND ") +
                      kInForce +
                      " IS NOT NULL AND EXISTS (SELECT 1 FROM placements pl JOIN organisations o ON o.urn = pl.urn "
                      "WHERE o.id = ?1 AND o.kind = 'school' AND pl.child_id = p.child_id AND pl.entry_date <= ?2 "
                      "AND (pl.leaving_date IS NULL OR pl.leaving_date > ?2)) ORDER BY p.case_id");
  s.bind(1, organisation_id).bind(2, today);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

}  // namespace gt::store
