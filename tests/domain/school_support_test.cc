// SEN support, the graduated approach and a school's requests: the rules a school's records must
// follow (domain/sen_support.h, domain/school_request.h, domain/free_text.h).
#include <gtest/gtest.h>

#include "domain/codes.h"
#include "domain/free_text.h"
#include "domain/school_request.h"
#include "domain/sen_support.h"

namespace gt {
namespace {

Date d(const char* s) { return *Date::parse(s); }
const Date kToday = d("2026-11-25");
const Date kBorn = d("2016-05-14");

std::vector<std::string> fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

SenSupport valid_support() {
  return SenSupport{"cognition_and_learning", " mld ", "slcn", d("2025-01-06"), "  Small-group literacy  "};
}

TEST(SenSupport, AValidRecordIsNormalised) {
  SenSupport s = valid_support();
  EXPECT_TRUE(validate_sen_support(s, kBorn, kToday).empty());
  EXPECT_EQ(s.primary_type, "MLD");
  EXPECT_EQ(s.secondary_type, "SLCN");
  EXPECT_EQ(s.provision, "Small-group literacy");
}

TEST(SenSupport, EachRuleNamesItsField) {
  struct Case {
    const char* name;
    void (*change)(SenSupport&);
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"no area", [](SenSupport& s) { s.area_of_need = ""; }, {"area_of_need"}},
      {"unknown area", [](SenSupport& s) { s.area_of_need = "behaviour"; }, {"area_of_need"}},
      {"primary in another area", [](SenSupport& s) { s.area_of_need = "sensory_and_physical"; }, {"primary_type"}},
      {"no primary", [](SenSupport& s) { s.primary_type = ""; }, {"primary_type"}},
      {"SEN2-only DS", [](SenSupport& s) { s.primary_type = "DS"; }, {"primary_type"}},
      {"secondary same as primary", [](SenSupport& s) { s.secondary_type = "MLD"; }, {"secondary_type"}},
      {"NSA with another type", [](SenSupport& s) { s.primary_type = "NSA"; }, {"secondary_type"}},
      {"unknown secondary", [](SenSupport& s) { s.secondary_type = "XYZ"; }, {"secondary_type"}},
      {"future start", [](SenSupport& s) { s.start_date = d("2026-11-26"); }, {"start_date"}},
      {"start before birth", [](SenSupport& s) { s.start_date = d("2016-05-13"); }, {"start_date"}},
      {"no provision", [](SenSupport& s) { s.provision = "   "; }, {"provision"}},
      {"control character", [](SenSupport& s) { s.provision = "a\x01b"; }, {"provision"}},
      {"bad UTF-8", [](SenSupport& s) { s.provision = "a\xC3"; }, {"provision"}},
  };
  for (const auto& c : cases) {
    SenSupport s = valid_support();
    c.change(s);
    EXPECT_EQ(fields(validate_sen_support(s, kBorn, kToday)), c.expected) << c.name;
  }
}

TEST(SenSupport, TypesInNoBroadAreaGoWithAnyArea) {
  for (const char* type : {"OTH", "NSA"})
    for (const auto& area : broad_areas()) {
      SenSupport s{std::string(area.code), type, "", d("2025-01-06"), "Provision"};
      EXPECT_TRUE(validate_sen_support(s, kBorn, kToday).empty()) << type << " " << area.code;
    }
  SenSupport on_the_day{"cognition_and_learning", "MLD", "", kToday, "Provision"};
  EXPECT_TRUE(validate_sen_support(on_the_day, kBorn, kToday).empty());
}

TEST(FreeText, KeepsLinesAndCountsCharactersNotBytes) {
  std::vector<FieldError> errors;
  std::string ok = "Line one\r\n\tLine two";
  check_free_text(ok, "f", "The text", true, errors);
  EXPECT_TRUE(errors.empty());
  std::string accented(10, 'x');
  for (int i = 0; i < 5; ++i) accented += "\xC3\xA9";  // é: 2 bytes, 1 character
  check_free_text(accented, "f", "The text", true, errors, 15);
  EXPECT_TRUE(errors.empty());
  accented += "x";
  check_free_text(accented, "f", "The text", true, errors, 15);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].reason, "The text is 16 characters long; the limit is 15");
  std::string empty;
  errors.clear();
  check_free_text(empty, "f", "The text", false, errors);
  EXPECT_TRUE(errors.empty());
}

