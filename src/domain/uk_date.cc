#include "domain/uk_date.h"

namespace gt {

namespace {
Date last_sunday(int year, unsigned month) {
  Date d = Date::from_ymd(year, month, days_in_month(year, month));
  return d.plus_days(-static_cast<int>(d.weekday()));
}
}  // namespace

Date uk_date_of(std::int64_t t) {
  std::int64_t day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  Date utc = Date::from_days(static_cast<int>(day));
  std::int64_t bst_start = static_cast<std::int64_t>(last_sunday(utc.year(), 3).days()) * 86400 + 3600;
  std::int64_t bst_end = static_cast<std::int64_t>(last_sunday(utc.year(), 10).days()) * 86400 + 3600;
  if (t >= bst_start && t < bst_end) {
    std::int64_t shifted = t + 3600;
    return Date::from_days(static_cast<int>(shifted / 86400));
  }
  return utc;
}

}  // namespace gt
