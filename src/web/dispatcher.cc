// Dispatcher: auth middleware, CSRF and error mapping around a route's handler (see dispatcher.h).
#include "web/dispatcher.h"

#include "app/errors.h"
#include "app/event_json.h"
#include "web/api_error.h"
#include "web/api_json.h"
#include "web/audience.h"
#include "web/auth.h"
#include "web/multipart.h"

namespace gt::web {

bool is_api_path(std::string_view path) { return path.substr(0, 5) == "/api/" || path == "/api"; }

namespace {
bool unsafe(Method m) { return m == Method::Post || m == Method::Put || m == Method::Patch || m == Method::Delete; }
}  // namespace

Response Dispatcher::handle(Request& req, const Match& m) const {
  if (!m.route) {
    Response r;
    if (is_api_path(req.path))
      r = m.status == 405 ? api_error(405, "method", "this method is not allowed here")
                          : api_error(404, "path", "no such resource");
    else
      r = router_.page_error(req, m.status, m.status == 405 ? "This method is not allowed here." : "Page not found.");
    if (m.status == 405) r.add_header("allow", m.allow);
    return r;
  }
  const Route& route = *m.route;
  if (route.access != Access::Public) {
    bool ok = authenticate(accounts_, req);
    // A pending session (second factor not yet given) reaches only the two-factor page and sign-out.
    if (ok && req.session->pending && !reachable_while_pending(route.name)) {
      if (route.access == Access::Api)
        return api_error(401, "session", "finish signing in: enter the code from your authenticator app");
      return Response::redirect(std::string(kTwoFactorPath));
    }
    if (route.access == Access::Api) {
      if (!ok) return api_error(401, "session", "sign in first: send a valid session cookie or bearer token");
      if (req.via_cookie && unsafe(req.method) && !csrf_matches(req.session->csrf, req.header(kCsrfHeader)))
        return api_error(403, "x-csrf-token", "a request signed in by cookie must send the session's CSRF token");
    } else {
      if (!ok || !req.via_cookie) return Response::redirect("/sign-in");
    }
    // A first, coarse gate by role (audience.h), before any input is read.
    if (!req.session->pending && !audience_allows(route.pattern, req.actor()))
      return route.access == Access::Api
                 ? api_error(403, "", "this part of the service is not for your account")
                 : router_.page_error(req, 403, "This part of the service is not for your account.");
  }
  bool page = route.access == Access::Page || (route.access == Access::Public && !is_api_path(req.path));
  if (page && unsafe(req.method)) {
    if (route.uploads && req.media_type() == "multipart/form-data") {
      auto boundary = multipart_boundary(req.header("content-type"));
      if (!boundary) return router_.page_error(req, 400, "The form could not be read.");
      Multipart mp = parse_multipart(req.body, *boundary);
      if (!mp.ok) return router_.page_error(req, 400, "The form could not be read.");
      req.form = std::move(mp.fields);
      req.files = std::move(mp.files);
      std::string().swap(req.body);  // the files hold the bytes now
    } else {
      if (req.media_type() != "application/x-www-form-urlencoded")
        return router_.page_error(req, 415, route.uploads ? "Forms with a file must be sent as multipart/form-data."
                                                          : "Forms must be sent as application/x-www-form-urlencoded.");
      req.form = parse_urlencoded(req.body);
      if (!req.form.ok()) return router_.page_error(req, 400, "The form could not be read.");
    }
    if (route.access == Access::Page && !csrf_matches(req.session->csrf, req.form.value(kCsrfField)))
      return router_.page_error(req, 403, "The form has expired. Go back, reload the page and try again.");
    if (route.access == Access::Public && !pre_session_matches(req))
      return router_.page_error(req, 403, "The form has expired. Go back, reload the page and try again.");
  }
  return run(req, route);
}

Response Dispatcher::run(Request& req, const Route& route) const {
  bool api = route.access == Access::Api || is_api_path(req.path);
  try {
    return route.handler(req);
  } catch (const app::Error& e) {
    return api ? api_error(e) : router_.page_error(req, status_of(e.kind), e.reason);
  } catch (const ApiStatus& e) {
    return api ? api_error(e.status, e.field, e.reason) : router_.page_error(req, e.status, e.reason);
  } catch (const EventJsonError& e) {
    return api ? api_error(422, e.field, e.reason) : router_.page_error(req, 422, e.reason);
  } catch (const std::exception&) {
    return api ? api_error(500, "", "internal error") : router_.page_error(req, 500, "Sorry, something went wrong.");
  }
}

}  // namespace gt::web
