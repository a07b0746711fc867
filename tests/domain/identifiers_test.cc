// Identifier checks: the worked examples of SEND reference s4 and the exact message for each rule.
#include "domain/identifiers.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace gt {
namespace {

// One row: the text as typed, then either the normalised value (ok) or the exact message.
struct Case {
  std::string input;
  bool ok;
  std::string expected;  // value when ok, message when not
  bool temporary = false;
};
std::ostream& operator<<(std::ostream& os, const Case& c) { return os << '"' << c.input << '"'; }

void expect(const IdResult& r, const Case& c) {
  EXPECT_EQ(r.ok, c.ok) << r.error;
  EXPECT_EQ(static_cast<bool>(r), c.ok);
  if (c.ok) {
    EXPECT_EQ(r.value, c.expected);
    EXPECT_TRUE(r.error.empty());
  } else {
    EXPECT_EQ(r.error, c.expected);
    EXPECT_TRUE(r.value.empty());
  }
  EXPECT_EQ(r.temporary, c.temporary);
}

// ---- UPN ----
class UpnTest : public ::testing::TestWithParam<Case> {};
TEST_P(UpnTest, Validates) { expect(validate_upn(GetParam().input), GetParam()); }
INSTANTIATE_TEST_SUITE_P(
    Identifiers, UpnTest,
    ::testing::Values(
        Case{"B801200005001", true, "B801200005001"},                 // s4.2 worked example
        Case{"C82312345600A", true, "C82312345600A", true},           // s4.2 temporary example
        Case{"c82312345600a", true, "C82312345600A", true},           // upper-cased
        Case{"  b801200005001\t", true, "B801200005001"},             // surrounding white space dropped
        Case{"N82312345600Z", true, "N82312345600Z", true},           // Z = 22 in the table
        Case{"M936123401234", true, "M936123401234"},
        Case{"", false, "UPN is empty"},
        Case{"   ", false, "UPN is empty"},
        Case{"B80120000500", false, "UPN must be 13 characters, not 12"},
        Case{"B8012000050011", false, "UPN must be 13 characters, not 14"},
        Case{"801200005001", false, "UPN must be 13 characters, not 12"},
        Case{"I801200005001", false, "UPN character 1 'I' is not a check letter: I, O and S are never used"},
        Case{"o801200005001", false, "UPN character 1 'o' is not a check letter: I, O and S are never used"},
        Case{"S801200005001", false, "UPN character 1 'S' is not a check letter: I, O and S are never used"},
        Case{"8801200005001", false, "UPN character 1 '8' must be the check letter (A to Z, except I, O and S)"},
        Case{"#801200005001", false, "UPN character 1 '#' must be the check letter (A to Z, except I, O and S)"},
        Case{"BA01200005001", false, "UPN character 2 'A' must be a digit: characters 2 to 12 are always digits"},
        Case{"B8012X0005001", false, "UPN character 6 'X' must be a digit: characters 2 to 12 are always digits"},
        Case{"B80120000500A1", false, "UPN must be 13 characters, not 14"},
        Case{"B8012000050A1", false, "UPN character 12 'A' must be a digit: characters 2 to 12 are always digits"},
        Case{"B801200 05001", false, "UPN character 8 ' ' must be a digit: characters 2 to 12 are always digits"},
        Case{"B80120000\t001", false,
             "UPN character 10 (control character 0x09) must be a digit: characters 2 to 12 are always digits"},
        Case{"B8012000\xC3\xA9" "001", false,
             "UPN character 9 '\xC3\xA9' must be a digit: characters 2 to 12 are always digits"},
        Case{"B80120000500O", false,
             "UPN character 13 'O' is not allowed: a temporary UPN ends in a letter other than I, O and S"},
        Case{"B80120000500i", false,
             "UPN character 13 'i' is not allowed: a temporary UPN ends in a letter other than I, O and S"},
        Case{"B80120000500#", false, "UPN character 13 '#' must be a digit, or a letter for a temporary UPN"},
        Case{"C801200005001", false, "UPN check letter should be 'B' for this number, not 'C' (modulus 23 check)"},
        Case{"A801200005001", false, "UPN check letter should be 'B' for this number, not 'A' (modulus 23 check)"},
        Case{"B82312345600A", false, "UPN check letter should be 'C' for this number, not 'B' (modulus 23 check)"},
        Case{"B801200005010", false, "UPN check letter should be 'A' for this number, not 'B' (modulus 23 check)"}));

TEST(Upn, CheckLetterFollowsTheTable) {
  EXPECT_EQ(upn_check_letter("801200005001"), 'B');
  EXPECT_EQ(upn_check_letter("82312345600A"), 'C');
  EXPECT_EQ(upn_check_letter("000000000000"), 'A');
  EXPECT_EQ(upn_check_letter("80120000500"), std::nullopt);    // 11 characters
  EXPECT_EQ(upn_check_letter("8012000050I1"), std::nullopt);   // letter before position 13
  EXPECT_EQ(upn_check_letter("80120000500I"), std::nullopt);   // I is not in the table
}

TEST(Upn, EveryGeneratedUpnValidates) {
  // Generated bodies with their computed letters must all pass, permanent and temporary alike.
  for (int n = 0; n < 2000; n += 7) {
    std::string body = "801" + std::string(5 - std::to_string(n).size(), '0') + std::to_string(n) + "2500";
    body = body.substr(0, 12);
    auto letter = upn_check_letter(body);
    ASSERT_TRUE(letter);
    auto r = validate_upn(std::string(1, *letter) + body);
    EXPECT_TRUE(r.ok) << r.error;
    EXPECT_FALSE(r.temporary);
    std::string temp = body.substr(0, 11) + "K";
    auto rt = validate_upn(std::string(1, *upn_check_letter(temp)) + temp);
    EXPECT_TRUE(rt.ok) << rt.error;
    EXPECT_TRUE(rt.temporary);
  }
}

// ---- ULN ----
class UlnTest : public ::testing::TestWithParam<Case> {};
TEST_P(UlnTest, Validates) { expect(validate_uln(GetParam().input), GetParam()); }
INSTANTIATE_TEST_SUITE_P(
    Identifiers, UlnTest,
    ::testing::Values(
        Case{"1234567899", true, "1234567899"},  // s4.3 worked example
        Case{" 1234567899 ", true, "1234567899"},
        Case{"1000000000", true, "1000000000"},  // check digit 0
        Case{"5555555554", true, "5555555554"},
        Case{"", false, "ULN is empty"},
        Case{"123x567899", false, "ULN must be 10 digits; character 4 'x' is not a digit"},
        Case{"987654321x", false, "ULN must be 10 digits; character 10 'x' is not a digit"},
        Case{"123 456 7899", false, "ULN must be 10 digits; character 4 ' ' is not a digit"},
        Case{"123-4567899", false, "ULN must be 10 digits; character 4 '-' is not a digit"},
        Case{"123456789", false, "ULN must be 10 digits, not 9"},
        Case{"12345678999", false, "ULN must be 10 digits, not 11"},
        Case{"9999999999", false, "ULN 9999999999 is the temporary number used in the ILR and is not accepted"},
        Case{"1234567898", false, "ULN check digit should be 9, not 8 (modulus 11)"},
        Case{"1000000001", false, "ULN check digit should be 0, not 1 (modulus 11)"}));

TEST(Uln, NoCheckDigitMakes987654321Valid) {
  // s4.3: the body 987654321 has remainder 0, so no ULN can start with it.
  EXPECT_EQ(uln_check_digit("987654321"), std::nullopt);
  for (char d = '0'; d <= '9'; ++d) {
    auto r = validate_uln(std::string("987654321") + d);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "ULN cannot be valid: no ULN starts 987654321 "
                       "(the modulus 11 remainder of the first nine digits is 0)");
  }
  EXPECT_EQ(uln_check_digit("123456789"), 9);
  EXPECT_EQ(uln_check_digit("12345678"), std::nullopt);
  EXPECT_EQ(uln_check_digit("12345678x"), std::nullopt);
}

