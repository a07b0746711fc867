// Two-factor: TOTP codes with liboath, secrets from libsodium's random bytes (see two_factor.h).
#include "app/two_factor.h"

#include <liboath/oath.h>
#include <sodium.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace gt::app {

namespace {

void ensure_oath() {
  static const int rc = oath_init();
  if (rc != OATH_OK) throw std::runtime_error("liboath failed to initialise");
}

std::string decode_base32(const std::string& secret) {
  ensure_oath();
  char* out = nullptr;
  std::size_t len = 0;
  if (oath_base32_decode(secret.data(), secret.size(), &out, &len) != OATH_OK || !out)
    throw std::invalid_argument("the two-factor secret is not valid base32");
  std::unique_ptr<char, decltype(&std::free)> guard(out, &std::free);
  std::string raw(out, len);
  sodium_memzero(out, len);
  return raw;
}

std::string code_for_step(const std::string& raw, std::int64_t step) {
  char otp[kTotpDigits + 1] = {};
  time_t when = static_cast<time_t>(step) * kTotpStepSeconds;
  if (oath_totp_generate(raw.data(), raw.size(), when, kTotpStepSeconds, OATH_TOTP_DEFAULT_START_TIME, kTotpDigits,
                         otp) != OATH_OK)
    throw std::runtime_error("liboath could not compute a code");
  return std::string(otp, kTotpDigits);
}

std::string uri_escape(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || c == '@') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string new_totp_secret() {
  ensure_oath();
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char raw[20];
  randombytes_buf(raw, sizeof raw);
  char* out = nullptr;
  std::size_t len = 0;
  if (oath_base32_encode(reinterpret_cast<const char*>(raw), sizeof raw, &out, &len) != OATH_OK || !out)
    throw std::runtime_error("liboath could not encode a secret");
  std::unique_ptr<char, decltype(&std::free)> guard(out, &std::free);
  sodium_memzero(raw, sizeof raw);
  return normalise_totp_secret(std::string(out, len));
}

std::string normalise_totp_secret(const std::string& typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '=' || c == '-') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

bool valid_totp_secret(const std::string& secret) {
  if (secret.size() != 32) return false;
  for (char c : secret)
    if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) return false;
  return true;
}

std::int64_t totp_step(std::int64_t unix_time) { return unix_time / kTotpStepSeconds; }

std::string totp_code(const std::string& secret, std::int64_t unix_time) {
  std::string raw = decode_base32(normalise_totp_secret(secret));
  std::string code = code_for_step(raw, totp_step(unix_time));
  sodium_memzero(raw.data(), raw.size());
  return code;
}

std::optional<std::int64_t> totp_accept(const std::string& secret, const std::string& typed_code,
                                        std::int64_t now, std::int64_t last_step) {
  std::string code;
  for (char c : typed_code)
    if (c != ' ') code += c;
  if (code.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;
  for (char c : code)
    if (c < '0' || c > '9') return std::nullopt;
  std::string raw = decode_base32(normalise_totp_secret(secret));
  std::optional<std::int64_t> matched;
  const std::int64_t now_step = totp_step(now);
  for (std::int64_t step = now_step - 1; step <= now_step + 1; ++step) {
    std::string expected = code_for_step(raw, step);
    // Every step is computed and compared whatever matched, so the time taken says nothing.
    bool same = sodium_memcmp(expected.data(), code.data(), code.size()) == 0;
    if (same && step > last_step && !matched) matched = step;
  }
  sodium_memzero(raw.data(), raw.size());
  return matched;
}

std::string otpauth_uri(const std::string& secret, const std::string& account, const std::string& issuer) {
  return "otpauth://totp/" + uri_escape(issuer) + ":" + uri_escape(account) + "?secret=" + secret +
         "&issuer=" + uri_escape(issuer) + "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpStepSeconds);
}

}  // namespace gt::app
