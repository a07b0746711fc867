// Text helpers for validating what people type: ASCII white space trimmed from both ends,
// ASCII letters upper-cased (codes and identifiers are ASCII; names keep their case). Pure.
#pragma once

#include <string>
#include <string_view>

namespace gt {

constexpr bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

constexpr std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

inline void trim(std::string& s) { s = std::string(trimmed(s)); }

inline void trim_upper(std::string& s) {
  trim(s);
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
}

}  // namespace gt
