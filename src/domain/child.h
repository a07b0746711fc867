// Child: the person module of a case (SEN2 module 1): names, date of birth, sex, ethnicity, home
// postcode and the identifiers that link the child to other records.
//
// Contract:
//  - validate_child checks every field and returns every problem found, in field order, each naming
//    its field (the member name: "given_name", "upn", ...). Empty vector = valid.
//  - It also normalises in place: names and codes are trimmed; sex, ethnicity and upn_unknown are
//    upper-cased; a valid UPN, ULN, NHS number or postcode is replaced by its normalised form
//    (identifiers.h). An invalid value is left as entered (trimmed) so it can be shown back.
//  - Rules: given and family name required, at most 100 characters (Unicode code points), valid
//    UTF-8, no control characters. Date of birth not after `today`, and `today` no later than
//    31 July at the end of the academic year (1 August - 31 July, CFA 2014 s.83) in which the young
//    person turns 25. Sex and ethnicity required and from sexes() / ethnicities() (use NOBT when
//    ethnicity is not yet obtained). Postcode and NHS number optional, checked when given.
//    A UPN (temporary ones accepted) or ULN, or else an SEN2 UPNunknown reason; never both.
//  - age_on gives completed years on `day` (negative before birth). Someone born on 29 February
//    has their birthday on 1 March in other years.
//  - Pure: `today` is passed in; no clock, no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/event.h"

namespace gt {

struct Child {
  std::int64_t id = 0;
  std::string given_name, family_name;
  Date date_of_birth;
  std::string sex, ethnicity, postcode, upn, uln, nhs_number, upn_unknown;
};

int age_on(Date dob, Date day);

// The last day an EHC plan can run for someone born on `dob`: 31 July ending the academic year of
// the 25th birthday.
Date last_day_of_plan_age(Date dob);

std::vector<FieldError> validate_child(Child& c, Date today);

inline constexpr std::size_t kMaxNameLength = 100;

}  // namespace gt
