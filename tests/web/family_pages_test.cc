// The family's pages through the real server (web_test_support.h; today 2026-11-25), each person
// signed in through the sign-in pages: a parent sees only their own child (404 for another's, and
// for a child past compulsory school age unless acting for the young person), the young person sees
// their own, staff get 403 on the family's own pages; the case in plain English with appeal and
// mediation dates and the 15 days on a draft plan; "all about me" (written once, shown to the
// council), messages both ways, who has looked (itself audited) and contact preferences; a form
// with errors shows the GOV.UK error summary and writes nothing.
#include <gtest/gtest.h>

#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/family_store.h"
#include "store/notifications_store.h"
#include "web_test_support.h"

namespace gt::webtest {
namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }
const char* kPw = "correct horse battery";

class FamilyPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    auto& acc = server_->accounts();
    pat_ = acc.create_user("pat@example.org", "Pat Parent", "parent", kPw).user_id;
    olu_ = acc.create_user("olu@example.org", "Olu Other", "parent", kPw).user_id;
    cara_ = acc.create_user("cara@example.org", "Cara Young", "young_person", kPw).user_id;
    amara_ = make_child("Amara", "Okafor", "2016-05-14", pat_);
    ben_ = make_child("Ben", "Other", "2015-02-01", olu_);
    // Born 1 May 2008: past compulsory school age since the last Friday of June 2024.
    cara_child_ = make_child("Cara", "Young", "2008-05-01", pat_);
    link(cara_, cara_child_, "young_person");
    cw_ = server_->sign_in_browser(kEmail, kPassword).release();
    pat_b_ = server_->sign_in_browser("pat@example.org", kPw).release();
    olu_b_ = server_->sign_in_browser("olu@example.org", kPw).release();
    cara_b_ = server_->sign_in_browser("cara@example.org", kPw).release();
  }
  static void TearDownTestSuite() {
    for (Browser* b : {cw_, pat_b_, olu_b_, cara_b_}) delete b;
    delete server_;
  }

  static std::int64_t make_child(const std::string& given, const std::string& family, const char* dob,
                                 std::int64_t parent) {
    Child c;
    c.given_name = given;
    c.family_name = family;
    c.date_of_birth = *Date::parse(dob);
    c.sex = "F";
    c.ethnicity = "WBRI";
    c.upn_unknown = "UN2";
    std::int64_t id = server_->casework().create_child(server_->staff(), c, "TEST").id;
    link(parent, id, "parent_carer");
    return id;
  }
  static void link(std::int64_t user, std::int64_t child, const char* relationship) {
    server_->storage().write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = child;
      r.user_id = user;
      r.relationship = relationship;
      store::insert_family_link(db, r, server_->staff().user_id);
    });
  }
  static std::int64_t open_case(std::int64_t child, std::vector<Event> events) {
    auto& cw = server_->casework();
    std::int64_t case_id = cw.open_case(server_->staff(), child, server_->staff().user_id, "TEST").summary.id;
    for (const auto& e : events) cw.append_event(server_->staff(), case_id, e, "TEST");
    return case_id;
  }
  static Event ev(EventType t, const char* date, Outcome o = Outcome::None) {
    Event e;
    e.type = t;
    e.date = *Date::parse(date);
    e.outcome = o;
    if (t == EventType::RequestReceived) e.source = 1;
    return e;
  }
  static std::string child_path(std::int64_t id) { return "/family/children/" + std::to_string(id); }
  static int notices(std::int64_t user, const std::string& kind) {
    int n = 0;
    for (const auto& r : store::notifications_of_user(server_->storage().read(), user, 1000))
      if (r.kind == kind) ++n;
    return n;
  }

  static TestServer* server_;
  static Browser *cw_, *pat_b_, *olu_b_, *cara_b_;
  static std::int64_t pat_, olu_, cara_, amara_, ben_, cara_child_;
};
TestServer* FamilyPagesTest::server_ = nullptr;
Browser* FamilyPagesTest::cw_ = nullptr;
Browser* FamilyPagesTest::pat_b_ = nullptr;
Browser* FamilyPagesTest::olu_b_ = nullptr;
Browser* FamilyPagesTest::cara_b_ = nullptr;
std::int64_t FamilyPagesTest::pat_ = 0, FamilyPagesTest::olu_ = 0, FamilyPagesTest::cara_ = 0,
             FamilyPagesTest::amara_ = 0, FamilyPagesTest::ben_ = 0, FamilyPagesTest::cara_child_ = 0;

