// Document pages over real HTTP: uploads as browsers send them (multipart/form-data), the type
// from the content, refusals that write nothing (wrong type, oversized, missing or wrong CSRF),
// downloads with safe headers, who may see what (404 for anyone else) and the audit of each.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/document_files.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/documents_store.h"
#include "support/document_fixtures.h"
#include "web_test_support.h"

namespace gt::webtest {
namespace {

namespace fs = std::filesystem;
using gt::testing::files_under;

class DocumentPagesTest : public ::testing::Test {
 protected:
  DocumentPagesTest() {
    auto& app = server.services();
    school = server.add_organisation("Northmoor Primary", "school", "100001");
    other_school = server.add_organisation("Southmoor Academy", "school", "100002");
    server.accounts().create_user("senco@example.org", "Sam Senco", "senco", kPassword, school);
    server.accounts().create_user("senco2@example.org", "Sol Senco", "senco", kPassword, other_school);
    parent = server.accounts().create_user("mum@example.org", "Mary Parent", "parent", kPassword);
    server.accounts().create_user("other@example.org", "Olly Other", "parent", kPassword);
    Child c;
    c.given_name = "Amara";
    c.family_name = "Okafor";
    c.date_of_birth = *Date::parse("2016-05-14");
    c.sex = "F";
    c.ethnicity = "BAFR";
    c.upn_unknown = "UN2";
    child = app.casework.create_child(server.staff(), c, "TEST").id;
    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = "100001";
    p.name = "Northmoor Primary";
    p.entry_date = *Date::parse("2021-09-01");
    app.casework.add_placement(server.staff(), child, p, "TEST");
    server.storage().write([&](store::Database& db) {
      store::FamilyLinkRow l;
      l.child_id = child;
      l.user_id = parent.user_id;
      l.relationship = "parent_carer";
      store::insert_family_link(db, l, server.staff().user_id);
    });
  }

  std::string council_new() { return "/children/" + std::to_string(child) + "/documents/new"; }
  std::string council_list() { return "/children/" + std::to_string(child) + "/documents"; }
  std::string documents_dir() { return server.services().settings.documents_dir; }
  std::vector<store::DocumentRow> rows() { return store::documents_of_child(server.storage().read(), child); }
  FilePart file(std::string data, std::string name, std::string declared = "application/pdf") {
    return FilePart{"file", std::move(name), std::move(declared), std::move(data)};
  }
  Reply council_upload(Browser& b, const FilePart& f, const std::string& visible = "yes") {
    return b.post_multipart(council_new(), {{"title", ""}, {"visible_to_family", visible}}, {f});
  }
  // A raw HTTP request with the browser's session cookie.
  std::string raw(Browser& b, const std::string& head_and_body) { return raw_exchange(server.port(), head_and_body); }

  TestServer server;
  std::int64_t school = 0, other_school = 0, child = 0;
  app::Actor parent;
};

TEST_F(DocumentPagesTest, APdfNamedJpgIsStoredAsAPdfAndListed) {
  auto b = server.sign_in_browser(kEmail, kPassword);
  Reply form = b->get(council_new());
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(form.body.find("type=\"file\""), std::string::npos);
  Reply r = council_upload(*b, file(gt::testing::minimal_pdf(), "holiday photo.jpg", "image/jpeg"));
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  EXPECT_EQ(r.header("location"), council_list());
  auto stored = rows();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].media_type, "application/pdf");
  EXPECT_EQ(stored[0].title, "holiday photo");
  Reply list = b->get(council_list());
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("holiday photo"), std::string::npos);
  EXPECT_NE(list.body.find("/documents/" + std::to_string(stored[0].id)), std::string::npos);
}

