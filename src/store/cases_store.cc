#include "store/cases_store.h"

namespace gt::store {

const char* const kCaseColumns =
    "SELECT c.id, c.child_id, c.caseworker_id, coalesce(u.display_name, ''), c.opened_at, c.stage, c.next_due, "
    "c.next_rule, c.event_count, ch.given_name, ch.family_name, ch.date_of_birth ";

CaseRow case_row_of(const Cursor& s) {
  CaseRow r;
  r.id = s.int64(0);
  r.child_id = s.int64(1);
  r.caseworker_id = s.opt_int64(2);
  r.caseworker_name = s.text(3);
  r.opened_at = s.text(4);
  r.stage = s.text(5);
  r.next_due = s.opt_text(6);
  r.next_rule = s.opt_text(7);
  r.event_count = static_cast<int>(s.int64(8));
  r.child_given_name = s.text(9);
  r.child_family_name = s.text(10);
  r.child_date_of_birth = s.text(11);
  return r;
}

namespace {
const std::string kCaseCols = std::string(kCaseColumns) +
    "FROM cases c JOIN children ch ON ch.id = c.child_id LEFT JOIN users u ON u.id = c.caseworker_id ";
CaseRow read_case(const Cursor& s) { return case_row_of(s); }
}  // namespace

std::int64_t insert_case(Database& db, std::int64_t child_id, std::optional<std::int64_t> caseworker_id) {
  db.prepare("INSERT INTO cases(child_id, caseworker_id) VALUES (?, ?)").bind(1, child_id).bind(2, caseworker_id).run();
  return db.last_insert_id();
}

std::optional<CaseRow> find_case(Database& db, std::int64_t id) {
  auto s = db.prepare(std::string(kCaseCols) + "WHERE c.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_case(s);
}

std::vector<CaseRow> cases_of_child(Database& db, std::int64_t child_id) {
  auto s = db.prepare(std::string(kCaseCols) + "WHERE c.child_id = ? ORDER BY c.id");
  s.bind(1, child_id);
  std::vector<CaseRow> out;
  while (s.step()) out.push_back(read_case(s));
  return out;
}

void update_case_projection(Database& db, std::int64_t case_id, const std::string& stage,
                            const std::optional<std::string>& next_due, const std::optional<std::string>& next_rule,
                            int event_count) {
  db.prepare("UPDATE cases SET stage = ?, next_due = ?, next_rule = ?, event_count = ? WHERE id = ?")
      .bind(1, stage)
      .bind(2, next_due)
      .bind(3, next_rule)
      .bind(4, event_count)
      .bind(5, case_id)
      .run();
}

std::int64_t insert_event(Database& db, const EventRow& e) {
  db.prepare(
        "INSERT INTO case_events(case_id, type, event_date, payload, supersedes, reason, recorded_at, recorded_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, e.case_id)
      .bind(2, e.type)
      .bind(3, e.event_date)
      .bind(4, e.payload)
      .bind(5, e.supersedes)
      .bind(6, e.reason)
      .bind(7, e.recorded_at)
      .bind(8, e.recorded_by)
      .run();
  return db.last_insert_id();
}

std::vector<EventRow> events_of_case(Database& db, std::int64_t case_id) {
  auto s = db.prepare(
      "SELECT e.id, e.case_id, e.type, e.event_date, e.payload, e.supersedes, e.reason, e.recorded_at, "
      "e.recorded_by, coalesce(u.display_name, '') FROM case_events e LEFT JOIN users u ON u.id = e.recorded_by "
      "WHERE e.case_id = ? ORDER BY e.id");
  s.bind(1, case_id);
  std::vector<EventRow> out;
  while (s.step()) {
    EventRow r;
    r.id = s.int64(0);
    r.case_id = s.int64(1);
    r.type = s.text(2);
    r.event_date = s.text(3);
    r.payload = s.opt_text(4);
    r.supersedes = s.opt_int64(5);
    r.reason = s.opt_text(6);
    r.recorded_at = s.text(7);
    r.recorded_by = s.opt_int64(8);
    r.recorded_by_name = s.text(9);
    out.push_back(std::move(r));
  }
  return out;
}

CaseloadPage caseload(Database& db, const CaseloadQuery& q) {
  // Only the filters asked for go into the SQL, so that SQLite can walk the next_due index in
  // order (a "(? IS NULL OR ...)" term would defeat it). Every value is still a bound parameter.
  std::string where = "WHERE 1 ";
  if (q.due_from) where += "AND c.next_due >= ?1 ";
  if (q.due_to) where += "AND c.next_due <= ?2 ";
  if (q.stage) where += "AND c.stage = ?3 ";
  if (q.caseworker_id) where += "AND c.caseworker_id = ?4 ";
  // With a due-date filter, cases without a deadline are excluded anyway; otherwise they go last.
  bool due_filtered = q.due_from || q.due_to;
  std::string order = due_filtered ? "ORDER BY c.next_due, c.id " : "ORDER BY c.next_due IS NULL, c.next_due, c.id ";
  auto bind_where = [&](Cursor& s) {
    if (q.due_from) s.bind(1, *q.due_from);
    if (q.due_to) s.bind(2, *q.due_to);
    if (q.stage) s.bind(3, *q.stage);
    if (q.caseworker_id) s.bind(4, *q.caseworker_id);
  };
  CaseloadPage page;
  auto c = db.prepare("SELECT count(*) FROM cases c " + where);
  bind_where(c);
  c.step();
  page.total = static_cast<int>(c.int64(0));
  auto s = db.prepare(std::string(kCaseCols) + where + order + "LIMIT ?5 OFFSET ?6");
  bind_where(s);
  s.bind(5, q.limit).bind(6, q.offset);
  while (s.step()) page.cases.push_back(read_case(s));
  return page;
}

CaseloadCounts caseload_counts(Database& db, const std::string& today, const std::string& week_end,
                               std::optional<std::int64_t> caseworker_id) {
  CaseloadCounts out;
  auto s = db.prepare(
      "SELECT coalesce(sum(next_due < ?1), 0), coalesce(sum(next_due >= ?1 AND next_due <= ?2), 0) FROM cases "
      "WHERE (?3 IS NULL OR caseworker_id = ?3)");
  s.bind(1, today).bind(2, week_end).bind(3, caseworker_id);
  s.step();
  out.overdue = static_cast<int>(s.int64(0));
  out.due_this_week = static_cast<int>(s.int64(1));
  auto g = db.prepare(
      "SELECT stage, count(*) FROM cases WHERE (?1 IS NULL OR caseworker_id = ?1) GROUP BY stage ORDER BY stage");
  g.bind(1, caseworker_id);
  while (g.step()) out.by_stage.emplace_back(g.text(0), static_cast<int>(g.int64(1)));
  return out;
}

std::vector<std::pair<std::string, int>> overdue_by_rule(Database& db, const std::string& today) {
  auto s = db.prepare(
      "SELECT coalesce(next_rule, ''), count(*) FROM cases WHERE next_due < ? GROUP BY next_rule ORDER BY count(*) DESC");
  s.bind(1, today);
  std::vector<std::pair<std::string, int>> out;
  while (s.step()) out.emplace_back(s.text(0), static_cast<int>(s.int64(1)));
  return out;
}

}  // namespace gt::store
