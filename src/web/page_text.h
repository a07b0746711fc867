// Page text: the plain-English words and GOV.UK tags the pages show for dates, deadlines, rules and
// the choices of each event field. Pure (no I/O); the wording lives here so every page says a thing
// the same way.
//
// Contract:
//  - long_date: "6 January 2025" (GOV.UK style, no weekday); long_date_or: the same from
//    "YYYY-MM-DD" text, or the text itself when it does not parse.
//  - A Tag is a GOV.UK tag: its text always carries the meaning (colour is never the only cue).
//    deadline_tag: "Met on 3 March 2026" (green), "Met late on ..." (red), "Overdue by N days"
//    (red), "Due today" / "Due in N days" (orange within 7 days, else blue), "Disapplied
//    (exception)" (grey); a family's deadline that has passed is "Passed on ..." (grey).
//    due_tag does the same for a next due date alone (the caseload).
//  - rule_summary: a short plain-English statement of each rule id, for lists that carry only the
//    rule (the caseload); the case page uses the clock's own Deadline::summary.
//  - Choices (value, label) for the radios of each event field, in the order a form offers them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/clock.h"
#include "domain/date.h"

namespace gt::web {

std::string long_date(Date d);
std::string long_date_or(std::string_view iso);
std::string days_phrase(int n);  // "1 day", "3 days"

struct Tag {
  std::string text;
  std::string css;  // "govuk-tag govuk-tag--red"
};
Tag deadline_tag(const Deadline& d, Date today);
Tag due_tag(Date due, Date today);

std::string rule_summary(std::string_view rule);

using Choices = std::vector<std::pair<std::string, std::string>>;
const Choices& source_choices();          // request_received source 1..5
const Choices& outcome_choices(std::string_view event_type);  // by decision
const Choices& advice_from_choices();
const Choices& exception_reason_choices();
const Choices& phase_kind_choices();
std::string choice_label(const Choices& c, std::string_view value);  // value itself when unknown

std::string capitalise(std::string s);

}  // namespace gt::web