// ---- NHS number ----
class NhsTest : public ::testing::TestWithParam<Case> {};
TEST_P(NhsTest, Validates) { expect(validate_nhs_number(GetParam().input), GetParam()); }
INSTANTIATE_TEST_SUITE_P(
    Identifiers, NhsTest,
    ::testing::Values(
        Case{"9434765919", true, "9434765919"},  // s4.1 worked example
        Case{"943 476 5919", true, "9434765919"},
        Case{"943-476-5919", true, "9434765919"},
        Case{"  943 476 5919  ", true, "9434765919"},
        Case{"1234567881", true, "1234567881"},  // s4.1 second example
        Case{"4010232137", true, "4010232137"},
        Case{"1000000060", true, "1000000060"},  // check 11 becomes 0
        Case{"", false, "NHS number is empty"},
        Case{"943 476 591x", false,
             "NHS number character 12 'x' is not a digit (only digits, spaces and hyphens are allowed)"},
        Case{"943.476.5919", false,
             "NHS number character 4 '.' is not a digit (only digits, spaces and hyphens are allowed)"},
        Case{"943476591", false, "NHS number must have 10 digits, not 9"},
        Case{"943 476 59190", false, "NHS number must have 10 digits, not 11"},
        Case{"1111111111", false, "NHS number 1111111111 is not accepted: all ten digits are the same"},
        Case{"0000000000", false, "NHS number 0000000000 is not accepted: all ten digits are the same"},
        Case{"999 999 9999", false, "NHS number 9999999999 is not accepted: all ten digits are the same"},
        Case{"1234567890", false,
             "NHS number cannot be valid: no NHS number starts 123456789 "
             "(modulus 11 gives a check digit of 10, which is never issued)"},
        Case{"9434765918", false, "NHS number check digit should be 9, not 8 (modulus 11)"},
        Case{"1234567882", false, "NHS number check digit should be 1, not 2 (modulus 11)"},
        Case{"1000000061", false, "NHS number check digit should be 0, not 1 (modulus 11)"}));

