// Today: the date in England that the statutory clock counts from. Fixed for tests and demos
// (`goldthread serve --today`), otherwise read from the system clock through uk_date_of.
#pragma once

#include <optional>

#include "domain/date.h"

namespace gt::app {

class Today {
 public:
  explicit Today(std::optional<Date> fixed = std::nullopt) : fixed_(fixed) {}
  Date operator()() const;
  bool fixed() const { return fixed_.has_value(); }

 private:
  std::optional<Date> fixed_;
};

}  // namespace gt::app
