// England and Wales bank holidays and working days (SEND reference s1.2 rule 3). Dates checked by
// hand against the published lists (gov.uk/bank-holidays) and Easter tables.
#include "domain/calendar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gt {
namespace {

Date D(const char* s) { return *Date::parse(s); }

std::vector<std::string> names(int year) {
  std::vector<std::string> v;
  for (Date d : bank_holidays(year)) v.push_back(d.to_string());
  return v;
}

TEST(CalendarTest, EasterSundayByTheAnonymousGregorianAlgorithm) {
  struct Case { int year; const char* easter; };
  for (auto c : std::vector<Case>{{2019, "2019-04-21"}, {2020, "2020-04-12"}, {2021, "2021-04-04"},
                                  {2022, "2022-04-17"}, {2023, "2023-04-09"}, {2024, "2024-03-31"},
                                  {2025, "2025-04-20"}, {2026, "2026-04-05"}, {2027, "2027-03-28"},
                                  {2028, "2028-04-16"}, {2029, "2029-04-01"}, {2030, "2030-04-21"},
                                  {2038, "2038-04-25"},   // latest possible date, 25 April
                                  {1818, "1818-03-22"},   // earliest possible date, 22 March
                                  {2285, "2285-03-22"},
                                  {2000, "2000-04-23"}})
    EXPECT_EQ(easter_sunday(c.year).to_string(), c.easter) << c.year;
}

TEST(CalendarTest, BankHolidays2025) {
  // Wed 1 Jan; Good Friday 18 Apr and Easter Monday 21 Apr (Easter 20 Apr); first Monday of May 5 May;
  // last Monday of May 26 May; last Monday of August 25 Aug; Christmas Thu 25, Boxing Day Fri 26 Dec.
  EXPECT_EQ(names(2025), (std::vector<std::string>{"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05",
                                                   "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"}));
}

TEST(CalendarTest, BankHolidays2026BoxingDayOnSaturday) {
  // Easter 5 Apr -> 3 Apr and 6 Apr. 1 May 2026 is a Friday -> 4 May; 31 May is a Sunday -> 25 May;
  // 31 Aug is a Monday. 25 Dec is a Friday, 26 Dec a Saturday -> substitute Monday 28 Dec.
  EXPECT_EQ(names(2026), (std::vector<std::string>{"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
                                                   "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"}));
}

TEST(CalendarTest, BankHolidays2027ChristmasOnSaturday) {
  // Easter 28 Mar -> 26 and 29 Mar. 1 May is a Saturday -> 3 May; 31 May is a Monday; 31 Aug is a
  // Tuesday -> 30 Aug. 25 Dec Sat and 26 Dec Sun -> Monday 27 and Tuesday 28 Dec.
  EXPECT_EQ(names(2027), (std::vector<std::string>{"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
                                                   "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"}));
}

TEST(CalendarTest, BankHolidays2022WithJubileeAndFuneral) {
  // 1 Jan is a Saturday -> Mon 3 Jan. Spring bank holiday moved from 30 May to Thu 2 Jun, plus Fri 3 Jun
  // (Platinum Jubilee); Mon 19 Sep (State Funeral). 25 Dec is a Sunday -> Boxing Day Mon 26, substitute
  // Tue 27 Dec.
  EXPECT_EQ(names(2022), (std::vector<std::string>{"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02",
                                                   "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
                                                   "2022-12-26", "2022-12-27"}));
}

TEST(CalendarTest, BankHolidays2023WithCoronation) {
  // 1 Jan is a Sunday -> Mon 2 Jan; Easter 9 Apr; early May 1 May plus the coronation Mon 8 May.
  EXPECT_EQ(names(2023), (std::vector<std::string>{"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01",
                                                   "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25",
                                                   "2023-12-26"}));
}

TEST(CalendarTest, BankHolidays2020EarlyMayMovedToFriday) {
  // Early May moved from Mon 4 May to Fri 8 May (VE Day). Boxing Day is a Saturday -> Mon 28 Dec.
  EXPECT_EQ(names(2020), (std::vector<std::string>{"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08",
                                                   "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"}));
}

TEST(CalendarTest, WorkingDays) {
  EXPECT_FALSE(is_working_day(D("2025-05-26")));  // Spring bank holiday
  EXPECT_TRUE(is_working_day(D("2025-05-27")));
  EXPECT_FALSE(is_working_day(D("2025-05-24")));  // Saturday
  EXPECT_FALSE(is_working_day(D("2025-05-25")));  // Sunday
  EXPECT_FALSE(is_working_day(D("2025-04-18")));  // Good Friday
  EXPECT_FALSE(is_working_day(D("2025-04-21")));  // Easter Monday
  EXPECT_TRUE(is_working_day(D("2025-04-22")));
  EXPECT_FALSE(is_working_day(D("2025-12-25")));
  EXPECT_FALSE(is_working_day(D("2022-09-19")));  // State Funeral
  EXPECT_TRUE(is_working_day(D("2022-05-30")));   // Spring bank holiday moved away that year
  EXPECT_TRUE(is_working_day(D("2020-05-04")));   // early May moved away that year
  EXPECT_TRUE(is_bank_holiday(D("2026-12-28")));
  EXPECT_FALSE(is_bank_holiday(D("2026-12-26")));  // a Saturday: not a working day, but not the holiday
  EXPECT_FALSE(is_working_day(D("2026-12-26")));
}

TEST(CalendarTest, AddWorkingDaysAcrossChristmasAndEaster) {
  // Tue 23 Dec 2025 + 3: Wed 24 (1); Thu 25, Fri 26 holidays; weekend; Mon 29 (2); Tue 30 (3).
  EXPECT_EQ(add_working_days(D("2025-12-23"), 3), D("2025-12-30"));
  EXPECT_EQ(add_working_days(D("2025-12-24"), 1), D("2025-12-29"));
  // Thu 24 Dec 2026 + 1: Fri 25 holiday, weekend, Mon 28 substitute Boxing Day -> Tue 29.
  EXPECT_EQ(add_working_days(D("2026-12-24"), 1), D("2026-12-29"));
  // Thu 17 Apr 2025 + 1: Good Friday, weekend, Easter Monday -> Tue 22 Apr; and back again.
  EXPECT_EQ(add_working_days(D("2025-04-17"), 1), D("2025-04-22"));
  EXPECT_EQ(add_working_days(D("2025-04-22"), -1), D("2025-04-17"));
  // Wed 1 Jun 2022 + 1: Thu 2 and Fri 3 June holidays, weekend -> Mon 6 Jun.
  EXPECT_EQ(add_working_days(D("2022-06-01"), 1), D("2022-06-06"));
  // Fri 31 Dec 2027 + 1: Sat 1 Jan 2028 -> substitute Mon 3 Jan -> Tue 4 Jan.
  EXPECT_EQ(add_working_days(D("2027-12-31"), 1), D("2028-01-04"));
  // 15 working days from Mon 6 Jan 2025: three clear weeks -> Mon 27 Jan.
  EXPECT_EQ(add_working_days(D("2025-01-06"), 15), D("2025-01-27"));
  EXPECT_EQ(add_working_days(D("2025-05-24"), 0), D("2025-05-24"));
}

}  // namespace
}  // namespace gt
