// The cease pages through the real server (web_test_support.h; today 2026-11-25): the council tells
// the family it is considering ceasing Amara's plan; her parent and her school's SENCO see the
// grounds and their last day and respond; the council decides with the SEN2 cease reason and the
// age checks; the plan ends only after the appeal window unless the family will not appeal.
// Another family and another school see nothing (404). A form with missing answers, a refusal by
// the rules and hostile input (SQL, markup, huge values) in every field re-render the page with
// the error summary and write nothing; nothing is ever echoed as markup.
#include <gtest/gtest.h>

#include "store/access_store.h"
#include "store/inspect.h"
#include "store/notifications_store.h"
#include "store/organisations_store.h"
#include "web_test_support.h"

namespace gt::webtest {
namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }
const char* kPw = "correct horse battery";

const std::vector<std::string> kHostile = {
    "' OR '1'='1", "1; DROP TABLE cease_consultations; --", "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>", "../../../../etc/passwd", "%00", "-1", "99999999999999999999999",
    std::string(6000, 'A'),
};

class CeasePagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    auto& acc = server_->accounts();
    auto org = [](const char* name, const char* urn) {
      return server_->storage().write([&](store::Database& db) {
        return store::insert_organisation(db, store::OrganisationRow{0, name, "school", std::string(urn), std::nullopt});
      });
    };
    std::int64_t school = org("Northmoor Primary", "123456");
    std::int64_t other_school = org("Southmoor Academy", "654321");
    acc.create_user("pat@example.org", "Pat Parent", "parent", kPw);
    acc.create_user("olu@example.org", "Olu Other", "parent", kPw);
    acc.create_user("senco@example.org", "Sam Senco", "senco", kPw, school);
    acc.create_user("senco@south.example.org", "Sol Senco", "senco", kPw, other_school);
    auto& cw = server_->casework();
    Child c;
    c.given_name = "Amara";
    c.family_name = "Okafor";
    c.date_of_birth = *Date::parse("2016-05-14");
    c.sex = "F";
    c.ethnicity = "BAFR";
    c.upn_unknown = "UN2";
    child_ = cw.create_child(server_->staff(), c, "TEST").id;
    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = "123456";
    p.name = "Northmoor Primary";
    p.entry_date = *Date::parse("2021-09-01");
    cw.add_placement(server_->staff(), child_, p, "TEST");
    auto pat = store::find_user_by_email(server_->storage().read(), "pat@example.org");
    server_->storage().write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = child_;
      r.user_id = pat->id;
      r.relationship = "parent_carer";
      store::insert_family_link(db, r, server_->staff().user_id);
    });
    case_ = cw.open_case(server_->staff(), child_, server_->staff().user_id, "TEST").summary.id;
    for (auto e : {ev(EventType::RequestReceived, "2026-01-05"), ev(EventType::DecisionToAssess, "2026-02-02", Outcome::Assess),
                   ev(EventType::DecisionToIssue, "2026-03-02", Outcome::Issue), ev(EventType::DraftPlanServed, "2026-03-09"),
                   ev(EventType::FinalPlanIssued, "2026-04-01")})
      cw.append_event(server_->staff(), case_, e, "TEST");
    cw_ = server_->sign_in_browser(kEmail, kPassword).release();
    pat_ = server_->sign_in_browser("pat@example.org", kPw).release();
    olu_ = server_->sign_in_browser("olu@example.org", kPw).release();
    senco_ = server_->sign_in_browser("senco@example.org", kPw).release();
    sol_ = server_->sign_in_browser("senco@south.example.org", kPw).release();
  }
  static void TearDownTestSuite() {
    for (Browser* b : {cw_, pat_, olu_, senco_, sol_}) delete b;
    delete server_;
  }
  static Event ev(EventType t, const char* date, Outcome o = Outcome::None) {
    Event e;
    e.type = t;
    e.date = *Date::parse(date);
    e.outcome = o;
    if (t == EventType::RequestReceived) e.source = 1;
    return e;
  }
  static std::map<std::string, std::string> state() {
    server_->storage().flush();
    auto t = store::table_fingerprints(server_->storage().read());
    t.erase("audit_log");
    t.erase("sessions");
    t.erase("sign_in_throttle");
    return t;
  }
  static std::string council() { return "/cases/" + std::to_string(case_) + "/cease"; }
  static std::string family(std::int64_t child = 0) {
    return "/family/children/" + std::to_string(child ? child : child_) + "/cease/" + std::to_string(case_);
  }
  static std::string school() { return "/school/pupils/" + std::to_string(child_) + "/cease/" + std::to_string(case_); }
  static Fields date(const char* name, int d, int m, int y) {
    return {{std::string(name) + "-day", std::to_string(d)},
            {std::string(name) + "-month", std::to_string(m)},
            {std::string(name) + "-year", std::to_string(y)}};
  }
  static Fields join(Fields a, const Fields& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  }
  // Every field of a form filled with each hostile value: a refusal writes nothing; no markup echoed.
  static void hostile(Browser& b, const std::string& path, const std::vector<std::string>& names) {
    for (const auto& h : kHostile) {
      Fields f;
      for (const auto& n : names) f.emplace_back(n, h);
      auto before = state();
      Reply r = b.post_form(path, f);
      ASSERT_LT(r.status, 500) << path << " with " << h.substr(0, 40);
      EXPECT_FALSE(contains(r.body, "<script>alert(1)</script>")) << path;
      EXPECT_FALSE(contains(r.body, "<img src=x onerror")) << path;
      EXPECT_GE(r.status, 400) << path << " accepted " << h.substr(0, 40);
      EXPECT_EQ(state(), before) << path << " refused but wrote";
    }
  }

  static TestServer* server_;
  static Browser *cw_, *pat_, *olu_, *senco_, *sol_;
  static std::int64_t child_, case_;
};
TestServer* CeasePagesTest::server_ = nullptr;
Browser* CeasePagesTest::cw_ = nullptr;
Browser* CeasePagesTest::pat_ = nullptr;
Browser* CeasePagesTest::olu_ = nullptr;
Browser* CeasePagesTest::senco_ = nullptr;
Browser* CeasePagesTest::sol_ = nullptr;
std::int64_t CeasePagesTest::child_ = 0;
std::int64_t CeasePagesTest::case_ = 0;

