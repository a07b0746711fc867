// Identifiers: checks for the UPN, ULN, NHS number and postcode of a child (SEND reference s4).
//
// Contract:
//  - Each validate_* returns an IdResult: ok with the normalised value, or not ok with one precise,
//    plain-English message naming the character (1-based position in the text as given, after
//    surrounding white space is dropped) and the rule it breaks. The first problem found is reported.
//  - UPN (s4.2): 13 characters; upper-cased. Character 1 is the modulus 23 check letter (never I, O
//    or S); 2-12 are digits; 13 is a digit, or a letter for a temporary UPN (IdResult::temporary).
//    The LA number in characters 2-4 is not checked against the LA list (this layer holds no list).
//  - ULN (s4.3): exactly 10 digits, modulus 11 check digit; 9999999999 (the ILR's temporary ULN) and
//    bodies whose remainder is 0 are refused.
//  - NHS number (s4.1): 10 digits; spaces and hyphens between digits are allowed and dropped
//    ("943 476 5919" -> "9434765919"). Modulus 11 check; a body whose check would be 10 is never
//    valid; ten identical digits are refused by policy (they can pass the arithmetic).
//  - Postcode (s4.5): format only, not existence. normalise_postcode upper-cases, drops all white
//    space and puts one space before the last three characters; validate_postcode checks the result.
//  - Pure: no I/O, no clock.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gt {

struct IdResult {
  bool ok = false;
  std::string value;       // the normalised identifier when ok
  std::string error;       // the reason when not ok
  bool temporary = false;  // UPN only: a temporary UPN (letter in position 13)
  explicit operator bool() const { return ok; }
};

IdResult validate_upn(std::string_view text);
IdResult validate_uln(std::string_view text);
IdResult validate_nhs_number(std::string_view text);
std::string normalise_postcode(std::string_view text);
IdResult validate_postcode(std::string_view text);

// The check characters, for generators and tests. Arguments must be the body only:
// upn_check_letter: the 12 characters after the check letter (digits; the last may be a table letter);
// uln/nhs_check_digit: the first 9 digits. nullopt when the body is malformed or has no valid check.
std::optional<char> upn_check_letter(std::string_view body12);
std::optional<int> uln_check_digit(std::string_view first9);
std::optional<int> nhs_check_digit(std::string_view first9);

// Display form of a valid, normalised NHS number: "943 476 5919". Other input is returned unchanged.
std::string format_nhs_number(std::string_view digits10);

}  // namespace gt
