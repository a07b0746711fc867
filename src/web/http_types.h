// Request and Response: the web layer's own small HTTP message types. Handlers see only these;
// Boost.Beast stays inside server.cc.
//
// Contract:
//  - Request carries the method, the raw target split into path and query (never log either: they
//    may carry personal data), the headers (names lower-cased), the body, and what the pipeline
//    fills in: the matched route pattern ("GET /api/v1/cases/{id}", the audit `route` string), the
//    path parameters (percent-decoded), the session (for routes that need one) and, for page
//    POSTs, the parsed form fields.
//  - Response is status, content type, body and extra headers (Location, Set-Cookie). The server
//    adds the security headers and Cache-Control to every response (see server.h); a handler only
//    sets `cache_control` for responses that may be cached (static assets).
//  - Helpers build the common responses: json(), html(), redirect() (303 See Other).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/accounts.h"
#include "web/form.h"
#include "web/multipart.h"

namespace gt::web {

enum class Method { Get, Head, Post, Put, Delete, Patch, Options, Other };
std::string_view method_name(Method m);
Method parse_method(std::string_view s);

struct Header {
  std::string name;   // lower-case
  std::string value;
};

struct Request {
  Method method = Method::Get;
  std::string path;   // raw (still percent-encoded), without the query
  std::string query;  // raw, without the '?'
  std::vector<Header> headers;
  std::string body;
  // The peer's network address as the server saw it ("127.0.0.1", "::1"): for sign-in throttling
  // only. Never log it.
  std::string client_address;

  // Filled by the router.
  std::string_view route;  // the pattern, e.g. "GET /api/v1/cases/{id}"; empty if none matched
  std::vector<std::pair<std::string_view, std::string>> params;

  // Filled by the auth middleware (dispatcher.h) for routes that need a session.
  std::optional<app::Session> session;
  bool via_cookie = false;  // the session came from the gt_session cookie (not a bearer token)

  // Filled by the middleware for POSTs to page routes (application/x-www-form-urlencoded, or
  // multipart/form-data on upload routes: its ordinary fields here, its files in `files`).
  Form form;
  std::vector<UploadedFile> files;

  // The value of a header (lower-case name), or empty.
  std::string_view header(std::string_view lower_name) const;
  // The value of a cookie from the Cookie header, or empty.
  std::string_view cookie(std::string_view name) const;
  // The media type of Content-Type, lower-cased, without parameters ("application/json").
  std::string media_type() const;
  // A path parameter ({id} -> "id"), percent-decoded; empty if absent.
  std::string_view param(std::string_view name) const;
  // A path parameter as a positive integer id, or nullopt when it is not one.
  std::optional<std::int64_t> id_param(std::string_view name) const;
  // The query string parsed as form fields.
  Form query_fields() const { return parse_urlencoded(query); }

  // The signed-in user; only valid on routes that need a session.
  const app::Actor& actor() const { return session->actor; }
  const std::string& csrf_token() const { return session->csrf; }
  std::string route_string() const { return std::string(route); }
};

struct Response {
  int status = 200;
  std::string content_type;  // empty: no Content-Type (and usually no body)
  std::string body;
  std::vector<Header> headers;  // extra headers: Location, Set-Cookie, Allow, ...
  std::string cache_control;    // empty: "no-store" (dynamic); static assets set a long max-age

  static Response json(int status, std::string body);
  static Response html(int status, std::string body);
  static Response text(int status, std::string body);
  static Response redirect(std::string location);  // 303 See Other
  static Response empty(int status);                // e.g. 204

  Response& add_header(std::string name, std::string value) {
    headers.push_back(Header{std::move(name), std::move(value)});
    return *this;
  }
  Response& set_cookie(std::string cookie) { return add_header("set-cookie", std::move(cookie)); }
};

}  // namespace gt::web
