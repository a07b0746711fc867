// Form: application/x-www-form-urlencoded data (HTML form bodies and URL query strings).
//
// Contract:
//  - percent_decode decodes %XX escapes (and '+' as a space when plus_is_space); it returns false
//    on a malformed escape, a decoded NUL byte or invalid UTF-8, leaving `out` unspecified.
//  - parse_urlencoded splits on '&' and '=' and decodes names and values; malformed pairs are kept
//    with ok() false so a handler can answer 400 instead of silently dropping input.
//  - Lookups are by exact name; get() returns the first value, all() every value in order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gt::web {

bool percent_decode(std::string_view in, std::string& out, bool plus_is_space);
bool valid_utf8(std::string_view s);

class Form {
 public:
  std::optional<std::string_view> get(std::string_view name) const;
  std::string value(std::string_view name) const;  // first value or ""
  std::vector<std::string_view> all(std::string_view name) const;
  bool has(std::string_view name) const { return get(name).has_value(); }
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
  bool ok() const { return ok_; }  // false when some pair could not be decoded

  void add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }
  void set_malformed() { ok_ = false; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
  bool ok_ = true;
};

Form parse_urlencoded(std::string_view body);

// Encodes a value for a URL query or a form (spaces as %20; unreserved characters kept).
std::string url_encode(std::string_view s);

}  // namespace gt::web
