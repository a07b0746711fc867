// Dispatcher: the request pipeline after routing - the auth middleware, CSRF, the handler, and
// turning failures into responses. The server calls handle() on the pool for Work::Pool routes and
// on the connection's thread for Work::Inline ones.
//
// Contract:
//  - Unmatched: 404 or 405 (with Allow) - JSON errors under /api/, the router's page-error
//    renderer elsewhere.
//  - Access::Api without a valid session: 401 JSON. Signed in by cookie, a POST/PUT/PATCH/DELETE
//    must also send the session's CSRF token in X-CSRF-Token (403 otherwise); bearer requests
//    need no CSRF token.
//  - Access::Page without a valid session: 303 to /sign-in. A page POST must be
//    application/x-www-form-urlencoded (415 otherwise); it is parsed into req.form and must carry
//    field csrf_token equal to the session's token (403 otherwise). An upload route's POST is
//    multipart/form-data (400 when it breaks multipart.h's rules): its fields in req.form
//    (csrf_token among them, checked before the handler sees any file), its files in req.files;
//    sent urlencoded it carries no file (the handler says one is needed); anything else 415.
//  - Access::Public POSTs to pages (the sign-in, forgot-password and invitation forms) get req.form
//    parsed too and must carry the pre-session CSRF token matching the gt_presession cookie
//    (auth.h; 403 otherwise).
//  - A pending session (password accepted, second factor not yet) reaches only the routes of
//    reachable_while_pending (auth.h): elsewhere pages answer 303 to /sign-in/two-factor and the
//    API 401.
//  - A handler's app::Error becomes its status (api_error.h) - JSON for API routes, the page-error
//    renderer for pages; gt::EventJsonError becomes 422 naming the field; anything else 500 with
//    no detail (the log line says only the route and status).
#pragma once

#include "app/accounts.h"
#include "web/router.h"

namespace gt::web {

class Dispatcher {
 public:
  Dispatcher(const Router& router, app::Accounts& accounts) : router_(router), accounts_(accounts) {}
  Response handle(Request& req, const Match& m) const;

 private:
  Response run(Request& req, const Route& r) const;
  const Router& router_;
  app::Accounts& accounts_;
};

bool is_api_path(std::string_view path);

}  // namespace gt::web
