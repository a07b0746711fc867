#include "store/plans_store.h"

namespace gt::store {
namespace {

constexpr const char* kPlanColumns = "id, case_id, child_id, created_at, created_by";

PlanRow plan_of(const Cursor& s) { return PlanRow{s.int64(0), s.int64(1), s.int64(2), s.text(3), s.opt_int64(4)}; }

constexpr const char* kVersionColumns =
    "id, plan_id, number, kind, status, content, based_on, revision, updated_at, updated_by, issued_on, issued_at, "
    "issued_by, event_id";

PlanVersionRow version_of(const Cursor& s) {
  PlanVersionRow v;
  v.id = s.int64(0);
  v.plan_id = s.int64(1);
  if (auto n = s.opt_int64(2)) v.number = static_cast<int>(*n);
  v.kind = s.text(3);
  v.status = s.text(4);
  v.content = s.text(5);
  v.based_on = s.opt_int64(6);
  v.revision = static_cast<int>(s.int64(7));
  v.updated_at = s.text(8);
  v.updated_by = s.opt_int64(9);
  v.issued_on = s.opt_text(10);
  v.issued_at = s.opt_text(11);
  v.issued_by = s.opt_int64(12);
  v.event_id = s.opt_int64(13);
  return v;
}

std::vector<PlanVersionRow> versions(Cursor& s) {
  std::vector<PlanVersionRow> out;
  while (s.step()) out.push_back(version_of(s));
  return out;
}

constexpr const char* kCommentSelect =
    "SELECT c.id, c.version_id, c.element_id, c.body, c.author_id, COALESCE(u.display_name, ''), c.created_at, "
    "c.response, c.responded_by, c.responded_at FROM plan_comments c LEFT JOIN users u ON u.id = c.author_id ";

PlanCommentRow comment_of(const Cursor& s) {
  return PlanCommentRow{s.int64(0), s.int64(1),    s.text(2),      s.text(3),      s.int64(4),
                        s.text(5),  s.text(6),     s.opt_text(7),  s.opt_int64(8), s.opt_text(9)};
}

}  // namespace

std::optional<PlanRow> find_plan(Database& db, std::int64_t plan_id) {
  auto s = db.prepare(std::string("SELECT ") + kPlanColumns + " FROM plans WHERE id = ?");
  s.bind(1, plan_id);
  if (!s.step()) return std::nullopt;
  return plan_of(s);
}

std::optional<PlanRow> plan_of_case(Database& db, std::int64_t case_id) {
  auto s = db.prepare(std::string("SELECT ") + kPlanColumns + " FROM plans WHERE case_id = ?");
  s.bind(1, case_id);
  if (!s.step()) return std::nullopt;
  return plan_of(s);
}

std::int64_t insert_plan(Database& db, const PlanRow& p) {
  db.prepare("INSERT INTO plans(case_id, child_id, created_at, created_by) VALUES (?, ?, ?, ?)")
      .bind(1, p.case_id)
      .bind(2, p.child_id)
      .bind(3, p.created_at)
      .bind(4, p.created_by)
      .run();
  return db.last_insert_id();
}

std::int64_t insert_plan_version(Database& db, const PlanVersionRow& v) {
  db.prepare(
        "INSERT INTO plan_versions(plan_id, number, kind, status, content, based_on, revision, updated_at, "
        "updated_by, issued_on, issued_at, issued_by, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, v.plan_id)
      .bind(2, v.number)
      .bind(3, v.kind)
      .bind(4, v.status)
      .bind(5, v.content)
      .bind(6, v.based_on)
      .bind(7, v.revision)
      .bind(8, v.updated_at)
      .bind(9, v.updated_by)
      .bind(10, v.issued_on)
      .bind(11, v.issued_at)
      .bind(12, v.issued_by)
      .bind(13, v.event_id)
      .run();
  return db.last_insert_id();
}

std::optional<PlanVersionRow> find_plan_version(Database& db, std::int64_t version_id) {
  auto s = db.prepare(std::string("SELECT ") + kVersionColumns + " FROM plan_versions WHERE id = ?");
  s.bind(1, version_id);
  if (!s.step()) return std::nullopt;
  return version_of(s);
}

std::optional<PlanVersionRow> working_version(Database& db, std::int64_t plan_id) {
  auto s = db.prepare(std::string("SELECT ") + kVersionColumns +
                      " FROM plan_versions WHERE plan_id = ? AND status = 'working'");
  s.bind(1, plan_id);
  if (!s.step()) return std::nullopt;
  return version_of(s);
}

// "number IS NOT NULL" (true of every issued version) lets SQLite use the partial index
// plan_versions_number; without it each call scanned the whole table.
std::vector<PlanVersionRow> issued_versions(Database& db, std::int64_t plan_id) {
  auto s = db.prepare(std::string("SELECT ") + kVersionColumns +
                      " FROM plan_versions WHERE plan_id = ? AND number IS NOT NULL AND status = 'issued' ORDER BY number DESC");
  s.bind(1, plan_id);
  return versions(s);
}

std::optional<PlanVersionRow> latest_issued(Database& db, std::int64_t plan_id, const std::vector<std::string>& kinds) {
  for (const auto& v : issued_versions(db, plan_id))
    for (const auto& k : kinds)
      if (v.kind == k) return v;
  return std::nullopt;
}

bool update_working_version(Database& db, std::int64_t version_id, int expected_revision, const std::string& content,
                            const std::string& updated_at, std::int64_t updated_by) {
  db.prepare(
        "UPDATE plan_versions SET content = ?, revision = revision + 1, updated_at = ?, updated_by = ? "
        "WHERE id = ? AND status = 'working' AND revision = ?")
      .bind(1, content)
      .bind(2, updated_at)
      .bind(3, updated_by)
      .bind(4, version_id)
      .bind(5, expected_revision)
      .run();
  return db.changes() == 1;
}

void delete_working_version(Database& db, std::int64_t version_id) {
  db.prepare("DELETE FROM plan_versions WHERE id = ? AND status = 'working'").bind(1, version_id).run();
}

int issue_version(Database& db, std::int64_t version_id, const std::string& kind, const std::string& issued_on, const std::string& issued_at,
                  std::int64_t issued_by, std::int64_t event_id) {
  db.prepare(
        "UPDATE plan_versions SET status = 'issued', kind = ?, "
        "number = (SELECT COALESCE(MAX(number), 0) + 1 FROM plan_versions p WHERE p.plan_id = plan_versions.plan_id "
        "AND p.number IS NOT NULL), "
        "issued_on = ?, issued_at = ?, issued_by = ?, event_id = ? WHERE id = ? AND status = 'working'")
      .bind(1, kind)
      .bind(2, issued_on)
      .bind(3, issued_at)
      .bind(4, issued_by)
      .bind(5, event_id)
      .bind(6, version_id)
      .run();
  auto v = find_plan_version(db, version_id);
  return v && v->number ? *v->number : 0;
}

std::int64_t insert_plan_comment(Database& db, const PlanCommentRow& c) {
  db.prepare("INSERT INTO plan_comments(version_id, element_id, body, author_id, created_at) VALUES (?, ?, ?, ?, ?)")
      .bind(1, c.version_id)
      .bind(2, c.element_id)
      .bind(3, c.body)
      .bind(4, c.author_id)
      .bind(5, c.created_at)
      .run();
  return db.last_insert_id();
}

std::vector<PlanCommentRow> plan_comments(Database& db, std::int64_t version_id) {
  auto s = db.prepare(std::string(kCommentSelect) + "WHERE c.version_id = ? ORDER BY c.id");
  s.bind(1, version_id);
  std::vector<PlanCommentRow> out;
  while (s.step()) out.push_back(comment_of(s));
  return out;
}

std::optional<PlanCommentRow> find_plan_comment(Database& db, std::int64_t comment_id) {
  auto s = db.prepare(std::string(kCommentSelect) + "WHERE c.id = ?");
  s.bind(1, comment_id);
  if (!s.step()) return std::nullopt;
  return comment_of(s);
}

void respond_to_plan_comment(Database& db, std::int64_t comment_id, const std::string& response,
                             std::int64_t responded_by, const std::string& at) {
  db.prepare("UPDATE plan_comments SET response = ?, responded_by = ?, responded_at = ? WHERE id = ?")
      .bind(1, response)
      .bind(2, responded_by)
      .bind(3, at)
      .bind(4, comment_id)
      .run();
}

std::int64_t insert_plan_family_response(Database& db, const PlanFamilyResponseRow& r) {
  db.prepare(
        "INSERT INTO plan_family_responses(version_id, user_id, nothing_to_add, school_requested, "
        "meeting_requested, at) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, r.version_id)
      .bind(2, r.user_id)
      .bind(3, r.nothing_to_add ? 1 : 0)
      .bind(4, r.school_requested)
      .bind(5, r.meeting_requested ? 1 : 0)
      .bind(6, r.at)
      .run();
  return db.last_insert_id();
}

std::vector<PlanFamilyResponseRow> plan_family_responses(Database& db, std::int64_t version_id) {
  auto s = db.prepare(
      "SELECT id, version_id, user_id, nothing_to_add, school_requested, meeting_requested, at "
      "FROM plan_family_responses WHERE version_id = ? ORDER BY id");
  s.bind(1, version_id);
  std::vector<PlanFamilyResponseRow> out;
  while (s.step())
    out.push_back({s.int64(0), s.int64(1), s.int64(2), s.int64(3) != 0, s.text(4), s.int64(5) != 0, s.text(6)});
  return out;
}

}  // namespace gt::store
