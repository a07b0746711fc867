#include "app/delivery.h"

#include <algorithm>
#include <map>

#include "app/errors.h"
#include "app/notices.h"
#include "app/storage.h"
#include "domain/free_text.h"
#include "domain/plan_json.h"
#include "store/audit_store.h"
#include "store/cases_store.h"
#include "store/children_store.h"
#include "store/notifications_store.h"
#include "store/users_store.h"

namespace gt::app {
namespace {

using Kind = Error::Kind;

store::AuditRow audit(const Actor& a, const char* action, const char* subject, std::optional<std::int64_t> id,
                      const std::string& route, std::optional<std::int64_t> child_id, std::string basis) {
  return store::AuditRow{utc_timestamp(), a.user_id, action, subject, id, route, child_id, std::move(basis)};
}

std::string child_name(store::Database& db, std::int64_t child_id) {
  auto c = store::find_child(db, child_id);
  return c ? c->given_name + " " + c->family_name : std::string();
}

Plan parse_content(const store::PlanVersionRow& v) {
  try {
    return plan_from_json(v.content);
  } catch (const PlanJsonError& e) {
    throw std::runtime_error("stored plan version " + std::to_string(v.id) + " is unreadable: " + e.field);
  }
}

// The plan of a case as delivery needs it: the version in force and the date the first final plan
// was issued (nothing was required before it).
struct CasePlan {
  std::optional<store::PlanVersionRow> in_force;
  Plan plan;
  std::optional<Date> since;
};

CasePlan case_plan(store::Database& db, std::int64_t case_id) {
  CasePlan out;
  auto plan = store::plan_of_case(db, case_id);
  if (!plan) return out;
  auto issued = store::issued_versions(db, plan->id);  // newest first
  for (const auto& v : issued)
    if (v.kind == "final") out.since = Date::parse(v.issued_on.value_or(""));
  out.in_force = store::latest_issued(db, plan->id, {"final", "amended"});
  if (out.in_force) out.plan = parse_content(*out.in_force);
  return out;
}

// Plans of versions, parsed once per read.
class VersionCache {
 public:
  explicit VersionCache(store::Database& db) : db_(db) {}
  const Plan* plan(std::int64_t version_id) {
    auto it = plans_.find(version_id);
    if (it != plans_.end()) return it->second ? &*it->second : nullptr;
    auto v = store::find_plan_version(db_, version_id);
    auto& slot = plans_[version_id];
    if (v) slot = parse_content(*v);
    return slot ? &*slot : nullptr;
  }

