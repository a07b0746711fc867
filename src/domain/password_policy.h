// Password policy: what makes a password acceptable, after the NCSC's guidance ("Password
// administration for system owners"): length and a deny list of common passwords, no composition
// rules (no "one capital, one digit, one symbol"), no expiry.
//
// Contract:
//  - password_problem returns nullopt for an acceptable password, else one plain-English reason
//    that says how to put it right (shown beside the field; it never repeats the password).
//  - Length counts characters (UTF-8 code points), not bytes: at least rules.min_length, at most
//    kMaxPasswordLength (long passphrases welcome; the cap bounds the hashing work).
//  - Refused as too easy to guess, comparing without regard to case: a password on the deny list;
//    one that is a deny-listed password with digits or symbols added before or after
//    ("Password2024!"); one character or a short run repeated ("aaaaaaaaaaaa", "abcabcabcabc") or
//    characters in order ("abcdefghijk", "0987654321");
//    the person's email address or the part before the @; the service's name with or without
//    digits and symbols.
//  - The deny list is passed in (lower-cased entries); no I/O here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace gt {

inline constexpr std::size_t kMaxPasswordLength = 200;

struct PasswordRules {
  std::size_t min_length = 10;
  std::string email;  // the account's email address ("" when not known yet)
};

using PasswordDenyList = std::unordered_set<std::string>;

std::optional<std::string> password_problem(std::string_view password, const PasswordRules& rules,
                                            const PasswordDenyList& deny);

// The number of UTF-8 code points in s (continuation bytes are not counted).
std::size_t utf8_length(std::string_view s);

}  // namespace gt
