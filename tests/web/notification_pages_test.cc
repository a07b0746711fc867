// Notification pages through the real server (web_test_support.h; today 25 November 2026), signed
// in as a browser is: a parent sees the notices the council's decisions gave them, newest first,
// unread ones marked, each with what changed, what is needed, the date and the link to the page;
// marks one read and then all read (POST with the CSRF token, 303 back); without the token
// nothing changes; someone else's notification is 404; every role has the page; texts are escaped.
#include <gtest/gtest.h>

#include "app/notices.h"
#include "store/access_store.h"
#include "store/notifications_store.h"
#include "web_test_support.h"

namespace gt::webtest {
namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }
int count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
  return n;
}

const char* kPw = "correct horse battery";

class NotificationPagesTest : public ::testing::Test {
 protected:
  NotificationPagesTest() {
    mum = s.accounts().create_user("mum@example.org", "Mary Parent", "parent", kPw);
    dad = s.accounts().create_user("dad@example.org", "David Parent", "parent", kPw);
    Child c;
    c.given_name = "Amara";
    c.family_name = "Okafor";
    c.date_of_birth = *Date::parse("2016-05-14");
    c.sex = "F";
    c.ethnicity = "BAFR";
    c.upn = "B801200005001";
    child_id = s.casework().create_child(s.staff(), c, "POST /children").id;
    s.storage().write([&](store::Database& db) {
      for (const app::Actor* p : {&mum, &dad}) {
        store::FamilyLinkRow r;
        r.child_id = child_id;
        r.user_id = p->user_id;
        r.relationship = "parent_carer";
        store::insert_family_link(db, r, s.staff().user_id);
      }
    });
    case_id = s.casework().open_case(s.staff(), child_id, s.staff().user_id, "POST /children/{id}/cases").summary.id;
    record(EventType::RequestReceived, "2026-11-02", Outcome::None);
    record(EventType::DecisionToAssess, "2026-11-20", Outcome::Assess);
  }

  void record(EventType t, const char* date, Outcome o) {
    Event e;
    e.type = t;
    e.date = *Date::parse(date);
    e.outcome = o;
    if (t == EventType::RequestReceived) e.source = 1;
    s.casework().append_event(s.staff(), case_id, e, "POST /api/v1/cases/{id}/events");
  }
  std::vector<store::NotificationRow> notes(const app::Actor& a) {
    return store::notifications_of_user(s.storage().read(), a.user_id, 100);
  }

  TestServer s;
  app::Actor mum, dad;
  std::int64_t child_id = 0, case_id = 0;
};

TEST_F(NotificationPagesTest, TheFamilySeesWhatChangedWhatIsNeededAndByWhenNewestFirst) {
  auto b = s.sign_in_browser("mum@example.org", kPw);
  Reply r = b->get("/notifications");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(contains(r.body, "<title>Notifications - Golden Thread</title>"));
  EXPECT_TRUE(contains(r.body, "You have 2 unread notifications."));
  EXPECT_EQ(count(r.body, ">Unread</strong>"), 2);
  auto assess = r.body.find("The council has decided to carry out an EHC needs assessment.");
  auto request = r.body.find("The council has received a request for an EHC needs assessment.");
  ASSERT_NE(assess, std::string::npos);
  ASSERT_NE(request, std::string::npos);
  EXPECT_LT(assess, request);  // newest first
  EXPECT_TRUE(contains(r.body, "whether it will issue an EHC plan"));  // what is needed
  EXPECT_TRUE(contains(r.body, "14 December 2026"));  // the 6-week date
  EXPECT_TRUE(contains(r.body, "Due in 19 days"));
  EXPECT_TRUE(contains(r.body, "href=\"/family/children/" + std::to_string(child_id) + "\""));
  EXPECT_TRUE(contains(r.body, "aria-current=\"page\""));  // the navigation marks the page
}

TEST_F(NotificationPagesTest, MarkOneThenAllReadWithTheFormsToken) {
  auto b = s.sign_in_browser("mum@example.org", kPw);
  auto mine = notes(mum);
  ASSERT_EQ(mine.size(), 2u);

  Reply no_token = b->post_form("/notifications/" + std::to_string(mine[0].id) + "/read", {}, false);
  EXPECT_EQ(no_token.status, 403);
  EXPECT_FALSE(notes(mum)[0].read_at);

  Reply one = b->post_form("/notifications/" + std::to_string(mine[0].id) + "/read", {{"page", "1"}});
  EXPECT_EQ(one.status, 303);
  EXPECT_EQ(one.header("location"), "/notifications");
  EXPECT_TRUE(notes(mum)[0].read_at);
  EXPECT_FALSE(notes(mum)[1].read_at);
  Reply list = b->get("/notifications");
  EXPECT_TRUE(contains(list.body, "You have 1 unread notification."));
  EXPECT_EQ(count(list.body, ">Unread</strong>"), 1);

  // Marking it again changes nothing (the first time is kept).
  auto first_read = notes(mum)[0].read_at;
  EXPECT_EQ(b->post_form("/notifications/" + std::to_string(mine[0].id) + "/read", {}).status, 303);
  EXPECT_EQ(notes(mum)[0].read_at, first_read);

  Reply all = b->post_form("/notifications/read-all", {});
  EXPECT_EQ(all.status, 303);
  EXPECT_EQ(all.header("location"), "/notifications");
  for (const auto& n : notes(mum)) EXPECT_TRUE(n.read_at);
  list = b->get("/notifications");
  EXPECT_TRUE(contains(list.body, "You have read all your notifications."));
  EXPECT_EQ(count(list.body, ">Unread</strong>"), 0);
  EXPECT_FALSE(contains(list.body, "Mark all as read"));
  // Dad's are his own, still unread.
  for (const auto& n : notes(dad)) EXPECT_FALSE(n.read_at);
}