 private:
  store::Database& db_;
  std::map<std::int64_t, std::optional<Plan>> plans_;
};

std::string line_text(const Plan& p, const std::string& id) {
  for (const auto& l : plan_lines(p))
    if (l.id == id) return l.text;
  return id;
}

DeliveryEntry judge(const store::DeliveryRecordRow& r, const Plan* version, std::optional<Date> since,
                    double threshold) {
  PlanProvision line;
  if (version)
    if (const auto* l = find_provision(*version, r.element_id)) line = *l;
  if (since && (!line.from || *line.from < *since)) line.from = since;
  DeliveryEntry e;
  e.row = r;
  e.in_force = !r.superseded_by;
  auto from = Date::parse(r.period_from), to = Date::parse(r.period_to);
  if (from && to)
    e.judgement = judge_delivery(line, *from, *to, r.closed_days, r.sessions_delivered, r.minutes_delivered, threshold);
  e.summary = delivery_summary(e.judgement);
  return e;
}

bool may_record_line(const Actor& a, Basis b, const PlanProvision& line) {
  switch (b) {
    case Basis::CouncilStaff:
    case Basis::SchoolOnRoll:
      return true;
    case Basis::NamedProvider:
      return a.organisation_id && line.provider_organisation_id == *a.organisation_id;
    default:
      return false;
  }
}

// Whether a named provider sees this line at all (everyone else with PlanRead sees every line).
bool sees_line(const Actor& a, Basis b, const PlanProvision& line) {
  return b != Basis::NamedProvider || may_record_line(a, b, line);
}

DeliveryView build_view(store::Database& db, const Actor& actor, std::int64_t case_id, const CaseAccess& acc,
                        double threshold) {
  DeliveryView v;
  v.case_id = case_id;
  v.child_id = acc.child_id;
  v.child_name = child_name(db, acc.child_id);
  v.basis = acc.basis;
  v.threshold = threshold;
  v.may_correct_all = acc.basis == Basis::CouncilStaff;
  auto cp = case_plan(db, case_id);
  v.in_force = cp.in_force;
  v.plan_since = cp.since;
  if (!cp.in_force) return v;
  bool writes = allows(acc.basis, Capability::DeliveryWrite);
  std::map<std::string, size_t> index;
  for (const auto& p : cp.plan.provision) {
    if (!sees_line(actor, acc.basis, p)) continue;
    DeliveryLine l;
    l.line = p;
    l.text = line_text(cp.plan, p.id);
    l.may_record = writes && may_record_line(actor, acc.basis, p);
    if (l.may_record) v.may_record = true;
    index[p.id] = v.lines.size();
    v.lines.push_back(std::move(l));
  }
  VersionCache versions(db);
  for (const auto& r : store::delivery_records_of_case(db, case_id)) {
    auto it = index.find(r.element_id);
    if (it == index.end()) continue;  // a line no longer in the plan, or not this provider's
    auto e = judge(r, versions.plan(r.plan_version_id), cp.since, threshold);
    if (!e.in_force) {
      v.corrected.push_back(std::move(e));
      continue;
    }
    auto& line = v.lines[it->second];
    if (e.judgement.shortfall) {
      ++line.shortfalls;
      ++v.shortfalls;
    }
    line.records.push_back(std::move(e));
  }
  for (auto& l : v.lines)
    std::stable_sort(l.records.begin(), l.records.end(), [](const DeliveryEntry& a, const DeliveryEntry& b) {
      return a.row.period_to > b.row.period_to;
    });
  std::reverse(v.corrected.begin(), v.corrected.end());
  return v;
}

// The case's caseworker when one is assigned and still active; otherwise the council's team.
std::vector<std::int64_t> case_staff(store::Database& db, std::int64_t case_id) {
  if (auto c = store::find_case(db, case_id); c && c->caseworker_id) {
    auto u = store::find_user(db, *c->caseworker_id);
    if (u && u->active && (u->role == "caseworker" || u->role == "manager")) return {u->id};
  }
  return store::council_staff_ids(db);
}

void alert_shortfall(store::Database& db, const Actor& by, std::int64_t case_id, std::int64_t child_id,
                     const DeliveryEntry& e, Date today) {
  const auto& r = e.row;
  std::string period = Date::parse(r.period_from)->to_long_string() + " to " + Date::parse(r.period_to)->to_long_string();
  Notice staff;
  staff.kind = "delivery_shortfall";
  staff.what_changed = "Provision in an EHC plan was not delivered as the plan says (" + r.element_id + ", " +
                       period + "): " + e.summary + ".";
  staff.what_needed = "Find out why, agree with the setting or provider how it will be made up, and tell the family.";
  staff.link = "/delivery/cases/" + std::to_string(case_id);
  staff.child_id = child_id;
  staff.case_id = case_id;
  for (auto id : case_staff(db, case_id))
    if (id != by.user_id) notify_user(db, id, staff);

  Notice family = staff;
  family.what_changed = "A record of the help in your EHC plan shows less was given than the plan says (" +
                        period + "): " + e.summary + ".";
  family.what_needed = "Nothing for you to do: the council has been told. You can see the details and contact your caseworker.";
  family.link = "/family/children/" + std::to_string(child_id) + "/delivery";
  notify_family(db, child_id, family, today);
}


// The checks shared by record and correct, after authorisation; returns the line.
PlanProvision checked_line(const Actor& actor, const CaseAccess& acc, const CasePlan& cp, const std::string& element_id) {
  if (!cp.in_force)
    throw Error(Kind::Conflict, "plan", "this case has no EHC plan in force yet: delivery is recorded against a final plan");
  const auto* line = find_provision(cp.plan, element_id);
  if (!line) throw Error(Kind::Unprocessable, "element", "choose a line of provision in the plan in force");
  if (!may_record_line(actor, acc.basis, *line))
    throw Error(Kind::Forbidden, "element", "you can record delivery only of the provision your organisation is named for");
  return *line;
}

store::DeliveryRecordRow row_of(const Actor& actor, const CaseAccess& acc, std::int64_t case_id,
                                const CasePlan& cp, const PlanProvision& line, const DeliveryInput& in) {
  store::DeliveryRecordRow r;
  r.case_id = case_id;
  r.child_id = acc.child_id;
  r.plan_version_id = cp.in_force->id;
  r.element_id = line.id;
  r.period_from = in.from->to_string();
  r.period_to = in.to->to_string();
  r.closed_days = in.closed_days;
  r.sessions_delivered = in.sessions_delivered;
  r.minutes_delivered = in.minutes_delivered ? *in.minutes_delivered : in.sessions_delivered * std::max(0, line.minutes);
  r.sessions_missed = in.sessions_missed;
  r.missed_reason = in.missed_reason;
  r.delivered_by_role = in.delivered_by_role;
  r.delivered_by_name = in.delivered_by_name;
  r.notes = in.notes;
  r.recorded_by = actor.user_id;
  if (acc.basis != Basis::CouncilStaff) r.recorded_by_organisation_id = actor.organisation_id;
  r.basis = std::string(basis_name(acc.basis));
  r.recorded_at = utc_timestamp();
  return r;
}

}  // namespace

double Delivery::threshold() const {
  double t = settings_.delivery_threshold;
  return t > 0 && t <= 1 ? t : kDefaultDeliveryThreshold;
}

DeliveryView Delivery::of_case(const Actor& actor, std::int64_t case_id, const std::string& route) {
  auto& db = storage_.read();
  auto acc = require_case(db, actor, case_id, Capability::PlanRead, today_());
  auto v = build_view(db, actor, case_id, acc, threshold());
  storage_.audit_read(audit(actor, "read", "delivery", case_id, route, acc.child_id, std::string(basis_name(acc.basis))));
  return v;
}

std::vector<DeliveryView> Delivery::for_family(const Actor& actor, std::int64_t child_id, const std::string& route) {
  auto& db = storage_.read();
  Basis b = require_child(db, actor, child_id, Capability::FamilyRead, today_());
  std::vector<DeliveryView> out;
  for (const auto& c : store::cases_of_child(db, child_id)) {
    auto v = build_view(db, actor, c.id, CaseAccess{child_id, b}, threshold());
    if (v.in_force) out.push_back(std::move(v));
  }
  storage_.audit_read(audit(actor, "read", "delivery", std::nullopt, route, child_id, std::string(basis_name(b))));
  return out;
}

std::vector<DeliveryCase> Delivery::my_cases(const Actor& actor, const std::string& route) {
  auto& db = storage_.read();
  Date today = today_();
  std::vector<std::int64_t> ids;
  if (actor.organisation_id && (actor.role == "senco" || actor.role == "advice_giver")) {
    ids = store::cases_naming_provider(db, *actor.organisation_id);
    if (actor.role == "senco")
      for (auto id : store::cases_on_roll_with_plan(db, *actor.organisation_id, today.to_string())) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  std::vector<DeliveryCase> out;
  for (auto id : ids) {
    auto acc = case_basis(db, actor, id, today);
    if (!acc || !allows(acc->basis, Capability::DeliveryWrite)) continue;
    auto v = build_view(db, actor, id, *acc, threshold());
    out.push_back({id, acc->child_id, v.child_name, v.shortfalls});
    storage_.audit_read(audit(actor, "list", "delivery", id, route, acc->child_id, std::string(basis_name(acc->basis))));
  }
  return out;
}

store::DeliveryRecordRow Delivery::record(const Actor& actor, std::int64_t case_id, DeliveryInput input,
                                          const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    auto acc = require_case(db, actor, case_id, Capability::DeliveryWrite, today);
    throw_first(validate_delivery_input(input, today));
    auto cp = case_plan(db, case_id);
    auto line = checked_line(actor, acc, cp, input.element_id);
    auto row = row_of(actor, acc, case_id, cp, line, input);
    row.id = store::insert_delivery_record(db, row);
    store::append_audit(db, {audit(actor, "record", "delivery", row.id, route, acc.child_id,
                                   std::string(basis_name(acc.basis)))});
    auto saved = *store::find_delivery_record(db, row.id);
    auto e = judge(saved, &cp.plan, cp.since, threshold());
    if (e.judgement.shortfall) alert_shortfall(db, actor, case_id, acc.child_id, e, today);
    return saved;
  });
}

