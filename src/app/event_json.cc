#include "app/event_json.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace gt {

using nlohmann::json;

namespace {

std::vector<std::string> fields_for(EventType t) {
  switch (t) {
    case EventType::RequestReceived: return {"source"};
    case EventType::DecisionToAssess:
    case EventType::DecisionToIssue:
    case EventType::ReviewDecision: return {"outcome"};
    case EventType::AdviceRequested: return {"from", "id"};
    case EventType::AdviceReceived: return {"id"};
    case EventType::Exception: return {"reason", "from", "to"};
    case EventType::PhaseTransfer: return {"kind", "transfer_date"};
    case EventType::FinalPlanIssued: return {"family_agreed"};
    case EventType::CeaseProposed: return {"respond_by"};
    case EventType::CeaseDecided: return {"outcome", "cease_reason", "consultation_complete"};
    case EventType::PlanCeased: return {"family_not_appealing"};
    default: return {};
  }
}

std::string str_field(const json& j, const char* key) {
  const json& v = j.at(key);
  if (!v.is_string()) throw EventJsonError(key, "must be a string");
  return v.get<std::string>();
}

bool bool_field(const json& j, const char* key) {
  if (!j.contains(key)) return false;
  if (!j[key].is_boolean()) throw EventJsonError(key, "must be true or false");
  return j[key].get<bool>();
}

Date date_field(const json& j, const char* key) {
  std::string s = str_field(j, key);
  auto d = Date::parse(s);
  if (!d) throw EventJsonError(key, "must be a real date written YYYY-MM-DD, not \"" + s.substr(0, 40) + "\"");
  return *d;
}

}  // namespace

Event event_from_json(const json& j, const std::vector<std::string>& allowed_extra) {
  if (!j.is_object()) throw EventJsonError("event", "must be a JSON object");
  if (!j.contains("type")) throw EventJsonError("type", "is required");
  std::string type_name = str_field(j, "type");
  auto type = parse_event_type(type_name);
  if (!type) throw EventJsonError("type", "\"" + type_name.substr(0, 40) + "\" is not a known event type");
  Event e;
  e.type = *type;
  if (!j.contains("date")) throw EventJsonError("date", "is required");
  e.date = date_field(j, "date");

  std::vector<std::string> allowed = fields_for(e.type);
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    if (k == "type" || k == "date") continue;
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    if (std::find(allowed_extra.begin(), allowed_extra.end(), k) != allowed_extra.end()) continue;
    throw EventJsonError(k.substr(0, 40), "is not a field of a " + type_name + " event");
  }

  switch (e.type) {
    case EventType::RequestReceived:
      if (!j.contains("source")) throw EventJsonError("source", "is required (1 to 5)");
      if (!j["source"].is_number_integer()) throw EventJsonError("source", "must be a whole number from 1 to 5");
      e.source = j["source"].get<int>();
      break;
    case EventType::DecisionToAssess:
    case EventType::DecisionToIssue:
    case EventType::ReviewDecision:
      if (j.contains("outcome")) {
        auto o = parse_outcome(str_field(j, "outcome"));
        if (!o) throw EventJsonError("outcome", "\"" + str_field(j, "outcome").substr(0, 40) + "\" is not an outcome");
        e.outcome = *o;
      }
      break;
    case EventType::AdviceRequested:
      if (j.contains("from")) {
        auto a = parse_advice_from(str_field(j, "from"));
        if (!a) throw EventJsonError("from", "must be education, educational_psychology, health, social_care or other");
        e.advice_from = *a;
      }
      [[fallthrough]];
    case EventType::AdviceReceived:
      if (j.contains("id")) e.id = str_field(j, "id");
      break;
    case EventType::Exception:
      if (j.contains("reason")) {
        auto r = parse_exception_reason(str_field(j, "reason"));
        if (!r) throw EventJsonError("reason", "must be EX-SCHOOL, EX-EY, EX-PERSONAL or EX-ABSENT");
        e.exception_reason = *r;
      }
      if (j.contains("from")) e.exception_from = date_field(j, "from");
      if (j.contains("to") && !j["to"].is_null()) e.exception_to = date_field(j, "to");
      break;
    case EventType::PhaseTransfer:
      if (j.contains("kind")) {
        auto k = parse_phase_kind(str_field(j, "kind"));
        if (!k) throw EventJsonError("kind", "must be school, post16 or post16_other");
        e.phase_kind = *k;
      }
      if (j.contains("transfer_date")) e.transfer_date = date_field(j, "transfer_date");
      break;
    case EventType::FinalPlanIssued:
      if (j.contains("family_agreed")) {
        if (!j["family_agreed"].is_boolean()) throw EventJsonError("family_agreed", "must be true or false");
        e.family_agreed = j["family_agreed"].get<bool>();
      }
      break;
    case EventType::CeaseProposed:
      if (j.contains("respond_by")) e.respond_by = date_field(j, "respond_by");
      break;
    case EventType::CeaseDecided:
      if (j.contains("outcome")) {
        auto o = parse_outcome(str_field(j, "outcome"));
        if (!o) throw EventJsonError("outcome", "must be \"cease\" or \"maintain\"");
        e.outcome = *o;
      }
      if (j.contains("cease_reason")) {
        if (!j["cease_reason"].is_number_integer())
          throw EventJsonError("cease_reason", "must be a whole number from 1 to 9");
        auto n = j["cease_reason"].get<std::int64_t>();
        if (n < 1 || n > 9) throw EventJsonError("cease_reason", "must be a cease reason from 1 to 9 (SEN2 CeaseReason)");
        e.cease_reason = static_cast<int>(n);
      }
      e.consultation_complete = bool_field(j, "consultation_complete");
      break;
    case EventType::PlanCeased: e.family_not_appealing = bool_field(j, "family_not_appealing"); break;
    default: break;
  }
  if (auto err = validate_fields(e)) throw EventJsonError(err->field, err->reason);
  return e;
}

