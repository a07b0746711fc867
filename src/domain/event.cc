#include "domain/event.h"

#include <array>
#include <utility>

namespace gt {

namespace {
struct TypeInfo {
  EventType type;
  std::string_view name;
  std::string_view label;
};
constexpr std::array<TypeInfo, kEventTypeCount> kTypes = {{
    {EventType::RequestReceived, "request_received", "Request for an EHC needs assessment received"},
    {EventType::BecameResponsible, "became_responsible", "Council became responsible for the child"},
    {EventType::DecisionToAssess, "decision_to_assess", "Decision whether to assess"},
    {EventType::AdviceRequested, "advice_requested", "Advice requested"},
    {EventType::AdviceReceived, "advice_received", "Advice received"},
    {EventType::DecisionToIssue, "decision_to_issue", "Decision whether to issue a plan"},
    {EventType::DraftPlanServed, "draft_plan_served", "Draft plan sent to the family"},
    {EventType::FinalPlanIssued, "final_plan_issued", "Final EHC plan issued"},
    {EventType::Exception, "exception", "Exception to the time limits recorded"},
    {EventType::Withdrawn, "withdrawn", "Request withdrawn or ended"},
    {EventType::ReviewMeeting, "review_meeting", "Annual review meeting held"},
    {EventType::ReviewReport, "review_report", "Annual review report received"},
    {EventType::ReviewDecision, "review_decision", "Annual review decision sent"},
    {EventType::AmendmentsProposed, "amendments_proposed", "Proposed amendments sent"},
    {EventType::AmendedPlanIssued, "amended_plan_issued", "Amended plan issued"},
    {EventType::PhaseTransfer, "phase_transfer", "Phase transfer due"},
    {EventType::DecisionNotice, "decision_notice", "Appealable decision notice sent"},
    {EventType::MediationCertificate, "mediation_certificate", "Mediation certificate issued"},
    {EventType::CeaseProposed, "cease_proposed", "Council told the family it is considering ceasing the plan"},
    {EventType::CeaseDecided, "cease_decided", "Decision whether to cease the plan sent"},
    {EventType::PlanCeased, "plan_ceased", "EHC plan ceased"},
}};

template <typename E, size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view s) {
  for (const auto& [v, n] : table)
    if (n == s) return v;
  return std::nullopt;
}
template <typename E, size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E v) {
  for (const auto& [e, n] : table)
    if (e == v) return n;
  return "";
}

constexpr std::array<std::pair<Outcome, std::string_view>, 7> kOutcomes = {{
    {Outcome::Assess, "assess"},
    {Outcome::NotAssess, "not_assess"},
    {Outcome::Issue, "issue"},
    {Outcome::NotIssue, "not_issue"},
    {Outcome::Maintain, "maintain"},
    {Outcome::Amend, "amend"},
    {Outcome::Cease, "cease"},
}};
constexpr std::array<std::pair<AdviceFrom, std::string_view>, 5> kAdviceFrom = {{
    {AdviceFrom::Education, "education"},
    {AdviceFrom::EducationalPsychology, "educational_psychology"},
    {AdviceFrom::Health, "health"},
    {AdviceFrom::SocialCare, "social_care"},
    {AdviceFrom::Other, "other"},
}};
constexpr std::array<std::pair<ExceptionReason, std::string_view>, 4> kReasons = {{
    {ExceptionReason::School, "EX-SCHOOL"},
    {ExceptionReason::EarlyYears, "EX-EY"},
    {ExceptionReason::Personal, "EX-PERSONAL"},
    {ExceptionReason::Absent, "EX-ABSENT"},
}};
constexpr std::array<std::pair<PhaseKind, std::string_view>, 3> kKinds = {{
    {PhaseKind::School, "school"},
    {PhaseKind::Post16, "post16"},
    {PhaseKind::Post16Other, "post16_other"},
}};
}  // namespace

std::string_view event_type_name(EventType t) { return kTypes[static_cast<size_t>(t)].name; }
std::string_view event_type_label(EventType t) { return kTypes[static_cast<size_t>(t)].label; }

std::optional<EventType> parse_event_type(std::string_view name) {
  for (const auto& t : kTypes)
    if (t.name == name) return t.type;
  return std::nullopt;
}

