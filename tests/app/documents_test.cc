// Documents: the type comes from the content; refused files leave nothing behind; the same content
// is stored once; a file name is never a path; each role sees exactly its documents; every
// upload and download is audited with its basis; uploads tell whoever must act.
#include "app/documents.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/access.h"
#include "app/accounts.h"
#include "app/casework.h"
#include "app/document_files.h"
#include "app/document_types.h"
#include "app/errors.h"
#include "app/storage.h"
#include "store/access_store.h"
#include "store/advice_store.h"
#include "store/audit_store.h"
#include "store/documents_store.h"
#include "store/notifications_store.h"
#include "store/organisations_store.h"
#include "store/sharing_store.h"
#include "support/document_fixtures.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

namespace fs = std::filesystem;
using gt::testing::files_under;

Date d(const char* s) { return *Date::parse(s); }

class DocumentsTest : public ::testing::Test {
 protected:
  DocumentsTest()
      : storage(tmp.path()), today(d("2026-11-25")), casework(storage, today), accounts(storage),
        settings(make_settings(tmp.path())), documents(storage, today, settings) {
    school = org("Northmoor Primary", "school", "100001");
    other_school = org("Southmoor Academy", "school", "100002");
    ep = org("Northmoor EP Service", "ep_service", std::nullopt);
    other_ep = org("Elsewhere EP Service", "ep_service", std::nullopt);
    staff = accounts.create_user("cw@example.org", "Casey Worker", "caseworker", pw);
    senco = accounts.create_user("senco@example.org", "Sam Senco", "senco", pw, school);
    other_senco = accounts.create_user("senco2@example.org", "Sol Senco", "senco", pw, other_school);
    ep_user = accounts.create_user("ep@example.org", "Eve Psych", "advice_giver", pw, ep);
    other_ep_user = accounts.create_user("ep2@example.org", "Ed Else", "advice_giver", pw, other_ep);
    parent = accounts.create_user("mum@example.org", "Mary Parent", "parent", pw);
    stranger = accounts.create_user("other@example.org", "Olly Other", "parent", pw);
    admin = accounts.create_user("admin@example.org", "Ade Admin", "admin", pw);

    child_id = make_child("Amara");
    other_child = make_child("Bea");
    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = "100001";
    p.name = "Northmoor Primary";
    p.entry_date = d("2021-09-01");
    casework.add_placement(staff, child_id, p, "TEST");
    storage.write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = child_id;
      r.user_id = parent.user_id;
      r.relationship = "parent_carer";
      store::insert_family_link(db, r, staff.user_id);
    });
    case_id = casework.open_case(staff, child_id, staff.user_id, "TEST").summary.id;
    request_id = advice_request(ep, "educational_psychology", "A1");
  }

  static ServicesSettings make_settings(const std::string& db_path) {
    ServicesSettings s;
    s.documents_dir = (fs::path(db_path).parent_path() / "documents").string();
    s.max_upload_bytes = 64 * 1024;
    return s;
  }

  std::int64_t org(const char* name, const char* kind, std::optional<std::string> urn) {
    return storage.write([&](store::Database& db) {
      return store::insert_organisation(db, store::OrganisationRow{0, name, kind, urn, std::nullopt});
    });
  }
  std::int64_t make_child(const char* given) {
    Child c;
    c.given_name = given;
    c.family_name = "Test";
    c.date_of_birth = d("2016-05-14");
    c.sex = "F";
    c.ethnicity = "WBRI";
    c.upn_unknown = "UN2";
    return casework.create_child(staff, c, "TEST").id;
  }
  // An open advice request to `organisation`, with consent to share in force.
  std::int64_t advice_request(std::int64_t organisation, const char* from, const char* advice_id) {
    return storage.write([&](store::Database& db) {
      store::ConsentRow c;
      c.child_id = child_id;
      c.organisation_id = organisation;
      c.purpose = "EHC needs assessment advice";
      c.given_by = "Mary Parent";
      c.given_on = "2026-11-01";
      c.recorded_by = staff.user_id;
      c.recorded_at = "2026-11-01T10:00:00Z";
      store::insert_consent(db, c);
      store::AdviceRequestRow r;
      r.case_id = case_id;
      r.child_id = child_id;
      r.organisation_id = organisation;
      r.advice_from = from;
      r.advice_id = advice_id;
      r.requested_on = "2026-11-20";
      r.due_on = "2027-01-01";
      r.basis = "consent";
      r.created_by = staff.user_id;
      r.created_at = "2026-11-20T10:00:00Z";
      return store::insert_advice_request(db, r);
    });
  }

  DocumentUpload file(std::string bytes, std::string name, std::string title = "") {
    return DocumentUpload{std::move(bytes), std::move(name), std::move(title)};
  }
  std::int64_t council_upload(const std::string& bytes, bool visible, bool shared = false,
                              const std::string& name = "letter.pdf") {
    DocumentContext where;
    where.visible_to_family = visible;
    where.shared_with_professionals = shared;
    return documents.upload(staff, child_id, file(bytes, name), where, "TEST");
  }
  std::size_t rows() { return store::documents_of_child(storage.read(), child_id).size(); }
  std::vector<fs::path> stored_files() { return files_under(settings.documents_dir); }
  std::vector<std::int64_t> ids(const std::vector<DocumentSummary>& list) {
    std::vector<std::int64_t> out;
    for (const auto& s : list) out.push_back(s.id);
    return out;
  }
  std::optional<store::NotificationRow> notification(const Actor& to, const std::string& kind) {
    for (auto& n : store::notifications_of_user(storage.read(), to.user_id, 100))
      if (n.kind == kind) return n;
    return std::nullopt;
  }
  Error::Kind kind_of(const std::function<void()>& fn) {
    try {
      fn();
    } catch (const Error& e) {
      return e.kind;
    }
    ADD_FAILURE() << "no error";
    return Error::Kind::BadRequest;
  }

  const char* pw = "correct horse battery";
  gt::testing::TempDb tmp;
  Storage storage;
  Today today;
  Casework casework;
  Accounts accounts;
  ServicesSettings settings;
  Documents documents;
  std::int64_t school = 0, other_school = 0, ep = 0, other_ep = 0;
  Actor staff, senco, other_senco, ep_user, other_ep_user, parent, stranger, admin;
  std::int64_t child_id = 0, other_child = 0, case_id = 0, request_id = 0;
};

