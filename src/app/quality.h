// Quality: quality assurance of issued EHC plans - the council's audit framework (versions),
// audits of plan versions by education, health and social care auditors, moderation of two
// audits of the same plan version, and the results.
//
// Contract:
//  - The framework (domain/quality_framework.h) is read by council staff and the administrator;
//    team managers and the administrator save an edited one as a NEW version (nothing is edited in
//    place). Until a version is saved the default framework applies; it is stored as version 1 the
//    first time an audit is assigned with it. An audit keeps the version it was assigned with.
//  - A team manager assigns an issued final or amended plan version to an auditor: a council
//    caseworker or manager (discipline education) or an advice giver of a health (health) or
//    social care (social_care) organisation - the discipline follows from the auditor. A second
//    audit of the same version uses the first audit's framework version, so the two compare
//    criterion by criterion. One audit per auditor per version (Conflict). The auditor is notified.
//  - An assigned auditor who is not council staff sees the child's record (the plan) on the
//    QualityAudit basis while the audit is open (access.cc), and only the audit's child; after
//    submission the audit and the plan are NotFound to them. Council staff see every audit.
//  - Only the assigned auditor grades (others: Forbidden; not visible: NotFound), only criteria
//    of their discipline; save_marks keeps a partial grading, submit requires every criterion of
//    the discipline, computes the weighted score and the grade (never chosen) and fixes the audit:
//    any later change is Conflict (and the schema refuses it).
//  - Moderation: council staff compare two submitted audits of the same version (differences per
//    criterion, both grades); a team manager records the agreed grade and a note, once per pair.
//  - Results: council staff (and analysts, with counts of 1 to 4 suppressed) count submitted
//    audits in a period by month, primary need, setting, team, caseworker or discipline: the
//    number, the grade distribution and the mean score.
//  - Every read of an audit (a child's record) is audited with the basis; every write audited in
//    its transaction. Lists naming children are audited as a list read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/access.h"
#include "app/accounts.h"
#include "app/plans.h"
#include "app/services_settings.h"
#include "app/today.h"
#include "domain/quality_framework.h"
#include "store/quality_store.h"

namespace gt::app {

class Storage;
class Casework;
class Plans;

struct FrameworkView {
  int version = 0;  // 0: the default framework, not yet saved
  std::optional<store::QualityFrameworkRow> row;
  QualityFramework framework;
};

struct AuditView {
  store::QualityAuditRow audit;
  QualityFramework framework;
  Discipline discipline = Discipline::Education;
  std::vector<CriterionMark> marks;  // in framework order
  AuditScore score;                  // of the marks so far (submitted: the final score)
  Basis basis = Basis::CouncilStaff;
  bool may_grade = false;            // the actor is the auditor and the audit is open
  std::optional<PlanVersionView> plan;  // the plan version graded (read and audited through Plans)
};

struct AssignInput {
  std::int64_t plan_version_id = 0;
  std::int64_t auditor_id = 0;
};

struct ModerationView {
  store::AuditCandidateRow version;
  std::vector<store::QualityAuditRow> submitted;  // submitted audits of the version, oldest first
  std::optional<store::QualityAuditRow> first;
  std::optional<store::QualityAuditRow> second;
  QualityFramework framework;
  std::vector<CriterionMark> first_marks;
  std::vector<CriterionMark> second_marks;
  AuditComparison comparison;
  std::optional<store::QualityModerationRow> recorded;  // for this pair
  std::vector<store::QualityModerationRow> moderations;  // of the version
  bool may_moderate = false;
};

enum class ResultsBy { Month, PrimaryNeed, Setting, Team, Caseworker, Discipline };
std::string_view results_by_name(ResultsBy b);   // "month", "need", "setting", "team", "caseworker", "discipline"
std::string_view results_by_label(ResultsBy b);  // "Month submitted", "Primary need", ...
std::optional<ResultsBy> parse_results_by(std::string_view name);
const std::vector<ResultsBy>& all_results_by();

struct ResultsGroup {
  std::string label;
  GradeTally tally;
};

struct QualityResults {
  Date from;
  Date to;
  ResultsBy by = ResultsBy::Month;
  GradeTally overall;
  std::vector<ResultsGroup> groups;  // by label
  bool suppress_small = false;       // analysts: counts of 1 to 4 are shown as "fewer than 5"
};

class Quality {
 public:
  Quality(Storage& storage, const Today& today, const ServicesSettings& settings, Casework& casework, Plans& plans)
      : storage_(storage), today_(today), settings_(settings), casework_(casework), plans_(plans) {}

