#include "store/schools_store.h"

#include <algorithm>
#include <cctype>

namespace gt::store {

namespace {

// LIKE pattern for a name fragment, lower-cased (children.search_name is), with %, _ and the
// escape character escaped.
std::string like_fragment(const std::string& s) {
  std::string out = "%";
  for (char c : s) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// The roll: each child with a current placement at ?1 on ?2, once, with the earliest entry date;
// ?3/?4 filter by name.
constexpr const char* kRollFrom =
    "FROM (SELECT child_id, min(entry_date) AS since FROM placements "
    "      WHERE urn = ?1 AND entry_date <= ?2 AND (leaving_date IS NULL OR leaving_date > ?2) GROUP BY child_id) r "
    "JOIN children c ON c.id = r.child_id ";
constexpr const char* kRollWhere = "WHERE (?3 = '' OR c.search_name LIKE ?4 ESCAPE '\\') ";

constexpr const char* kSupportCols =
    "SELECT s.id, s.child_id, s.organisation_id, s.area_of_need, s.primary_type, s.secondary_type, s.start_date, "
    "s.provision, s.recorded_by, s.recorded_at, coalesce(o.name, ''), coalesce(u.display_name, '') "
    "FROM sen_support s LEFT JOIN organisations o ON o.id = s.organisation_id LEFT JOIN users u ON u.id = s.recorded_by ";

constexpr const char* kCycleCols =
    "SELECT y.id, y.child_id, y.organisation_id, y.started_on, y.reviewed_on, y.assess, y.plan, y.provision, "
    "y.outcomes, y.review, y.recorded_by, y.recorded_at, coalesce(o.name, '') "
    "FROM support_cycles y LEFT JOIN organisations o ON o.id = y.organisation_id ";

constexpr const char* kRequestCols =
    "SELECT a.id, a.case_id, a.child_id, a.organisation_id, a.reasons, a.family_views, a.family_informed, "
    "a.family_agrees, a.evidence, a.requested_by, a.requested_at, coalesce(o.name, ''), coalesce(u.display_name, '') "
    "FROM assessment_requests a LEFT JOIN organisations o ON o.id = a.organisation_id "
    "LEFT JOIN users u ON u.id = a.requested_by ";

constexpr const char* kContributionCols =
    "SELECT r.id, r.case_id, r.organisation_id, r.author, r.body, r.changes, r.views, r.created_at, "
    "coalesce(o.name, ''), coalesce(u.display_name, '') "
    "FROM review_contributions r LEFT JOIN organisations o ON o.id = r.organisation_id "
    "LEFT JOIN users u ON u.id = r.author ";

SenSupportRow read_support(Cursor& s) {
  SenSupportRow r;
  r.id = s.int64(0);
  r.child_id = s.int64(1);
  r.organisation_id = s.int64(2);
  r.area_of_need = s.text(3);
  r.primary_type = s.text(4);
  r.secondary_type = s.opt_text(5);
  r.start_date = s.text(6);
  r.provision = s.text(7);
  r.recorded_by = s.opt_int64(8);
  r.recorded_at = s.text(9);
  r.organisation_name = s.text(10);
  r.recorded_by_name = s.text(11);
  return r;
}

SupportCycleRow read_cycle(Cursor& s) {
  SupportCycleRow r;
  r.id = s.int64(0);
  r.child_id = s.int64(1);
  r.organisation_id = s.int64(2);
  r.started_on = s.text(3);
  r.reviewed_on = s.opt_text(4);
  r.assess = s.text(5);
  r.plan = s.text(6);
  r.provision = s.text(7);
  r.outcomes = s.text(8);
  r.review = s.text(9);
  r.recorded_by = s.opt_int64(10);
  r.recorded_at = s.text(11);
  r.organisation_name = s.text(12);
  return r;
}

AssessmentRequestRow read_request(Cursor& s) {
  AssessmentRequestRow r;
  r.id = s.int64(0);
  r.case_id = s.int64(1);
  r.child_id = s.int64(2);
  r.organisation_id = s.int64(3);
  r.reasons = s.text(4);
  r.family_views = s.text(5);
  r.family_informed = s.int64(6) != 0;
  r.family_agrees = s.int64(7) != 0;
  r.evidence = s.text(8);
  r.requested_by = s.opt_int64(9);
  r.requested_at = s.text(10);
  r.organisation_name = s.text(11);
  r.requested_by_name = s.text(12);
  return r;
}

ReviewContributionRow read_contribution(Cursor& s) {
  ReviewContributionRow r;
  r.id = s.int64(0);
  r.case_id = s.int64(1);
  r.organisation_id = s.opt_int64(2);
  r.author = s.int64(3);
  r.progress = s.text(4);
  r.changes = s.text(5);
  r.views = s.text(6);
  r.created_at = s.text(7);
  r.organisation_name = s.text(8);
  r.author_name = s.text(9);
  return r;
}

}  // namespace

PupilPage pupils_on_roll(Database& db, const PupilQuery& q) {
  PupilPage page;
  std::string like = like_fragment(q.name);
  {
    auto c = db.prepare(std::string("SELECT count(*) ") + kRollFrom + kRollWhere);
    c.bind(1, q.urn).bind(2, q.today).bind(3, q.name).bind(4, like);
    c.step();
    page.total = static_cast<int>(c.int64(0));
  }
  // Each pupil's latest SEN support, needs and case are one row each, read by the child's own
  // indexes (sen_support_child, child_needs_child, cases_child).
  auto p = db.prepare(
      std::string("SELECT c.id, c.given_name, c.family_name, c.date_of_birth, r.since, "
                  "(SELECT s.area_of_need FROM sen_support s WHERE s.child_id = c.id ORDER BY s.id DESC LIMIT 1), "
                  "(SELECT s.primary_type FROM sen_support s WHERE s.child_id = c.id ORDER BY s.id DESC LIMIT 1), "
                  "(SELECT n.primary_type FROM child_needs n WHERE n.child_id = c.id ORDER BY n.id DESC LIMIT 1), "
                  "k.id, k.stage, k.next_due, k.next_rule ") +
      kRollFrom + "LEFT JOIN cases k ON k.id = (SELECT max(x.id) FROM cases x WHERE x.child_id = c.id) " + kRollWhere +
      "ORDER BY c.family_name COLLATE NOCASE, c.given_name COLLATE NOCASE, c.id LIMIT ?5 OFFSET ?6");
  p.bind(1, q.urn).bind(2, q.today).bind(3, q.name).bind(4, like).bind(5, q.limit).bind(6, q.offset);
  while (p.step()) {
    PupilRow r;
    r.child_id = p.int64(0);
    r.given_name = p.text(1);
    r.family_name = p.text(2);
    r.date_of_birth = p.text(3);
    r.on_roll_since = p.text(4);
    r.support_area = p.opt_text(5);
    r.support_primary = p.opt_text(6);
    r.needs_primary = p.opt_text(7);
    r.case_id = p.opt_int64(8);
    r.case_stage = p.opt_text(9);
    r.next_due = p.opt_text(10);
    r.next_rule = p.opt_text(11);
    page.pupils.push_back(std::move(r));
  }
  return page;
}

std::optional<std::string> on_roll_since(Database& db, const std::string& urn, std::int64_t child_id,
                                         const std::string& today) {
  auto s = db.prepare(
      "SELECT min(entry_date) FROM placements WHERE urn = ?1 AND child_id = ?2 AND entry_date <= ?3 "
      "AND (leaving_date IS NULL OR leaving_date > ?3)");
  s.bind(1, urn).bind(2, child_id).bind(3, today);
  if (!s.step()) return std::nullopt;
  return s.opt_text(0);
}

std::int64_t insert_sen_support(Database& db, const SenSupportRow& r) {
  db.prepare(
        "INSERT INTO sen_support(child_id, organisation_id, area_of_need, primary_type, secondary_type, start_date, "
        "provision, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.child_id)
      .bind(2, r.organisation_id)
      .bind(3, r.area_of_need)
      .bind(4, r.primary_type)
      .bind(5, r.secondary_type)
      .bind(6, r.start_date)
      .bind(7, r.provision)
      .bind(8, r.recorded_by)
      .bind(9, r.recorded_at)
      .run();
  return db.last_insert_id();
}

std::vector<SenSupportRow> sen_support_of_child(Database& db, std::int64_t child_id) {
  auto s = db.prepare(std::string(kSupportCols) + "WHERE s.child_id = ? ORDER BY s.id DESC");
  s.bind(1, child_id);
  std::vector<SenSupportRow> out;
  while (s.step()) out.push_back(read_support(s));
  return out;
}

std::int64_t insert_cycle(Database& db, const SupportCycleRow& r) {
  db.prepare(
        "INSERT INTO support_cycles(child_id, organisation_id, started_on, reviewed_on, assess, plan, provision, "
        "outcomes, review, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.child_id)
      .bind(2, r.organisation_id)
      .bind(3, r.started_on)
      .bind(4, r.reviewed_on)
      .bind(5, r.assess)
      .bind(6, r.plan)
      .bind(7, r.provision)
      .bind(8, r.outcomes)
      .bind(9, r.review)
      .bind(10, r.recorded_by)
      .bind(11, r.recorded_at)
      .run();
  return db.last_insert_id();
}

std::vector<SupportCycleRow> cycles_of_child(Database& db, std::int64_t child_id) {
  auto s = db.prepare(std::string(kCycleCols) + "WHERE y.child_id = ? ORDER BY y.started_on DESC, y.id DESC");
  s.bind(1, child_id);
  std::vector<SupportCycleRow> out;
  while (s.step()) out.push_back(read_cycle(s));
  return out;
}

bool review_cycle(Database& db, std::int64_t child_id, std::int64_t cycle_id, const std::string& reviewed_on,
                  const std::string& outcomes, const std::string& review) {
  db.prepare(
        "UPDATE support_cycles SET reviewed_on = ?, outcomes = ?, review = ? "
        "WHERE id = ? AND child_id = ? AND reviewed_on IS NULL")
      .bind(1, reviewed_on)
      .bind(2, outcomes)
      .bind(3, review)
      .bind(4, cycle_id)
      .bind(5, child_id)
      .run();
  return db.changes() == 1;
}

std::int64_t insert_assessment_request(Database& db, const AssessmentRequestRow& r) {
  db.prepare(
        "INSERT INTO assessment_requests(case_id, child_id, organisation_id, reasons, family_views, family_informed, "
        "family_agrees, evidence, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.case_id)
      .bind(2, r.child_id)
      .bind(3, r.organisation_id)
      .bind(4, r.reasons)
      .bind(5, r.family_views)
      .bind(6, r.family_informed ? 1 : 0)
      .bind(7, r.family_agrees ? 1 : 0)
      .bind(8, r.evidence)
      .bind(9, r.requested_by)
      .bind(10, r.requested_at)
      .run();
  return db.last_insert_id();
}

std::optional<AssessmentRequestRow> assessment_request_of_case(Database& db, std::int64_t case_id) {
  auto s = db.prepare(std::string(kRequestCols) + "WHERE a.case_id = ?");
  s.bind(1, case_id);
  if (!s.step()) return std::nullopt;
  return read_request(s);
}

std::vector<AssessmentRequestRow> assessment_requests_of_child(Database& db, std::int64_t child_id) {
  auto s = db.prepare(std::string(kRequestCols) + "WHERE a.child_id = ? ORDER BY a.id DESC");
  s.bind(1, child_id);
  std::vector<AssessmentRequestRow> out;
  while (s.step()) out.push_back(read_request(s));
  return out;
}

std::int64_t insert_review_contribution(Database& db, const ReviewContributionRow& r) {
  db.prepare(
        "INSERT INTO review_contributions(case_id, organisation_id, author, body, changes, views, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.case_id)
      .bind(2, r.organisation_id)
      .bind(3, r.author)
      .bind(4, r.progress)
      .bind(5, r.changes)
      .bind(6, r.views)
      .bind(7, r.created_at)
      .run();
  return db.last_insert_id();
}

std::vector<ReviewContributionRow> contributions_of_case(Database& db, std::int64_t case_id) {
  auto s = db.prepare(std::string(kContributionCols) + "WHERE r.case_id = ? ORDER BY r.id DESC");
  s.bind(1, case_id);
  std::vector<ReviewContributionRow> out;
  while (s.step()) out.push_back(read_contribution(s));
  return out;
}

}  // namespace gt::store
