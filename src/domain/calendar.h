// Calendar: England and Wales bank holidays and working days, for any year.
//
// Contract:
//  - easter_sunday(y) is Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm
//    (Meeus/Jones/Butcher); valid for every Gregorian year.
//  - bank_holidays(y) lists England and Wales bank holidays in year y, in date order: New Year's Day
//    (a Saturday or Sunday gives the following Monday instead), Good Friday, Easter Monday, the early
//    May bank holiday (first Monday of May), the Spring bank holiday (last Monday of May), the Summer
//    bank holiday (last Monday of August), Christmas Day and Boxing Day (either on a weekend gives the
//    next weekday not already a holiday). The modern pattern is applied to every year; the known
//    one-off moves and extra days (1995, 1999, 2002, 2011, 2012, 2020, 2022, 2023) come from a small
//    table. Future one-offs are not known until proclaimed: add them to the table.
//  - A working day is any day except Saturday, Sunday and those bank holidays (Christmas Day and
//    Good Friday are among them) - SEND reference s1.2 rule 3.
//  - add_working_days(d, n): the n-th working day after d (n > 0) or before d (n < 0), not counting
//    d itself; add_working_days(d, 0) == d whatever d is.
//  - Pure functions: no clock, no I/O.
#pragma once

#include <vector>

#include "domain/date.h"

namespace gt {

Date easter_sunday(int year);
std::vector<Date> bank_holidays(int year);
bool is_bank_holiday(Date d);
bool is_working_day(Date d);
Date add_working_days(Date d, int n);

}  // namespace gt