const std::vector<EventType>& all_event_types() {
  static const std::vector<EventType> all = [] {
    std::vector<EventType> v;
    for (const auto& t : kTypes) v.push_back(t.type);
    return v;
  }();
  return all;
}

std::string_view outcome_name(Outcome o) { return name_of(kOutcomes, o); }
std::optional<Outcome> parse_outcome(std::string_view s) { return lookup(kOutcomes, s); }
std::string_view advice_from_name(AdviceFrom a) { return name_of(kAdviceFrom, a); }
std::optional<AdviceFrom> parse_advice_from(std::string_view s) { return lookup(kAdviceFrom, s); }
std::string_view exception_reason_name(ExceptionReason r) { return name_of(kReasons, r); }
std::optional<ExceptionReason> parse_exception_reason(std::string_view s) { return lookup(kReasons, s); }
std::string_view phase_kind_name(PhaseKind k) { return name_of(kKinds, k); }
std::optional<PhaseKind> parse_phase_kind(std::string_view s) { return lookup(kKinds, s); }

std::optional<FieldError> validate_fields(const Event& e) {
  auto need_outcome = [&](Outcome a, Outcome b) -> std::optional<FieldError> {
    if (e.outcome != a && e.outcome != b)
      return FieldError{"outcome", "must be \"" + std::string(outcome_name(a)) + "\" or \"" +
                                       std::string(outcome_name(b)) + "\""};
    return std::nullopt;
  };
  switch (e.type) {
    case EventType::RequestReceived:
      if (e.source < 1 || e.source > 5)
        return FieldError{"source", "must be a request source from 1 to 5 (1 parent or young person, 2 school or "
                                    "other setting, 3 health, 4 social care, 5 other)"};
      break;
    case EventType::DecisionToAssess: return need_outcome(Outcome::Assess, Outcome::NotAssess);
    case EventType::DecisionToIssue: return need_outcome(Outcome::Issue, Outcome::NotIssue);
    case EventType::ReviewDecision:
      if (e.outcome != Outcome::Maintain && e.outcome != Outcome::Amend && e.outcome != Outcome::Cease)
        return FieldError{"outcome", "must be \"maintain\", \"amend\" or \"cease\""};
      break;
    case EventType::AdviceRequested:
      if (e.advice_from == AdviceFrom::None)
        return FieldError{"from", "must be education, educational_psychology, health, social_care or other"};
      [[fallthrough]];
    case EventType::AdviceReceived:
      if (e.id.empty()) return FieldError{"id", "is required: it names the advice request"};
      if (e.id.size() > 64) return FieldError{"id", "must be at most 64 characters"};
      break;
    case EventType::Exception:
      if (e.exception_reason == ExceptionReason::None)
        return FieldError{"reason", "must be EX-SCHOOL, EX-EY, EX-PERSONAL or EX-ABSENT"};
      if (!e.exception_from) return FieldError{"from", "is required: the date the exception began"};
      if (e.exception_to && *e.exception_to < *e.exception_from)
        return FieldError{"to", "must not be before \"from\""};
      break;
    case EventType::CeaseProposed:
      if (!e.respond_by)
        return FieldError{"respond_by", "is required: the last day for the family and the school to respond"};
      if (*e.respond_by < e.date) return FieldError{"respond_by", "must not be before the event's date"};
      break;
    case EventType::CeaseDecided:
      if (e.outcome != Outcome::Cease && e.outcome != Outcome::Maintain)
        return FieldError{"outcome", "must be \"cease\" or \"maintain\""};
      if (e.outcome == Outcome::Cease && (e.cease_reason < 1 || e.cease_reason > 9))
        return FieldError{"cease_reason", "must be a cease reason from 1 to 9 (SEN2 CeaseReason)"};
      if (e.outcome == Outcome::Maintain && e.cease_reason != 0)
        return FieldError{"cease_reason", "is given only with the outcome \"cease\""};
      break;
    case EventType::PhaseTransfer:
      if (e.phase_kind == PhaseKind::None) return FieldError{"kind", "must be school, post16 or post16_other"};
      if (!e.transfer_date) return FieldError{"transfer_date", "is required: the date the move happens"};
      if (*e.transfer_date < e.date) return FieldError{"transfer_date", "must not be before the event's date"};
      break;
    default: break;
  }
  return std::nullopt;
}

}  // namespace gt
