#include "store/advice_store.h"

namespace gt::store {

namespace {

constexpr const char* kCols =
    "SELECT a.id, a.case_id, a.child_id, a.organisation_id, a.advice_from, a.advice_id, a.requested_on, a.due_on, "
    "a.basis, a.status, a.sections, a.responded_on, a.responded_by, a.decline_reason, a.reused_from, "
    "a.family_agreed, a.council_agreed, a.created_by, a.created_at, o.name, o.kind, c.given_name, c.family_name, "
    "c.date_of_birth, COALESCE(cb.display_name, ''), COALESCE(rb.display_name, '') "
    "FROM advice_requests a JOIN organisations o ON o.id = a.organisation_id "
    "JOIN children c ON c.id = a.child_id "
    "LEFT JOIN users cb ON cb.id = a.created_by LEFT JOIN users rb ON rb.id = a.responded_by ";

AdviceRequestRow read(Cursor& s) {
  AdviceRequestRow r;
  r.id = s.int64(0);
  r.case_id = s.int64(1);
  r.child_id = s.int64(2);
  r.organisation_id = s.int64(3);
  r.advice_from = s.text(4);
  r.advice_id = s.text(5);
  r.requested_on = s.text(6);
  r.due_on = s.text(7);
  r.basis = s.text(8);
  r.status = s.text(9);
  r.sections = s.opt_text(10);
  r.responded_on = s.opt_text(11);
  r.responded_by = s.opt_int64(12);
  r.decline_reason = s.opt_text(13);
  r.reused_from = s.opt_int64(14);
  r.family_agreed = static_cast<int>(s.int64(15));
  r.council_agreed = static_cast<int>(s.int64(16));
  r.created_by = s.opt_int64(17);
  r.created_at = s.text(18);
  r.organisation_name = s.text(19);
  r.organisation_kind = s.text(20);
  r.child_given_name = s.text(21);
  r.child_family_name = s.text(22);
  r.child_date_of_birth = s.text(23);
  r.created_by_name = s.text(24);
  r.responded_by_name = s.text(25);
  return r;
}

std::vector<AdviceRequestRow> read_all(Cursor& s) {
  std::vector<AdviceRequestRow> out;
  while (s.step()) out.push_back(read(s));
  return out;
}

}  // namespace

std::int64_t insert_advice_request(Database& db, const AdviceRequestRow& r) {
  db.prepare(
        "INSERT INTO advice_requests(case_id, child_id, organisation_id, advice_from, advice_id, requested_on, due_on, "
        "basis, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'requested', ?, ?)")
      .bind(1, r.case_id)
      .bind(2, r.child_id)
      .bind(3, r.organisation_id)
      .bind(4, r.advice_from)
      .bind(5, r.advice_id)
      .bind(6, r.requested_on)
      .bind(7, r.due_on)
      .bind(8, r.basis)
      .bind(9, r.created_by)
      .bind(10, r.created_at)
      .run();
  return db.last_insert_id();
}

std::optional<AdviceRequestRow> find_advice_request(Database& db, std::int64_t id) {
  auto s = db.prepare(std::string(kCols) + "WHERE a.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read(s);
}

std::vector<AdviceRequestRow> advice_requests_of_case(Database& db, std::int64_t case_id) {
  auto s = db.prepare(std::string(kCols) + "WHERE a.case_id = ? ORDER BY a.requested_on, a.id");
  s.bind(1, case_id);
  return read_all(s);
}

std::vector<std::string> advice_ids_of_case(Database& db, std::int64_t case_id) {
  auto s = db.prepare("SELECT advice_id FROM advice_requests WHERE case_id = ?");
  s.bind(1, case_id);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::vector<AdviceRequestRow> advice_requests_of_organisation(Database& db, std::int64_t organisation_id,
                                                              const std::string& status) {
  auto s = db.prepare(std::string(kCols) +
                      "WHERE a.organisation_id = ?1 AND (?2 = '' OR a.status = ?2) "
                      "ORDER BY CASE a.status WHEN 'requested' THEN 0 ELSE 1 END, "
                      "CASE a.status WHEN 'requested' THEN a.due_on END, "
                      "COALESCE(a.responded_on, a.requested_on) DESC, a.id DESC");
  s.bind(1, organisation_id).bind(2, status);
  return read_all(s);
}

std::vector<AdviceRequestRow> submitted_advice_for_child(Database& db, std::int64_t organisation_id,
                                                         std::int64_t child_id, std::int64_t except) {
  auto s = db.prepare(std::string(kCols) +
                      "WHERE a.organisation_id = ? AND a.child_id = ? AND a.id <> ? AND a.status = 'submitted' "
                      "AND a.sections IS NOT NULL ORDER BY a.responded_on DESC, a.id DESC");
  s.bind(1, organisation_id).bind(2, child_id).bind(3, except);
  return read_all(s);
}

bool open_request_exists(Database& db, std::int64_t case_id, std::int64_t organisation_id,
                         const std::string& advice_from) {
  auto s = db.prepare(
      "SELECT 1 FROM advice_requests WHERE case_id = ? AND organisation_id = ? AND advice_from = ? "
      "AND status = 'requested' LIMIT 1");
  s.bind(1, case_id).bind(2, organisation_id).bind(3, advice_from);
  return s.step();
}

bool record_advice_submitted(Database& db, std::int64_t id, const std::string& sections_json,
                             const std::string& responded_on, std::int64_t responded_by, bool reused) {
  db.prepare(
        "UPDATE advice_requests SET status = 'submitted', sections = ?, responded_on = ?, responded_by = ?, "
        "reused_from = CASE WHEN ?5 THEN reused_from END, family_agreed = CASE WHEN ?5 THEN family_agreed ELSE 0 END, "
        "council_agreed = CASE WHEN ?5 THEN council_agreed ELSE 0 END WHERE id = ?4 AND status = 'requested'")
      .bind(1, sections_json)
      .bind(2, responded_on)
      .bind(3, responded_by)
      .bind(4, id)
      .bind(5, reused ? 1 : 0)
      .run();
  return db.changes() == 1;
}

bool record_advice_declined(Database& db, std::int64_t id, const std::string& reason, const std::string& responded_on,
                            std::int64_t responded_by) {
  db.prepare(
        "UPDATE advice_requests SET status = 'declined', decline_reason = ?, responded_on = ?, responded_by = ?, "
        "reused_from = NULL, family_agreed = 0, council_agreed = 0 WHERE id = ? AND status = 'requested'")
      .bind(1, reason)
      .bind(2, responded_on)
      .bind(3, responded_by)
      .bind(4, id)
      .run();
  return db.changes() == 1;
}

bool record_advice_withdrawn(Database& db, std::int64_t id) {
  db.prepare(
        "UPDATE advice_requests SET status = 'withdrawn' WHERE id = ? AND status IN ('requested', 'declined')")
      .bind(1, id)
      .run();
  return db.changes() == 1;
}

bool record_reuse_offer(Database& db, std::int64_t id, std::int64_t reused_from, std::int64_t offered_by) {
  db.prepare(
        "UPDATE advice_requests SET reused_from = ?, family_agreed = 0, council_agreed = 0, responded_by = ? "
        "WHERE id = ? AND status = 'requested'")
      .bind(1, reused_from)
      .bind(2, offered_by)
      .bind(3, id)
      .run();
  return db.changes() == 1;
}

bool record_family_reuse_answer(Database& db, std::int64_t id, int answer) {
  db.prepare(
        "UPDATE advice_requests SET family_agreed = ? WHERE id = ? AND status = 'requested' AND reused_from IS NOT NULL")
      .bind(1, answer)
      .bind(2, id)
      .run();
  return db.changes() == 1;
}

bool record_council_reuse_answer(Database& db, std::int64_t id, int answer) {
  db.prepare(
        "UPDATE advice_requests SET council_agreed = ? WHERE id = ? AND status = 'requested' "
        "AND reused_from IS NOT NULL")
      .bind(1, answer)
      .bind(2, id)
      .run();
  return db.changes() == 1;
}

}  // namespace gt::store
