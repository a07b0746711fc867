// Provision delivery pages through the real server (today 25 November 2026): the SENCO records a
// period through the form (303), the case's delivery page shows what the plan required, what was
// delivered and the shortfall; form errors are 422 with the error summary and write nothing; the
// family sees it in plain English from their child's page; a named provider sees and records only
// its own line (another line 403); another school's SENCO gets 404; a family cannot record;
// corrections keep the earlier record; the council's case page, overview and the SENCO's pupil
// page link to it.
#include <gtest/gtest.h>

#include "delivery_fixture.h"
#include "store/access_store.h"
#include "store/delivery_store.h"
#include "store/notifications_store.h"
#include "web_test_support.h"

namespace gt::webtest {
namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const char* kPw = "correct horse battery";

class DeliveryPagesTest : public ::testing::Test {
 protected:
  DeliveryPagesTest() {
    TestServer& s = server;
    school = s.add_organisation("Northmoor Primary", "school", "123456");
    std::int64_t other = s.add_organisation("Southmoor Academy", "school", "654321");
    salt = s.add_organisation("Community SALT", "health");
    s.accounts().create_user("senco@northmoor.example.org", "Sam Senco", "senco", kPw, school);
    s.accounts().create_user("senco@southmoor.example.org", "Sol Senco", "senco", kPw, other);
    s.accounts().create_user("slt@salt.example.org", "Tia Therapist", "advice_giver", kPw, salt);
    auto parent = s.accounts().create_user("mum@example.org", "Mary Parent", "parent", kPw);
    Child c;
    c.given_name = "Amara";
    c.family_name = "Okafor";
    c.date_of_birth = *Date::parse("2016-05-14");
    c.sex = "F";
    c.ethnicity = "BAFR";
    c.upn_unknown = "UN2";
    child = s.casework().create_child(s.staff(), c, "TEST").id;
    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = "123456";
    p.name = "Northmoor Primary";
    p.entry_date = *Date::parse("2021-09-01");
    s.casework().add_placement(s.staff(), child, p, "TEST");
    s.storage().write([&](store::Database& db) {
      store::FamilyLinkRow l;
      l.child_id = child;
      l.user_id = parent.user_id;
      l.relationship = "parent_carer";
      store::insert_family_link(db, l, s.staff().user_id);
    });
    plan = make_plan_in_force(s.services(), s.staff(), child, salt);
    base = "/delivery/cases/" + std::to_string(plan.case_id);
  }

  Fields period(const std::string& line, const std::string& sessions) {
    return {{"element", line},       {"from-day", "2"},       {"from-month", "11"},
            {"from-year", "2026"},   {"to-day", "13"},        {"to-month", "11"},
            {"to-year", "2026"},     {"sessions_delivered", sessions},
            {"delivered_by_role", "teaching assistant"},      {"missed_reason", "provider_absent"},
            {"sessions_missed", "4"}};
  }
  std::size_t records() { return store::delivery_records_of_case(server.storage().read(), plan.case_id).size(); }

  TestServer server;
  std::int64_t school = 0, salt = 0, child = 0;
  PlanInForce plan;
  std::string base;
};

TEST_F(DeliveryPagesTest, TheSencoRecordsAPeriodAndTheShortfallShows) {
  auto senco = server.sign_in_browser("senco@northmoor.example.org", kPw);
  Reply form = senco->get(base + "/record?line=" + plan.phonics);
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 300);
  EXPECT_TRUE(contains(form.body, "Record provision delivered"));
  EXPECT_TRUE(contains(form.body, "value=\"" + plan.phonics + "\" checked")) << "the line asked for is chosen";

  Reply done = senco->post_form(base + "/record", period(plan.phonics, "6"));
  ASSERT_EQ(done.status, 303) << done.body.substr(0, 600);
  EXPECT_EQ(done.header("location"), base + "#line-" + plan.phonics);
  EXPECT_EQ(records(), 1u);

  Reply page = senco->get(base);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "6 of 10 sessions - 4 sessions (1 hour 20 minutes) short"));
  EXPECT_TRUE(contains(page.body, "Less than the plan says"));
  EXPECT_TRUE(contains(page.body, "10 sessions (3 hours 20 minutes) over 10 school days"));
  EXPECT_TRUE(contains(page.body, "4 sessions missed: The person who delivers it was absent"));

  bool alerted = false;
  for (const auto& n : store::notifications_of_user(server.storage().read(), server.staff().user_id, 20))
    alerted = alerted || n.kind == "delivery_shortfall";
  EXPECT_TRUE(alerted);
  // The SENCO's pupil page links to it.
  EXPECT_TRUE(contains(senco->get("/school/pupils/" + std::to_string(child)).body, base));
}

TEST_F(DeliveryPagesTest, FormErrorsAre422AndWriteNothing) {
  auto senco = server.sign_in_browser("senco@northmoor.example.org", kPw);
  Reply empty = senco->post_form(base + "/record", {});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, "govuk-error-summary"));
  EXPECT_TRUE(contains(empty.body, "href=\"#element\""));

  auto f = period(plan.phonics, "lots");
  Reply words = senco->post_form(base + "/record", f);
  EXPECT_EQ(words.status, 422);
  EXPECT_TRUE(contains(words.body, "Enter the sessions delivered as a whole number"));
  EXPECT_TRUE(contains(words.body, "value=\"lots\"")) << "what was typed is kept";

  f = period(plan.phonics, "6");
  f.push_back({"to-day", "30"});
  f.erase(std::find_if(f.begin(), f.end(), [](auto& p) { return p.first == "to-day"; }));
  Reply future = senco->post_form(base + "/record", f);
  EXPECT_EQ(future.status, 422);
  EXPECT_TRUE(contains(future.body, "href=\"#to-day\""));
  EXPECT_TRUE(contains(future.body, "cannot be in the future"));
  EXPECT_EQ(records(), 0u);
}

