// API views: JSON shapes of app records (see api_views.h).
#include "web/api_views.h"

#include "app/event_json.h"

namespace gt::web {

namespace {
nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }
template <typename T>
nlohmann::json opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json child_json(const Child& c) {
  return {{"id", c.id},
          {"given_name", c.given_name},
          {"family_name", c.family_name},
          {"date_of_birth", c.date_of_birth.to_string()},
          {"sex", c.sex},
          {"ethnicity", c.ethnicity},
          {"postcode", or_null(c.postcode)},
          {"upn", or_null(c.upn)},
          {"uln", or_null(c.uln)},
          {"nhs_number", or_null(c.nhs_number)},
          {"upn_unknown", or_null(c.upn_unknown)}};
}

nlohmann::json child_summary_json(const Child& c) {
  return {{"id", c.id},
          {"given_name", c.given_name},
          {"family_name", c.family_name},
          {"date_of_birth", c.date_of_birth.to_string()}};
}

nlohmann::json case_summary_json(const store::CaseRow& c) {
  nlohmann::json caseworker = nullptr;
  if (c.caseworker_id) caseworker = {{"id", *c.caseworker_id}, {"name", c.caseworker_name}};
  return {{"id", c.id},
          {"child_id", c.child_id},
          {"caseworker", caseworker},
          {"opened_at", c.opened_at},
          {"stage", c.stage},
          {"next_due", opt(c.next_due)},
          {"next_rule", opt(c.next_rule)},
          {"event_count", c.event_count}};
}

nlohmann::json history_entry_json(const app::HistoryEntry& h) {
  nlohmann::json by = nullptr;
  if (h.row.recorded_by) by = {{"id", *h.row.recorded_by}, {"name", h.row.recorded_by_name}};
  return {{"id", h.row.id},
          {"type", h.row.type},
          {"date", h.row.event_date},
          {"event", h.event ? event_to_json(*h.event) : nlohmann::json(nullptr)},
          {"supersedes", opt(h.row.supersedes)},
          {"reason", opt(h.row.reason)},
          {"superseded_by", opt(h.superseded_by)},
          {"in_force", !h.superseded_by && h.event && true},
          {"recorded_at", h.row.recorded_at},
          {"recorded_by", by}};
}

nlohmann::json case_view_json(const app::CaseView& v) {
  nlohmann::json events = nlohmann::json::array();
  for (const auto& h : v.history) events.push_back(history_entry_json(h));
  nlohmann::json chronology = nlohmann::json::array();
  for (std::size_t i = 0; i < v.chronology.size(); ++i) {
    nlohmann::json e = event_to_json(v.chronology[i]);
    chronology.push_back({{"id", i < v.chronology_ids.size() ? v.chronology_ids[i] : 0}, {"event", std::move(e)}});
  }
  nlohmann::json allowed = nlohmann::json::array();
  for (auto t : v.allowed_next) allowed.push_back(event_type_name(t));
  return {{"case", case_summary_json(v.summary)},
          {"child", child_summary_json(v.child)},
          {"events", std::move(events)},
          {"chronology", std::move(chronology)},
          {"deadlines", clock_result_to_json(v.clock)},
          {"stage", stage_name(v.stage)},
          {"allowed_next", std::move(allowed)},
          {"today", v.today.to_string()}};
}

nlohmann::json recorded_event_json(const app::RecordedEvent& e) {
  return {{"id", e.id}, {"case_id", e.case_id}, {"event", event_to_json(e.event)}, {"stage", stage_name(e.stage)}};
}

}  // namespace gt::web
