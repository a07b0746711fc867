// Demo plan text: for every SEN type and every phase, a plan that validates; a good plan has no
// thread findings and a weak one has some; the ids of the elements a draft, final, proposed and
// amended version share are the same and the counter only grows; a draft names no school; outcome
// time frames are the end of a key stage after the version's date; the same input gives the same plan.
#include "domain/demo_plan_text.h"

#include <gtest/gtest.h>

#include <set>

#include "domain/codes.h"
#include "domain/plan_checks.h"
#include "domain/plan_json.h"

namespace gt {
namespace {

Date d(const char* s) { return *Date::parse(s); }

DemoPlanInput input(const std::string& type, Date dob, std::uint64_t seed, bool weak) {
  DemoPlanInput in;
  in.seed = seed;
  in.given_name = "Ayesha";
  in.date_of_birth = dob;
  in.primary = type;
  in.secondary = type == "SLCN" ? "SEMH" : "";
  in.primary_now = type;
  in.setting = {"Moorside Primary School", "199001", "mainstream_la", 42};
  in.advice = {{AdviceFrom::EducationalPsychology, d("2025-01-10")},
               {AdviceFrom::Health, d("2025-01-20")},
               {AdviceFrom::Education, d("2025-01-22")}};
  in.ep = {7, "Northmoor Educational Psychology Service"};
  in.health = {8, "Northmoor Community Paediatrics"};
  in.care = {9, "Northmoor Children's Social Care"};
  in.council = {1, "Northmoor Specialist Teaching and Sensory Support Service"};
  in.plan_start = d("2025-04-01");
  in.weak = weak;
  return in;
}

std::set<std::string> codes(const Plan& p) {
  std::set<std::string> out;
  for (const auto& f : check_thread(p)) out.insert(f.code);
  return out;
}

const std::vector<std::pair<const char*, const char*>> kAges = {
    {"2022-10-01", "nursery"}, {"2018-05-01", "primary"}, {"2012-01-15", "secondary"}, {"2007-09-20", "post-16"}};

TEST(DemoPlanText, EveryTypeAndPhaseValidatesAndAGoodPlanHasNoFindings) {
  for (const auto& type : plan_sen_types()) {
    for (const auto& [dob, phase] : kAges) {
      for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        for (auto kind : {DemoPlanKind::Draft, DemoPlanKind::Final, DemoPlanKind::ProposedAmendments,
                          DemoPlanKind::Amended}) {
          auto in = input(std::string(type.code), d(dob), seed, false);
          in.review_date = d("2025-03-20");
          Plan p = demo_plan(in, kind, d("2025-03-25"));
          auto errors = validate_plan(p);
          ASSERT_TRUE(errors.empty()) << type.code << " " << phase << " seed " << seed << ": " << errors.front().field
                                      << " " << errors.front().reason;
          auto findings = check_thread(p);
          EXPECT_TRUE(findings.empty()) << type.code << " " << phase << " seed " << seed << ": "
                                        << findings.front().message;
          EXPECT_GE(p.needs.size(), 2u);
          EXPECT_FALSE(p.views.empty());
          EXPECT_FALSE(p.advice.empty());
          for (const auto& n : p.needs)
            if (n.section == PlanSection::B) EXPECT_FALSE(n.broad_area.empty());
        }
      }
    }
  }
}

TEST(DemoPlanText, TheNeedsFollowTheRecordedTypes) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    Plan p = demo_plan(input("SLCN", d("2018-05-01"), seed, false), DemoPlanKind::Final, d("2025-03-25"));
    std::set<std::string> types;
    for (const auto& n : p.needs)
      if (n.section == PlanSection::B) types.insert(n.sen_type);
    EXPECT_EQ(types, (std::set<std::string>{"SLCN", "SEMH"})) << seed;
    for (const auto& n : p.needs)
      if (n.sen_type == "SLCN") EXPECT_EQ(n.broad_area, "communication_and_interaction");
  }
}

TEST(DemoPlanText, AWeakPlanHasFindingsOfSeveralKinds) {
  std::set<std::string> seen;
  for (const auto& type : plan_sen_types())
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
      Plan p = demo_plan(input(std::string(type.code), d("2014-02-01"), seed, true), DemoPlanKind::Final,
                         d("2025-03-25"));
      ASSERT_TRUE(validate_plan(p).empty()) << type.code << " " << seed;
      auto c = codes(p);
      EXPECT_FALSE(c.empty()) << type.code << " " << seed;
      seen.insert(c.begin(), c.end());
    }
  for (const char* code : {"provision_not_specific", "outcome_without_time_frame", "need_without_provision",
                           "provision_without_outcome", "outcome_without_provision"})
    EXPECT_TRUE(seen.count(code)) << code;
}

