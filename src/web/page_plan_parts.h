// Plan page parts: what the plan pages (page_plan.cc, page_plan_editor.cc, page_plan_family.cc)
// and the plan API (page_plan_api.cc) share - addresses, the words for a version, and the
// Mustache data for a plan's sections, its thread findings and a comparison.
//
// Contract:
//  - section_heading(s) is "Section X: <plan_section_title>" - the heading every rendering of a
//    plan uses (the HTML page here and the PDF), so their text agrees.
//  - plan_sections_data gives all twelve sections in order, each with its heading, an anchor id
//    ("section-B") and its elements as plan_lines() text (never reworded), or an "empty" flag.
//  - findings_data links each finding to the element's editor page when `editor_case_id` is set
//    (the writer's view), else to the element's anchor on the same page ("#element-F-3").
//  - version_label: "Draft plan, version 2, served 16 November 2026"; the working version is
//    "Working version (not issued)".
//  - Pure presentation: no app calls, no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/plans.h"
#include "web/page_layout.h"
#include "web/router.h"
#include "web/context.h"

namespace gt::web {

std::string section_heading(PlanSection s);
std::string plan_href(std::int64_t case_id);                       // /cases/{id}/plan
std::string section_href(std::int64_t case_id, PlanSection s);     // /cases/{id}/plan/sections/B
std::string element_href(std::int64_t case_id, const std::string& element_id);  // /cases/{id}/plan/elements/F-3
std::string version_href(std::int64_t version_id);                 // /plan-versions/{id}
std::string family_version_href(std::int64_t version_id);          // /family/plan-versions/{id}

std::string kind_label(const std::string& kind_name);  // "draft" -> "Draft plan"
std::string version_label(const store::PlanVersionRow& v);

Data plan_sections_data(const Plan& plan);
Data findings_data(const std::vector<ThreadFinding>& findings, std::int64_t editor_case_id);
// A comparison as sections of lines with their change in words ("Added", "Removed", "Changed").
Data comparison_data(const PlanComparison& c);

// The plan API (page_plan_api.cc), registered from routes.cc.
void register_plan_api(Router& router, Context& ctx);
// The editor's pages (page_plan_editor.cc) and the family's (page_plan_family.cc), registered by
// register_plan_pages.
void register_plan_editor(Router& router, Context& ctx);
void register_plan_family_pages(Router& router, Context& ctx);

}  // namespace gt::web
