#include "domain/date.h"

#include <array>
#include <cstdio>

namespace gt {

namespace {
namespace ch = std::chrono;
using ch::sys_days;
using ch::year_month_day;

year_month_day ymd_of(const Date& d) {
  return year_month_day{sys_days{std::chrono::days{d.days()}}};
}
}  // namespace

Date Date::from_ymd(int y, unsigned m, unsigned d) {
  sys_days sd{ch::year{y} / ch::month{m} / ch::day{d}};
  return from_days(static_cast<int>(sd.time_since_epoch().count()));
}

std::optional<Date> Date::parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  int y = num(0, 4);
  unsigned m = static_cast<unsigned>(num(5, 2)), d = static_cast<unsigned>(num(8, 2));
  year_month_day ymd{ch::year{y}, ch::month{m}, ch::day{d}};
  if (y < 1900 || !ymd.ok()) return std::nullopt;
  return from_ymd(y, m, d);
}

int Date::year() const { return static_cast<int>(ymd_of(*this).year()); }
unsigned Date::month() const { return static_cast<unsigned>(ymd_of(*this).month()); }
unsigned Date::day() const { return static_cast<unsigned>(ymd_of(*this).day()); }

unsigned Date::weekday() const {
  return std::chrono::weekday{sys_days{std::chrono::days{days_}}}.c_encoding();
}

std::string Date::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

std::string Date::to_long_string() const {
  static constexpr std::array<const char*, 7> kDays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return std::string(kDays[weekday()]) + " " + std::to_string(day()) + " " + kMonths[month() - 1] + " " +
         std::to_string(year());
}

Date Date::plus_months(int n) const {
  year_month_day ymd = ymd_of(*this);
  auto ym = ymd.year() / ymd.month();
  ym += std::chrono::months{n};
  unsigned last = days_in_month(static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
  unsigned d = std::min(static_cast<unsigned>(ymd.day()), last);
  return from_ymd(static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()), d);
}

bool is_leap_year(int y) { return std::chrono::year{y}.is_leap(); }

unsigned days_in_month(int y, unsigned m) {
  return static_cast<unsigned>((std::chrono::year{y} / std::chrono::month{m} / std::chrono::last).day());
}

}  // namespace gt