TEST_F(FamilyPagesTest, AParentSeesTheirOwnChildOnly) {
  Reply home = pat_b_->get("/family");
  ASSERT_EQ(home.status, 200);
  EXPECT_TRUE(contains(home.body, "Amara Okafor"));
  EXPECT_FALSE(contains(home.body, "Ben Other"));
  EXPECT_FALSE(contains(home.body, "Cara Young"));  // past compulsory school age
  EXPECT_TRUE(contains(home.body, "Some records linked to your account are not shown"));

  EXPECT_EQ(pat_b_->get(child_path(amara_)).status, 200);
  EXPECT_EQ(pat_b_->get(child_path(ben_)).status, 404);
  EXPECT_EQ(pat_b_->get(child_path(cara_child_)).status, 404);
  EXPECT_EQ(pat_b_->get(child_path(999999)).status, 404);
  EXPECT_EQ(olu_b_->get(child_path(amara_)).status, 404);
  for (const char* sub : {"/about-me", "/messages", "/access-log", "/sharing"})
    EXPECT_EQ(olu_b_->get(child_path(amara_) + sub).status, 404) << sub;
}

TEST_F(FamilyPagesTest, TheYoungPersonSeesTheirOwnRecord) {
  Reply home = cara_b_->get("/family");
  ASSERT_EQ(home.status, 200);
  EXPECT_TRUE(contains(home.body, "Cara Young"));
  EXPECT_TRUE(contains(home.body, "My EHC plan"));
  EXPECT_EQ(cara_b_->get(child_path(cara_child_)).status, 200);
  EXPECT_EQ(cara_b_->get(child_path(amara_)).status, 404);
}

TEST_F(FamilyPagesTest, StaffGetForbiddenOnTheFamilysOwnPages) {
  EXPECT_EQ(cw_->get("/family").status, 403);
  EXPECT_EQ(cw_->get(child_path(amara_)).status, 403);
  EXPECT_EQ(cw_->get(child_path(amara_) + "/about-me").status, 403);
  EXPECT_EQ(cw_->get(child_path(amara_) + "/access-log").status, 403);
  Reply r = cw_->post_form(child_path(amara_) + "/about-me", {{"views", "Written by staff"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_FALSE(store::latest_all_about_me(server_->storage().read(), amara_));
  EXPECT_EQ(cw_->post_form(child_path(amara_) + "/messages", {{"body", "Hi"}}).status, 403);
}

TEST_F(FamilyPagesTest, TheCaseInPlainEnglishWithAppealAndMediationDates) {
  std::int64_t child = make_child("Dara", "Refused", "2015-09-09", pat_);
  open_case(child, {ev(EventType::RequestReceived, "2026-09-01"),
                    ev(EventType::DecisionToAssess, "2026-10-05", Outcome::NotAssess)});
  Reply r = pat_b_->get(child_path(child));
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "The council decided not to carry out an EHC needs assessment."));
  auto at = r.body.find("If you disagree with the council");
  ASSERT_NE(at, std::string::npos);
  EXPECT_TRUE(contains(r.body.substr(at, 120), "s decision not to carry out an EHC needs assessment")) << r.body.substr(at, 120);
  // 5 October + 2 months: the mediation adviser and the appeal, both by 5 December 2026.
  EXPECT_TRUE(contains(r.body, "1. Mediation advice: by 5 December 2026"));
  EXPECT_TRUE(contains(r.body, "2. Appeal to the SEND Tribunal: by 5 December 2026"));
  EXPECT_TRUE(contains(r.body, "Children and Families Act 2014 s51(2)(a)"));
  EXPECT_TRUE(contains(r.body, "SEND Regulations 2014 reg 33"));
  EXPECT_TRUE(contains(r.body, "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008 r20"));
  EXPECT_TRUE(contains(r.body, "The council received a request for an EHC needs assessment"));
  EXPECT_TRUE(contains(r.body, "Your caseworker is Casey Worker."));
  Reply home = pat_b_->get("/family");
  EXPECT_TRUE(contains(home.body, "You can appeal to the SEND Tribunal until 5 December 2026."));
  EXPECT_TRUE(contains(home.body, "The council decided not to carry out an EHC needs assessment."));
}

TEST_F(FamilyPagesTest, TheDraftPlansFifteenDaysAndWhatHappensNext) {
  std::int64_t child = make_child("Eli", "Drafted", "2014-03-03", pat_);
  open_case(child, {ev(EventType::RequestReceived, "2026-07-06"),
                    ev(EventType::DecisionToAssess, "2026-08-10", Outcome::Assess),
                    ev(EventType::DecisionToIssue, "2026-10-26", Outcome::Issue),
                    ev(EventType::DraftPlanServed, "2026-11-20")});
  Reply r = pat_b_->get(child_path(child));
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "You can act now"));
  // Sent 20 November: the sending day is day 1, so the last day is 4 December.
  EXPECT_TRUE(contains(r.body, "Comment on the draft plan and name a school or college by 4 December 2026"));
  EXPECT_TRUE(contains(r.body, "SEND Regulations 2014 reg 13(1)(a)"));
  // The final plan: 6 July + 20 weeks = 23 November 2026, already late.
  EXPECT_TRUE(contains(r.body, "The council must send you the final EHC plan</span>: this was due on 23 November 2026"));
  EXPECT_TRUE(contains(r.body, "Draft plan sent to you"));
  EXPECT_TRUE(contains(pat_b_->get("/family").body, "You can comment on the draft plan until 4 December 2026."));
}

