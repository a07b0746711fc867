// School pages through the real server (web_test_support.h; today 25 November 2026), signed in as a
// browser is: a SENCO sees the pupils on roll (and a second SENCO at the school the same ones),
// searches them by a POSTed name, pages through them; a pupil at another school or who has left is
// 404, the council's staff get 403 on the school's pages; SEN support and cycles through their
// forms; a request without a reviewed cycle is 422 pointing to the cycle form and writes nothing;
// a valid request opens a case with the request from a school, shows the 6-week decision deadline
// on the pupil's page and tells the council and the family; a second request is 409 with a link;
// a contribution to an annual review appears on the council's case page.
#include <gtest/gtest.h>

#include <regex>

#include "store/access_store.h"
#include "store/cases_store.h"
#include "store/children_store.h"
#include "store/notifications_store.h"
#include "store/schools_store.h"
#include "web_test_support.h"

namespace gt::webtest {
namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const char* kPw = "correct horse battery";

class SchoolPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    TestServer& s = *server_;
    school_ = s.add_organisation("Northmoor Primary", "school", "123456");
    std::int64_t other = s.add_organisation("Southmoor Academy", "school", "654321");
    big_school_ = s.add_organisation("Eastmoor Infants", "school", "222222");
    s.accounts().create_user("senco@northmoor.example.org", "Sam Senco", "senco", kPw, school_);
    s.accounts().create_user("new.senco@northmoor.example.org", "Nia Newsenco", "senco", kPw, school_);
    s.accounts().create_user("senco@southmoor.example.org", "Sol Senco", "senco", kPw, other);
    s.accounts().create_user("senco@eastmoor.example.org", "Eve Senco", "senco", kPw, big_school_);
    parent_actor_ = s.accounts().create_user("mum@example.org", "Mary Parent", "parent", kPw);
    parent_ = parent_actor_.user_id;
    s.accounts().create_user("stranger@example.org", "Olly Other", "parent", kPw);

    amara_ = child("Amara", "Okafor", "2016-05-14");
    dev_ = child("Dev", "Patel", "2016-01-20");
    finn_ = child("Finn", "Rowe", "2015-10-10");
    bilal_ = child("Bilal", "Ahmed", "2015-02-02");
    cara_ = child("Cara", "Brown", "2017-07-07");
    place(amara_, "123456", "2021-09-01");
    place(dev_, "123456", "2022-09-01");
    place(finn_, "123456", "2020-09-01");
    place(bilal_, "654321", "2020-09-01");
    place(cara_, "123456", "2021-09-01", "2026-07-22");
    for (int i = 0; i < 27; ++i) {
      char family[16];
      std::snprintf(family, sizeof family, "Pupil%02d", i);
      place(child("Test", family, "2019-01-01"), "222222", "2024-09-01");
    }
    s.storage().write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = amara_;
      r.user_id = parent_;
      r.relationship = "parent_carer";
      store::insert_family_link(db, r, s.staff().user_id);
    });
    senco_ = s.sign_in_browser("senco@northmoor.example.org", kPw).release();
    staff_ = s.sign_in_browser(kEmail, kPassword).release();
  }
  static void TearDownTestSuite() {
    delete senco_;
    delete staff_;
    delete server_;
  }

  static std::int64_t child(const char* given, const char* family, const char* dob) {
    Child c;
    c.given_name = given;
    c.family_name = family;
    c.date_of_birth = *Date::parse(dob);
    c.sex = "F";
    c.ethnicity = "WBRI";
    c.upn_unknown = "UN2";
    return server_->casework().create_child(server_->staff(), c, "TEST").id;
  }
  static void place(std::int64_t id, const char* urn, const char* from, const char* to = nullptr) {
    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = urn;
    p.name = "A school";
    p.entry_date = *Date::parse(from);
    if (to) p.leaving_date = Date::parse(to);
    server_->casework().add_placement(server_->staff(), id, p, "TEST");
  }
  static std::string pupil(std::int64_t id) { return "/school/pupils/" + std::to_string(id); }
  static Fields date(const std::string& name, const std::string& d, const std::string& m, const std::string& y) {
    return {{name + "-day", d}, {name + "-month", m}, {name + "-year", y}};
  }
  static Fields with(Fields a, const Fields& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  }
  // A cycle started and reviewed through the forms; returns its id.
  static std::int64_t reviewed_cycle(Browser& b, std::int64_t id) {
    Reply r = b.post_form(pupil(id) + "/cycles",
                          with(date("started_on", "20", "4", "2026"),
                               {{"assess", "Reading age 6.2 at 10"}, {"plan", "Daily phonics group"},
                                {"provision", "Phonics group 5 x 20 minutes a week"}}));
    EXPECT_EQ(r.status, 303) << r.body;
    Reply page = b.get(pupil(id));
    std::smatch m;
    std::string body = page.body;
    EXPECT_TRUE(std::regex_search(body, m, std::regex("/cycles/([0-9]+)/review")));
    std::int64_t cycle = std::stoll(m[1].str());
    r = b.post_form(pupil(id) + "/cycles/" + std::to_string(cycle) + "/review",
                    with(date("reviewed_on", "13", "7", "2026"),
                         {{"outcomes", "Reading age 6.5: slower progress than expected"},
                          {"review", "Needs more than the school can provide"}}));
    EXPECT_EQ(r.status, 303) << r.body;
    return cycle;
  }
  static Fields request_fields() {
    return {{"reasons", "Progress remains well below age despite two terms of support"},
            {"family_views", "Mum wants an assessment"},
            {"family_informed", "yes"},
            {"family_agrees", "yes"},
            {"evidence_confirmed", "yes"}};
  }
  static int notifications(std::int64_t user) {
    return static_cast<int>(store::notifications_of_user(server_->storage().read(), user, 100).size());
  }

  static TestServer* server_;
  static app::Actor parent_actor_;
  static Browser* senco_;
  static Browser* staff_;
  static std::int64_t school_, big_school_, parent_, amara_, dev_, finn_, bilal_, cara_;
};