TEST_F(NotificationPagesTest, SomeoneElsesNotificationIsNotFoundAndUnchanged) {
  auto b = s.sign_in_browser("dad@example.org", kPw);
  auto hers = notes(mum);
  Reply r = b->post_form("/notifications/" + std::to_string(hers[0].id) + "/read", {});
  EXPECT_EQ(r.status, 404);
  EXPECT_FALSE(notes(mum)[0].read_at);
  EXPECT_EQ(b->post_form("/notifications/999999/read", {}).status, 404);
  EXPECT_EQ(b->post_form("/notifications/abc/read", {}).status, 404);
  Reply list = b->get("/notifications");
  EXPECT_FALSE(contains(list.body, "id=\"notification-" + std::to_string(hers[0].id) + "\""));
}

TEST_F(NotificationPagesTest, EveryRoleHasThePageAndStrangersAreSentToSignIn) {
  std::int64_t school = s.add_organisation("Northmoor Primary", "school", "123456");
  s.accounts().create_user("senco@example.org", "Sam Senco", "senco", kPw, school);
  std::int64_t ep = s.add_organisation("Northmoor EP Service", "ep_service");
  s.accounts().create_user("ep@example.org", "Eve Psych", "advice_giver", kPw, ep);
  s.accounts().create_user("analyst@example.org", "Ana Lyst", "analyst", kPw);
  for (const char* email : {"senco@example.org", "ep@example.org", "analyst@example.org", kEmail}) {
    SCOPED_TRACE(email);
    auto b = s.sign_in_browser(email, kPw);
    Reply r = b->get("/notifications");
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(contains(r.body, "You have no notifications.")) << r.body;
  }
  Browser anon(s.port());
  Reply r = anon.get("/notifications");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/sign-in");
}

TEST_F(NotificationPagesTest, TextsAreEscapedAndOnlyPathsAreLinked) {
  s.storage().write([&](store::Database& db) {
    app::Notice n;
    n.kind = "test";
    n.what_changed = "<script>alert(1)</script> changed";
    n.what_needed = "Nothing & nobody";
    n.link = "//evil.example/phish";
    n.due = *Date::parse("2026-11-01");
    app::notify_user(db, dad.user_id, n);
  });
  auto b = s.sign_in_browser("dad@example.org", kPw);
  Reply r = b->get("/notifications");
  EXPECT_FALSE(contains(r.body, "<script>alert(1)</script>"));
  EXPECT_TRUE(contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt; changed"));
  EXPECT_TRUE(contains(r.body, "Nothing &amp; nobody"));
  EXPECT_FALSE(contains(r.body, "evil.example"));
  EXPECT_TRUE(contains(r.body, "This date has passed"));
}

TEST_F(NotificationPagesTest, ManyNotificationsArePaged) {
  s.storage().write([&](store::Database& db) {
    for (int i = 0; i < 23; ++i) {
      app::Notice n;
      n.kind = "test";
      n.what_changed = "Change number " + std::to_string(i) + ".";
      n.what_needed = "Nothing.";
      n.link = "/family";
      app::notify_user(db, dad.user_id, n);
    }
  });
  auto b = s.sign_in_browser("dad@example.org", kPw);
  Reply first = b->get("/notifications");
  EXPECT_TRUE(contains(first.body, "Change number 22."));
  EXPECT_FALSE(contains(first.body, "Change number 2."));
  EXPECT_TRUE(contains(first.body, "href=\"/notifications?page=2\""));
  EXPECT_TRUE(contains(first.body, "Page 1 of 2"));
  Reply second = b->get("/notifications?page=2");
  EXPECT_TRUE(contains(second.body, "Change number 2."));
  EXPECT_TRUE(contains(second.body, "The council has received a request"));  // the oldest, last
  EXPECT_TRUE(contains(second.body, "href=\"/notifications\""));
}

}  // namespace
}  // namespace gt::webtest