TEST_F(FamilyPagesTest, AllAboutMeIsWrittenOnceAndTheCouncilReadsIt) {
  std::int64_t child = make_child("Fin", "Words", "2016-01-01", pat_);
  std::string path = child_path(child) + "/about-me";
  ASSERT_EQ(pat_b_->get(path).status, 200);

  // Nothing written: the error summary, 422, nothing saved.
  Reply bad = pat_b_->post_form(path, {{"views", "   "}, {"interests", ""}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "govuk-error-summary"));
  EXPECT_TRUE(contains(bad.body, "href=\"#views\""));
  EXPECT_TRUE(contains(bad.body, "Write at least one section"));
  EXPECT_TRUE(contains(bad.body, "<title>Error: "));
  Reply too_long = pat_b_->post_form(path, {{"views", "Short"}, {"communication", std::string(4001, 'x')}});
  EXPECT_EQ(too_long.status, 422);
  EXPECT_TRUE(contains(too_long.body, "href=\"#communication\""));
  EXPECT_TRUE(contains(too_long.body, ">Short</textarea>"));  // what was typed is kept
  EXPECT_FALSE(store::latest_all_about_me(server_->storage().read(), child));

  // Without the CSRF token: refused, nothing saved.
  EXPECT_EQ(pat_b_->post_form(path, {{"views", "I like trains"}}, false).status, 403);
  EXPECT_FALSE(store::latest_all_about_me(server_->storage().read(), child));

  Reply ok = pat_b_->post_form(path, {{"views", "I like school when it is quiet"},
                                      {"communication", "Give me time to answer"}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.header("location"), child_path(child) + "#all-about-me");
  Reply page = pat_b_->get(child_path(child));
  EXPECT_TRUE(contains(page.body, "I like school when it is quiet"));
  EXPECT_TRUE(contains(page.body, "Saved once."));
  EXPECT_TRUE(contains(pat_b_->get(path).body, "Give me time to answer"));  // the form starts from it

  // The council's child page shows it (read on the council's basis, audited).
  Reply council = cw_->get("/children/" + std::to_string(child));
  ASSERT_EQ(council.status, 200);
  EXPECT_TRUE(contains(council.body, "I like school when it is quiet"));
  EXPECT_TRUE(contains(council.body, "/children/" + std::to_string(child) + "/messages"));
  EXPECT_TRUE(contains(council.body, "/children/" + std::to_string(child) + "/sharing"));
  server_->storage().flush();
  bool audited = false;
  for (const auto& a : store::audit_of(server_->storage().read(), "all_about_me", child))
    if (a.action == "read" && a.basis == "council_staff") audited = true;
  EXPECT_TRUE(audited);
}

TEST_F(FamilyPagesTest, MessagesBetweenTheFamilyAndTheCouncil) {
  std::int64_t child = make_child("Gus", "Messages", "2016-02-02", pat_);
  open_case(child, {});
  std::string fam = child_path(child) + "/messages";
  std::string council = "/children/" + std::to_string(child) + "/messages";

  Reply empty = pat_b_->post_form(fam, {{"body", "  "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, "href=\"#body\""));
  EXPECT_EQ(store::count_messages_of_child(server_->storage().read(), child), 0);

  Reply sent = pat_b_->post_form(fam, {{"body", "When is the meeting?"}});
  EXPECT_EQ(sent.status, 303);
  EXPECT_EQ(sent.header("location"), fam);
  EXPECT_EQ(notices(server_->staff().user_id, "message_from_family"), 1);

  Reply inbox = cw_->get(council);
  ASSERT_EQ(inbox.status, 200);
  EXPECT_TRUE(contains(inbox.body, "When is the meeting?"));
  EXPECT_TRUE(contains(inbox.body, "Pat Parent (Parent or carer)"));
  EXPECT_EQ(cw_->post_form(council, {{"body", "Tuesday at 10."}}).status, 303);
  EXPECT_EQ(notices(pat_, "message_from_council"), 1);

  Reply mine = pat_b_->get(fam);
  EXPECT_TRUE(contains(mine.body, "Tuesday at 10."));
  EXPECT_TRUE(contains(mine.body, "Casey Worker"));
  EXPECT_EQ(olu_b_->get(fam).status, 404);
  EXPECT_EQ(pat_b_->get(council).status, 403);  // the council's page, on a visible record
  EXPECT_EQ(pat_b_->post_form(council, {{"body", "x"}}).status, 403);
  EXPECT_EQ(store::count_messages_of_child(server_->storage().read(), child), 2);
}

TEST_F(FamilyPagesTest, WhoHasLookedAndReadingItIsAudited) {
  std::int64_t child = make_child("Hal", "Looked", "2016-03-03", pat_);
  ASSERT_EQ(cw_->get("/children/" + std::to_string(child)).status, 200);
  server_->storage().flush();
  Reply r = pat_b_->get(child_path(child) + "/access-log");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Casey Worker"));
  EXPECT_TRUE(contains(r.body, "Caseworker"));
  EXPECT_TRUE(contains(r.body, "Looked at the record"));
  EXPECT_TRUE(contains(r.body, "Changed the record"));  // the council created it
  EXPECT_TRUE(contains(r.body, "Council SEND team"));
  server_->storage().flush();
  bool audited = false;
  for (const auto& a : store::audit_of(server_->storage().read(), "access_log", child))
    if (a.user_id == pat_ && a.route == "GET /family/children/{id}/access-log" && a.basis == "parental_responsibility")
      audited = true;
  EXPECT_TRUE(audited);
  Reply again = pat_b_->get(child_path(child) + "/access-log");
  EXPECT_TRUE(contains(again.body, "Looked at who has looked at the record"));
  EXPECT_EQ(olu_b_->get(child_path(child) + "/access-log").status, 404);

  // Paged, newest first: 25 a page.
  for (int i = 0; i < 30; ++i) cw_->get("/children/" + std::to_string(child));
  server_->storage().flush();
  Reply p1 = pat_b_->get(child_path(child) + "/access-log");
  // 3 rows before, 2 on each council visit (the record and all about me), the family's reads: 3 pages.
  EXPECT_TRUE(contains(p1.body, "Page 1 of 3"));
  EXPECT_TRUE(contains(p1.body, "?page=2"));
  Reply p2 = pat_b_->get(child_path(child) + "/access-log?page=2");
  EXPECT_EQ(p2.status, 200);
  EXPECT_TRUE(contains(p2.body, "Page 2 of 3"));
  EXPECT_TRUE(contains(p2.body, "?page=1"));
  EXPECT_TRUE(contains(p2.body, "?page=3"));
}

TEST_F(FamilyPagesTest, ContactPreferencesForFamiliesAndProfessionals) {
  Reply form = pat_b_->get("/family/contact");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "How we contact you"));

  Reply bad = pat_b_->post_form("/family/contact", {{"phone", "call me"}, {"language", ""}, {"email_detail", "none"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#channels\""));
  EXPECT_TRUE(contains(bad.body, "href=\"#phone\""));
  EXPECT_TRUE(contains(bad.body, "href=\"#language\""));
  EXPECT_FALSE(store::contact_preferences_of(server_->storage().read(), pat_).saved);

  Reply ok = pat_b_->post_form("/family/contact", {{"by_email", "yes"},
                                                  {"by_post", "yes"},
                                                  {"postal_address", "1 Mill Lane, Northmoor NM1 4AB"},
                                                  {"language", "Polish"},
                                                  {"accessible_format", "large_print"},
                                                  {"email_detail", "first_name"}});
  EXPECT_EQ(ok.status, 303);
  auto p = store::contact_preferences_of(server_->storage().read(), pat_);
  EXPECT_TRUE(p.saved);
  EXPECT_TRUE(p.by_post);
  EXPECT_EQ(p.language, "Polish");
  EXPECT_EQ(p.accessible_format, "large_print");
  EXPECT_EQ(p.email_detail, "first_name");
  Reply saved = pat_b_->get(ok.header("location"));
  EXPECT_TRUE(contains(saved.body, "Your contact preferences are saved."));
  EXPECT_TRUE(contains(saved.body, "value=\"Polish\""));

  // Professionals set theirs at the same place.
  EXPECT_EQ(cw_->post_form("/family/contact", {{"by_phone", "yes"}, {"phone", "01632 960 001"}, {"language", "English"},
                                               {"email_detail", "none"}})
                .status,
            303);
  EXPECT_TRUE(store::contact_preferences_of(server_->storage().read(), server_->staff().user_id).by_phone);
}

}  // namespace
}  // namespace gt::webtest
