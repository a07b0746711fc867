#include "app/today.h"

#include <chrono>

#include "domain/uk_date.h"

namespace gt::app {

Date Today::operator()() const {
  if (fixed_) return *fixed_;
  auto now = std::chrono::system_clock::now();
  return uk_date_of(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
}

}  // namespace gt::app
