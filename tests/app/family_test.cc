// The family's use cases: who sees which child (a parent up to the end of compulsory school age,
// then only when acting for the young person; the young person their own), the case in plain
// terms with appeal and mediation dates, "all about me" written once and read by every basis,
// messages both ways with notices, contact preferences, who has looked - every read and write
// audited with the child and the basis; refused writes leave nothing.
#include "app/family.h"

#include <gtest/gtest.h>

#include "app/services.h"
#include "app/storage.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/family_store.h"
#include "store/notifications_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

Date d(const char* s) { return *Date::parse(s); }
const std::string kPw = "correct horse battery";

class FamilyTest : public ::testing::Test {
 protected:
  FamilyTest() : storage(tmp.path()), today(d("2026-11-25")), app(storage, today, ServicesSettings{}) {
    staff = app.accounts.create_user("cw@example.org", "Casey Worker", "caseworker", kPw);
    parent = app.accounts.create_user("pat@example.org", "Pat Parent", "parent", kPw);
    other_parent = app.accounts.create_user("olu@example.org", "Olu Other", "parent", kPw);
    child = make_child("Amara", "2016-05-14", "B801200005001");
    other_child = make_child("Ben", "2015-02-01", "B801200005002");
    link(parent, child);
    link(other_parent, other_child);
  }

  std::int64_t make_child(const char* given, const char* dob, const char* upn = "") {
    Child c;
    c.given_name = given;
    c.family_name = "Okafor";
    c.date_of_birth = d(dob);
    c.sex = "F";
    c.ethnicity = "BAFR";
    (void)upn;
    c.upn_unknown = "UN2";
    return app.casework.create_child(staff, c, "TEST").id;
  }
  void link(const Actor& who, std::int64_t child_id, const char* relationship = "parent_carer", bool acting = false) {
    storage.write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = child_id;
      r.user_id = who.user_id;
      r.relationship = relationship;
      r.acting_for_young_person = acting;
      store::insert_family_link(db, r, staff.user_id);
    });
  }
  Event ev(EventType t, const char* date, Outcome o = Outcome::None) {
    Event e;
    e.type = t;
    e.date = d(date);
    e.outcome = o;
    if (t == EventType::RequestReceived) e.source = 1;
    return e;
  }
  std::vector<store::AuditRow> audit_of_child(const char* subject, std::int64_t id) {
    storage.flush();
    return store::audit_of(storage.read(), subject, id);
  }
  int notices(const Actor& who, const std::string& kind) {
    int n = 0;
    for (const auto& r : store::notifications_of_user(storage.read(), who.user_id, 1000))
      if (r.kind == kind) ++n;
    return n;
  }

  gt::testing::TempDb tmp;
  Storage storage;
  Today today;
  Services app;
  Actor staff, parent, other_parent;
  std::int64_t child = 0, other_child = 0;
  const std::string route = "GET /family/children/{id}";
};

TEST_F(FamilyTest, AParentSeesOnlyTheirOwnChild) {
  auto home = app.family.home(parent, "GET /family");
  ASSERT_EQ(home.children.size(), 1u);
  EXPECT_EQ(home.children[0].child.id, child);
  EXPECT_EQ(home.children[0].basis, Basis::ParentalResponsibility);
  EXPECT_EQ(home.hidden, 0);
  EXPECT_NO_THROW(app.family.child_view(parent, child, route));
  try {
    app.family.child_view(parent, other_child, route);
    FAIL() << "another family's child was shown";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::NotFound);
  }
  try {
    app.family.child_view(parent, 999999, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::NotFound);  // the same answer as another family's child
  }
}

TEST_F(FamilyTest, StaffCannotUseTheFamilysOwnView) {
  try {
    app.family.home(staff, "GET /family");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Forbidden);  // not a family member: no list of children at all
  }
  try {
    app.family.child_view(staff, child, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Forbidden);  // visible to them, but not the family's to use
  }
}

