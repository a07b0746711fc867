// Two-factor: liboath's TOTP against RFC 6238's own test vectors (SHA-1, 8-digit codes truncated
// to the last 6 by the same dynamic truncation), secrets, the drift window and the otpauth URI.
#include "app/two_factor.h"

#include <gtest/gtest.h>

namespace gt::app {
namespace {

// RFC 6238 appendix B: the ASCII key "12345678901234567890" is this in base32.
constexpr const char* kRfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

TEST(TwoFactor, MatchesTheRfc6238TestVectors) {
  // Appendix B's 8-digit codes; authenticator apps show the last 6 digits.
  EXPECT_EQ(totp_code(kRfcKey, 59), "287082");           // 94287082
  EXPECT_EQ(totp_code(kRfcKey, 1111111109), "081804");   // 07081804
  EXPECT_EQ(totp_code(kRfcKey, 1111111111), "050471");   // 14050471
  EXPECT_EQ(totp_code(kRfcKey, 1234567890), "005924");   // 89005924
  EXPECT_EQ(totp_code(kRfcKey, 2000000000), "279037");   // 69279037
  EXPECT_EQ(totp_code(kRfcKey, 20000000000), "353130");  // 65353130
}

TEST(TwoFactor, NewSecretsAre160BitsOfBase32AndDiffer) {
  std::string a = new_totp_secret(), b = new_totp_secret();
  EXPECT_TRUE(valid_totp_secret(a));
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  EXPECT_FALSE(valid_totp_secret("AAAAAAAAAAAAAAAA")) << "80 bits is too short";
  EXPECT_FALSE(valid_totp_secret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ1")) << "1 is not base32";
  EXPECT_EQ(normalise_totp_secret("gezd gnbv-gy3t qojq gezd gnbv gy3t qojq=="), kRfcKey);
}

TEST(TwoFactor, AcceptsOneStepOfDriftEachWayOnlyAfterTheLastStepUsed) {
  const std::int64_t now = 1'800'000'015;  // inside step 60,000,000
  const std::int64_t step = now / 30;
  EXPECT_EQ(totp_step(now), step);
  EXPECT_EQ(totp_accept(kRfcKey, totp_code(kRfcKey, now), now, 0), step);
  EXPECT_EQ(totp_accept(kRfcKey, totp_code(kRfcKey, now - 30), now, 0), step - 1);
  EXPECT_EQ(totp_accept(kRfcKey, totp_code(kRfcKey, now + 30), now, 0), step + 1);
  EXPECT_EQ(totp_accept(kRfcKey, totp_code(kRfcKey, now - 60), now, 0), std::nullopt);
  EXPECT_EQ(totp_accept(kRfcKey, totp_code(kRfcKey, now + 60), now, 0), std::nullopt);
  EXPECT_EQ(totp_accept(kRfcKey, totp_code(kRfcKey, now), now, step), std::nullopt) << "used already";
  EXPECT_EQ(totp_accept(kRfcKey, totp_code(kRfcKey, now - 30), now, step - 1), std::nullopt);
  std::string spaced = totp_code(kRfcKey, now);
  spaced.insert(3, " ");
  EXPECT_EQ(totp_accept(kRfcKey, spaced, now, 0), step) << "\"123 456\" as some apps show it";
  EXPECT_EQ(totp_accept(kRfcKey, "12345", now, 0), std::nullopt);
  EXPECT_EQ(totp_accept(kRfcKey, "12345a", now, 0), std::nullopt);
}

TEST(TwoFactor, TheKeyUriNamesTheIssuerAccountAndParameters) {
  EXPECT_EQ(otpauth_uri(kRfcKey, "sam.jones@example.org", "Golden Thread"),
            "otpauth://totp/Golden%20Thread:sam.jones@example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            "&issuer=Golden%20Thread&algorithm=SHA1&digits=6&period=30");
}

TEST(TwoFactor, TheDemoSecretIsValid) { EXPECT_TRUE(valid_totp_secret(kDemoTotpSecret)); }

}  // namespace
}  // namespace gt::app
