#include "app/quality.h"

#include <algorithm>
#include <map>

#include "app/errors.h"
#include "app/notices.h"
#include "app/storage.h"
#include "domain/codes.h"
#include "domain/free_text.h"
#include "domain/quality_framework_json.h"
#include "domain/roles.h"
#include "store/audit_store.h"

namespace gt::app {
namespace {

using Kind = Error::Kind;

constexpr int kCandidateLimit = 50;
constexpr int kRecentLimit = 50;

store::AuditRow audit_row(const Actor& a, const char* action, const char* subject, std::optional<std::int64_t> id,
                          const std::string& route, std::optional<std::int64_t> child_id, std::string basis) {
  return store::AuditRow{utc_timestamp(), a.user_id, action, subject, id, route, child_id, std::move(basis)};
}

bool council_staff(const Actor& a) {
  auto r = parse_role(a.role);
  return r && is_council_staff(*r) && (!a.organisation_id || a.organisation_kind == "council");
}

void require_staff(const Actor& a) {
  if (!council_staff(a)) throw Error(Kind::Forbidden, "", "only the council's SEND team can do this");
}

void require_manager(const Actor& a) {
  if (a.role != "manager" || !council_staff(a))
    throw Error(Kind::Forbidden, "", "only a team manager can do this");
}

void require_manager_or_admin(const Actor& a) {
  if (a.role == "admin") return;
  require_manager(a);
}


std::optional<Discipline> discipline_of(const store::AuditorRow& r) {
  if (r.role == "caseworker" || r.role == "manager") return Discipline::Education;
  if (r.organisation_kind == "health") return Discipline::Health;
  if (r.organisation_kind == "social_care") return Discipline::SocialCare;
  return std::nullopt;
}

std::vector<CriterionMark> marks_in_order(const QualityFramework& f, const std::vector<store::QualityMarkRow>& rows) {
  std::vector<CriterionMark> out;
  for (const auto& c : f.criteria)
    for (const auto& r : rows)
      if (r.criterion_key == c.key) {
        auto j = parse_judgement(r.judgement);
        if (j) out.push_back({r.criterion_key, *j, r.comment});
      }
  return out;
}

std::string month_label(const std::string& ymd) {
  auto d = Date::parse(ymd);
  if (!d) return ymd;
  static const char* names[] = {"January", "February", "March",     "April",   "May",      "June",
                                "July",    "August",   "September", "October", "November", "December"};
  return std::string(names[d->month() - 1]) + " " + std::to_string(d->year());
}

}  // namespace

std::string_view results_by_name(ResultsBy b) {
  switch (b) {
    case ResultsBy::Month: return "month";
    case ResultsBy::PrimaryNeed: return "need";
    case ResultsBy::Setting: return "setting";
    case ResultsBy::Team: return "team";
    case ResultsBy::Caseworker: return "caseworker";
    case ResultsBy::Discipline: return "discipline";
  }
  return "month";
}

std::string_view results_by_label(ResultsBy b) {
  switch (b) {
    case ResultsBy::Month: return "Month submitted";
    case ResultsBy::PrimaryNeed: return "Primary need";
    case ResultsBy::Setting: return "Setting";
    case ResultsBy::Team: return "Team";
    case ResultsBy::Caseworker: return "Caseworker";
    case ResultsBy::Discipline: return "Discipline of the auditor";
  }
  return "";
}

const std::vector<ResultsBy>& all_results_by() {
  static const std::vector<ResultsBy> all{ResultsBy::Month, ResultsBy::PrimaryNeed, ResultsBy::Setting,
                                          ResultsBy::Team,  ResultsBy::Caseworker,  ResultsBy::Discipline};
  return all;
}

std::optional<ResultsBy> parse_results_by(std::string_view name) {
  for (auto b : all_results_by())
    if (results_by_name(b) == name) return b;
  return std::nullopt;
}

bool Quality::may_edit_framework(const Actor& a) { return a.role == "admin" || (a.role == "manager" && council_staff(a)); }
bool Quality::may_assign(const Actor& a) { return a.role == "manager" && council_staff(a); }
bool Quality::is_staff(const Actor& a) { return council_staff(a); }

// --- the framework -------------------------------------------------------------------------------

FrameworkView Quality::framework_of(store::Database&, const store::QualityFrameworkRow& row) {
  FrameworkView v;
  v.version = row.version;
  v.row = row;
  v.framework = framework_from_json(row.content);
  return v;
}

FrameworkView Quality::current(store::Database& db) {
  if (auto row = store::latest_framework(db)) return framework_of(db, *row);
  FrameworkView v;
  v.framework = default_quality_framework();
  return v;
}

FrameworkView Quality::framework(const Actor& actor) {
  if (actor.role != "admin") require_staff(actor);
  return current(storage_.read());
}

FrameworkView Quality::framework_version(const Actor& actor, int version) {
  if (actor.role != "admin") require_staff(actor);
  auto& db = storage_.read();
  auto row = store::framework_by_version(db, version);
  if (!row) throw Error(Kind::NotFound, "version", "there is no such version of the framework");
  return framework_of(db, *row);
}

std::vector<store::QualityFrameworkRow> Quality::framework_versions(const Actor& actor) {
  if (actor.role != "admin") require_staff(actor);
  return store::framework_versions(storage_.read());
}

FrameworkView Quality::save_framework(const Actor& actor, QualityFramework f, std::string note,
                                      const std::string& route) {
  require_manager_or_admin(actor);
  sort_criteria(f);
  auto errors = validate_framework(f);
  check_free_text(note, "note", "What changed", false, errors, 1000);
  throw_first(errors);
  return storage_.write([&](store::Database& db) {
    auto id = store::insert_framework(db, framework_to_json(f), note, utc_timestamp(), actor.user_id);
    store::append_audit(db, {audit_row(actor, "create", "quality_framework", id, route, std::nullopt, "")});
    return framework_of(db, *store::find_framework(db, id));
  });
}

// --- assigning audits ----------------------------------------------------------------------------

std::vector<store::AuditCandidateRow> Quality::candidates(const Actor& actor, const std::string& route) {
  require_manager(actor);
  auto& db = storage_.read();
  storage_.audit_read(audit_row(actor, "list", "quality_candidates", std::nullopt, route, std::nullopt, "council_staff"));
  return store::audit_candidates(db, kCandidateLimit);
}

std::vector<store::AuditorRow> Quality::auditors(const Actor& actor) {
  require_manager(actor);
  return store::possible_auditors(storage_.read());
}

store::QualityAuditRow Quality::assign(const Actor& actor, const AssignInput& in, const std::string& route) {
  require_manager(actor);
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    auto candidate = in.plan_version_id > 0 ? store::audit_candidate(db, in.plan_version_id) : std::nullopt;
    if (!candidate)
      throw Error(Kind::Unprocessable, "version_id", "Choose an issued final or amended plan to audit");
    std::optional<store::AuditorRow> auditor;
    for (const auto& r : store::possible_auditors(db))
      if (r.user_id == in.auditor_id) auditor = r;
    auto discipline = auditor ? discipline_of(*auditor) : std::nullopt;
    if (!discipline)
      throw Error(Kind::Unprocessable, "auditor_id",
                  "Choose an auditor: council staff, or an advice giver in a health or social care organisation");
    require_child(db, actor, candidate->child_id, Capability::PlanAudit, today);
    if (store::audit_by_auditor(db, in.plan_version_id, in.auditor_id))
      throw Error(Kind::Conflict, "auditor_id", "This auditor already has an audit of this plan");
    // A second audit of the version uses the first one's framework, so the two compare.
    std::int64_t framework_id = 0;
    auto existing = store::audits_of_version(db, in.plan_version_id);
    if (!existing.empty()) {
      framework_id = existing.front().framework_id;
    } else if (auto latest = store::latest_framework(db)) {
      framework_id = latest->id;
    } else {
      framework_id = store::insert_framework(db, framework_to_json(default_quality_framework()),
                                             "The default framework", utc_timestamp(), std::nullopt);
    }
    store::QualityAuditRow a;
    a.framework_id = framework_id;
    a.plan_version_id = in.plan_version_id;
    a.case_id = candidate->case_id;
    a.child_id = candidate->child_id;
    a.auditor_id = in.auditor_id;
    a.discipline = std::string(discipline_name(*discipline));
    a.assigned_by = actor.user_id;
    a.assigned_at = utc_timestamp();
    auto id = store::insert_audit(db, a);
    store::append_audit(db, {audit_row(actor, "assign", "quality_audit", id, route, candidate->child_id, "council_staff")});
    Notice n;
    n.kind = "quality_audit_assigned";
    n.what_changed = "You have been asked to audit the quality of an EHC plan.";
    n.what_needed = "Grade the plan against the " + std::string(discipline_label(*discipline)) +
                    " criteria of the quality framework and submit the audit.";
    n.link = "/quality/audits/" + std::to_string(id);
    notify_user(db, in.auditor_id, n);
    return *store::find_audit(db, id);
  });
}

