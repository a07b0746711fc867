// Sign-in pages: everything a person does to get in, before and during sign-in.
//   GET/POST /sign-in               email and password (pre-session CSRF). A wrong email or
//                                   password is 401 and never says which; too many failures 429.
//                                   Success sets a NEW session cookie (any session cookie sent
//                                   with the form is ended first - no session fixation) and
//                                   answers 303: to the two-factor page for staff and
//                                   professionals, to the person's home page for families.
//   GET/POST /sign-in/two-factor    the second step, for a pending session only: the code from the
//                                   authenticator app, or setting one up (the key as text and as
//                                   an otpauth:// link; no JavaScript, no QR service). Success
//                                   rotates the token again.
//   POST /sign-out                  ends the session (CSRF-checked), clears the cookie, 303 /sign-in.
//   GET/POST /forgot-password       asks for a reset link; always the same answer (303 to
//                                   /forgot-password/sent) whether or not the account exists.
//   GET/POST /invitation/{token}    uses an invitation (name, password, and for staff and
//                                   professionals the authenticator app) or a reset link (a new
//                                   password). An unknown, used or expired link answers 410 with a
//                                   page that says so, and writes nothing.
// Forms re-render with 422, the GOV.UK error summary and the values typed (never a password).
#include "app/errors.h"
#include "app/passwords.h"
#include "app/two_factor.h"
#include "domain/roles.h"
#include "web/auth.h"
#include "web/page_form.h"
#include "web/page_layout.h"
#include "web/pages.h"

