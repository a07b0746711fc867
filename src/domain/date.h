// Date: a civil date in the proleptic Gregorian calendar, with no time of day and no time zone.
//
// Contract:
//  - Date::parse accepts exactly "YYYY-MM-DD" for a real calendar day (2025-02-29 is rejected) and
//    returns std::nullopt otherwise; to_string() gives the same form back.
//  - plus_days / plus_weeks count calendar days; weekends and bank holidays never move them.
//  - plus_months keeps the day of the month and clamps to the last day of the target month
//    (31 Jan + 1 month = 28 Feb, or 29 Feb in a leap year) - SEND reference s1.2 rule 4.
//  - Dates compare and subtract as day counts. Pure: no clock, no I/O.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace gt {

class Date {
 public:
  constexpr Date() = default;
  static Date from_ymd(int year, unsigned month, unsigned day);  // must be a valid day
  static std::optional<Date> parse(std::string_view iso);
  static constexpr Date from_days(int days_since_1970) { Date d; d.days_ = days_since_1970; return d; }

  int days() const { return days_; }  // days since 1970-01-01
  int year() const;
  unsigned month() const;
  unsigned day() const;
  unsigned weekday() const;  // 0 = Sunday ... 6 = Saturday
  std::string to_string() const;          // 2025-01-06
  std::string to_long_string() const;     // Monday 6 January 2025

  Date plus_days(int n) const { return from_days(days_ + n); }
  Date plus_weeks(int n) const { return from_days(days_ + 7 * n); }
  Date plus_months(int n) const;

  friend constexpr auto operator<=>(Date a, Date b) = default;
  friend constexpr int operator-(Date a, Date b) { return a.days_ - b.days_; }

 private:
  int days_ = 0;
};

bool is_leap_year(int year);
unsigned days_in_month(int year, unsigned month);

}  // namespace gt
