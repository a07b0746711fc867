#include "domain/placement.h"

#include <algorithm>
#include <cctype>

#include "domain/codes.h"
#include "domain/text.h"

namespace gt {

namespace {
bool digits(const std::string& s, size_t n) {
  return s.size() == n && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}
}  // namespace

std::vector<FieldError> validate_placement(Placement& p, Date today) {
  trim(p.setting_type);
  trim(p.urn);
  trim(p.ukprn);
  trim(p.name);
  std::vector<FieldError> errors;
  bool known = setting_types().contains(p.setting_type);
  if (!known) errors.push_back({"setting_type", "Select the type of setting"});
  bool coded = known && !sen_setting_for(p.setting_type).empty();
  if (coded) {
    if (!p.urn.empty()) errors.push_back({"urn", "This type of setting has no URN: leave it blank"});
    if (!p.ukprn.empty()) errors.push_back({"ukprn", "This type of setting has no UKPRN: leave it blank"});
  } else if (known) {
    if (p.urn.empty() && p.ukprn.empty())
      errors.push_back({"urn", "Enter the school's URN or the provider's UKPRN"});
    else if (!p.urn.empty() && !p.ukprn.empty())
      errors.push_back({"ukprn", "Enter a URN or a UKPRN, not both"});
    if (!p.urn.empty() && !digits(p.urn, 6)) errors.push_back({"urn", "A URN is 6 digits, like 123456"});
    if (!p.ukprn.empty() && (!digits(p.ukprn, 8) || p.ukprn[0] != '1'))
      errors.push_back({"ukprn", "A UKPRN is 8 digits starting with 1, like 10012345"});
    if (p.name.empty()) errors.push_back({"name", "Enter the name of the school, college or provider"});
  }
  if (p.name.size() > 200) errors.push_back({"name", "The name must be 200 characters or fewer"});
  if (p.rank != 1 && p.rank != 2)
    errors.push_back({"rank", "Rank must be 1 (main placement) or 2 (dual placement)"});
  if (p.entry_date > today) errors.push_back({"entry_date", "The start date must be today or in the past"});
  if (p.leaving_date) {
    if (*p.leaving_date < p.entry_date)
      errors.push_back({"leaving_date", "The leaving date must be on or after the start date"});
    else if (*p.leaving_date > today)
      errors.push_back({"leaving_date", "The leaving date must be today or in the past"});
  }
  return errors;
}

}  // namespace gt
