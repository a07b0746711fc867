#include "domain/appeal_rights.h"

#include <algorithm>

namespace gt {

std::string_view appealable_decision_label(AppealableDecision d) {
  switch (d) {
    case AppealableDecision::RefusalToAssess: return "the council's decision not to carry out an EHC needs assessment";
    case AppealableDecision::RefusalToIssue: return "the council's decision not to issue an EHC plan after the assessment";
    case AppealableDecision::Plan: return "the EHC plan: the needs, the support and the school or college it names";
    case AppealableDecision::AmendedPlan:
      return "the amended EHC plan: the needs, the support and the school or college it names";
    case AppealableDecision::NoAmendment: return "the council's decision not to change the EHC plan after the review";
    case AppealableDecision::Cease: return "the council's decision to stop the EHC plan";
    case AppealableDecision::Other: return "the decision the council sent you";
  }
  return "";
}

std::string_view appeal_right_basis(AppealableDecision d) {
  switch (d) {
    case AppealableDecision::RefusalToAssess: return "Children and Families Act 2014 s51(2)(a)";
    case AppealableDecision::RefusalToIssue: return "Children and Families Act 2014 s51(2)(b)";
    case AppealableDecision::Plan:
    case AppealableDecision::AmendedPlan: return "Children and Families Act 2014 s51(2)(c)";
    case AppealableDecision::NoAmendment: return "Children and Families Act 2014 s51(2)(e)";
    case AppealableDecision::Cease: return "Children and Families Act 2014 s51(2)(f)";
    case AppealableDecision::Other: return "Children and Families Act 2014 s51(2)";
  }
  return "";
}

namespace {

std::optional<AppealableDecision> decision_of(const Event& e) {
  switch (e.type) {
    case EventType::DecisionToAssess:
      if (e.outcome == Outcome::NotAssess) return AppealableDecision::RefusalToAssess;
      return std::nullopt;
    case EventType::DecisionToIssue:
      if (e.outcome == Outcome::NotIssue) return AppealableDecision::RefusalToIssue;
      return std::nullopt;
    case EventType::FinalPlanIssued: return AppealableDecision::Plan;
    case EventType::AmendedPlanIssued: return AppealableDecision::AmendedPlan;
    case EventType::ReviewDecision:
      if (e.outcome == Outcome::Maintain) return AppealableDecision::NoAmendment;
      if (e.outcome == Outcome::Cease) return AppealableDecision::Cease;
      return std::nullopt;  // "amend": the amended plan is what can be appealed
    case EventType::CeaseDecided:
      if (e.outcome == Outcome::Cease) return AppealableDecision::Cease;
      return std::nullopt;
    default: return std::nullopt;
  }
}

AppealRight make(AppealableDecision d, Date decided) {
  AppealRight r;
  r.decision = d;
  r.decided_on = decided;
  r.letter_on = decided;
  r.school_only_exempt = d == AppealableDecision::Plan || d == AppealableDecision::AmendedPlan;
  return r;
}

void recompute(AppealRight& r) {
  r.mediation_by = r.letter_on.plus_months(2);
  r.appeal_by = r.letter_on.plus_months(2);
  if (r.certificate_on) r.appeal_by = std::max(r.appeal_by, r.certificate_on->plus_months(1));
}

}  // namespace

std::vector<AppealRight> appeal_rights(const std::vector<Event>& events) {
  std::vector<AppealRight> out;
  bool latest_awaits_notice = false;  // the latest decision has no notice yet
  for (const Event& e : events) {
    if (auto d = decision_of(e)) {
      out.push_back(make(*d, e.date));
      latest_awaits_notice = true;
    } else if (e.type == EventType::DecisionNotice) {
      if (latest_awaits_notice) {
        out.back().letter_on = std::max(out.back().letter_on, e.date);
        out.back().notice_recorded = true;
      } else {
        out.push_back(make(AppealableDecision::Other, e.date));
        out.back().notice_recorded = true;
      }
      latest_awaits_notice = false;
    } else if (e.type == EventType::MediationCertificate) {
      if (!out.empty()) out.back().certificate_on = e.date;
    }
  }
  for (auto& r : out) recompute(r);
  return out;
}

}  // namespace gt
