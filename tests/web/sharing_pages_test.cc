// Sharing pages through the real server (web_test_support.h; today 2026-11-25), each person signed
// in through the sign-in pages: the family gives consent and withdraws it (after confirming), which
// ends an advice giver's access at once; the council records consent given on paper and a
// withdrawal it was told of, and shares without consent with a lawful basis and reason, which the
// family is told of and sees; each side's routes are 403 to the other and 404 to strangers; forms
// with errors show the GOV.UK error summary and write nothing; no CSRF token, nothing written.
#include <gtest/gtest.h>

#include "app/access.h"
#include "store/access_store.h"
#include "store/advice_store.h"
#include "store/notifications_store.h"
#include "store/sharing_store.h"
#include "web_test_support.h"

namespace gt::webtest {
namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }
const char* kPw = "correct horse battery";

class SharingPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    ep_ = server_->add_organisation("Northmoor EP Service", "ep_service");
    health_ = server_->add_organisation("Northmoor Community Paediatrics", "health");
    auto& acc = server_->accounts();
    eve_ = acc.create_user("eve@ep.example.org", "Eve Psych", "advice_giver", kPw, ep_);
    pat_ = acc.create_user("pat@example.org", "Pat Parent", "parent", kPw).user_id;
    olu_ = acc.create_user("olu@example.org", "Olu Other", "parent", kPw).user_id;
    cw_ = server_->sign_in_browser(kEmail, kPassword).release();
    pat_b_ = server_->sign_in_browser("pat@example.org", kPw).release();
    olu_b_ = server_->sign_in_browser("olu@example.org", kPw).release();
  }
  static void TearDownTestSuite() {
    for (Browser* b : {cw_, pat_b_, olu_b_}) delete b;
    delete server_;
  }

  struct Made {
    std::int64_t child = 0;
    std::int64_t case_id = 0;
  };
  // A child of Pat's with a case, and the EP service asked for advice on it.
  static Made make(const std::string& given) {
    Child c;
    c.given_name = given;
    c.family_name = "Shared";
    c.date_of_birth = *Date::parse("2016-05-14");
    c.sex = "F";
    c.ethnicity = "WBRI";
    c.upn_unknown = "UN2";
    const app::Actor& staff = server_->staff();
    Made m;
    m.child = server_->casework().create_child(staff, c, "TEST").id;
    m.case_id = server_->casework().open_case(staff, m.child, staff.user_id, "TEST").summary.id;
    server_->storage().write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = m.child;
      r.user_id = pat_;
      r.relationship = "parent_carer";
      store::insert_family_link(db, r, staff.user_id);
      store::AdviceRequestRow a;
      a.case_id = m.case_id;
      a.child_id = m.child;
      a.organisation_id = ep_;
      a.advice_from = "educational_psychology";
      a.advice_id = "ep1";
      a.requested_on = "2026-11-20";
      a.due_on = "2027-01-01";
      a.basis = "consent";
      a.created_by = staff.user_id;
      a.created_at = "2026-11-20T10:00:00Z";
      store::insert_advice_request(db, a);
    });
    return m;
  }
  static bool eve_sees(std::int64_t child) {
    return app::child_basis(server_->storage().read(), eve_, child, *Date::parse("2026-11-25")).has_value();
  }
  static std::string fam(std::int64_t child) { return "/family/children/" + std::to_string(child) + "/sharing"; }
  static std::string council(std::int64_t child) { return "/children/" + std::to_string(child) + "/sharing"; }
  static int notices(std::int64_t user, const std::string& kind) {
    int n = 0;
    for (const auto& r : store::notifications_of_user(server_->storage().read(), user, 1000))
      if (r.kind == kind) ++n;
    return n;
  }

  static TestServer* server_;
  static Browser *cw_, *pat_b_, *olu_b_;
  static app::Actor eve_;
  static std::int64_t ep_, health_, pat_, olu_;
};
TestServer* SharingPagesTest::server_ = nullptr;
Browser* SharingPagesTest::cw_ = nullptr;
Browser* SharingPagesTest::pat_b_ = nullptr;
Browser* SharingPagesTest::olu_b_ = nullptr;
app::Actor SharingPagesTest::eve_;
std::int64_t SharingPagesTest::ep_ = 0, SharingPagesTest::health_ = 0, SharingPagesTest::pat_ = 0,
             SharingPagesTest::olu_ = 0;

