// A plan version as PDF over real HTTP (GET /plan-versions/{id}/pdf): the PDF's extracted text
// (pdftotext) holds every section heading and every element of the version's HTML page, and the
// child's name; the download's headers (type, attachment, a file name without personal data,
// never cached); who may fetch it (the same people as the HTML page: 404 for anyone else, the
// working version for the council only) and the audit of each read.
#include <gtest/gtest.h>

#include <regex>

#include "store/access_store.h"
#include "store/audit_store.h"
#include "support/pdf_tools.h"
#include "support/plan_fixtures.h"
#include "web_test_support.h"

namespace gt::webtest {
namespace {

using gt::testing::body_text;
using gt::testing::compact;
using gt::testing::PdfFile;

const char* kChildName = "Amara Okafor";

class PlanPdfPages : public ::testing::Test {
 protected:
  PlanPdfPages() {
    auto& app = server.services();
    const std::string route = "TEST";
    std::int64_t school = server.add_organisation("Northmoor Primary", "school", "100001");
    std::int64_t other_school = server.add_organisation("Southmoor Academy", "school", "100002");
    server.accounts().create_user("senco@example.org", "Sam Senco", "senco", kPassword, school);
    server.accounts().create_user("senco2@example.org", "Sol Senco", "senco", kPassword, other_school);
    app::Actor parent = server.accounts().create_user("mum@example.org", "Mary Parent", "parent", kPassword);
    server.accounts().create_user("other@example.org", "Olly Other", "parent", kPassword);
    const app::Actor& staff = server.staff();
    Child c;
    c.given_name = "Amara";
    c.family_name = "Okafor";
    c.date_of_birth = *Date::parse("2016-05-14");
    c.sex = "F";
    c.ethnicity = "BAFR";
    c.upn_unknown = "UN2";
    child = app.casework.create_child(staff, c, route).id;
    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = "100001";
    p.name = "Northmoor Primary";
    p.entry_date = *Date::parse("2021-09-01");
    app.casework.add_placement(staff, child, p, route);
    server.storage().write([&](store::Database& db) {
      store::FamilyLinkRow l;
      l.child_id = child;
      l.user_id = parent.user_id;
      l.relationship = "parent_carer";
      store::insert_family_link(db, l, staff.user_id);
    });
    case_id = app.casework.open_case(staff, child, staff.user_id, route).summary.id;
    auto event = [&](EventType t, const char* date, std::optional<Outcome> outcome = std::nullopt) {
      Event e;
      e.type = t;
      e.date = *Date::parse(date);
      if (t == EventType::RequestReceived) e.source = 1;
      if (outcome) e.outcome = *outcome;
      app.casework.append_event(staff, case_id, e, route);
    };
    event(EventType::RequestReceived, "2026-06-01");
    event(EventType::DecisionToAssess, "2026-07-06", Outcome::Assess);
    event(EventType::DecisionToIssue, "2026-10-12", Outcome::Issue);
    auto w = app.plans.start(staff, case_id, route);
    Plan plan = w.plan;
    gt::testing::add_to_every_section(plan);
    app.plans.save(staff, case_id, w.row.revision, plan, route);
    draft_id = app.plans.issue(staff, case_id, app::PlanKind::Draft, *Date::parse("2026-11-02"), route).row.id;
    working_id = app.plans.start(staff, case_id, route).row.id;
    server.storage().flush();
  }

  static std::string pdf_path(std::int64_t id) { return "/plan-versions/" + std::to_string(id) + "/pdf"; }
  std::unique_ptr<Browser> as(const std::string& email) {
    return server.sign_in_browser(email, kPassword);
  }

  TestServer server;
  std::int64_t child = 0, case_id = 0, draft_id = 0, working_id = 0;
};

std::string unescape_html(std::string s) {
  s = std::regex_replace(s, std::regex("<[^>]*>"), "");
  const std::pair<const char*, const char*> entities[] = {{"&#39;", "'"}, {"&apos;", "'"}, {"&#x27;", "'"},
                                                          {"&quot;", "\""}, {"&lt;", "<"},  {"&gt;", ">"},
                                                          {"&amp;", "&"}};
  for (const auto& [from, to] : entities)
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) s.replace(at, std::string(from).size(), to);
  return s;
}

// The texts of every <tag ...>...</tag> in the page, without inner tags, entities decoded.
std::vector<std::string> texts_of(const std::string& html, const std::string& tag) {
  std::vector<std::string> out;
  std::regex re("<" + tag + "(\\s[^>]*)?>([\\s\\S]*?)</" + tag + ">");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back(unescape_html((*it)[2].str()));
  return out;
}

TEST_F(PlanPdfPages, ThePdfHasEverySectionAndElementOfTheHtmlPage) {
  auto staff = as(kEmail);
  Reply html = staff->get("/plan-versions/" + std::to_string(draft_id));
  ASSERT_EQ(html.status, 200) << html.body.substr(0, 400);
  Reply pdf = staff->get(pdf_path(draft_id));
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 400);
  std::string text = body_text(PdfFile(pdf.body).text(), kChildName);

  std::vector<std::string> sections;
  for (const auto& h2 : texts_of(html.body, "h2"))
    if (h2.rfind("Section ", 0) == 0) sections.push_back(h2);
  ASSERT_EQ(sections.size(), all_plan_sections().size()) << "the HTML page should show every section";
  for (const auto& h : sections) EXPECT_NE(text.find(compact(h)), std::string::npos) << "PDF lacks the heading: " << h;