// --- lists ---------------------------------------------------------------------------------------

std::vector<store::QualityAuditRow> Quality::my_audits(const Actor& actor, const std::string& route) {
  auto& db = storage_.read();
  auto rows = store::audits_of_auditor(db, actor.user_id);
  // Someone who is not council staff sees only the open ones: a submitted audit is no longer theirs to see.
  if (!council_staff(actor))
    rows.erase(std::remove_if(rows.begin(), rows.end(), [](const auto& r) { return r.status != "open"; }), rows.end());
  if (!rows.empty())
    storage_.audit_read(audit_row(actor, "list", "quality_audits", std::nullopt, route, std::nullopt,
                                  council_staff(actor) ? "council_staff" : "quality_audit"));
  return rows;
}

std::vector<store::QualityAuditRow> Quality::recent_audits(const Actor& actor, const std::string& route) {
  require_staff(actor);
  storage_.audit_read(audit_row(actor, "list", "quality_audits", std::nullopt, route, std::nullopt, "council_staff"));
  return store::recent_audits(storage_.read(), kRecentLimit);
}

// --- one audit -----------------------------------------------------------------------------------

std::pair<store::QualityAuditRow, Basis> Quality::visible_audit(store::Database& db, const Actor& actor,
                                                                std::int64_t audit_id) {
  auto a = store::find_audit(db, audit_id);
  if (!a) throw Error(Kind::NotFound, "id", "no audit with this id");
  if (council_staff(actor)) {
    Basis b = require_child(db, actor, a->child_id, Capability::PlanAudit, today_());
    return {*a, b};
  }
  // An auditor from outside the council: only their own audit, only while it is open.
  if (a->auditor_id != actor.user_id || a->status != "open") throw Error(Kind::NotFound, "id", "no audit with this id");
  return {*a, Basis::QualityAudit};
}

