// Event <-> JSON, the one wire form of a chronology event, shared by `goldthread clock`, the JSON
// API and the store's payload column.
//
// Contract:
//  - event_from_json accepts an object with "type", "date" and exactly the fields that type takes
//    (docs/clock.md); an unknown field, a wrong JSON type, a malformed date or a value outside its
//    list is an EventJsonError naming the field and the reason. Required fields are checked too
//    (domain validate_fields).
//  - event_to_json writes the same form back; event_from_json(event_to_json(e)) == e.
//  - Extra keys listed in `allowed_extra` (e.g. "supersedes", "reason" for the API) are ignored here.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/clock.h"
#include "domain/event.h"

namespace gt {

struct EventJsonError : std::runtime_error {
  EventJsonError(std::string f, std::string r)
      : std::runtime_error(f + ": " + r), field(std::move(f)), reason(std::move(r)) {}
  std::string field;
  std::string reason;
};

Event event_from_json(const nlohmann::json& j, const std::vector<std::string>& allowed_extra = {});
nlohmann::json event_to_json(const Event& e);

// A deadline as `goldthread clock` and the API print it:
// {"rule","id"(A3 only),"start","due","status","met_on","basis"} plus "summary" and "family".
nlohmann::json deadline_to_json(const Deadline& d);
nlohmann::json clock_result_to_json(const ClockResult& r);

}  // namespace gt
