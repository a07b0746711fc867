// School age: the end of compulsory school age (Education Act 1996 s8; School Leaving Date Order
// 1997) - the last Friday in June of the school year in which the child turns 16 - worked by hand.
#include "domain/school_age.h"

#include <gtest/gtest.h>

namespace gt {
namespace {

struct Case {
  const char* dob;
  const char* leaves;
  const char* why;
};

class CompulsorySchoolAge : public ::testing::TestWithParam<Case> {};

TEST_P(CompulsorySchoolAge, EndsOnTheLastFridayInJune) {
  const Case& c = GetParam();
  EXPECT_EQ(end_of_compulsory_school_age(*Date::parse(c.dob)).to_string(), c.leaves) << c.why;
}

INSTANTIATE_TEST_SUITE_P(
    Table, CompulsorySchoolAge,
    ::testing::Values(
        Case{"2010-09-01", "2027-06-25", "turns 16 on 1 Sep 2026: the school year 2026/27"},
        Case{"2010-08-31", "2026-06-26", "turns 16 on 31 Aug 2026: still the school year 2025/26"},
        Case{"2010-06-30", "2026-06-26", "turns 16 after the last Friday in June: leaves before the birthday"},
        Case{"2011-01-15", "2027-06-25", "turns 16 in January 2027"},
        Case{"2012-02-29", "2028-06-30", "born on 29 February; 30 June 2028 is itself a Friday"},
        Case{"2011-12-31", "2028-06-30", "turns 16 on 31 Dec 2027: the school year 2027/28"}));

TEST(YoungPerson, HoldsTheirOwnRightsFromTheDayAfter) {
  Date dob = *Date::parse("2010-09-01");
  EXPECT_FALSE(is_young_person(dob, *Date::parse("2027-06-25")));
  EXPECT_TRUE(is_young_person(dob, *Date::parse("2027-06-26")));
  EXPECT_TRUE(is_young_person(dob, *Date::parse("2036-08-31")));   // 25
  EXPECT_FALSE(is_young_person(dob, *Date::parse("2036-09-01")));  // 26: out of the 0-25 system
  EXPECT_FALSE(is_young_person(dob, *Date::parse("2020-01-01")));
}

}  // namespace
}  // namespace gt