json event_to_json(const Event& e) {
  json j = {{"type", event_type_name(e.type)}, {"date", e.date.to_string()}};
  switch (e.type) {
    case EventType::RequestReceived: j["source"] = e.source; break;
    case EventType::DecisionToAssess:
    case EventType::DecisionToIssue:
    case EventType::ReviewDecision: j["outcome"] = outcome_name(e.outcome); break;
    case EventType::AdviceRequested: j["from"] = advice_from_name(e.advice_from); [[fallthrough]];
    case EventType::AdviceReceived: j["id"] = e.id; break;
    case EventType::Exception:
      j["reason"] = exception_reason_name(e.exception_reason);
      if (e.exception_from) j["from"] = e.exception_from->to_string();
      if (e.exception_to) j["to"] = e.exception_to->to_string();
      break;
    case EventType::PhaseTransfer:
      j["kind"] = phase_kind_name(e.phase_kind);
      if (e.transfer_date) j["transfer_date"] = e.transfer_date->to_string();
      break;
    case EventType::FinalPlanIssued:
      if (e.family_agreed) j["family_agreed"] = true;
      break;
    case EventType::CeaseProposed:
      if (e.respond_by) j["respond_by"] = e.respond_by->to_string();
      break;
    case EventType::CeaseDecided:
      j["outcome"] = outcome_name(e.outcome);
      if (e.cease_reason) j["cease_reason"] = e.cease_reason;
      if (e.consultation_complete) j["consultation_complete"] = true;
      break;
    case EventType::PlanCeased:
      if (e.family_not_appealing) j["family_not_appealing"] = true;
      break;
    default: break;
  }
  return j;
}

json deadline_to_json(const Deadline& d) {
  json j = {{"rule", d.rule}};
  if (d.rule == "A3") j["id"] = d.id;
  j["start"] = d.start.to_string();
  j["due"] = d.due.to_string();
  j["status"] = deadline_status_name(d.status);
  j["met_on"] = d.met_on ? json(d.met_on->to_string()) : json(nullptr);
  j["basis"] = d.basis;
  j["summary"] = d.summary;
  j["family"] = d.family_deadline;
  return j;
}

json clock_result_to_json(const ClockResult& r) {
  json deadlines = json::array();
  for (const auto& d : r.deadlines) deadlines.push_back(deadline_to_json(d));
  return {{"deadlines", std::move(deadlines)},
          {"within_20_weeks", r.within_20_weeks ? json(*r.within_20_weeks) : json(nullptr)},
          {"week20_exception", r.week20_exception}};
}

}  // namespace gt
