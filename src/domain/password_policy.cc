// Password policy: length, the deny list and the easy-to-guess shapes (see password_policy.h).
#include "domain/password_policy.h"

#include <array>

namespace gt {

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// ASCII digits, punctuation and spaces: what people add to a word to pass composition rules.
bool is_padding(char c) {
  auto u = static_cast<unsigned char>(c);
  return u < 0x80 && !is_ascii_letter(c);
}

// The password without the digits, symbols and spaces before and after its letters.
std::string_view stem(std::string_view s) {
  while (!s.empty() && is_padding(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_padding(s.back())) s.remove_suffix(1);
  return s;
}

// A run of at most a quarter of the password, repeated to fill it ("abababab", "qwerty" x 2).
bool repeats_a_short_run(std::string_view s) {
  const std::size_t n = s.size();
  for (std::size_t unit = 1; unit * 2 <= n && unit <= 8; ++unit) {
    if (n % unit != 0) continue;
    bool same = true;
    for (std::size_t i = unit; i < n && same; ++i) same = s[i] == s[i - unit];
    if (same) return true;
  }
  return false;
}

// Every character one up (or one down) from the one before: "abcdefghijkl", "9876543210".
bool is_sequence(std::string_view s) {
  if (s.size() < 3) return false;
  int step = s[1] - s[0];
  if (step != 1 && step != -1) return false;
  for (std::size_t i = 2; i < s.size(); ++i)
    if (s[i] - s[i - 1] != step) return false;
  return true;
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '-' && c != '_' && c != '.') out += c;
  return out;
}

constexpr std::array<std::string_view, 3> kServiceNames = {"goldenthread", "goldthread", "sendservices"};

}  // namespace

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::optional<std::string> password_problem(std::string_view password, const PasswordRules& rules,
                                            const PasswordDenyList& deny) {
  const std::size_t length = utf8_length(password);
  if (length < rules.min_length)
    return "Your password must be at least " + std::to_string(rules.min_length) +
           " characters long. Three random words together make a good one";
  if (length > kMaxPasswordLength)
    return "Your password must be " + std::to_string(kMaxPasswordLength) + " characters or fewer";

  const std::string lower = lower_ascii(password);
  const std::string_view core = stem(lower);
  constexpr const char* kCommon =
      "This password is too common and easy to guess. Choose another: three random words together make a good one";
  if (deny.count(lower) || (!core.empty() && core.size() < lower.size() && deny.count(std::string(core))))
    return std::string(kCommon);
  if (repeats_a_short_run(lower) || repeats_a_short_run(core) || is_sequence(lower))
    return std::string("Your password repeats characters or runs in order. Choose one that is harder to guess");

  if (!rules.email.empty()) {
    const std::string email = lower_ascii(rules.email);
    const std::string local = email.substr(0, email.find('@'));
    if (lower == email || core == email || (!local.empty() && (lower == local || core == local)))
      return std::string("Your password must not be your email address");
  }
  const std::string squashed = without_spaces(core);
  for (auto name : kServiceNames)
    if (squashed == name) return std::string("Your password must not be the name of this service");
  return std::nullopt;
}

}  // namespace gt
