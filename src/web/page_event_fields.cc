// Page event fields: per-type form questions, reading them into an Event, and event wording
// (see page_event_fields.h).
#include "web/page_event_fields.h"

#include "domain/codes.h"
#include "web/page_text.h"

namespace gt::web {

const Choices& cease_reason_choices() {
  static const Choices c = [] {
    Choices v;
    for (const auto& code : cease_reasons()) v.emplace_back(std::string(code.code), std::string(code.label));
    return v;
  }();
  return c;
}

namespace {

std::string date_question(EventType t) {
  switch (t) {
    case EventType::RequestReceived: return "Date the request was received";
    case EventType::BecameResponsible: return "Date the council became responsible";
    case EventType::DecisionToAssess: return "Date the decision was sent to the family";
    case EventType::AdviceRequested: return "Date the advice was requested";
    case EventType::AdviceReceived: return "Date the advice was received";
    case EventType::DecisionToIssue: return "Date the decision was sent to the family";
    case EventType::DraftPlanServed: return "Date the draft plan was sent";
    case EventType::FinalPlanIssued: return "Date the final plan was issued";
    case EventType::Exception: return "Date the exception was recorded";
    case EventType::Withdrawn: return "Date the request was withdrawn or ended";
    case EventType::ReviewMeeting: return "Date of the review meeting";
    case EventType::ReviewReport: return "Date the review report was received";
    case EventType::ReviewDecision: return "Date the review decision was sent";
    case EventType::AmendmentsProposed: return "Date the proposed amendments were sent";
    case EventType::AmendedPlanIssued: return "Date the amended plan was issued";
    case EventType::PhaseTransfer: return "Date the phase transfer was recorded";
    case EventType::DecisionNotice: return "Date the decision notice was sent";
    case EventType::MediationCertificate: return "Date the mediation certificate was issued";
    case EventType::CeaseProposed: return "Date the family was told the council is considering ceasing the plan";
    case EventType::CeaseDecided: return "Date the decision was sent to the family";
    case EventType::PlanCeased: return "Date the plan ended";
  }
  return "Date";
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

const std::string kDateHint = "For example, 27 3 2026";

const Choices& cease_outcome_choices() {
  static const Choices c = {{"cease", "Cease the plan"}, {"maintain", "Keep the plan"}};
  return c;
}

Field date_field(const std::string& name, const std::string& label, const std::string& hint = kDateHint) {
  return Field{Field::Kind::Date, name, label, hint, {}, "", "", "text", ""};
}
Field radios(const std::string& name, const std::string& label, const Choices& c) {
  return Field{Field::Kind::Radios, name, label, "", c, "", "", "text", ""};
}

}  // namespace

std::vector<Field> event_fields(EventType type, const std::vector<std::string>& open_advice_ids) {
  std::vector<Field> f{date_field("date", date_question(type))};
  std::string tn(event_type_name(type));
  switch (type) {
    case EventType::RequestReceived: f.push_back(radios("source", "Who made the request?", source_choices())); break;
    case EventType::DecisionToAssess: f.push_back(radios("outcome", "What did the council decide?", outcome_choices(tn))); break;
    case EventType::DecisionToIssue: f.push_back(radios("outcome", "What did the council decide?", outcome_choices(tn))); break;
    case EventType::ReviewDecision: f.push_back(radios("outcome", "What did the council decide?", outcome_choices(tn))); break;
    case EventType::AdviceRequested:
      f.push_back(radios("from", "Who was the advice requested from?", advice_from_choices()));
      f.push_back(Field{Field::Kind::Text, "id", "Advice reference", "A short reference for this request, for example EP-1. You will pick it when the advice arrives",
                        {}, "govuk-input--width-10", "off", "text", ""});
      break;
    case EventType::AdviceReceived:
      if (!open_advice_ids.empty()) {
        Choices c{{"", "Choose the advice request"}};
        for (const auto& id : open_advice_ids) c.emplace_back(id, id);
        f.push_back(Field{Field::Kind::Select, "id", "Which advice request is this?", "", c, "", "", "text", ""});
      } else {
        f.push_back(Field{Field::Kind::Text, "id", "Advice reference", "The reference given when the advice was requested",
                          {}, "govuk-input--width-10", "off", "text", ""});
      }
      break;
    case EventType::FinalPlanIssued:
      f.push_back(Field{Field::Kind::Checkbox, "family_agreed", "Family's response to the draft", "Tick only if the family said they had nothing to add, so the plan could be issued before their 15 days ended",
                        {}, "", "", "text", "The family agreed the plan could be issued early"});
      break;
    case EventType::Exception:
      f.push_back(radios("reason", "Which exception applies?", exception_reason_choices()));
      f.push_back(date_field("from", "Date the exception began"));
      f.push_back(date_field("to", "Date the exception ended (optional)", "Leave blank if it still applies. For example, 27 3 2026"));
      break;
    case EventType::CeaseProposed:
      f.push_back(date_field("respond_by", "Last day for the family and the school or college to respond",
                             "The consultation must give them a fair time to respond. For example, 12 4 2027"));
      break;
    case EventType::CeaseDecided:
      f.push_back(radios("outcome", "What did the council decide?", cease_outcome_choices()));
      f.push_back(radios("cease_reason", "Reason for ceasing (SEN2 cease reason)", cease_reason_choices()));
      f.push_back(Field{Field::Kind::Checkbox, "consultation_complete", "Consultation",
                        "Tick only if the family and the school or college have all responded, so the council "
                        "could decide before the consultation closed",
                        {}, "", "", "text", "Everyone consulted has responded"});
      break;
    case EventType::PlanCeased:
      f.push_back(Field{Field::Kind::Checkbox, "family_not_appealing", "Appeal",
                        "Tick only if the family said they will not appeal, so the plan can end before the time to "
                        "appeal has passed",
                        {}, "", "", "text", "The family said they will not appeal"});
      break;
    case EventType::PhaseTransfer:
      f.push_back(radios("kind", "What kind of transfer is it?", phase_kind_choices()));
      f.push_back(date_field("transfer_date", "Date of the move", "The day the child or young person starts at the new school or institution. For example, 1 9 2027"));
      break;
    default: break;
  }
  return f;
}

std::optional<Event> read_event(EventType type, FormState& st) {
  Event e;
  e.type = type;
  auto date = read_date(st, "date", "the " + lower_first(date_question(type)), true);
  if (date) e.date = *date;
  std::string tn(event_type_name(type));
  switch (type) {
    case EventType::RequestReceived: {
      std::string v = st.value("source");
      if (v.size() == 1 && v[0] >= '1' && v[0] <= '5') e.source = v[0] - '0';
      else st.fail("source", "source", "Select who made the request");
      break;
    }
    case EventType::DecisionToAssess:
    case EventType::DecisionToIssue:
    case EventType::ReviewDecision: {
      auto o = parse_outcome(st.value("outcome"));
      bool offered = false;
      for (const auto& [v, l] : outcome_choices(tn)) offered = offered || v == st.value("outcome");
      if (o && offered) e.outcome = *o;
      else st.fail("outcome", "outcome", "Select what the council decided");
      break;
    }
    case EventType::AdviceRequested: {
      if (auto a = parse_advice_from(st.value("from"))) e.advice_from = *a;
      else st.fail("from", "from", "Select who the advice was requested from");
      [[fallthrough]];
    }
    case EventType::AdviceReceived: {
      std::string id = st.value("id");
      while (!id.empty() && id.back() == ' ') id.pop_back();
      while (!id.empty() && id.front() == ' ') id.erase(0, 1);
      if (id.empty()) st.fail("id", "id", type == EventType::AdviceReceived ? "Select or enter the advice request" : "Enter an advice reference");
      else if (id.size() > 64) st.fail("id", "id", "Advice reference must be 64 characters or fewer");
      e.id = id;
      break;
    }
    case EventType::FinalPlanIssued: e.family_agreed = st.value("family_agreed") == "yes"; break;
    case EventType::Exception: {
      if (auto r = parse_exception_reason(st.value("reason"))) e.exception_reason = *r;
      else st.fail("reason", "reason", "Select which exception applies");
      e.exception_from = read_date(st, "from", "the date the exception began", true);
      e.exception_to = read_date(st, "to", "the date the exception ended", false);
      break;
    }
    case EventType::CeaseProposed:
      e.respond_by = read_date(st, "respond_by", "the last day to respond", true);
      break;
    case EventType::CeaseDecided: {
      std::string o = st.value("outcome");
      if (o == "cease") e.outcome = Outcome::Cease;
      else if (o == "maintain") e.outcome = Outcome::Maintain;
      else st.fail("outcome", "outcome", "Select what the council decided");
      std::string r = st.value("cease_reason");
      if (e.outcome == Outcome::Cease) {
        if (r.size() == 1 && r[0] >= '1' && r[0] <= '9') e.cease_reason = r[0] - '0';
        else st.fail("cease_reason", "cease_reason", "Select the reason for ceasing the plan");
      }
      e.consultation_complete = st.value("consultation_complete") == "yes";
      break;
    }
    case EventType::PlanCeased: e.family_not_appealing = st.value("family_not_appealing") == "yes"; break;
    case EventType::PhaseTransfer: {
      if (auto k = parse_phase_kind(st.value("kind"))) e.phase_kind = *k;
      else st.fail("kind", "kind", "Select what kind of transfer it is");
      e.transfer_date = read_date(st, "transfer_date", "the date of the move", true);
      break;
    }
    default: break;
  }
  if (!st.ok()) return std::nullopt;
  return e;
}

void fill_event(const Event& e, FormState& st) {
  st.set_date("date", e.date);
  if (e.source) st.set("source", std::to_string(e.source));
  if (e.outcome != Outcome::None) st.set("outcome", std::string(outcome_name(e.outcome)));
  if (e.advice_from != AdviceFrom::None) st.set("from", std::string(advice_from_name(e.advice_from)));
  if (!e.id.empty()) st.set("id", e.id);
  if (e.exception_reason != ExceptionReason::None) st.set("reason", std::string(exception_reason_name(e.exception_reason)));
  if (e.exception_from) st.set_date("from", *e.exception_from);
  if (e.exception_to) st.set_date("to", *e.exception_to);
  if (e.phase_kind != PhaseKind::None) st.set("kind", std::string(phase_kind_name(e.phase_kind)));
  if (e.transfer_date) st.set_date("transfer_date", *e.transfer_date);
  if (e.family_agreed) st.set("family_agreed", "yes");
  if (e.respond_by) st.set_date("respond_by", *e.respond_by);
  if (e.cease_reason) st.set("cease_reason", std::to_string(e.cease_reason));
  if (e.consultation_complete) st.set("consultation_complete", "yes");
  if (e.family_not_appealing) st.set("family_not_appealing", "yes");
}

void show_app_error(FormState& st, const std::vector<Field>& fields, const std::string& field, const std::string& reason) {
  const Field* f = find_field(fields, field);
  if (!f) f = &fields.front();  // "type" and whole-chronology problems: shown against the date
  std::string msg = reason;
  for (const char* w : {"must ", "is ", "cannot ", "can ", "should ", "may "})
    if (msg.rfind(w, 0) == 0) {
      msg = f->label + " " + msg;
      break;
    }
  st.fail(f->name, anchor(*f), capitalise(msg));
}

std::string event_details(const Event& e) {
  std::vector<std::string> parts;
  std::string tn(event_type_name(e.type));
  if (e.source) parts.push_back("Requested by: " + choice_label(source_choices(), std::to_string(e.source)));
  if (e.outcome != Outcome::None)
    parts.push_back("Decision: " + choice_label(e.type == EventType::CeaseDecided ? cease_outcome_choices()
                                                                                   : outcome_choices(tn),
                                                outcome_name(e.outcome)));
  if (e.advice_from != AdviceFrom::None) parts.push_back("From: " + choice_label(advice_from_choices(), advice_from_name(e.advice_from)));
  if (!e.id.empty()) parts.push_back("Advice reference: " + e.id);
  if (e.exception_reason != ExceptionReason::None)
    parts.push_back("Exception: " + choice_label(exception_reason_choices(), exception_reason_name(e.exception_reason)));
  if (e.exception_from) parts.push_back("From " + long_date(*e.exception_from));
  if (e.exception_to) parts.push_back("to " + long_date(*e.exception_to));
  if (e.phase_kind != PhaseKind::None) parts.push_back(choice_label(phase_kind_choices(), phase_kind_name(e.phase_kind)));
  if (e.transfer_date) parts.push_back("Moving on " + long_date(*e.transfer_date));
  if (e.type == EventType::FinalPlanIssued && e.family_agreed) parts.push_back("The family agreed to early issue");
  if (e.respond_by) parts.push_back("Responses by " + long_date(*e.respond_by));
  if (e.cease_reason) parts.push_back("Reason: " + choice_label(cease_reason_choices(), std::to_string(e.cease_reason)));
  if (e.consultation_complete) parts.push_back("Everyone consulted had responded");
  if (e.family_not_appealing) parts.push_back("The family said they will not appeal");
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ". ") + p;
  return out;
}

}  // namespace gt::web
