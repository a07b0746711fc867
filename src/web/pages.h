// Pages: the server-rendered GOV.UK pages (sign-in, caseload, child, case, event forms).
// register_pages is the hook the route table calls (routes.cc); its body lives in pages.cc.
// See router.h for how a page handler is registered, dispatcher.h for what the middleware does
// before it runs (session, CSRF, form parsing) and auth.h for the session cookie helpers.
#pragma once

#include "web/context.h"
#include "web/router.h"

namespace gt::web {

void register_pages(Router& router, Context& ctx);

}  // namespace gt::web
