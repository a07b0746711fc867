// Advice pages through the real server (web_test_support.h; today 2026-11-25), each person signed
// in through the sign-in pages: the caseworker asks for advice from the case page (refused with
// 422 and the link to record consent when the record may not be shared; nothing written), the EP
// service's shared inbox, another service's 404, a caseworker's 403 on the advice giver's form,
// submitting advice (the clock moves on the case page), declining and withdrawing, reuse agreed by
// the family and the council, and access ending when consent is withdrawn.
#include <gtest/gtest.h>

#include <regex>

#include "app/advice.h"
#include "store/access_store.h"
#include "store/advice_store.h"
#include "store/cases_store.h"
#include "store/family_store.h"
#include "store/notifications_store.h"
#include "store/sharing_store.h"
#include "web_test_support.h"

namespace gt::webtest {
namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const char* kPw = "correct horse battery";

class AdvicePagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    ep_ = server_->add_organisation("Northmoor EP Service", "ep_service");
    other_ep_ = server_->add_organisation("Southmoor EP Service", "ep_service");
    health_ = server_->add_organisation("Northmoor Community Paediatrics", "health");
    auto& acc = server_->accounts();
    acc.create_user("eve@ep.example.org", "Eve Psych", "advice_giver", kPw, ep_);
    acc.create_user("ezra@ep.example.org", "Ezra Psych", "advice_giver", kPw, ep_);
    acc.create_user("sol@southmoor.example.org", "Sol Psych", "advice_giver", kPw, other_ep_);
    parent_id_ = acc.create_user("mum@example.org", "Mary Parent", "parent", kPw).user_id;
    cw_ = server_->sign_in_browser(kEmail, kPassword).release();
    eve_ = server_->sign_in_browser("eve@ep.example.org", kPw).release();
    ezra_ = server_->sign_in_browser("ezra@ep.example.org", kPw).release();
    sol_ = server_->sign_in_browser("sol@southmoor.example.org", kPw).release();
    parent_ = server_->sign_in_browser("mum@example.org", kPw).release();
  }
  static void TearDownTestSuite() {
    for (Browser* b : {cw_, eve_, ezra_, sol_, parent_}) delete b;
    delete server_;
  }

  // A child with a case at the assessment stage (decided to assess on 5 Oct 2026), the parent linked.
  struct Made {
    std::int64_t child_id = 0;
    std::int64_t case_id = 0;
  };
  Made make_case(const std::string& given, const std::string& family) {
    auto& cw = server_->casework();
    const app::Actor& staff = server_->staff();
    Child c;
    c.given_name = given;
    c.family_name = family;
    c.date_of_birth = *Date::parse("2016-05-14");
    c.sex = "F";
    c.ethnicity = "WBRI";
    c.upn_unknown = "UN2";
    Made m;
    m.child_id = cw.create_child(staff, c, "TEST").id;
    m.case_id = cw.open_case(staff, m.child_id, staff.user_id, "TEST").summary.id;
    Event req;
    req.type = EventType::RequestReceived;
    req.date = *Date::parse("2026-09-01");
    req.source = 1;
    cw.append_event(staff, m.case_id, req, "TEST");
    Event dec;
    dec.type = EventType::DecisionToAssess;
    dec.date = *Date::parse("2026-10-05");
    dec.outcome = Outcome::Assess;
    cw.append_event(staff, m.case_id, dec, "TEST");
    server_->storage().write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = m.child_id;
      r.user_id = parent_id_;
      r.relationship = "parent_carer";
      store::insert_family_link(db, r, staff.user_id);
    });
    return m;
  }
  void consent(std::int64_t child_id, std::int64_t org) {
    server_->storage().write([&](store::Database& db) {
      store::ConsentRow r;
      r.child_id = child_id;
      r.organisation_id = org;
      r.purpose = "EHC needs assessment advice";
      r.given_by = "Mary Parent";
      r.given_on = "2026-10-01";
      r.recorded_by = server_->staff().user_id;
      r.recorded_at = "2026-10-01T10:00:00Z";
      store::insert_consent(db, r);
    });
  }
  Fields ask_fields(std::int64_t org, const std::string& from = "educational_psychology", const std::string& day = "2",
                    const std::string& month = "11") {
    return {{"advice_from", from},
            {"organisation_id", std::to_string(org)},
            {"requested_on-day", day},
            {"requested_on-month", month},
            {"requested_on-year", "2026"}};
  }
  // Asks through the page; returns the new request's id.
  std::int64_t ask(const Made& m, std::int64_t org, const std::string& day = "2") {
    Reply r = cw_->post_form("/cases/" + std::to_string(m.case_id) + "/advice", ask_fields(org, "educational_psychology", day));
    EXPECT_EQ(r.status, 303) << r.body;
    std::smatch mt;
    std::string loc = r.header("location");
    if (!std::regex_search(loc, mt, std::regex("/advice/([0-9]+)$"))) return 0;
    return std::stoll(mt[1].str());
  }
  Fields advice_fields() {
    return {{"needs", "Difficulties with working memory and processing speed."},
            {"outcomes", "Reads age-appropriate texts by the end of Key Stage 2."},
            {"provision", "Daily precision teaching, 20 minutes, with a trained teaching assistant."},
            {"views", "She likes drawing and wants help with reading."},
            {"other", ""}};
  }
  std::vector<store::AdviceRequestRow> requests(const Made& m) {
    return store::advice_requests_of_case(server_->storage().read(), m.case_id);
  }
  int events(const Made& m) { return store::find_case(server_->storage().read(), m.case_id)->event_count; }
  std::string case_page(const Made& m) {
    Reply r = cw_->get("/cases/" + std::to_string(m.case_id));
    EXPECT_EQ(r.status, 200);
    return r.body;
  }
  std::string id(std::int64_t v) { return std::to_string(v); }

  static TestServer* server_;
  static std::int64_t ep_, other_ep_, health_, parent_id_;
  static Browser *cw_, *eve_, *ezra_, *sol_, *parent_;
};