TEST_F(DeliveryPagesTest, TheFamilySeesItInPlainEnglishAndCannotRecord) {
  auto senco = server.sign_in_browser("senco@northmoor.example.org", kPw);
  ASSERT_EQ(senco->post_form(base + "/record", period(plan.phonics, "6")).status, 303);

  auto parent = server.sign_in_browser("mum@example.org", kPw);
  std::string family = "/family/children/" + std::to_string(child);
  EXPECT_TRUE(contains(parent->get(family).body, family + "/delivery"));
  Reply page = parent->get(family + "/delivery");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Is the help in the plan being given?"));
  EXPECT_TRUE(contains(page.body, "Small-group phonics"));
  EXPECT_TRUE(contains(page.body, "The plan says: 5 sessions a week, 20 minutes each"));
  EXPECT_TRUE(contains(page.body, "6 of 10 sessions - 4 sessions (1 hour 20 minutes) short"));
  EXPECT_TRUE(contains(page.body, "Your caseworker has been told"));
  EXPECT_TRUE(contains(page.body, "The plan does not say how often"));

  EXPECT_EQ(parent->post_form(base + "/record", period(plan.phonics, "10")).status, 403);
  EXPECT_EQ(parent->get(base).status, 403);
  EXPECT_EQ(records(), 1u);
}

TEST_F(DeliveryPagesTest, ANamedProviderSeesAndRecordsOnlyItsOwnLine) {
  auto slt = server.sign_in_browser("slt@salt.example.org", kPw);
  Reply list = slt->get("/delivery");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(contains(list.body, "Amara Okafor"));
  EXPECT_TRUE(contains(list.body, base));
  Reply page = slt->get(base);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Speech and language therapy"));
  EXPECT_FALSE(contains(page.body, "Small-group phonics"));
  Reply form = slt->get(base + "/record");
  ASSERT_EQ(form.status, 200);
  EXPECT_FALSE(contains(form.body, "value=\"" + plan.phonics + "\""));

  EXPECT_EQ(slt->post_form(base + "/record", period(plan.phonics, "10")).status, 403);
  auto f = period(plan.therapy, "4");
  f.push_back({"delivered_by_name", "Tia Therapist"});
  EXPECT_EQ(slt->post_form(base + "/record", f).status, 303);
  EXPECT_EQ(records(), 1u);
}

TEST_F(DeliveryPagesTest, AnotherSchoolsSencoGets404) {
  auto other = server.sign_in_browser("senco@southmoor.example.org", kPw);
  EXPECT_EQ(other->get(base).status, 404);
  EXPECT_EQ(other->get(base + "/record").status, 404);
  EXPECT_EQ(other->post_form(base + "/record", period(plan.phonics, "10")).status, 404);
  EXPECT_FALSE(contains(other->get("/delivery").body, "Okafor"));
  EXPECT_EQ(records(), 0u);
}

TEST_F(DeliveryPagesTest, ACorrectionKeepsTheEarlierRecord) {
  auto senco = server.sign_in_browser("senco@northmoor.example.org", kPw);
  ASSERT_EQ(senco->post_form(base + "/record", period(plan.phonics, "6")).status, 303);
  auto id = store::delivery_records_of_case(server.storage().read(), plan.case_id).front().id;
  std::string correct = base + "/records/" + std::to_string(id) + "/correct";
  Reply form = senco->get(correct);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "value=\"6\"")) << "the form starts from the record";

  auto f = period(plan.phonics, "9");
  Reply no_reason = senco->post_form(correct, f);
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(contains(no_reason.body, "href=\"#correction_reason\""));
  f.push_back({"correction_reason", "One week was missed off the register"});
  ASSERT_EQ(senco->post_form(correct, f).status, 303);
  EXPECT_EQ(records(), 2u);
  Reply page = senco->get(base);
  EXPECT_TRUE(contains(page.body, "9 of 10 sessions"));
  EXPECT_TRUE(contains(page.body, "Records that were corrected"));
  EXPECT_TRUE(contains(page.body, "Corrected: One week was missed off the register"));
  EXPECT_EQ(senco->get(correct).status, 409) << "a corrected record is not corrected again";
}

TEST_F(DeliveryPagesTest, TheCouncilSeesItOnTheCaseAndInTheOverview) {
  auto senco = server.sign_in_browser("senco@northmoor.example.org", kPw);
  ASSERT_EQ(senco->post_form(base + "/record", period(plan.phonics, "6")).status, 303);
  auto staff = server.sign_in_browser(kEmail, kPassword);
  Reply c = staff->get("/cases/" + std::to_string(plan.case_id));
  ASSERT_EQ(c.status, 200);
  EXPECT_TRUE(contains(c.body, "Provision delivered"));
  EXPECT_TRUE(contains(c.body, "href=\"" + base + "\""));
  EXPECT_TRUE(contains(c.body, "1 short"));
  Reply list = staff->get("/delivery/shortfalls");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(contains(list.body, "Amara Okafor"));
  EXPECT_TRUE(contains(list.body, "6 of 10 sessions - 4 sessions (1 hour 20 minutes) short"));
  EXPECT_EQ(staff->get("/delivery").header("location"), "/delivery/shortfalls");
  EXPECT_EQ(senco->get("/delivery/shortfalls").status, 403);
}

}  // namespace
}  // namespace gt::webtest
