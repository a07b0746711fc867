// A plan in force for provision delivery tests (delivery_pages_test.cc, hostile_input_test.cc):
// opens a case for the child, takes it through the request, the decisions and a draft to a final
// plan issued on 22 June 2026 with three lines of provision in section F:
//   therapy  speech and language therapy, 2 a week, 30 minutes, provided by `provider` (0: the setting)
//   phonics  small-group phonics, 5 a week, 20 minutes, the setting
//   quiet    a quiet space at lunchtime, no frequency (not measurable)
#pragma once

#include <cstdint>
#include <string>

#include "app/services.h"

namespace gt::webtest {

struct PlanInForce {
  std::int64_t case_id = 0;
  std::string therapy, phonics, quiet;
};

inline PlanInForce make_plan_in_force(app::Services& app, const app::Actor& staff, std::int64_t child,
                                      std::int64_t provider) {
  const std::string route = "TEST";
  PlanInForce out;
  out.case_id = app.casework.open_case(staff, child, staff.user_id, route).summary.id;
  auto ev = [](EventType t, const char* date, Outcome o = Outcome::None) {
    Event e;
    e.type = t;
    e.date = *Date::parse(date);
    e.outcome = o;
    if (t == EventType::RequestReceived) e.source = 1;
    return e;
  };
  app.casework.append_event(staff, out.case_id, ev(EventType::RequestReceived, "2026-01-12"), route);
  app.casework.append_event(staff, out.case_id, ev(EventType::DecisionToAssess, "2026-02-16", Outcome::Assess), route);
  app.casework.append_event(staff, out.case_id, ev(EventType::DecisionToIssue, "2026-05-11", Outcome::Issue), route);
  auto w = app.plans.start(staff, out.case_id, route);
  Plan plan = w.plan;
  auto add = [&](const char* what, const char* by, int sessions, FrequencyPer per, int minutes, std::int64_t org) {
    PlanProvision f;
    f.id = next_element_id(plan, PlanSection::F);
    f.section = PlanSection::F;
    f.what = what;
    f.delivered_by = by;
    f.sessions = sessions;
    f.per = per;
    f.minutes = minutes;
    f.provider_organisation_id = org;
    plan.provision.push_back(f);
    return f.id;
  };
  out.therapy = add("Speech and language therapy", "speech and language therapist", 2, FrequencyPer::Week, 30, provider);
  out.phonics = add("Small-group phonics", "trained teaching assistant", 5, FrequencyPer::Week, 20, 0);
  out.quiet = add("A quiet space at lunchtime", "lunchtime supervisor", 0, FrequencyPer::None, 0, 0);
  app.plans.save(staff, out.case_id, w.row.revision, plan, route);
  app.plans.issue(staff, out.case_id, app::PlanKind::Draft, *Date::parse("2026-06-01"), route);
  app.plans.start(staff, out.case_id, route);
  app.plans.issue(staff, out.case_id, app::PlanKind::Final, *Date::parse("2026-06-22"), route);
  return out;
}

}  // namespace gt::webtest