TestServer* SchoolPagesTest::server_ = nullptr;
app::Actor SchoolPagesTest::parent_actor_;
Browser* SchoolPagesTest::senco_ = nullptr;
Browser* SchoolPagesTest::staff_ = nullptr;
std::int64_t SchoolPagesTest::school_ = 0, SchoolPagesTest::big_school_ = 0, SchoolPagesTest::parent_ = 0,
             SchoolPagesTest::amara_ = 0, SchoolPagesTest::dev_ = 0, SchoolPagesTest::finn_ = 0,
             SchoolPagesTest::bilal_ = 0, SchoolPagesTest::cara_ = 0;

TEST_F(SchoolPagesTest, ASencoSeesThePupilsOnRollAndASecondSencoTheSame) {
  Reply r = senco_->get("/school");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(contains(r.body, "Northmoor Primary"));
  EXPECT_TRUE(contains(r.body, "Amara Okafor"));
  EXPECT_TRUE(contains(r.body, "Dev Patel"));
  EXPECT_TRUE(contains(r.body, "href=\"" + pupil(amara_) + "\""));
  EXPECT_FALSE(contains(r.body, "Bilal")) << "a pupil at another school";
  EXPECT_FALSE(contains(r.body, "Cara")) << "a pupil who has left";
  EXPECT_FALSE(contains(r.body, "style="));

  auto second = server_->sign_in_browser("new.senco@northmoor.example.org", kPw);
  Reply r2 = second->get("/school");
  ASSERT_EQ(r2.status, 200);
  EXPECT_TRUE(contains(r2.body, "Amara Okafor"));
  EXPECT_TRUE(contains(r2.body, "Dev Patel"));
  EXPECT_EQ(second->get(pupil(amara_)).status, 200);
}

TEST_F(SchoolPagesTest, ThePupilsPageShowsAllAboutMeWrittenByTheFamily) {
  Reply before = senco_->get(pupil(amara_));
  ASSERT_EQ(before.status, 200);
  EXPECT_TRUE(contains(before.body, "has not written"));
  AllAboutMe about;
  about.interests = "Drawing dragons and swimming";
  about.what_works = "A quiet corner when the class is loud";
  server_->services().family.save_all_about_me(parent_actor_, amara_, about, "TEST");
  Reply after = senco_->get(pupil(amara_));
  EXPECT_TRUE(contains(after.body, "Drawing dragons and swimming"));
  EXPECT_TRUE(contains(after.body, "A quiet corner when the class is loud"));
}

