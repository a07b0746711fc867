// Provision delivery: what a provision line of an EHC plan (domain/plan.h PlanProvision) requires
// over a period, what was delivered, and whether delivery fell short. Pure: no clock, no I/O.
//
// Contract (the convention, also in docs/decisions.md):
//  - A period is [from, to], both days included. It is first cut to the line's own dates (from /
//    until); what is left is the "window". A window with no days requires nothing.
//  - Provision happens on school days: Monday to Friday except England's bank holidays
//    (domain/calendar.h). School holidays and training days differ by setting and are not known
//    here, so the recorder says how many school days in the window the setting was closed
//    (`closed_days`); they are taken off (never below zero).
//  - Each frequency is a number of school days: day 1, week 5, fortnight 10, half term 32.5 (a
//    school year of 39 weeks in six half terms), term 65 (13 weeks), year 195 (39 weeks). The
//    sessions required = sessions x open school days / days of the frequency, rounded to the
//    nearest whole session (a half rounds up). Minutes required = sessions required x the minutes
//    of a session (0 when the plan does not say how long).
//  - A line with no frequency (per none) or no sessions is not measurable: nothing is required and
//    it never falls short (the thread checks in plan_checks.h already flag it as not specific).
//  - Delivery falls short when sessions delivered < threshold x sessions required, or (when the
//    plan states minutes) minutes delivered < threshold x minutes required. Exactly at the
//    threshold is not short (8 of 10 at 80% is met). The threshold is a share in (0, 1]; it is
//    compared in thousandths, without floating point rounding at the boundary.
//  - The shortfall is what is missing to meet the plan in full: required - delivered, never
//    negative (an extra session one period does not make up another period).
//  - validate_delivery_input checks what a recorder typed and returns every problem naming the
//    field; the period may not end after `today`, nor be longer than 366 days.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/event.h"
#include "domain/plan.h"

namespace gt {

inline constexpr double kDefaultDeliveryThreshold = 0.8;

// School days (Monday to Friday, not a bank holiday) in [from, to]; 0 when to < from.
int school_days(Date from, Date to);

// The days of a frequency, in half days (a half term is 32.5 days): 0 for none.
int frequency_half_days(FrequencyPer per);

struct Requirement {
  bool measurable = false;    // the line says how often
  bool in_window = false;     // the period overlaps the line's dates
  Date from, to;              // the window (when in_window)
  int school_days = 0;        // in the window, before closures
  int open_days = 0;          // school_days - closed days (never below 0)
  int sessions = 0;           // required
  int minutes = 0;            // required (0 when the plan does not say how long a session is)
};
Requirement required_in(const PlanProvision& line, Date from, Date to, int closed_days = 0);

struct DeliveryJudgement {
  Requirement required;
  int delivered_sessions = 0;
  int delivered_minutes = 0;
  int sessions_short = 0;     // max(0, required - delivered)
  int minutes_short = 0;
  int share_percent = 100;    // delivered sessions as a share of required, rounded down (100 when none required)
  bool shortfall = false;     // below the threshold
};
DeliveryJudgement judge_delivery(const PlanProvision& line, Date from, Date to, int closed_days,
                                 int delivered_sessions, int delivered_minutes,
                                 double threshold = kDefaultDeliveryThreshold);

// "2 hours", "1 hour 30 minutes", "45 minutes", "0 minutes".
std::string duration_text(int minutes);
// "1 session", "4 sessions".
std::string sessions_text(int n);
// Plain English for families:
//   short:          "8 of 12 sessions - 4 sessions (2 hours) short"
//   met:            "12 of 12 sessions - as the plan says"
//   not measurable: "5 sessions - the plan does not say how often, so this cannot be checked"
std::string delivery_summary(const DeliveryJudgement& j);

// Why sessions were missed (optional on a record).
struct MissedReason {
  std::string_view code;   // "provider_absent", ...
  std::string_view label;  // "The person who delivers it was absent"
};
const std::vector<MissedReason>& missed_reasons();
std::string_view missed_reason_label(std::string_view code);  // "" when unknown

// What a recorder typed about one period of one line.
struct DeliveryInput {
  std::string element_id;          // "F-3"
  std::optional<Date> from, to;
  int closed_days = 0;
  int sessions_delivered = -1;     // -1: not given
  std::optional<int> minutes_delivered;  // absent: sessions x the line's minutes
  std::string delivered_by_role;   // "speech and language therapist"
  std::string delivered_by_name;   // optional
  int sessions_missed = 0;
  std::string missed_reason;       // a code of missed_reasons(), or ""
  std::string notes;               // optional
};
// Trims the free text in place; returns every problem, naming the field ("from", "sessions_delivered", ...).
std::vector<FieldError> validate_delivery_input(DeliveryInput& in, Date today);

}  // namespace gt
