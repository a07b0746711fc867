#include "store/reviews_store.h"

#include "store/cases_store.h"

namespace gt::store {
namespace {

constexpr const char* kReviewColumns =
    "id, case_id, child_id, kind, meeting_on, led_by, school_id, transfer_phase, transfer_date, next_setting_name, "
    "next_setting_urn, phase_event_id, invitations_sent_on, invitations_sent_by, papers_sent_on, held_on, attendees, "
    "views_child, views_parents, views_school, views_others, outcomes_still_right, provision_still_right, "
    "changes_suggested, recommendation, preparation_for_adulthood, plan_version_id, meeting_event_id, recorded_by, "
    "report_sent_on, report_event_id, decision, decision_on, decision_reasons, decision_event_id, decided_by, "
    "cancelled_at, created_by, created_at";

std::optional<bool> opt_bool(const Cursor& s, int col) {
  auto v = s.opt_int64(col);
  if (!v) return std::nullopt;
  return *v != 0;
}

ReviewRow review_of(const Cursor& s) {
  ReviewRow r;
  int i = 0;
  r.id = s.int64(i++);
  r.case_id = s.int64(i++);
  r.child_id = s.int64(i++);
  r.kind = s.text(i++);
  r.meeting_on = s.text(i++);
  r.led_by = s.text(i++);
  r.school_id = s.opt_int64(i++);
  r.transfer_phase = s.text(i++);
  r.transfer_date = s.opt_text(i++);
  r.next_setting_name = s.text(i++);
  r.next_setting_urn = s.text(i++);
  r.phase_event_id = s.opt_int64(i++);
  r.invitations_sent_on = s.opt_text(i++);
  r.invitations_sent_by = s.opt_int64(i++);
  r.papers_sent_on = s.opt_text(i++);
  r.held_on = s.opt_text(i++);
  r.attendees = s.text(i++);
  r.views_child = s.text(i++);
  r.views_parents = s.text(i++);
  r.views_school = s.text(i++);
  r.views_others = s.text(i++);
  r.outcomes_still_right = opt_bool(s, i++);
  r.provision_still_right = opt_bool(s, i++);
  r.changes_suggested = s.text(i++);
  r.recommendation = s.text(i++);
  r.preparation_for_adulthood = s.text(i++);
  r.plan_version_id = s.opt_int64(i++);
  r.meeting_event_id = s.opt_int64(i++);
  r.recorded_by = s.opt_int64(i++);
  r.report_sent_on = s.opt_text(i++);
  r.report_event_id = s.opt_int64(i++);
  r.decision = s.text(i++);
  r.decision_on = s.opt_text(i++);
  r.decision_reasons = s.text(i++);
  r.decision_event_id = s.opt_int64(i++);
  r.decided_by = s.opt_int64(i++);
  r.cancelled_at = s.opt_text(i++);
  r.created_by = s.int64(i++);
  r.created_at = s.text(i++);
  return r;
}

std::optional<std::int64_t> opt_int(const std::optional<bool>& b) {
  if (!b) return std::nullopt;
  return *b ? 1 : 0;
}

const char* const kCaseCols = kCaseColumns;  // cases_store.h
CaseRow case_of(const Cursor& s) { return case_row_of(s); }

// An event of case c in force: not superseded by any row.
constexpr const char* kInForce = "e.case_id = c.id AND e.payload IS NOT NULL AND NOT EXISTS "
                                 "(SELECT 1 FROM case_events s WHERE s.supersedes = e.id) ";

}  // namespace

std::int64_t insert_review(Database& db, const ReviewRow& r) {
  db.prepare(
        "INSERT INTO reviews(case_id, child_id, kind, meeting_on, led_by, school_id, transfer_phase, transfer_date, "
        "next_setting_name, next_setting_urn, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.case_id)
      .bind(2, r.child_id)
      .bind(3, r.kind)
      .bind(4, r.meeting_on)
      .bind(5, r.led_by)
      .bind(6, r.school_id)
      .bind(7, r.transfer_phase)
      .bind(8, r.transfer_date)
      .bind(9, r.next_setting_name)
      .bind(10, r.next_setting_urn)
      .bind(11, r.created_by)
      .bind(12, r.created_at)
      .run();
  return db.last_insert_id();
}

std::optional<ReviewRow> find_review(Database& db, std::int64_t review_id) {
  auto s = db.prepare(std::string("SELECT ") + kReviewColumns + " FROM reviews WHERE id = ?");
  s.bind(1, review_id);
  if (!s.step()) return std::nullopt;
  return review_of(s);
}

std::vector<ReviewRow> reviews_of_case(Database& db, std::int64_t case_id) {
  auto s = db.prepare(std::string("SELECT ") + kReviewColumns + " FROM reviews WHERE case_id = ? ORDER BY id DESC");
  s.bind(1, case_id);
  std::vector<ReviewRow> out;
  while (s.step()) out.push_back(review_of(s));
  return out;
}

std::optional<ReviewRow> open_review_of_case(Database& db, std::int64_t case_id) {
  auto s = db.prepare(std::string("SELECT ") + kReviewColumns +
                      " FROM reviews WHERE case_id = ? AND decision = '' AND cancelled_at IS NULL");
  s.bind(1, case_id);
  if (!s.step()) return std::nullopt;
  return review_of(s);
}

void insert_review_invitee(Database& db, const ReviewInviteeRow& i) {
  db.prepare("INSERT INTO review_invitees(review_id, kind, organisation_id, name) VALUES (?, ?, ?, ?)")
      .bind(1, i.review_id)
      .bind(2, i.kind)
      .bind(3, i.organisation_id)
      .bind(4, i.name)
      .run();
}

std::vector<ReviewInviteeRow> review_invitees(Database& db, std::int64_t review_id) {
  auto s = db.prepare("SELECT id, review_id, kind, organisation_id, name FROM review_invitees WHERE review_id = ? "
                      "ORDER BY id");
  s.bind(1, review_id);
  std::vector<ReviewInviteeRow> out;
  while (s.step()) out.push_back(ReviewInviteeRow{s.int64(0), s.int64(1), s.text(2), s.opt_int64(3), s.text(4)});
  return out;
}

bool set_review_phase_event(Database& db, std::int64_t review_id, std::int64_t event_id) {
  db.prepare("UPDATE reviews SET phase_event_id = ? WHERE id = ? AND phase_event_id IS NULL")
      .bind(1, event_id)
      .bind(2, review_id)
      .run();
  return db.changes() == 1;
}

bool set_review_invitations(Database& db, std::int64_t review_id, const std::string& sent_on, std::int64_t by) {
  db.prepare("UPDATE reviews SET invitations_sent_on = ?, invitations_sent_by = ? WHERE id = ? AND "
             "invitations_sent_on IS NULL")
      .bind(1, sent_on)
      .bind(2, by)
      .bind(3, review_id)
      .run();
  return db.changes() == 1;
}

bool set_review_papers(Database& db, std::int64_t review_id, const std::string& sent_on) {
  db.prepare("UPDATE reviews SET papers_sent_on = ? WHERE id = ? AND papers_sent_on IS NULL")
      .bind(1, sent_on)
      .bind(2, review_id)
      .run();
  return db.changes() == 1;
}

bool record_review_meeting(Database& db, const ReviewRow& r, const std::vector<ReviewProgressRow>& progress) {
  db.prepare(
        "UPDATE reviews SET held_on = ?, attendees = ?, views_child = ?, views_parents = ?, views_school = ?, "
        "views_others = ?, outcomes_still_right = ?, provision_still_right = ?, changes_suggested = ?, "
        "recommendation = ?, preparation_for_adulthood = ?, plan_version_id = ?, meeting_event_id = ?, "
        "recorded_by = ? WHERE id = ? AND held_on IS NULL")
      .bind(1, r.held_on)
      .bind(2, r.attendees)
      .bind(3, r.views_child)
      .bind(4, r.views_parents)
      .bind(5, r.views_school)
      .bind(6, r.views_others)
      .bind(7, opt_int(r.outcomes_still_right))
      .bind(8, opt_int(r.provision_still_right))
      .bind(9, r.changes_suggested)
      .bind(10, r.recommendation)
      .bind(11, r.preparation_for_adulthood)
      .bind(12, r.plan_version_id)
      .bind(13, r.meeting_event_id)
      .bind(14, r.recorded_by)
      .bind(15, r.id)
      .run();
  if (db.changes() != 1) return false;
  for (const auto& p : progress)
    db.prepare("INSERT INTO review_progress(review_id, outcome_id, outcome_text, rating, comment) VALUES (?, ?, ?, ?, ?)")
        .bind(1, r.id)
        .bind(2, p.outcome_id)
        .bind(3, p.outcome_text)
        .bind(4, p.rating)
        .bind(5, p.comment)
        .run();
  return true;
}

std::vector<ReviewProgressRow> review_progress(Database& db, std::int64_t review_id) {
  auto s = db.prepare("SELECT id, review_id, outcome_id, outcome_text, rating, comment FROM review_progress "
                      "WHERE review_id = ? ORDER BY id");
  s.bind(1, review_id);
  std::vector<ReviewProgressRow> out;
  while (s.step())
    out.push_back(ReviewProgressRow{s.int64(0), s.int64(1), s.text(2), s.text(3), s.text(4), s.text(5)});
  return out;
}

bool set_review_report(Database& db, std::int64_t review_id, const std::string& sent_on, std::int64_t event_id) {
  db.prepare("UPDATE reviews SET report_sent_on = ?, report_event_id = ? WHERE id = ? AND report_sent_on IS NULL "
             "AND held_on IS NOT NULL")
      .bind(1, sent_on)
      .bind(2, event_id)
      .bind(3, review_id)
      .run();
  return db.changes() == 1;
}

bool set_review_decision(Database& db, std::int64_t review_id, const std::string& decision, const std::string& on,
                         const std::string& reasons, std::int64_t event_id, std::int64_t by) {
  db.prepare("UPDATE reviews SET decision = ?, decision_on = ?, decision_reasons = ?, decision_event_id = ?, "
             "decided_by = ? WHERE id = ? AND decision = '' AND held_on IS NOT NULL")
      .bind(1, decision)
      .bind(2, on)
      .bind(3, reasons)
      .bind(4, event_id)
      .bind(5, by)
      .bind(6, review_id)
      .run();
  return db.changes() == 1;
}

std::vector<CaseRow> review_due_candidates(Database& db, const std::string& anchor_on_or_before,
                                           std::optional<std::int64_t> caseworker_id) {
  std::string sql = std::string(kCaseCols) +
                    "FROM cases c JOIN children ch ON ch.id = c.child_id LEFT JOIN users u ON u.id = c.caseworker_id "
                    "WHERE c.stage IN ('plan', 'review', 'amendment') ";
  if (caseworker_id) sql += "AND c.caseworker_id = ?2 ";
  sql += std::string("AND ((SELECT max(e.event_date) FROM case_events e WHERE ") + kInForce +
         "AND e.type IN ('final_plan_issued', 'review_decision')) <= ?1 OR EXISTS (SELECT 1 FROM case_events e "
         "WHERE " + kInForce + "AND e.type = 'phase_transfer')) ORDER BY c.id";
  auto s = db.prepare(sql);
  s.bind(1, anchor_on_or_before);
  if (caseworker_id) s.bind(2, *caseworker_id);
  std::vector<CaseRow> out;
  while (s.step()) out.push_back(case_of(s));
  return out;
}

std::vector<PhaseCandidate> phase_transfer_candidates(Database& db, const std::vector<DateRange>& births,
                                                      std::optional<std::int64_t> caseworker_id) {
  std::vector<PhaseCandidate> out;
  if (births.empty()) return out;
  std::string sql = std::string(kCaseCols) +
                    ", coalesce(p.name, ''), coalesce(p.urn, ''), coalesce(p.setting_type, '') "
                    "FROM cases c JOIN children ch ON ch.id = c.child_id LEFT JOIN users u ON u.id = c.caseworker_id "
                    "LEFT JOIN placements p ON p.id = (SELECT max(q.id) FROM placements q WHERE q.child_id = c.child_id "
                    "AND q.rank = 1 AND q.leaving_date IS NULL) "
                    "WHERE c.stage IN ('plan', 'review', 'amendment') AND (";
  for (size_t i = 0; i < births.size(); ++i)
    sql += (i ? " OR " : "") + std::string("ch.date_of_birth BETWEEN ?") + std::to_string(2 * i + 1) + " AND ?" +
           std::to_string(2 * i + 2);
  sql += ") ";
  int cw = static_cast<int>(births.size()) * 2 + 1;
  if (caseworker_id) sql += "AND c.caseworker_id = ?" + std::to_string(cw) + " ";
  sql += "ORDER BY ch.date_of_birth, c.id";
  auto s = db.prepare(sql);
  for (size_t i = 0; i < births.size(); ++i) {
    s.bind(static_cast<int>(2 * i + 1), births[i].from);
    s.bind(static_cast<int>(2 * i + 2), births[i].to);
  }
  if (caseworker_id) s.bind(cw, *caseworker_id);
  while (s.step()) {
    PhaseCandidate p;
    p.c = case_of(s);
    p.setting_name = s.text(12);
    p.setting_urn = s.text(13);
    p.setting_type = s.text(14);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace gt::store