TestServer* AdvicePagesTest::server_ = nullptr;
std::int64_t AdvicePagesTest::ep_ = 0;
std::int64_t AdvicePagesTest::other_ep_ = 0;
std::int64_t AdvicePagesTest::health_ = 0;
std::int64_t AdvicePagesTest::parent_id_ = 0;
Browser* AdvicePagesTest::cw_ = nullptr;
Browser* AdvicePagesTest::eve_ = nullptr;
Browser* AdvicePagesTest::ezra_ = nullptr;
Browser* AdvicePagesTest::sol_ = nullptr;
Browser* AdvicePagesTest::parent_ = nullptr;

TEST_F(AdvicePagesTest, TheCaseworkerAsksFromTheCasePageOnlyWhenTheRecordMayBeShared) {
  Made m = make_case("Zainab", "Quill");
  std::string base = "/cases/" + id(m.case_id);
  std::string page = case_page(m);
  EXPECT_TRUE(contains(page, "href=\"" + base + "/advice/new\""));
  EXPECT_TRUE(contains(page, "No advice has been asked for on this case yet."));

  Reply form = cw_->get(base + "/advice/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "Northmoor EP Service (no consent or override yet)"));
  EXPECT_TRUE(contains(form.body, "<optgroup label=\"Educational psychology services\">"));
  EXPECT_TRUE(contains(form.body, "name=\"requested_on-day\" type=\"text\" inputmode=\"numeric\" value=\"25\""));

  // No consent and no override: 422, the error summary and the link to record consent; nothing written.
  auto eve_id = store::find_user_by_email(server_->storage().read(), "eve@ep.example.org")->id;
  auto eve_notices = [&] { return store::notification_count(server_->storage().read(), eve_id); };
  int notices_before = eve_notices();
  int before = events(m);
  Reply refused = cw_->post_form(base + "/advice", ask_fields(ep_));
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(refused.body, "There is a problem"));
  EXPECT_TRUE(contains(refused.body, "href=\"#organisation_id\""));
  EXPECT_TRUE(contains(refused.body, "no consent to share in force and no override on record"));
  EXPECT_TRUE(contains(refused.body, "href=\"/children/" + id(m.child_id) + "/sharing\""));
  EXPECT_TRUE(requests(m).empty());
  EXPECT_EQ(events(m), before);
  EXPECT_EQ(eve_notices(), notices_before);

  // With consent: 303 to the request, the row, the event and the service told.
  consent(m.child_id, ep_);
  std::int64_t rid = ask(m, ep_);
  ASSERT_GT(rid, 0);
  auto rows = requests(m);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].due_on, "2026-12-14");
  EXPECT_EQ(rows[0].basis, "consent");
  EXPECT_EQ(events(m), before + 1);
  EXPECT_EQ(eve_notices(), notices_before + 1);
  Reply view = cw_->get(base + "/advice/" + id(rid));
  ASSERT_EQ(view.status, 200);
  EXPECT_TRUE(contains(view.body, "14 December 2026 (Due in 19 days)"));
  EXPECT_TRUE(contains(view.body, "Waiting for advice"));
  page = case_page(m);
  EXPECT_TRUE(contains(page, ">ep1<"));
  EXPECT_TRUE(contains(page, "Due in 19 days"));
  bool told = false;
  for (const auto& n : store::notifications_of_user(server_->storage().read(), eve_id, 100))
    told = told || (n.kind == "advice_requested" && n.link == "/advice/" + id(rid) && n.due_on == "2026-12-14");
  EXPECT_TRUE(told);
}

