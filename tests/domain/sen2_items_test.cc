// SEN2 items (domain/sen2_items.h): a table of chronologies and the module 3-5 items each sets as at
// a reference date.
#include <gtest/gtest.h>

#include "clock_test_util.h"
#include "domain/sen2_items.h"

namespace gt {
namespace {

using namespace testing_util;

using Items = std::map<std::string, std::string>;

Items items_of(const std::vector<Event>& events, const char* reference) {
  Items out;
  for (const auto& [tag, value] : sen2_items(events, D(reference)).items()) out[tag] = value;
  return out;
}

Event proposed(const char* d, const char* by) {
  Event e = ev_t(EventType::CeaseProposed, d);
  e.respond_by = D(by);
  return e;
}
Event decided_cease(const char* d, int reason) {
  Event e = decided(EventType::CeaseDecided, d, Outcome::Cease);
  e.cease_reason = reason;
  return e;
}

std::vector<Event> base() {
  return {request("2025-01-06"), assess("2025-02-10"), issue("2025-04-14"), draft("2025-05-02"),
          final_plan("2025-05-19")};
}
std::vector<Event> upto(size_t n) {
  auto v = base();
  v.resize(n);
  return v;
}
std::vector<Event> plus(std::vector<Event> v, std::initializer_list<Event> more) {
  v.insert(v.end(), more);
  return v;
}

struct Row {
  const char* name;
  std::vector<Event> events;
  const char* reference;
  Items expected;  // only the tags listed; every other tag must be empty
};

class Sen2ItemsTable : public ::testing::TestWithParam<Row> {};

TEST_P(Sen2ItemsTable, SetsExactlyTheseItems) {
  const Row& row = GetParam();
  auto got = items_of(accepted(row.events, "2028-12-31"), row.reference);
  ASSERT_EQ(got.size(), 12u);
  for (const auto& [tag, value] : got) {
    auto it = row.expected.find(tag);
    EXPECT_EQ(value, it == row.expected.end() ? "" : it->second) << row.name << ": " << tag;
  }
  for (const auto& [tag, value] : row.expected) EXPECT_TRUE(got.count(tag)) << "unknown tag " << tag;
}

const auto kReview = plus(base(), {ev_t(EventType::ReviewMeeting, "2026-04-20"),
                                   ev_t(EventType::ReviewReport, "2026-04-27"),
                                   review_decision("2026-05-10", Outcome::Amend),
                                   ev_t(EventType::AmendmentsProposed, "2026-05-12"),
                                   ev_t(EventType::AmendedPlanIssued, "2026-06-20")});

INSTANTIATE_TEST_SUITE_P(
    Lifecycle, Sen2ItemsTable,
    ::testing::Values(
        Row{"request only: no assessment", upto(1), "2026-01-15", {}},
        Row{"assessing", upto(2), "2026-01-15", {{"AssessmentOutcome", "A"}}},
        Row{"decided to issue, plan not yet issued", upto(4), "2025-05-10", {{"AssessmentOutcome", "Y"}}},
        Row{"final plan",
            base(),
            "2026-01-15",
            {{"AssessmentOutcome", "Y"}, {"AssessmentOutcomeDate", "2025-05-19"}, {"Week20", "0"},
             {"StartDate", "2025-05-19"}}},
        Row{"decided to issue before the period: historical",
            base(),
            "2027-01-15",
            {{"AssessmentOutcome", "H"}, {"AssessmentOutcomeDate", "2025-05-19"}, {"Week20", "0"},
             {"StartDate", "2025-05-19"}}},
        Row{"a 20-week exception",
            {request("2025-01-06"), assess("2025-02-10"),
             exception("2025-03-01", ExceptionReason::Personal, "2025-03-01", "2025-03-20"), issue("2025-05-14"),
             draft("2025-05-20"), final_plan("2025-06-30")},
            "2026-01-15",
            {{"AssessmentOutcome", "Y"}, {"AssessmentOutcomeDate", "2025-06-30"}, {"Week20", "1"},
             {"StartDate", "2025-06-30"}}},
        Row{"not issued",
            {request("2025-01-06"), assess("2025-02-10"), not_issue("2025-04-14")},
            "2026-01-15",
            {{"AssessmentOutcome", "N"}, {"AssessmentOutcomeDate", "2025-04-14"}}},
        Row{"withdrawn while assessing",
            {request("2025-01-06"), assess("2025-02-10"), ev_t(EventType::Withdrawn, "2025-03-01")},
            "2026-01-15",
            {{"AssessmentOutcome", "W"}}},
        Row{"review meeting awaiting its decision",
            plus(base(), {ev_t(EventType::ReviewMeeting, "2026-04-20")}),
            "2026-04-30",
            {{"AssessmentOutcome", "Y"}, {"AssessmentOutcomeDate", "2025-05-19"}, {"Week20", "0"},
             {"StartDate", "2025-05-19"}, {"ReviewMeeting", "2026-04-20"}}},
        Row{"review decision to amend and the amended plan",
            kReview,
            "2027-01-15",
            {{"AssessmentOutcome", "H"}, {"AssessmentOutcomeDate", "2025-05-19"}, {"Week20", "0"},
             {"StartDate", "2025-05-19"}, {"ReviewMeeting", "2026-04-20"}, {"ReviewOutcome", "A"},
             {"ReviewDraft", "2026-05-12"}, {"LastReview", "2026-05-10"}}},
        Row{"events after the reference date are not counted",
            kReview,
            "2026-05-11",
            {{"AssessmentOutcome", "Y"}, {"AssessmentOutcomeDate", "2025-05-19"}, {"Week20", "0"},
             {"StartDate", "2025-05-19"}, {"ReviewMeeting", "2026-04-20"}, {"ReviewOutcome", "A"},
             {"LastReview", "2026-05-10"}}},
        Row{"maintained: no review draft",
            plus(base(), {ev_t(EventType::ReviewMeeting, "2026-04-20"), review_decision("2026-05-10", Outcome::Maintain)}),
            "2027-01-15",
            {{"AssessmentOutcome", "H"}, {"AssessmentOutcomeDate", "2025-05-19"}, {"Week20", "0"},
             {"StartDate", "2025-05-19"}, {"ReviewMeeting", "2026-04-20"}, {"ReviewOutcome", "M"},
             {"LastReview", "2026-05-10"}}},
        Row{"phase transfer to secondary",
            plus(base(), {phase("2025-09-10", PhaseKind::School, "2026-09-03"),
                          ev_t(EventType::ReviewMeeting, "2025-10-07"),
                          review_decision("2025-10-28", Outcome::Amend),
                          ev_t(EventType::AmendmentsProposed, "2025-10-28"),
                          ev_t(EventType::AmendedPlanIssued, "2025-12-16")}),
            "2026-01-15",
            {{"AssessmentOutcome", "Y"}, {"AssessmentOutcomeDate", "2025-05-19"}, {"Week20", "0"},
             {"StartDate", "2025-05-19"}, {"ReviewMeeting", "2025-10-07"}, {"ReviewOutcome", "A"},
             {"ReviewDraft", "2025-10-28"}, {"LastReview", "2025-10-28"}, {"PhaseTransferDueDate", "2026-02-15"},
             {"PhaseTransferFinalDate", "2025-12-16"}}},
        Row{"phase transfer to post-16, amended plan awaited",
            plus(base(), {phase("2025-09-10", PhaseKind::Post16, "2026-09-03")}),
            "2026-01-15",
            {{"AssessmentOutcome", "Y"}, {"AssessmentOutcomeDate", "2025-05-19"}, {"Week20", "0"},
             {"StartDate", "2025-05-19"}, {"PhaseTransferDueDate", "2026-03-31"}}},
        Row{"being ceased: still active, no cease date yet",
            plus(base(), {proposed("2026-03-02", "2026-03-16"), decided_cease("2026-03-20", 3)}),
            "2026-04-01",
            {{"AssessmentOutcome", "Y"}, {"AssessmentOutcomeDate", "2025-05-19"}, {"Week20", "0"},
             {"StartDate", "2025-05-19"}}},
        Row{"ceased: the day it ended and the reason; no active-plan items",
            plus(kReview, {proposed("2026-09-01", "2026-09-15"), decided_cease("2026-09-20", 3),
                           ev_t(EventType::PlanCeased, "2026-11-21")}),
            "2027-01-14",
            {{"AssessmentOutcome", "H"}, {"AssessmentOutcomeDate", "2025-05-19"}, {"Week20", "0"},
             {"StartDate", "2025-05-19"}, {"CeaseDate", "2026-11-21"}, {"CeaseReason", "3"}}}),
    [](const ::testing::TestParamInfo<Row>& i) { return "row" + std::to_string(i.index); });

TEST(Sen2Items, TagsInTheOrderOfTheReturn) {
  std::vector<std::string> tags;
  for (const auto& [tag, value] : sen2_items({}, D("2026-01-15")).items()) tags.push_back(tag);
  EXPECT_EQ(tags, (std::vector<std::string>{"AssessmentOutcome", "AssessmentOutcomeDate", "Week20", "StartDate",
                                            "CeaseDate", "CeaseReason", "ReviewMeeting", "ReviewOutcome",
                                            "ReviewDraft", "PhaseTransferDueDate", "PhaseTransferFinalDate",
                                            "LastReview"}));
}

TEST(Sen2Items, ActivePlanFlag) {
  EXPECT_TRUE(sen2_items(base(), D("2026-01-15")).active_plan);
  EXPECT_FALSE(sen2_items(upto(4), D("2026-01-15")).active_plan);
  auto legacy = plus(base(), {ev_t(EventType::ReviewMeeting, "2026-04-20"), review_decision("2026-05-10", Outcome::Cease)});
  auto s = sen2_items(legacy, D("2026-06-01"));
  EXPECT_FALSE(s.active_plan);  // closed by a review decision to cease with nothing after it
  EXPECT_FALSE(s.cease_date);   // but no CeaseDate: the day it ended was never recorded
}

}  // namespace
}  // namespace gt
