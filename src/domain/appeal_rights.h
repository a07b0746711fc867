// Appeal rights: for each appealable decision in a case's chronology, the family's right to
// mediation and to appeal to the SEND Tribunal (the First-tier Tribunal, Health, Education and
// Social Care Chamber), with the last day for each.
//
// Contract:
//  - appeal_rights(events) takes the chronology in force, in date order (as clock.h does), and
//    gives one AppealRight per appealable decision, oldest first:
//      decision_to_assess not_assess   refusal to assess              CFA 2014 s51(2)(a)
//      decision_to_issue not_issue     no plan after assessing        CFA 2014 s51(2)(b)
//      final_plan_issued               the plan (sections B, F, I)    CFA 2014 s51(2)(c)
//      amended_plan_issued             the amended plan (B, F, I)     CFA 2014 s51(2)(c)
//      review_decision maintain        no amendment after a review    CFA 2014 s51(2)(e)
//      review_decision cease           ceasing the plan               CFA 2014 s51(2)(f)
//      cease_decided cease             ceasing the plan (reg 31(2))   CFA 2014 s51(2)(f)
//      decision_notice on its own      another appealable decision    CFA 2014 s51(2)
//  - The letter date (when the time starts) is the decision's own date (decisions are recorded as
//    sent to the family), or the date of the first decision_notice recorded after it and before the
//    next appealable decision (the notice is the letter the time runs from; same as clock.h T1).
//  - mediation_by = letter + 2 calendar months: the last day to contact the mediation adviser
//    (SEND Regulations 2014 reg 33).
//  - appeal_by = the later of letter + 2 months and certificate + 1 month (Tribunal Procedure
//    (First-tier Tribunal) (HESC) Rules 2008 r20). A mediation_certificate applies to the latest
//    appealable decision before it (as clock.h does for T1).
//  - certificate_needed: before appealing the family must contact a mediation adviser and get a
//    certificate (CFA 2014 s55); school_only_exempt: for a plan or amended plan an appeal only
//    about the school or college named (section I) needs no certificate (s55(3)).
//  - Months keep the day and clamp to the month's end (Date::plus_months): 31 Dec + 2 = 28/29 Feb.
//  - Pure; no I/O.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/event.h"

namespace gt {

enum class AppealableDecision { RefusalToAssess, RefusalToIssue, Plan, AmendedPlan, NoAmendment, Cease, Other };

// Plain English: "the council's decision not to carry out an EHC needs assessment".
std::string_view appealable_decision_label(AppealableDecision d);
// The provision giving the right of appeal: "Children and Families Act 2014 s51(2)(a)".
std::string_view appeal_right_basis(AppealableDecision d);

inline constexpr std::string_view kAppealRule = "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008 r20";
inline constexpr std::string_view kMediationRule = "SEND Regulations 2014 reg 33";
inline constexpr std::string_view kCertificateRule = "Children and Families Act 2014 s55";

struct AppealRight {
  AppealableDecision decision = AppealableDecision::Other;
  Date decided_on;                      // the decision's date
  Date letter_on;                       // the date the time runs from
  bool notice_recorded = false;         // letter_on is a recorded decision notice
  std::optional<Date> certificate_on;   // the mediation certificate, if one was issued
  Date mediation_by;                    // reg 33: letter + 2 months
  Date appeal_by;                       // r20: later of letter + 2 months, certificate + 1 month
  bool certificate_needed = true;       // s55
  bool school_only_exempt = false;      // s55(3): an appeal only about the school named

  bool appeal_open(Date today) const { return today <= appeal_by; }
  bool mediation_open(Date today) const { return !certificate_on && today <= mediation_by; }
};

std::vector<AppealRight> appeal_rights(const std::vector<Event>& events);

}  // namespace gt
