// SEN needs and placements: which values are accepted, how they are normalised, and the message
// (naming the field) for each refusal.
#include <gtest/gtest.h>

#include "domain/placement.h"
#include "domain/sen_needs.h"

namespace gt {
namespace {

Date d(const char* s) { return *Date::parse(s); }

std::vector<std::string> fields(const std::vector<FieldError>& e) {
  std::vector<std::string> out;
  for (const auto& x : e) out.push_back(x.field);
  return out;
}

TEST(SenNeeds, AcceptsAPrimaryAndSecondaryAndNormalisesCase) {
  SenNeeds n{" asd ", "slcn"};
  EXPECT_TRUE(validate_needs(n).empty());
  EXPECT_EQ(n.primary, "ASD");
  EXPECT_EQ(n.secondary, "SLCN");
  SenNeeds only{"DS", ""};
  EXPECT_TRUE(validate_needs(only).empty());
}

TEST(SenNeeds, Refusals) {
  struct Case {
    SenNeeds needs;
    std::vector<std::string> fields;
  };
  std::vector<Case> cases = {
      {{"", ""}, {"primary"}},
      {{"AUTISM", ""}, {"primary"}},
      {{"ASD", "ASD"}, {"secondary"}},
      {{"ASD", "XYZ"}, {"secondary"}},
      {{"NSA", "ASD"}, {"secondary"}},
      {{"ASD", "NSA"}, {"secondary"}},
  };
  for (auto& c : cases) {
    EXPECT_EQ(fields(validate_needs(c.needs)), c.fields) << c.needs.primary << "/" << c.needs.secondary;
  }
  SenNeeds dup{"semh", "SEMH"};
  auto e = validate_needs(dup);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].reason, "The secondary type of need must differ from the primary type");
}

Placement school() {
  Placement p;
  p.setting_type = "mainstream_academy";
  p.urn = "199123";
  p.name = "Northmoor Road Primary Academy";
  p.rank = 1;
  p.entry_date = d("2022-09-05");
  return p;
}

TEST(Placement, AcceptsASchoolWithAUrnAndACodedSettingWithout) {
  Placement p = school();
  EXPECT_TRUE(validate_placement(p, d("2026-11-25")).empty());
  Placement college;
  college.setting_type = "fe_college";
  college.ukprn = "10091234";
  college.name = "Northmoor College";
  college.entry_date = d("2025-09-01");
  EXPECT_TRUE(validate_placement(college, d("2026-11-25")).empty());
  Placement ehe;
  ehe.setting_type = "ehe";
  ehe.entry_date = d("2024-01-08");
  ehe.leaving_date = d("2026-11-25");
  EXPECT_TRUE(validate_placement(ehe, d("2026-11-25")).empty());
}

TEST(Placement, Refusals) {
  Date today = d("2026-11-25");
  auto check = [&](auto mutate, std::vector<std::string> expected) {
    Placement p = school();
    mutate(p);
    EXPECT_EQ(fields(validate_placement(p, today)), expected);
  };
  check([](Placement& p) { p.setting_type = "castle"; }, {"setting_type"});
  check([](Placement& p) { p.urn = "19912"; }, {"urn"});
  check([](Placement& p) { p.urn = "19912a"; }, {"urn"});
  check([](Placement& p) { p.urn = ""; }, {"urn"});
  check([](Placement& p) { p.ukprn = "10091234"; }, {"ukprn"});
  check([](Placement& p) { p.urn = ""; p.ukprn = "20091234"; }, {"ukprn"});
  check([](Placement& p) { p.name = ""; }, {"name"});
  check([](Placement& p) { p.rank = 3; }, {"rank"});
  check([](Placement& p) { p.entry_date = d("2026-11-26"); }, {"entry_date"});
  check([](Placement& p) { p.leaving_date = d("2022-09-04"); }, {"leaving_date"});
  check([](Placement& p) { p.leaving_date = d("2026-11-26"); }, {"leaving_date"});
  check([](Placement& p) { p.setting_type = "ehe"; }, {"urn"});  // a coded setting takes no URN
}

}  // namespace
}  // namespace gt
