// Ceasing store: promises what ceasing_store.h states.
#include "store/ceasing_store.h"

namespace gt::store {
namespace {

constexpr const char* kColumns =
    "id, case_id, child_id, proposed_event_id, proposed_on, respond_by, grounds, school_id, created_by, created_at, "
    "decided_event_id, decision, cease_reason, decision_notes, confirmations, decided_by, decided_at, ended_event_id";

CeaseConsultationRow consultation_of(const Cursor& s) {
  CeaseConsultationRow c;
  c.id = s.int64(0);
  c.case_id = s.int64(1);
  c.child_id = s.int64(2);
  c.proposed_event_id = s.int64(3);
  c.proposed_on = s.text(4);
  c.respond_by = s.text(5);
  c.grounds = s.text(6);
  c.school_id = s.opt_int64(7);
  c.created_by = s.opt_int64(8);
  c.created_at = s.text(9);
  c.decided_event_id = s.opt_int64(10);
  c.decision = s.opt_text(11);
  if (auto r = s.opt_int64(12)) c.cease_reason = static_cast<int>(*r);
  c.decision_notes = s.opt_text(13);
  c.confirmations = s.text(14);
  c.decided_by = s.opt_int64(15);
  c.decided_at = s.opt_text(16);
  c.ended_event_id = s.opt_int64(17);
  return c;
}

}  // namespace

std::int64_t insert_cease_consultation(Database& db, const CeaseConsultationRow& c) {
  db.prepare(
        "INSERT INTO cease_consultations(case_id, child_id, proposed_event_id, proposed_on, respond_by, grounds, "
        "school_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, c.case_id)
      .bind(2, c.child_id)
      .bind(3, c.proposed_event_id)
      .bind(4, c.proposed_on)
      .bind(5, c.respond_by)
      .bind(6, c.grounds)
      .bind(7, c.school_id)
      .bind(8, c.created_by)
      .bind(9, c.created_at)
      .run();
  return db.last_insert_id();
}

std::optional<CeaseConsultationRow> find_cease_consultation(Database& db, std::int64_t id) {
  auto s = db.prepare(std::string("SELECT ") + kColumns + " FROM cease_consultations WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return consultation_of(s);
}

std::vector<CeaseConsultationRow> cease_consultations_of_case(Database& db, std::int64_t case_id) {
  auto s = db.prepare(std::string("SELECT ") + kColumns + " FROM cease_consultations WHERE case_id = ? ORDER BY id");
  s.bind(1, case_id);
  std::vector<CeaseConsultationRow> out;
  while (s.step()) out.push_back(consultation_of(s));
  return out;
}

bool record_cease_decision(Database& db, std::int64_t id, std::int64_t event_id, const std::string& decision,
                           std::optional<int> cease_reason, const std::string& notes,
                           const std::string& confirmations, std::int64_t decided_by, const std::string& at) {
  db.prepare(
        "UPDATE cease_consultations SET decided_event_id = ?, decision = ?, cease_reason = ?, decision_notes = ?, "
        "confirmations = ?, decided_by = ?, decided_at = ? WHERE id = ? AND decided_event_id IS NULL")
      .bind(1, event_id)
      .bind(2, decision)
      .bind(3, cease_reason)
      .bind(4, notes)
      .bind(5, confirmations)
      .bind(6, decided_by)
      .bind(7, at)
      .bind(8, id)
      .run();
  return db.changes() == 1;
}

bool record_plan_ended(Database& db, std::int64_t id, std::int64_t event_id) {
  db.prepare("UPDATE cease_consultations SET ended_event_id = ? WHERE id = ? AND ended_event_id IS NULL")
      .bind(1, event_id)
      .bind(2, id)
      .run();
  return db.changes() == 1;
}

std::int64_t insert_cease_response(Database& db, const CeaseResponseRow& r) {
  db.prepare(
        "INSERT INTO cease_responses(consultation_id, party, user_id, organisation_id, agrees, comments, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.consultation_id)
      .bind(2, r.party)
      .bind(3, r.user_id)
      .bind(4, r.organisation_id)
      .bind(5, r.agrees ? 1 : 0)
      .bind(6, r.comments)
      .bind(7, r.at)
      .run();
  return db.last_insert_id();
}

std::vector<CeaseResponseRow> cease_responses(Database& db, std::int64_t consultation_id) {
  auto s = db.prepare(
      "SELECT r.id, r.consultation_id, r.party, r.user_id, COALESCE(u.display_name, ''), r.organisation_id, r.agrees, "
      "r.comments, r.at FROM cease_responses r LEFT JOIN users u ON u.id = r.user_id WHERE r.consultation_id = ? "
      "ORDER BY r.id");
  s.bind(1, consultation_id);
  std::vector<CeaseResponseRow> out;
  while (s.step())
    out.push_back(CeaseResponseRow{s.int64(0), s.int64(1), s.text(2), s.int64(3), s.text(4), s.opt_int64(5),
                                   s.int64(6) != 0, s.text(7), s.text(8)});
  return out;
}

}  // namespace gt::store
