// Placeholder: replaced by the statutory clock.
#include "domain/clock.h"
namespace gt {
std::string_view deadline_status_name(DeadlineStatus s) {
  switch (s) { case DeadlineStatus::Pending: return "pending"; case DeadlineStatus::Met: return "met";
    case DeadlineStatus::Missed: return "missed"; case DeadlineStatus::Disapplied: return "disapplied"; }
  return "";
}
ClockResult compute_deadlines(const std::vector<Event>&, Date) { return {}; }
std::optional<Date> next_council_due(const ClockResult&) { return std::nullopt; }
}  // namespace gt
