// Router: maps a method and a path to a handler, by pattern.
//
// Contract:
//  - A pattern is a path of literal segments and parameters: "/api/v1/cases/{id}/events/{event_id}".
//    A final "{name*}" captures the rest of the path (static assets). Parameters are percent-decoded;
//    a parameter that does not decode (bad escape, NUL, invalid UTF-8) or that contains '/' does
//    not match.
//  - The route's name is "METHOD pattern" ("GET /api/v1/cases/{id}"); the pipeline puts it in
//    Request::route and it is the audit `route` string and the access-log route. Never a URL.
//  - match() gives the route, or 405 (with the Allow list) when the path matches only under other
//    methods, or 404. Literal segments win over parameters when both match ("/children/search"
//    beats "/children/{id}").
//  - Access says what the middleware requires before the handler runs (dispatcher.h):
//      Public: nothing.  Api: a session (cookie or bearer) else 401 JSON.
//      Page: a session cookie else 303 to /sign-in; POSTs must carry the session's CSRF token.
//  - Upload routes (add_upload) take multipart/form-data page POSTs with their own body limit.
//  - Handlers run on the blocking-work pool unless registered with Work::Inline (only for cheap
//    handlers that touch neither the database nor password hashing, e.g. static files).
//  - Routes are added at start-up, before the server starts; afterwards the router is read-only and
//    safe to share between threads.
//
// Registering a page handler (for src/web/pages.cc):
//
//   router.add(Method::Get, "/cases/{id}", Access::Page, [&ctx](Request& req) {
//     auto id = req.id_param("id");                 // nullopt -> answer 404
//     const app::Actor& who = req.actor();          // the signed-in user
//     const std::string& csrf = req.csrf_token();   // put in every form as field "csrf_token"
//     auto view = ctx.casework.case_view(who, *id, req.route_string());  // audit route = pattern
//     return Response::html(200, render(...));
//   });
//   router.add(Method::Post, "/cases/{id}/events", Access::Page, [&ctx](Request& req) {
//     std::string date = req.form.value("date");    // form already parsed and CSRF-checked
//     ...
//     return Response::redirect("/cases/" + std::to_string(*id));   // 303
//   });
//
// app::Error thrown by a page handler becomes a plain error page through the router's page-error
// renderer (set_page_error), which pages.cc can replace with a GOV.UK-styled one.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "web/http_types.h"

namespace gt::web {

enum class Access { Public, Api, Page };
enum class Work { Pool, Inline };

using Handler = std::function<Response(Request&)>;
// Renders an error page for a page route (or an unmatched non-API path): status and plain reason.
using PageErrorRenderer = std::function<Response(const Request&, int status, std::string_view reason)>;

struct Route {
  Method method;
  std::string pattern;  // "/api/v1/cases/{id}"
  std::string name;     // "GET /api/v1/cases/{id}"
  Access access;
  Work work;
  Handler handler;

  struct Segment {
    std::string text;  // literal text, or the parameter name
    enum Kind { Literal, Param, Rest } kind;
  };
  std::vector<Segment> segments;

  // Upload routes (add_upload): a page POST sent as multipart/form-data, whose body may be up to
  // body_limit bytes (0: the server's default limit).
  bool uploads = false;
  std::size_t body_limit = 0;
};

struct Match {
  const Route* route = nullptr;
  int status = 404;    // 200 when matched, else 404 or 405
  std::string allow;   // for 405: "GET, POST"
};

class Router {
 public:
  void add(Method method, std::string pattern, Access access, Handler handler, Work work = Work::Pool);
  // A page POST that uploads files: multipart/form-data (req.form and req.files), the CSRF token a
  // field of it, the body up to `body_limit` bytes - enforced by the server while reading, from the
  // route matched on the request's header, so a larger upload gets 413 without being buffered.
  void add_upload(std::string pattern, Handler handler, std::size_t body_limit);
  // The largest body_limit of any route (0 when none has its own).
  std::size_t largest_body_limit() const;

  // Fills req.route and req.params on success.
  Match match(Request& req) const;

  const std::vector<Route>& routes() const { return routes_; }

  void set_page_error(PageErrorRenderer r) { page_error_ = std::move(r); }
  Response page_error(const Request& req, int status, std::string_view reason) const;

 private:
  std::vector<Route> routes_;  // reserve()d; pointers handed out by match() stay valid
  PageErrorRenderer page_error_;
};

}  // namespace gt::web