AuditView Quality::view_of(store::Database& db, const Actor& actor, const store::QualityAuditRow& a, Basis basis) {
  AuditView v;
  v.audit = a;
  auto fw = store::find_framework(db, a.framework_id);
  if (!fw) throw std::runtime_error("audit " + std::to_string(a.id) + " names a missing framework");
  v.framework = framework_from_json(fw->content);
  v.discipline = parse_discipline(a.discipline).value_or(Discipline::Education);
  v.marks = marks_in_order(v.framework, store::marks_of_audit(db, a.id));
  v.score = score_audit(v.framework, v.marks);
  v.basis = basis;
  v.may_grade = a.status == "open" && a.auditor_id == actor.user_id;
  return v;
}

AuditView Quality::audit(const Actor& actor, std::int64_t audit_id, const std::string& route) {
  auto& db = storage_.read();
  auto [a, basis] = visible_audit(db, actor, audit_id);
  AuditView v = view_of(db, actor, a, basis);
  storage_.audit_read(audit_row(actor, "read", "quality_audit", audit_id, route, a.child_id, std::string(basis_name(basis))));
  // The plan graded, beside the form (Plans authorises and audits the read of the version).
  try {
    v.plan = plans_.version(actor, a.plan_version_id, route);
  } catch (const Error& e) {
    if (e.kind != Kind::NotFound && e.kind != Kind::Forbidden) throw;
  }
  return v;
}

