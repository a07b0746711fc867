// Demo plan text: realistic content for the EHC plans of the fictional demo council (app/demo_plans.h)
// - views in the child's voice, needs that fit the child's recorded SEN types, outcomes tied to the
// end of a key stage or phase, provision that says what, who, how often, for how long and in what
// group, the placement, personal budget and advice - written from templates per SEN type, so that a
// reader, the thread checks and the quality audits meet plans like a council's.
//
// Contract:
//  - demo_plan is pure and deterministic: the same input, kind and date give the same plan on any
//    platform (its own splitmix64 stream from `seed`; no floating point). No I/O.
//  - Element ids are stable across a plan's versions: the draft, the final plan, proposed
//    amendments and the amended plan of one child (same seed, same first needs) share the ids of
//    the elements they have in common; elements a later version adds (the family's say on the
//    draft, a need or outcome added at review, preparing-for-adulthood outcomes from Year 9) take
//    new ids after them, and `last_number` only grows from one kind to the next.
//  - Every plan passes validate_plan. A plan with `weak` unset has no findings from check_thread
//    (each need in B, C, D reaches provision in F, G, H through an outcome with a time frame; each
//    provision line names its outcome, how often and who delivers it, with no vague phrase). A plan
//    with `weak` set has between two and four kinds of fault, chosen from the seed: vague provision
//    ("access to", "as required", "regular", ... with no frequency), outcomes with no time frame, a
//    need with no provision (sometimes with an outcome no provision works towards), provision with
//    no outcome, provision with no deliverer.
//  - Outcome time frames are the end of the key stage or phase (31 July of the last year of the
//    EYFS, KS1, KS2, KS3, KS4, Year 13, then a two-year course) at least nine months after the
//    version's date, never after the last day a plan can run (end of the academic year of the
//    25th birthday).
//  - A draft names no school or college in section I (the family may ask for one); later kinds
//    name the placement given. Provision the setting delivers names it as provider (its
//    organisation id when it has one) except in a draft.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/event.h"
#include "domain/plan.h"

namespace gt {

struct DemoPlanProvider {
  std::int64_t organisation_id = 0;
  std::string name;
};

struct DemoPlanSetting {
  std::string name;          // empty: no placement recorded on the version's date
  std::string urn;           // 6 digits or empty
  std::string setting_type;  // setting_types() code
  std::int64_t organisation_id = 0;
};

struct DemoPlanAdvice {
  AdviceFrom from = AdviceFrom::None;
  Date date;
};

enum class DemoPlanKind { Draft, Final, ProposedAmendments, Amended };

struct DemoPlanInput {
  std::uint64_t seed = 0;
  std::string given_name;
  Date date_of_birth;
  std::string primary, secondary;  // SEN types (plan_sen_types) the plan was first written for
  std::string primary_now;         // the primary type on the version's date (another: added at review)
  DemoPlanSetting setting;         // the placement on the version's date
  std::vector<DemoPlanAdvice> advice;  // advice received before the draft (section K)
  DemoPlanProvider ep, health, care, council;
  Date plan_start;                 // provision runs from this date (the final plan's date)
  std::optional<Date> review_date; // amendments: the day they were proposed
  bool weak = false;
};

Plan demo_plan(const DemoPlanInput& in, DemoPlanKind kind, Date written);

// The national-curriculum year on `day` of a child born on `dob` (Reception 0, nursery -1, Year 14
// and beyond past 18): the cohort of 1 September to 31 August.
int curriculum_year(Date dob, Date day);

}  // namespace gt
