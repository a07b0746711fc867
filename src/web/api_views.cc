// API views: JSON shapes of app records (see api_views.h).
#include "web/api_views.h"

#include <algorithm>

#include "app/event_json.h"
#include "domain/codes.h"
#include "web/json_writer.h"

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
  // Built by assignment, not initializer lists: nlohmann copies initializer-list elements.
  nlohmann::json j = nlohmann::json::object();
  j["id"] = h.row.id;
  j["type"] = h.row.type;
  j["date"] = h.row.event_date;
  j["event"] = h.event ? event_to_json(*h.event) : nlohmann::json(nullptr);
  j["supersedes"] = opt(h.row.supersedes);
  j["reason"] = opt(h.row.reason);
  j["superseded_by"] = opt(h.superseded_by);
  j["in_force"] = !h.superseded_by && h.event.has_value();
  j["recorded_at"] = h.row.recorded_at;
  if (h.row.recorded_by) {
    nlohmann::json by = nlohmann::json::object();
    by["id"] = *h.row.recorded_by;
    by["name"] = h.row.recorded_by_name;
    j["recorded_by"] = std::move(by);
  } else {
    j["recorded_by"] = nullptr;
  }
  return j;
}

nlohmann::json case_view_json(const app::CaseView& v) {
  nlohmann::json j = nlohmann::json::object();
  j["case"] = case_summary_json(v.summary);
  j["child"] = child_summary_json(v.child);
  nlohmann::json& events = j["events"] = nlohmann::json::array();
  for (const auto& h : v.history) events.push_back(history_entry_json(h));
  nlohmann::json& chronology = j["chronology"] = nlohmann::json::array();
  for (std::size_t i = 0; i < v.chronology.size(); ++i) {
    nlohmann::json e = nlohmann::json::object();
    e["id"] = i < v.chronology_ids.size() ? v.chronology_ids[i] : 0;
    e["event"] = event_to_json(v.chronology[i]);
    chronology.push_back(std::move(e));
  }
  j["deadlines"] = clock_result_to_json(v.clock);
  j["stage"] = stage_name(v.stage);
  nlohmann::json& allowed = j["allowed_next"] = nlohmann::json::array();
  for (auto t : v.allowed_next) allowed.push_back(event_type_name(t));
  j["today"] = v.today.to_string();
  return j;
}

namespace {
// clock_result_to_json (event_json.cc) written directly; a test checks the two agree.
void write_clock(JsonWriter& w, const ClockResult& r) {
  w.begin_object();
  w.key("deadlines");
  w.begin_array();
  for (const auto& d : r.deadlines) {
    w.begin_object();
    w.key("rule"); w.value(d.rule);
    if (d.rule == "A3") { w.key("id"); w.value(d.id); }
    w.key("start"); w.value(d.start.to_string());
    w.key("due"); w.value(d.due.to_string());
    w.key("status"); w.value(deadline_status_name(d.status));
    w.key("met_on");
    if (d.met_on) w.value(d.met_on->to_string()); else w.null();
    w.key("basis"); w.value(d.basis);
    w.key("summary"); w.value(d.summary);
    w.key("family"); w.value(d.family_deadline);
    w.end_object();
  }
  w.end_array();
  w.key("within_20_weeks");
  if (r.within_20_weeks) w.value(*r.within_20_weeks); else w.null();
  w.key("week20_exception"); w.value(r.week20_exception);
  w.end_object();
}
}  // namespace

