// Demo delivery: records of provision delivered (store/delivery_store.h) for the demo SENCO's
// pupils, so the delivery pages, the council's shortfall overview and the family's view have
// something to show - mostly as the plan says, with some shortfalls.
//
// Contract:
//  - write_demo_delivery runs inside write_demo's transaction, after write_demo_plans, and is
//    deterministic (choices from the council's seed; recorded_at from the period's last day).
//  - For each pupil on roll at the demo SENCO's school whose plan in force was written by the demo
//    (DemoPlans), each provision line in F or G that the school delivers (provider_organisation_id
//    = the school) and that says how often: one record per fortnight (Monday to Friday of two
//    school weeks) for the last three fortnights ending on the last Friday before today, recorded
//    by senco@ on the school-on-roll basis. Periods the line's dates leave nothing to require are
//    skipped.
//  - About kDemoShortLinePercent% of those lines fell short: in the latest fortnight (and often the
//    one before) half the sessions required were delivered, with the reason; every other record
//    meets the plan (at or above the default 80% threshold) - as domain/provision_delivery.h judges.
//  - Records are history: no notices are raised for them (the app raises them when a record is made).
#pragma once

#include "store/database.h"

namespace gt::app {

struct DemoCouncil;
struct DemoPlans;

inline constexpr int kDemoShortLinePercent = 25;

// Returns how many records were written.
int write_demo_delivery(store::Database& db, const DemoCouncil& council, const DemoPlans& plans);

}  // namespace gt::app
