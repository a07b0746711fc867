// Password policy (NCSC): length in characters, the deny list with and without added digits and
// symbols, repeated and sequential characters, the email address and the service's name; no
// composition rules. The deny list here is a small stand-in for john-data's.
#include "domain/password_policy.h"

#include <gtest/gtest.h>

namespace gt {
namespace {

const PasswordDenyList kDeny = {"password", "basketball", "qwertyuiop", "monkey", "iloveyou", "1234567890"};

std::string problem(const std::string& pw, std::size_t min = 10, const std::string& email = "sam.jones@example.org") {
  PasswordRules rules;
  rules.min_length = min;
  rules.email = email;
  return password_problem(pw, rules, kDeny).value_or("");
}

TEST(PasswordPolicy, LongPassphrasesOfAnyKindAreAccepted) {
  EXPECT_EQ(problem("correct horse battery"), "");
  EXPECT_EQ(problem("kettle orchard lantern"), "");
  EXPECT_EQ(problem("alllowercaseletters"), "") << "no composition rules";
  EXPECT_EQ(problem("ten chars!"), "");
  EXPECT_EQ(problem(std::string(200, 'x').replace(0, 5, "abcde") + ""), "") << "200 characters is the maximum";
}

TEST(PasswordPolicy, LengthCountsCharactersNotBytes) {
  EXPECT_NE(problem("nine char").find("at least 10 characters"), std::string::npos);
  EXPECT_NE(problem("elevenchars", 12).find("at least 12 characters"), std::string::npos);
  // Ten characters, several of them two or three bytes in UTF-8.
  EXPECT_EQ(problem("caf\xC3\xA9 na\xC3\xAFve\xE2\x82\xAC"), "");
  EXPECT_EQ(utf8_length("caf\xC3\xA9"), 4u);
  std::string too_long(201, 'a');
  too_long[7] = 'b';
  EXPECT_NE(problem(too_long).find("200 characters or fewer"), std::string::npos);
}

TEST(PasswordPolicy, TheDenyListIsMatchedWithoutRegardToCaseOrAddedDigitsAndSymbols) {
  for (const char* pw : {"basketball", "BASKETBALL", "BasketBall", "1234567890", "Password2024!", "!!password!!",
                         "monkey123456", "2024 iloveyou"}) {
    EXPECT_NE(problem(pw).find("too common"), std::string::npos) << pw;
  }
  EXPECT_EQ(problem("password manager pro"), "") << "a common word inside a longer passphrase is fine";
}

TEST(PasswordPolicy, RepeatedOrSequentialCharactersAreRefused) {
  for (const char* pw : {"aaaaaaaaaaaa", "abababababab", "abcabcabcabc", "zzzzzzzzzz99", "abcdefghijkl", "9876543210",
                         "qwertyqwerty"}) {
    EXPECT_NE(problem(pw).find("repeats characters or runs in order"), std::string::npos) << pw;
  }
}

TEST(PasswordPolicy, NotTheEmailAddressNorTheServicesName) {
  EXPECT_NE(problem("sam.jones@example.org").find("email address"), std::string::npos);
  EXPECT_NE(problem("SAM.JONES@EXAMPLE.ORG").find("email address"), std::string::npos);
  EXPECT_NE(problem("sam.jones2024", 10).find("email address"), std::string::npos);
  EXPECT_NE(problem("Golden Thread 2026").find("name of this service"), std::string::npos);
  EXPECT_NE(problem("goldthread!!").find("name of this service"), std::string::npos);
  EXPECT_EQ(problem("sam.jones@example.org", 10, ""), "") << "no email given: nothing to compare with";
}

TEST(PasswordPolicy, TheReasonNeverRepeatsThePassword) {
  for (const char* pw : {"basketball", "short", "sam.jones@example.org", "aaaaaaaaaaaa"}) {
    std::string r = problem(pw);
    EXPECT_FALSE(r.empty()) << pw;
    EXPECT_EQ(r.find(pw), std::string::npos) << pw;
  }
}

}  // namespace
}  // namespace gt
