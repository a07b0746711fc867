// Demo: a fictional council (Northmoor City Council) with realistic EHC casework histories that
// follow the national figures of the SEND reference (statutory.md s5, generator parameters s5.8).
//
// Contract:
//  - generate_demo is pure: the same options (seed, plans, today) always give the same council,
//    event for event, on any platform (std::mt19937_64 with distributions implemented here, no
//    floating-point library functions). No I/O.
//  - `plans` is the number of active EHC plans (cases whose plan was issued and not ceased). Beside
//    them: the request flow of the last three years in proportion (~770 requests a year per 3,300
//    plans, growing ~12% a year), with refusals, withdrawals, plans not issued and processes still
//    under way; a few plans ceased at review.
//  - Every chronology passes gt::check_append event by event with `today` (checked as it is built;
//    a rejection is a generator bug and throws std::logic_error naming the case and the rule).
//    Every child passes gt::validate_child; UPNs and ULNs are unique. No event is after today.
//  - write_demo writes a generated council with the ordinary store functions in ONE transaction on
//    a migrated database: staff, children, cases, chronology rows (payload = event_to_json) and each
//    case's projection (app/case_projection.h), then each child's needs records and placements
//    (store/needs_store.h), recorded by the case's caseworker. Timestamps derive from the event dates and password
//    salts from the seed, so the database contents are identical for the same options.
//  - build_demo refuses (DemoRefused) a path that already exists, then creates, migrates and fills it.
//  - Staff sign-in: caseworker@northmoor.example (a caseworker with a caseload) and
//    manager@northmoor.example, and every other demo caseworker, share kDemoPassword.
//  - Every child with a case has SEN needs (a primary type, a secondary for about a third; s5.4):
//    plan holders by age (SLCN falls from ~50% at 3-5 to ~11% at 16-18, SEMH rises from ~3% at 4
//    to ~30% at 15-16, ASD ~31% throughout), others (requests, assessments) by the new-plans column.
//    Some plan holders have an earlier needs record with another primary type. Every record passes
//    validate_needs with a type from plan_sen_types().
//  - Placements follow s5.6 by national-curriculum year and plan status: early years or nursery
//    under 5, mainstream / special / AP / educated elsewhere at 5-15, school sixth forms, colleges,
//    specialist post-16 and training providers or NEET after 16; ~3% of plan holders have none (not
//    recorded). Establishments are a stable set of fictional Northmoor schools and colleges (URNs
//    199xxx, UKPRNs 1009xxxx) shared by the children; many children have an earlier placement with
//    a leaving date (phase transfer, a move), a few a dual placement (rank 2). Every placement passes
//    validate_placement with today and a child has at most one current placement per rank.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/child.h"
#include "domain/date.h"
#include "domain/event.h"
#include "domain/placement.h"
#include "domain/sen_needs.h"
#include "store/database.h"