TEST_F(DocumentsTest, ThePdfNamedJpgIsStoredAsAPdf) {
  auto id = documents.upload(staff, child_id, file(gt::testing::minimal_pdf(), "scan.jpg"), DocumentContext{}, "TEST");
  auto row = store::document(storage.read(), id);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->media_type, "application/pdf");
  EXPECT_EQ(row->title, "scan");
  auto dl = documents.download(staff, id, "TEST");
  EXPECT_EQ(dl.media_type, "application/pdf");
  EXPECT_EQ(dl.file_name, "scan.pdf");
  EXPECT_EQ(dl.bytes, gt::testing::minimal_pdf());
}

TEST_F(DocumentsTest, EachAcceptedTypeIsKnownByItsContent) {
  EXPECT_EQ(type_of_content(gt::testing::minimal_pdf())->media_type, "application/pdf");
  EXPECT_EQ(type_of_content(gt::testing::minimal_png())->media_type, "image/png");
  EXPECT_EQ(type_of_content(gt::testing::minimal_jpeg())->media_type, "image/jpeg");
  EXPECT_EQ(type_of_content(gt::testing::minimal_docx())->media_type,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  auto id = documents.upload(staff, child_id, file(gt::testing::minimal_docx(), "advice.pdf", "EP advice"),
                             DocumentContext{}, "TEST");
  auto s = documents.summary(staff, id, "TEST");
  EXPECT_EQ(s.type_label, "Word document");
  EXPECT_EQ(s.title, "EP advice");
  EXPECT_EQ(documents.download(staff, id, "TEST").file_name, "EP-advice.docx");
}

TEST_F(DocumentsTest, HostileFilesAreRefusedAndNothingIsWritten) {
  struct Case {
    const char* what;
    std::string bytes;
  };
  std::vector<Case> cases{{"an executable", gt::testing::windows_exe()},
                          {"HTML", gt::testing::html_page()},
                          {"SVG", gt::testing::svg_image()},
                          {"a plain ZIP", gt::testing::plain_zip()},
                          {"a macro-enabled document", gt::testing::macro_docx()},
                          {"a DOCX carrying a VBA project", gt::testing::docx_with_vba_part()},
                          {"plain text", "just some text\n"},
                          {"a PDF signature too late", "hello\n" + gt::testing::minimal_pdf()}};
  for (const auto& c : cases) {
    try {
      council_upload(c.bytes, true, false, "evidence.pdf");
      ADD_FAILURE() << c.what << " was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind, Error::Kind::Unprocessable) << c.what;
      EXPECT_EQ(e.field, "file") << c.what;
      EXPECT_NE(e.reason.find("PDF"), std::string::npos) << e.reason;
    }
  }
  EXPECT_EQ(rows(), 0u);
  EXPECT_TRUE(stored_files().empty());
  EXPECT_EQ(store::audit_of(storage.read(), "document", 1).size(), 0u);
}

TEST_F(DocumentsTest, AMacroEnabledPackageIsNotAWordDocument) {
  // libmagic calls both of these DOCX; the package check is what refuses them.
  EXPECT_FALSE(is_wordprocessing_package(gt::testing::macro_docx()));
  EXPECT_FALSE(is_wordprocessing_package(gt::testing::docx_with_vba_part()));
  EXPECT_FALSE(is_wordprocessing_package(gt::testing::plain_zip()));
  EXPECT_TRUE(is_wordprocessing_package(gt::testing::minimal_docx()));
  // A package cut short or with a lying directory is not read past its end.
  std::string docx = gt::testing::minimal_docx();
  EXPECT_FALSE(is_wordprocessing_package(docx.substr(0, docx.size() - 5)));
  std::string lying = docx;
  lying[lying.size() - 6] = static_cast<char>(0x7F);  // central directory offset far past the end
  EXPECT_FALSE(is_wordprocessing_package(lying));
  EXPECT_FALSE(is_wordprocessing_package(""));
}

TEST_F(DocumentsTest, EmptyAndOversizedFilesAreRefused) {
  try {
    council_upload("", true, false, "");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field, "file");
    EXPECT_EQ(e.reason, "Select a file");
  }
  std::string big = gt::testing::minimal_pdf() + std::string(64 * 1024, 'x');
  try {
    council_upload(big, true);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
    EXPECT_EQ(e.field, "file");
    EXPECT_NE(e.reason.find("smaller than 64KB"), std::string::npos) << e.reason;
  }
  EXPECT_EQ(rows(), 0u);
  EXPECT_TRUE(stored_files().empty());
}