TEST(GraduatedApproach, ACycleStartsWithItsPlanAndIsEvidenceOnceReviewedWithOutcomes) {
  SupportCycle c;
  c.started_on = d("2026-04-20");
  c.assess = "Reading age 6.2";
  c.plan = "Daily phonics";
  c.provision = "5 x 20 minutes";
  EXPECT_TRUE(validate_cycle_start(c, kBorn, kToday).empty());
  EXPECT_FALSE(is_evidence(c));
  SupportCycle empty;
  empty.started_on = d("2026-11-26");
  EXPECT_EQ(fields(validate_cycle_start(empty, kBorn, kToday)),
            (std::vector<std::string>{"started_on", "assess", "plan", "provision"}));

  EXPECT_EQ(fields(validate_cycle_review(c, kToday)), (std::vector<std::string>{"reviewed_on", "outcomes", "review"}));
  c.reviewed_on = d("2026-04-19");
  c.outcomes = "Reading age 6.5";
  c.review = "Continue";
  EXPECT_EQ(fields(validate_cycle_review(c, kToday)), (std::vector<std::string>{"reviewed_on"}));
  c.reviewed_on = d("2026-11-26");
  EXPECT_EQ(fields(validate_cycle_review(c, kToday)), (std::vector<std::string>{"reviewed_on"}));
  c.reviewed_on = d("2026-04-20");  // the same day is fine
  EXPECT_TRUE(validate_cycle_review(c, kToday).empty());
  EXPECT_TRUE(is_evidence(c));
  c.outcomes = " ";
  EXPECT_FALSE(is_evidence(c));
}

TEST(SchoolRequest, TheSourceIsTheSen2CodeForASchool) {
  EXPECT_EQ(request_sources().label(std::to_string(kSchoolRequestSource)), "A school or other education setting");
}

TEST(SchoolRequest, TheFamilyMustKnowAndAgreementIsAnswered) {
  AssessmentRequest r{" Reasons ", "Views", true, false, true};
  EXPECT_TRUE(validate_assessment_request(r).empty()) << "a family that does not agree is recorded, not refused";
  EXPECT_EQ(r.reasons, "Reasons");
  AssessmentRequest none;
  EXPECT_EQ(fields(validate_assessment_request(none)),
            (std::vector<std::string>{"reasons", "family_views", "family_informed", "family_agrees",
                                      "evidence_confirmed"}));
  AssessmentRequest unaware{"Reasons", "Views", false, true, true};
  EXPECT_EQ(fields(validate_assessment_request(unaware)), (std::vector<std::string>{"family_informed"}));
}

TEST(SchoolRequest, AContributionNeedsTheProgress) {
  ReviewContribution c{"", "changes", "views"};
  EXPECT_EQ(fields(validate_review_contribution(c)), (std::vector<std::string>{"progress"}));
  ReviewContribution ok{"Progress", "", ""};
  EXPECT_TRUE(validate_review_contribution(ok).empty());
}

ClockResult review_due(const char* rule, const char* due, bool met = false) {
  ClockResult r;
  Deadline dl;
  dl.rule = rule;
  dl.due = d(due);
  if (met) dl.met_on = d(due);
  r.deadlines.push_back(dl);
  return r;
}

TEST(SchoolRequest, ContributionsOpenAtTheReviewOrTwelveWeeksBeforeItIsDue) {
  // 25 November 2026 + 12 weeks = 17 February 2027.
  EXPECT_TRUE(review_contribution_open(Stage::Plan, review_due("R1", "2027-02-17"), kToday));
  EXPECT_FALSE(review_contribution_open(Stage::Plan, review_due("R1", "2027-02-18"), kToday));
  EXPECT_TRUE(review_contribution_open(Stage::Plan, review_due("R2", "2026-10-01"), kToday)) << "overdue";
  EXPECT_FALSE(review_contribution_open(Stage::Plan, review_due("R2", "2026-12-01", true), kToday)) << "done";
  EXPECT_TRUE(review_contribution_open(Stage::Amendment, review_due("R2", "2027-01-01"), kToday));
  EXPECT_FALSE(review_contribution_open(Stage::Plan, review_due("A6", "2026-12-01"), kToday));
  EXPECT_TRUE(review_contribution_open(Stage::Review, ClockResult{}, kToday));
  for (Stage s : {Stage::None, Stage::Request, Stage::Assessment, Stage::Drafting, Stage::Closed})
    EXPECT_FALSE(review_contribution_open(s, review_due("R1", "2026-12-01"), kToday));
}

}  // namespace
}  // namespace gt
