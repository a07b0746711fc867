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

SenNeeds needs_from_row(const store::NeedsRow& r) { return SenNeeds{r.primary_type, r.secondary_type.value_or("")}; }

store::PlacementRow placement_to_row(std::int64_t child_id, const Placement& p) {
  store::PlacementRow r;
  r.id = p.id;
  r.child_id = child_id;
  r.setting_type = p.setting_type;
  if (!p.urn.empty()) r.urn = p.urn;
  if (!p.ukprn.empty()) r.ukprn = p.ukprn;
  r.name = p.name;
  r.rank = p.rank;
  r.entry_date = p.entry_date.to_string();
  if (p.leaving_date) r.leaving_date = p.leaving_date->to_string();
  return r;
}

Placement placement_from_row(const store::PlacementRow& r) {
  Placement p;
  p.id = r.id;
  p.setting_type = r.setting_type;
  p.urn = r.urn.value_or("");
  p.ukprn = r.ukprn.value_or("");
  p.name = r.name;
  p.rank = r.rank;
  p.entry_date = Date::parse(r.entry_date).value_or(Date{});
  if (r.leaving_date) p.leaving_date = Date::parse(*r.leaving_date);
  return p;
}

}  // namespace gt::app
