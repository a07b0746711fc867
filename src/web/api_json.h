// API JSON helpers: reading request bodies and query parameters strictly, for the /api/v1 handlers.
//
// Contract (each failure throws app::Error, which the dispatcher turns into the JSON error):
//  - json_body: Content-Type must be application/json (415 otherwise - thrown as ApiStatus), the
//    body valid JSON (400) and an object (400); a key not in `allowed` is 422 naming the key.
//  - string_field / int_field / bool_field: a missing required field is 422, a wrong JSON type 422,
//    both naming the field.
//  - json_response(status, j) dumps j (invalid UTF-8 replaced, never thrown).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "app/errors.h"
#include "web/http_types.h"

namespace gt::web {

// An HTTP status the app layer has no kind for (415), thrown by helpers and caught by the dispatcher.
struct ApiStatus : std::runtime_error {
  ApiStatus(int s, std::string f, std::string r) : std::runtime_error(r), status(s), field(std::move(f)), reason(std::move(r)) {}
  int status;
  std::string field;
  std::string reason;
};

nlohmann::json json_body(const Request& req, std::initializer_list<std::string_view> allowed);
// The same checks without the key filter (for bodies whose keys another parser checks).
nlohmann::json json_object_body(const Request& req);
std::string string_field(const nlohmann::json& j, std::string_view name, bool required);
std::optional<std::int64_t> int_field(const nlohmann::json& j, std::string_view name, bool required);
bool bool_field(const nlohmann::json& j, std::string_view name);

Response json_response(int status, const nlohmann::json& j);

// Query parameters: rejects (400) a name not in `allowed`, a repeated name, or a malformed query.
Form strict_query(const Request& req, std::initializer_list<std::string_view> allowed);
// A positive integer parameter within [lo, hi], else 400 naming it.
std::optional<int> int_param(const Form& q, std::string_view name, int lo, int hi);

}  // namespace gt::web