namespace gt::web {

namespace {

constexpr const char* kLockedMessage =
    "You have tried to sign in too many times. Wait 15 minutes and try again, or reset your password";

// A page with a form shown before sign-in: it carries the pre-session CSRF token.
Response public_form(const Request& req, const Context& ctx, int status, const PageFrame& frame,
                     const std::string& tmpl, Data body) {
  PreSession p = pre_session(req, ctx.secure_cookies);
  body.set("csrf_token", p.token);
  Response r = page(req, status, frame, tmpl, std::move(body));
  if (!p.cookie.empty()) r.set_cookie(p.cookie);
  return r;
}

Field text_field(std::string name, std::string label, std::string hint, std::string autocomplete,
                 std::string type = "text", std::string width = "") {
  Field f;
  f.kind = Field::Kind::Text;
  f.name = std::move(name);
  f.label = std::move(label);
  f.hint = std::move(hint);
  f.autocomplete = std::move(autocomplete);
  f.input_type = std::move(type);
  f.width = std::move(width);
  return f;
}

// --- sign-in --------------------------------------------------------------------------------------

std::vector<Field> sign_in_fields() {
  return {text_field("email", "Email address", "", "email", "email"),
          text_field("password", "Password", "", "current-password", "password")};
}

Response sign_in_page(const Request& req, const Context& ctx, int status, const FormState& st) {
  Data body;
  body.set("fields", fields_data(sign_in_fields(), st));
  return public_form(req, ctx, status, PageFrame{"Sign in", "", st.summary}, "sign_in", body);
}

// The response that starts a session: the cookie, the pre-session cookie cleared, and where next.
Response signed_in(const Context& ctx, const app::Session& s) {
  Response r = Response::redirect(s.pending ? std::string(kTwoFactorPath) : home_for(s.actor));
  r.set_cookie(session_cookie(s.token, ctx.secure_cookies,
                              s.pending ? app::Accounts::kPendingSeconds : app::Accounts::kSessionSeconds));
  r.set_cookie(clear_pre_session_cookie(ctx.secure_cookies));
  return r;
}

// Ends the session a request arrived with, if any (before a new one is given).
void end_previous_session(Context& ctx, const Request& req) {
  std::string_view old = req.cookie(kSessionCookie);
  if (!old.empty()) ctx.accounts.sign_out(std::string(old));
}

// --- two-factor -----------------------------------------------------------------------------------

std::vector<Field> code_fields() {
  return {text_field("code", "Code from your authenticator app", "6 digits, for example 123456", "one-time-code",
                     "text", "govuk-input--width-10")};
}

std::string grouped(const std::string& secret) {
  std::string out;
  for (size_t i = 0; i < secret.size(); ++i) {
    if (i && i % 4 == 0) out += ' ';
    out += secret[i];
  }
  return out;
}

void put_enrolment(Data& body, const std::string& secret, const std::string& email) {
  body.set("enrol", true);
  body.set("secret", secret);
  body.set("secret_groups", grouped(secret));
  body.set("uri", app::otpauth_uri(secret, email, "Golden Thread"));
}

Response two_factor_page(const Request& req, int status, const FormState& st, const std::string& secret) {
  // The layout's navigation is for full sessions: this page shows none.
  Request bare = req;
  bare.session.reset();
  Data body;
  body.set("fields", fields_data(code_fields(), st));
  body.set("csrf_token", req.session->csrf);
  if (!req.actor().two_factor) put_enrolment(body, secret, req.actor().email);
  else body.set("enrol", false);
  std::string title = req.actor().two_factor ? "Enter the code from your authenticator app"
                                             : "Set up your authenticator app";
  return page(bare, status, PageFrame{title, "", st.summary}, "two_factor", body);
}

// --- links ------------------------------------------------------------------------------------------

Response link_gone_page(const Request& req) {
  return page(req, 410, PageFrame{"This link has expired or has already been used", "", {}}, "link_gone", Data{});
}

std::string role_phrase(const app::LinkView& v) {
  if (v.relationship == "parent_carer") return "a parent or carer";
  if (v.relationship == "young_person") return "a young person";
  auto r = parse_role(v.role);
  if (!r) return "a member";
  std::string label(role_label(*r));
  for (char& c : label)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  bool vowel = !label.empty() && std::string("aeiou").find(label[0]) != std::string::npos;
  return std::string(vowel ? "an " : "a ") + label;
}

std::vector<Field> link_fields(const app::LinkView& v) {
  std::string hint = "At least " + std::to_string(app::min_password_length(v.role)) + " characters. Three random words together make a good password; you do not need symbols or "
                     "numbers";
  std::vector<Field> f;
  if (v.purpose == "invite") f.push_back(text_field("name", "Your full name", "", "name"));
  f.push_back(text_field("password", v.purpose == "invite" ? "Choose a password" : "New password", hint,
                         "new-password", "password"));
  return f;
}

Response link_page(const Request& req, const Context& ctx, const std::string& token, const app::LinkView& v,
                   int status, FormState st, std::string secret) {
  auto fields = link_fields(v);
  auto codes = code_fields();
  std::vector<Field> all = fields;
  if (v.needs_two_factor) all.insert(all.end(), codes.begin(), codes.end());
  st.order_by(all);
  Data body;
  body.set("invite", v.purpose == "invite");
  body.set("email", v.email);
  body.set("role_phrase", role_phrase(v));
  put(body, "organisation", v.organisation_name);
  body.set("has_two_factor", v.has_two_factor);
  body.set("action", "/invitation/" + token);
  body.set("fields", fields_data(fields, st));
  if (v.needs_two_factor) {
    if (!app::valid_totp_secret(secret)) secret = app::new_totp_secret();
    put_enrolment(body, secret, v.email);
    Data code;
    code.set("fields", fields_data(codes, st));
    body.set("code_fields", code);
  } else {
    body.set("enrol", false);
  }
  std::string title = v.purpose == "invite" ? "Set up your account" : "Choose a new password";
  return public_form(req, ctx, status, PageFrame{title, "", st.summary}, "invitation", body);
}

}  // namespace

void register_sign_in_pages(Router& router, Context& ctx) {
  router.add(Method::Get, "/sign-in", Access::Public,
             [&ctx](Request& req) { return sign_in_page(req, ctx, 200, FormState{}); });

  router.add(Method::Post, "/sign-in", Access::Public, [&ctx](Request& req) {
    FormState st;
    std::string email = req.form.value("email");
    std::string password = req.form.value("password");
    st.set("email", email);  // never echo the password
    if (email.empty()) st.fail("email", "email", "Enter your email address");
    if (password.empty()) st.fail("password", "password", "Enter your password");
    if (!st.ok()) return sign_in_page(req, ctx, 422, st);
    auto result = ctx.accounts.sign_in(app::SignInAttempt{email, password, req.client_address, std::nullopt, true});
    if (result.status == app::SignInStatus::Locked) {
      st.fail("email", "email", kLockedMessage);
      return sign_in_page(req, ctx, 429, st);
    }
    if (!result.session) {
      st.fail("email", "email", "The email address or password is not right");
      return sign_in_page(req, ctx, 401, st);
    }
    end_previous_session(ctx, req);
    return signed_in(ctx, *result.session);
  });

  router.add(Method::Get, std::string(kTwoFactorPath), Access::Page, [](Request& req) {
    if (!req.session->pending) return Response::redirect(home_for(req.actor()));
    return two_factor_page(req, 200, FormState{}, app::new_totp_secret());
  });

  router.add(Method::Post, std::string(kTwoFactorPath), Access::Page, [&ctx](Request& req) {
    if (!req.session->pending) return Response::redirect(home_for(req.actor()));
    FormState st;
    std::string code = req.form.value("code");
    std::string secret = app::normalise_totp_secret(req.form.value("secret"));
    if (!req.actor().two_factor && !app::valid_totp_secret(secret)) secret = app::new_totp_secret();
    if (code.empty()) {
      st.fail("code", "code", "Enter the 6-digit code from your authenticator app");
      return two_factor_page(req, 422, st, secret);
    }
    auto result = ctx.accounts.complete_two_factor(req.session->token, code, secret, req.client_address);
    switch (result.status) {
      case app::SignInStatus::SignedIn: return signed_in(ctx, *result.session);
      case app::SignInStatus::Locked:
        st.fail("code", "code", kLockedMessage);
        return two_factor_page(req, 429, st, secret);
      case app::SignInStatus::WrongCode:
        st.fail("code", "code",
                "The code is not right. Enter the code the app shows now; each code can be used only once");
        return two_factor_page(req, 422, st, secret);
      default: {
        Response r = Response::redirect("/sign-in");
        r.set_cookie(clear_session_cookie(ctx.secure_cookies));
        return r;
      }
    }
  });

  router.add(Method::Post, "/sign-out", Access::Page, [&ctx](Request& req) {
    ctx.accounts.sign_out(req.session->token);
    Response r = Response::redirect("/sign-in");
    r.set_cookie(clear_session_cookie(ctx.secure_cookies));
    return r;
  });

  // --- forgotten password ---
  auto email_fields = [] { return std::vector<Field>{text_field("email", "Email address", "", "email", "email")}; };
  router.add(Method::Get, "/forgot-password", Access::Public, [&ctx, email_fields](Request& req) {
    Data body;
    body.set("sent", false);
    body.set("fields", fields_data(email_fields(), FormState{}));
    return public_form(req, ctx, 200, PageFrame{"Reset your password", "", {}}, "forgot_password", body);
  });
  router.add(Method::Post, "/forgot-password", Access::Public, [&ctx, email_fields](Request& req) {
    FormState st;
    std::string email = req.form.value("email");
    st.set("email", email);
    if (email.empty()) st.fail("email", "email", "Enter your email address");
    else if (email.find('@') == std::string::npos || email.size() > 254)
      st.fail("email", "email", "Enter an email address in the correct format, like name@example.org");
    if (!st.ok()) {
      Data body;
      body.set("sent", false);
      body.set("fields", fields_data(email_fields(), st));
      return public_form(req, ctx, 422, PageFrame{"Reset your password", "", st.summary}, "forgot_password", body);
    }
    ctx.app.organisations.request_password_reset(email);
    return Response::redirect("/forgot-password/sent");
  });
  router.add(Method::Get, "/forgot-password/sent", Access::Public, [](Request& req) {
    Data body;
    body.set("sent", true);
    return page(req, 200, PageFrame{"Check your email", "", {}}, "forgot_password", body);
  });

  // --- invitation and reset links ---
  router.add(Method::Get, "/invitation/{token}", Access::Public, [&ctx](Request& req) {
    std::string token(req.param("token"));
    app::LinkView v;
    try {
      v = ctx.accounts.link(token);
    } catch (const app::Error& e) {
      if (e.kind == app::Error::Kind::NotFound) return link_gone_page(req);
      throw;
    }
    FormState st;
    st.set("name", v.display_name);
    return link_page(req, ctx, token, v, 200, st, "");
  });

  router.add(Method::Post, "/invitation/{token}", Access::Public, [&ctx](Request& req) {
    std::string token(req.param("token"));
    app::LinkView v;
    try {
      v = ctx.accounts.link(token);
    } catch (const app::Error& e) {
      if (e.kind == app::Error::Kind::NotFound) return link_gone_page(req);
      throw;
    }
    FormState st;
    std::string name = req.form.value("name"), password = req.form.value("password");
    std::string code = req.form.value("code"), secret = app::normalise_totp_secret(req.form.value("secret"));
    st.set("name", name);
    if (v.purpose == "invite" && name.empty()) st.fail("name", "name", "Enter your full name");
    if (password.empty()) st.fail("password", "password", "Enter a password");
    if (v.needs_two_factor && code.empty())
      st.fail("code", "code", "Enter the 6-digit code from your authenticator app");
    if (!st.ok()) return link_page(req, ctx, token, v, 422, st, secret);
    try {
      app::SignInResult result =
          v.purpose == "invite"
              ? ctx.accounts.accept_invitation(token, app::Acceptance{name, password, secret, code}, req.client_address)
              : ctx.accounts.reset_password(token, password, req.client_address);
      end_previous_session(ctx, req);
      return signed_in(ctx, *result.session);
    } catch (const app::Error& e) {
      if (e.kind == app::Error::Kind::NotFound) return link_gone_page(req);
      if (e.field == "name" || e.field == "password" || e.field == "totp_code") {
        std::string field = e.field == "totp_code" ? "code" : e.field;
        st.fail(field, field, e.reason);
        return link_page(req, ctx, token, v, e.kind == app::Error::Kind::Conflict ? 409 : 422, st, secret);
      }
      throw;
    }
  });
}

}  // namespace gt::web