TEST_F(DocumentPagesTest, HostileFilesAreRefusedWith422AndNothingIsWritten) {
  auto b = server.sign_in_browser(kEmail, kPassword);
  std::vector<std::pair<const char*, std::string>> cases{{"an executable", gt::testing::windows_exe()},
                                                         {"HTML", gt::testing::html_page()},
                                                         {"SVG", gt::testing::svg_image()},
                                                         {"a plain ZIP", gt::testing::plain_zip()},
                                                         {"a macro-enabled document", gt::testing::macro_docx()}};
  for (const auto& [what, bytes] : cases) {
    Reply r = council_upload(*b, file(bytes, "evidence.pdf", "application/pdf"));
    EXPECT_EQ(r.status, 422) << what;
    EXPECT_NE(r.body.find("href=\"#file\""), std::string::npos) << what;  // the summary links to the field
    EXPECT_NE(r.body.find("a PDF, a Word document (.docx), or a PNG or JPEG image"), std::string::npos) << what;
    EXPECT_NE(r.body.find("govuk-file-upload--error"), std::string::npos) << what;
  }
  // No file chosen; the family's choice not made.
  Reply none = b->post_multipart(council_new(), {{"visible_to_family", "yes"}}, {file("", "", "application/octet-stream")});
  EXPECT_EQ(none.status, 422);
  EXPECT_NE(none.body.find("Select a file"), std::string::npos);
  Reply unchosen = b->post_multipart(council_new(), {}, {file(gt::testing::minimal_pdf(), "a.pdf")});
  EXPECT_EQ(unchosen.status, 422);
  EXPECT_NE(unchosen.body.find("href=\"#visible_to_family\""), std::string::npos);
  EXPECT_TRUE(rows().empty());
  EXPECT_TRUE(files_under(documents_dir()).empty());
}

TEST_F(DocumentPagesTest, AnOversizedUploadIs413AndNothingIsWritten) {
  auto b = server.sign_in_browser(kEmail, kPassword);
  // Declared larger than the limit: refused as soon as the header is read, the body never buffered.
  std::string head = "POST " + council_new() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + b->cookie +
                     "\r\nContent-Type: multipart/form-data; boundary=" + kMultipartBoundary +
                     "\r\nContent-Length: " + std::to_string(11 * 1024 * 1024) + "\r\n\r\n";
  std::string out = raw(*b, head + std::string(1000, 'x'));
  EXPECT_EQ(out.rfind("HTTP/1.1 413", 0), 0u) << out.substr(0, 200);
  EXPECT_NE(out.find("too large"), std::string::npos) << out;
  EXPECT_NE(out.find("text/html"), std::string::npos);  // a page, for a person

  // Sent in full, as a browser does: the 413 page is read, not a reset connection.
  Reply whole = council_upload(*b, file(gt::testing::minimal_pdf() + std::string(11 * 1024 * 1024, 'x'), "huge.pdf"));
  EXPECT_EQ(whole.status, 413);
  EXPECT_NE(whole.body.find("too large"), std::string::npos);

  // Within the route's limit but over max_upload_bytes (10 MiB): the app refuses it with 422.
  std::string big = gt::testing::minimal_pdf() + std::string(10 * 1024 * 1024, 'x');
  Reply r = council_upload(*b, file(big, "big.pdf"));
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("smaller than 10MB"), std::string::npos);

  // An ordinary page still has the ordinary 64 KiB limit.
  Reply plain = b->post_form("/children/" + std::to_string(child) + "/needs", {{"primary", std::string(70 * 1024, 'a')}});
  EXPECT_EQ(plain.status, 413);

  EXPECT_TRUE(rows().empty());
  EXPECT_TRUE(files_under(documents_dir()).empty());
}

TEST_F(DocumentPagesTest, TheSameFileTwiceIsOneFileAndTwoRows) {
  auto b = server.sign_in_browser(kEmail, kPassword);
  std::string pdf = gt::testing::minimal_pdf("twice");
  ASSERT_EQ(council_upload(*b, file(pdf, "one.pdf")).status, 303);
  ASSERT_EQ(council_upload(*b, file(pdf, "two.pdf"), "no").status, 303);
  EXPECT_EQ(rows().size(), 2u);
  auto files = files_under(documents_dir());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].filename().string(), app::sha256_hex(pdf));
}

TEST_F(DocumentPagesTest, PathTraversalInTheFileNameNeverEscapesTheDocumentsDirectory) {
  auto b = server.sign_in_browser(kEmail, kPassword);
  fs::path root = fs::path(documents_dir()).parent_path();
  auto before = files_under(root);
  int n = 0;
  for (std::string name : {"../../../../tmp/escaped.pdf", "..\\..\\..\\escaped.pdf", "/etc/passwd", "%2e%2e/x.pdf"}) {
    Reply r = council_upload(*b, file(gt::testing::minimal_pdf(std::to_string(n++)), name));
    ASSERT_EQ(r.status, 303) << name << r.body.substr(0, 500);
  }
  for (const auto& f : files_under(documents_dir())) EXPECT_TRUE(app::is_sha256_hex(f.filename().string())) << f;
  EXPECT_EQ(files_under(documents_dir()).size(), 4u);
  EXPECT_EQ(files_under(root).size(), before.size() + 4);
  EXPECT_FALSE(fs::exists("/tmp/escaped.pdf"));
  for (const auto& row : rows()) {
    EXPECT_EQ(row.title.find('/'), std::string::npos) << row.title;
    EXPECT_EQ(row.title.find('\\'), std::string::npos) << row.title;
  }
  // A NUL in the file name: the form cannot be read (400); nothing written.
  Reply nul = council_upload(*b, file(gt::testing::minimal_pdf("nul"), std::string("evil\0.pdf", 9)));
  EXPECT_EQ(nul.status, 400);
  EXPECT_EQ(rows().size(), 4u);
}