TEST_F(FamilyTest, PastCompulsorySchoolAgeTheYoungPersonHoldsTheRights) {
  // Born 1 May 2008: compulsory school age ended on the last Friday of June 2024.
  std::int64_t yp_child = make_child("Cara", "2008-05-01", "B801200005003");
  Actor yp = app.accounts.create_user("cara@example.org", "Cara Okafor", "young_person", kPw);
  link(parent, yp_child);
  link(yp, yp_child, "young_person");

  auto home = app.family.home(parent, "GET /family");
  ASSERT_EQ(home.children.size(), 1u);  // only the younger child
  EXPECT_EQ(home.children[0].child.id, child);
  EXPECT_EQ(home.hidden, 1);
  EXPECT_THROW(app.family.child_view(parent, yp_child, route), Error);

  auto own = app.family.home(yp, "GET /family");
  ASSERT_EQ(own.children.size(), 1u);
  EXPECT_EQ(own.children[0].basis, Basis::YoungPerson);
  EXPECT_EQ(app.family.child_view(yp, yp_child, route).basis, Basis::YoungPerson);

  // A parent recorded as acting for the young person sees the record again.
  Actor carer = app.accounts.create_user("carer@example.org", "Kim Carer", "parent", kPw);
  link(carer, yp_child, "parent_carer", true);
  EXPECT_EQ(app.family.child_view(carer, yp_child, route).basis, Basis::ActingForYoungPerson);

  // A young person's account sees no child still of compulsory school age.
  link(yp, child, "young_person");
  EXPECT_EQ(app.family.home(yp, "GET /family").children.size(), 1u);
}

TEST_F(FamilyTest, TheCaseWithAppealAndMediationDates) {
  auto c = app.casework.open_case(staff, child, staff.user_id, "TEST");
  app.casework.append_event(staff, c.summary.id, ev(EventType::RequestReceived, "2026-09-01"), "TEST");
  app.casework.append_event(staff, c.summary.id, ev(EventType::DecisionToAssess, "2026-10-05", Outcome::NotAssess), "TEST");
  auto v = app.family.child_view(parent, child, route);
  ASSERT_TRUE(v.current);
  EXPECT_EQ(v.current->stage, Stage::Closed);
  ASSERT_EQ(v.appeal_rights.size(), 1u);
  EXPECT_EQ(v.appeal_rights[0].decision, AppealableDecision::RefusalToAssess);
  EXPECT_EQ(v.appeal_rights[0].appeal_by.to_string(), "2026-12-05");     // 5 Oct + 2 months
  EXPECT_EQ(v.appeal_rights[0].mediation_by.to_string(), "2026-12-05");  // reg 33
  EXPECT_TRUE(v.appeal_rights[0].appeal_open(v.today));

  auto home = app.family.home(parent, "GET /family");
  ASSERT_EQ(home.children.size(), 1u);
  EXPECT_EQ(home.children[0].stage, Stage::Closed);
  ASSERT_TRUE(home.children[0].appeal);
  EXPECT_EQ(home.children[0].appeal->appeal_by.to_string(), "2026-12-05");

  // Reading it is audited: the child's record and the case, with the parent's basis.
  auto rows = audit_of_child("case", c.summary.id);
  bool family_read = false;
  for (const auto& r : rows)
    if (r.user_id == parent.user_id && r.action == "read" && r.basis == "parental_responsibility" &&
        r.child_id == child && r.route == route)
      family_read = true;
  EXPECT_TRUE(family_read);
  bool child_read = false;
  for (const auto& r : audit_of_child("child", child))
    if (r.user_id == parent.user_id && r.action == "read" && r.basis == "parental_responsibility") child_read = true;
  EXPECT_TRUE(child_read);
}

TEST_F(FamilyTest, TheDraftPlansFifteenDays) {
  auto c = app.casework.open_case(staff, child, staff.user_id, "TEST");
  for (const Event& e : {ev(EventType::RequestReceived, "2026-06-01"),
                         ev(EventType::DecisionToAssess, "2026-07-06", Outcome::Assess),
                         ev(EventType::DecisionToIssue, "2026-09-28", Outcome::Issue),
                         ev(EventType::DraftPlanServed, "2026-11-20")})
    app.casework.append_event(staff, c.summary.id, e, "TEST");
  auto home = app.family.home(parent, "GET /family");
  ASSERT_TRUE(home.children[0].comment);
  EXPECT_EQ(home.children[0].comment->last_day.to_string(), "2026-12-04");  // 20 Nov + 14
  // The soonest open deadline is the council's, already overdue: the plan was due 1 Jun + 140 days.
  ASSERT_TRUE(home.children[0].next);
  EXPECT_EQ(home.children[0].next->rule, "A6");
  EXPECT_EQ(home.children[0].next->due.to_string(), "2026-10-19");
  EXPECT_EQ(home.children[0].next->status, DeadlineStatus::Missed);
}

