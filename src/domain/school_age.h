// School age: when a child stops being of compulsory school age and becomes a "young person" who
// holds their own rights under the Children and Families Act 2014 (s83(2)).
//
// Contract:
//  - end_of_compulsory_school_age(dob): the last Friday in June of the school year (1 September
//    to 31 August) in which the child turns 16 - Education Act 1996 s8(4) and the Education (School
//    Leaving Date) Order 1997, art. 2. A child who turns 16 in July or August leaves on the last
//    Friday of that June, before the birthday.
//  - is_young_person(dob, today): today is after that day (and the person is under 26; the 0-25
//    system ends at 25).
//  - Pure; no I/O.
#pragma once

#include "domain/date.h"

namespace gt {

Date end_of_compulsory_school_age(Date date_of_birth);
bool is_young_person(Date date_of_birth, Date today);

}  // namespace gt
