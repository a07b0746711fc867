#include "app/casework.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/access.h"
#include "app/case_projection.h"
#include "app/child_rows.h"
#include "app/notices.h"
#include "app/event_json.h"
#include "app/storage.h"
#include "store/audit_store.h"
#include "store/cases_store.h"
#include "store/children_store.h"
#include "store/needs_store.h"
#include "store/users_store.h"

namespace gt::app {

namespace {

using Kind = Error::Kind;

store::AuditRow audit(const Actor& a, const char* action, const char* subject, std::optional<std::int64_t> id,
                      const std::string& route, std::optional<std::int64_t> child_id = std::nullopt,
                      std::optional<Basis> basis = std::nullopt) {
  return store::AuditRow{utc_timestamp(), a.user_id, action, subject, id, route, child_id,
                         basis ? std::string(basis_name(*basis)) : std::string()};
}

}  // namespace

// The chronology as recorded: every row, which rows are in force, and those events in date order.
struct Casework::Built {
  std::vector<HistoryEntry> history;
  std::vector<Event> chronology;
  std::vector<std::int64_t> ids;
};

namespace {
using Built = Casework::Built;

Built build(const std::vector<store::EventRow>& rows) {
  Built b;
  std::map<std::int64_t, std::int64_t> superseded_by;
  for (const auto& r : rows)
    if (r.supersedes) superseded_by[*r.supersedes] = r.id;
  std::vector<std::pair<Event, std::int64_t>> in_force;
  for (const auto& r : rows) {
    HistoryEntry h{r, std::nullopt, std::nullopt};
    if (r.payload) h.event = event_from_json(nlohmann::json::parse(*r.payload));
    if (auto it = superseded_by.find(r.id); it != superseded_by.end()) h.superseded_by = it->second;
    if (h.event && !h.superseded_by) in_force.emplace_back(*h.event, r.id);
    b.history.push_back(std::move(h));
  }
  std::stable_sort(in_force.begin(), in_force.end(),
                   [](const auto& x, const auto& y) { return x.first.date < y.first.date; });
  for (auto& [e, id] : in_force) {
    b.chronology.push_back(e);
    b.ids.push_back(id);
  }
  return b;
}

}  // namespace

std::vector<Event> Casework::chronology_in(store::Database& db, std::int64_t case_id) {
  return build(store::events_of_case(db, case_id)).chronology;
}

namespace {

// Replays the whole chronology through the domain rules. `focus` is the index of the event being
// recorded (or -1): a rejection of another event is explained as a consequence of this one.
void check_whole(const std::vector<Event>& events, int focus, Date today) {
  std::vector<Event> prefix;
  prefix.reserve(events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    if (auto r = check_append(prefix, events[i], today)) {
      if (static_cast<int>(i) == focus || focus < 0) throw Error(Kind::Unprocessable, r->field, r->reason);
      throw Error(Kind::Unprocessable, "date",
                  "this would leave the later event \"" + std::string(event_type_label(events[i].type)) + "\" of " +
                      events[i].date.to_string() + " out of order: " + r->reason);
    }
    prefix.push_back(events[i]);
  }
}

// Inserts `e` after every event dated on or before it; returns its index.
int insert_in_order(std::vector<Event>& events, const Event& e) {
  auto it = std::upper_bound(events.begin(), events.end(), e,
                             [](const Event& a, const Event& b) { return a.date < b.date; });
  int idx = static_cast<int>(it - events.begin());
  events.insert(it, e);
  return idx;
}

store::EventRow event_row(std::int64_t case_id, const Event& e, const Actor& actor) {
  store::EventRow r;
  r.case_id = case_id;
  r.type = std::string(event_type_name(e.type));
  r.event_date = e.date.to_string();
  r.payload = event_to_json(e).dump();
  r.recorded_at = utc_timestamp();
  r.recorded_by = actor.user_id;
  return r;
}

int clamp_per_page(int v, int max) { return std::clamp(v, 1, max); }

}  // namespace

Casework::Casework(Storage& storage, const Today& today) : storage_(storage), today_(today) {}

Child Casework::create_child(const Actor& actor, Child child, const std::string& route) {
  require_council_staff(actor);
  auto errors = validate_child(child, today_());
  if (!errors.empty()) throw Error(Kind::Unprocessable, errors.front().field, errors.front().reason);
  return storage_.write([&](store::Database& db) {
    try {
      child.id = store::insert_child(db, child_to_row(child), actor.user_id);
    } catch (const store::ConflictError&) {
      throw Error(Kind::Conflict, child.upn.empty() ? "uln" : "upn",
                  "a child with this identifier is already recorded");
    }
    store::append_audit(db, {audit(actor, "create", "child", child.id, route, child.id, Basis::CouncilStaff)});
    return child;
  });
}

ChildRecord Casework::child(const Actor& actor, std::int64_t child_id, const std::string& route) {
  auto& db = storage_.read();
  Basis basis = require_child(db, actor, child_id, Capability::CaseworkRead, today_());
  auto row = store::find_child(db, child_id);
  if (!row) throw Error(Kind::NotFound, "id", "no child or young person with this id");
  ChildRecord rec{child_from_row(*row), store::cases_of_child(db, child_id), std::nullopt, {}};
  if (auto n = store::current_needs(db, child_id)) rec.needs = needs_from_row(*n);
  for (const auto& p : store::placements_of_child(db, child_id)) rec.placements.push_back(placement_from_row(p));
  storage_.audit_read(audit(actor, "read", "child", child_id, route, child_id, basis));
  return rec;
}

ChildPage Casework::search_children(const Actor& actor, const ChildQuery& q, const std::string& route) {
  require_council_staff(actor);
  if (q.name.empty() && q.upn.empty() && q.date_of_birth.empty())
    throw Error(Kind::BadRequest, "name", "give a name, a UPN or a date of birth to search for");
  if (!q.date_of_birth.empty() && !Date::parse(q.date_of_birth))
    throw Error(Kind::BadRequest, "date_of_birth", "must be a real date written YYYY-MM-DD");
  if (q.name.size() > 100) throw Error(Kind::BadRequest, "name", "must be at most 100 characters");
  ChildPage page;
  page.per_page = clamp_per_page(q.per_page, 100);
  page.page = std::max(1, q.page);
  store::ChildSearch s{q.name, q.upn, q.date_of_birth, page.per_page, (page.page - 1) * page.per_page};
  auto found = store::search_children(storage_.read(), s);
  page.total = found.total;
  for (const auto& r : found.children) page.children.push_back(child_from_row(r));
  storage_.audit_read(audit(actor, "search", "child", std::nullopt, route));
  return page;
}

SenNeeds Casework::record_needs(const Actor& actor, std::int64_t child_id, SenNeeds needs, const std::string& route) {
  auto errors = validate_needs(needs);
  if (!errors.empty()) throw Error(Kind::Unprocessable, errors.front().field, errors.front().reason);
  return storage_.write([&](store::Database& db) {
    require_child(db, actor, child_id, Capability::CaseworkWrite, today_());
    // NSA (no specialist assessment) exists only for SEN support; a plan holder's needs are assessed.
    bool holds_plan = false;
    for (const auto& c : store::cases_of_child(db, child_id))
      holds_plan = holds_plan || c.stage == stage_name(Stage::Plan) || c.stage == stage_name(Stage::Review) ||
                   c.stage == stage_name(Stage::Amendment);
    if (holds_plan && (needs.primary == "NSA" || needs.secondary == "NSA"))
      throw Error(Kind::Unprocessable, needs.primary == "NSA" ? "primary" : "secondary",
                  "NSA (no specialist assessment) is for SEN support only: a child with an EHC plan has an assessed "
                  "type of need");
    store::NeedsRow row{0, child_id, needs.primary, std::nullopt, utc_timestamp(), actor.user_id};
    if (!needs.secondary.empty()) row.secondary_type = needs.secondary;
    store::insert_needs(db, row);
    store::append_audit(db, {audit(actor, "record-needs", "child", child_id, route, child_id, Basis::CouncilStaff)});
    return needs;
  });
}

Placement Casework::add_placement(const Actor& actor, std::int64_t child_id, Placement placement,
                                  const std::string& route) {
  auto errors = validate_placement(placement, today_());
  if (!errors.empty()) throw Error(Kind::Unprocessable, errors.front().field, errors.front().reason);
  return storage_.write([&](store::Database& db) {
    require_child(db, actor, child_id, Capability::CaseworkWrite, today_());
    if (placement.current())
      for (const auto& p : store::placements_of_child(db, child_id))
        if (!p.leaving_date && p.rank == placement.rank)
          throw Error(Kind::Conflict, "rank",
                      placement.rank == 1 ? "there is already a current main placement: record its leaving date first"
                                          : "there is already a current dual placement: record its leaving date first");
    store::PlacementRow row = placement_to_row(child_id, placement);
    row.recorded_at = utc_timestamp();
    row.recorded_by = actor.user_id;
    placement.id = store::insert_placement(db, row);
    store::append_audit(db, {audit(actor, "add-placement", "child", child_id, route, child_id, Basis::CouncilStaff)});
    return placement;
  });
}

Placement Casework::end_placement(const Actor& actor, std::int64_t child_id, std::int64_t placement_id,
                                  Date leaving_date, const std::string& route) {
  return storage_.write([&](store::Database& db) {
    require_child(db, actor, child_id, Capability::CaseworkWrite, today_());
    auto all = store::placements_of_child(db, child_id);
    auto it = std::find_if(all.begin(), all.end(), [&](const auto& p) { return p.id == placement_id; });
    if (it == all.end()) throw Error(Kind::NotFound, "placement_id", "no placement with this id for this child");
    if (it->leaving_date) throw Error(Kind::Conflict, "leaving_date", "this placement already has a leaving date");
    Placement p = placement_from_row(*it);
    p.leaving_date = leaving_date;
    auto errors = validate_placement(p, today_());
    for (const auto& e : errors)
      if (e.field == "leaving_date") throw Error(Kind::Unprocessable, e.field, e.reason);
    store::end_placement(db, child_id, placement_id, leaving_date.to_string());
    store::append_audit(db, {audit(actor, "end-placement", "child", child_id, route, child_id, Basis::CouncilStaff)});
    return p;
  });
}

CaseView Casework::open_case(const Actor& actor, std::int64_t child_id, std::optional<std::int64_t> caseworker_id,
                             const std::string& route) {
  std::int64_t id = storage_.write([&](store::Database& db) {
    if (!child_basis(db, actor, child_id, today_()))
      throw Error(Kind::NotFound, "child_id", "no child or young person with this id");
    Basis basis = require_child(db, actor, child_id, Capability::CaseworkWrite, today_());
    return open_case_in(db, actor, child_id, basis, caseworker_id, route);
  });
  return case_view(actor, id, route);
}

CaseView Casework::case_view(const Actor& actor, std::int64_t case_id, const std::string& route, Capability need) {
  auto& db = storage_.read();
  CaseAccess access = require_case(db, actor, case_id, need, today_());
  auto summary = store::find_case(db, case_id);
  if (!summary) throw Error(Kind::NotFound, "id", "no case with this id");
  auto child = store::find_child(db, summary->child_id);
  // The chronology is append-only, so a case's rows are identified by their count: a cached
  // parse is reused while the count matches the case's event_count.
  std::shared_ptr<const Built> cached;
  {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    auto it = cache_.find(case_id);
    if (it != cache_.end() && static_cast<int>(it->second->history.size()) == summary->event_count) cached = it->second;
  }
  if (!cached) {
    auto built = std::make_shared<const Built>(build(store::events_of_case(db, case_id)));
    std::lock_guard<std::mutex> lock(cache_mutex_);
    if (cache_.size() >= kCacheEntries) cache_.clear();
    cache_[case_id] = built;
    cached = std::move(built);
  }
  const Built& b = *cached;
  CaseView v;
  v.today = today_();
  v.summary = std::move(*summary);
  v.child = child_from_row(*child);
  v.history = b.history;
  v.chronology = b.chronology;
  v.chronology_ids = b.ids;
  v.clock = compute_deadlines(v.chronology, v.today);
  v.stage = stage_of(v.chronology);
  v.allowed_next = allowed_next(v.chronology);
  storage_.audit_read(audit(actor, "read", "case", case_id, route, access.child_id, access.basis));
  return v;
}

RecordedEvent Casework::append_event(const Actor& actor, std::int64_t case_id, const Event& event,
                                     const std::string& route) {
  if (auto err = validate_fields(event)) throw Error(Kind::Unprocessable, err->field, err->reason);
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    CaseAccess access = require_case(db, actor, case_id, Capability::CaseworkWrite, today);
    return append_event_in(db, actor, access, case_id, event, route);
  });
}

