// The EHC journey as a state machine: stages, what may come next, and rejections that name the rule.
#include "domain/chronology.h"

#include <gtest/gtest.h>

#include "clock_test_util.h"

namespace gt {
namespace {

using namespace testing_util;
using Types = std::vector<EventType>;

const Date kToday = *Date::parse("2027-12-31");

// Expect `next` to be refused after `existing`, on `field`, with a reason containing `words`.
void expect_rejected(const std::vector<Event>& existing, const Event& next, const std::string& field,
                     const std::string& words, Date today = kToday) {
  auto rej = check_append(existing, next, today);
  ASSERT_TRUE(rej) << event_type_name(next.type) << " was accepted";
  EXPECT_EQ(rej->field, field) << rej->reason;
  EXPECT_NE(rej->reason.find(words), std::string::npos) << "reason: " << rej->reason;
}
void expect_ok(const std::vector<Event>& existing, const Event& next, Date today = kToday) {
  auto rej = check_append(existing, next, today);
  EXPECT_FALSE(rej) << event_type_name(next.type) << ": " << (rej ? rej->field + ": " + rej->reason : "");
}

std::vector<Event> to_drafting() {
  return {request("2025-01-06"), assess("2025-02-10"), advice_requested("2025-02-11", "ep1"), issue("2025-04-14")};
}
std::vector<Event> to_plan() {
  auto v = to_drafting();
  v.push_back(draft("2025-05-02"));
  v.push_back(final_plan("2025-05-19"));
  return v;
}

TEST(ChronologyTest, StagesFromRequestThroughReviewAndAmendment) {
  std::vector<std::pair<Event, Stage>> steps = {
      {request("2025-01-06"), Stage::Request},
      {assess("2025-02-10"), Stage::Assessment},
      {advice_requested("2025-02-11", "ep1"), Stage::Assessment},
      {advice_received("2025-03-20", "ep1"), Stage::Assessment},
      {issue("2025-04-14"), Stage::Drafting},
      {draft("2025-05-02"), Stage::Drafting},
      {final_plan("2025-05-19"), Stage::Plan},
      {ev_t(EventType::ReviewMeeting, "2026-04-20"), Stage::Review},
      {ev_t(EventType::ReviewReport, "2026-04-27"), Stage::Review},
      {review_decision("2026-05-01", Outcome::Amend), Stage::Amendment},
      {ev_t(EventType::AmendmentsProposed, "2026-05-01"), Stage::Amendment},
      {ev_t(EventType::AmendedPlanIssued, "2026-06-10"), Stage::Plan},
      {ev_t(EventType::AmendmentsProposed, "2026-09-01"), Stage::Amendment},  // outside a review
      {ev_t(EventType::AmendedPlanIssued, "2026-10-01"), Stage::Plan},
      {ev_t(EventType::ReviewMeeting, "2027-04-12"), Stage::Review},
      {review_decision("2027-04-30", Outcome::Maintain), Stage::Plan},
      {ev_t(EventType::ReviewMeeting, "2027-10-12"), Stage::Review},
      {review_decision("2027-10-30", Outcome::Cease), Stage::Closed},
      {ev_t(EventType::DecisionNotice, "2027-10-30"), Stage::Closed},
      {request("2027-11-01"), Stage::Request},
  };
  std::vector<Event> chron;
  EXPECT_EQ(stage_of(chron), Stage::None);
  for (size_t i = 0; i < steps.size(); ++i) {
    expect_ok(chron, steps[i].first);
    chron.push_back(steps[i].first);
    EXPECT_EQ(stage_of(chron), steps[i].second) << "after events[" << i << "]";
  }
}

TEST(ChronologyTest, RefusalsAndWithdrawalClose) {
  EXPECT_EQ(stage_of({request("2025-01-06"), not_assess("2025-02-10")}), Stage::Closed);
  EXPECT_EQ(stage_of({request("2025-01-06"), assess("2025-02-10"), not_issue("2025-04-14")}), Stage::Closed);
  EXPECT_EQ(stage_of({request("2025-01-06"), ev_t(EventType::Withdrawn, "2025-02-01")}), Stage::Closed);
}

TEST(ChronologyTest, StageNamesRoundTrip) {
  std::vector<std::pair<Stage, std::string>> names = {
      {Stage::None, "none"},     {Stage::Request, "request"}, {Stage::Assessment, "assessment"},
      {Stage::Drafting, "drafting"}, {Stage::Plan, "plan"},   {Stage::Review, "review"},
      {Stage::Amendment, "amendment"}, {Stage::Closed, "closed"}};
  for (const auto& [s, n] : names) {
    EXPECT_EQ(stage_name(s), n);
    EXPECT_EQ(parse_stage(n), s);
    EXPECT_FALSE(stage_label(s).empty());
  }
  EXPECT_EQ(stage_label(Stage::Drafting), "Drafting");
  EXPECT_EQ(parse_stage("Plan"), std::nullopt);
  EXPECT_EQ(parse_stage(""), std::nullopt);
}

TEST(ChronologyTest, NoDateAfterToday) {
  expect_rejected({}, request("2025-01-07"), "date", "cannot be after today (2025-01-06)", D("2025-01-06"));
  expect_ok({}, request("2025-01-06"), D("2025-01-06"));
}

TEST(ChronologyTest, NoDateBeforeTheRequestOrTheLatestEvent) {
  expect_rejected({request("2025-01-06")}, assess("2025-01-05"), "date", "cannot be before the request (received 2025-01-06)");
  expect_rejected({request("2025-01-06"), assess("2025-02-10")}, advice_requested("2025-02-09", "ep1"), "date",
                  "cannot be before the latest event in the chronology (2025-02-10)");
  expect_ok({request("2025-01-06"), assess("2025-02-10")}, advice_requested("2025-02-10", "ep1"));  // same day
  // A new request after a closed one may not go back before the closure either.
  expect_rejected({request("2025-01-06"), not_assess("2025-02-10")}, request("2025-02-01"), "date",
                  "cannot be before the latest event");
}

TEST(ChronologyTest, NothingBeforeARequest) {
  expect_rejected({}, assess("2025-01-06"), "type", "record the request for an assessment");
  expect_rejected({}, ev_t(EventType::DecisionNotice, "2025-01-06"), "type", "record the request");
  expect_ok({}, ev_t(EventType::BecameResponsible, "2025-01-06"));
}

TEST(ChronologyTest, OneOpenRequestAtATime) {
  expect_rejected({request("2025-01-06")}, request("2025-01-20"), "type", "a request is already open (received 2025-01-06)");
  expect_rejected({request("2025-01-06")}, ev_t(EventType::BecameResponsible, "2025-01-20"), "type", "already open");
  expect_rejected(to_drafting(), request("2025-04-20"), "type", "already open");
  expect_rejected(to_plan(), request("2025-06-01"), "type", "already has an EHC plan");
  expect_ok({request("2025-01-06"), not_assess("2025-02-10")}, request("2025-03-01"));
  expect_ok({request("2025-01-06"), ev_t(EventType::Withdrawn, "2025-02-01")}, request("2025-03-01"));
}

TEST(ChronologyTest, DecisionsInOrder) {
  expect_rejected({request("2025-01-06")}, issue("2025-02-10"), "type", "needs a decision to assess first");
  expect_rejected({request("2025-01-06"), assess("2025-02-10")}, assess("2025-02-11"), "type",
                  "decision whether to assess has already been recorded");
  expect_rejected(to_drafting(), issue("2025-04-15"), "type", "has already been recorded");
  expect_rejected({request("2025-01-06"), not_assess("2025-02-10")}, issue("2025-02-11"), "type", "the case is closed");
  Event bad = assess("2025-02-10");
  bad.outcome = Outcome::Issue;  // the field check comes first and names the field
  expect_rejected({request("2025-01-06")}, bad, "outcome", "\"assess\" or \"not_assess\"");
}

TEST(ChronologyTest, AdviceByIdWithinAnAssessment) {
  std::vector<Event> a = {request("2025-01-06"), assess("2025-02-10")};
  expect_rejected({request("2025-01-06")}, advice_requested("2025-01-10", "ep1"), "type", "decided to assess");
  expect_rejected(a, advice_received("2025-02-20", "ep1"), "type", "no advice request");
  a.push_back(advice_requested("2025-02-11", "ep1"));
  expect_rejected(a, advice_requested("2025-02-12", "ep1"), "id", "advice id \"ep1\" is already used");
  expect_rejected(a, advice_received("2025-02-20", "ep2"), "id", "no advice was requested with id \"ep2\"");
  expect_ok(a, advice_received("2025-02-20", "ep1"));
  a.push_back(advice_requested("2025-02-12", "h1", AdviceFrom::Health));
  a.push_back(advice_received("2025-02-20", "ep1"));
  expect_rejected(a, advice_received("2025-02-21", "ep1"), "id", "has already been received");
  Event no_id = advice_requested("2025-02-21", "");
  expect_rejected(a, no_id, "id", "is required");
}

TEST(ChronologyTest, FinalPlanNeedsDecisionDraftAndTheFamilysFifteenDays) {
  expect_rejected({request("2025-01-06"), assess("2025-02-10")}, final_plan("2025-04-14"), "type",
                  "a final plan needs a decision to issue first (SEND Regulations 2014 reg 13)");
  expect_rejected(to_drafting(), final_plan("2025-05-01"), "type", "needs a draft plan served first");
  expect_rejected({request("2025-01-06")}, draft("2025-02-01"), "type", "needs a decision to issue first");
  auto d = to_drafting();
  d.push_back(draft("2025-05-02"));
  // Served 2 May (day 1); the family has until 16 May; the earliest final plan is 17 May.
  expect_rejected(d, final_plan("2025-05-16"), "date", "the earliest day is 2025-05-17");
  expect_rejected(d, final_plan("2025-05-16"), "date", "reg 13(1)");
  expect_ok(d, final_plan("2025-05-17"));
  expect_ok(d, final_plan("2025-05-10", true));  // the family said they had nothing to add
  // A second draft restarts the 15 days.
  d.push_back(draft("2025-05-12"));
  expect_rejected(d, final_plan("2025-05-17"), "date", "the earliest day is 2025-05-27");
  expect_rejected(to_plan(), final_plan("2025-06-01"), "type", "already been issued");
}

TEST(ChronologyTest, ExceptionsOnlyWithinAnOpenRequest) {
  std::vector<Event> r = {request("2025-01-06")};
  expect_ok(r, exception("2025-01-20", ExceptionReason::Personal, "2025-01-20", "2025-01-25"));
  expect_ok(r, exception("2025-01-20", ExceptionReason::Absent, "2025-01-20"));  // open-ended
  // EX-ABSENT needs at least 4 weeks: 1-27 Feb is 27 days; 1-28 Feb is 28.
  expect_rejected(r, exception("2025-01-20", ExceptionReason::Absent, "2025-02-01", "2025-02-27"), "to",
                  "at least 4 weeks");
  expect_ok(r, exception("2025-01-20", ExceptionReason::Absent, "2025-02-01", "2025-02-28"));
  expect_rejected(r, exception("2025-01-20", ExceptionReason::School, "2025-01-01", "2025-01-05"), "to",
                  "ends before the request");
  // From after the 20-week date (26 May 2025) cannot affect any limit.
  expect_rejected(r, exception("2025-01-20", ExceptionReason::EarlyYears, "2025-05-27", "2025-07-27"), "from",
                  "after the 20-week limit (2025-05-26)");
  expect_rejected(r, exception("2025-01-20", ExceptionReason::Personal, "2025-03-01", "2025-02-01"), "to",
                  "must not be before");
  expect_rejected(to_plan(), exception("2025-06-01", ExceptionReason::Personal, "2025-06-01"), "type",
                  "reg 5(4), 10(4), 13(3)");
}

TEST(ChronologyTest, WithdrawalOnlyOfAnOpenRequest) {
  expect_ok(to_drafting(), ev_t(EventType::Withdrawn, "2025-04-20"));
  expect_rejected(to_plan(), ev_t(EventType::Withdrawn, "2025-06-01"), "type", "only an open request");
  expect_rejected({request("2025-01-06"), ev_t(EventType::Withdrawn, "2025-02-01")},
                  ev_t(EventType::Withdrawn, "2025-02-02"), "type", "the case is closed");
}

TEST(ChronologyTest, ReviewEventsNeedAPlanAndAMeeting) {
  expect_rejected(to_drafting(), ev_t(EventType::ReviewMeeting, "2025-05-01"), "type", "needs a final EHC plan first");
  expect_rejected(to_drafting(), ev_t(EventType::ReviewReport, "2025-05-01"), "type", "needs a final EHC plan first");
  expect_rejected(to_drafting(), review_decision("2025-05-01", Outcome::Maintain), "type", "needs a final EHC plan");
  expect_rejected(to_plan(), review_decision("2026-05-01", Outcome::Maintain), "type", "needs a review meeting first");
  expect_rejected(to_plan(), ev_t(EventType::ReviewReport, "2026-05-01"), "type", "no review meeting is awaiting");
  auto m = to_plan();
  m.push_back(ev_t(EventType::ReviewMeeting, "2026-04-20"));
  expect_rejected(m, ev_t(EventType::ReviewMeeting, "2026-04-21"), "type", "already awaiting its decision");
  m.push_back(ev_t(EventType::ReviewReport, "2026-04-27"));
  expect_rejected(m, ev_t(EventType::ReviewReport, "2026-04-28"), "type", "no review meeting is awaiting");
  Event no_outcome = ev_t(EventType::ReviewDecision, "2026-05-01");
  expect_rejected(m, no_outcome, "outcome", "\"maintain\", \"amend\" or \"cease\"");
}

TEST(ChronologyTest, AmendmentsProposedThenIssued) {
  expect_rejected(to_plan(), ev_t(EventType::AmendedPlanIssued, "2025-06-01"), "type",
                  "an amended plan needs proposed amendments first (SEND Regulations 2014 reg 22(2))");
  expect_rejected(to_drafting(), ev_t(EventType::AmendmentsProposed, "2025-05-01"), "type", "need a final EHC plan");
  auto m = to_plan();
  m.push_back(ev_t(EventType::ReviewMeeting, "2026-04-20"));
  m.push_back(ev_t(EventType::AmendmentsProposed, "2026-05-01"));  // with the decision notice (Devon)
  expect_rejected(m, ev_t(EventType::AmendedPlanIssued, "2026-05-20"), "type", "record the review decision to amend first");
  expect_rejected(m, review_decision("2026-05-01", Outcome::Maintain), "outcome", "must be \"amend\"");
  expect_rejected(m, ev_t(EventType::AmendmentsProposed, "2026-05-02"), "type", "already proposed");
  m.push_back(review_decision("2026-05-01", Outcome::Amend));
  expect_ok(m, ev_t(EventType::AmendedPlanIssued, "2026-05-20"));
  expect_rejected(m, ev_t(EventType::ReviewMeeting, "2026-05-20"), "type", "amended plan from the last review");
  // Decided to amend, amendments not yet sent: the amended plan cannot come first.
  auto d = to_plan();
  d.push_back(ev_t(EventType::ReviewMeeting, "2026-04-20"));
  d.push_back(review_decision("2026-05-01", Outcome::Amend));
  expect_rejected(d, ev_t(EventType::AmendedPlanIssued, "2026-05-20"), "type", "needs proposed amendments first");
  expect_ok(d, ev_t(EventType::AmendmentsProposed, "2026-05-02"));
}

TEST(ChronologyTest, PhaseTransferNoticesAndCertificates) {
  expect_rejected(to_drafting(), phase("2025-05-01", PhaseKind::School, "2026-09-01"), "type", "reg 18");
  expect_ok(to_plan(), phase("2025-09-01", PhaseKind::School, "2026-09-01"));
  expect_rejected(to_plan(), phase("2025-09-01", PhaseKind::School, "2025-08-01"), "transfer_date",
                  "must not be before");
  expect_rejected({request("2025-01-06")}, ev_t(EventType::DecisionNotice, "2025-01-10"), "type", "s51");
  expect_rejected({request("2025-01-06"), not_assess("2025-02-10")}, ev_t(EventType::MediationCertificate, "2025-03-01"),
                  "type", "follows an appealable decision notice");
  expect_ok({request("2025-01-06"), not_assess("2025-02-10"), ev_t(EventType::DecisionNotice, "2025-02-10")},
            ev_t(EventType::MediationCertificate, "2025-03-01"));
  expect_ok(to_plan(), ev_t(EventType::DecisionNotice, "2025-05-19"));
  Event bad_source = request("2025-01-06", 6);
  expect_rejected({}, bad_source, "source", "1 to 5");
}

TEST(ChronologyTest, AllowedNextFollowsTheStage) {
  using T = EventType;
  EXPECT_EQ(allowed_next({}), (Types{T::RequestReceived, T::BecameResponsible}));
  EXPECT_EQ(allowed_next({request("2025-01-06")}), (Types{T::DecisionToAssess, T::Exception, T::Withdrawn}));
  EXPECT_EQ(allowed_next({request("2025-01-06"), assess("2025-02-10")}),
            (Types{T::AdviceRequested, T::DecisionToIssue, T::Exception, T::Withdrawn}));
  EXPECT_EQ(allowed_next(to_drafting()),
            (Types{T::AdviceRequested, T::AdviceReceived, T::DraftPlanServed, T::Exception, T::Withdrawn}));
  EXPECT_EQ(allowed_next(to_plan()),
            (Types{T::ReviewMeeting, T::AmendmentsProposed, T::PhaseTransfer, T::DecisionNotice, T::CeaseProposed}));
  EXPECT_EQ(allowed_next({request("2025-01-06"), not_assess("2025-02-10")}),
            (Types{T::RequestReceived, T::BecameResponsible, T::DecisionNotice}));
  auto m = to_plan();
  m.push_back(ev_t(EventType::ReviewMeeting, "2026-04-20"));
  EXPECT_EQ(allowed_next(m), (Types{T::ReviewReport, T::ReviewDecision, T::AmendmentsProposed, T::PhaseTransfer,
                                    T::DecisionNotice}));
}

}  // namespace
}  // namespace gt
