// API views: the JSON shapes of app records as the /api/v1 responses give them (docs/openapi.json
// names each one: Child, ChildSummary, CaseSummary, HistoryEntry, CaseView, RecordedEvent, SenNeeds,
// SenType, Placement).
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
// {code, label, area, area_label}: area is the broad area code (null for OTH, NSA and DS).
nlohmann::json sen_type_json(const std::string& code);
// {primary: SenType, secondary: SenType | null}, or null when no needs are recorded.
nlohmann::json needs_json(const std::optional<SenNeeds>& n);
// {id, setting_type, setting_label, urn, ukprn, name, rank, entry_date, leaving_date, current}.
nlohmann::json placement_json(const Placement& p);
// The child's record: {child, cases, needs, placements} (GET /api/v1/children/{id}).
nlohmann::json child_record_json(const app::ChildRecord& rec);

}  // namespace gt::web
