// Demo people: every role has an account, and the relationships give each one something to see -
// the walkthrough child is visible to its parent, its school's SENCO, the EP service asked for
// advice and the council, and to nobody else.
#include "app/demo_people.h"

#include <gtest/gtest.h>

#include "app/access.h"
#include "app/demo.h"
#include "app/storage.h"
#include <set>

#include "store/access_store.h"
#include "store/advice_store.h"
#include "store/users_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

const Date kToday = *Date::parse("2026-11-25");

class DemoPeopleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new testing::TempDb();
    DemoOptions o;
    o.seed = 1;
    o.plans = 600;
    o.today = kToday;
    council_ = new DemoCouncil(build_demo(tmp_->path(), o));
  }
  static void TearDownTestSuite() {
    delete council_;
    delete tmp_;
  }
  static Actor actor(store::Database& db, const char* email) {
    auto u = store::find_user_by_email(db, email);
    EXPECT_TRUE(u) << email;
    return Actor{u->id, u->display_name, u->email, u->role, u->organisation_id, u->organisation_name,
                 u->organisation_kind, u->org_admin};
  }
  static testing::TempDb* tmp_;
  static DemoCouncil* council_;
};
testing::TempDb* DemoPeopleTest::tmp_ = nullptr;
DemoCouncil* DemoPeopleTest::council_ = nullptr;

TEST_F(DemoPeopleTest, EveryRoleHasAnAccount) {
  store::Database db(tmp_->path());
  std::set<std::string> roles;
  for (const auto& u : store::list_users(db)) roles.insert(u.role);
  for (const char* r : {"caseworker", "manager", "admin", "senco", "advice_giver", "parent", "young_person", "analyst"})
    EXPECT_TRUE(roles.count(r)) << r;
}

TEST_F(DemoPeopleTest, ProfessionalsHaveTheDemoSecondFactorAndFamiliesDoNot) {
  store::Database db(tmp_->path());
  for (const auto& u : store::list_users(db)) {
    bool family = u.role == "parent" || u.role == "young_person";
    EXPECT_EQ(u.totp_secret.has_value(), !family) << u.email;
    if (!family) {
      EXPECT_TRUE(u.organisation_id) << u.email << " belongs to an organisation";
    }
  }
}

TEST_F(DemoPeopleTest, TheWalkthroughChildIsSeenByItsPeopleOnly) {
  Storage storage(tmp_->path());
  auto& db = storage.read();
  // The walkthrough child is the parent's.
  auto parent = actor(db, kDemoParentEmail);
  auto links = store::family_links_of_user(db, parent.user_id);
  ASSERT_GE(links.size(), 1u);  // the first; the second child has a draft plan (app/demo_plans.h)
  std::int64_t child = links[0].child_id;
  EXPECT_EQ(child_basis(db, parent, child, kToday), Basis::ParentalResponsibility);
  EXPECT_EQ(child_basis(db, actor(db, kDemoSencoEmail), child, kToday), Basis::SchoolOnRoll);
  EXPECT_EQ(child_basis(db, actor(db, kDemoEpEmail), child, kToday), Basis::AdviceRequested);
  EXPECT_EQ(child_basis(db, actor(db, kDemoCaseworkerEmail), child, kToday), Basis::CouncilStaff);
  EXPECT_FALSE(child_basis(db, actor(db, kDemoAnalystEmail), child, kToday));
  EXPECT_FALSE(child_basis(db, actor(db, kDemoAdminEmail), child, kToday));
  EXPECT_FALSE(child_basis(db, actor(db, kDemoYoungPersonEmail), child, kToday));
  // The EP service's inbox holds the walkthrough child's request among others.
  auto ep = actor(db, kDemoEpEmail);
  auto inbox = store::advice_requests_of_organisation(db, *ep.organisation_id, "requested");
  EXPECT_GT(inbox.size(), 1u);
  bool found = false;
  for (const auto& r : inbox) found = found || r.child_id == child;
  EXPECT_TRUE(found);
}

TEST_F(DemoPeopleTest, TheYoungPersonSeesTheirOwnRecord) {
  Storage storage(tmp_->path());
  auto& db = storage.read();
  auto yp = actor(db, kDemoYoungPersonEmail);
  auto links = store::family_links_of_user(db, yp.user_id);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(child_basis(db, yp, links[0].child_id, kToday), Basis::YoungPerson);
}

}  // namespace
}  // namespace gt::app
