#include "app/child_rows.h"

namespace gt::app {

store::ChildRow child_to_row(const Child& c) {
  store::ChildRow r;
  r.id = c.id;
  r.given_name = c.given_name;
  r.family_name = c.family_name;
  r.date_of_birth = c.date_of_birth.to_string();
  r.sex = c.sex;
  r.ethnicity = c.ethnicity;
  r.postcode = c.postcode;
  if (!c.upn.empty()) r.upn = c.upn;
  if (!c.uln.empty()) r.uln = c.uln;
  if (!c.nhs_number.empty()) r.nhs_number = c.nhs_number;
  r.upn_unknown = c.upn_unknown;
  return r;
}

Child child_from_row(const store::ChildRow& r) {
  Child c;
  c.id = r.id;
  c.given_name = r.given_name;
  c.family_name = r.family_name;
  c.date_of_birth = Date::parse(r.date_of_birth).value_or(Date{});
  c.sex = r.sex;
  c.ethnicity = r.ethnicity;
  c.postcode = r.postcode;
  c.upn = r.upn.value_or("");
  c.uln = r.uln.value_or("");
  c.nhs_number = r.nhs_number.value_or("");
  c.upn_unknown = r.upn_unknown;
  return c;
}

}  // namespace gt::app
