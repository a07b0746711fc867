#include "domain/provision_delivery.h"

#include <algorithm>
#include <cmath>

#include "domain/calendar.h"
#include "domain/free_text.h"

namespace gt {

int school_days(Date from, Date to) {
  if (to < from) return 0;
  int n = 0;
  for (Date d = from; d <= to; d = d.plus_days(1))
    if (is_working_day(d)) ++n;
  return n;
}

int frequency_half_days(FrequencyPer per) {
  switch (per) {
    case FrequencyPer::None: return 0;
    case FrequencyPer::Day: return 2;
    case FrequencyPer::Week: return 10;
    case FrequencyPer::Fortnight: return 20;
    case FrequencyPer::HalfTerm: return 65;   // 6.5 weeks: 39 school weeks in six half terms
    case FrequencyPer::Term: return 130;      // 13 weeks
    case FrequencyPer::Year: return 390;      // 39 weeks
  }
  return 0;
}

Requirement required_in(const PlanProvision& line, Date from, Date to, int closed_days) {
  Requirement r;
  r.measurable = line.sessions > 0 && line.per != FrequencyPer::None;
  Date start = line.from && *line.from > from ? *line.from : from;
  Date end = line.until && *line.until < to ? *line.until : to;
  if (end < start) return r;
  r.in_window = true;
  r.from = start;
  r.to = end;
  r.school_days = school_days(start, end);
  r.open_days = std::max(0, r.school_days - std::max(0, closed_days));
  if (!r.measurable) return r;
  long long num = static_cast<long long>(line.sessions) * r.open_days * 2;
  long long den = frequency_half_days(line.per);
  r.sessions = static_cast<int>((2 * num + den) / (2 * den));  // nearest, a half up
  r.minutes = r.sessions * std::max(0, line.minutes);
  return r;
}

DeliveryJudgement judge_delivery(const PlanProvision& line, Date from, Date to, int closed_days,
                                 int delivered_sessions, int delivered_minutes, double threshold) {
  DeliveryJudgement j;
  j.required = required_in(line, from, to, closed_days);
  j.delivered_sessions = std::max(0, delivered_sessions);
  j.delivered_minutes = std::max(0, delivered_minutes);
  j.sessions_short = std::max(0, j.required.sessions - j.delivered_sessions);
  j.minutes_short = std::max(0, j.required.minutes - j.delivered_minutes);
  if (j.required.sessions > 0)
    j.share_percent = static_cast<int>(static_cast<long long>(j.delivered_sessions) * 100 / j.required.sessions);
  long long per_mille = std::llround(std::clamp(threshold, 0.0, 1.0) * 1000.0);
  bool sessions_low = static_cast<long long>(j.delivered_sessions) * 1000 < per_mille * j.required.sessions;
  bool minutes_low = j.required.minutes > 0 &&
                     static_cast<long long>(j.delivered_minutes) * 1000 < per_mille * j.required.minutes;
  j.shortfall = sessions_low || minutes_low;
  return j;
}

std::string duration_text(int minutes) {
  if (minutes <= 0) return "0 minutes";
  int h = minutes / 60, m = minutes % 60;
  std::string out;
  if (h) out = std::to_string(h) + (h == 1 ? " hour" : " hours");
  if (m) {
    if (!out.empty()) out += ' ';
    out += std::to_string(m);
    out += m == 1 ? " minute" : " minutes";
  }
  return out;
}

std::string sessions_text(int n) { return std::to_string(n) + (n == 1 ? " session" : " sessions"); }

std::string delivery_summary(const DeliveryJudgement& j) {
  if (!j.required.measurable)
    return sessions_text(j.delivered_sessions) + " - the plan does not say how often, so this cannot be checked";
  if (!j.required.in_window)
    return sessions_text(j.delivered_sessions) + " - the plan did not ask for this help in these dates";
  std::string head = std::to_string(j.delivered_sessions) + " of " + sessions_text(j.required.sessions);
  if (j.sessions_short > 0) {
    std::string s = head + " - " + sessions_text(j.sessions_short);
    if (j.minutes_short > 0) s += " (" + duration_text(j.minutes_short) + ")";
    return s + " short";
  }
  if (j.minutes_short > 0) return head + ", but " + duration_text(j.minutes_short) + " short of the time the plan says";
  return head + " - as the plan says";
}

const std::vector<MissedReason>& missed_reasons() {
  static const std::vector<MissedReason> r = {
      {"provider_absent", "The person who delivers it was absent"},
      {"vacancy", "No one was in post to deliver it"},
      {"child_absent", "The child or young person was absent"},
      {"setting_event", "A trip, exam or event at the setting"},
      {"other", "Another reason (say in the notes)"},
  };
  return r;
}

std::string_view missed_reason_label(std::string_view code) {
  for (const auto& r : missed_reasons())
    if (r.code == code) return r.label;
  return "";
}

std::vector<FieldError> validate_delivery_input(DeliveryInput& in, Date today) {
  std::vector<FieldError> out;
  if (in.element_id.empty()) out.push_back({"element", "Choose the provision this record is about"});
  if (!in.from) out.push_back({"from", "Enter the first day of the period"});
  if (!in.to) out.push_back({"to", "Enter the last day of the period"});
  if (in.from && in.to) {
    if (*in.to < *in.from) out.push_back({"to", "The last day must be the same as or after the first day"});
    else if (*in.to - *in.from > 365) out.push_back({"to", "A period can be at most a year long: record it in parts"});
  }
  if (in.to && today < *in.to) out.push_back({"to", "The last day cannot be in the future"});
  if (in.closed_days < 0 || in.closed_days > 400)
    out.push_back({"closed_days", "Enter the school days the setting was closed as a number from 0"});
  if (in.sessions_delivered < 0) out.push_back({"sessions_delivered", "Enter the number of sessions delivered, 0 or more"});
  else if (in.sessions_delivered > 2000) out.push_back({"sessions_delivered", "The number of sessions delivered is too large"});
  if (in.minutes_delivered && (*in.minutes_delivered < 0 || *in.minutes_delivered > 200000))
    out.push_back({"minutes_delivered", "Enter the minutes delivered as a number from 0"});
  if (in.sessions_missed < 0 || in.sessions_missed > 2000)
    out.push_back({"sessions_missed", "Enter the sessions missed as a number from 0"});
  if (!in.missed_reason.empty() && missed_reason_label(in.missed_reason).empty())
    out.push_back({"missed_reason", "Choose why sessions were missed from the list"});
  check_free_text(in.delivered_by_role, "delivered_by_role", "Who delivered it (their role)", true, out, 200);
  check_free_text(in.delivered_by_name, "delivered_by_name", "Their name", false, out, 200);
  check_free_text(in.notes, "notes", "Notes", false, out, 2000);
  return out;
}

}  // namespace gt
