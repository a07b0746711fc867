// Plan JSON: the plan's content as one JSON document - how a version is stored (one immutable
// row per issued version) and how the API sends and takes it.
//
// Contract:
//  - plan_to_json writes every field; plan_from_json(plan_to_json(p)) == p for any plan.
//  - plan_from_json refuses, with the field named (PlanJsonError::field, e.g. "provision[2].per"),
//    anything that is not the documented shape: unknown fields, wrong types, a bad date, an
//    unknown section or frequency. It does not check meaning: that is validate_plan (plan.h).
//  - Pure: no I/O.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "domain/plan.h"

namespace gt {

struct PlanJsonError : std::runtime_error {
  PlanJsonError(std::string f, const std::string& reason) : std::runtime_error(reason), field(std::move(f)) {}
  std::string field;
};

std::string plan_to_json(const Plan& plan);
Plan plan_from_json(std::string_view json);

bool operator==(const Plan& a, const Plan& b);

}  // namespace gt
