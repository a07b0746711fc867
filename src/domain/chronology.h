// Chronology: the EHC journey as a state machine over dated events.
//
// Contract:
//  - check_append says whether `next` may follow `existing` (already accepted, in order) given
//    `today`. A rejection names the rule it applies ("a final plan needs a decision to issue
//    first (SEND Regulations 2014 reg 13)") and the field at fault where there is one.
//  - Rules include: no date after today; no date before the request (or becoming responsible);
//    no second request while one is open; each event only in the stages where it can happen;
//    events may not go back in time relative to the latest event of the chronology (same day is fine).
//  - stage_of gives the case's current stage, for the caseload and the case page.
//  - Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/event.h"

namespace gt {

enum class Stage {
  None,          // no request yet
  Request,       // request received, no decision to assess yet
  Assessment,    // assessing, no decision to issue yet
  Drafting,      // decided to issue, final plan not yet issued
  Plan,          // plan maintained, nothing in progress
  Review,        // review meeting held, decision awaited
  Amendment,     // amendments proposed or decided, amended plan awaited
  Closed,        // refused, not issued, withdrawn or ceased
};
std::string_view stage_name(Stage s);   // "request", "assessment", ... (API and URL value)
std::string_view stage_label(Stage s);  // "Request", "Assessment", ... (plain English)
std::optional<Stage> parse_stage(std::string_view s);

struct Rejection {
  std::string field;   // "type", "date", "outcome", ... the field at fault
  std::string reason;  // plain English, naming the rule
};

std::optional<Rejection> check_append(const std::vector<Event>& existing, const Event& next, Date today);
Stage stage_of(const std::vector<Event>& events);

// The event types that may be recorded next (for the forms), given the stage.
std::vector<EventType> allowed_next(const std::vector<Event>& events);

}  // namespace gt