TEST_F(AdvicePagesTest, FormErrorsAndAMissingCsrfTokenWriteNothing) {
  Made m = make_case("Yusuf", "Reed");
  std::string base = "/cases/" + id(m.case_id);
  consent(m.child_id, ep_);
  Reply empty = cw_->post_form(base + "/advice", {});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, "href=\"#advice_from\""));
  EXPECT_TRUE(contains(empty.body, "href=\"#organisation_id\""));
  EXPECT_TRUE(contains(empty.body, "href=\"#requested_on-day\""));
  Reply wrong_kind = cw_->post_form(base + "/advice", ask_fields(health_));
  EXPECT_EQ(wrong_kind.status, 422);
  EXPECT_TRUE(contains(wrong_kind.body, "cannot be asked for educational psychology advice"));
  Reply future = cw_->post_form(base + "/advice", ask_fields(ep_, "educational_psychology", "26"));
  EXPECT_EQ(future.status, 422);
  EXPECT_TRUE(contains(future.body, "href=\"#requested_on-day\""));
  Reply no_csrf = cw_->post_form(base + "/advice", ask_fields(ep_), false);
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_TRUE(requests(m).empty());
}

TEST_F(AdvicePagesTest, TheInboxBelongsToTheServiceAndOthersGet404) {
  Made m = make_case("Xanthe", "Moss");
  consent(m.child_id, ep_);
  std::int64_t rid = ask(m, ep_);
  std::string link = "href=\"/advice/" + id(rid) + "\"";
  for (Browser* b : {eve_, ezra_}) {
    Reply in = b->get("/advice");
    ASSERT_EQ(in.status, 200);
    EXPECT_TRUE(contains(in.body, link));
    EXPECT_TRUE(contains(in.body, "Xanthe Moss"));
    Reply one = b->get("/advice/" + id(rid));
    ASSERT_EQ(one.status, 200);
    EXPECT_TRUE(contains(one.body, "14 May 2016"));  // the date of birth the advice giver needs
    EXPECT_TRUE(contains(one.body, "href=\"/advice/" + id(rid) + "/submit\""));
  }
  // Another EP service: not in its inbox, and the request does not exist for it.
  Reply other = sol_->get("/advice");
  ASSERT_EQ(other.status, 200);
  EXPECT_FALSE(contains(other.body, "Xanthe"));
  EXPECT_EQ(sol_->get("/advice/" + id(rid)).status, 404);
  EXPECT_EQ(sol_->get("/advice/" + id(rid) + "/submit").status, 404);
  EXPECT_EQ(sol_->post_form("/advice/" + id(rid) + "/submit", advice_fields()).status, 404);
  // The caseworker sees the case but the advice giver's form is not theirs.
  EXPECT_EQ(cw_->get("/advice/" + id(rid) + "/submit").status, 403);
  EXPECT_EQ(cw_->get("/advice").status, 403);
  // The family has no business here either.
  EXPECT_EQ(parent_->get("/advice/" + id(rid)).status, 403);
  // Filters.
  EXPECT_FALSE(contains(eve_->get("/advice?status=submitted").body, "Xanthe"));
  EXPECT_TRUE(contains(eve_->get("/advice?status=requested").body, "Xanthe"));
  EXPECT_EQ(eve_->get("/advice?status=bogus").status, 400);
  EXPECT_EQ(eve_->get("/advice/999999").status, 404);
}

