// Request and Response helpers (see http_types.h for the contract).
#include "web/http_types.h"

#include <charconv>

namespace gt::web {

std::string_view method_name(Method m) {
  switch (m) {
    case Method::Get: return "GET";
    case Method::Head: return "HEAD";
    case Method::Post: return "POST";
    case Method::Put: return "PUT";
    case Method::Delete: return "DELETE";
    case Method::Patch: return "PATCH";
    case Method::Options: return "OPTIONS";
    case Method::Other: break;
  }
  return "OTHER";
}

Method parse_method(std::string_view s) {
  if (s == "GET") return Method::Get;
  if (s == "POST") return Method::Post;
  if (s == "PUT") return Method::Put;
  if (s == "DELETE") return Method::Delete;
  if (s == "HEAD") return Method::Head;
  if (s == "PATCH") return Method::Patch;
  if (s == "OPTIONS") return Method::Options;
  return Method::Other;
}

std::string_view Request::header(std::string_view lower_name) const {
  for (const auto& h : headers)
    if (h.name == lower_name) return h.value;
  return {};
}

std::string_view Request::cookie(std::string_view name) const {
  for (const auto& h : headers) {
    if (h.name != "cookie") continue;
    std::string_view s = h.value;
    while (!s.empty()) {
      size_t semi = s.find(';');
      std::string_view pair = s.substr(0, semi);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      size_t eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
        std::string_view v = pair.substr(eq + 1);
        while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
        return v;
      }
      if (semi == std::string_view::npos) break;
      s.remove_prefix(semi + 1);
    }
  }
  return {};
}

std::string Request::media_type() const {
  std::string_view ct = header("content-type");
  ct = ct.substr(0, ct.find(';'));
  while (!ct.empty() && (ct.back() == ' ' || ct.back() == '\t')) ct.remove_suffix(1);
  while (!ct.empty() && (ct.front() == ' ' || ct.front() == '\t')) ct.remove_prefix(1);
  std::string out(ct);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view Request::param(std::string_view name) const {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return {};
}

std::optional<std::int64_t> Request::id_param(std::string_view name) const {
  std::string_view v = param(name);
  if (v.empty() || v.size() > 18 || v.front() == '0') return std::nullopt;
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
  if (ec != std::errc() || p != v.data() + v.size() || id <= 0) return std::nullopt;
  return id;
}

namespace {
Response with_body(int status, const char* content_type, std::string body) {
  Response r;
  r.status = status;
  r.content_type = content_type;
  r.body = std::move(body);
  return r;
}
}  // namespace

Response Response::json(int status, std::string body) { return with_body(status, "application/json", std::move(body)); }

Response Response::html(int status, std::string body) {
  return with_body(status, "text/html; charset=utf-8", std::move(body));
}

Response Response::text(int status, std::string body) {
  return with_body(status, "text/plain; charset=utf-8", std::move(body));
}

Response Response::redirect(std::string location) {
  Response r;
  r.status = 303;
  r.add_header("location", std::move(location));
  return r;
}

Response Response::empty(int status) {
  Response r;
  r.status = status;
  return r;
}

}  // namespace gt::web
