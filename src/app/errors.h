// app::Error: why a use case refused, as the web layer maps it to HTTP and the CLI to exit codes.
//   BadRequest -> 400 (malformed input), Unauthenticated -> 401, Forbidden -> 403,
//   NotFound -> 404 (also for records the actor may not see), Conflict -> 409 (state or duplicate),
//   Unprocessable -> 422 (well-formed but breaks a rule).
// `field` names the input at fault (may be empty); `reason` is plain English with no personal data.
// throw_first turns the first of a domain check's problems into Unprocessable (422) naming its field.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "domain/event.h"

namespace gt::app {

struct Error : std::runtime_error {
  enum class Kind { BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Unprocessable };
  Error(Kind k, std::string f, std::string r)
      : std::runtime_error(f.empty() ? r : f + ": " + r), kind(k), field(std::move(f)), reason(std::move(r)) {}
  Kind kind;
  std::string field;
  std::string reason;
};

inline void throw_first(const std::vector<FieldError>& errors) {
  if (!errors.empty()) throw Error(Error::Kind::Unprocessable, errors.front().field, errors.front().reason);
}

}  // namespace gt::app