TEST_F(FamilyTest, AllAboutMeIsWrittenOnceAndReadByEveryBasis) {
  AllAboutMe a;
  a.views = "I like school when it is quiet.";
  a.communication = "  Give me time to answer.  ";
  auto saved = app.family.save_all_about_me(parent, child, a, "POST /family/children/{id}/about-me");
  EXPECT_EQ(saved.versions, 1);
  EXPECT_EQ(saved.text.communication, "Give me time to answer.");

  // Saving the same words again makes no new version.
  EXPECT_EQ(app.family.save_all_about_me(parent, child, a, "POST").versions, 1);
  a.interests = "Trains";
  EXPECT_EQ(app.family.save_all_about_me(parent, child, a, "POST").versions, 2);
  EXPECT_EQ(store::all_about_me_versions(storage.read(), child).size(), 2u);

  // The council reads it (AllAboutMeRead), audited with its basis; it cannot write it.
  auto seen = app.family.all_about_me(staff, child, "GET /children/{id}");
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->text.interests, "Trains");
  EXPECT_EQ(seen->recorded_by_name, "Pat Parent");
  bool audited = false;
  for (const auto& r : audit_of_child("all_about_me", child))
    if (r.user_id == staff.user_id && r.action == "read" && r.basis == "council_staff") audited = true;
  EXPECT_TRUE(audited);
  try {
    app.family.save_all_about_me(staff, child, a, "POST");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Forbidden);
  }
  // Another family: not found, for reading and writing.
  EXPECT_THROW(app.family.all_about_me(other_parent, child, "GET"), Error);
  try {
    app.family.save_all_about_me(other_parent, child, a, "POST");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::NotFound);
  }
  // Nothing written at all: nothing saved.
  AllAboutMe empty;
  empty.views = "   ";
  try {
    app.family.save_all_about_me(parent, child, empty, "POST");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
    EXPECT_EQ(e.field, "views");
  }
  EXPECT_EQ(store::all_about_me_versions(storage.read(), child).size(), 2u);
  // The council staff who answer for the child were told of each new version.
  EXPECT_EQ(notices(staff, "all_about_me_updated"), 2);
}

TEST_F(FamilyTest, MessagesBothWaysWithNotices) {
  app.casework.open_case(staff, child, staff.user_id, "TEST");
  app.family.send_message(parent, child, "  When is the meeting?  ", Capability::FamilyWrite, "POST");
  EXPECT_EQ(notices(staff, "message_from_family"), 1);
  auto reply = app.family.send_message(staff, child, "On Tuesday at 10.", Capability::CaseworkWrite, "POST");
  EXPECT_FALSE(reply.from_family);
  EXPECT_EQ(notices(parent, "message_from_council"), 1);
  EXPECT_EQ(notices(other_parent, "message_from_council"), 0);

  auto page = app.family.messages(parent, child, Capability::FamilyRead, 1, "GET");
  ASSERT_EQ(page.total, 2);
  EXPECT_EQ(page.messages[0].body, "On Tuesday at 10.");  // newest first
  EXPECT_FALSE(page.messages[0].from_you);
  EXPECT_EQ(page.messages[1].body, "When is the meeting?");
  EXPECT_TRUE(page.messages[1].from_family);
  EXPECT_EQ(app.family.messages(staff, child, Capability::CaseworkRead, 1, "GET").total, 2);

  // Each side uses its own capability: the wrong one is forbidden; another family's child is not found.
  for (auto [who, need] : {std::pair{staff, Capability::FamilyWrite}, std::pair{parent, Capability::CaseworkWrite}}) {
    try {
      app.family.send_message(who, child, "x", need, "POST");
      FAIL();
    } catch (const Error& e) {
      EXPECT_EQ(e.kind, Error::Kind::Forbidden);
    }
  }
  try {
    app.family.messages(other_parent, child, Capability::FamilyRead, 1, "GET");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::NotFound);
  }
  try {
    app.family.send_message(parent, child, " \n ", Capability::FamilyWrite, "POST");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
    EXPECT_EQ(e.field, "body");
  }
  EXPECT_THROW(app.family.send_message(parent, child, std::string(Family::kMaxMessage + 1, 'a'),
                                       Capability::FamilyWrite, "POST"),
               Error);
  EXPECT_EQ(store::count_messages_of_child(storage.read(), child), 2);
}