std::string case_view_text(const app::CaseView& v) {
  std::string out;
  out.reserve(2048 + v.history.size() * 400);
  JsonWriter w(out);
  const auto& c = v.summary;
  w.begin_object();
  w.key("case");
  w.begin_object();
  w.key("id"); w.value(c.id);
  w.key("child_id"); w.value(c.child_id);
  w.key("caseworker");
  if (c.caseworker_id) {
    w.begin_object();
    w.key("id"); w.value(*c.caseworker_id);
    w.key("name"); w.value(c.caseworker_name);
    w.end_object();
  } else {
    w.null();
  }
  w.key("opened_at"); w.value(c.opened_at);
  w.key("stage"); w.value(c.stage);
  w.key("next_due"); w.value(c.next_due);
  w.key("next_rule"); w.value(c.next_rule);
  w.key("event_count"); w.value(c.event_count);
  w.end_object();
  w.key("child");
  w.begin_object();
  w.key("id"); w.value(v.child.id);
  w.key("given_name"); w.value(v.child.given_name);
  w.key("family_name"); w.value(v.child.family_name);
  w.key("date_of_birth"); w.value(v.child.date_of_birth.to_string());
  w.end_object();
  w.key("events");
  w.begin_array();
  for (const auto& h : v.history) {
    w.begin_object();
    w.key("id"); w.value(h.row.id);
    w.key("type"); w.value(h.row.type);
    w.key("date"); w.value(h.row.event_date);
    w.key("event");
    // The stored payload is the event's canonical JSON (event_to_json, written by the app layer).
    if (h.event && h.row.payload) w.raw(*h.row.payload);
    else w.null();
    w.key("supersedes"); w.value(h.row.supersedes);
    w.key("reason"); w.value(h.row.reason);
    w.key("superseded_by"); w.value(h.superseded_by);
    w.key("in_force"); w.value(!h.superseded_by && h.event.has_value());
    w.key("recorded_at"); w.value(h.row.recorded_at);
    w.key("recorded_by");
    if (h.row.recorded_by) {
      w.begin_object();
      w.key("id"); w.value(*h.row.recorded_by);
      w.key("name"); w.value(h.row.recorded_by_name);
      w.end_object();
    } else {
      w.null();
    }
    w.end_object();
  }
  w.end_array();
  w.key("chronology");
  w.begin_array();
  for (std::size_t i = 0; i < v.chronology.size(); ++i) {
    w.begin_object();
    w.key("id"); w.value(i < v.chronology_ids.size() ? v.chronology_ids[i] : std::int64_t{0});
    w.key("event");
    // History is in id order: find the stored payload of the event in force.
    auto id = i < v.chronology_ids.size() ? v.chronology_ids[i] : std::int64_t{0};
    auto it = std::lower_bound(v.history.begin(), v.history.end(), id,
                               [](const app::HistoryEntry& h, std::int64_t x) { return h.row.id < x; });
    if (it != v.history.end() && it->row.id == id && it->row.payload) w.raw(*it->row.payload);
    else w.raw(event_to_json(v.chronology[i]).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    w.end_object();
  }
  w.end_array();
  w.key("deadlines"); write_clock(w, v.clock);
  w.key("stage"); w.value(stage_name(v.stage));
  w.key("allowed_next");
  w.begin_array();
  for (auto t : v.allowed_next) w.value(event_type_name(t));
  w.end_array();
  w.key("today"); w.value(v.today.to_string());
  w.end_object();
  return out;
}

nlohmann::json recorded_event_json(const app::RecordedEvent& e) {
  return {{"id", e.id}, {"case_id", e.case_id}, {"event", event_to_json(e.event)}, {"stage", stage_name(e.stage)}};
}

nlohmann::json sen_type_json(const std::string& code) {
  std::string area(broad_area_of(code));
  nlohmann::json j = nlohmann::json::object();
  j["code"] = code;
  j["label"] = std::string(sen_types().label(code));
  j["area"] = or_null(area);
  j["area_label"] = or_null(std::string(broad_areas().label(area)));
  return j;
}

nlohmann::json needs_json(const std::optional<SenNeeds>& n) {
  if (!n) return nullptr;
  nlohmann::json j = nlohmann::json::object();
  j["primary"] = sen_type_json(n->primary);
  j["secondary"] = n->secondary.empty() ? nlohmann::json(nullptr) : sen_type_json(n->secondary);
  return j;
}

nlohmann::json placement_json(const Placement& p) {
  nlohmann::json j = nlohmann::json::object();
  j["id"] = p.id;
  j["setting_type"] = p.setting_type;
  j["setting_label"] = std::string(setting_types().label(p.setting_type));
  j["urn"] = or_null(p.urn);
  j["ukprn"] = or_null(p.ukprn);
  j["name"] = or_null(p.name);
  j["rank"] = p.rank;
  j["entry_date"] = p.entry_date.to_string();
  j["leaving_date"] = p.leaving_date ? nlohmann::json(p.leaving_date->to_string()) : nlohmann::json(nullptr);
  j["current"] = p.current();
  return j;
}

nlohmann::json child_record_json(const app::ChildRecord& rec) {
  nlohmann::json j = nlohmann::json::object();
  j["child"] = child_json(rec.child);
  nlohmann::json& cases = j["cases"] = nlohmann::json::array();
  for (const auto& c : rec.cases) cases.push_back(case_summary_json(c));
  j["needs"] = needs_json(rec.needs);
  nlohmann::json& placements = j["placements"] = nlohmann::json::array();
  for (const auto& p : rec.placements) placements.push_back(placement_json(p));
  return j;
}

}  // namespace gt::web