  // Every element of the page (its id and its text) is in the PDF too.
  std::regex element("<li id=\"element-([^\"]+)\"[^>]*>([\\s\\S]*?)</li>");
  int elements = 0;
  for (auto it = std::sregex_iterator(html.body.begin(), html.body.end(), element); it != std::sregex_iterator(); ++it) {
    ++elements;
    std::string words = unescape_html((*it)[2].str());
    EXPECT_NE(text.find(compact(words)), std::string::npos) << "PDF lacks the element " << (*it)[1] << ": " << words;
  }
  EXPECT_GE(elements, static_cast<int>(all_plan_sections().size()));

  EXPECT_NE(text.find(compact(kChildName)), std::string::npos);
  EXPECT_NE(text.find(compact(server.services().settings.council_name)), std::string::npos);
  EXPECT_NE(text.find(compact("Draft plan, version 1, served 2 November 2026")), std::string::npos);
  EXPECT_NE(html.body.find("Draft plan, version 1, served 2 November 2026"), std::string::npos)
      << "the HTML page and the PDF should label the version alike";
  EXPECT_NE(html.body.find("href=\"" + pdf_path(draft_id) + "\""), std::string::npos) << "the page links to its PDF";
}

// Each <section> of the HTML page, whole: its heading, then its elements or what an empty section
// says, read as the PDF's text reads (every whitespace removed, page footers dropped).
void expect_every_html_section_in_pdf(const std::string& html, const std::string& pdf_text, int& sections) {
  std::regex section("<section aria-labelledby=\"section-[A-K0-9]+\"[^>]*>([\\s\\S]*?)</section>");
  sections = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), section); it != std::sregex_iterator(); ++it) {
    ++sections;
    std::string words = compact(unescape_html((*it)[1].str()));
    EXPECT_NE(pdf_text.find(words), std::string::npos) << "the PDF does not read as the HTML section: " << words;
  }
}

TEST_F(PlanPdfPages, EverySectionOfTheHtmlPageReadsTheSameInThePdf) {
  auto staff = as(kEmail);
  // The issued draft (every section has something) and the working version with most sections
  // emptied (an empty section says the same in both).
  auto w = server.services().plans.working(server.staff(), case_id, "TEST");
  Plan partial;
  partial.last_number = w.plan.last_number;
  partial.needs = {w.plan.needs.front()};
  partial.placement = w.plan.placement;
  server.services().plans.save(server.staff(), case_id, w.row.revision, partial, "TEST");
  for (std::int64_t id : {draft_id, working_id}) {
    Reply html = staff->get("/plan-versions/" + std::to_string(id));
    ASSERT_EQ(html.status, 200) << html.body.substr(0, 400);
    Reply pdf = staff->get(pdf_path(id));
    ASSERT_EQ(pdf.status, 200);
    int sections = 0;
    expect_every_html_section_in_pdf(html.body, body_text(PdfFile(pdf.body).text(), kChildName), sections);
    EXPECT_EQ(sections, static_cast<int>(all_plan_sections().size())) << "version " << id;
  }
}

TEST_F(PlanPdfPages, TheDownloadIsAnUncachedAttachmentNamedWithoutPersonalData) {
  auto staff = as(kEmail);
  Reply r = staff->get(pdf_path(draft_id));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/pdf");
  EXPECT_EQ(r.header("content-disposition"),
            "attachment; filename=\"ehc-plan-version-" + std::to_string(draft_id) + ".pdf\"");
  EXPECT_EQ(r.header("cache-control"), "no-store");
  EXPECT_EQ(r.body.substr(0, 5), "%PDF-");
  for (const auto& [name, value] : r.headers) {
    EXPECT_EQ(value.find("Amara"), std::string::npos) << name;
    EXPECT_EQ(value.find("Okafor"), std::string::npos) << name;
  }
  auto info = PdfFile(r.body).info();
  EXPECT_EQ(info["Tagged"], "yes");
  EXPECT_EQ(info["Title"], "Education, health and care plan - Draft plan, version 1, served 2 November 2026");
  EXPECT_NE(r.body.find("/Outlines"), std::string::npos);
}

TEST_F(PlanPdfPages, OnlyThoseWhoMaySeeTheVersionGetItsPdf) {
  struct Case {
    const char* email;
    int issued;   // the draft
    int working;  // the council's working version
  };
  for (const Case& c : {Case{kEmail, 200, 200}, Case{"mum@example.org", 200, 404}, Case{"senco@example.org", 200, 404},
                        Case{"other@example.org", 404, 404}, Case{"senco2@example.org", 404, 404}}) {
    auto b = as(c.email);
    EXPECT_EQ(b->get(pdf_path(draft_id)).status, c.issued) << c.email;
    EXPECT_EQ(b->get(pdf_path(working_id)).status, c.working) << c.email << " (working version)";
    EXPECT_EQ(b->get(pdf_path(working_id + 1000)).status, 404) << c.email;
  }
  Browser anonymous(server.port());
  Reply r = anonymous.get(pdf_path(draft_id));
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location").rfind("/sign-in", 0), 0u);
  EXPECT_EQ(r.body.find("%PDF"), std::string::npos);
}

TEST_F(PlanPdfPages, EachPdfIsAnAuditedReadOfTheVersion) {
  auto before = store::audit_of(server.storage().read(), "plan_version", draft_id).size();
  auto parent = as("mum@example.org");
  ASSERT_EQ(parent->get(pdf_path(draft_id)).status, 200);
  server.storage().flush();
  auto rows = store::audit_of(server.storage().read(), "plan_version", draft_id);
  ASSERT_EQ(rows.size(), before + 1);
  const auto& a = rows.back();
  EXPECT_EQ(a.action, "read");
  EXPECT_EQ(a.route, "GET /plan-versions/{id}/pdf");
  EXPECT_EQ(a.child_id, child);
  EXPECT_EQ(a.basis, "parental_responsibility");
  EXPECT_EQ(a.route.find("Amara"), std::string::npos);
}

}  // namespace
}  // namespace gt::webtest
