// Helpers for the clock and chronology tests: build events tersely, and look deadlines up.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/chronology.h"
#include "domain/clock.h"

namespace gt::testing_util {

inline Date D(const char* s) {
  auto d = Date::parse(s);
  if (!d) ADD_FAILURE() << "bad test date " << s;
  return d.value_or(Date{});
}
inline Event ev_t(EventType t, const char* date) {
  Event e;
  e.type = t;
  e.date = D(date);
  return e;
}
inline Event request(const char* date, int source = 1) {
  Event e = ev_t(EventType::RequestReceived, date);
  e.source = source;
  return e;
}
inline Event decided(EventType t, const char* date, Outcome o) {
  Event e = ev_t(t, date);
  e.outcome = o;
  return e;
}
inline Event assess(const char* d) { return decided(EventType::DecisionToAssess, d, Outcome::Assess); }
inline Event not_assess(const char* d) { return decided(EventType::DecisionToAssess, d, Outcome::NotAssess); }
inline Event issue(const char* d) { return decided(EventType::DecisionToIssue, d, Outcome::Issue); }
inline Event not_issue(const char* d) { return decided(EventType::DecisionToIssue, d, Outcome::NotIssue); }
inline Event review_decision(const char* d, Outcome o) { return decided(EventType::ReviewDecision, d, o); }
inline Event advice_requested(const char* d, const char* id, AdviceFrom from = AdviceFrom::EducationalPsychology) {
  Event e = ev_t(EventType::AdviceRequested, d);
  e.id = id;
  e.advice_from = from;
  return e;
}
inline Event advice_received(const char* d, const char* id) {
  Event e = ev_t(EventType::AdviceReceived, d);
  e.id = id;
  return e;
}
inline Event draft(const char* d) { return ev_t(EventType::DraftPlanServed, d); }
inline Event final_plan(const char* d, bool family_agreed = false) {
  Event e = ev_t(EventType::FinalPlanIssued, d);
  e.family_agreed = family_agreed;
  return e;
}
inline Event exception(const char* d, ExceptionReason r, const char* from, const char* to = nullptr) {
  Event e = ev_t(EventType::Exception, d);
  e.exception_reason = r;
  e.exception_from = D(from);
  if (to) e.exception_to = D(to);
  return e;
}
inline Event phase(const char* d, PhaseKind k, const char* transfer) {
  Event e = ev_t(EventType::PhaseTransfer, d);
  e.phase_kind = k;
  e.transfer_date = D(transfer);
  return e;
}

// Appends each event through check_append (so every test chronology is one the rules accept).
inline std::vector<Event> accepted(const std::vector<Event>& events, const char* today) {
  std::vector<Event> out;
  for (size_t i = 0; i < events.size(); ++i) {
    auto rej = check_append(out, events[i], D(today));
    EXPECT_FALSE(rej) << "events[" << i << "] (" << event_type_name(events[i].type)
                      << ") rejected: " << (rej ? rej->field + ": " + rej->reason : "");
    out.push_back(events[i]);
  }
  return out;
}

inline const Deadline* find(const ClockResult& r, const std::string& rule, size_t nth = 0) {
  for (const auto& d : r.deadlines)
    if (d.rule == rule && nth-- == 0) return &d;
  return nullptr;
}
inline std::vector<std::string> rules(const ClockResult& r) {
  std::vector<std::string> v;
  for (const auto& d : r.deadlines) v.push_back(d.rule + (d.id.empty() ? "" : ":" + d.id));
  return v;
}
inline std::string met(const Deadline* d) { return d && d->met_on ? d->met_on->to_string() : "null"; }

}  // namespace gt::testing_util

// Expect one deadline's start, due, status and met_on ("null" for none).
#define EXPECT_DEADLINE(r, rule, nth, start_, due_, status_, met_on_)                        \
  do {                                                                                       \
    const ::gt::Deadline* dl_ = ::gt::testing_util::find((r), (rule), (nth));               \
    ASSERT_NE(dl_, nullptr) << "no " << (rule) << " #" << (nth);                           \
    EXPECT_EQ(dl_->start.to_string(), (start_)) << (rule) << " start";                      \
    EXPECT_EQ(dl_->due.to_string(), (due_)) << (rule) << " due";                            \
    EXPECT_EQ(::gt::deadline_status_name(dl_->status), (status_)) << (rule) << " status";   \
    EXPECT_EQ(::gt::testing_util::met(dl_), (met_on_)) << (rule) << " met_on";              \
  } while (0)
