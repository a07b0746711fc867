// PlanPdf: the PDF of a plan version read back with poppler (pdftotext, pdfinfo) - every section
// heading and every plan_lines() text is in its text, empty sections say so, it has the letterhead,
// page numbers, an outline entry per section, a title without personal data, and it is tagged.
#include "app/plan_pdf.h"

#include <gtest/gtest.h>

#include <regex>

#include "support/pdf_tools.h"
#include "support/plan_fixtures.h"

namespace gt::app {
namespace {

using gt::testing::body_text;
using gt::testing::compact;
using gt::testing::PdfFile;

Date d(const char* s) { return *Date::parse(s); }

Plan full_plan() {
  Plan p;
  gt::testing::add_to_every_section(p);
  return p;
}

PlanDocument issued(Plan plan) {
  PlanDocument doc;
  doc.child_name = "Amara Okoye";
  doc.issued = true;
  doc.kind_label = "Final plan";
  doc.number = 2;
  doc.issued_on = d("2026-11-20");
  doc.plan = std::move(plan);
  return doc;
}

Letterhead letterhead() {
  return Letterhead{"Northmoor Council", "SEND Service\nTown Hall, Market Street\nNorthmoor NM1 1AA", "01632 960000",
                    "send@northmoor.example"};
}

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
  return n;
}

TEST(PlanPdf, ExtractedTextHasEverySectionHeadingAndEveryLineOfThePlan) {
  PlanDocument doc = issued(full_plan());
  RenderedPdf pdf = render_plan_pdf(doc, letterhead());
  ASSERT_GT(pdf.bytes.size(), 1000u);
  ASSERT_EQ(pdf.bytes.substr(0, 5), "%PDF-");
  std::string text = body_text(PdfFile(pdf.bytes).text(), doc.child_name);

  for (PlanSection s : all_plan_sections()) {
    std::string heading = plan_section_heading(s);
    EXPECT_NE(text.find(compact(heading)), std::string::npos) << heading;
  }
  auto lines = plan_lines(doc.plan);
  ASSERT_GE(lines.size(), all_plan_sections().size());  // every section has something
  for (const auto& l : lines) {
    EXPECT_NE(text.find(compact(l.text)), std::string::npos) << l.id << ": " << l.text;
    EXPECT_NE(text.find(compact(l.id + " " + l.text)), std::string::npos) << l.id << " is not beside its text";
  }
  EXPECT_EQ(text.find(compact(kNothingRecorded)), std::string::npos);

  // The headings come in the Code of Practice's order, each before its own lines.
  std::size_t last = 0;
  for (PlanSection s : all_plan_sections()) {
    auto at = text.find(compact(plan_section_heading(s)), last);
    ASSERT_NE(at, std::string::npos) << plan_section_heading(s) << " out of order";
    for (const auto& l : lines)
      if (l.section == s) {
        auto line_at = text.find(compact(l.text), at);
        EXPECT_NE(line_at, std::string::npos) << l.id << " is not after its heading";
      }
    last = at;
  }
}

TEST(PlanPdf, FirstPageHasTheLetterheadTitleChildAndVersion) {
  PlanDocument doc = issued(full_plan());
  std::string text = PdfFile(render_plan_pdf(doc, letterhead()).bytes).text();
  std::string first = compact(text.substr(0, text.find('\f')));
  for (const char* s : {"Northmoor Council", "SEND Service", "Town Hall, Market Street", "Northmoor NM1 1AA",
                        "Telephone: 01632 960000", "Email: send@northmoor.example", "Education, health and care plan",
                        "Amara Okoye", "Final plan, version 2, served 20 November 2026"})
    EXPECT_NE(first.find(compact(s)), std::string::npos) << s;
  // The letterhead comes before the title.
  EXPECT_LT(first.find(compact("Northmoor NM1 1AA")), first.find(compact("Education, health and care plan")));
}

TEST(PlanPdf, EmptySectionsSayNothingIsRecorded) {
  PlanDocument doc = issued(Plan{});
  std::string text = compact(PdfFile(render_plan_pdf(doc, letterhead()).bytes).text());
  EXPECT_EQ(count(text, compact(kNothingRecorded)), all_plan_sections().size());
  for (PlanSection s : all_plan_sections()) EXPECT_NE(text.find(compact(plan_section_heading(s))), std::string::npos);

  // One element in B only: the other eleven still say so.
  Plan p;
  p.needs.push_back({next_element_id(p, PlanSection::B), PlanSection::B, "Finds reading hard.", "", ""});
  std::string one = compact(PdfFile(render_plan_pdf(issued(p), letterhead()).bytes).text());
  EXPECT_EQ(count(one, compact(kNothingRecorded)), all_plan_sections().size() - 1);
}

TEST(PlanPdf, MetadataOutlineAndTagsAreThere) {
  PlanDocument doc = issued(full_plan());
  RenderedPdf pdf = render_plan_pdf(doc, letterhead());
  auto info = PdfFile(pdf.bytes).info();
  EXPECT_EQ(info["Title"], "Education, health and care plan - Final plan, version 2, served 20 November 2026");
  EXPECT_EQ(info["Title"].find("Amara"), std::string::npos);  // no personal data in the title
  EXPECT_EQ(info["Author"], "Northmoor Council");
  EXPECT_EQ(info["Creator"], "Golden Thread");
  EXPECT_EQ(info["Tagged"], "yes");
  EXPECT_EQ(info["Page size"].substr(0, 20), "595.276 x 841.89 pts");
  EXPECT_EQ(info["Pages"], std::to_string(pdf.pages));
  // The outline: the title, and under it one entry per section, each pointing at a page.
  EXPECT_NE(pdf.bytes.find("/Outlines"), std::string::npos);
  EXPECT_NE(pdf.bytes.find("/Title (Education, health and care plan)"), std::string::npos);
  for (PlanSection s : all_plan_sections())
    EXPECT_NE(pdf.bytes.find("/Title (" + plan_section_heading(s) + ")"), std::string::npos) << plan_section_heading(s);
  EXPECT_EQ(count(pdf.bytes, "/Title ("), all_plan_sections().size() + 2);  // + the document info's title
  // Fonts are embedded (real text, not images).
  EXPECT_NE(pdf.bytes.find("/FontFile"), std::string::npos);
  EXPECT_EQ(pdf.bytes.find("/Subtype /Image"), std::string::npos);
}

TEST(PlanPdf, ALongPlanRunsOverPagesNumberedPageNOfM) {
  Plan p = full_plan();
  for (int i = 0; i < 120; ++i) {
    PlanProvision f;
    f.id = next_element_id(p, PlanSection::F);
    f.section = PlanSection::F;
    f.what = "Small-group phonics teaching number " + std::to_string(i) +
             ", following the school's systematic synthetic phonics programme, with pre-teaching of new "
             "vocabulary and a visual timetable for each session.";
    f.delivered_by = "teaching assistant trained in the programme";
    f.sessions = 3;
    f.per = FrequencyPer::Week;
    f.minutes = 20;
    f.group_size = 4;
    p.provision.push_back(f);
  }
  PlanDocument doc = issued(p);
  RenderedPdf pdf = render_plan_pdf(doc, letterhead());
  ASSERT_GT(pdf.pages, 5);
  PdfFile file(pdf.bytes);
  EXPECT_EQ(file.info()["Pages"], std::to_string(pdf.pages));
  std::string raw = file.text();
  std::string text = compact(raw);
  for (int n = 1; n <= pdf.pages; ++n) {
    std::string footer = "Page" + std::to_string(n) + "of" + std::to_string(pdf.pages);
    EXPECT_EQ(count(text, footer), 1u) << footer;
  }
  EXPECT_EQ(count(text, compact(doc.child_name)), static_cast<std::size_t>(pdf.pages) + 1);  // each footer + page 1
  std::string body = body_text(raw, doc.child_name);
  for (const auto& l : plan_lines(doc.plan)) EXPECT_NE(body.find(compact(l.text)), std::string::npos) << l.id;
  EXPECT_EQ(count(raw, "\f"), static_cast<std::size_t>(pdf.pages));
}

TEST(PlanPdf, LongWordsWrapWithoutInsertedHyphensAndBadTextStillRenders) {
  Plan p;
  std::string word(300, 'x');
  word += "END";
  p.views.push_back({next_element_id(p, PlanSection::A), "", "Start " + word + " finish."});
  // Invalid UTF-8 and a control character: repaired, not refused.
  p.views.push_back({next_element_id(p, PlanSection::A), "", std::string("Broken \xff\xfe byte and a bell \a here.")});
  p.views.push_back({next_element_id(p, PlanSection::A), "", "Welsh and symbols: Ŵyn, £25, “quotes”, café."});
  std::string text = compact(PdfFile(render_plan_pdf(issued(p), letterhead()).bytes).text());
  EXPECT_NE(text.find(compact("Start " + word + " finish.")), std::string::npos);
  EXPECT_EQ(text.find("x-x"), std::string::npos);
  EXPECT_NE(text.find(compact("byte and a bell")), std::string::npos);
  EXPECT_NE(text.find(compact("Welsh and symbols: Ŵyn, £25, “quotes”, café.")), std::string::npos);
}

TEST(PlanPdf, WorkingVersionSaysItIsNotIssued) {
  PlanDocument doc;
  doc.child_name = "Amara Okoye";
  doc.plan = full_plan();
  EXPECT_EQ(plan_version_caption(doc), "Working version (not issued)");
  RenderedPdf pdf = render_plan_pdf(doc, letterhead());
  PdfFile file(pdf.bytes);
  EXPECT_NE(compact(file.text()).find(compact("Working version (not issued)")), std::string::npos);
  EXPECT_EQ(file.info()["Title"], "Education, health and care plan - Working version (not issued)");
}

TEST(PlanPdf, AnIssuedVersionRendersToTheSameBytesEachTime) {
  PlanDocument doc = issued(full_plan());
  EXPECT_EQ(render_plan_pdf(doc, letterhead()).bytes, render_plan_pdf(doc, letterhead()).bytes);
}

TEST(PlanPdf, CaptionsHeadingsAndFileNames) {
  EXPECT_EQ(plan_section_heading(PlanSection::B), "Section B: Special educational needs");
  EXPECT_EQ(plan_section_heading(PlanSection::H1),
            "Section H1: Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970");
  PlanDocument doc = issued(Plan{});
  doc.kind_label = "Draft plan";
  doc.number = 1;
  doc.issued_on = d("2026-10-05");
  EXPECT_EQ(plan_version_caption(doc), "Draft plan, version 1, served 5 October 2026");
  EXPECT_EQ(plan_pdf_file_name(42), "ehc-plan-version-42.pdf");
  EXPECT_TRUE(std::regex_match(plan_pdf_file_name(7), std::regex("[a-z0-9-]+\\.pdf")));
}

TEST(PlanPdf, TheLetterheadComesFromTheSettings) {
  ServicesSettings s;
  s.council_name = "Southmoor Borough Council";
  s.council_address = "1 High Street";
  s.council_phone = "01632 960111";
  s.council_email = "ehc@southmoor.example";
  Letterhead l = letterhead_of(s);
  std::string text = compact(PdfFile(render_plan_pdf(issued(full_plan()), l).bytes).text());
  for (const char* want : {"Southmoor Borough Council", "1 High Street", "01632 960111", "ehc@southmoor.example"})
    EXPECT_NE(text.find(compact(want)), std::string::npos) << want;
  EXPECT_EQ(text.find("Northmoor Council"), std::string::npos);
  EXPECT_EQ(ServicesSettings{}.council_name, "Northmoor Council");
}

}  // namespace
}  // namespace gt::app