RecordedEvent Casework::append_event_in(store::Database& db, const Actor& actor, const CaseAccess& access,
                                        std::int64_t case_id, const Event& event, const std::string& route) {
  if (auto err = validate_fields(event)) throw Error(Kind::Unprocessable, err->field, err->reason);
  Date today = today_();
  auto rows = store::events_of_case(db, case_id);
  Built b = build(rows);
  std::vector<Event> next = b.chronology;
  int idx = insert_in_order(next, event);
  check_whole(next, idx, today);
  RecordedEvent out;
  out.id = store::insert_event(db, event_row(case_id, event, actor));
  out.case_id = case_id;
  out.event = event;
  out.stage = stage_of(next);
  write_case_projection(db, case_id, project_case(next, today), static_cast<int>(rows.size()) + 1);
  store::append_audit(db, {audit(actor, "append", "case", case_id, route, access.child_id, access.basis)});
  notify_case_event(db, case_id, access.child_id, event, actor, today);
  return out;
}

std::int64_t Casework::open_case_in(store::Database& db, const Actor& actor, std::int64_t child_id, Basis basis,
                                    std::optional<std::int64_t> caseworker_id, const std::string& route) {
  if (caseworker_id) {
    auto users = store::find_user(db, *caseworker_id);
    if (!users || !users->active || (users->role != "caseworker" && users->role != "manager"))
      throw Error(Kind::Unprocessable, "caseworker_id", "no caseworker or team manager with this id");
  }
  for (const auto& c : store::cases_of_child(db, child_id))
    if (c.stage != stage_name(Stage::Closed))
      throw Error(Kind::Conflict, "child_id",
                  "this child already has an open case (at the " + c.stage + " stage): record events there");
  std::int64_t case_id = store::insert_case(db, child_id, caseworker_id);
  store::append_audit(db, {audit(actor, "create", "case", case_id, route, child_id, basis)});
  return case_id;
}