TEST_F(DocumentPagesTest, MissingOrWrongCsrfIs403AndNothingIsWritten) {
  auto b = server.sign_in_browser(kEmail, kPassword);
  Reply missing = b->post_multipart(council_new(), {{"visible_to_family", "yes"}},
                                    {file(gt::testing::minimal_pdf(), "a.pdf")}, false);
  EXPECT_EQ(missing.status, 403);
  Reply wrong = b->post_multipart(council_new(), {{"csrf_token", "0123456789abcdef"}, {"visible_to_family", "yes"}},
                                  {file(gt::testing::minimal_pdf(), "a.pdf")}, false);
  EXPECT_EQ(wrong.status, 403);
  // Sent as an ordinary form: no file in it; as JSON: 415.
  Reply urlencoded = b->post_form(council_new(), {{"visible_to_family", "yes"}});
  EXPECT_EQ(urlencoded.status, 422);
  EXPECT_NE(urlencoded.body.find("Select a file"), std::string::npos);
  Reply json = b->client.request(http::verb::post, council_new(), "{}", "application/json", b->headers());
  EXPECT_EQ(json.status, 415);
  Reply unbounded = b->client.request(http::verb::post, council_new(), "x", "multipart/form-data", b->headers());
  EXPECT_EQ(unbounded.status, 400);
  EXPECT_TRUE(rows().empty());
  EXPECT_TRUE(files_under(documents_dir()).empty());
}

TEST_F(DocumentPagesTest, AParentDownloadsAVisibleDocumentAndNeverAHiddenOne) {
  auto staff = server.sign_in_browser(kEmail, kPassword);
  ASSERT_EQ(council_upload(*staff, file(gt::testing::minimal_pdf("shown"), "Decision letter.pdf"), "yes").status, 303);
  ASSERT_EQ(council_upload(*staff, file(gt::testing::minimal_pdf("hidden"), "Working notes.pdf"), "no").status, 303);
  auto all = rows();  // newest first
  std::int64_t hidden = all[0].id, shown = all[1].id;

  auto mum = server.sign_in_browser("mum@example.org", kPassword);
  Reply dl = mum->get("/documents/" + std::to_string(shown));
  ASSERT_EQ(dl.status, 200);
  EXPECT_EQ(dl.body, gt::testing::minimal_pdf("shown"));
  EXPECT_EQ(dl.header("content-type"), "application/pdf");
  EXPECT_EQ(dl.header("content-disposition"), "attachment; filename=\"Decision-letter.pdf\"");
  EXPECT_EQ(dl.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(dl.header("cache-control"), "no-store");
  EXPECT_EQ(mum->get("/documents/" + std::to_string(hidden)).status, 404);
  EXPECT_EQ(mum->get("/documents/999999").status, 404);
  // Her list shows only the visible one.
  Reply list = mum->get("/family/children/" + std::to_string(child) + "/documents");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Decision letter"), std::string::npos);
  EXPECT_EQ(list.body.find("Working notes"), std::string::npos);
  // Another parent sees neither.
  auto other = server.sign_in_browser("other@example.org", kPassword);
  EXPECT_EQ(other->get("/documents/" + std::to_string(shown)).status, 404);
  EXPECT_EQ(other->get("/family/children/" + std::to_string(child) + "/documents").status, 404);
}

TEST_F(DocumentPagesTest, AFamilyUploadIsVisibleToThemAndTheCouncilIsTold) {
  auto mum = server.sign_in_browser("mum@example.org", kPassword);
  std::string new_href = "/family/children/" + std::to_string(child) + "/documents/new";
  ASSERT_EQ(mum->get(new_href).status, 200);
  Reply r = mum->post_multipart(new_href, {{"title", "Letter from the hospital"}},
                                {file(gt::testing::minimal_png(), "IMG_0042.PNG", "image/png")});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 1000);
  auto all = rows();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_TRUE(all[0].visible_to_family);
  EXPECT_EQ(all[0].media_type, "image/png");
  EXPECT_EQ(mum->get("/documents/" + std::to_string(all[0].id)).status, 200);
  // A caseworker cannot use the family's page (the record is visible, the page is not theirs).
  auto staff = server.sign_in_browser(kEmail, kPassword);
  EXPECT_EQ(staff->get(new_href).status, 403);
}