  // The framework in use (the latest version, else the default), or a stored version.
  FrameworkView framework(const Actor& actor);
  FrameworkView framework_version(const Actor& actor, int version);
  std::vector<store::QualityFrameworkRow> framework_versions(const Actor& actor);
  // Team manager or administrator: validates (Unprocessable naming "<key>.<field>") and saves a
  // new version.
  FrameworkView save_framework(const Actor& actor, QualityFramework f, std::string note, const std::string& route);

  // Team manager: what may be audited (recent issued final and amended versions) and by whom.
  std::vector<store::AuditCandidateRow> candidates(const Actor& actor, const std::string& route);
  std::vector<store::AuditorRow> auditors(const Actor& actor);
  store::QualityAuditRow assign(const Actor& actor, const AssignInput& in, const std::string& route);

  // The actor's own audits (any role), open first.
  std::vector<store::QualityAuditRow> my_audits(const Actor& actor, const std::string& route);
  // Council staff: the latest audits.
  std::vector<store::QualityAuditRow> recent_audits(const Actor& actor, const std::string& route);

  AuditView audit(const Actor& actor, std::int64_t audit_id, const std::string& route);
  AuditView save_marks(const Actor& actor, std::int64_t audit_id, std::vector<CriterionMark> marks,
                       const std::string& route);
  AuditView submit(const Actor& actor, std::int64_t audit_id, std::vector<CriterionMark> marks,
                   const std::string& route);

  // Council staff: plan versions with two or more submitted audits.
  std::vector<store::AuditCandidateRow> to_moderate(const Actor& actor, const std::string& route);
  // Council staff: the comparison of two submitted audits of the version (by default the first
  // two of the same discipline, else the first two). NotFound when the version or either audit is
  // not one of its submitted audits.
  ModerationView moderation(const Actor& actor, std::int64_t plan_version_id, std::optional<std::int64_t> first,
                            std::optional<std::int64_t> second, const std::string& route);
  // Team manager: records the agreed grade of the pair (Conflict if already recorded).
  store::QualityModerationRow moderate(const Actor& actor, std::int64_t plan_version_id, std::int64_t first,
                                       std::int64_t second, Grade agreed, std::string note, const std::string& route);

  QualityResults results(const Actor& actor, Date from, Date to, ResultsBy by, const std::string& route);

  // Team manager or administrator: the council's staff and their teams.
  std::vector<store::StaffTeamRow> teams(const Actor& actor);
  void set_team(const Actor& actor, std::int64_t user_id, std::string team, const std::string& route);

  // Who may do what (for pages deciding which links to show; the methods check again).
  static bool may_edit_framework(const Actor& a);  // manager, admin
  static bool may_assign(const Actor& a);          // manager
  static bool is_staff(const Actor& a);            // caseworker, manager of the council

 private:
  FrameworkView framework_of(store::Database& db, const store::QualityFrameworkRow& row);
  FrameworkView current(store::Database& db);
  AuditView view_of(store::Database& db, const Actor& actor, const store::QualityAuditRow& a, Basis basis);
  std::pair<store::QualityAuditRow, Basis> visible_audit(store::Database& db, const Actor& actor, std::int64_t audit_id);

  Storage& storage_;
  const Today& today_;
  [[maybe_unused]] const ServicesSettings& settings_;
  [[maybe_unused]] Casework& casework_;
  Plans& plans_;
};

}  // namespace gt::app
