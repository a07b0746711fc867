// SenNeeds: a child's special educational needs as the census and SEN2 record them - a primary
// type (rank 1) and an optional secondary type (rank 2), each in one of the four broad areas.
//
// Contract:
//  - validate_needs upper-cases and trims the codes in place and returns every problem, naming the
//    field ("primary", "secondary"): primary is required and from sen_types(); secondary is empty
//    or from sen_types() and differs from primary; NSA (no specialist assessment) stands alone.
//  - Pure: no I/O.
#pragma once

#include <string>
#include <vector>

#include "domain/event.h"

namespace gt {

struct SenNeeds {
  std::string primary;    // SENtype rank 1, e.g. "ASD"
  std::string secondary;  // SENtype rank 2, or empty
};

std::vector<FieldError> validate_needs(SenNeeds& n);

}  // namespace gt
