#include "store/quality_store.h"

namespace gt::store {
namespace {

constexpr const char* kFrameworkSelect =
    "SELECT f.id, f.version, f.content, f.note, f.created_at, f.created_by, COALESCE(u.display_name, ''), "
    "(SELECT COUNT(*) FROM quality_audits a WHERE a.framework_id = f.id) "
    "FROM quality_frameworks f LEFT JOIN users u ON u.id = f.created_by ";

QualityFrameworkRow framework_of(const Cursor& s) {
  QualityFrameworkRow r;
  r.id = s.int64(0);
  r.version = static_cast<int>(s.int64(1));
  r.content = s.text(2);
  r.note = s.text(3);
  r.created_at = s.text(4);
  r.created_by = s.opt_int64(5);
  r.created_by_name = s.text(6);
  r.audits = static_cast<int>(s.int64(7));
  return r;
}

std::optional<QualityFrameworkRow> one_framework(Cursor& s) {
  if (!s.step()) return std::nullopt;
  return framework_of(s);
}

constexpr const char* kAuditSelect =
    "SELECT a.id, a.framework_id, a.plan_version_id, a.case_id, a.child_id, a.auditor_id, a.discipline, "
    "a.assigned_by, a.assigned_at, a.status, a.submitted_at, a.submitted_on, a.points, a.possible, a.grade, "
    "f.version, COALESCE(u.display_name, ''), COALESCE(o.name, ''), COALESCE(v.number, 0), v.kind, "
    "COALESCE(v.issued_on, ''), c.given_name || ' ' || c.family_name "
    "FROM quality_audits a JOIN quality_frameworks f ON f.id = a.framework_id "
    "JOIN users u ON u.id = a.auditor_id LEFT JOIN organisations o ON o.id = u.organisation_id "
    "JOIN plan_versions v ON v.id = a.plan_version_id JOIN children c ON c.id = a.child_id ";

QualityAuditRow audit_row(const Cursor& s) {
  QualityAuditRow a;
  a.id = s.int64(0);
  a.framework_id = s.int64(1);
  a.plan_version_id = s.int64(2);
  a.case_id = s.int64(3);
  a.child_id = s.int64(4);
  a.auditor_id = s.int64(5);
  a.discipline = s.text(6);
  a.assigned_by = s.int64(7);
  a.assigned_at = s.text(8);
  a.status = s.text(9);
  a.submitted_at = s.opt_text(10);
  a.submitted_on = s.opt_text(11);
  if (auto p = s.opt_int64(12)) a.points = static_cast<int>(*p);
  if (auto p = s.opt_int64(13)) a.possible = static_cast<int>(*p);
  a.grade = s.opt_text(14);
  a.framework_version = static_cast<int>(s.int64(15));
  a.auditor_name = s.text(16);
  a.auditor_organisation = s.text(17);
  a.version_number = static_cast<int>(s.int64(18));
  a.version_kind = s.text(19);
  a.version_issued_on = s.text(20);
  a.child_name = s.text(21);
  return a;
}

std::vector<QualityAuditRow> audits(Cursor& s) {
  std::vector<QualityAuditRow> out;
  while (s.step()) out.push_back(audit_row(s));
  return out;
}

constexpr const char* kCandidateSelect =
    "SELECT v.id, p.case_id, p.child_id, c.given_name || ' ' || c.family_name, v.number, v.kind, v.issued_on, "
    "(SELECT COUNT(*) FROM quality_audits a WHERE a.plan_version_id = v.id) "
    "FROM plan_versions v JOIN plans p ON p.id = v.plan_id JOIN children c ON c.id = p.child_id ";

AuditCandidateRow candidate_of(const Cursor& s) {
  AuditCandidateRow r;
  r.version_id = s.int64(0);
  r.case_id = s.int64(1);
  r.child_id = s.int64(2);
  r.child_name = s.text(3);
  r.number = static_cast<int>(s.int64(4));
  r.kind = s.text(5);
  r.issued_on = s.text(6);
  r.audits = static_cast<int>(s.int64(7));
  return r;
}

constexpr const char* kModerationSelect =
    "SELECT m.id, m.plan_version_id, m.first_audit_id, m.second_audit_id, m.agreed_grade, m.note, m.moderator_id, "
    "COALESCE(u.display_name, ''), m.moderated_at FROM quality_moderations m LEFT JOIN users u ON u.id = m.moderator_id ";

// Council staff: caseworkers and managers in no organisation or the council.
constexpr const char* kCouncilStaff =
    "u.active = 1 AND u.role IN ('caseworker', 'manager') AND (u.organisation_id IS NULL OR o.kind = 'council')";

}  // namespace

std::optional<QualityFrameworkRow> latest_framework(Database& db) {
  auto s = db.prepare(std::string(kFrameworkSelect) + "ORDER BY f.version DESC LIMIT 1");
  return one_framework(s);
}

std::optional<QualityFrameworkRow> find_framework(Database& db, std::int64_t framework_id) {
  auto s = db.prepare(std::string(kFrameworkSelect) + "WHERE f.id = ?");
  s.bind(1, framework_id);
  return one_framework(s);
}

std::optional<QualityFrameworkRow> framework_by_version(Database& db, int version) {
  auto s = db.prepare(std::string(kFrameworkSelect) + "WHERE f.version = ?");
  s.bind(1, version);
  return one_framework(s);
}

std::vector<QualityFrameworkRow> framework_versions(Database& db) {
  auto s = db.prepare(std::string(kFrameworkSelect) + "ORDER BY f.version DESC");
  std::vector<QualityFrameworkRow> out;
  while (s.step()) out.push_back(framework_of(s));
  return out;
}

std::int64_t insert_framework(Database& db, const std::string& content, const std::string& note, const std::string& at,
                              std::optional<std::int64_t> by) {
  db.prepare(
        "INSERT INTO quality_frameworks(version, content, note, created_at, created_by) "
        "VALUES ((SELECT COALESCE(MAX(version), 0) + 1 FROM quality_frameworks), ?, ?, ?, ?)")
      .bind(1, content)
      .bind(2, note)
      .bind(3, at)
      .bind(4, by)
      .run();
  return db.last_insert_id();
}

std::int64_t insert_audit(Database& db, const QualityAuditRow& a) {
  db.prepare(
        "INSERT INTO quality_audits(framework_id, plan_version_id, case_id, child_id, auditor_id, discipline, "
        "assigned_by, assigned_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')")
      .bind(1, a.framework_id)
      .bind(2, a.plan_version_id)
      .bind(3, a.case_id)
      .bind(4, a.child_id)
      .bind(5, a.auditor_id)
      .bind(6, a.discipline)
      .bind(7, a.assigned_by)
      .bind(8, a.assigned_at)
      .run();
  return db.last_insert_id();
}

std::optional<QualityAuditRow> find_audit(Database& db, std::int64_t audit_id) {
  auto s = db.prepare(std::string(kAuditSelect) + "WHERE a.id = ?");
  s.bind(1, audit_id);
  if (!s.step()) return std::nullopt;
  return audit_row(s);
}

std::optional<QualityAuditRow> audit_by_auditor(Database& db, std::int64_t plan_version_id, std::int64_t auditor_id) {
  auto s = db.prepare(std::string(kAuditSelect) + "WHERE a.plan_version_id = ? AND a.auditor_id = ?");
  s.bind(1, plan_version_id).bind(2, auditor_id);
  if (!s.step()) return std::nullopt;
  return audit_row(s);
}

std::vector<QualityAuditRow> audits_of_auditor(Database& db, std::int64_t auditor_id) {
  auto s = db.prepare(std::string(kAuditSelect) + "WHERE a.auditor_id = ? ORDER BY a.status = 'open' DESC, a.id DESC");
  s.bind(1, auditor_id);
  return audits(s);
}

std::vector<QualityAuditRow> audits_of_version(Database& db, std::int64_t plan_version_id) {
  auto s = db.prepare(std::string(kAuditSelect) + "WHERE a.plan_version_id = ? ORDER BY a.id");
  s.bind(1, plan_version_id);
  return audits(s);
}

std::vector<QualityAuditRow> recent_audits(Database& db, int limit) {
  auto s = db.prepare(std::string(kAuditSelect) + "ORDER BY a.id DESC LIMIT ?");
  s.bind(1, limit);
  return audits(s);
}

bool submit_audit(Database& db, std::int64_t audit_id, const std::string& submitted_at, const std::string& submitted_on,
                  int points, int possible, const std::string& grade) {
  db.prepare(
        "UPDATE quality_audits SET status = 'submitted', submitted_at = ?, submitted_on = ?, points = ?, possible = ?, "
        "grade = ? WHERE id = ? AND status = 'open'")
      .bind(1, submitted_at)
      .bind(2, submitted_on)
      .bind(3, points)
      .bind(4, possible)
      .bind(5, grade)
      .bind(6, audit_id)
      .run();
  return db.changes() == 1;
}

std::vector<QualityMarkRow> marks_of_audit(Database& db, std::int64_t audit_id) {
  auto s = db.prepare("SELECT criterion_key, judgement, comment FROM quality_marks WHERE audit_id = ? ORDER BY criterion_key");
  s.bind(1, audit_id);
  std::vector<QualityMarkRow> out;
  while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2)});
  return out;
}

