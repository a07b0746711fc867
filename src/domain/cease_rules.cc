// Cease rules: promises what cease_rules.h states - the age and confirmation checks on a decision
// to cease a plan (C1-C3, C6).
#include "domain/cease_rules.h"

#include <string>

namespace gt {

Date maximum_age_end(Date dob) {
  // The academic year runs 1 August to 31 July: a birthday from August ends the following July.
  Date birthday25 = dob.plus_months(25 * 12);
  int end_year = birthday25.month() >= 8 ? birthday25.year() + 1 : birthday25.year();
  return Date::from_ymd(end_year, 7, 31);
}

namespace {
Date academic_year_end(Date d) { return Date::from_ymd(d.month() >= 8 ? d.year() + 1 : d.year(), 7, 31); }
}  // namespace

std::optional<FieldError> check_cease_grounds(Date dob, int reason, Date decided_on, const CeaseConfirmations& c) {
  if (reason < 1 || reason > 9) return FieldError{"cease_reason", "must be a cease reason from 1 to 9 (SEN2 CeaseReason)"};
  const int age = age_on(dob, decided_on);
  if (reason == 1) {
    Date max_end = maximum_age_end(dob);
    bool reaches_25 = max_end <= academic_year_end(decided_on);
    if (!reaches_25 && !(age >= 19 && c.adult_estate))
      return FieldError{"cease_reason",
                        "the maximum age is the end of the academic year in which the young person turns 25 (" +
                            max_end.to_long_string() +
                            "); before then this reason applies only to a young person of 19 or over who has "
                            "entered the adult estate (Children and Families Act 2014 s45(3))"};
  }
  const bool needs_provision_test = reason == 2 || reason == 3 || reason == 4 || reason == 6 || reason == 9;
  if (age < 18 && needs_provision_test && !c.not_necessary)
    return FieldError{"confirm_not_necessary",
                      "for a child under 18 the plan can be ceased only if special educational provision through a "
                      "plan is no longer necessary; a child not in education or training needs the plan reviewed "
                      "and amended instead (SEND Regulations 2014 reg 29)"};
  const bool left_education = reason == 3 || reason == 4 || reason == 6;
  if (age >= 18 && left_education && !c.not_returning)
    return FieldError{"confirm_not_returning",
                      "for a young person of 18 or over, leaving education or training is not enough: the council "
                      "must review the plan and establish that they do not wish to return, or that returning "
                      "would not be appropriate (SEND Regulations 2014 reg 30)"};
  return std::nullopt;
}

}  // namespace gt
