// Quality store: the versions of the council's quality framework, audits of issued plan versions
// and their marks, moderations, the rows the results are counted from, and staff teams. All SQL
// about the quality assurance of plans lives here.
//
// Contract:
//  - A framework version is inserted once, numbered max+1, and never changes or goes (triggers
//    refuse): editing the framework is inserting a new version. An audit keeps the id of the
//    version it was assigned with.
//  - An audit is `open` until submitted; submit_audit sets the score and grade once (false if it
//    was not open) and triggers then refuse any change to the audit or its marks. One audit per
//    auditor per plan version (unique).
//  - replace_marks writes an open audit's marks (all of them: the ones not given are deleted).
//  - quality_audit_open_for_child / _for_case: an open audit of that child's (that case's) plan
//    assigned to the user - the QualityAudit basis (app/access.cc).
//  - Lists come back newest first unless said otherwise. Functions run inside the caller's
//    transaction when there is one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace gt::store {

struct QualityFrameworkRow {
  std::int64_t id = 0;
  int version = 0;
  std::string content;  // domain/quality_framework_json.h
  std::string note;     // what changed
  std::string created_at;
  std::optional<std::int64_t> created_by;
  std::string created_by_name;  // joined
  int audits = 0;               // joined: audits assigned with it
};

struct QualityAuditRow {
  std::int64_t id = 0;
  std::int64_t framework_id = 0;
  std::int64_t plan_version_id = 0;
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::int64_t auditor_id = 0;
  std::string discipline;  // education | health | social_care
  std::int64_t assigned_by = 0;
  std::string assigned_at;
  std::string status;  // open | submitted
  std::optional<std::string> submitted_at;
  std::optional<std::string> submitted_on;  // YYYY-MM-DD (England's date): the results' period
  std::optional<int> points;
  std::optional<int> possible;
  std::optional<std::string> grade;
  // Joined, for pages.
  int framework_version = 0;
  std::string auditor_name;
  std::string auditor_organisation;
  int version_number = 0;
  std::string version_kind;
  std::string version_issued_on;
  std::string child_name;
};

struct QualityMarkRow {
  std::string criterion_key;
  std::string judgement;  // met | partly | not_met | not_applicable
  std::string comment;
};

struct QualityModerationRow {
  std::int64_t id = 0;
  std::int64_t plan_version_id = 0;
  std::int64_t first_audit_id = 0;
  std::int64_t second_audit_id = 0;
  std::string agreed_grade;
  std::string note;
  std::int64_t moderator_id = 0;
  std::string moderator_name;  // joined
  std::string moderated_at;
};

// An issued final or amended plan version that may be audited.
struct AuditCandidateRow {
  std::int64_t version_id = 0;
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::string child_name;
  int number = 0;
  std::string kind;
  std::string issued_on;
  int audits = 0;
};

struct AuditorRow {
  std::int64_t user_id = 0;
  std::string name;
  std::string role;
  std::string organisation_kind;  // "" for council staff in no organisation
  std::string organisation_name;
  std::string team;
};

// One submitted audit with what the results are grouped by.
struct QualityResultRow {
  std::int64_t audit_id = 0;
  std::string submitted_on;
  std::string grade;
  int points = 0;
  int possible = 0;
  std::string discipline;
  std::string primary_need;   // the child's current primary SEN type, "" if none recorded
  std::string setting_type;   // the child's current main placement, "" if none
  std::optional<std::int64_t> caseworker_id;
  std::string caseworker_name;
  std::string team;           // the caseworker's team
};

struct StaffTeamRow {
  std::int64_t user_id = 0;
  std::string name;
  std::string role;
  std::string team;
};

// Frameworks.
std::optional<QualityFrameworkRow> latest_framework(Database& db);
std::optional<QualityFrameworkRow> find_framework(Database& db, std::int64_t framework_id);
std::optional<QualityFrameworkRow> framework_by_version(Database& db, int version);
std::vector<QualityFrameworkRow> framework_versions(Database& db);
// Inserts the next version; returns its id.
std::int64_t insert_framework(Database& db, const std::string& content, const std::string& note, const std::string& at,
                              std::optional<std::int64_t> by);

// Audits.
std::int64_t insert_audit(Database& db, const QualityAuditRow& a);
std::optional<QualityAuditRow> find_audit(Database& db, std::int64_t audit_id);
std::optional<QualityAuditRow> audit_by_auditor(Database& db, std::int64_t plan_version_id, std::int64_t auditor_id);
std::vector<QualityAuditRow> audits_of_auditor(Database& db, std::int64_t auditor_id);
std::vector<QualityAuditRow> audits_of_version(Database& db, std::int64_t plan_version_id);  // oldest first
std::vector<QualityAuditRow> recent_audits(Database& db, int limit);
bool submit_audit(Database& db, std::int64_t audit_id, const std::string& submitted_at, const std::string& submitted_on,
                  int points, int possible, const std::string& grade);
std::vector<QualityMarkRow> marks_of_audit(Database& db, std::int64_t audit_id);  // in key order
void replace_marks(Database& db, std::int64_t audit_id, const std::vector<QualityMarkRow>& marks);
bool quality_audit_open_for_child(Database& db, std::int64_t user_id, std::int64_t child_id);
bool quality_audit_open_for_case(Database& db, std::int64_t user_id, std::int64_t case_id);

// What may be audited and by whom.
std::vector<AuditCandidateRow> audit_candidates(Database& db, int limit);
std::optional<AuditCandidateRow> audit_candidate(Database& db, std::int64_t version_id);
// Council caseworkers and managers (active), and advice givers of health and social care organisations.
std::vector<AuditorRow> possible_auditors(Database& db);

// Moderation.
std::int64_t insert_moderation(Database& db, const QualityModerationRow& m);
std::vector<QualityModerationRow> moderations_of_version(Database& db, std::int64_t plan_version_id);
// Plan versions with at least two submitted audits, newest first.
std::vector<AuditCandidateRow> versions_to_moderate(Database& db, int limit);

// Results: submitted audits with submitted_on in [from, to] (YYYY-MM-DD, inclusive).
std::vector<QualityResultRow> quality_results(Database& db, const std::string& from, const std::string& to);

// Teams of the council's staff (caseworkers and managers).
std::vector<StaffTeamRow> staff_teams(Database& db);
// False if the user is not an active caseworker or manager of the council.
bool set_team(Database& db, std::int64_t user_id, const std::string& team);

}  // namespace gt::store
