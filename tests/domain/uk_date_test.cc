#include "domain/uk_date.h"

#include <gtest/gtest.h>

namespace gt {
namespace {

std::int64_t at(int y, unsigned m, unsigned d, int hh, int mm) {
  return static_cast<std::int64_t>(Date::from_ymd(y, m, d).days()) * 86400 + hh * 3600 + mm * 60;
}

TEST(UkDate, WinterIsUtc) {
  EXPECT_EQ(uk_date_of(at(2026, 1, 15, 23, 30)).to_string(), "2026-01-15");
  EXPECT_EQ(uk_date_of(at(2026, 11, 25, 23, 59)).to_string(), "2026-11-25");
}

TEST(UkDate, SummerLateEveningUtcIsTomorrowInEngland) {
  // 23:30 UTC on 1 July 2026 is 00:30 BST on 2 July.
  EXPECT_EQ(uk_date_of(at(2026, 7, 1, 23, 30)).to_string(), "2026-07-02");
  EXPECT_EQ(uk_date_of(at(2026, 7, 1, 22, 59)).to_string(), "2026-07-01");
}

TEST(UkDate, ChangeoverInstants) {
  // BST 2026 begins 01:00 UTC Sun 29 March and ends 01:00 UTC Sun 25 October.
  EXPECT_EQ(uk_date_of(at(2026, 3, 28, 23, 30)).to_string(), "2026-03-28");  // still GMT
  EXPECT_EQ(uk_date_of(at(2026, 3, 29, 23, 30)).to_string(), "2026-03-30");  // BST
  EXPECT_EQ(uk_date_of(at(2026, 10, 24, 23, 30)).to_string(), "2026-10-25");  // BST
  EXPECT_EQ(uk_date_of(at(2026, 10, 25, 23, 30)).to_string(), "2026-10-25");  // GMT again
}

}  // namespace
}  // namespace gt