TEST_F(DocumentPagesTest, AUserOfAnotherSchoolGets404) {
  auto senco = server.sign_in_browser("senco@example.org", kPassword);
  std::string new_href = "/school/pupils/" + std::to_string(child) + "/documents/new";
  Reply r = senco->post_multipart(new_href, {{"visible_to_family", "no"}},
                                  {file(gt::testing::minimal_docx(), "support plan.docx",
                                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 1000);
  auto id = rows().at(0).id;
  EXPECT_EQ(rows()[0].media_type, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  Reply own = senco->get("/documents/" + std::to_string(id));
  EXPECT_EQ(own.status, 200);
  EXPECT_EQ(own.header("content-disposition"), "attachment; filename=\"support-plan.docx\"");

  auto other = server.sign_in_browser("senco2@example.org", kPassword);
  EXPECT_EQ(other->get("/documents/" + std::to_string(id)).status, 404);
  EXPECT_EQ(other->get("/school/pupils/" + std::to_string(child) + "/documents").status, 404);
  Reply up = other->post_multipart(new_href, {{"visible_to_family", "no"}}, {file(gt::testing::minimal_pdf(), "x.pdf")});
  EXPECT_EQ(up.status, 404);
  EXPECT_EQ(rows().size(), 1u);
  // The family does not see what the school kept from them.
  auto mum = server.sign_in_browser("mum@example.org", kPassword);
  EXPECT_EQ(mum->get("/documents/" + std::to_string(id)).status, 404);
}

TEST_F(DocumentPagesTest, EveryDownloadAddsAnAuditRowWithItsBasis) {
  auto staff = server.sign_in_browser(kEmail, kPassword);
  ASSERT_EQ(council_upload(*staff, file(gt::testing::minimal_pdf(), "letter.pdf"), "yes").status, 303);
  auto id = rows().at(0).id;
  auto mum = server.sign_in_browser("mum@example.org", kPassword);
  ASSERT_EQ(mum->get("/documents/" + std::to_string(id)).status, 200);
  ASSERT_EQ(mum->get("/documents/" + std::to_string(id)).status, 200);
  ASSERT_EQ(staff->get("/documents/" + std::to_string(id)).status, 200);
  server.storage().flush();
  auto audit = store::audit_of(server.storage().read(), "document", id);
  std::vector<std::string> downloads;
  for (const auto& a : audit)
    if (a.action == "download") {
      EXPECT_EQ(a.route, "GET /documents/{id}");
      EXPECT_EQ(a.child_id, child);
      downloads.push_back(a.basis);
    }
  std::sort(downloads.begin(), downloads.end());
  EXPECT_EQ(downloads, (std::vector<std::string>{"council_staff", "parental_responsibility", "parental_responsibility"}));
  bool uploaded = false;
  for (const auto& a : audit) uploaded |= a.action == "upload" && a.route == "POST /children/{id}/documents/new";
  EXPECT_TRUE(uploaded);
}

TEST_F(DocumentPagesTest, TheCouncilChangesWhoCanSeeADocument) {
  auto staff = server.sign_in_browser(kEmail, kPassword);
  ASSERT_EQ(council_upload(*staff, file(gt::testing::minimal_pdf(), "advice.pdf"), "no").status, 303);
  auto id = rows().at(0).id;
  std::string sharing = "/documents/" + std::to_string(id) + "/sharing";
  ASSERT_EQ(staff->get(sharing).status, 200);
  EXPECT_EQ(staff->post_form(sharing, {}).status, 422);
  Reply r = staff->post_form(sharing, {{"visible_to_family", "yes"}, {"shared_with_professionals", "yes"}});
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), council_list());
  EXPECT_TRUE(rows()[0].visible_to_family);
  EXPECT_TRUE(rows()[0].shared_with_professionals);
  // Now the school sees it too; the family may not change it.
  auto senco = server.sign_in_browser("senco@example.org", kPassword);
  EXPECT_EQ(senco->get("/documents/" + std::to_string(id)).status, 200);
  auto mum = server.sign_in_browser("mum@example.org", kPassword);
  EXPECT_EQ(mum->post_form(sharing, {{"visible_to_family", "no"}}).status, 403);
  EXPECT_TRUE(rows()[0].visible_to_family);
}

}  // namespace
}  // namespace gt::webtest
