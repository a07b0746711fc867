// Auth: session lookup from cookie or bearer token, cookie strings, CSRF comparison (see auth.h).
#include "web/auth.h"

namespace gt::web {

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

std::string session_cookie(const std::string& token, bool secure) {
  std::string c = std::string(kSessionCookie) + "=" + token + "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" +
                  std::to_string(app::Accounts::kSessionSeconds);
  if (secure) c += "; Secure";
  return c;
}

std::string clear_session_cookie(bool secure) {
  std::string c = std::string(kSessionCookie) + "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0";
  if (secure) c += "; Secure";
  return c;
}

bool csrf_matches(std::string_view expected, std::string_view given) {
  if (expected.empty() || expected.size() != given.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < expected.size(); ++i) diff |= static_cast<unsigned char>(expected[i] ^ given[i]);
  return diff == 0;
}

}  // namespace gt::web
