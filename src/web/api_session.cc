// Session API: POST /api/v1/session {email, password} -> 201 {token, csrf} (and the session
// cookie); DELETE /api/v1/session signs out (204) and clears the cookie. A wrong email or
// password is 401 with no hint which was wrong.
#include <nlohmann/json.hpp>

#include "web/api_error.h"
#include "web/api_json.h"
#include "web/auth.h"
#include "web/routes.h"

namespace gt::web {

void register_session_api(Router& router, Context& ctx) {
  router.add(Method::Post, "/api/v1/session", Access::Public, [&ctx](Request& req) {
    nlohmann::json body = json_body(req, {"email", "password"});
    std::string email = string_field(body, "email", true);
    std::string password = string_field(body, "password", true);
    auto session = ctx.accounts.sign_in(email, password);
    if (!session) return api_error(401, "password", "the email or password is not right");
    Response r = Response::json(201, nlohmann::json{{"token", session->token}, {"csrf", session->csrf}}.dump());
    r.set_cookie(session_cookie(session->token, ctx.secure_cookies));
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
