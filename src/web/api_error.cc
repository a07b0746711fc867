// API errors: JSON error bodies and app::Error -> status (see api_error.h).
#include "web/api_error.h"

#include <nlohmann/json.hpp>

namespace gt::web {

int status_of(app::Error::Kind kind) {
  switch (kind) {
    case app::Error::Kind::BadRequest: return 400;
    case app::Error::Kind::Unauthenticated: return 401;
    case app::Error::Kind::Forbidden: return 403;
    case app::Error::Kind::NotFound: return 404;
    case app::Error::Kind::Conflict: return 409;
    case app::Error::Kind::Unprocessable: return 422;
  }
  return 500;
}

Response api_error(int status, std::string_view field, std::string_view reason) {
  nlohmann::json j = {{"error", {{"status", status}, {"field", field}, {"reason", reason}}}};
  return Response::json(status, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace gt::web
