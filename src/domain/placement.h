// Placement: where a child or young person is educated (SEN2 PlacementDetail): a setting type,
// the establishment's URN (schools) or UKPRN (post-16 providers) where it has one, a rank
// (1 main, 2 dual placement) and the dates attended.
//
// Contract:
//  - validate_placement trims in place and returns every problem, naming the field:
//    setting_type from setting_types(); a setting type that SEN2 codes itself (ehe, eotas, early
//    years, NEET, ...; sen_setting_for non-empty) takes no URN or UKPRN; any other needs exactly
//    one: URN 6 digits, UKPRN 8 digits starting with 1; a named establishment needs its name
//    (at most 200 characters); rank 1 or 2; entry_date not after today; leaving_date, when given,
//    not before entry_date and not after today.
//  - Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/event.h"

namespace gt {

struct Placement {
  std::int64_t id = 0;
  std::string setting_type;  // setting_types() code, e.g. "mainstream_academy"
  std::string urn;
  std::string ukprn;
  std::string name;          // the establishment's name
  int rank = 1;
  Date entry_date;
  std::optional<Date> leaving_date;

  bool current() const { return !leaving_date.has_value(); }
};

std::vector<FieldError> validate_placement(Placement& p, Date today);

}  // namespace gt
