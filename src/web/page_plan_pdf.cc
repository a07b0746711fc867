// A plan version as PDF:
//     GET /plan-versions/{id}/pdf    the version's PDF (app/plan_pdf.h) in the council's letterhead
// Authorised and audited exactly like the version's HTML page (GET /plan-versions/{id}, page_plan.cc):
// both read through Plans::version, so whoever may read the version (PlanRead: the council, the
// family, the school on roll, a named provider, a quality auditor; the working version only the
// council) gets the same content; a version the person may not see answers 404, a visible record
// without the capability 403. The answer is an attachment named by the version's id only
// ("ehc-plan-version-12.pdf": no personal data in the file name), never cached (the server's
// default no-store).
#include "app/errors.h"
#include "app/plan_pdf.h"
#include "web/pages.h"

namespace gt::web {

void register_plan_pdf(Router& router, Context& ctx) {
  router.add(Method::Get, "/plan-versions/{id}/pdf", Access::Page, [&ctx](Request& req) {
    auto id = req.id_param("id");
    if (!id) throw app::Error(app::Error::Kind::NotFound, "id", "There is no plan version at this address.");
    app::PlanVersionView view = ctx.app.plans.version(req.actor(), *id, req.route_string());
    app::RenderedPdf pdf = app::render_plan_pdf(app::plan_document_of(view), app::letterhead_of(ctx.app.settings));
    Response r;
    r.status = 200;
    r.content_type = "application/pdf";
    r.body = std::move(pdf.bytes);
    r.add_header("content-disposition", "attachment; filename=\"" + app::plan_pdf_file_name(*id) + "\"");
    r.cache_control = "no-store";
    return r;
  });
}

}  // namespace gt::web