TEST_F(SchoolPagesTest, TheSearchIsPostedAndTheListPaged) {
  Reply r = senco_->post_form("/school", {{"name", "pat"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(contains(r.body, "Dev Patel"));
  EXPECT_FALSE(contains(r.body, "Amara Okafor"));
  EXPECT_TRUE(contains(r.body, "value=\"pat\""));

  auto east = server_->sign_in_browser("senco@eastmoor.example.org", kPw);
  Reply p1 = east->get("/school");
  ASSERT_EQ(p1.status, 200);
  EXPECT_TRUE(contains(p1.body, "27 pupils on roll"));
  EXPECT_TRUE(contains(p1.body, "Test Pupil00"));
  EXPECT_FALSE(contains(p1.body, "Test Pupil26"));
  EXPECT_TRUE(contains(p1.body, "href=\"/school?page=2\""));
  Reply p2 = east->get("/school?page=2");
  EXPECT_TRUE(contains(p2.body, "Test Pupil26"));
  EXPECT_FALSE(contains(p2.body, "Test Pupil00"));
  // A filtered list pages by POST, carrying the name in the form, never the URL.
  Reply f = east->post_form("/school", {{"name", "pupil"}, {"page", "2"}});
  EXPECT_TRUE(contains(f.body, "Test Pupil25"));
  EXPECT_FALSE(contains(f.body, "Test Pupil01"));
  EXPECT_TRUE(contains(f.body, "name=\"page\" value=\"1\""));
}

TEST_F(SchoolPagesTest, OnlyThePupilsOnRollAndOnlyTheSchool) {
  EXPECT_EQ(senco_->get(pupil(bilal_)).status, 404) << "on roll at another school";
  EXPECT_EQ(senco_->get(pupil(cara_)).status, 404) << "has left";
  EXPECT_EQ(senco_->get(pupil(99999999)).status, 404);
  EXPECT_EQ(senco_->get(pupil(bilal_) + "/request-assessment").status, 404);
  EXPECT_EQ(senco_->post_form(pupil(cara_) + "/support", {{"area_of_need", "cognition_and_learning"}}).status, 404);

  // The council's staff use the council's pages, not the school's.
  EXPECT_EQ(staff_->get("/school").status, 403);
  EXPECT_EQ(staff_->get(pupil(amara_)).status, 403);
  auto requests_before = store::assessment_requests_of_child(server_->storage().read(), amara_).size();
  auto children_before = store::count_children(server_->storage().read());
  EXPECT_EQ(staff_->post_form(pupil(amara_) + "/request-assessment", request_fields()).status, 403);
  EXPECT_EQ(staff_->post_form("/school/pupils", {{"given_name", "X"}}).status, 403);
  EXPECT_EQ(store::assessment_requests_of_child(server_->storage().read(), amara_).size(), requests_before);
  EXPECT_EQ(store::count_children(server_->storage().read()), children_before);
  // The school's area is not a family's (audience.h): 403 whatever the record, revealing nothing.
  auto stranger = server_->sign_in_browser("stranger@example.org", kPw);
  EXPECT_EQ(stranger->get(pupil(amara_)).status, 403);
  EXPECT_EQ(stranger->get(pupil(99999999)).status, 403);
  EXPECT_EQ(stranger->get("/school").status, 403);
}

TEST_F(SchoolPagesTest, SenSupportThroughItsFormWithErrorsShownAtOnce) {
  Reply form = senco_->get(pupil(finn_) + "/support");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "<optgroup label=\"Cognition and learning\">"));

  Reply bad = senco_->post_form(pupil(finn_) + "/support",
                                with(date("start_date", "31", "2", "2026"), {{"area_of_need", "sensory_and_physical"},
                                                                             {"primary_type", "MLD"}}));
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "govuk-error-summary"));
  EXPECT_TRUE(contains(bad.body, "href=\"#start_date-day\""));
  EXPECT_TRUE(contains(bad.body, "href=\"#primary_type\""));
  EXPECT_TRUE(contains(bad.body, "href=\"#provision\""));
  EXPECT_TRUE(store::sen_support_of_child(server_->storage().read(), finn_).empty());

  Reply no_csrf = senco_->post_form(pupil(finn_) + "/support",
                                    with(date("start_date", "5", "1", "2026"),
                                         {{"area_of_need", "cognition_and_learning"}, {"primary_type", "MLD"},
                                          {"provision", "Small-group literacy"}}),
                                    false);
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_TRUE(store::sen_support_of_child(server_->storage().read(), finn_).empty());

  Reply ok = senco_->post_form(pupil(finn_) + "/support",
                               with(date("start_date", "5", "1", "2026"),
                                    {{"area_of_need", "cognition_and_learning"}, {"primary_type", "MLD"},
                                     {"secondary_type", "SLCN"}, {"provision", "Small-group literacy\nSpeech group"}}));
  EXPECT_EQ(ok.status, 303) << ok.body;
  Reply page = senco_->get(pupil(finn_));
  EXPECT_TRUE(contains(page.body, "Moderate learning difficulty (MLD)"));
  EXPECT_TRUE(contains(page.body, "5 January 2026"));
  EXPECT_TRUE(contains(page.body, "<p class=\"govuk-body\">Speech group</p>"));
}

