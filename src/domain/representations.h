// Representations: the family's say on a draft EHC plan or on proposed amendments to a plan - at
// least 15 days, counting the day it was sent as day 1, to comment, to ask for a school or college
// to be named and to ask for a meeting with the council.
//
// Contract:
//  - comment_windows(events) takes the chronology in force, in date order, and gives one window
//    for each draft_plan_served (SEND Regulations 2014 reg 13(1)(a)) and each amendments_proposed
//    (reg 22(2)), oldest first.
//  - last_day = sent + 14 (the sending day is day 1; docs/clock.md s3): the same day as the clock's
//    A5 for a draft plan.
//  - closed_on: the day the window was overtaken by the final plan (final_plan_issued after a
//    draft) or the amended plan (amended_plan_issued after proposed amendments), if any.
//  - open(today): not closed and today <= last_day.
//  - Pure; no I/O.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/event.h"

namespace gt {

struct CommentWindow {
  enum class Kind { DraftPlan, ProposedAmendments };
  Kind kind = Kind::DraftPlan;
  Date sent_on;
  Date last_day;
  std::optional<Date> closed_on;
  std::string_view basis;  // "SEND Regulations 2014 reg 13(1)(a)" | "SEND Regulations 2014 reg 22(2)"

  bool open(Date today) const { return !closed_on && today <= last_day; }
};

std::vector<CommentWindow> comment_windows(const std::vector<Event>& events);

}  // namespace gt
