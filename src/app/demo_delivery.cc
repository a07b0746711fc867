// Demo delivery: see demo_delivery.h.
#include "app/demo_delivery.h"

#include <array>
#include <cstdint>

#include "app/access.h"
#include "app/demo.h"
#include "app/demo_people.h"
#include "app/demo_plans.h"
#include "domain/plan_json.h"
#include "domain/provision_delivery.h"
#include "store/delivery_store.h"
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

constexpr std::array<const char*, 4> kMissedReasons = {
    "Teaching assistant absent; no trained cover available",
    "Therapist post vacant this half term",
    "Staff redeployed to cover a class",
    "Sessions cancelled for school events",
};

// The last Friday before `today`.
Date last_friday(Date today) {
  Date d = today.plus_days(-1);
  while (d.weekday() != 5) d = d.plus_days(-1);
  return d;
}

}  // namespace

int write_demo_delivery(store::Database& db, const DemoCouncil& council, const DemoPlans& plans) {
  auto senco = store::find_user_by_email(db, kDemoSencoEmail);
  if (!senco || !senco->organisation_id) return 0;
  const std::int64_t school = *senco->organisation_id;
  const Date friday = last_friday(council.options.today);
  int written = 0;
  for (const auto& p : plans.plans) {
    if (p.school != school || p.in_force == 0) continue;
    auto version = store::find_plan_version(db, p.in_force);
    if (!version) continue;
    Plan plan = plan_from_json(version->content);
    for (std::size_t li = 0; li < plan.provision.size(); ++li) {
      const PlanProvision& line = plan.provision[li];
      if (line.section != PlanSection::F && line.section != PlanSection::G) continue;
      if (line.provider_organisation_id != school || line.sessions <= 0 || line.per == FrequencyPer::None) continue;
      std::uint64_t h = mix(council.options.seed ^ mix(static_cast<std::uint64_t>(p.case_id) * 131 + li));
      bool short_line = static_cast<int>(h % 100) < kDemoShortLinePercent;
      bool two_short = (h >> 8) % 2 == 0;
      for (int f = 2; f >= 0; --f) {  // oldest fortnight first
        Date to = friday.plus_days(-14 * f);
        Date from = to.plus_days(-11);
        Requirement req = required_in(line, from, to, 0);
        if (!req.in_window || req.sessions == 0) continue;
        bool short_now = short_line && (f == 0 || (f == 1 && two_short));
        store::DeliveryRecordRow r;
        r.case_id = p.case_id;
        r.child_id = p.child_id;
        r.plan_version_id = p.in_force;
        r.element_id = line.id;
        r.period_from = from.to_string();
        r.period_to = to.to_string();
        r.sessions_delivered = short_now ? req.sessions / 2 : req.sessions;
        r.minutes_delivered = r.sessions_delivered * std::max(0, line.minutes);
        r.sessions_missed = req.sessions - r.sessions_delivered;
        if (short_now) r.missed_reason = kMissedReasons[(h >> 16) % kMissedReasons.size()];
        r.delivered_by_role = line.delivered_by.empty() ? std::string("school staff") : line.delivered_by;
        r.recorded_by = senco->id;
        r.recorded_by_organisation_id = school;
        r.basis = std::string(basis_name(Basis::SchoolOnRoll));
        r.recorded_at = to.to_string() + "T15:45:00Z";
        store::insert_delivery_record(db, r);
        ++written;
      }
    }
  }
  return written;
}

}  // namespace gt::app
