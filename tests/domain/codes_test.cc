// Code lists: exact DfE code sets (SEND reference s2.5, s3, s4.6), labels, groups and lookups.
#include "domain/codes.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace gt {
namespace {

std::vector<std::string> codes_of(const CodeList& list) {
  std::vector<std::string> out;
  for (const Code& c : list) out.emplace_back(c.code);
  return out;
}
using V = std::vector<std::string>;

TEST(Codes, ExactCodeSets) {
  EXPECT_EQ(codes_of(sen_types()),
            (V{"SLCN", "ASD", "SPLD", "MLD", "SLD", "PMLD", "SEMH", "HI", "VI", "MSI", "PD", "DS", "OTH", "NSA"}));
  EXPECT_EQ(codes_of(plan_sen_types()),
            (V{"SLCN", "ASD", "SPLD", "MLD", "SLD", "PMLD", "SEMH", "HI", "VI", "MSI", "PD", "DS", "OTH"}));
  EXPECT_EQ(codes_of(support_sen_types()),
            (V{"SLCN", "ASD", "SPLD", "MLD", "SLD", "PMLD", "SEMH", "HI", "VI", "MSI", "PD", "OTH", "NSA"}));
  EXPECT_EQ(codes_of(broad_areas()), (V{"communication_and_interaction", "cognition_and_learning",
                                        "social_emotional_and_mental_health", "sensory_and_physical"}));
  EXPECT_EQ(codes_of(request_sources()), (V{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(codes_of(request_outcomes()), (V{"Y", "N", "A", "W", "H"}));
  EXPECT_EQ(codes_of(assessment_outcomes()), (V{"Y", "N", "A", "W", "H"}));
  EXPECT_EQ(codes_of(review_outcomes()), (V{"M", "A", "C"}));
  EXPECT_EQ(codes_of(cease_reasons()), (V{"1", "2", "3", "4", "5", "6", "7", "8", "9"}));
  EXPECT_EQ(codes_of(sen_settings()), (V{"OLA", "OPA", "EHE", "EYP", "OTH", "NEET", "NIEC", "NIEO"}));
  EXPECT_EQ(codes_of(upn_unknown_reasons()), (V{"UN1", "UN2", "UN3", "UN5", "UN8", "UN9", "UN10"}));
  EXPECT_EQ(codes_of(sexes()), (V{"M", "F", "U"}));
  EXPECT_EQ(codes_of(ethnicity_main_groups()),
            (V{"WBRI", "WIRI", "WIRT", "WROM", "WOTH", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
               "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"}));
  EXPECT_EQ(codes_of(setting_groups()),
            (V{"mainstream", "special", "post16", "alternative_provision", "early_years", "elsewhere"}));
}

TEST(Codes, ListNamesFollowSen2Items) {
  EXPECT_EQ(sen_types().name(), "SENtype");
  EXPECT_EQ(request_sources().name(), "RequestSource");
  EXPECT_EQ(request_outcomes().name(), "RequestOutcome");
  EXPECT_EQ(assessment_outcomes().name(), "AssessmentOutcome");
  EXPECT_EQ(cease_reasons().name(), "CeaseReason");
  EXPECT_EQ(sen_settings().name(), "SENsetting");
  EXPECT_EQ(upn_unknown_reasons().name(), "UPNunknown");
  EXPECT_EQ(ethnicities().name(), "Ethnicity");
}

struct AreaCase {
  const char* sen_type;
  const char* area;
};
std::ostream& operator<<(std::ostream& os, const AreaCase& c) { return os << c.sen_type; }
class SenTypeAreaTest : public ::testing::TestWithParam<AreaCase> {};
TEST_P(SenTypeAreaTest, BroadArea) {
  EXPECT_EQ(broad_area_of(GetParam().sen_type), GetParam().area);
  EXPECT_EQ(sen_types().group(GetParam().sen_type), GetParam().area);
}
INSTANTIATE_TEST_SUITE_P(Codes, SenTypeAreaTest,
                         ::testing::Values(AreaCase{"SLCN", "communication_and_interaction"},
                                           AreaCase{"ASD", "communication_and_interaction"},
                                           AreaCase{"SPLD", "cognition_and_learning"},
                                           AreaCase{"MLD", "cognition_and_learning"},
                                           AreaCase{"SLD", "cognition_and_learning"},
                                           AreaCase{"PMLD", "cognition_and_learning"},
                                           AreaCase{"SEMH", "social_emotional_and_mental_health"},
                                           AreaCase{"HI", "sensory_and_physical"},
                                           AreaCase{"VI", "sensory_and_physical"},
                                           AreaCase{"MSI", "sensory_and_physical"},
                                           AreaCase{"PD", "sensory_and_physical"},
                                           AreaCase{"OTH", ""}, AreaCase{"NSA", ""}, AreaCase{"DS", ""},
                                           AreaCase{"BESD", ""}, AreaCase{"asd", ""}));

TEST(Codes, FindIsExactAndGivesLabels) {
  ASSERT_NE(sen_types().find("DS"), nullptr);
  EXPECT_EQ(sen_types().find("DS")->label, "Down syndrome");
  EXPECT_EQ(sen_types().find("asd"), nullptr);
  EXPECT_EQ(sen_types().find(""), nullptr);
  EXPECT_EQ(sen_types().label("ASD"), "Autistic spectrum disorder");
  EXPECT_EQ(sen_types().label("XYZ"), "");
  EXPECT_FALSE(plan_sen_types().contains("NSA"));
  EXPECT_TRUE(plan_sen_types().contains("DS"));
  EXPECT_TRUE(support_sen_types().contains("NSA"));
  EXPECT_FALSE(support_sen_types().contains("DS"));
  EXPECT_EQ(broad_areas().label("sensory_and_physical"), "Sensory and/or physical");
  EXPECT_EQ(request_sources().label("1"), "The young person or a parent");
  EXPECT_EQ(request_outcomes().label("N"), "Council decided not to assess");
  EXPECT_EQ(assessment_outcomes().label("Y"), "Council decided to issue an EHC plan");
  EXPECT_EQ(cease_reasons().label("8"), "Deceased");
  EXPECT_EQ(sen_settings().label("EHE"), "Elective home education");
  EXPECT_EQ(sexes().label("U"), "Not known");
  EXPECT_FALSE(upn_unknown_reasons().contains("UN4"));
  EXPECT_FALSE(upn_unknown_reasons().contains("UN6"));
  EXPECT_FALSE(upn_unknown_reasons().contains("UN7"));
  EXPECT_FALSE(sexes().contains("X"));
  EXPECT_FALSE(request_sources().contains("0"));
  EXPECT_FALSE(request_sources().contains("6"));
  EXPECT_FALSE(cease_reasons().contains("10"));
}

TEST(Codes, EveryListHasUniqueCodesAndLabels) {
  const CodeList* lists[] = {&sen_types(),       &plan_sen_types(),      &support_sen_types(),
                             &broad_areas(),     &request_sources(),     &request_outcomes(),
                             &assessment_outcomes(), &review_outcomes(), &cease_reasons(),
                             &sen_settings(),    &setting_groups(),      &setting_types(),
                             &upn_unknown_reasons(), &sexes(),           &ethnicity_main_groups(),
                             &ethnicities()};
  for (const CodeList* list : lists) {
    std::set<std::string_view> seen;
    EXPECT_GT(list->size(), 0u) << list->name();
    for (const Code& c : *list) {
      EXPECT_TRUE(seen.insert(c.code).second) << list->name() << " repeats " << c.code;
      EXPECT_FALSE(c.label.empty()) << list->name() << " " << c.code;
      EXPECT_EQ(list->find(c.code), &c);
    }
  }
}

TEST(Codes, SenTypeGroupsAreBroadAreas) {
  for (const Code& c : sen_types())
    if (!c.group.empty()) {
      EXPECT_TRUE(broad_areas().contains(c.group)) << c.code;
    }
}

struct EthnicityCase {
  const char* code;
  const char* main;
};
std::ostream& operator<<(std::ostream& os, const EthnicityCase& c) { return os << c.code; }
class EthnicityRollUpTest : public ::testing::TestWithParam<EthnicityCase> {};
TEST_P(EthnicityRollUpTest, MainGroup) {
  EXPECT_EQ(ethnicity_main_group(GetParam().code), GetParam().main);
  EXPECT_EQ(ethnicities().contains(GetParam().code), *GetParam().main != '\0');
}
// The roll-ups s4.6 names, main codes mapping to themselves, and codes that are not in the list.
INSTANTIATE_TEST_SUITE_P(
    Codes, EthnicityRollUpTest,
    ::testing::Values(EthnicityCase{"WBRI", "WBRI"}, EthnicityCase{"NOBT", "NOBT"}, EthnicityCase{"REFU", "REFU"},
                      EthnicityCase{"WENG", "WBRI"}, EthnicityCase{"WSCO", "WBRI"}, EthnicityCase{"WWEL", "WBRI"},
                      EthnicityCase{"WNIR", "WBRI"}, EthnicityCase{"WCOR", "WBRI"}, EthnicityCase{"WOWB", "WBRI"},
                      EthnicityCase{"WALB", "WOTH"}, EthnicityCase{"WPOR", "WOTH"}, EthnicityCase{"WTUR", "WOTH"},
                      EthnicityCase{"WEEU", "WOTH"}, EthnicityCase{"WROG", "WROM"}, EthnicityCase{"WROR", "WROM"},
                      EthnicityCase{"WROO", "WROM"}, EthnicityCase{"AMPK", "APKN"}, EthnicityCase{"AKPA", "APKN"},
                      EthnicityCase{"AOPK", "APKN"}, EthnicityCase{"BGHA", "BAFR"}, EthnicityCase{"BNGN", "BAFR"},
                      EthnicityCase{"BSOM", "BAFR"}, EthnicityCase{"OAFG", "OOTH"}, EthnicityCase{"OARA", "OOTH"},
                      EthnicityCase{"OIRQ", "OOTH"}, EthnicityCase{"wbri", ""}, EthnicityCase{"ZZZZ", ""},
                      EthnicityCase{"", ""}));

TEST(Codes, EveryEthnicityRollsUpToAMainCode) {
  for (const Code& c : ethnicities()) {
    EXPECT_EQ(c.code.size(), 4u) << c.code;
    EXPECT_TRUE(ethnicity_main_groups().contains(c.group)) << c.code << " -> " << c.group;
    // Extended codes share the main group's first letter (W, M, A, B, C, O); REFU and NOBT stand alone.
    if (c.code != "REFU" && c.code != "NOBT") {
      EXPECT_EQ(c.code[0], c.group[0]) << c.code;
    }
  }
  for (const Code& m : ethnicity_main_groups()) EXPECT_EQ(m.group, m.code);
  EXPECT_GT(ethnicities().size(), ethnicity_main_groups().size());
}

TEST(Codes, SettingTypesBelongToGroupsAndMapToSen2) {
  std::set<std::string_view> groups_used;
  for (const Code& t : setting_types()) {
    EXPECT_TRUE(setting_groups().contains(t.group)) << t.code;
    groups_used.insert(t.group);
    std::string_view s = sen_setting_for(t.code);
    if (!s.empty()) {
      EXPECT_TRUE(sen_settings().contains(s)) << t.code;
    }
  }
  EXPECT_EQ(groups_used.size(), setting_groups().size());  // every band has at least one type
  EXPECT_EQ(sen_setting_for("ehe"), "EHE");
  EXPECT_EQ(sen_setting_for("eotas"), "OLA");
  EXPECT_EQ(sen_setting_for("parent_arrangements"), "OPA");
  EXPECT_EQ(sen_setting_for("early_years"), "EYP");
  EXPECT_EQ(sen_setting_for("neet"), "NEET");
  EXPECT_EQ(sen_setting_for("not_in_education_cease"), "NIEC");
  EXPECT_EQ(sen_setting_for("not_in_education_other"), "NIEO");
  EXPECT_EQ(sen_setting_for("mainstream_la"), "");  // has a URN
  EXPECT_EQ(sen_setting_for("fe_college"), "");     // has a URN or UKPRN
  EXPECT_EQ(setting_types().group("special_independent"), "special");
  EXPECT_EQ(setting_types().group("ap_pru"), "alternative_provision");
}

}  // namespace
}  // namespace gt
