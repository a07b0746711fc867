// API errors: the one JSON form of every error the API answers with,
//   {"error": {"status": N, "field": "...", "reason": "..."}}
// and the mapping from app::Error kinds to HTTP statuses:
//   BadRequest 400, Unauthenticated 401, Forbidden 403, NotFound 404, Conflict 409, Unprocessable 422.
// `field` names the input at fault ("" when none); `reason` is plain English with no personal data.
#pragma once

#include <string>
#include <string_view>

#include "app/errors.h"
#include "web/http_types.h"

namespace gt::web {

int status_of(app::Error::Kind kind);
Response api_error(int status, std::string_view field, std::string_view reason);
inline Response api_error(const app::Error& e) { return api_error(status_of(e.kind), e.field, e.reason); }

}  // namespace gt::web
