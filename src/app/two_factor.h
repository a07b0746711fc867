// Two-factor: time-based one-time passwords (TOTP, RFC 6238) as authenticator apps make them -
// HMAC-SHA-1, 30-second steps from the Unix epoch, 6 digits - computed with liboath.
//
// Contract:
//  - A secret is 20 random bytes (160 bits, RFC 4226's recommendation) written in base32 without
//    padding: 32 characters A-Z and 2-7. valid_totp_secret accepts only that shape (upper case,
//    spaces removed by normalise_totp_secret), so nobody can enrol a short, guessable secret.
//  - totp_code(secret, t) is the code for the step containing unix time t. totp_accept checks a
//    code typed by a person against the steps t-30s, t and t+30s (clock drift of one step either
//    way) and returns the step it matched only when that step is later than `last_step` (a code
//    is never accepted twice: RFC 6238 s5.2); the caller stores the step. Comparison is in
//    constant time; spaces in the typed code are ignored.
//  - otpauth_uri gives the key URI authenticator apps read (otpauth://totp/ISSUER:ACCOUNT?...).
//  - kDemoTotpSecret is the demo council's published secret for its staff (app/demo.cc), so a
//    newcomer can add it to an authenticator app or run `goldthread totp --secret ...`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gt::app {

inline constexpr int kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;
inline constexpr const char* kDemoTotpSecret = "GOLDENTHREADDEMOGOLDENTHREADDEMO";

std::string new_totp_secret();
std::string normalise_totp_secret(const std::string& typed);  // upper case, spaces and '=' removed
bool valid_totp_secret(const std::string& secret);

// The step containing unix time t.
std::int64_t totp_step(std::int64_t unix_time);
// Throws std::invalid_argument for a secret that is not valid base32.
std::string totp_code(const std::string& secret, std::int64_t unix_time);
// The step the code matched (within one step of now, later than last_step), or nullopt.
std::optional<std::int64_t> totp_accept(const std::string& secret, const std::string& typed_code,
                                        std::int64_t now, std::int64_t last_step);

std::string otpauth_uri(const std::string& secret, const std::string& account, const std::string& issuer);

}  // namespace gt::app
