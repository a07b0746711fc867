// API views: the JSON shapes of app records as the /api/v1 responses give them (docs/openapi.json
// names each one: Child, ChildSummary, CaseSummary, HistoryEntry, CaseView, RecordedEvent).
// Optional identifiers that are not recorded are null, never "". Pure functions of their input.
#pragma once

#include <nlohmann/json.hpp>

#include "app/casework.h"

namespace gt::web {

nlohmann::json child_json(const Child& c);
nlohmann::json child_summary_json(const Child& c);        // id, given_name, family_name, date_of_birth
nlohmann::json case_summary_json(const store::CaseRow& c);
nlohmann::json history_entry_json(const app::HistoryEntry& h);
nlohmann::json case_view_json(const app::CaseView& v);
// The same document as case_view_json(v).dump(), written directly (the hot path of GET /cases/{id}).
std::string case_view_text(const app::CaseView& v);
nlohmann::json recorded_event_json(const app::RecordedEvent& e);

}  // namespace gt::web
