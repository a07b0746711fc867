// Auth: who is asking. A request is signed in by the `gt_session` cookie (pages and the API) or by
// `Authorization: Bearer <token>` (the API); both carry the token app::Accounts::sign_in gave.
//
// Contract:
//  - authenticate() looks the token up through app::Accounts (a database read: call it on the
//    pool) and returns the session, or nullopt. The bearer header wins over the cookie.
//  - session_cookie() is "gt_session=<token>; HttpOnly; SameSite=Strict; Path=/" plus "; Secure"
//    when secure cookies are on, and a Max-Age of the session's lifetime; clear_session_cookie()
//    expires it. Use with Response::set_cookie.
//  - csrf_matches compares in constant time.
//  - Tokens are never logged.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/accounts.h"
#include "web/http_types.h"

namespace gt::web {

inline constexpr std::string_view kSessionCookie = "gt_session";
inline constexpr std::string_view kCsrfField = "csrf_token";    // form field on every page POST
inline constexpr std::string_view kCsrfHeader = "x-csrf-token"; // API writes signed in by cookie

// Sets req.session and req.via_cookie when the request carries a valid session.
bool authenticate(app::Accounts& accounts, Request& req);

std::string session_cookie(const std::string& token, bool secure);
std::string clear_session_cookie(bool secure);

bool csrf_matches(std::string_view expected, std::string_view given);

}  // namespace gt::web
