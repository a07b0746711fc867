// Demo plans: see demo_plans.h. One function per concern: choosing the cases, the walkthrough's two
// children, the versions a chronology calls for, and writing them.
#include "app/demo_plans.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

#include "app/demo.h"
#include "app/demo_people.h"
#include "domain/demo_plan_text.h"
#include "domain/plan_json.h"
#include "domain/school_age.h"
#include "store/access_store.h"
#include "store/cases_store.h"
#include "store/organisations_store.h"
#include "store/plans_store.h"
#include "store/users_store.h"

namespace gt::app {
namespace {

std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

constexpr std::uint64_t kPlanSalt = 0x706c616e732d7631ULL;  // "plans-v1"

bool has(const DemoCase& c, EventType t) {
  return std::any_of(c.events.begin(), c.events.end(), [t](const Event& e) { return e.type == t; });
}

const Placement* current_main(const DemoCase& c) {
  for (const auto& p : c.placements)
    if (!p.leaving_date && p.rank == 1) return &p;
  return nullptr;
}

// The main placement on `day` (the latest entered, if records overlap); when none is recorded that
// day (the records start later), the first one entered after it: the setting the plan named.
const Placement* placement_on(const DemoCase& c, Date day) {
  const Placement* best = nullptr;
  for (const auto& p : c.placements) {
    if (p.rank != 1 || p.entry_date > day || (p.leaving_date && *p.leaving_date <= day)) continue;
    if (!best || p.entry_date > best->entry_date) best = &p;
  }
  if (best) return best;
  for (const auto& p : c.placements)
    if (p.rank == 1 && p.entry_date > day && (!best || p.entry_date < best->entry_date)) best = &p;
  return best;
}

const SenNeeds& needs_on(const DemoCase& c, Date day) {
  const DemoNeeds* best = &c.needs.front();
  for (const auto& n : c.needs)
    if (n.recorded <= day) best = &n;
  return best->needs;
}

// ---------------------------------------------------------------------------------------------
// Which cases.

bool has_plan_or_draft(const DemoCase& c) {
  if (c.stage == "closed") return false;
  return has(c, EventType::FinalPlanIssued) || (c.stage == "drafting" && has(c, EventType::DraftPlanServed));
}

struct Context {
  const DemoCouncil& council;
  const std::vector<std::int64_t>& child_ids;
  const std::vector<std::int64_t>& case_ids;
  const std::vector<std::int64_t>& staff_ids;
  Date today;
  std::map<std::string, std::int64_t> school_by_urn;
  std::string senco_urn;
  std::int64_t senco_school = 0;
  DemoPlanProvider ep, health, care, council_service;
};

bool at_senco_school(const Context& x, const DemoCase& c) {
  const Placement* p = current_main(c);
  return p && !x.senco_urn.empty() && p->urn == x.senco_urn;
}

std::vector<bool> choose_cases(const Context& x, const DemoPeople& people) {
  const auto& cases = x.council.cases;
  int caseworker = -1;
  for (std::size_t i = 0; i < x.council.staff.size(); ++i)
    if (x.council.staff[i].email == kDemoCaseworkerEmail) caseworker = static_cast<int>(i);
  std::vector<bool> chosen(cases.size(), false);
  std::vector<std::pair<std::uint64_t, std::size_t>> others;
  for (std::size_t ci = 0; ci < cases.size(); ++ci) {
    const DemoCase& c = cases[ci];
    if (!has_plan_or_draft(c)) continue;
    if (c.caseworker == caseworker || at_senco_school(x, c) || x.child_ids[ci] == people.young_person_child)
      chosen[ci] = true;
    else
      others.push_back({mix(x.council.options.seed ^ kPlanSalt ^ (ci * 0x100000001b3ULL)), ci});
  }
  std::sort(others.begin(), others.end());
  for (std::size_t i = 0; i < others.size() && i < static_cast<std::size_t>(kDemoPlanSample); ++i)
    chosen[others[i].second] = true;
  return chosen;
}

// parent@'s second child: a draft served within the family's window today, not yet final.
int choose_draft_child(const Context& x, const DemoPeople& people) {
  int best = -1;
  std::tuple<bool, Date> best_key;
  for (std::size_t ci = 0; ci < x.council.cases.size(); ++ci) {
    const DemoCase& c = x.council.cases[ci];
    if (c.stage != "drafting" || x.case_ids[ci] == people.walkthrough_case) continue;
    if (is_young_person(c.child.date_of_birth, x.today)) continue;
    std::optional<Date> served;
    for (const auto& e : c.events)
      if (e.type == EventType::DraftPlanServed) served = e.date;
    if (!served || x.today > served->plus_days(14)) continue;
    std::tuple<bool, Date> key{at_senco_school(x, c), *served};
    if (best < 0 || key > best_key) best = static_cast<int>(ci), best_key = key;
  }
  return best;
}

// The SENCO's pupil with a plan in force and the annual review due within 8 weeks: at least two
// weeks away first (time to give notice of the meeting), the soonest of those; failing that, the
// pupil whose review is due soonest after today, then the least overdue.
int choose_review_child(const Context& x) {
  int best = -1;
  std::tuple<int, int> best_key;
  for (std::size_t ci = 0; ci < x.council.cases.size(); ++ci) {
    const DemoCase& c = x.council.cases[ci];
    if (c.stage != "plan" || !at_senco_school(x, c) || !c.next_due || !c.next_rule) continue;
    if (*c.next_rule != "R1" && *c.next_rule != "R2") continue;
    int days = *c.next_due - x.today;
    int band = days >= 14 && days <= 56 ? 3 : days >= 0 && days <= 56 ? 2 : days > 56 ? 1 : 0;
    std::tuple<int, int> key{band, band == 0 ? days : -days};
    if (best < 0 || key > best_key) best = static_cast<int>(ci), best_key = key;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Which versions a chronology calls for.

struct VersionAt {
  DemoPlanKind kind;
  std::size_t event;  // index into DemoCase::events
};

std::vector<VersionAt> versions_of(const DemoCase& c) {
  const auto& ev = c.events;
  auto last_before = [&](EventType t, std::size_t before, std::size_t after) -> std::optional<std::size_t> {
    std::optional<std::size_t> found;
    for (std::size_t i = after; i < before && i < ev.size(); ++i)
      if (ev[i].type == t) found = i;
    return found;
  };
  std::vector<VersionAt> out;
  std::optional<std::size_t> final_at;
  for (std::size_t i = 0; i < ev.size() && !final_at; ++i)
    if (ev[i].type == EventType::FinalPlanIssued) final_at = i;
  if (!final_at) {
    if (auto d = last_before(EventType::DraftPlanServed, ev.size(), 0)) out.push_back({DemoPlanKind::Draft, *d});
    return out;
  }
  std::size_t in_force = *final_at;
  if (auto m = last_before(EventType::AmendedPlanIssued, ev.size(), *final_at + 1)) {
    if (auto p = last_before(EventType::AmendmentsProposed, *m, *final_at + 1))
      out.push_back({DemoPlanKind::ProposedAmendments, *p});
    out.push_back({DemoPlanKind::Amended, *m});
    in_force = *m;
  } else {
    if (auto d = last_before(EventType::DraftPlanServed, *final_at, 0)) out.push_back({DemoPlanKind::Draft, *d});
    out.push_back({DemoPlanKind::Final, *final_at});
  }
  if (auto p = last_before(EventType::AmendmentsProposed, ev.size(), in_force + 1))
    out.push_back({DemoPlanKind::ProposedAmendments, *p});
  return out;
}

std::string_view kind_name(DemoPlanKind k) {
  switch (k) {
    case DemoPlanKind::Draft: return "draft";
    case DemoPlanKind::Final: return "final";
    case DemoPlanKind::ProposedAmendments: return "proposed_amendments";
    case DemoPlanKind::Amended: return "amended";
  }
  return "draft";
}

EventType event_of(DemoPlanKind k) {
  switch (k) {
    case DemoPlanKind::Draft: return EventType::DraftPlanServed;
    case DemoPlanKind::Final: return EventType::FinalPlanIssued;
    case DemoPlanKind::ProposedAmendments: return EventType::AmendmentsProposed;
    case DemoPlanKind::Amended: return EventType::AmendedPlanIssued;
  }
  return EventType::DraftPlanServed;
}

// The advice received before `before` (section K), each with whom it was asked of.
std::vector<DemoPlanAdvice> advice_before(const DemoCase& c, std::size_t before) {
  std::map<std::string, AdviceFrom> asked;
  std::vector<DemoPlanAdvice> out;
  for (std::size_t i = 0; i < before && i < c.events.size(); ++i) {
    const Event& e = c.events[i];
    if (e.type == EventType::AdviceRequested) asked[e.id] = e.advice_from;
    if (e.type == EventType::AdviceReceived) {
      auto it = asked.find(e.id);
      out.push_back({it == asked.end() ? AdviceFrom::Other : it->second, e.date});
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing one case's plan.

DemoPlanWritten write_plan(store::Database& db, const Context& x, std::size_t ci) {
  const DemoCase& c = x.council.cases[ci];
  auto versions = versions_of(c);
  DemoPlanWritten out;
  out.case_id = x.case_ids[ci];
  out.child_id = x.child_ids[ci];
  if (const Placement* p = current_main(c); p && x.school_by_urn.count(p->urn)) out.school = x.school_by_urn.at(p->urn);
  const std::uint64_t seed = mix(x.council.options.seed ^ kPlanSalt) ^ mix(ci + 1);
  out.weak = static_cast<int>(mix(seed ^ 0x7765616bULL) % 100) < kDemoWeakPercent;
  if (versions.empty()) return out;

  auto rows = store::events_of_case(db, out.case_id);
  if (rows.size() != c.events.size())
    throw std::logic_error("demo plans: case " + std::to_string(out.case_id) + " has " + std::to_string(rows.size()) +
                           " chronology rows, the generator " + std::to_string(c.events.size()));

  const Date first = c.events[versions.front().event].date;
  std::optional<Date> final_date, proposed_date;
  for (const auto& e : c.events)
    if (e.type == EventType::FinalPlanIssued && !final_date) final_date = e.date;
  DemoPlanInput in;
  in.seed = seed;
  in.given_name = c.child.given_name;
  in.date_of_birth = c.child.date_of_birth;
  const SenNeeds& at_first = needs_on(c, first);
  in.primary = at_first.primary;
  in.secondary = at_first.secondary;
  in.advice = advice_before(c, versions.front().event);
  in.ep = x.ep, in.health = x.health, in.care = x.care, in.council = x.council_service;
  in.plan_start = final_date.value_or(first.plus_days(28));
  in.weak = out.weak;

  std::int64_t worker = x.staff_ids[static_cast<std::size_t>(std::max(0, c.caseworker))];
  out.plan_id = store::insert_plan(db, {0, out.case_id, out.child_id, first.to_string() + "T09:00:00Z", worker});
  std::size_t in_force_index = versions.size();
  for (std::size_t vi = 0; vi < versions.size(); ++vi)
    if (versions[vi].kind == DemoPlanKind::Final || versions[vi].kind == DemoPlanKind::Amended) in_force_index = vi;
  int last_number = 0;
  std::optional<std::int64_t> previous;
  for (std::size_t vi = 0; vi < versions.size(); ++vi) {
    const VersionAt& v = versions[vi];
    const Event& e = c.events[v.event];
    const store::EventRow& row = rows[v.event];
    if (row.type != event_type_name(event_of(v.kind)) || row.event_date != e.date.to_string())
      throw std::logic_error("demo plans: case " + std::to_string(out.case_id) + " event " + std::to_string(row.id) +
                             " is not the " + std::string(kind_name(v.kind)) + " the generator wrote");
    in.primary_now = needs_on(c, e.date).primary;
    in.setting = {};
    // Section I: the placement on the version's date; the plan in force (and anything after it)
    // names the child's current placement, as the council keeps it up to date.
    const Placement* named = vi >= in_force_index ? current_main(c) : nullptr;
    if (!named) named = placement_on(c, e.date);
    if (const Placement* p = named) {
      in.setting.name = p->name;
      in.setting.urn = p->urn;
      in.setting.setting_type = p->setting_type;
      if (auto it = x.school_by_urn.find(p->urn); !p->urn.empty() && it != x.school_by_urn.end())
        in.setting.organisation_id = it->second;
    }
    if (v.kind == DemoPlanKind::ProposedAmendments) proposed_date = e.date;
    in.review_date = v.kind == DemoPlanKind::Amended ? proposed_date.value_or(e.date) : e.date;
    Plan plan = demo_plan(in, v.kind, e.date);
    auto errors = validate_plan(plan);
    if (!errors.empty())
      throw std::logic_error("demo plans: generator bug: plan of case " + std::to_string(out.case_id) + ": " +
                             errors.front().field + ": " + errors.front().reason);
    plan.last_number = std::max(plan.last_number, last_number);
    last_number = plan.last_number;

    store::PlanVersionRow r;
    r.plan_id = out.plan_id;
    r.number = static_cast<int>(vi) + 1;
    r.kind = std::string(kind_name(v.kind));
    r.status = "issued";
    r.content = plan_to_json(plan);
    r.based_on = previous;
    r.revision = 1;
    std::int64_t by = x.staff_ids[static_cast<std::size_t>(c.recorded_by[v.event])];
    r.updated_at = e.date.to_string() + "T10:00:00Z";
    r.updated_by = by;
    r.issued_on = e.date.to_string();
    r.issued_at = row.recorded_at;
    r.issued_by = by;
    r.event_id = row.id;
    previous = store::insert_plan_version(db, r);
    out.versions.push_back(*previous);
    if (v.kind == DemoPlanKind::Final || v.kind == DemoPlanKind::Amended) out.in_force = *previous;
  }
  return out;
}

// parent@ becomes the parent of the draft child too (created_at is stamped by write_demo).
void link_parent(store::Database& db, std::int64_t child_id) {
  auto parent = store::find_user_by_email(db, kDemoParentEmail);
  if (!parent) return;
  store::FamilyLinkRow link;
  link.child_id = child_id;
  link.user_id = parent->id;
  link.relationship = "parent_carer";
  link.parental_responsibility = true;
  store::insert_family_link(db, link, std::nullopt);
}

DemoPlanProvider first_of_kind(store::Database& db, const std::string& kind) {
  auto orgs = store::list_organisations(db, kind);
  if (orgs.empty()) return {0, ""};
  return {orgs.front().id, orgs.front().name};
}

}  // namespace

DemoPlans write_demo_plans(store::Database& db, const DemoCouncil& council, const std::vector<std::int64_t>& child_ids,
                           const std::vector<std::int64_t>& case_ids, const std::vector<std::int64_t>& staff_ids,
                           const DemoPeople& people) {
  Context x{council, child_ids, case_ids, staff_ids, council.options.today, {}, "", 0, {}, {}, {}, {}};
  for (const auto& o : store::list_organisations(db, "school"))
    if (o.urn) x.school_by_urn[*o.urn] = o.id;
  if (auto senco = store::find_user_by_email(db, kDemoSencoEmail); senco && senco->organisation_id)
    if (auto org = store::find_organisation(db, *senco->organisation_id); org && org->urn) {
      x.senco_urn = *org->urn;
      x.senco_school = org->id;
    }
  x.ep = first_of_kind(db, "ep_service");
  x.health = first_of_kind(db, "health");
  x.care = first_of_kind(db, "social_care");
  x.council_service = first_of_kind(db, "council");
  x.council_service.name = "Northmoor Specialist Teaching and Sensory Support Service";  // run by the council

  DemoPlans out;
  auto chosen = choose_cases(x, people);
  int draft = choose_draft_child(x, people);
  int review = choose_review_child(x);
  if (draft >= 0) {
    chosen[static_cast<std::size_t>(draft)] = true;
    out.draft_case = case_ids[static_cast<std::size_t>(draft)];
    out.draft_child = child_ids[static_cast<std::size_t>(draft)];
    link_parent(db, out.draft_child);
  }
  if (review >= 0) {
    chosen[static_cast<std::size_t>(review)] = true;
    out.review_case = case_ids[static_cast<std::size_t>(review)];
    out.review_child = child_ids[static_cast<std::size_t>(review)];
  }
  for (std::size_t ci = 0; ci < council.cases.size(); ++ci) {
    if (!chosen[ci]) continue;
    DemoPlanWritten w = write_plan(db, x, ci);
    if (w.versions.empty()) continue;
    out.versions += static_cast<int>(w.versions.size());
    out.weak += w.weak ? 1 : 0;
    out.plans.push_back(std::move(w));
  }
  return out;
}

}  // namespace gt::app
