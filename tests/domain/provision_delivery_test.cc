// Provision delivery: the sessions and minutes a provision line requires over a period (school
// days, England's bank holidays, closures, the line's own dates), the threshold, the shortfall and
// its plain English. Tables checked by hand against a 2026 calendar.
#include "domain/provision_delivery.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gt {
namespace {

Date D(const char* s) { return *Date::parse(s); }

PlanProvision line(int sessions, FrequencyPer per, int minutes = 30) {
  PlanProvision p;
  p.id = "F-1";
  p.what = "Speech and language therapy";
  p.delivered_by = "speech and language therapist";
  p.sessions = sessions;
  p.per = per;
  p.minutes = minutes;
  return p;
}

TEST(ProvisionDelivery, SchoolDaysAreWeekdaysButBankHolidays) {
  struct Row { const char* from; const char* to; int days; };
  const std::vector<Row> rows = {
      {"2026-11-16", "2026-11-20", 5},   // Monday to Friday
      {"2026-11-16", "2026-11-22", 5},   // and the weekend
      {"2026-11-21", "2026-11-22", 0},   // a weekend alone
      {"2026-03-30", "2026-04-10", 8},   // Good Friday 3 April and Easter Monday 6 April
      {"2026-12-21", "2027-01-01", 7},   // Christmas Friday, Boxing Day moved to Monday 28th, New Year's Day
      {"2026-11-20", "2026-11-16", 0},   // backwards
      {"2026-11-18", "2026-11-18", 1},   // one day
  };
  for (const auto& r : rows) EXPECT_EQ(school_days(D(r.from), D(r.to)), r.days) << r.from << " to " << r.to;
}

TEST(ProvisionDelivery, RequiredSessionsForEachFrequency) {
  struct Row { int sessions; FrequencyPer per; const char* from; const char* to; int closed; int required; };
  // 2 to 27 November 2026: four school weeks, 20 school days.
  const std::vector<Row> rows = {
      {1, FrequencyPer::Day, "2026-11-02", "2026-11-27", 0, 20},
      {2, FrequencyPer::Week, "2026-11-02", "2026-11-27", 0, 8},
      {3, FrequencyPer::Fortnight, "2026-11-02", "2026-11-27", 0, 6},
      {2, FrequencyPer::HalfTerm, "2026-11-02", "2026-12-18", 0, 2},   // 35 days / 32.5 x 2 = 2.15
      {6, FrequencyPer::HalfTerm, "2026-11-02", "2026-12-18", 0, 6},   // 6.46
      {13, FrequencyPer::Term, "2026-11-02", "2026-11-27", 0, 4},      // 13 x 20 / 65
      {39, FrequencyPer::Year, "2026-11-02", "2026-11-27", 0, 4},      // 39 x 20 / 195
      {2, FrequencyPer::Week, "2026-03-30", "2026-04-10", 0, 3},       // Easter: 8 days, 3.2
      {2, FrequencyPer::Week, "2026-11-02", "2026-11-27", 5, 6},       // a week closed: 16 days, 6.4
      {2, FrequencyPer::Week, "2026-11-02", "2026-11-27", 99, 0},      // closed throughout
      {1, FrequencyPer::Week, "2026-11-16", "2026-11-18", 0, 1},       // 0.6 rounds to 1
      {1, FrequencyPer::Week, "2026-11-16", "2026-11-17", 0, 0},       // 0.4 rounds to 0
      {1, FrequencyPer::Fortnight, "2026-11-16", "2026-11-20", 0, 1},  // exactly a half rounds up
      {1, FrequencyPer::Year, "2026-11-16", "2026-11-20", 0, 0},
  };
  for (const auto& r : rows) {
    auto req = required_in(line(r.sessions, r.per), D(r.from), D(r.to), r.closed);
    EXPECT_TRUE(req.measurable);
    EXPECT_EQ(req.sessions, r.required) << r.sessions << " a " << frequency_per_name(r.per) << " " << r.from << " to "
                                        << r.to << " closed " << r.closed;
    EXPECT_EQ(req.minutes, r.required * 30);
  }
}

TEST(ProvisionDelivery, TheLineOwnDatesCutThePeriod) {
  auto l = line(1, FrequencyPer::Day);
  l.from = D("2026-11-16");
  l.until = D("2026-11-24");
  auto r = required_in(l, D("2026-11-02"), D("2026-11-27"));
  EXPECT_TRUE(r.in_window);
  EXPECT_EQ(r.from, D("2026-11-16"));
  EXPECT_EQ(r.to, D("2026-11-24"));
  EXPECT_EQ(r.school_days, 7);
  EXPECT_EQ(r.sessions, 7);

  auto before = required_in(l, D("2026-10-01"), D("2026-11-13"));
  EXPECT_FALSE(before.in_window);
  EXPECT_EQ(before.sessions, 0);
  auto j = judge_delivery(l, D("2026-10-01"), D("2026-11-13"), 0, 0, 0);
  EXPECT_FALSE(j.shortfall);
  EXPECT_EQ(delivery_summary(j), "0 sessions - the plan did not ask for this help in these dates");
}

TEST(ProvisionDelivery, ALineWithoutFrequencyIsNotMeasurableAndNeverShort) {
  for (auto l : {line(0, FrequencyPer::Week), line(3, FrequencyPer::None), line(0, FrequencyPer::None)}) {
    auto j = judge_delivery(l, D("2026-11-02"), D("2026-11-27"), 0, 0, 0);
    EXPECT_FALSE(j.required.measurable);
    EXPECT_EQ(j.required.sessions, 0);
    EXPECT_EQ(j.required.minutes, 0);
    EXPECT_FALSE(j.shortfall);
    EXPECT_EQ(delivery_summary(j), "0 sessions - the plan does not say how often, so this cannot be checked");
  }
}

TEST(ProvisionDelivery, TheThresholdBoundary) {
  // 2 a week over five weeks (25 school days): 10 sessions, 300 minutes.
  auto l = line(2, FrequencyPer::Week, 30);
  Date from = D("2026-11-02"), to = D("2026-12-04");
  struct Row { int sessions; int minutes; double threshold; bool short_; };
  const std::vector<Row> rows = {
      {10, 300, 0.8, false}, {8, 240, 0.8, false},  // exactly 80% is met
      {7, 210, 0.8, true},   {8, 239, 0.8, true},   // the minutes count too
      {10, 200, 0.8, true},                        // every session, but short ones
      {8, 240, 0.9, true},   {9, 270, 0.9, false}, {9, 270, 1.0, true}, {10, 300, 1.0, false},
      {0, 0, 0.8, true},     {12, 360, 0.8, false},
  };
  for (const auto& r : rows) {
    auto j = judge_delivery(l, from, to, 0, r.sessions, r.minutes, r.threshold);
    EXPECT_EQ(j.required.sessions, 10);
    EXPECT_EQ(j.required.minutes, 300);
    EXPECT_EQ(j.shortfall, r.short_) << r.sessions << " sessions, " << r.minutes << " minutes at " << r.threshold;
  }
  auto over = judge_delivery(l, from, to, 0, 12, 360);
  EXPECT_EQ(over.sessions_short, 0);
  EXPECT_EQ(over.minutes_short, 0);
  EXPECT_EQ(over.share_percent, 120);
}

TEST(ProvisionDelivery, NoMinutesInThePlanJudgesSessionsOnly) {
  auto l = line(2, FrequencyPer::Week, 0);
  auto j = judge_delivery(l, D("2026-11-02"), D("2026-12-04"), 0, 8, 0);
  EXPECT_EQ(j.required.minutes, 0);
  EXPECT_FALSE(j.shortfall);
}

TEST(ProvisionDelivery, PlainEnglishForFamilies) {
  // 3 a week, 30 minutes each, over four weeks: 12 sessions.
  auto l = line(3, FrequencyPer::Week, 30);
  Date from = D("2026-11-02"), to = D("2026-11-27");
  EXPECT_EQ(delivery_summary(judge_delivery(l, from, to, 0, 8, 240)), "8 of 12 sessions - 4 sessions (2 hours) short");
  EXPECT_EQ(delivery_summary(judge_delivery(l, from, to, 0, 11, 330)), "11 of 12 sessions - 1 session (30 minutes) short");
  EXPECT_EQ(delivery_summary(judge_delivery(l, from, to, 0, 12, 360)), "12 of 12 sessions - as the plan says");
  EXPECT_EQ(delivery_summary(judge_delivery(l, from, to, 0, 12, 300)),
            "12 of 12 sessions, but 1 hour short of the time the plan says");
  EXPECT_EQ(duration_text(90), "1 hour 30 minutes");
  EXPECT_EQ(duration_text(61), "1 hour 1 minute");
  EXPECT_EQ(duration_text(45), "45 minutes");
  EXPECT_EQ(duration_text(0), "0 minutes");
  EXPECT_EQ(sessions_text(1), "1 session");
}

TEST(ProvisionDelivery, ValidationNamesEachField) {
  DeliveryInput in;
  auto errors = validate_delivery_input(in, D("2026-11-25"));
  std::vector<std::string> fields;
  for (const auto& e : errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"element", "from", "to", "sessions_delivered", "delivered_by_role"}));

  DeliveryInput ok;
  ok.element_id = "F-1";
  ok.from = D("2026-11-02");
  ok.to = D("2026-11-20");
  ok.sessions_delivered = 5;
  ok.delivered_by_role = "  teaching assistant  ";
  EXPECT_TRUE(validate_delivery_input(ok, D("2026-11-25")).empty());
  EXPECT_EQ(ok.delivered_by_role, "teaching assistant");

  auto bad = ok;
  bad.to = D("2026-11-26");
  ASSERT_EQ(validate_delivery_input(bad, D("2026-11-25")).size(), 1u);
  EXPECT_EQ(validate_delivery_input(bad, D("2026-11-25")).front().field, "to");
  bad = ok;
  bad.to = D("2026-11-01");
  EXPECT_EQ(validate_delivery_input(bad, D("2026-11-25")).front().field, "to");
  bad = ok;
  bad.from = D("2025-10-01");
  EXPECT_EQ(validate_delivery_input(bad, D("2026-11-25")).front().field, "to");
  bad = ok;
  bad.missed_reason = "lazy";
  EXPECT_EQ(validate_delivery_input(bad, D("2026-11-25")).front().field, "missed_reason");
  bad = ok;
  bad.missed_reason = "provider_absent";
  EXPECT_TRUE(validate_delivery_input(bad, D("2026-11-25")).empty());
  bad = ok;
  bad.minutes_delivered = -5;
  EXPECT_EQ(validate_delivery_input(bad, D("2026-11-25")).front().field, "minutes_delivered");
  bad = ok;
  bad.notes = std::string("bad\x01");
  EXPECT_EQ(validate_delivery_input(bad, D("2026-11-25")).front().field, "notes");
}

}  // namespace
}  // namespace gt