TEST_F(AdvicePagesTest, SubmittingAdviceMovesTheClock) {
  Made m = make_case("Willa", "North");
  consent(m.child_id, ep_);
  server_->storage().write([&](store::Database& db) {
    store::AllAboutMeRow a;
    a.child_id = m.child_id;
    a.views = "I like drawing and dinosaurs.";
    a.communication = "I use a picture timetable.";
    a.recorded_by = parent_id_;
    a.recorded_at = "2026-10-02T18:00:00Z";
    store::insert_all_about_me(db, a);
  });
  std::int64_t rid = ask(m, ep_);
  std::string r = "/advice/" + id(rid);
  Reply view = ezra_->get(r);
  ASSERT_EQ(view.status, 200);
  EXPECT_TRUE(contains(view.body, "I use a picture timetable."));

  Fields missing = advice_fields();
  missing[1].second = "";
  Reply bad = ezra_->post_form(r + "/submit", missing);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#outcomes\""));
  EXPECT_TRUE(contains(bad.body, "Daily precision teaching"));  // what was typed is kept
  EXPECT_EQ(requests(m)[0].status, "requested");

  Reply sent = ezra_->post_form(r + "/submit", advice_fields());
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(sent.header("location"), "/advice?done=submitted");
  EXPECT_TRUE(contains(ezra_->get("/advice?done=submitted").body, "Your advice was sent to the council."));
  EXPECT_EQ(ezra_->get(r).status, 404);  // answered: no longer theirs to see
  EXPECT_EQ(requests(m)[0].status, "submitted");
  EXPECT_EQ(store::find_case(server_->storage().read(), m.case_id)->next_due, "2026-12-22");  // A4 now

  std::string page = case_page(m);
  EXPECT_TRUE(contains(page, "Advice sent on 25 November 2026"));
  EXPECT_TRUE(contains(page, "Met on 25 November 2026"));
  Reply council = cw_->get("/cases/" + id(m.case_id) + "/advice/" + id(rid));
  EXPECT_TRUE(contains(council.body, "Daily precision teaching, 20 minutes, with a trained teaching assistant."));
  EXPECT_TRUE(contains(council.body, "by Ezra Psych"));
}

TEST_F(AdvicePagesTest, DecliningThenWithdrawing) {
  Made m = make_case("Vera", "Stone");
  consent(m.child_id, ep_);
  std::int64_t rid = ask(m, ep_);
  std::string r = "/advice/" + id(rid);
  EXPECT_EQ(eve_->post_form(r + "/decline", {{"reason", ""}}).status, 422);
  Reply declined = eve_->post_form(r + "/decline", {{"reason", "We have had no involvement with Vera."}});
  ASSERT_EQ(declined.status, 303);
  EXPECT_EQ(eve_->get(r).status, 404);
  std::string council = "/cases/" + id(m.case_id) + "/advice/" + id(rid);
  Reply view = cw_->get(council);
  EXPECT_TRUE(contains(view.body, "We have had no involvement with Vera."));
  EXPECT_TRUE(contains(view.body, "href=\"" + council + "/withdraw\""));
  EXPECT_EQ(cw_->post_form(council + "/withdraw", {{"reason", ""}}).status, 422);
  Reply withdrawn = cw_->post_form(council + "/withdraw", {{"reason", "Asked the Southmoor service instead"}});
  ASSERT_EQ(withdrawn.status, 303);
  std::string page = case_page(m);
  EXPECT_TRUE(contains(page, "Withdrawn by the council"));
  EXPECT_TRUE(contains(page, "Advice request withdrawn: Asked the Southmoor service instead"));
  EXPECT_FALSE(contains(page, "A3 (ep1)"));
  EXPECT_EQ(cw_->get(council + "/withdraw").status, 409);
}

