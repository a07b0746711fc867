// SEN2 items: promises what sen2_items.h states - the module 3-5 items a chronology sets as at a
// reference date.
#include "domain/sen2_items.h"

#include "domain/chronology.h"
#include "domain/clock.h"

namespace gt {

namespace {
std::string opt(const std::optional<Date>& d) { return d ? d->to_string() : ""; }
}  // namespace

std::vector<std::pair<std::string, std::string>> Sen2Items::items() const {
  return {
      {"AssessmentOutcome", assessment_outcome.value_or("")},
      {"AssessmentOutcomeDate", opt(assessment_outcome_date)},
      {"Week20", week20 ? (*week20 ? "1" : "0") : ""},
      {"StartDate", opt(start_date)},
      {"CeaseDate", opt(cease_date)},
      {"CeaseReason", cease_reason ? std::to_string(*cease_reason) : ""},
      {"ReviewMeeting", opt(review_meeting)},
      {"ReviewOutcome", review_outcome.value_or("")},
      {"ReviewDraft", opt(review_draft)},
      {"PhaseTransferDueDate", opt(phase_transfer_due_date)},
      {"PhaseTransferFinalDate", opt(phase_transfer_final_date)},
      {"LastReview", opt(last_review)},
  };
}

Sen2Items sen2_items(const std::vector<Event>& all, Date reference_date) {
  Sen2Items out;
  out.reference_date = reference_date;
  std::vector<Event> events;
  for (const auto& e : all)
    if (e.date <= reference_date) events.push_back(e);
  const Date period_start = Date::from_ymd(reference_date.year() - 1, 1, 1);

  // The latest process (request or becoming responsible) and what follows it.
  size_t from = 0;
  for (size_t i = 0; i < events.size(); ++i)
    if (events[i].type == EventType::RequestReceived || events[i].type == EventType::BecameResponsible) from = i;

  bool assessing = false, withdrawn = false;
  std::optional<Event> issue_decision;
  std::optional<Date> final_plan;
  for (size_t i = from; i < events.size(); ++i) {
    const Event& e = events[i];
    switch (e.type) {
      case EventType::DecisionToAssess: assessing = e.outcome == Outcome::Assess; break;
      case EventType::DecisionToIssue:
        if (!issue_decision) issue_decision = e;
        break;
      case EventType::Withdrawn: withdrawn = true; break;
      case EventType::FinalPlanIssued:
        if (!final_plan) final_plan = e.date;
        break;
      default: break;
    }
  }
  if (assessing) {
    if (issue_decision && issue_decision->outcome == Outcome::NotIssue) {
      out.assessment_outcome = "N";
      out.assessment_outcome_date = issue_decision->date;
    } else if (issue_decision) {
      out.assessment_outcome = issue_decision->date < period_start ? "H" : "Y";
      out.assessment_outcome_date = final_plan;
    } else {
      out.assessment_outcome = withdrawn ? "W" : "A";
    }
  }
  if (!final_plan) return out;

  out.start_date = final_plan;
  out.week20 = compute_deadlines(events, reference_date).week20_exception;

  // The plan's life after the final plan.
  std::optional<Date> meeting, draft, transfer_due, transfer_final;
  std::optional<Event> decision, transfer;
  std::optional<int> decided_reason;
  for (size_t i = from; i < events.size(); ++i) {
    const Event& e = events[i];
    if (e.date < *final_plan) continue;
    switch (e.type) {
      case EventType::ReviewMeeting:
        meeting = e.date;
        decision.reset();
        draft.reset();
        break;
      case EventType::ReviewDecision:
        if (meeting && !decision) decision = e;
        break;
      case EventType::AmendmentsProposed:
        if (meeting && !draft) draft = e.date;
        break;
      case EventType::PhaseTransfer:
        transfer = e;
        transfer_final.reset();
        break;
      case EventType::AmendedPlanIssued:
        if (transfer && !transfer_final) transfer_final = e.date;
        break;
      case EventType::CeaseDecided:
        decided_reason = e.outcome == Outcome::Cease ? std::optional<int>(e.cease_reason) : std::nullopt;
        break;
      case EventType::PlanCeased:
        out.cease_date = e.date;
        out.cease_reason = decided_reason;
        break;
      default: break;
    }
  }
  out.active_plan = !out.cease_date && stage_of(events) != Stage::Closed;
  if (!out.active_plan) return out;

  out.review_meeting = meeting;
  if (decision) {
    out.review_outcome = decision->outcome == Outcome::Maintain ? "M" : decision->outcome == Outcome::Amend ? "A" : "C";
    out.last_review = decision->date;
    if (decision->outcome == Outcome::Amend) out.review_draft = draft;
  }
  if (transfer) {
    Date t = transfer->transfer_date.value_or(transfer->date);
    switch (transfer->phase_kind) {
      case PhaseKind::School: out.phase_transfer_due_date = Date::from_ymd(t.year(), 2, 15); break;
      case PhaseKind::Post16: out.phase_transfer_due_date = Date::from_ymd(t.year(), 3, 31); break;
      default: out.phase_transfer_due_date = t.plus_months(-5); break;
    }
    out.phase_transfer_final_date = transfer_final;
  }
  return out;
}

}  // namespace gt