TEST_F(SchoolPagesTest, ARequestWithoutAReviewedCycleIsRefusedPointingToTheCycleForm) {
  Reply page = senco_->get(pupil(dev_));
  EXPECT_TRUE(contains(page.body, "record a cycle of the graduated approach"));
  Reply form = senco_->get(pupil(dev_) + "/request-assessment");
  EXPECT_EQ(form.status, 200);
  Reply r = senco_->post_form(pupil(dev_) + "/request-assessment", request_fields());
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "govuk-error-summary"));
  EXPECT_TRUE(contains(r.body, "href=\"" + pupil(dev_) + "/cycles/new\""));
  EXPECT_TRUE(store::cases_of_child(server_->storage().read(), dev_).empty());
  EXPECT_TRUE(store::assessment_requests_of_child(server_->storage().read(), dev_).empty());
}

TEST_F(SchoolPagesTest, AValidRequestOpensACaseTheSchoolFollowsAndTheCouncilSees) {
  reviewed_cycle(*senco_, amara_);
  Reply form = senco_->get(pupil(amara_) + "/request-assessment");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "Reading age 6.5: slower progress than expected")) << "the evidence is shown";

  Reply missing = senco_->post_form(pupil(amara_) + "/request-assessment", {{"family_informed", "no"}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_TRUE(contains(missing.body, "href=\"#reasons\""));
  EXPECT_TRUE(contains(missing.body, "href=\"#family_informed\""));
  EXPECT_TRUE(contains(missing.body, "href=\"#evidence_confirmed\""));
  EXPECT_TRUE(store::cases_of_child(server_->storage().read(), amara_).empty());

  int staff_before = notifications(server_->staff().user_id), parent_before = notifications(parent_);
  Reply r = senco_->post_form(pupil(amara_) + "/request-assessment", request_fields());
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("location"), pupil(amara_) + "#ehc-case");

  auto cases = store::cases_of_child(server_->storage().read(), amara_);
  ASSERT_EQ(cases.size(), 1u);
  std::int64_t case_id = cases[0].id;
  EXPECT_EQ(cases[0].stage, "request");
  EXPECT_EQ(notifications(server_->staff().user_id), staff_before + 1);
  EXPECT_EQ(notifications(parent_), parent_before + 1);

  Reply page = senco_->get(pupil(amara_));
  EXPECT_TRUE(contains(page.body, "A1"));
  EXPECT_TRUE(contains(page.body, "6 January 2027")) << "six weeks from 25 November 2026";
  EXPECT_TRUE(contains(page.body, "Decide whether to carry out an EHC needs assessment"));
  EXPECT_TRUE(contains(page.body, "25 November 2026"));
  EXPECT_FALSE(contains(page.body, "href=\"" + pupil(amara_) + "/request-assessment\""));

  Reply council = staff_->get("/cases/" + std::to_string(case_id));
  ASSERT_EQ(council.status, 200);
  EXPECT_TRUE(contains(council.body, "Request from Northmoor Primary"));
  EXPECT_TRUE(contains(council.body, "Progress remains well below age despite two terms of support"));
  EXPECT_TRUE(contains(council.body, "A school or other education setting")) << "the request's source";

  // A second request: 409 with a link to the case on the pupil's page; nothing more written.
  Reply again = senco_->post_form(pupil(amara_) + "/request-assessment", request_fields());
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(contains(again.body, "href=\"" + pupil(amara_) + "#ehc-case\""));
  EXPECT_EQ(senco_->get(pupil(amara_) + "/request-assessment").status, 409);
  EXPECT_EQ(store::cases_of_child(server_->storage().read(), amara_).size(), 1u);
}