AuditView Quality::save_marks(const Actor& actor, std::int64_t audit_id, std::vector<CriterionMark> marks,
                              const std::string& route) {
  return storage_.write([&](store::Database& db) {
    auto [a, basis] = visible_audit(db, actor, audit_id);
    if (a.auditor_id != actor.user_id) throw Error(Kind::Forbidden, "", "only the auditor assigned can grade this plan");
    if (a.status != "open") throw Error(Kind::Conflict, "", "This audit has been submitted and can no longer change");
    AuditView v = view_of(db, actor, a, basis);
    throw_first(check_marks(v.framework, v.discipline, marks, false));
    std::vector<store::QualityMarkRow> rows;
    for (const auto& m : marks) rows.push_back({m.key, std::string(judgement_name(m.judgement)), m.comment});
    store::replace_marks(db, audit_id, rows);
    store::append_audit(db, {audit_row(actor, "grade", "quality_audit", audit_id, route, a.child_id,
                                       std::string(basis_name(basis)))});
    return view_of(db, actor, *store::find_audit(db, audit_id), basis);
  });
}

AuditView Quality::submit(const Actor& actor, std::int64_t audit_id, std::vector<CriterionMark> marks,
                          const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    auto [a, basis] = visible_audit(db, actor, audit_id);
    if (a.auditor_id != actor.user_id) throw Error(Kind::Forbidden, "", "only the auditor assigned can grade this plan");
    if (a.status != "open") throw Error(Kind::Conflict, "", "This audit has been submitted and can no longer change");
    AuditView v = view_of(db, actor, a, basis);
    throw_first(check_marks(v.framework, v.discipline, marks, true));
    auto score = score_audit(v.framework, marks);
    if (!score.grade) {
      auto first = std::find_if(v.framework.criteria.begin(), v.framework.criteria.end(),
                                [&](const QualityCriterion& c) { return c.discipline == v.discipline; });
      throw Error(Kind::Unprocessable, first == v.framework.criteria.end() ? "" : first->key + ".judgement",
                  "At least one criterion must apply to this plan to give it a grade");
    }
    std::vector<store::QualityMarkRow> rows;
    for (const auto& m : marks) rows.push_back({m.key, std::string(judgement_name(m.judgement)), m.comment});
    store::replace_marks(db, audit_id, rows);
    if (!store::submit_audit(db, audit_id, utc_timestamp(), today.to_string(), score.points, score.possible,
                             std::string(grade_name(*score.grade))))
      throw Error(Kind::Conflict, "", "This audit has been submitted and can no longer change");
    store::append_audit(db, {audit_row(actor, "submit", "quality_audit", audit_id, route, a.child_id,
                                       std::string(basis_name(basis)))});
    return view_of(db, actor, *store::find_audit(db, audit_id), basis);
  });
}

// --- moderation ----------------------------------------------------------------------------------

std::vector<store::AuditCandidateRow> Quality::to_moderate(const Actor& actor, const std::string& route) {
  require_staff(actor);
  storage_.audit_read(audit_row(actor, "list", "quality_moderation", std::nullopt, route, std::nullopt, "council_staff"));
  return store::versions_to_moderate(storage_.read(), kRecentLimit);
}