TEST(Nhs, CheckDigitArithmetic) {
  EXPECT_EQ(nhs_check_digit("943476591"), 9);
  EXPECT_EQ(nhs_check_digit("123456788"), 1);
  EXPECT_EQ(nhs_check_digit("100000006"), 0);
  EXPECT_EQ(nhs_check_digit("123456789"), std::nullopt);  // check 10: never valid
  EXPECT_EQ(nhs_check_digit("12345678"), std::nullopt);
}

TEST(Nhs, DisplayForm) {
  EXPECT_EQ(format_nhs_number("9434765919"), "943 476 5919");
  EXPECT_EQ(format_nhs_number("943476591"), "943476591");
  EXPECT_EQ(format_nhs_number("943476591x"), "943476591x");
}

// ---- Postcode ----
class PostcodeTest : public ::testing::TestWithParam<Case> {};
TEST_P(PostcodeTest, Validates) { expect(validate_postcode(GetParam().input), GetParam()); }
INSTANTIATE_TEST_SUITE_P(
    Identifiers, PostcodeTest,
    ::testing::Values(
        Case{"SW1A 1AA", true, "SW1A 1AA"},    // AA9A
        Case{"sw1a1aa", true, "SW1A 1AA"},
        Case{" ls1   4dy ", true, "LS1 4DY"},  // AA9
        Case{"M1 1AE", true, "M1 1AE"},        // A9
        Case{"B33 8TH", true, "B33 8TH"},      // A99
        Case{"CR2 6XH", true, "CR2 6XH"},      // AA9
        Case{"DN55 1PT", true, "DN55 1PT"},    // AA99
        Case{"W1A 0AX", true, "W1A 0AX"},      // A9A
        Case{"EC1A 1BB", true, "EC1A 1BB"},
        Case{"GIR 0AA", true, "GIR 0AA"},
        Case{"gir0aa", true, "GIR 0AA"},
        Case{"", false, "Postcode is empty"},
        Case{"SW1A-1AA", false, "Postcode character 5 '-' is not a letter or digit"},
        Case{"SW1", false, "Postcode must have 5 to 7 letters and digits, not 3"},
        Case{"SW1A 1AAA", false, "Postcode must have 5 to 7 letters and digits, not 8"},
        Case{"SW1A AAA", false, "Postcode 'SW1A AAA': the last part must be a digit then two letters; 'A' is not a digit"},
        Case{"SW1A 11A", false, "Postcode 'SW1A 11A': the last part must be a digit then two letters; '1' is not a letter"},
        Case{"SW1A 1CA", false,
             "Postcode 'SW1A 1CA': the last part cannot contain 'C': C, I, K, M, O and V are never used there"},
        Case{"LS1 4DV", false,
             "Postcode 'LS1 4DV': the last part cannot contain 'V': C, I, K, M, O and V are never used there"},
        Case{"1W1A 1AA", false, "Postcode '1W1A 1AA': a postcode starts with a letter, not '1'"},
        Case{"QA1 1AA", false,
             "Postcode 'QA1 1AA': a postcode cannot start with 'Q': Q, V and X are never the first letter"},
        Case{"X1 1AA", false,
             "Postcode 'X1 1AA': a postcode cannot start with 'X': Q, V and X are never the first letter"},
        Case{"ABC 1AA", false,
             "Postcode 'ABC 1AA': the first part 'ABC' is not a postcode shape "
             "(A9, A99, AA9, AA99, A9A or AA9A, where A is a letter and 9 a digit)"},
        Case{"A1B1 1AA", false,
             "Postcode 'A1B1 1AA': the first part 'A1B1' is not a postcode shape "
             "(A9, A99, AA9, AA99, A9A or AA9A, where A is a letter and 9 a digit)"},
        Case{"AI1 1AA", false, "Postcode 'AI1 1AA': the second letter cannot be 'I': I, J and Z are never used there"},
        Case{"BZ12 1AA", false, "Postcode 'BZ12 1AA': the second letter cannot be 'Z': I, J and Z are never used there"},
        Case{"W1Z 1AA", false,
             "Postcode 'W1Z 1AA': the letter 'Z' after the digit in 'W1Z' is not used: "
             "only A, B, C, D, E, F, G, H, J, K, P, S, T, U and W are"},
        Case{"EC1C 1AA", false,
             "Postcode 'EC1C 1AA': the letter 'C' after the digit in 'EC1C' is not used: "
             "only A, B, E, H, M, N, P, R, V, W, X and Y are"}));

TEST(Postcode, Normalises) {
  EXPECT_EQ(normalise_postcode("sw1a1aa"), "SW1A 1AA");
  EXPECT_EQ(normalise_postcode("  sw1a   1aa "), "SW1A 1AA");
  EXPECT_EQ(normalise_postcode("M11AE"), "M1 1AE");
  EXPECT_EQ(normalise_postcode("ab"), "AB");
  EXPECT_EQ(normalise_postcode(""), "");
}

}  // namespace
}  // namespace gt