TEST_F(SharingPagesTest, TheFamilyGivesAndWithdrawsConsentAndAccessFollows) {
  Made m = make("Ada");
  Reply page = pat_b_->get(fam(m.child));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Northmoor EP Service"));
  EXPECT_TRUE(contains(page.body, "Asked for advice"));
  EXPECT_TRUE(contains(page.body, "Not shared"));
  EXPECT_FALSE(eve_sees(m.child));

  // A form with errors: the summary, 422, nothing written.
  Reply bad = pat_b_->post_form(fam(m.child) + "/consent", {{"organisation", std::to_string(ep_)}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "govuk-error-summary"));
  EXPECT_TRUE(contains(bad.body, "href=\"#purpose\""));
  EXPECT_TRUE(store::consents_of_child(server_->storage().read(), m.child).empty());
  // No CSRF token: refused, nothing written.
  EXPECT_EQ(pat_b_->post_form(fam(m.child) + "/consent", {{"organisation", std::to_string(ep_)}, {"purpose", "advice"}},
                              false)
                .status,
            403);
  EXPECT_TRUE(store::consents_of_child(server_->storage().read(), m.child).empty());

  Reply form = pat_b_->get(fam(m.child) + "/consent?organisation=" + std::to_string(ep_));
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "value=\"" + std::to_string(ep_) + "\" checked"));
  Reply ok = pat_b_->post_form(fam(m.child) + "/consent", {{"organisation", std::to_string(ep_)}, {"purpose", "advice"}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.header("location"), fam(m.child));
  EXPECT_TRUE(eve_sees(m.child));
  page = pat_b_->get(fam(m.child));
  EXPECT_TRUE(contains(page.body, "Shared with consent"));
  EXPECT_TRUE(contains(page.body, "Given by Pat Parent on 25 November 2026"));

  // Withdrawing: a confirmation page, then access ends at once.
  Reply confirm = pat_b_->get(fam(m.child) + "/" + std::to_string(ep_) + "/withdraw");
  ASSERT_EQ(confirm.status, 200);
  EXPECT_TRUE(contains(confirm.body, "has been asked for advice"));
  Reply gone = pat_b_->post_form(fam(m.child) + "/" + std::to_string(ep_) + "/withdraw", {});
  EXPECT_EQ(gone.status, 303);
  EXPECT_FALSE(eve_sees(m.child));
  EXPECT_EQ(pat_b_->post_form(fam(m.child) + "/" + std::to_string(ep_) + "/withdraw", {}).status, 409);
  page = pat_b_->get(fam(m.child));
  EXPECT_TRUE(contains(page.body, "Not shared: consent withdrawn"));
  EXPECT_TRUE(contains(page.body, "Withdrawn by Pat Parent on 25 November 2026"));
}

TEST_F(SharingPagesTest, EachSideOnlyOnItsOwnRoutes) {
  Made m = make("Bea");
  EXPECT_EQ(olu_b_->get(fam(m.child)).status, 404);
  EXPECT_EQ(olu_b_->post_form(fam(m.child) + "/consent", {{"organisation", std::to_string(ep_)}, {"purpose", "advice"}})
                .status,
            404);
  EXPECT_EQ(cw_->get(fam(m.child)).status, 403);
  EXPECT_EQ(cw_->get(fam(m.child) + "/consent").status, 403);
  EXPECT_EQ(cw_->post_form(fam(m.child) + "/consent", {{"organisation", std::to_string(ep_)}, {"purpose", "advice"}})
                .status,
            403);
  EXPECT_EQ(pat_b_->get(council(m.child)).status, 403);
  EXPECT_EQ(pat_b_->get(council(m.child) + "/override").status, 403);
  EXPECT_EQ(pat_b_->post_form(council(m.child) + "/override", {{"organisation", std::to_string(ep_)},
                                                                {"lawful_basis", "public_task"},
                                                                {"reason", "x"}})
                .status,
            403);
  EXPECT_EQ(olu_b_->get(council(m.child)).status, 403);  // the council's area is 403 to any family (audience.h)
  EXPECT_TRUE(store::consents_of_child(server_->storage().read(), m.child).empty());
  EXPECT_TRUE(store::overrides_of_child(server_->storage().read(), m.child).empty());
  EXPECT_EQ(pat_b_->get(fam(m.child) + "/999999/withdraw").status, 404);
}

