// PlanPdf: a version of an EHC plan as a PDF document in the council's letterhead - the same words
// as the version's HTML page, built from the same sources (domain/plan.h: plan_section_title and
// plan_lines), so the two cannot disagree.
//
// Contract:
//  - render_plan_pdf is pure apart from reading fonts (fontconfig): it takes what the version says
//    (PlanDocument) and the letterhead and returns the PDF's bytes and its number of pages. No
//    HTTP, no database, no audit: the caller has already read the version through Plans::version
//    (authorised and audited).
//  - The PDF is A4 with real, selectable text in an embedded font (DejaVu Sans), never images:
//    the letterhead (council name, address, telephone, email) on the first page; the title
//    "Education, health and care plan", the child's name and the version caption
//    (plan_version_caption); then every section A to K in order as a heading
//    (plan_section_heading: "Section B: Special educational needs") followed by each of its
//    plan_lines() texts as a paragraph with the element's id ("F-3") in bold beside it, as the
//    HTML page shows them, or kNothingRecorded when the section has none. Lines wrap
//    at word boundaries (a word longer than a line breaks between characters) and no hyphen is
//    ever inserted, so extracted text equals the source text up to whitespace.
//  - Every page has a footer with the child's name and "Page n of m". The document outline has
//    one entry per section (pointing at its heading) under the title; the PDF is tagged (cairo's
//    structure tags: Document, H1, H2, P) and its metadata carries the title (no personal data:
//    "Education, health and care plan - <caption>"), the council as author and "Golden Thread" as
//    creator. Issued versions carry their issue date as the creation date, so rendering the same
//    version twice gives the same bytes.
//  - Text that is not valid UTF-8 is repaired (U+FFFD), never refused: the PDF always renders.
//  - Thread-safe: each call has its own surface and layouts (pango's font map is per thread).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/plans.h"
#include "app/services_settings.h"
#include "domain/date.h"
#include "domain/plan.h"

namespace gt::app {

struct Letterhead {
  std::string council_name;
  std::string address;  // one or more lines, separated by '\n'
  std::string phone;
  std::string email;
};
Letterhead letterhead_of(const ServicesSettings& settings);

// What a version says about itself, and its content.
struct PlanDocument {
  std::string child_name;
  bool issued = false;
  std::string kind_label;          // issued: plan_kind_label, e.g. "Final plan"
  std::optional<int> number;       // issued: 1, 2, ...
  std::optional<Date> issued_on;   // issued: the date it was served
  Plan plan;
};
PlanDocument plan_document_of(const PlanVersionView& view);

// "Section B: Special educational needs" (the HTML page's h2 uses the same words).
std::string plan_section_heading(PlanSection s);
// The words of the HTML page's version label (web/page_plan_parts.h version_label):
// "Final plan, version 2, served 3 December 2026" or "Working version (not issued)".
std::string plan_version_caption(const PlanDocument& doc);
// What an empty section says (the HTML page's words, templates/plan_version.mustache).
inline constexpr const char* kNothingRecorded = "Nothing in this section.";
// The download's file name: the version id only, no personal data ("ehc-plan-version-12.pdf").
std::string plan_pdf_file_name(std::int64_t version_id);

struct RenderedPdf {
  std::string bytes;
  int pages = 0;
};
RenderedPdf render_plan_pdf(const PlanDocument& doc, const Letterhead& letterhead);

}  // namespace gt::app
