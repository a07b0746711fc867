#include "domain/school_age.h"

namespace gt {

Date end_of_compulsory_school_age(Date dob) {
  int sixteenth = dob.year() + 16;
  // The school year in which they turn 16 ends on 31 August of `year`.
  int year = dob.month() <= 8 ? sixteenth : sixteenth + 1;
  Date d = Date::from_ymd(year, 6, 30);
  while (d.weekday() != 5) d = d.plus_days(-1);  // back to the last Friday
  return d;
}

bool is_young_person(Date dob, Date today) {
  return today > end_of_compulsory_school_age(dob) && today < dob.plus_months(26 * 12);
}

}  // namespace gt
