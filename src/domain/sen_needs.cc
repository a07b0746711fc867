#include "domain/sen_needs.h"

#include <algorithm>
#include <cctype>

#include "domain/codes.h"
#include "domain/text.h"

namespace gt {

std::vector<FieldError> validate_needs(SenNeeds& n) {
  trim_upper(n.primary);
  trim_upper(n.secondary);
  std::vector<FieldError> errors;
  if (n.primary.empty())
    errors.push_back({"primary", "Select the primary type of need"});
  else if (!sen_types().contains(n.primary))
    errors.push_back({"primary", "The primary type of need must be one of the DfE SEN type codes (ASD, SLCN, SEMH, ...)"});
  if (!n.secondary.empty()) {
    if (!sen_types().contains(n.secondary))
      errors.push_back({"secondary", "The secondary type of need must be one of the DfE SEN type codes, or none"});
    else if (n.secondary == n.primary)
      errors.push_back({"secondary", "The secondary type of need must differ from the primary type"});
    else if (n.secondary == "NSA" || n.primary == "NSA")
      errors.push_back({"secondary", "NSA (no specialist assessment) cannot be recorded with another type of need"});
  }
  return errors;
}

}  // namespace gt
