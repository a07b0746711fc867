// Date: parsing, printing and the calendar arithmetic the statutory clock relies on (s1.2 rules 1, 4).
#include "domain/date.h"

#include <gtest/gtest.h>

namespace gt {
namespace {

Date D(const char* s) { return *Date::parse(s); }

TEST(DateTest, ParsesOnlyRealIsoDays) {
  EXPECT_TRUE(Date::parse("2025-01-06"));
  EXPECT_TRUE(Date::parse("2024-02-29"));   // 2024 is a leap year
  EXPECT_FALSE(Date::parse("2025-02-29"));  // 2025 is not
  EXPECT_FALSE(Date::parse("2025-04-31"));
  EXPECT_FALSE(Date::parse("2025-13-01"));
  EXPECT_FALSE(Date::parse("2025-00-10"));
  EXPECT_FALSE(Date::parse("2025-1-06"));
  EXPECT_FALSE(Date::parse("06/01/2025"));
  EXPECT_FALSE(Date::parse("2025-01-06T00:00"));
  EXPECT_FALSE(Date::parse(""));
}

TEST(DateTest, PrintsIsoAndLongForms) {
  EXPECT_EQ(D("2025-01-06").to_string(), "2025-01-06");
  EXPECT_EQ(D("2025-01-06").to_long_string(), "Monday 6 January 2025");
  EXPECT_EQ(D("2026-03-12").to_long_string(), "Thursday 12 March 2026");
  EXPECT_EQ(Date::from_days(0).to_string(), "1970-01-01");
  EXPECT_EQ(Date::from_ymd(2024, 2, 29).to_string(), "2024-02-29");
}

TEST(DateTest, WeekdaysAndDayCounts) {
  EXPECT_EQ(D("2025-01-06").weekday(), 1u);  // Monday
  EXPECT_EQ(D("2025-05-26").weekday(), 1u);  // Spring bank holiday 2025, a Monday
  EXPECT_EQ(D("2025-05-11").weekday(), 0u);  // Sunday
  EXPECT_EQ(D("1970-01-01").weekday(), 4u);  // Thursday
  EXPECT_EQ(D("2025-05-26") - D("2025-01-06"), 140);  // 20 weeks
  EXPECT_EQ(D("2025-03-01") - D("2025-02-28"), 1);
  EXPECT_EQ(D("2024-03-01") - D("2024-02-28"), 2);
}

TEST(DateTest, WeeksAndDaysAreCalendarDays) {
  // 6 Jan 2025 + 6 weeks: 6 + 42 = 48 -> 48 - 31 (January) = 17 February.
  EXPECT_EQ(D("2025-01-06").plus_weeks(6), D("2025-02-17"));
  EXPECT_EQ(D("2025-01-06").plus_weeks(20), D("2025-05-26"));
  EXPECT_EQ(D("2025-12-30").plus_days(3), D("2026-01-02"));
  EXPECT_EQ(D("2024-02-28").plus_days(1), D("2024-02-29"));
  EXPECT_EQ(D("2025-05-26").plus_days(-15), D("2025-05-11"));
}

TEST(DateTest, MonthsClampToTheLastDay) {
  EXPECT_EQ(D("2025-01-31").plus_months(1), D("2025-02-28"));
  EXPECT_EQ(D("2024-01-31").plus_months(1), D("2024-02-29"));
  EXPECT_EQ(D("2024-02-29").plus_months(12), D("2025-02-28"));
  EXPECT_EQ(D("2024-02-29").plus_months(48), D("2028-02-29"));
  EXPECT_EQ(D("2025-10-31").plus_months(1), D("2025-11-30"));
  EXPECT_EQ(D("2025-03-31").plus_months(-1), D("2025-02-28"));
  EXPECT_EQ(D("2026-07-31").plus_months(-5), D("2026-02-28"));
  EXPECT_EQ(D("2025-12-15").plus_months(2), D("2026-02-15"));
  EXPECT_EQ(D("2025-03-10").plus_months(2), D("2025-05-10"));
}

TEST(DateTest, LeapYearsAndMonthLengths) {
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_FALSE(is_leap_year(2025));
  EXPECT_EQ(days_in_month(2024, 2), 29u);
  EXPECT_EQ(days_in_month(2025, 2), 28u);
  EXPECT_EQ(days_in_month(2025, 4), 30u);
  EXPECT_EQ(days_in_month(2025, 12), 31u);
}

}  // namespace
}  // namespace gt