store::DeliveryRecordRow Delivery::correct(const Actor& actor, std::int64_t case_id, std::int64_t record_id,
                                           DeliveryInput input, std::string reason, const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    auto acc = require_case(db, actor, case_id, Capability::DeliveryWrite, today);
    auto earlier = store::find_delivery_record(db, record_id);
    if (!earlier || earlier->case_id != case_id) throw Error(Kind::NotFound, "record_id", "no such delivery record in this case");
    auto cp = case_plan(db, case_id);
    // A provider sees only its own lines: another line's record is not revealed.
    if (acc.basis == Basis::NamedProvider) {
      const auto* l = cp.in_force ? find_provision(cp.plan, earlier->element_id) : nullptr;
      if (!l || !may_record_line(actor, acc.basis, *l))
        throw Error(Kind::NotFound, "record_id", "no such delivery record in this case");
    }
    if (earlier->superseded_by)
      throw Error(Kind::Conflict, "record_id", "this record has already been corrected: correct the record now in force");
    if (acc.basis != Basis::CouncilStaff && earlier->recorded_by_organisation_id != actor.organisation_id)
      throw Error(Kind::Forbidden, "record_id", "only the council or the organisation that made a record can correct it");
    input.element_id = earlier->element_id;
    std::vector<FieldError> errors;
    check_free_text(reason, "correction_reason", "Why the record is being corrected", true, errors, 1000);
    auto more = validate_delivery_input(input, today);
    errors.insert(errors.end(), more.begin(), more.end());
    throw_first(errors);
    auto line = checked_line(actor, acc, cp, input.element_id);
    auto row = row_of(actor, acc, case_id, cp, line, input);
    row.supersedes = record_id;
    row.correction_reason = reason;
    row.id = store::insert_delivery_record(db, row);
    store::append_audit(db, {audit(actor, "correct", "delivery", row.id, route, acc.child_id,
                                   std::string(basis_name(acc.basis)))});
    auto saved = *store::find_delivery_record(db, row.id);
    auto e = judge(saved, &cp.plan, cp.since, threshold());
    if (e.judgement.shortfall) alert_shortfall(db, actor, case_id, acc.child_id, e, today);
    return saved;
  });
}