namespace gt::app {

inline constexpr const char* kDemoCouncil = "Northmoor City Council";
inline constexpr const char* kDemoPassword = "demo-password-2026";
inline constexpr const char* kDemoCaseworkerEmail = "caseworker@northmoor.example";
inline constexpr const char* kDemoManagerEmail = "manager@northmoor.example";
inline constexpr const char* kDemoLaNumber = "397";  // UPN LA number: not a real LA's code

struct DemoOptions {
  std::uint64_t seed = 1;
  int plans = 3300;
  Date today;
  bool check = true;  // replay every chronology through check_append (keep on; off only to measure)
};

struct DemoStaff {
  std::string email;
  std::string name;
  std::string role;  // caseworker | manager
};

// A fictional school, college or early years provider (one per URN or UKPRN; nurseries have neither).
struct DemoEstablishment {
  std::string kind;          // primary | secondary | special | independent | ap | college | specialist_college | training | nursery
  std::string setting_type;  // its setting type (pupils of a resourced provision or SEN unit are recorded as such)
  std::string urn, ukprn, name;
  std::string district;      // postcode district, e.g. "NM4"
  bool sixth_form = false, resourced_provision = false, sen_unit = false;
};

struct DemoNeeds {
  SenNeeds needs;
  Date recorded;  // the day the record was made (plan issued or amended, or the request)
};

struct DemoCase {
  Child child;
  std::string district;               // postcode district, e.g. "NM4"
  int caseworker = -1;                // index into DemoCouncil::staff, -1 = not yet allocated
  std::vector<Event> events;          // in date order (recorded order for equal dates)
  std::vector<int> recorded_by;       // per event: index into staff
  std::vector<DemoNeeds> needs;       // oldest first; the last is current (every case has one)
  std::vector<Placement> placements;  // in the order recorded: earlier placements first, then current
  // The projection written to the cases table (app/case_projection.h).
  std::string stage;
  std::optional<Date> next_due;
  std::optional<std::string> next_rule;
};

// Figures of the generated council, to compare with the national ones (reference s5).
struct DemoSummary {
  int staff = 0, children = 0, cases = 0, events = 0;
  int active_plans = 0;
  int open_requests = 0, open_assessments = 0, drafting = 0, in_review = 0, in_amendment = 0;
  int closed = 0, ceased = 0;
  // Flows over the 12 months to today.
  int requests = 0;
  int decided_assess = 0, decided_refuse = 0, decided_within_6_weeks = 0;
  int withdrawn = 0;
  int issue_decisions = 0, not_issue_decisions = 0;
  int plans_issued = 0, within_20_weeks = 0, with_exception = 0, within_20_weeks_excl_exception = 0,
      plans_excl_exception = 0, over_52_weeks = 0;
  int advice_received = 0, advice_within_6_weeks = 0;
  int review_meetings = 0, review_decisions = 0, reviews_within_4_weeks = 0, reports_within_2_weeks = 0;
  int amend = 0, maintain = 0, cease = 0;
  int amended_plans = 0, amended_within_8_weeks = 0;
  int phase_transfers = 0, decision_notices = 0, mediation_certificates = 0;
  // The caseload today.
  int overdue_cases = 0, reviews_overdue = 0, amendments_pending = 0;
  // Plan holders.
  int male = 0;
  int age_band[5] = {0, 0, 0, 0, 0};  // under 5, 5-10, 11-15, 16-19, 20-25
  int min_age = 99, max_age = -1;
  // Needs of plan holders: primary types in the order of kDemoNeedCodes; SLCN by age.
  std::array<int, 13> primary_need{};
  int secondary_need = 0, needs_changed = 0;
  int under_6 = 0, under_6_slcn = 0, over_16 = 0, over_16_slcn = 0;  // ages 0-5 and 16-25
  // Settings of plan holders (current rank-1 placement): setting_groups() order, then not recorded.
  std::array<int, 7> setting_group{};
  int earlier_placements = 0, dual_placements = 0;  // plan holders with a placement left / a rank 2
  int placements = 0, establishments = 0;           // all children
};

// The primary types the demo generates, in the order of DemoSummary::primary_need.
inline constexpr std::array<const char*, 13> kDemoNeedCodes = {"ASD", "SLCN", "SEMH", "MLD", "SLD", "PD", "SPLD",
                                                               "HI",  "PMLD", "OTH",  "DS",  "VI", "MSI"};

struct DemoCouncil {
  DemoOptions options;
  std::vector<DemoStaff> staff;
  std::vector<DemoEstablishment> establishments;
  std::vector<DemoCase> cases;
  DemoSummary summary;
};

struct DemoRefused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

DemoCouncil generate_demo(const DemoOptions& options);
void write_demo(store::Database& db, const DemoCouncil& council);
DemoCouncil build_demo(const std::string& path, const DemoOptions& options);

// The summary as lines of plain text, national figures beside the generated ones.
std::string format_summary(const DemoCouncil& council);

}  // namespace gt::app