RecordedEvent Casework::supersede_event(const Actor& actor, std::int64_t case_id, std::int64_t event_id,
                                        const std::string& reason, const std::optional<Event>& replacement,
                                        const std::string& route) {
  if (reason.empty()) throw Error(Kind::Unprocessable, "reason", "say why the earlier entry is being corrected");
  if (reason.size() > 1000) throw Error(Kind::Unprocessable, "reason", "must be at most 1,000 characters");
  if (replacement)
    if (auto err = validate_fields(*replacement)) throw Error(Kind::Unprocessable, err->field, err->reason);
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    CaseAccess access = require_case(db, actor, case_id, Capability::CaseworkWrite, today);
    auto rows = store::events_of_case(db, case_id);
    Built b = build(rows);
    auto hit = std::find_if(b.history.begin(), b.history.end(), [&](const HistoryEntry& h) { return h.row.id == event_id; });
    if (hit == b.history.end()) throw Error(Kind::NotFound, "event_id", "no event with this id in this case");
    if (hit->superseded_by)
      throw Error(Kind::Conflict, "event_id", "this entry has already been corrected; correct the latest entry instead");
    if (!hit->event) throw Error(Kind::Conflict, "event_id", "a strike-out cannot itself be corrected");
    std::vector<Event> next;
    for (size_t i = 0; i < b.chronology.size(); ++i)
      if (b.ids[i] != event_id) next.push_back(b.chronology[i]);
    int idx = replacement ? insert_in_order(next, *replacement) : -1;
    check_whole(next, idx, today);
    store::EventRow row = replacement ? event_row(case_id, *replacement, actor) : event_row(case_id, *hit->event, actor);
    if (!replacement) row.payload.reset();
    row.supersedes = event_id;
    row.reason = reason;
    RecordedEvent out;
    out.id = store::insert_event(db, row);
    out.case_id = case_id;
    out.event = replacement.value_or(*hit->event);
    out.stage = stage_of(next);
    write_case_projection(db, case_id, project_case(next, today), static_cast<int>(rows.size()) + 1);
    store::append_audit(db, {audit(actor, "supersede", "case", case_id, route, access.child_id, access.basis)});
    return out;
  });
}