TEST_F(SharingPagesTest, TheCouncilRecordsConsentOnPaperAndAWithdrawal) {
  Made m = make("Cai");
  Reply page = cw_->get(council(m.child));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Record consent given on paper"));

  Reply bad = cw_->post_form(council(m.child) + "/consent", {{"given_on-day", "31"}, {"given_on-month", "2"},
                                                              {"given_on-year", "2026"}});
  EXPECT_EQ(bad.status, 422);
  for (const char* href : {"#organisation", "#purpose", "#given_by", "#method", "#given_on-day"})
    EXPECT_TRUE(contains(bad.body, std::string("href=\"") + href + "\"")) << href;
  Reply future = cw_->post_form(council(m.child) + "/consent",
                                {{"organisation", std::to_string(ep_)}, {"purpose", "plan"}, {"given_by", "Pat Parent"},
                                 {"method", "on_paper"}, {"given_on-day", "26"}, {"given_on-month", "11"},
                                 {"given_on-year", "2026"}});
  EXPECT_EQ(future.status, 422);
  EXPECT_TRUE(contains(future.body, "must be today or in the past"));
  EXPECT_TRUE(store::consents_of_child(server_->storage().read(), m.child).empty());

  Reply ok = cw_->post_form(council(m.child) + "/consent",
                            {{"organisation", std::to_string(ep_)}, {"purpose", "plan"}, {"given_by", "Pat Parent"},
                             {"method", "on_paper"}, {"given_on-day", "2"}, {"given_on-month", "11"},
                             {"given_on-year", "2026"}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_TRUE(eve_sees(m.child));
  Reply again = cw_->post_form(council(m.child) + "/consent",
                               {{"organisation", std::to_string(ep_)}, {"purpose", "plan"}, {"given_by", "Pat Parent"},
                                {"method", "on_paper"}, {"given_on-day", "2"}, {"given_on-month", "11"},
                                {"given_on-year", "2026"}});
  EXPECT_EQ(again.status, 409);  // already in force: the summary says so
  EXPECT_TRUE(contains(again.body, "already in force"));
  Reply seen = pat_b_->get(fam(m.child));
  EXPECT_TRUE(contains(seen.body, "Given by Pat Parent (On a signed form) on 2 November 2026"));
  EXPECT_TRUE(contains(seen.body, "Recorded by Casey Worker"));

  std::string withdraw = council(m.child) + "/" + std::to_string(ep_) + "/withdraw";
  ASSERT_EQ(cw_->get(withdraw).status, 200);
  Reply no_name = cw_->post_form(withdraw, {{"withdrawn_on-day", "24"}, {"withdrawn_on-month", "11"},
                                            {"withdrawn_on-year", "2026"}});
  EXPECT_EQ(no_name.status, 422);
  EXPECT_TRUE(contains(no_name.body, "href=\"#withdrawn_by\""));
  EXPECT_TRUE(eve_sees(m.child));
  EXPECT_EQ(cw_->post_form(withdraw, {{"withdrawn_by", "Pat Parent, by phone"}, {"withdrawn_on-day", "24"},
                                      {"withdrawn_on-month", "11"}, {"withdrawn_on-year", "2026"}})
                .status,
            303);
  EXPECT_FALSE(eve_sees(m.child));
}

TEST_F(SharingPagesTest, SharingWithoutConsentIsToldToAndSeenByTheFamily) {
  Made m = make("Dev");
  std::string path = council(m.child) + "/override";
  ASSERT_EQ(cw_->get(path).status, 200);
  Reply bad = cw_->post_form(path, {{"organisation", std::to_string(ep_)}, {"lawful_basis", "other"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#other_basis\""));
  EXPECT_TRUE(contains(bad.body, "href=\"#reason\""));
  Reply no_basis = cw_->post_form(path, {{"organisation", std::to_string(ep_)}, {"reason", "Needed"}});
  EXPECT_EQ(no_basis.status, 422);
  EXPECT_TRUE(contains(no_basis.body, "href=\"#lawful_basis\""));
  EXPECT_TRUE(store::overrides_of_child(server_->storage().read(), m.child).empty());
  EXPECT_EQ(notices(pat_, "sharing_override"), 0);

  Reply ok = cw_->post_form(path, {{"organisation", std::to_string(ep_)},
                                   {"lawful_basis", "safeguarding"},
                                   {"reason", "Section 47 enquiry: the EP's advice is needed now"}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_TRUE(eve_sees(m.child));
  EXPECT_EQ(notices(pat_, "sharing_override"), 1);
  EXPECT_EQ(notices(olu_, "sharing_override"), 0);

  Reply seen = pat_b_->get(fam(m.child));
  ASSERT_EQ(seen.status, 200);
  EXPECT_TRUE(contains(seen.body, "Shared without consent"));
  EXPECT_TRUE(contains(seen.body, "Children Act 1989 section 47"));
  EXPECT_TRUE(contains(seen.body, "Section 47 enquiry: the EP"));
  EXPECT_TRUE(contains(seen.body, "Casey Worker (Caseworker) on "));
}

}  // namespace
}  // namespace gt::webtest
