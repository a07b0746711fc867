// Session API: POST /api/v1/session {email, password, totp} -> 201 {token, csrf} (and the session
// cookie); DELETE /api/v1/session signs out (204) and clears the cookie.
//  - Staff and professionals (every role but parent and young person) must send "totp", the
//    6-digit code from their authenticator app, in the same request: there is no pending session
//    in the API. An account that has not set up two-factor yet must sign in on the web once first.
//  - 401 field "password" for a wrong email or password (never saying which); 401 field "totp"
//    for a missing, wrong or reused code or no two-factor set up; 429 field "email" when too many
//    attempts have failed (app/accounts.h throttling).
#include <nlohmann/json.hpp>

#include "web/api_error.h"
#include "web/api_json.h"
#include "web/auth.h"
#include "web/routes.h"

namespace gt::web {

void register_session_api(Router& router, Context& ctx) {
  router.add(Method::Post, "/api/v1/session", Access::Public, [&ctx](Request& req) {
    nlohmann::json body = json_body(req, {"email", "password", "totp"});
    app::SignInAttempt at;
    at.email = string_field(body, "email", true);
    at.password = string_field(body, "password", true);
    at.address = req.client_address;
    at.allow_pending = false;
    if (body.contains("totp")) at.totp = string_field(body, "totp", false);
    auto result = ctx.accounts.sign_in(at);
    switch (result.status) {
      case app::SignInStatus::SignedIn: break;
      case app::SignInStatus::Locked:
        return api_error(429, "email", "too many failed attempts: wait 15 minutes and try again");
      case app::SignInStatus::SecondStep:
        return api_error(401, "totp", "this account needs the 6-digit code from its authenticator app in \"totp\"");
      case app::SignInStatus::WrongCode:
        return api_error(401, "totp", "the code is not right, or was used already: send the code shown now");
      case app::SignInStatus::NotEnrolled:
        return api_error(401, "totp", "two-factor sign-in is not set up for this account: sign in on the web once");
      case app::SignInStatus::Refused:
        return api_error(401, "password", "the email or password is not right");
    }
    const app::Session& s = *result.session;
    Response r = Response::json(201, nlohmann::json{{"token", s.token}, {"csrf", s.csrf}}.dump());
    r.set_cookie(session_cookie(s.token, ctx.secure_cookies));
    return r;
  });
  router.add(Method::Delete, "/api/v1/session", Access::Api, [&ctx](Request& req) {
    ctx.accounts.sign_out(req.session->token);
    Response r = Response::empty(204);
    r.set_cookie(clear_session_cookie(ctx.secure_cookies));
    return r;
  });
}

}  // namespace gt::web
