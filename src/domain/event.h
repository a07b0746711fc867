// Event: one dated entry in a case's chronology (the EHC journey), as the statutory clock reads it.
//
// Contract:
//  - Each EventType has a stable wire name (event_type_name / parse_event_type), the one used by
//    `goldthread clock`, the JSON API and the database: "request_received", "decision_to_assess", ...
//  - An Event carries only the fields its type uses (see docs/clock.md); the others keep their
//    defaults. validate_fields() says which required field is missing or out of range, naming it.
//  - Pure data; no I/O. Ordering of a chronology is by date, then by the order recorded.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"

namespace gt {

enum class EventType {
  RequestReceived,
  BecameResponsible,
  DecisionToAssess,
  AdviceRequested,
  AdviceReceived,
  DecisionToIssue,
  DraftPlanServed,
  FinalPlanIssued,
  Exception,
  Withdrawn,
  ReviewMeeting,
  ReviewReport,
  ReviewDecision,
  AmendmentsProposed,
  AmendedPlanIssued,
  PhaseTransfer,
  DecisionNotice,
  MediationCertificate,
  CeaseProposed,   // reg 31(1): the council tells the family it is considering ceasing, and consults
  CeaseDecided,    // reg 31(2): the decision (cease with its SEN2 reason, or keep the plan)
  PlanCeased,      // CFA s45(4): the plan ends, after the appeal period (SEN2 CeaseDate)
};
inline constexpr int kEventTypeCount = 21;

std::string_view event_type_name(EventType t);
std::optional<EventType> parse_event_type(std::string_view name);
std::string_view event_type_label(EventType t);  // plain English, e.g. "Request for assessment received"
const std::vector<EventType>& all_event_types();

// decision_to_assess: assess | not_assess; decision_to_issue: issue | not_issue;
// review_decision: maintain | amend | cease; cease_decided: cease | maintain.
enum class Outcome { None, Assess, NotAssess, Issue, NotIssue, Maintain, Amend, Cease };
std::string_view outcome_name(Outcome o);
std::optional<Outcome> parse_outcome(std::string_view name);

enum class AdviceFrom { None, Education, EducationalPsychology, Health, SocialCare, Other };
std::string_view advice_from_name(AdviceFrom a);
std::optional<AdviceFrom> parse_advice_from(std::string_view name);

// Exceptions to the initial-process limits (SEND Regs 2014 regs 5(4), 10(4), 13(3)).
enum class ExceptionReason { None, School, EarlyYears, Personal, Absent };
std::string_view exception_reason_name(ExceptionReason r);  // "EX-SCHOOL", ...
std::optional<ExceptionReason> parse_exception_reason(std::string_view name);

enum class PhaseKind { None, School, Post16, Post16Other };  // P1, P2, P3
std::string_view phase_kind_name(PhaseKind k);  // "school" | "post16" | "post16_other"
std::optional<PhaseKind> parse_phase_kind(std::string_view name);

struct Event {
  EventType type = EventType::RequestReceived;
  Date date;
  int source = 0;                        // request_received: 1..5 (SEN2 RequestSource)
  Outcome outcome = Outcome::None;       // the three decisions
  AdviceFrom advice_from = AdviceFrom::None;  // advice_requested "from"
  std::string id;                        // advice_requested / advice_received: the advice id
  ExceptionReason exception_reason = ExceptionReason::None;  // exception "reason"
  std::optional<Date> exception_from;    // exception "from"
  std::optional<Date> exception_to;      // exception "to" (absent = still applies)
  PhaseKind phase_kind = PhaseKind::None;     // phase_transfer "kind"
  std::optional<Date> transfer_date;     // phase_transfer "transfer_date"
  bool family_agreed = false;            // final_plan_issued: family said they had nothing to add (A5)
  std::optional<Date> respond_by;        // cease_proposed: the last day of the consultation (rule C4)
  int cease_reason = 0;                  // cease_decided "cease": SEN2 CeaseReason 1..9 (codes.h)
  bool consultation_complete = false;    // cease_decided: everyone consulted answered before respond_by
  bool family_not_appealing = false;     // plan_ceased: the family said they will not appeal (ends early)
};

// Checks the fields this event's type requires. Returns the offending field and why, or nullopt.
struct FieldError {
  std::string field;
  std::string reason;
};
std::optional<FieldError> validate_fields(const Event& e);

}  // namespace gt