const std::vector<std::string> kDateParts = {"date-day", "date-month", "date-year"};

TEST_F(CeasePagesTest, TheWholeProcedureThroughThePages) {
  // Nothing proposed yet: the council sees the form; the family and the school see no form.
  Reply page = cw_->get(council());
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Send the proposal"));
  EXPECT_TRUE(contains(page.body, "Amara Okafor"));
  Reply fam = pat_->get(family());
  ASSERT_EQ(fam.status, 200);
  EXPECT_TRUE(contains(fam.body, "has not asked for your views"));
  EXPECT_EQ(olu_->get(family()).status, 404);
  EXPECT_EQ(sol_->get(school()).status, 404);
  EXPECT_EQ(pat_->get(council()).status, 403);

  // Missing answers: 422, the error summary linking to each field, nothing written.
  auto before = state();
  Reply bad = cw_->post_form(council() + "/propose", {});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "govuk-error-summary"));
  EXPECT_TRUE(contains(bad.body, "href=\"#grounds\""));
  EXPECT_TRUE(contains(bad.body, "href=\"#date-day\""));
  EXPECT_EQ(state(), before);
  hostile(*cw_, council() + "/propose", {"date-day", "date-month", "date-year", "respond_by-day", "respond_by-month",
                                          "respond_by-year", "grounds"});
  // A shorter consultation than the setting is refused on its field.
  Reply short_window = cw_->post_form(council() + "/propose",
                                      join(join(date("date", 2, 11, 2026), date("respond_by", 5, 11, 2026)),
                                           {{"grounds", "Needs met through SEN support."}}));
  EXPECT_EQ(short_window.status, 422);
  EXPECT_TRUE(contains(short_window.body, "href=\"#respond_by-day\""));
  EXPECT_TRUE(contains(short_window.body, "16 November 2026"));
  EXPECT_EQ(state(), before);

  Reply ok = cw_->post_form(council() + "/propose",
                            join(date("date", 2, 11, 2026), {{"grounds", "Needs met through <b>SEN support</b>."}}));
  ASSERT_EQ(ok.status, 303) << ok.body.substr(0, 400);
  page = cw_->get(council());
  EXPECT_TRUE(contains(page.body, "16 November 2026"));
  EXPECT_TRUE(contains(page.body, "&lt;b&gt;SEN support&lt;/b&gt;"));  // escaped, never markup
  EXPECT_TRUE(contains(page.body, "Record the decision"));

  // The family and the school are told, each with a link to their own page.
  auto pat = store::find_user_by_email(server_->storage().read(), "pat@example.org");
  bool told = false;
  for (const auto& n : store::notifications_of_user(server_->storage().read(), pat->id, 50))
    told = told || (n.kind == "cease_proposed" && n.link == family());
  EXPECT_TRUE(told);

  // They respond; hostile answers are refused and write nothing.
  fam = pat_->get(family());
  EXPECT_TRUE(contains(fam.body, "16 November 2026"));
  EXPECT_TRUE(contains(fam.body, "Send your response"));
  hostile(*pat_, family(), {"agrees", "comments"});
  EXPECT_EQ(pat_->post_form(family(), {{"comments", "no choice made"}}).status, 422);
  EXPECT_EQ(olu_->post_form(family(), {{"agrees", "yes"}}).status, 404);
  EXPECT_EQ(pat_->post_form(family(), {{"agrees", "yes"}, {"comments", "She is doing well."}}).status, 303);
  EXPECT_EQ(senco_->post_form(school(), {{"agrees", "no"}, {"comments", "Keep the plan for now."}}).status, 303);
  EXPECT_EQ(sol_->post_form(school(), {{"agrees", "yes"}}).status, 404);
  page = cw_->get(council());
  EXPECT_TRUE(contains(page.body, "She is doing well."));
  EXPECT_TRUE(contains(page.body, "Keep the plan for now."));
  // The family sees its own response, not the school's.
  fam = pat_->get(family());
  EXPECT_TRUE(contains(fam.body, "She is doing well."));
  EXPECT_FALSE(contains(fam.body, "Keep the plan for now."));

  // The decision: the under-18 finding (C2) is required, then it is recorded with its reason.
  hostile(*cw_, council() + "/decide", {"date-day", "date-month", "date-year", "outcome", "cease_reason",
                                         "confirm_not_necessary", "confirm_not_returning", "confirm_adult_estate", "notes"});
  Fields decide = join(date("date", 10, 11, 2026), {{"outcome", "cease"}, {"cease_reason", "2"}});
  before = state();
  Reply c2 = cw_->post_form(council() + "/decide", decide);
  EXPECT_EQ(c2.status, 422);
  EXPECT_TRUE(contains(c2.body, "href=\"#confirm_not_necessary\""));
  EXPECT_TRUE(contains(c2.body, "reg 29"));
  EXPECT_EQ(state(), before);
  decide.emplace_back("confirm_not_necessary", "yes");
  ASSERT_EQ(cw_->post_form(council() + "/decide", decide).status, 303);
  page = cw_->get(council());
  EXPECT_TRUE(contains(page.body, "Needs being met without an EHC plan"));
  EXPECT_TRUE(contains(page.body, "10 January 2027"));  // the last day to appeal
  fam = pat_->get(family());
  EXPECT_TRUE(contains(fam.body, "10 January 2027"));
  EXPECT_FALSE(contains(fam.body, "Send your response"));

  // The end: refused inside the appeal window, unless the family said they will not appeal.
  hostile(*cw_, council() + "/end", {"date-day", "date-month", "date-year", "family_not_appealing"});
  before = state();
  Reply early = cw_->post_form(council() + "/end", date("date", 20, 11, 2026));
  EXPECT_EQ(early.status, 422);
  EXPECT_TRUE(contains(early.body, "href=\"#date-day\""));
  EXPECT_TRUE(contains(early.body, "2027-01-11"));
  EXPECT_EQ(state(), before);
  ASSERT_EQ(cw_->post_form(council() + "/end", join(date("date", 20, 11, 2026), {{"family_not_appealing", "yes"}})).status,
            303);
  page = cw_->get(council());
  EXPECT_TRUE(contains(page.body, "The plan ended on"));
  EXPECT_TRUE(contains(page.body, "20 November 2026"));
  EXPECT_FALSE(contains(page.body, "Record the end of the plan"));
  EXPECT_EQ(server_->casework().case_view(server_->staff(), case_, "TEST").stage, Stage::Closed);
  // Nothing more can be posted: the steps are closed.
  EXPECT_EQ(cw_->post_form(council() + "/end", date("date", 21, 11, 2026)).status, 409);
  EXPECT_EQ(pat_->post_form(family(), {{"agrees", "yes"}}).status, 409);
}

}  // namespace
}  // namespace gt::webtest