TEST_F(DocumentsTest, TheSameContentIsStoredOnceUnderItsHash) {
  std::string pdf = gt::testing::minimal_pdf("same");
  auto a = council_upload(pdf, true, false, "first.pdf");
  auto b = council_upload(pdf, false, false, "second.pdf");
  EXPECT_NE(a, b);
  EXPECT_EQ(rows(), 2u);
  auto files = stored_files();
  ASSERT_EQ(files.size(), 1u);
  std::string hash = sha256_hex(pdf);
  EXPECT_EQ(files[0], fs::path(settings.documents_dir) / hash.substr(0, 2) / hash);
  EXPECT_EQ(fs::status(files[0]).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(documents.download(staff, b, "TEST").bytes, pdf);
}

TEST_F(DocumentsTest, AFileNameIsNeverAPath) {
  fs::path root = fs::path(settings.documents_dir).parent_path();
  auto before = files_under(root).size();
  std::vector<std::string> names{"../../../etc/passwd.pdf", "..\\..\\windows\\system32\\evil.pdf",
                                 std::string("report\0.exe.pdf", 15), "/etc/shadow", "....//....//x.pdf",
                                 "%2e%2e%2fescape.pdf", "\xE2\x80\xAEgpj.exe"};
  int n = 0;
  for (const auto& name : names) {
    auto id = council_upload(gt::testing::minimal_pdf(std::to_string(n++)), true, false, name);
    auto row = store::document(storage.read(), id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->title.find('/'), std::string::npos) << row->title;
    EXPECT_EQ(row->title.find('\\'), std::string::npos) << row->title;
    EXPECT_EQ(row->title.find('\0'), std::string::npos);
    EXPECT_EQ(row->title.find("\xE2\x80\xAE"), std::string::npos);  // no right-to-left override
    auto dl = documents.download(staff, id, "TEST");
    EXPECT_EQ(dl.file_name.find('/'), std::string::npos);
    EXPECT_EQ(dl.file_name.find(".."), std::string::npos) << dl.file_name;
    EXPECT_EQ(dl.file_name.substr(dl.file_name.size() - 4), ".pdf") << dl.file_name;
  }
  // Every file is inside documents_dir, named by its hash; nothing appeared anywhere else.
  for (const auto& f : stored_files()) {
    EXPECT_TRUE(is_sha256_hex(f.filename().string())) << f;
    EXPECT_EQ(f.parent_path().parent_path(), fs::path(settings.documents_dir));
  }
  EXPECT_EQ(files_under(root).size(), before + names.size());
  EXPECT_FALSE(fs::exists("/etc/passwd.pdf"));
}

TEST_F(DocumentsTest, TheFamilySeesOnlyWhatIsVisibleToThem) {
  auto shown = council_upload(gt::testing::minimal_pdf("shown"), true);
  auto hidden = council_upload(gt::testing::minimal_pdf("hidden"), false);
  EXPECT_EQ(ids(documents.list_for_child(parent, child_id, "TEST")), std::vector<std::int64_t>{shown});
  EXPECT_EQ(documents.download(parent, shown, "TEST").bytes, gt::testing::minimal_pdf("shown"));
  EXPECT_EQ(kind_of([&] { documents.download(parent, hidden, "TEST"); }), Error::Kind::NotFound);
  EXPECT_EQ(kind_of([&] { documents.download(stranger, shown, "TEST"); }), Error::Kind::NotFound);
  EXPECT_EQ(kind_of([&] { documents.list_for_child(stranger, child_id, "TEST"); }), Error::Kind::NotFound);
  EXPECT_EQ(kind_of([&] { documents.download(admin, shown, "TEST"); }), Error::Kind::NotFound);
  EXPECT_EQ(kind_of([&] { documents.download(parent, 999999, "TEST"); }), Error::Kind::NotFound);
  // The council shows the hidden one: the family is told and can read it.
  documents.set_sharing(staff, hidden, true, false, "TEST");
  EXPECT_EQ(documents.list_for_child(parent, child_id, "TEST").size(), 2u);
  storage.flush();
  auto note = notification(parent, "document_added");
  ASSERT_TRUE(note);
  EXPECT_EQ(note->link, "/family/children/" + std::to_string(child_id) + "/documents");
}

TEST_F(DocumentsTest, AFamilysUploadIsAlwaysVisibleToThemAndTellsTheCaseworker) {
  DocumentContext where;
  where.visible_to_family = false;           // not theirs to choose
  where.shared_with_professionals = true;    // nor this
  where.case_id = case_id;
  auto id = documents.upload(parent, child_id, file(gt::testing::minimal_jpeg(), "photo.jpeg"), where, "TEST");
  auto row = store::document(storage.read(), id);
  EXPECT_TRUE(row->visible_to_family);
  EXPECT_FALSE(row->shared_with_professionals);
  EXPECT_EQ(row->case_id, case_id);
  auto note = notification(staff, "document_from_family");
  ASSERT_TRUE(note);
  EXPECT_EQ(note->link, "/children/" + std::to_string(child_id) + "/documents");
  EXPECT_EQ(note->case_id, case_id);
  EXPECT_EQ(note->what_changed.find("Amara"), std::string::npos);  // no child details
  // Another family's child, or a case of another child: nothing written.
  EXPECT_EQ(kind_of([&] { documents.upload(stranger, child_id, file(gt::testing::minimal_png(), "a.png"), {}, "TEST"); }),
            Error::Kind::NotFound);
  DocumentContext wrong;
  wrong.case_id = casework.open_case(staff, other_child, std::nullopt, "TEST").summary.id;
  try {
    documents.upload(parent, child_id, file(gt::testing::minimal_png(), "a.png"), wrong, "TEST");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
    EXPECT_EQ(e.field, "case_id");
  }
  EXPECT_EQ(rows(), 1u);
}

TEST_F(DocumentsTest, ASchoolSeesItsOwnUploadsAndWhatTheCouncilShared) {
  DocumentContext where;
  where.visible_to_family = true;
  auto own = documents.upload(senco, child_id, file(gt::testing::minimal_pdf("plan"), "support plan.pdf"), where, "TEST");
  auto council_private = council_upload(gt::testing::minimal_pdf("private"), false);
  auto council_shared = council_upload(gt::testing::minimal_pdf("shared"), false, true);
  auto family_doc = documents.upload(parent, child_id, file(gt::testing::minimal_png(), "x.png"), {}, "TEST");
  auto seen = ids(documents.list_for_child(senco, child_id, "TEST"));
  EXPECT_EQ(seen, (std::vector<std::int64_t>{council_shared, own}));
  EXPECT_EQ(kind_of([&] { documents.download(senco, council_private, "TEST"); }), Error::Kind::NotFound);
  EXPECT_EQ(kind_of([&] { documents.download(senco, family_doc, "TEST"); }), Error::Kind::NotFound);
  // Another school: the child is not on its roll.
  EXPECT_EQ(kind_of([&] { documents.download(other_senco, own, "TEST"); }), Error::Kind::NotFound);
  EXPECT_EQ(kind_of([&] { documents.list_for_child(other_senco, child_id, "TEST"); }), Error::Kind::NotFound);
  // The school cannot change who sees a document.
  EXPECT_EQ(kind_of([&] { documents.set_sharing(senco, own, false, true, "TEST"); }), Error::Kind::Forbidden);
  EXPECT_TRUE(store::document(storage.read(), own)->visible_to_family);
}

TEST_F(DocumentsTest, AnAdviceGiverSeesItsRequestsDocumentsAndWhatTheCouncilShared) {
  auto other_request = advice_request(other_ep, "educational_psychology", "A2");
  auto mine = documents.upload_to_advice_request(ep_user, request_id, file(gt::testing::minimal_docx(), "advice.docx"), "TEST");
  auto theirs = documents.upload_to_advice_request(other_ep_user, other_request, file(gt::testing::minimal_pdf("other"), "x.pdf"), "TEST");
  auto shared = council_upload(gt::testing::minimal_pdf("shared"), false, true);
  auto private_doc = council_upload(gt::testing::minimal_pdf("private"), true);
  auto row = store::document(storage.read(), mine);
  EXPECT_FALSE(row->visible_to_family);  // the council decides when the family sees advice
  EXPECT_EQ(row->advice_request_id, request_id);
  EXPECT_EQ(row->case_id, case_id);
  EXPECT_EQ(ids(documents.list_for_child(ep_user, child_id, "TEST")), (std::vector<std::int64_t>{shared, mine}));
  EXPECT_EQ(ids(documents.list_for_advice_request(ep_user, request_id, "TEST")), std::vector<std::int64_t>{mine});
  EXPECT_EQ(kind_of([&] { documents.download(ep_user, theirs, "TEST"); }), Error::Kind::NotFound);
  EXPECT_EQ(kind_of([&] { documents.download(ep_user, private_doc, "TEST"); }), Error::Kind::NotFound);
  EXPECT_EQ(kind_of([&] { documents.list_for_advice_request(ep_user, other_request, "TEST"); }), Error::Kind::NotFound);
  EXPECT_EQ(kind_of([&] { documents.upload_to_advice_request(ep_user, other_request, file(gt::testing::minimal_pdf(), "x.pdf"), "TEST"); }),
            Error::Kind::NotFound);
  // The family does not see the advice until the council shows it.
  EXPECT_EQ(kind_of([&] { documents.download(parent, mine, "TEST"); }), Error::Kind::NotFound);
  // Whoever asked for the advice is told.
  EXPECT_TRUE(notification(staff, "document_from_advice_giver"));
  // Once the advice is submitted the request is closed: the advice giver sees nothing more.
  storage.write([&](store::Database& db) {
    store::record_advice_submitted(db, request_id, "{}", "2026-11-25", ep_user.user_id, false);
  });
  EXPECT_EQ(kind_of([&] { documents.download(ep_user, mine, "TEST"); }), Error::Kind::NotFound);
  EXPECT_EQ(kind_of([&] { documents.upload_to_advice_request(ep_user, request_id, file(gt::testing::minimal_pdf(), "y.pdf"), "TEST"); }),
            Error::Kind::NotFound);
  // The council still sees everything.
  EXPECT_EQ(documents.list_for_child(staff, child_id, "TEST").size(), 4u);
}

TEST_F(DocumentsTest, EveryUploadAndDownloadIsAuditedWithItsBasis) {
  auto id = council_upload(gt::testing::minimal_pdf(), true);
  documents.download(parent, id, "GET /documents/{id}");
  documents.download(staff, id, "GET /documents/{id}");
  documents.download(staff, id, "GET /documents/{id}");
  storage.flush();
  auto rows = store::audit_of(storage.read(), "document", id);
  ASSERT_EQ(rows.size(), 4u);
  int uploads = 0, downloads = 0;
  for (const auto& r : rows) {
    EXPECT_EQ(r.child_id, child_id);
    EXPECT_FALSE(r.basis.empty());
    if (r.action == "upload") ++uploads;
    if (r.action == "download") {
      ++downloads;
      EXPECT_EQ(r.route, "GET /documents/{id}");
      EXPECT_EQ(r.basis, r.user_id == parent.user_id ? "parental_responsibility" : "council_staff");
    }
  }
  EXPECT_EQ(uploads, 1);
  EXPECT_EQ(downloads, 3);
  // A refused download is not a read of the document.
  EXPECT_THROW(documents.download(stranger, id, "GET /documents/{id}"), Error);
  storage.flush();
  EXPECT_EQ(store::audit_of(storage.read(), "document", id).size(), 4u);
}

TEST_F(DocumentsTest, ARowIsNeverWrittenWithoutItsFile) {
  auto id = council_upload(gt::testing::minimal_pdf("kept"), true);
  auto row = store::document(storage.read(), id);
  EXPECT_TRUE(fs::exists(document_path(settings.documents_dir, row->sha256)));
  // A stored file that no longer matches its hash is never served.
  {
    std::FILE* f = std::fopen(document_path(settings.documents_dir, row->sha256).c_str(), "ab");
    std::fputs("tampered", f);
    std::fclose(f);
  }
  EXPECT_THROW(documents.download(staff, id, "TEST"), std::runtime_error);
}

}  // namespace
}  // namespace gt::app
