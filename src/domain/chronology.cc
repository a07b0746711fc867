// Placeholder: replaced by the EHC state machine.
#include "domain/chronology.h"
namespace gt {
std::string_view stage_name(Stage) { return "none"; }
std::string_view stage_label(Stage) { return "None"; }
std::optional<Stage> parse_stage(std::string_view) { return std::nullopt; }
std::optional<Rejection> check_append(const std::vector<Event>&, const Event&, Date) { return std::nullopt; }
Stage stage_of(const std::vector<Event>&) { return Stage::None; }
std::vector<EventType> allowed_next(const std::vector<Event>&) { return {}; }
}  // namespace gt