TEST_F(SchoolPagesTest, AContributionToTheAnnualReviewAppearsOnTheCouncilsCasePage) {
  auto& cw = server_->casework();
  const auto& staff = server_->staff();
  std::int64_t case_id = cw.open_case(staff, dev_, staff.user_id, "TEST").summary.id;
  auto add = [&](EventType t, const char* date, Outcome o = Outcome::None, int source = 0) {
    Event e;
    e.type = t;
    e.date = *Date::parse(date);
    e.outcome = o;
    e.source = source;
    cw.append_event(staff, case_id, e, "TEST");
  };
  add(EventType::RequestReceived, "2025-08-04", Outcome::None, 1);
  add(EventType::DecisionToAssess, "2025-09-08", Outcome::Assess);
  add(EventType::DecisionToIssue, "2025-11-10", Outcome::Issue);
  add(EventType::DraftPlanServed, "2025-12-01");
  add(EventType::FinalPlanIssued, "2026-01-12");  // first review due by 12 January 2027

  std::string review = pupil(dev_) + "/reviews/" + std::to_string(case_id);
  Reply page = senco_->get(pupil(dev_));
  EXPECT_TRUE(contains(page.body, "href=\"" + review + "\""));
  Reply form = senco_->get(review);
  ASSERT_EQ(form.status, 200);
  Reply bad = senco_->post_form(review, {{"progress", ""}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#progress\""));
  EXPECT_TRUE(store::contributions_of_case(server_->storage().read(), case_id).empty());

  Reply r = senco_->post_form(review, {{"progress", "Reading age up 14 months"},
                                       {"changes", "Reduce one-to-one to 3 sessions"},
                                       {"views", "Dev is proud of his reading"}});
  EXPECT_EQ(r.status, 303) << r.body;
  Reply council = staff_->get("/cases/" + std::to_string(case_id));
  ASSERT_EQ(council.status, 200);
  EXPECT_TRUE(contains(council.body, "Contributions"));
  EXPECT_TRUE(contains(council.body, "Reading age up 14 months"));
  EXPECT_TRUE(contains(council.body, "Reduce one-to-one to 3 sessions"));
  EXPECT_TRUE(contains(council.body, "Northmoor Primary"));

  // Another school cannot reach it; the council's staff cannot write it as the school.
  auto other = server_->sign_in_browser("senco@southmoor.example.org", kPw);
  EXPECT_EQ(other->get(review).status, 404);
  EXPECT_EQ(staff_->post_form(review, {{"progress", "x"}}).status, 403);
  EXPECT_EQ(store::contributions_of_case(server_->storage().read(), case_id).size(), 1u);
}

TEST_F(SchoolPagesTest, AddingAPupilTheCouncilDoesNotKnow) {
  Reply form = senco_->get("/school/pupils/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(staff_->get("/school/pupils/new").status, 403);
  Fields f = with(with(date("date_of_birth", "3", "3", "2019"), date("start_date", "3", "9", "2026")),
                  {{"given_name", "Esme"}, {"family_name", "Quinn"}, {"sex", "F"}, {"ethnicity", "WBRI"},
                   {"upn", "B801200005001"}, {"setting_type", "mainstream_academy"}});
  Reply r = senco_->post_form("/school/pupils", f);
  ASSERT_EQ(r.status, 303) << r.body;
  std::string location = r.header("location");
  EXPECT_TRUE(std::regex_match(location, std::regex("/school/pupils/[0-9]+")));
  Reply page = senco_->get(location);
  EXPECT_TRUE(contains(page.body, "Esme Quinn"));
  EXPECT_TRUE(contains(page.body, "3 September 2026"));

  // The same UPN from another school: a conflict that reveals nothing of the other record.
  auto other = server_->sign_in_browser("senco@southmoor.example.org", kPw);
  auto before = store::count_children(server_->storage().read());
  for (auto& [k, v] : f)
    if (k == "family_name") v = "Different";
  Reply dup = other->post_form("/school/pupils", f);
  EXPECT_EQ(dup.status, 409);
  EXPECT_TRUE(contains(dup.body, "href=\"#upn\""));
  EXPECT_FALSE(contains(dup.body, "Quinn"));
  EXPECT_FALSE(contains(dup.body, "Northmoor"));
  EXPECT_EQ(store::count_children(server_->storage().read()), before);

  Reply empty = senco_->post_form("/school/pupils", {});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, "href=\"#given_name\""));
  EXPECT_TRUE(contains(empty.body, "href=\"#setting_type\""));
  EXPECT_TRUE(contains(empty.body, "href=\"#start_date-day\""));
}

}  // namespace
}  // namespace gt::webtest