ModerationView Quality::moderation(const Actor& actor, std::int64_t plan_version_id, std::optional<std::int64_t> first,
                                   std::optional<std::int64_t> second, const std::string& route) {
  require_staff(actor);
  auto& db = storage_.read();
  ModerationView v;
  auto candidate = store::audit_candidate(db, plan_version_id);
  if (!candidate) throw Error(Kind::NotFound, "id", "no audited plan with this id");
  Basis basis = require_child(db, actor, candidate->child_id, Capability::PlanAudit, today_());
  v.version = *candidate;
  for (const auto& a : store::audits_of_version(db, plan_version_id))
    if (a.status == "submitted") v.submitted.push_back(a);
  // By default the first two submitted audits of the same discipline (else the first two).
  std::size_t default_first = 0, default_second = 1;
  bool found = false;
  for (std::size_t i = 0; i < v.submitted.size() && !found; ++i)
    for (std::size_t j = i + 1; j < v.submitted.size() && !found; ++j)
      if (v.submitted[i].discipline == v.submitted[j].discipline) {
        default_first = i;
        default_second = j;
        found = true;
      }
  auto pick = [&](std::optional<std::int64_t> id, std::size_t fallback) -> std::optional<store::QualityAuditRow> {
    if (id) {
      for (const auto& a : v.submitted)
        if (a.id == *id) return a;
      throw Error(Kind::NotFound, "audit", "no submitted audit of this plan with this id");
    }
    if (v.submitted.size() > fallback) return v.submitted[fallback];
    return std::nullopt;
  };
  v.first = pick(first, default_first);
  v.second = pick(second, default_second);
  if (v.first && v.second && v.first->id == v.second->id)
    throw Error(Kind::NotFound, "audit", "choose two different audits to compare");
  if (v.first && v.second && v.first->id > v.second->id) std::swap(v.first, v.second);
  v.moderations = store::moderations_of_version(db, plan_version_id);
  if (v.first && v.second) {
    auto fw = store::find_framework(db, v.first->framework_id);
    v.framework = framework_from_json(fw->content);
    v.first_marks = marks_in_order(v.framework, store::marks_of_audit(db, v.first->id));
    v.second_marks = marks_in_order(v.framework, store::marks_of_audit(db, v.second->id));
    v.comparison = compare_audits(v.framework, v.first_marks, v.second_marks);
    for (const auto& m : v.moderations)
      if (m.first_audit_id == v.first->id && m.second_audit_id == v.second->id) v.recorded = m;
    v.may_moderate = may_assign(actor) && !v.recorded;
  }
  storage_.audit_read(audit_row(actor, "read", "quality_moderation", plan_version_id, route, candidate->child_id,
                                std::string(basis_name(basis))));
  return v;
}

store::QualityModerationRow Quality::moderate(const Actor& actor, std::int64_t plan_version_id, std::int64_t first,
                                              std::int64_t second, Grade agreed, std::string note,
                                              const std::string& route) {
  require_staff(actor);
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    auto candidate = store::audit_candidate(db, plan_version_id);
    if (!candidate) throw Error(Kind::NotFound, "id", "no audited plan with this id");
    require_child(db, actor, candidate->child_id, Capability::PlanAudit, today);
    require_manager(actor);
    if (first > second) std::swap(first, second);
    auto a = store::find_audit(db, first);
    auto b = store::find_audit(db, second);
    if (!a || !b || first == second || a->plan_version_id != plan_version_id || b->plan_version_id != plan_version_id ||
        a->status != "submitted" || b->status != "submitted")
      throw Error(Kind::Unprocessable, "audits", "Choose two submitted audits of this plan to moderate");
    std::vector<FieldError> errors;
    check_free_text(note, "note", "The moderation note", true, errors, 4000);
    throw_first(errors);
    for (const auto& m : store::moderations_of_version(db, plan_version_id))
      if (m.first_audit_id == first && m.second_audit_id == second)
        throw Error(Kind::Conflict, "agreed_grade", "The agreed grade of these two audits has already been recorded");
    store::QualityModerationRow m;
    m.plan_version_id = plan_version_id;
    m.first_audit_id = first;
    m.second_audit_id = second;
    m.agreed_grade = std::string(grade_name(agreed));
    m.note = note;
    m.moderator_id = actor.user_id;
    m.moderated_at = utc_timestamp();
    m.id = store::insert_moderation(db, m);
    store::append_audit(db, {audit_row(actor, "moderate", "quality_moderation", m.id, route, candidate->child_id,
                                       "council_staff")});
    m.moderator_name = actor.name;
    return m;
  });
}

