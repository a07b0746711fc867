// Auth: who is asking. A request is signed in by the `gt_session` cookie (pages and the API) or by
// `Authorization: Bearer <token>` (the API); both carry the token app::Accounts gave at sign-in.
//
// Contract:
//  - authenticate() looks the token up through app::Accounts (a database read: call it on the
//    pool) and returns the session, full or pending, or nullopt. The bearer header wins over the
//    cookie.
//  - A pending session (password accepted, second factor not yet) may reach only the routes of
//    reachable_while_pending(): the two-factor page and sign-out. The dispatcher sends it to the
//    two-factor page (pages) or answers 401 (API) everywhere else.
//  - session_cookie() is "gt_session=<token>; HttpOnly; SameSite=Strict; Path=/; Max-Age=<s>"
//    plus "; Secure" when secure cookies are on; clear_session_cookie() expires it.
//  - Forms shown before sign-in (sign-in, forgot password, invitation and reset links) carry a
//    pre-session CSRF token (signed double submit): the `gt_presession` cookie holds a random
//    nonce (HttpOnly, SameSite=Strict, 2 hours), the form's csrf_token field holds
//    "<issued>.<MAC(nonce, issued)>" under a key random to this process. pre_session_matches
//    accepts only a token made for the cookie's nonce within the last 2 hours, so another site can
//    neither read nor forge one (login CSRF). A restart of the server expires open forms.
//  - csrf_matches compares in constant time. Tokens are never logged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/accounts.h"
#include "web/http_types.h"

namespace gt::web {

inline constexpr std::string_view kSessionCookie = "gt_session";
inline constexpr std::string_view kPreSessionCookie = "gt_presession";
inline constexpr std::string_view kCsrfField = "csrf_token";    // form field on every page POST
inline constexpr std::string_view kCsrfHeader = "x-csrf-token"; // API writes signed in by cookie
inline constexpr std::string_view kTwoFactorPath = "/sign-in/two-factor";

// Sets req.session and req.via_cookie when the request carries a valid session.
bool authenticate(app::Accounts& accounts, Request& req);
// Route names ("POST /sign-out") a pending session may reach.
bool reachable_while_pending(std::string_view route_name);

std::string session_cookie(const std::string& token, bool secure,
                           std::int64_t max_age = app::Accounts::kSessionSeconds);
std::string clear_session_cookie(bool secure);

bool csrf_matches(std::string_view expected, std::string_view given);

// Pre-session CSRF for the forms shown before sign-in.
struct PreSession {
  std::string token;   // put in the form as csrf_token
  std::string cookie;  // a Set-Cookie value when the request had no usable nonce, else empty
};
PreSession pre_session(const Request& req, bool secure);
bool pre_session_matches(const Request& req);  // the form's csrf_token against the cookie
std::string clear_pre_session_cookie(bool secure);

}  // namespace gt::web
