// Auth: session lookup from cookie or bearer token, cookie strings, CSRF comparison and the
// pre-session tokens of the forms shown before sign-in (see auth.h).
#include "web/auth.h"

#include <sodium.h>

#include <array>
#include <ctime>
#include <stdexcept>

namespace gt::web {

namespace {

constexpr std::int64_t kPreSessionSeconds = 2 * 3600;

const std::array<unsigned char, crypto_generichash_KEYBYTES>& pre_session_key() {
  static const auto key = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    std::array<unsigned char, crypto_generichash_KEYBYTES> k{};
    randombytes_buf(k.data(), k.size());
    return k;
  }();
  return key;
}

std::string hex(const unsigned char* p, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

std::string mac(std::string_view nonce, std::int64_t issued) {
  std::string msg = std::string(nonce) + "." + std::to_string(issued);
  unsigned char out[32];
  const auto& key = pre_session_key();
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), key.data(),
                     key.size());
  return hex(out, sizeof out);
}

bool plausible_nonce(std::string_view n) {
  if (n.size() != 64) return false;
  for (char c : n)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string cookie_attrs(bool secure, std::int64_t max_age) {
  std::string c = "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

}  // namespace

bool authenticate(app::Accounts& accounts, Request& req) {
  std::string_view authz = req.header("authorization");
  if (!authz.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    if (authz.size() <= kBearer.size() || authz.substr(0, kBearer.size()) != kBearer) return false;
    std::string token(authz.substr(kBearer.size()));
    req.session = accounts.session(token);
    req.via_cookie = false;
    return req.session.has_value();
  }
  std::string_view cookie = req.cookie(kSessionCookie);
  if (cookie.empty()) return false;
  req.session = accounts.session(std::string(cookie));
  req.via_cookie = true;
  return req.session.has_value();
}

bool reachable_while_pending(std::string_view route_name) {
  return route_name == "GET /sign-in/two-factor" || route_name == "POST /sign-in/two-factor" ||
         route_name == "POST /sign-out";
}

std::string session_cookie(const std::string& token, bool secure, std::int64_t max_age) {
  return std::string(kSessionCookie) + "=" + token + cookie_attrs(secure, max_age);
}

std::string clear_session_cookie(bool secure) { return std::string(kSessionCookie) + "=" + cookie_attrs(secure, 0); }

bool csrf_matches(std::string_view expected, std::string_view given) {
  if (expected.empty() || expected.size() != given.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < expected.size(); ++i) diff |= static_cast<unsigned char>(expected[i] ^ given[i]);
  return diff == 0;
}

PreSession pre_session(const Request& req, bool secure) {
  PreSession p;
  std::string nonce(req.cookie(kPreSessionCookie));
  if (!plausible_nonce(nonce)) {
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    nonce = hex(raw, sizeof raw);
    p.cookie = std::string(kPreSessionCookie) + "=" + nonce + cookie_attrs(secure, kPreSessionSeconds);
  }
  std::int64_t issued = static_cast<std::int64_t>(std::time(nullptr));
  p.token = std::to_string(issued) + "." + mac(nonce, issued);
  return p;
}

bool pre_session_matches(const Request& req) {
  std::string_view nonce = req.cookie(kPreSessionCookie);
  if (!plausible_nonce(nonce)) return false;
  std::string token = req.form.value(kCsrfField);
  auto dot = token.find('.');
  if (dot == std::string::npos || dot == 0 || dot > 12) return false;
  std::int64_t issued = 0;
  for (size_t i = 0; i < dot; ++i) {
    if (token[i] < '0' || token[i] > '9') return false;
    issued = issued * 10 + (token[i] - '0');
  }
  std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
  if (issued > now + 60 || now - issued > kPreSessionSeconds) return false;
  return csrf_matches(mac(nonce, issued), std::string_view(token).substr(dot + 1));
}

std::string clear_pre_session_cookie(bool secure) {
  return std::string(kPreSessionCookie) + "=" + cookie_attrs(secure, 0);
}

}  // namespace gt::web
