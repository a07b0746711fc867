// Sign-in pages: GET /sign-in shows the form; POST /sign-in checks the email and password through
// app::Accounts and, on success, sets the session cookie and answers 303 to the caseload; on failure
// the form comes back (422 for an empty field, 401 for a wrong email or password - never saying
// which) with the GOV.UK error summary and the email kept, never the password. POST /sign-out ends
// the session (CSRF-checked like every page POST), clears the cookie and answers 303 to /sign-in.
#include "web/auth.h"
#include "web/page_form.h"
#include "web/page_layout.h"
#include "web/pages.h"

namespace gt::web {

namespace {

std::vector<Field> sign_in_fields() {
  Field email{Field::Kind::Text, "email", "Email address", "", {}, "", "email", "email", ""};
  Field password{Field::Kind::Text, "password", "Password", "", {}, "", "current-password", "password", ""};
  return {email, password};
}

Response sign_in_page(const Request& req, int status, const FormState& st) {
  Data body;
  body.set("fields", fields_data(sign_in_fields(), st));
  return page(req, status, PageFrame{"Sign in", "", st.summary}, "sign_in", body);
}

}  // namespace

void register_sign_in_pages(Router& router, Context& ctx) {
  router.add(Method::Get, "/sign-in", Access::Public, [](Request& req) { return sign_in_page(req, 200, FormState{}); });

  router.add(Method::Post, "/sign-in", Access::Public, [&ctx](Request& req) {
    FormState st;
    std::string email = req.form.value("email");
    std::string password = req.form.value("password");
    st.set("email", email);  // never echo the password
    if (email.empty()) st.fail("email", "email", "Enter your email address");
    if (password.empty()) st.fail("password", "password", "Enter your password");
    if (!st.ok()) return sign_in_page(req, 422, st);
    auto session = ctx.accounts.sign_in(email, password);
    if (!session) {
      st.fail("email", "email", "The email address or password is not right");
      return sign_in_page(req, 401, st);
    }
    Response r = Response::redirect("/");
    r.set_cookie(session_cookie(session->token, ctx.secure_cookies));
    return r;
  });

  router.add(Method::Post, "/sign-out", Access::Page, [&ctx](Request& req) {
    ctx.accounts.sign_out(req.session->token);
    Response r = Response::redirect("/sign-in");
    r.set_cookie(clear_session_cookie(ctx.secure_cookies));
    return r;
  });
}

}  // namespace gt::web