CaseloadPage Casework::caseload(const Actor& actor, const CaseloadFilter& f, const std::string& route) {
  require_council_staff(actor);
  CaseloadPage page;
  page.today = today_();
  page.per_page = clamp_per_page(f.per_page, 200);
  page.page = std::max(1, f.page);
  if (f.due_within && (*f.due_within < 0 || *f.due_within > 3660))
    throw Error(Kind::BadRequest, "due_within", "must be a number of days from 0 to 3660");
  store::CaseloadQuery q;
  if (f.due_within) q.due_to = page.today.plus_days(*f.due_within).to_string();
  if (f.overdue && !f.due_within) q.due_to = page.today.plus_days(-1).to_string();
  if (f.due_within && !f.overdue) q.due_from = page.today.to_string();
  if (f.stage) q.stage = std::string(stage_name(*f.stage));
  q.caseworker_id = f.caseworker_id;
  q.limit = page.per_page;
  q.offset = (page.page - 1) * page.per_page;
  auto found = store::caseload(storage_.read(), q);
  page.cases = std::move(found.cases);
  page.total = found.total;
  storage_.audit_read(audit(actor, "list", "caseload", std::nullopt, route));
  return page;
}

CaseloadSummary Casework::caseload_summary(const Actor& actor, std::optional<std::int64_t> caseworker_id) {
  require_council_staff(actor);
  Date today = today_();
  auto counts = store::caseload_counts(storage_.read(), today.to_string(), today.plus_days(6).to_string(), caseworker_id);
  CaseloadSummary s{counts.overdue, counts.due_this_week, {}};
  for (const auto& [name, n] : counts.by_stage)
    if (auto st = parse_stage(name)) s.by_stage.emplace_back(*st, n);
  return s;
}

}  // namespace gt::app