DeliveryEntry Delivery::entry(const Actor& actor, std::int64_t case_id, std::int64_t record_id, const std::string& route) {
  auto& db = storage_.read();
  auto acc = require_case(db, actor, case_id, Capability::PlanRead, today_());
  auto v = build_view(db, actor, case_id, acc, threshold());
  storage_.audit_read(audit(actor, "read", "delivery", record_id, route, acc.child_id, std::string(basis_name(acc.basis))));
  for (const auto& l : v.lines)
    for (const auto& e : l.records)
      if (e.row.id == record_id) return e;
  for (const auto& e : v.corrected)
    if (e.row.id == record_id) return e;
  throw Error(Kind::NotFound, "record_id", "no such delivery record in this case");
}

std::vector<ShortfallItem> Delivery::shortfalls(const Actor& actor, const std::string& route) {
  require_council_staff(actor);
  auto& db = storage_.read();
  std::vector<ShortfallItem> out;
  std::map<std::int64_t, CasePlan> plans;
  std::map<std::int64_t, store::CaseRow> cases;
  VersionCache versions(db);
  for (const auto& r : store::delivery_records_in_force(db)) {
    auto pit = plans.find(r.case_id);
    if (pit == plans.end()) pit = plans.emplace(r.case_id, case_plan(db, r.case_id)).first;
    const Plan* version = versions.plan(r.plan_version_id);
    auto e = judge(r, version, pit->second.since, threshold());
    if (!e.judgement.shortfall) continue;
    auto cit = cases.find(r.case_id);
    if (cit == cases.end()) cit = cases.emplace(r.case_id, store::find_case(db, r.case_id).value_or(store::CaseRow{})).first;
    ShortfallItem item;
    item.case_id = r.case_id;
    item.child_id = r.child_id;
    item.child_name = child_name(db, r.child_id);
    item.caseworker_name = cit->second.caseworker_name;
    item.element_id = r.element_id;
    item.line_text = version ? line_text(*version, r.element_id) : r.element_id;
    item.entry = std::move(e);
    out.push_back(std::move(item));
  }
  std::stable_sort(out.begin(), out.end(), [](const ShortfallItem& a, const ShortfallItem& b) {
    return a.entry.row.period_to > b.entry.row.period_to;
  });
  storage_.audit_read(audit(actor, "list", "delivery_shortfalls", std::nullopt, route, std::nullopt, "council_staff"));
  return out;
}

}  // namespace gt::app