void replace_marks(Database& db, std::int64_t audit_id, const std::vector<QualityMarkRow>& marks) {
  db.prepare("DELETE FROM quality_marks WHERE audit_id = ?").bind(1, audit_id).run();
  for (const auto& m : marks)
    db.prepare("INSERT INTO quality_marks(audit_id, criterion_key, judgement, comment) VALUES (?, ?, ?, ?)")
        .bind(1, audit_id)
        .bind(2, m.criterion_key)
        .bind(3, m.judgement)
        .bind(4, m.comment)
        .run();
}

bool quality_audit_open_for_child(Database& db, std::int64_t user_id, std::int64_t child_id) {
  auto s = db.prepare("SELECT 1 FROM quality_audits WHERE auditor_id = ? AND child_id = ? AND status = 'open' LIMIT 1");
  s.bind(1, user_id).bind(2, child_id);
  return s.step();
}

bool quality_audit_open_for_case(Database& db, std::int64_t user_id, std::int64_t case_id) {
  auto s = db.prepare("SELECT 1 FROM quality_audits WHERE auditor_id = ? AND case_id = ? AND status = 'open' LIMIT 1");
  s.bind(1, user_id).bind(2, case_id);
  return s.step();
}

std::vector<AuditCandidateRow> audit_candidates(Database& db, int limit) {
  auto s = db.prepare(std::string(kCandidateSelect) +
                      "WHERE v.status = 'issued' AND v.kind IN ('final', 'amended') "
                      "ORDER BY v.issued_on DESC, v.id DESC LIMIT ?");
  s.bind(1, limit);
  std::vector<AuditCandidateRow> out;
  while (s.step()) out.push_back(candidate_of(s));
  return out;
}

