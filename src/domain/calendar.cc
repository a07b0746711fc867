// Calendar: England and Wales bank holidays and working days (see calendar.h for the contract).
#include "domain/calendar.h"

#include <algorithm>
#include <array>

namespace gt {

namespace {

bool weekend(Date d) { return d.weekday() == 0 || d.weekday() == 6; }

// First given weekday (0 = Sunday) on or after d.
Date on_or_after(Date d, unsigned wd) { return d.plus_days(static_cast<int>((wd + 7 - d.weekday()) % 7)); }
// Last given weekday on or before d.
Date on_or_before(Date d, unsigned wd) { return d.plus_days(-static_cast<int>((d.weekday() + 7 - wd) % 7)); }

struct OneOff {
  int year;
  unsigned month, day;  // the date the regular holiday would fall on (0 = none: an extra day)
  unsigned new_month, new_day;
};
// Proclaimed changes to the regular pattern in England and Wales.
constexpr std::array<OneOff, 12> kOneOffs = {{
    {1995, 5, 1, 5, 8},    // early May moved to Mon 8 May (VE Day 50th anniversary)
    {1999, 0, 0, 12, 31},  // Fri 31 Dec 1999: Millennium
    {2002, 5, 27, 6, 4},   // Spring bank holiday moved to Tue 4 June
    {2002, 0, 0, 6, 3},    // Mon 3 June 2002: Golden Jubilee
    {2011, 0, 0, 4, 29},   // Fri 29 April 2011: royal wedding
    {2012, 5, 28, 6, 4},   // Spring bank holiday moved to Mon 4 June
    {2012, 0, 0, 6, 5},    // Tue 5 June 2012: Diamond Jubilee
    {2020, 5, 4, 5, 8},    // early May moved to Fri 8 May (VE Day 75th anniversary)
    {2022, 5, 30, 6, 2},   // Spring bank holiday moved to Thu 2 June
    {2022, 0, 0, 6, 3},    // Fri 3 June 2022: Platinum Jubilee
    {2022, 0, 0, 9, 19},   // Mon 19 September 2022: State Funeral of Queen Elizabeth II
    {2023, 0, 0, 5, 8},    // Mon 8 May 2023: coronation of King Charles III
}};

}  // namespace

Date easter_sunday(int y) {
  // Anonymous Gregorian algorithm (Meeus, Jones, Butcher).
  int a = y % 19;
  int b = y / 100, c = y % 100;
  int d = b / 4, e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date::from_ymd(y, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::vector<Date> bank_holidays(int y) {
  std::vector<Date> v;
  // New Year's Day, or the following Monday.
  Date ny = Date::from_ymd(y, 1, 1);
  v.push_back(weekend(ny) ? on_or_after(ny, 1) : ny);
  Date easter = easter_sunday(y);
  v.push_back(easter.plus_days(-2));  // Good Friday
  v.push_back(easter.plus_days(1));   // Easter Monday
  v.push_back(on_or_after(Date::from_ymd(y, 5, 1), 1));   // early May: first Monday
  v.push_back(on_or_before(Date::from_ymd(y, 5, 31), 1));  // Spring: last Monday of May
  v.push_back(on_or_before(Date::from_ymd(y, 8, 31), 1));  // Summer: last Monday of August
  // Christmas Day and Boxing Day; a weekend one moves to the next weekday not already taken.
  std::vector<Date> xmas;
  for (unsigned dd : {25u, 26u}) {
    Date d = Date::from_ymd(y, 12, dd);
    if (!weekend(d)) xmas.push_back(d);
  }
  for (unsigned dd : {25u, 26u}) {
    Date d = Date::from_ymd(y, 12, dd);
    if (!weekend(d)) continue;
    Date s = Date::from_ymd(y, 12, 27);
    while (weekend(s) || std::find(xmas.begin(), xmas.end(), s) != xmas.end()) s = s.plus_days(1);
    xmas.push_back(s);
  }
  v.insert(v.end(), xmas.begin(), xmas.end());

  for (const auto& o : kOneOffs) {
    if (o.year != y) continue;
    if (o.month != 0) {
      Date from = Date::from_ymd(y, o.month, o.day);
      v.erase(std::remove(v.begin(), v.end(), from), v.end());
    }
    v.push_back(Date::from_ymd(y, o.new_month, o.new_day));
  }
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

bool is_bank_holiday(Date d) {
  // Cheap rejections first: every bank holiday falls in Jan, Mar-Jun, Aug, Sep or Dec.
  unsigned m = d.month();
  if (m == 2 || m == 7 || m == 10 || m == 11) return false;
  auto v = bank_holidays(d.year());
  return std::binary_search(v.begin(), v.end(), d);
}

bool is_working_day(Date d) { return !weekend(d) && !is_bank_holiday(d); }

Date add_working_days(Date d, int n) {
  int step = n >= 0 ? 1 : -1;
  int left = n >= 0 ? n : -n;
  while (left > 0) {
    d = d.plus_days(step);
    if (is_working_day(d)) --left;
  }
  return d;
}

}  // namespace gt
