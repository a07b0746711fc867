// Pages: the server-rendered GOV.UK pages (sign-in, caseload, children, a child, a case, event and
// correction forms, SEN needs and placement forms, error pages). register_pages is the hook the route table calls (routes.cc).
//
// Contract:
//  - register_pages loads the templates once (page_layout.h; a missing or broken template fails
//    start-up), installs the GOV.UK error page as the router's page-error renderer and registers
//    every page route. Every page but /sign-in needs a signed-in session (Access::Page), and every
//    page POST carries the session's CSRF token (dispatcher.h).
//  - Pages work without JavaScript; no inline script or style (strict CSP). Form errors re-render
//    the form with status 422, the GOV.UK error summary linking to each field, inline messages and
//    the values typed; nothing is written. A successful POST answers 303 (post/redirect/get).
//  - No personal data in URLs: child searches are POSTed; query strings carry only filters.
// See router.h for how handlers are registered and auth.h for the session cookie helpers.
#pragma once

#include "web/context.h"
#include "web/router.h"

namespace gt::web {

void register_pages(Router& router, Context& ctx);

// Each part (one file each).
void register_sign_in_pages(Router& router, Context& ctx);    // page_sign_in.cc
void register_caseload_page(Router& router, Context& ctx);    // page_caseload.cc
void register_children_pages(Router& router, Context& ctx);   // page_child.cc
void register_case_page(Router& router, Context& ctx);        // page_case.cc
void register_event_forms(Router& router, Context& ctx);      // page_event_form.cc
void register_correction_form(Router& router, Context& ctx);  // page_correction.cc
void register_needs_pages(Router& router, Context& ctx);      // page_needs.cc
void register_account_pages(Router& router, Context& ctx);    // page_account.cc: two-factor, invitations, resets, organisations
void register_sharing_pages(Router& router, Context& ctx);    // page_sharing.cc: consent, overrides, family links (council side)
void register_family_pages(Router& router, Context& ctx);     // page_family.cc: the family's view
void register_advice_pages(Router& router, Context& ctx);     // page_advice.cc: asking for advice, the advice giver's inbox
void register_school_pages(Router& router, Context& ctx);     // page_school.cc: pupils on roll, SEN support, requests
void register_document_pages(Router& router, Context& ctx);   // page_documents.cc: upload and download
void register_notification_pages(Router& router, Context& ctx);  // page_notifications.cc
void register_figures_page(Router& router, Context& ctx);     // page_figures.cc: counts, no identifiable record
void register_plan_pages(Router& router, Context& ctx);       // page_plan.cc: writing, issuing, reading, comparing, commenting
void register_plan_pdf(Router& router, Context& ctx);         // page_plan_pdf.cc: a version as PDF
void register_review_pages(Router& router, Context& ctx);     // page_review.cc: annual and phase-transfer reviews, amendments
void register_cease_pages(Router& router, Context& ctx);      // page_cease.cc: ceasing a plan
void register_quality_pages(Router& router, Context& ctx);    // page_quality.cc: audit framework, audits, moderation, results
void register_delivery_pages(Router& router, Context& ctx);   // page_delivery.cc: provision delivered, shortfalls

// The GOV.UK-styled error page (404, 403, 500, ...), for Router::set_page_error.
Response error_page(const Request& req, int status, std::string_view reason);

}  // namespace gt::web
