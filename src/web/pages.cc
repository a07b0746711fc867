// Pages: registration of the GOV.UK page routes and the error page (see pages.h).
#include "web/pages.h"

#include <mutex>

#include "web/page_layout.h"

namespace gt::web {

Response error_page(const Request& req, int status, std::string_view reason) {
  std::string heading;
  switch (status) {
    case 400: heading = "There is a problem with the request"; break;
    case 403: heading = "You cannot do that"; break;
    case 404: heading = "Page not found"; break;
    case 405: heading = "Page not found"; break;
    case 409: heading = "This cannot be done now"; break;
    case 413: heading = "What you sent is too large"; break;
    case 415: heading = "There is a problem with the form"; break;
    case 422: heading = "This cannot be recorded"; break;
    case 500: heading = "Sorry, there is a problem with the service"; break;
    default: heading = status >= 500 ? "Sorry, there is a problem with the service" : "There is a problem"; break;
  }
  try {
    Data body;
    body.set("heading", heading);
    std::string r(reason);
    if (!r.empty() && r[0] >= 'a' && r[0] <= 'z') r[0] = static_cast<char>(r[0] - 'a' + 'A');
    if (!r.empty() && r.back() != '.') r += '.';
    body.set("reason", r);
    body.set("signed_in", req.session.has_value());
    return page(req, status, PageFrame{heading, "", {}}, "error", body);
  } catch (const std::exception&) {
    return Response::text(status, heading + "\n" + std::string(reason) + "\n");
  }
}

void register_pages(Router& router, Context& ctx) {
  static std::once_flag loaded;
  std::call_once(loaded, [] { templates().load(Templates::default_dir()); });
  router.set_page_error(error_page);
  register_sign_in_pages(router, ctx);
  register_caseload_page(router, ctx);
  register_children_pages(router, ctx);
  register_case_page(router, ctx);
  register_event_forms(router, ctx);
  register_correction_form(router, ctx);
  register_needs_pages(router, ctx);
  register_account_pages(router, ctx);
  register_sharing_pages(router, ctx);
  register_family_pages(router, ctx);
  register_advice_pages(router, ctx);
  register_school_pages(router, ctx);
  register_document_pages(router, ctx);
  register_notification_pages(router, ctx);
  register_figures_page(router, ctx);
  register_plan_pages(router, ctx);
  register_plan_pdf(router, ctx);
  register_review_pages(router, ctx);
  register_cease_pages(router, ctx);
  register_quality_pages(router, ctx);
  register_delivery_pages(router, ctx);
}

}  // namespace gt::web
