#include "domain/identifiers.h"

#include "domain/text.h"

#include <array>

namespace gt {

namespace {

// The 23 UPN check letters; a letter's index is its value (A = 0 ... Z = 22).
constexpr std::string_view kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return is_upper(c) || (c >= 'a' && c <= 'z'); }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// "character 4 'x'": the character at byte i (all characters before it are ASCII, since the checks
// stop at the first bad one). A non-ASCII character is quoted whole; a control character by code.
std::string describe(std::string_view s, size_t i) {
  std::string out = "character " + std::to_string(i + 1) + " ";
  auto c = static_cast<unsigned char>(s[i]);
  if (c >= 0x20 && c < 0x7F) return out + "'" + static_cast<char>(c) + "'";
  if (c >= 0x80) {
    size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    return out + "'" + std::string(s.substr(i, n)) + "'";
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  return out + "(control character 0x" + kHex[c >> 4] + kHex[c & 15] + ")";
}

// Length in characters (UTF-8 continuation bytes not counted), for messages about length.
size_t char_count(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string quote(char c) { return std::string("'") + c + "'"; }

IdResult fail(std::string message) {
  IdResult r;
  r.error = std::move(message);
  return r;
}
IdResult pass(std::string value, bool temporary = false) {
  IdResult r;
  r.ok = true;
  r.value = std::move(value);
  r.temporary = temporary;
  return r;
}

// Weighted sum of 9 digits with weights 10, 9, ..., 2 (NHS number and ULN).
int weighted_sum_10_to_2(std::string_view first9) {
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (first9[i] - '0') * (10 - i);
  return sum;
}
bool all_digits(std::string_view s) {
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

}  // namespace

std::optional<char> upn_check_letter(std::string_view body12) {
  if (body12.size() != 12) return std::nullopt;
  int sum = 0;
  for (size_t i = 0; i < 12; ++i) {
    int value;
    char c = body12[i];
    if (is_digit(c)) {
      value = c - '0';
    } else {
      auto pos = (i == 11) ? kUpnLetters.find(c) : std::string_view::npos;
      if (pos == std::string_view::npos) return std::nullopt;
      value = static_cast<int>(pos);
    }
    sum += value * static_cast<int>(i + 2);
  }
  return kUpnLetters[sum % 23];
}

std::optional<int> uln_check_digit(std::string_view first9) {
  if (first9.size() != 9 || !all_digits(first9)) return std::nullopt;
  int r = weighted_sum_10_to_2(first9) % 11;
  if (r == 0) return std::nullopt;
  return 10 - r;
}

std::optional<int> nhs_check_digit(std::string_view first9) {
  if (first9.size() != 9 || !all_digits(first9)) return std::nullopt;
  int check = 11 - weighted_sum_10_to_2(first9) % 11;
  if (check == 11) return 0;
  if (check == 10) return std::nullopt;
  return check;
}

IdResult validate_upn(std::string_view text) {
  std::string_view t = trimmed(text);
  if (t.empty()) return fail("UPN is empty");
  if (t.size() != 13 && char_count(t) != 13)
    return fail("UPN must be 13 characters, not " + std::to_string(char_count(t)));

  char first = upper(t[0]);
  if (first == 'I' || first == 'O' || first == 'S')
    return fail("UPN " + describe(t, 0) + " is not a check letter: I, O and S are never used");
  if (!is_upper(first))
    return fail("UPN " + describe(t, 0) + " must be the check letter (A to Z, except I, O and S)");
  for (size_t i = 1; i < 12; ++i)
    if (!is_digit(t[i]))
      return fail("UPN " + describe(t, i) + " must be a digit: characters 2 to 12 are always digits");
  char last = upper(t[12]);
  bool temporary = false;
  if (!is_digit(last)) {
    if (last == 'I' || last == 'O' || last == 'S')
      return fail("UPN " + describe(t, 12) +
                  " is not allowed: a temporary UPN ends in a letter other than I, O and S");
    if (!is_upper(last))
      return fail("UPN " + describe(t, 12) + " must be a digit, or a letter for a temporary UPN");
    temporary = true;
  }

  std::string value(t);
  for (char& c : value) c = upper(c);
  char expected = *upn_check_letter(std::string_view(value).substr(1));
  if (expected != value[0])
    return fail("UPN check letter should be " + quote(expected) + " for this number, not " + quote(value[0]) +
                " (modulus 23 check)");
  return pass(std::move(value), temporary);
}

IdResult validate_uln(std::string_view text) {
  std::string_view t = trimmed(text);
  if (t.empty()) return fail("ULN is empty");
  for (size_t i = 0; i < t.size(); ++i)
    if (!is_digit(t[i])) return fail("ULN must be 10 digits; " + describe(t, i) + " is not a digit");
  if (t.size() != 10) return fail("ULN must be 10 digits, not " + std::to_string(t.size()));
  if (t == "9999999999") return fail("ULN 9999999999 is the temporary number used in the ILR and is not accepted");
  auto check = uln_check_digit(t.substr(0, 9));
  if (!check)
    return fail("ULN cannot be valid: no ULN starts " + std::string(t.substr(0, 9)) +
                " (the modulus 11 remainder of the first nine digits is 0)");
  if (*check != t[9] - '0')
    return fail("ULN check digit should be " + std::to_string(*check) + ", not " + std::string(1, t[9]) +
                " (modulus 11)");
  return pass(std::string(t));
}

IdResult validate_nhs_number(std::string_view text) {
  std::string_view t = trimmed(text);
  if (t.empty()) return fail("NHS number is empty");
  std::string digits;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (is_digit(c))
      digits += c;
    else if (c != ' ' && c != '-')
      return fail("NHS number " + describe(t, i) + " is not a digit (only digits, spaces and hyphens are allowed)");
  }
  if (digits.size() != 10) return fail("NHS number must have 10 digits, not " + std::to_string(digits.size()));
  if (digits.find_first_not_of(digits[0]) == std::string::npos)
    return fail("NHS number " + digits + " is not accepted: all ten digits are the same");
  auto check = nhs_check_digit(std::string_view(digits).substr(0, 9));
  if (!check)
    return fail("NHS number cannot be valid: no NHS number starts " + digits.substr(0, 9) +
                " (modulus 11 gives a check digit of 10, which is never issued)");
  if (*check != digits[9] - '0')
    return fail("NHS number check digit should be " + std::to_string(*check) + ", not " + digits.substr(9) +
                " (modulus 11)");
  return pass(std::move(digits));
}

std::string format_nhs_number(std::string_view d) {
  if (d.size() != 10 || !all_digits(d)) return std::string(d);
  return std::string(d.substr(0, 3)) + " " + std::string(d.substr(3, 3)) + " " + std::string(d.substr(6));
}

std::string normalise_postcode(std::string_view text) {
  std::string compact;
  for (char c : text)
    if (!is_ascii_space(c)) compact += upper(c);
  if (compact.size() > 3) compact.insert(compact.size() - 3, " ");
  return compact;
}

IdResult validate_postcode(std::string_view text) {
  std::string_view t = trimmed(text);
  if (t.empty()) return fail("Postcode is empty");
  for (size_t i = 0; i < t.size(); ++i)
    if (!is_digit(t[i]) && !is_alpha(t[i]) && t[i] != ' ')
      return fail("Postcode " + describe(t, i) + " is not a letter or digit");
  std::string p = normalise_postcode(t);
  size_t letters_digits = p.size() - (p.find(' ') == std::string::npos ? 0 : 1);
  if (p == "GIR 0AA") return pass(p);
  if (letters_digits < 5 || letters_digits > 7)
    return fail("Postcode must have 5 to 7 letters and digits, not " + std::to_string(letters_digits));

  const std::string named = "Postcode '" + p + "': ";
  std::string_view outward = std::string_view(p).substr(0, p.size() - 4);
  std::string_view inward = std::string_view(p).substr(p.size() - 3);

  if (!is_digit(inward[0]))
    return fail(named + "the last part must be a digit then two letters; " + quote(inward[0]) + " is not a digit");
  for (size_t i = 1; i < 3; ++i) {
    if (!is_upper(inward[i]))
      return fail(named + "the last part must be a digit then two letters; " + quote(inward[i]) + " is not a letter");
    if (std::string_view("CIKMOV").find(inward[i]) != std::string_view::npos)
      return fail(named + "the last part cannot contain " + quote(inward[i]) +
                  ": C, I, K, M, O and V are never used there");
  }

  if (!is_upper(outward[0])) return fail(named + "a postcode starts with a letter, not " + quote(outward[0]));
  if (outward[0] == 'Q' || outward[0] == 'V' || outward[0] == 'X')
    return fail(named + "a postcode cannot start with " + quote(outward[0]) + ": Q, V and X are never the first letter");
  std::string shape;
  for (char c : outward) shape += is_digit(c) ? '9' : 'A';
  constexpr std::array<std::string_view, 6> kShapes = {"A9", "A99", "AA9", "AA99", "A9A", "AA9A"};
  bool known = false;
  for (auto s : kShapes) known = known || s == shape;
  if (!known)
    return fail(named + "the first part '" + std::string(outward) +
                "' is not a postcode shape (A9, A99, AA9, AA99, A9A or AA9A, where A is a letter and 9 a digit)");
  if (shape[1] == 'A' && std::string_view("IJZ").find(outward[1]) != std::string_view::npos)
    return fail(named + "the second letter cannot be " + quote(outward[1]) + ": I, J and Z are never used there");
  if (shape == "A9A" && std::string_view("ABCDEFGHJKPSTUW").find(outward[2]) == std::string_view::npos)
    return fail(named + "the letter " + quote(outward[2]) + " after the digit in '" + std::string(outward) +
                "' is not used: only A, B, C, D, E, F, G, H, J, K, P, S, T, U and W are");
  if (shape == "AA9A" && std::string_view("ABEHMNPRVWXY").find(outward[3]) == std::string_view::npos)
    return fail(named + "the letter " + quote(outward[3]) + " after the digit in '" + std::string(outward) +
                "' is not used: only A, B, E, H, M, N, P, R, V, W, X and Y are");
  return pass(p);
}

}  // namespace gt