TEST_F(AdvicePagesTest, ReuseCountsWhenTheFamilyAndTheCouncilBothAgree) {
  Made m = make_case("Una", "Field");
  consent(m.child_id, ep_);
  std::int64_t first = ask(m, ep_, "12");
  ASSERT_GT(first, 0);
  ASSERT_EQ(eve_->post_form("/advice/" + id(first) + "/submit", advice_fields()).status, 303);
  std::int64_t second = ask(m, ep_, "20");
  ASSERT_GT(second, 0);
  std::string r = "/advice/" + id(second);
  Reply view = eve_->get(r);
  EXPECT_TRUE(contains(view.body, "href=\"" + r + "/reuse\""));
  Reply offer_form = eve_->get(r + "/reuse");
  ASSERT_EQ(offer_form.status, 200);
  EXPECT_TRUE(contains(offer_form.body, "Daily precision teaching"));
  EXPECT_EQ(eve_->post_form(r + "/reuse", {}).status, 422);
  Reply offered = eve_->post_form(r + "/reuse", {{"earlier_id", id(first)}});
  ASSERT_EQ(offered.status, 303);

  // The family reads the earlier advice and agrees; not counted yet.
  std::string fam = "/family/advice-reuse/" + id(second);
  Reply fam_view = parent_->get(fam);
  ASSERT_EQ(fam_view.status, 200);
  EXPECT_TRUE(contains(fam_view.body, "Can we use this advice again?"));
  EXPECT_TRUE(contains(fam_view.body, "Daily precision teaching"));
  EXPECT_EQ(cw_->get(fam).status, 403);
  Reply other_service = sol_->get(fam);  // not family: refused (403 by role, or 404), and nothing shown
  EXPECT_TRUE(other_service.status == 403 || other_service.status == 404) << other_service.status;
  EXPECT_FALSE(contains(other_service.body, "Daily precision teaching"));
  EXPECT_EQ(parent_->post_form(fam, {}).status, 422);
  ASSERT_EQ(parent_->post_form(fam, {{"agree", "yes"}}).status, 303);
  EXPECT_TRUE(contains(parent_->get(fam).body, "You said yes"));
  EXPECT_EQ(requests(m)[1].status, "requested");

  // The council agrees: the earlier advice counts for the second request.
  std::string council = "/cases/" + id(m.case_id) + "/advice/" + id(second);
  Reply cview = cw_->get(council);
  EXPECT_TRUE(contains(cview.body, "Earlier advice offered"));
  EXPECT_TRUE(contains(cview.body, "href=\"" + council + "/reuse\""));
  ASSERT_EQ(cw_->post_form(council + "/reuse", {{"agree", "yes"}}).status, 303);
  auto rows = requests(m);
  EXPECT_EQ(rows[1].status, "submitted");
  EXPECT_EQ(rows[1].sections, rows[0].sections);
  EXPECT_TRUE(contains(cw_->get(council).body, "reused with the agreement of the family and the council"));
  EXPECT_EQ(store::find_case(server_->storage().read(), m.case_id)->next_due, "2026-12-22");
}

TEST_F(AdvicePagesTest, WithdrawingConsentRemovesTheAdviceGiversAccess) {
  Made m = make_case("Tess", "Lowe");
  consent(m.child_id, ep_);
  std::int64_t rid = ask(m, ep_);
  ASSERT_EQ(eve_->get("/advice/" + id(rid)).status, 200);
  server_->storage().write([&](store::Database& db) {
    store::withdraw_consents(db, m.child_id, ep_, "2026-11-25", "Mary Parent", server_->staff().user_id,
                             "2026-11-25T12:00:00Z");
  });
  EXPECT_EQ(eve_->get("/advice/" + id(rid)).status, 404);
  EXPECT_EQ(eve_->post_form("/advice/" + id(rid) + "/submit", advice_fields()).status, 404);
  Reply in = eve_->get("/advice");
  EXPECT_FALSE(contains(in.body, "Tess Lowe"));
  EXPECT_TRUE(contains(in.body, "not shared with your service at the moment"));
  EXPECT_EQ(requests(m)[0].status, "requested");
}

}  // namespace
}  // namespace gt::webtest