TEST_F(FamilyTest, ContactPreferencesForEveryRole) {
  auto p = app.family.contact_preferences(parent);
  EXPECT_TRUE(p.by_email);
  EXPECT_EQ(p.email_detail, "none");
  EXPECT_FALSE(store::contact_preferences_of(storage.read(), parent.user_id).saved);

  p.by_post = true;
  p.postal_address = "1 Mill Lane, Northmoor NM1 4AB";
  p.language = "Polish";
  p.accessible_format = "large_print";
  p.email_detail = "first_name";
  app.family.save_contact_preferences(parent, p, "POST /family/contact");
  auto row = store::contact_preferences_of(storage.read(), parent.user_id);
  EXPECT_TRUE(row.saved);
  EXPECT_TRUE(row.by_post);
  EXPECT_EQ(row.postal_address.value_or(""), "1 Mill Lane, Northmoor NM1 4AB");
  EXPECT_EQ(row.language, "Polish");
  EXPECT_EQ(row.email_detail, "first_name");

  ContactPreferences bad;
  bad.by_email = false;
  bad.by_phone = true;
  try {
    app.family.save_contact_preferences(parent, bad, "POST");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
    EXPECT_EQ(e.field, "phone");
  }
  EXPECT_EQ(store::contact_preferences_of(storage.read(), parent.user_id).language, "Polish");  // unchanged

  ContactPreferences s;
  s.by_phone = true;
  s.phone = "01632 960 001";
  app.family.save_contact_preferences(staff, s, "POST");
  EXPECT_TRUE(store::contact_preferences_of(storage.read(), staff.user_id).by_phone);
}

TEST_F(FamilyTest, WhoHasLookedIsTheChildsAuditNewestFirstAndItsReadingIsAudited) {
  app.casework.child(staff, child, "GET /children/{id}");
  app.casework.child(staff, other_child, "GET /children/{id}");
  storage.flush();
  auto log = app.family.access_log(parent, child, 1, "GET /family/children/{id}/access-log");
  ASSERT_GE(log.total, 2);  // created by the council, then read by it
  EXPECT_EQ(log.entries[0].who, "Casey Worker");
  EXPECT_EQ(log.entries[0].action, "read");
  EXPECT_EQ(log.entries[0].basis, "council_staff");
  EXPECT_EQ(log.entries[0].role, "caseworker");
  for (const auto& e : log.entries) EXPECT_NE(e.action, "");  // only this child's rows
  int before = log.total;
  storage.flush();
  auto again = app.family.access_log(parent, child, 1, "GET /family/children/{id}/access-log");
  EXPECT_EQ(again.total, before + 1);  // the first reading is now in the log
  EXPECT_EQ(again.entries[0].subject, "access_log");
  EXPECT_TRUE(again.entries[0].you);

  // Paged: 25 a page.
  for (int i = 0; i < 30; ++i) app.casework.child(staff, child, "GET /children/{id}");
  storage.flush();
  auto p1 = app.family.access_log(parent, child, 1, "GET");
  auto p2 = app.family.access_log(parent, child, 2, "GET");
  EXPECT_EQ(p1.entries.size(), 25u);
  EXPECT_EQ(p2.page, 2);
  EXPECT_FALSE(p2.entries.empty());
  auto last = app.family.access_log(parent, child, 99, "GET");  // past the end: the last page
  EXPECT_EQ(last.page, (last.total + 24) / 25);

  try {
    app.family.access_log(other_parent, child, 1, "GET");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::NotFound);
  }
  try {
    app.family.access_log(staff, child, 1, "GET");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Forbidden);
  }
}

}  // namespace
}  // namespace gt::app
