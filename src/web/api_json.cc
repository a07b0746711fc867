// API JSON helpers: strict body and query reading (see api_json.h).
#include "web/api_json.h"

#include <charconv>

namespace gt::web {

using app::Error;
using Kind = app::Error::Kind;

nlohmann::json json_object_body(const Request& req) {
  if (req.media_type() != "application/json")
    throw ApiStatus(415, "content-type", "send the body as application/json");
  auto j = nlohmann::json::parse(req.body, nullptr, false);
  if (j.is_discarded()) throw Error(Kind::BadRequest, "body", "the body is not valid JSON");
  if (!j.is_object()) throw Error(Kind::BadRequest, "body", "the body must be a JSON object");
  return j;
}

nlohmann::json json_body(const Request& req, std::initializer_list<std::string_view> allowed) {
  if (req.media_type() != "application/json")
    throw ApiStatus(415, "content-type", "send the body as application/json");
  auto j = nlohmann::json::parse(req.body, nullptr, false);
  if (j.is_discarded()) throw Error(Kind::BadRequest, "body", "the body is not valid JSON");
  if (!j.is_object()) throw Error(Kind::BadRequest, "body", "the body must be a JSON object");
  for (const auto& [key, value] : j.items()) {
    bool ok = false;
    for (auto a : allowed)
      if (key == a) ok = true;
    if (!ok) throw Error(Kind::Unprocessable, key, "unknown field");
  }
  return j;
}

std::string string_field(const nlohmann::json& j, std::string_view name, bool required) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) {
    if (required) throw Error(Kind::Unprocessable, std::string(name), "is required");
    return {};
  }
  if (!it->is_string()) throw Error(Kind::Unprocessable, std::string(name), "must be a string");
  return it->get<std::string>();
}

std::optional<std::int64_t> int_field(const nlohmann::json& j, std::string_view name, bool required) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) {
    if (required) throw Error(Kind::Unprocessable, std::string(name), "is required");
    return std::nullopt;
  }
  if (!it->is_number_integer()) throw Error(Kind::Unprocessable, std::string(name), "must be an integer");
  return it->get<std::int64_t>();
}

bool bool_field(const nlohmann::json& j, std::string_view name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return false;
  if (!it->is_boolean()) throw Error(Kind::Unprocessable, std::string(name), "must be true or false");
  return it->get<bool>();
}

Response json_response(int status, const nlohmann::json& j) {
  return Response::json(status, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Form strict_query(const Request& req, std::initializer_list<std::string_view> allowed) {
  Form q = req.query_fields();
  if (!q.ok()) throw Error(Kind::BadRequest, "query", "the query string could not be decoded");
  for (std::size_t i = 0; i < q.fields().size(); ++i) {
    const auto& name = q.fields()[i].first;
    bool ok = false;
    for (auto a : allowed)
      if (name == a) ok = true;
    if (!ok) throw Error(Kind::BadRequest, name, "unknown parameter");
    for (std::size_t k = 0; k < i; ++k)
      if (q.fields()[k].first == name) throw Error(Kind::BadRequest, name, "given more than once");
  }
  return q;
}

std::optional<int> int_param(const Form& q, std::string_view name, int lo, int hi) {
  auto v = q.get(name);
  if (!v) return std::nullopt;
  int n = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (v->empty() || ec != std::errc() || p != v->data() + v->size() || n < lo || n > hi)
    throw Error(Kind::BadRequest, std::string(name),
                "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return n;
}

}  // namespace gt::web