TEST(DemoPlanText, VersionsShareIdsAndTheCounterOnlyGrows) {
  auto in = input("ASD", d("2013-03-03"), 5, false);
  in.review_date = d("2026-02-01");
  Plan draft = demo_plan(in, DemoPlanKind::Draft, d("2025-03-01"));
  Plan final_plan = demo_plan(in, DemoPlanKind::Final, d("2025-03-20"));
  Plan proposed = demo_plan(in, DemoPlanKind::ProposedAmendments, d("2026-02-01"));
  Plan amended = demo_plan(in, DemoPlanKind::Amended, d("2026-03-01"));
  EXPECT_LT(draft.last_number, final_plan.last_number);
  EXPECT_LT(final_plan.last_number, proposed.last_number);
  EXPECT_LE(proposed.last_number, amended.last_number);
  auto ids = [](const Plan& p) {
    std::set<std::string> out;
    for (const auto& l : plan_lines(p)) out.insert(l.id);
    return out;
  };
  auto a = ids(draft), b = ids(final_plan), c = ids(proposed);
  for (const auto& id : a) EXPECT_TRUE(b.count(id)) << id << " kept in the final plan";
  for (const auto& id : b) EXPECT_TRUE(c.count(id)) << id << " kept in the proposed amendments";
  EXPECT_GT(b.size(), a.size());
  EXPECT_GT(c.size(), b.size());
  // The same need is the same element in every version.
  ASSERT_FALSE(draft.needs.empty());
  EXPECT_EQ(find_need(amended, draft.needs.front().id)->text, draft.needs.front().text);
}

TEST(DemoPlanText, ADraftNamesNoSchoolAndTheFinalPlanDoes) {
  auto in = input("MLD", d("2016-06-06"), 3, false);
  Plan draft = demo_plan(in, DemoPlanKind::Draft, d("2025-03-01"));
  Plan final_plan = demo_plan(in, DemoPlanKind::Final, d("2025-03-20"));
  EXPECT_TRUE(draft.placement.name.empty());
  EXPECT_TRUE(draft.placement.urn.empty());
  EXPECT_FALSE(draft.placement.notes.empty());
  for (const auto& f : draft.provision) EXPECT_EQ(f.provider.find("Moorside"), std::string::npos) << f.id;
  EXPECT_EQ(final_plan.placement.name, "Moorside Primary School");
  EXPECT_EQ(final_plan.placement.urn, "199001");
  bool school_delivers = false;
  for (const auto& f : final_plan.provision)
    if (f.provider_organisation_id == 42) school_delivers = true;
  EXPECT_TRUE(school_delivers);
}

TEST(DemoPlanText, OutcomesRunToTheEndOfAKeyStageAfterTheVersionsDate) {
  // Born 2016-06-06: Reception 2020-21, Year 6 ends July 2027, Year 9 July 2030.
  auto in = input("SPLD", d("2016-06-06"), 9, false);
  Plan p = demo_plan(in, DemoPlanKind::Final, d("2025-03-20"));  // Year 4
  for (const auto& o : p.outcomes) {
    ASSERT_TRUE(o.by);
    EXPECT_EQ(*o.by, d("2027-07-31")) << o.id;
    EXPECT_EQ(o.text.rfind("By the end of Key Stage 2, ", 0), 0u) << o.text;
  }
  // In Year 6 with less than nine months left, the next stage: the end of Key Stage 3.
  p = demo_plan(in, DemoPlanKind::Final, d("2027-01-10"));
  for (const auto& o : p.outcomes) EXPECT_EQ(*o.by, d("2030-07-31")) << o.id;
  EXPECT_EQ(curriculum_year(d("2016-06-06"), d("2025-03-20")), 4);
  EXPECT_EQ(curriculum_year(d("2016-09-01"), d("2021-09-01")), 0);
}

TEST(DemoPlanText, TheSameInputGivesTheSamePlan) {
  auto in = input("SEMH", d("2011-11-11"), 77, true);
  EXPECT_EQ(plan_to_json(demo_plan(in, DemoPlanKind::Final, d("2025-03-20"))),
            plan_to_json(demo_plan(in, DemoPlanKind::Final, d("2025-03-20"))));
  auto other = in;
  other.seed = 78;
  EXPECT_NE(plan_to_json(demo_plan(in, DemoPlanKind::Final, d("2025-03-20"))),
            plan_to_json(demo_plan(other, DemoPlanKind::Final, d("2025-03-20"))));
}

}  // namespace
}  // namespace gt