// --- results -------------------------------------------------------------------------------------

QualityResults Quality::results(const Actor& actor, Date from, Date to, ResultsBy by, const std::string& route) {
  bool analyst = actor.role == "analyst";
  if (!analyst) require_staff(actor);
  if (to < from) throw Error(Kind::Unprocessable, "to", "The end of the period must be on or after its start");
  auto rows = store::quality_results(storage_.read(), from.to_string(), to.to_string());
  storage_.audit_read(audit_row(actor, "list", "quality_results", std::nullopt, route, std::nullopt,
                                analyst ? "" : "council_staff"));
  QualityResults out;
  out.from = from;
  out.to = to;
  out.by = by;
  out.suppress_small = analyst;
  std::map<std::string, ResultsGroup> groups;  // keyed for order
  for (const auto& r : rows) {
    auto grade = parse_grade(r.grade);
    if (!grade) continue;
    out.overall.add(*grade, r.points, r.possible);
    std::string key, label;
    switch (by) {
      case ResultsBy::Month:
        key = r.submitted_on.substr(0, 7);
        label = month_label(r.submitted_on);
        break;
      case ResultsBy::PrimaryNeed:
        key = r.primary_need;
        label = r.primary_need.empty() ? "Not recorded"
                                       : std::string(sen_types().label(r.primary_need)) + " (" + r.primary_need + ")";
        break;
      case ResultsBy::Setting: {
        key = r.setting_type;
        auto l = setting_types().label(r.setting_type);
        label = r.setting_type.empty() ? "No current placement" : l.empty() ? r.setting_type : std::string(l);
        break;
      }
      case ResultsBy::Team:
        key = r.team;
        label = r.team.empty() ? "No team recorded" : r.team;
        break;
      case ResultsBy::Caseworker:
        key = r.caseworker_id ? std::to_string(*r.caseworker_id) : "";
        label = r.caseworker_id ? r.caseworker_name : "No caseworker";
        key = label + "\x1f" + key;
        break;
      case ResultsBy::Discipline: {
        auto d = parse_discipline(r.discipline);
        key = r.discipline;
        label = d ? std::string(discipline_label(*d)) : r.discipline;
        break;
      }
    }
    auto& g = groups[key];
    g.label = label;
    g.tally.add(*grade, r.points, r.possible);
  }
  for (auto& [_, g] : groups) out.groups.push_back(std::move(g));
  return out;
}

// --- teams ---------------------------------------------------------------------------------------

std::vector<store::StaffTeamRow> Quality::teams(const Actor& actor) {
  require_manager_or_admin(actor);
  return store::staff_teams(storage_.read());
}

void Quality::set_team(const Actor& actor, std::int64_t user_id, std::string team, const std::string& route) {
  require_manager_or_admin(actor);
  std::vector<FieldError> errors;
  check_free_text(team, "team", "The team", false, errors, 100);
  throw_first(errors);
  storage_.write([&](store::Database& db) {
    if (!store::set_team(db, user_id, team))
      throw Error(Kind::Unprocessable, "user_id", "Choose a caseworker or team manager of the council");
    store::append_audit(db, {audit_row(actor, "set-team", "user", user_id, route, std::nullopt, "")});
  });
}

}  // namespace gt::app