std::optional<AuditCandidateRow> audit_candidate(Database& db, std::int64_t version_id) {
  auto s = db.prepare(std::string(kCandidateSelect) +
                      "WHERE v.id = ? AND v.status = 'issued' AND v.kind IN ('final', 'amended')");
  s.bind(1, version_id);
  if (!s.step()) return std::nullopt;
  return candidate_of(s);
}

std::vector<AuditorRow> possible_auditors(Database& db) {
  auto s = db.prepare(std::string("SELECT u.id, u.display_name, u.role, COALESCE(o.kind, ''), COALESCE(o.name, ''), u.team "
                                  "FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id WHERE (") +
                      kCouncilStaff +
                      ") OR (u.active = 1 AND u.role = 'advice_giver' AND o.kind IN ('health', 'social_care')) "
                      "ORDER BY u.display_name COLLATE NOCASE, u.id");
  std::vector<AuditorRow> out;
  while (s.step()) out.push_back({s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)});
  return out;
}

std::int64_t insert_moderation(Database& db, const QualityModerationRow& m) {
  db.prepare(
        "INSERT INTO quality_moderations(plan_version_id, first_audit_id, second_audit_id, agreed_grade, note, "
        "moderator_id, moderated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, m.plan_version_id)
      .bind(2, m.first_audit_id)
      .bind(3, m.second_audit_id)
      .bind(4, m.agreed_grade)
      .bind(5, m.note)
      .bind(6, m.moderator_id)
      .bind(7, m.moderated_at)
      .run();
  return db.last_insert_id();
}

std::vector<QualityModerationRow> moderations_of_version(Database& db, std::int64_t plan_version_id) {
  auto s = db.prepare(std::string(kModerationSelect) + "WHERE m.plan_version_id = ? ORDER BY m.id DESC");
  s.bind(1, plan_version_id);
  std::vector<QualityModerationRow> out;
  while (s.step())
    out.push_back({s.int64(0), s.int64(1), s.int64(2), s.int64(3), s.text(4), s.text(5), s.int64(6), s.text(7), s.text(8)});
  return out;
}

std::vector<AuditCandidateRow> versions_to_moderate(Database& db, int limit) {
  auto s = db.prepare(std::string(kCandidateSelect) +
                      "WHERE (SELECT COUNT(*) FROM quality_audits a WHERE a.plan_version_id = v.id "
                      "AND a.status = 'submitted') >= 2 ORDER BY v.id DESC LIMIT ?");
  s.bind(1, limit);
  std::vector<AuditCandidateRow> out;
  while (s.step()) out.push_back(candidate_of(s));
  return out;
}

std::vector<QualityResultRow> quality_results(Database& db, const std::string& from, const std::string& to) {
  auto s = db.prepare(
      "SELECT a.id, a.submitted_on, a.grade, a.points, a.possible, a.discipline, "
      "COALESCE((SELECT n.primary_type FROM child_needs n WHERE n.child_id = a.child_id ORDER BY n.id DESC LIMIT 1), ''), "
      "COALESCE((SELECT p.setting_type FROM placements p WHERE p.child_id = a.child_id AND p.rank = 1 "
      "  AND p.leaving_date IS NULL ORDER BY p.entry_date DESC, p.id DESC LIMIT 1), ''), "
      "k.caseworker_id, COALESCE(w.display_name, ''), COALESCE(w.team, '') "
      "FROM quality_audits a JOIN cases k ON k.id = a.case_id LEFT JOIN users w ON w.id = k.caseworker_id "
      "WHERE a.status = 'submitted' AND a.submitted_on >= ? AND a.submitted_on <= ? ORDER BY a.submitted_on, a.id");
  s.bind(1, from).bind(2, to);
  std::vector<QualityResultRow> out;
  while (s.step()) {
    QualityResultRow r;
    r.audit_id = s.int64(0);
    r.submitted_on = s.text(1);
    r.grade = s.text(2);
    r.points = static_cast<int>(s.int64(3));
    r.possible = static_cast<int>(s.int64(4));
    r.discipline = s.text(5);
    r.primary_need = s.text(6);
    r.setting_type = s.text(7);
    r.caseworker_id = s.opt_int64(8);
    r.caseworker_name = s.text(9);
    r.team = s.text(10);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<StaffTeamRow> staff_teams(Database& db) {
  auto s = db.prepare(std::string("SELECT u.id, u.display_name, u.role, u.team FROM users u "
                                  "LEFT JOIN organisations o ON o.id = u.organisation_id WHERE ") +
                      kCouncilStaff + " ORDER BY u.team COLLATE NOCASE, u.display_name COLLATE NOCASE, u.id");
  std::vector<StaffTeamRow> out;
  while (s.step()) out.push_back({s.int64(0), s.text(1), s.text(2), s.text(3)});
  return out;
}

bool set_team(Database& db, std::int64_t user_id, const std::string& team) {
  db.prepare(std::string("UPDATE users SET team = ? WHERE id = ? AND id IN (SELECT u.id FROM users u "
                         "LEFT JOIN organisations o ON o.id = u.organisation_id WHERE ") +
             kCouncilStaff + ")")
      .bind(1, team)
      .bind(2, user_id)
      .run();
  return db.changes() == 1;
}

}  // namespace gt::store
