// Cease rules: the checks the law puts on a decision to cease an EHC plan, by the child's or young
// person's age and the SEN2 cease reason (statutory reference s1.10, rules C1-C6).
//
// Contract:
//  - Ages are domain/child.h age_on (completed years).
//  - maximum_age_end(dob): the last day a plan may be kept by age - 31 July of the academic year
//    (1 August to 31 July) in which the young person turns 25 (C6: CFA 2014 s45(3)).
//  - check_cease_grounds(dob, reason, decided_on, confirmations) gives the field at fault and why,
//    naming the rule, or nullopt:
//      reason 1 (maximum age)   the young person reaches 25 by the end of the decision's academic
//                               year, or is 19 or over and the council confirms they entered the
//                               adult estate (SEN2 CeaseReason 1 definition);
//      under 18 (C2, reg 29)    for reasons 2, 3, 4, 6 and 9 the council confirms that special
//                               educational provision through a plan is no longer necessary
//                               (field "confirm_not_necessary");
//      18 or over (C3, reg 30)  for reasons 3, 4 and 6 (the young person left education or training)
//                               the council confirms it reviewed the plan and established that they
//                               do not wish to return, or that returning would not be appropriate
//                               (field "confirm_not_returning").
//    Reasons 5, 7 and 8 (another council, outside England, died) end the council's responsibility
//    (C1) and need no confirmation.
//  - Pure; no I/O.
#pragma once

#include <optional>

#include "domain/child.h"
#include "domain/date.h"
#include "domain/event.h"

namespace gt {

Date maximum_age_end(Date date_of_birth);

struct CeaseConfirmations {
  bool not_necessary = false;  // C2: provision through a plan is no longer necessary
  bool not_returning = false;  // C3: the young person does not wish to return to education or training
  bool adult_estate = false;   // reason 1 before 25: the young person (19+) entered the adult estate
};

std::optional<FieldError> check_cease_grounds(Date date_of_birth, int reason, Date decided_on,
                                              const CeaseConfirmations& c);

}  // namespace gt
