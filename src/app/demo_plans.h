// Demo plans: structured EHC plans (domain/plan.h) for the demo council, written from its
// chronologies, so that every plan screen, the comparison, the thread checks and (later) the quality
// audits and provision delivery have realistic material - including weak plans.
//
// Contract:
//  - write_demo_plans runs inside write_demo's transaction, after write_demo_people, and is
//    deterministic: the same council gives the same rows (content from domain/demo_plan_text.h,
//    choices from the council's seed; timestamps from the event dates). It writes through the
//    ordinary store functions (store/plans_store.h, access_store.h).
//  - Which cases: every case with an issued plan that is not closed, or with a draft served while
//    drafting, that is (a) in the caseload of caseworker@ (kDemoCaseworkerEmail), (b) on roll at
//    the demo SENCO's school, (c) the young person's own case, or (d) one of a sample of
//    kDemoPlanSample of the rest (fewer if there are fewer).
//  - Which versions, each matching its chronology event (issued_on = the event's date, event_id =
//    its case_events id, issued_by = who recorded it): the plan in force and the version the family
//    had their say on before it - the last amended plan and the proposed amendments before it, or,
//    if the plan was never amended, the final plan and the last draft before it - then any proposed
//    amendments after the plan in force (awaiting the amended plan); for a case still drafting, its
//    last draft. Earlier versions are taken to predate the system (paper plans), so a chronology
//    event may have no version, never a version no event. Numbers 1, 2, ... in date order; each
//    version based_on the one before. Section I names the placement on the version's date, except
//    that the plan in force and anything after it name the child's current main placement.
//  - About kDemoWeakPercent% of plans (chosen per case from the seed) are weak: they have thread
//    findings (domain/plan_checks.h); the others have none. Every version passes validate_plan
//    (a failure is a generator bug: std::logic_error).
//  - The walkthrough: parent@ is also made the parent (with parental responsibility) of a second
//    child whose draft plan was served within the family's 15-day window on `today` (preferring a
//    child at the demo SENCO's school, then the latest draft), so they can comment on it; and the
//    demo SENCO's school has a pupil whose plan is in force, with provision the school delivers, and
//    whose annual review falls due within 8 weeks of today (preferring at least 2 weeks away, for
//    the notice of the meeting; the default size has one). A small demo may have none: then the
//    pupil whose review is due soonest after that, or failing that the least overdue. Either child
//    is 0 when the council has no candidate at all.
#pragma once

#include <cstdint>
#include <vector>

#include "store/database.h"

namespace gt::app {

struct DemoCouncil;
struct DemoPeople;

inline constexpr int kDemoPlanSample = 1000;
inline constexpr int kDemoWeakPercent = 22;

struct DemoPlanWritten {
  std::int64_t case_id = 0, child_id = 0, plan_id = 0;
  std::vector<std::int64_t> versions;  // issued version ids, oldest first
  std::int64_t in_force = 0;           // the latest final or amended version; 0 while only a draft
  std::int64_t school = 0;             // the organisation of the child's current school, 0 if none
  bool weak = false;
};

struct DemoPlans {
  std::vector<DemoPlanWritten> plans;  // in case order
  int versions = 0, weak = 0;
  std::int64_t draft_case = 0, draft_child = 0;    // parent@'s second child: a draft within its window
  std::int64_t review_case = 0, review_child = 0;  // the SENCO's pupil with a review due within 8 weeks
};

// `child_ids`, `case_ids` and `staff_ids` are the ids write_demo gave the council's rows.
DemoPlans write_demo_plans(store::Database& db, const DemoCouncil& council, const std::vector<std::int64_t>& child_ids,
                           const std::vector<std::int64_t>& case_ids, const std::vector<std::int64_t>& staff_ids,
                           const DemoPeople& people);

}  // namespace gt::app
