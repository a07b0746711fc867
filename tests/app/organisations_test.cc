// Organisations: the council administrator's organisations and staff, an organisation
// administrator's members (their own organisation only; removal ends sessions at once),
// invitation and reset links (single use, expiring, a replay writes nothing, the same answer for
// an unknown email) and family invitations (the link gives the parent access; ending it takes it
// away). Links are read from the email outbox, as the person would.
#include "app/organisations.h"

#include <gtest/gtest.h>

#include <regex>

#include "app/access.h"
#include "app/errors.h"
#include "app/storage.h"
#include "app/two_factor.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/children_store.h"
#include "store/notifications_store.h"
#include "store/users_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

constexpr const char* kPassword = "correct horse battery";
constexpr const char* kRoute = "TEST";
const Date kToday = *Date::parse("2026-11-25");

class OrganisationsTest : public ::testing::Test {
 protected:
  OrganisationsTest()
      : storage(tmp.path()),
        today(kToday),
        accounts(storage, [this] { return now; }),
        orgs(storage, today, settings, [this] { return now; }) {
    settings.public_base_url = "https://send.northmoor.example";
    admin = accounts.create_user("admin@example.org", "Ada Admin", "admin", kPassword);
    caseworker = accounts.create_user("cw@example.org", "Casey Worker", "caseworker", kPassword);
    young_child = add_child("Amara", "2016-05-14");
    young_person = add_child("Jonah", "2005-02-03");
  }

  std::int64_t add_child(const std::string& given, const std::string& dob) {
    return storage.write([&](store::Database& db) {
      store::ChildRow c;
      c.given_name = given;
      c.family_name = "Fixture";
      c.date_of_birth = dob;
      c.sex = "F";
      c.ethnicity = "WBRI";
      c.upn_unknown = "UN1";
      return store::insert_child(db, c, caseworker.user_id);
    });
  }

  std::vector<store::EmailRow> emails() { return store::list_emails(storage.read(), 1000); }
  // The token of the newest email's link to `to`, or "".
  std::string link_token(const std::string& to) {
    for (const auto& e : emails()) {
      if (e.to_address != to) continue;
      std::smatch m;
      if (std::regex_search(e.body, m, std::regex("https://send\\.northmoor\\.example/invitation/([0-9a-f]{64})")))
        return m[1].str();
    }
    return "";
  }
  std::int64_t user_count() { return static_cast<std::int64_t>(store::list_users(storage.read()).size()); }
  std::int64_t audit_rows() {
    storage.flush();
    return store::audit_count(storage.read());
  }
  // Accepts an invitation to a two-factor role, setting up the app with a fresh secret.
  SignInResult accept_professional(const std::string& token, const std::string& name) {
    std::string secret = new_totp_secret();
    return accounts.accept_invitation(token, Acceptance{name, kPassword, secret, totp_code(secret, now)}, "10.0.0.1");
  }
  Actor sign_in_family(const std::string& email, const std::string& password) {
    auto r = accounts.sign_in(SignInAttempt{email, password, "10.0.0.1", std::nullopt, true});
    EXPECT_EQ(r.status, SignInStatus::SignedIn);
    return r.session->actor;
  }

  gt::testing::TempDb tmp;
  Storage storage;
  Today today;
  ServicesSettings settings;
  std::int64_t now = 1'800'000'000;
  Accounts accounts;
  Organisations orgs;
  Actor admin, caseworker;
  std::int64_t young_child = 0, young_person = 0;
};

template <typename F> Error error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no app::Error";
  return Error(Error::Kind::BadRequest, "", "");
}

TEST_F(OrganisationsTest, TheAdministratorCreatesAnOrganisationAndInvitesItsFirstAdministrator) {
  EXPECT_EQ(error_of([&] { orgs.create(caseworker, "School", "school", "123456", kRoute); }).kind,
            Error::Kind::Forbidden);
  EXPECT_EQ(error_of([&] { orgs.create(admin, "School", "school", "12345", kRoute); }).field, "urn");
  EXPECT_EQ(error_of([&] { orgs.create(admin, "Team", "health", "123456", kRoute); }).field, "urn");
  EXPECT_EQ(error_of([&] { orgs.create(admin, "Council", "council", "", kRoute); }).field, "kind");
  std::int64_t school = orgs.create(admin, "Moorside Primary", "school", "123456", kRoute);
  EXPECT_EQ(error_of([&] { orgs.create(admin, "Copy", "school", "123456", kRoute); }).kind, Error::Kind::Conflict);
  ASSERT_EQ(orgs.list(admin).size(), 1u);

  EXPECT_EQ(error_of([&] {
              orgs.invite_member(admin, school, Invite{"senco@school.example", "Sam Senco", "caseworker", true}, kRoute);
            }).field,
            "role")
      << "a caseworker does not belong in a school";
  orgs.invite_member(admin, school, Invite{"senco@school.example", "Sam Senco", "senco", true}, kRoute);
  auto es = emails();
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].to_address, "senco@school.example");
  EXPECT_NE(es[0].body.find("Moorside Primary"), std::string::npos);
  std::string token = link_token("senco@school.example");
  ASSERT_EQ(token.size(), 64u);
  ASSERT_EQ(orgs.view(admin, school).invitations.size(), 1u);

  LinkView v = accounts.link(token);
  EXPECT_EQ(v.purpose, "invite");
  EXPECT_TRUE(v.needs_two_factor);
  EXPECT_EQ(v.organisation_name, "Moorside Primary");
  // A code from an app that does not hold the secret shown is refused, and nothing is written.
  std::int64_t users = user_count();
  EXPECT_EQ(error_of([&] {
              accounts.accept_invitation(token, Acceptance{"Sam Senco", kPassword, new_totp_secret(), "000000"},
                                         "10.0.0.1");
            }).field,
            "totp_code");
  EXPECT_EQ(error_of([&] {
              std::string s = new_totp_secret();
              accounts.accept_invitation(token, Acceptance{"Sam Senco", "basketball", s, totp_code(s, now)}, "10.0.0.1");
            }).field,
            "password");
  EXPECT_EQ(user_count(), users);
  auto r = accept_professional(token, "Sam Senco");
  ASSERT_EQ(r.status, SignInStatus::SignedIn);
  EXPECT_FALSE(r.session->pending) << "two-factor was set up and proven on acceptance";
  EXPECT_EQ(r.session->actor.organisation_id, school);
  EXPECT_TRUE(r.session->actor.org_admin);
  EXPECT_TRUE(r.session->actor.two_factor);
  EXPECT_TRUE(accounts.session(r.session->token));
  EXPECT_TRUE(orgs.view(admin, school).invitations.empty());
  EXPECT_EQ(orgs.view(r.session->actor, school).members.size(), 1u) << "the new administrator sees their own";
}

TEST_F(OrganisationsTest, AnInvitationWorksOnceAndAReplayWritesNothing) {
  orgs.invite_staff(admin, Invite{"new@council.example", "New Starter", "caseworker", false}, kRoute);
  std::string token = link_token("new@council.example");
  ASSERT_FALSE(token.empty());
  ASSERT_EQ(accept_professional(token, "New Starter").status, SignInStatus::SignedIn);
  std::int64_t users = user_count(), audit = audit_rows();
  Error replay = error_of([&] { accept_professional(token, "Someone Else"); });
  EXPECT_EQ(replay.kind, Error::Kind::NotFound);
  EXPECT_EQ(replay.field, "token");
  EXPECT_EQ(error_of([&] { accounts.link(token); }).kind, Error::Kind::NotFound);
  EXPECT_EQ(user_count(), users);
  EXPECT_EQ(audit_rows(), audit);
  EXPECT_EQ(error_of([&] { accounts.link(std::string(64, 'a')); }).kind, Error::Kind::NotFound);
  EXPECT_EQ(error_of([&] { accounts.link("short"); }).kind, Error::Kind::NotFound);
}

TEST_F(OrganisationsTest, AnInvitationExpiresAfterSevenDays) {
  orgs.invite_staff(admin, Invite{"late@council.example", "Late Comer", "manager", false}, kRoute);
  std::string token = link_token("late@council.example");
  now += 7 * 24 * 3600 - 1;
  EXPECT_NO_THROW(accounts.link(token));
  now += 1;
  std::int64_t users = user_count();
  EXPECT_EQ(error_of([&] { accounts.link(token); }).kind, Error::Kind::NotFound);
  EXPECT_EQ(error_of([&] { accept_professional(token, "Late Comer"); }).kind, Error::Kind::NotFound);
  EXPECT_EQ(user_count(), users);
  EXPECT_TRUE(orgs.staff(admin).invitations.empty()) << "an expired invitation is no longer open";
}

TEST_F(OrganisationsTest, AnOrganisationAdministratorManagesTheirOwnOrganisationOnly) {
  std::int64_t a = orgs.create(admin, "Moorside Primary", "school", "111111", kRoute);
  std::int64_t b = orgs.create(admin, "Hilltop Academy", "school", "222222", kRoute);
  Actor admin_a = accounts.create_user("head@a.example", "Head A", "senco", kPassword, a, true);
  Actor senco_a = accounts.create_user("senco@a.example", "Senco A", "senco", kPassword, a, false);
  Actor senco_b = accounts.create_user("senco@b.example", "Senco B", "senco", kPassword, b, false);

  EXPECT_EQ(orgs.view(admin_a, a).members.size(), 2u);
  EXPECT_EQ(error_of([&] { orgs.view(admin_a, b); }).kind, Error::Kind::NotFound);
  EXPECT_EQ(error_of([&] {
              orgs.invite_member(admin_a, b, Invite{"x@b.example", "X", "senco", false}, kRoute);
            }).kind,
            Error::Kind::NotFound);
  EXPECT_EQ(error_of([&] { orgs.remove_member(admin_a, b, senco_b.user_id, kRoute); }).kind, Error::Kind::NotFound);
  EXPECT_EQ(error_of([&] { orgs.remove_member(admin_a, a, senco_b.user_id, kRoute); }).kind, Error::Kind::NotFound)
      << "another organisation's member through one's own organisation";
  EXPECT_EQ(error_of([&] { orgs.view(senco_a, a); }).kind, Error::Kind::NotFound) << "not an administrator";
  EXPECT_EQ(error_of([&] { orgs.list(admin_a); }).kind, Error::Kind::Forbidden);
  EXPECT_EQ(error_of([&] { orgs.remove_member(admin_a, a, admin_a.user_id, kRoute); }).kind, Error::Kind::Conflict);
  EXPECT_TRUE(store::find_user(storage.read(), senco_b.user_id)->active);

  orgs.invite_member(admin_a, a, Invite{"new@a.example", "New A", "advice_giver", false}, kRoute);
  EXPECT_EQ(orgs.view(admin_a, a).invitations.size(), 1u);
}

TEST_F(OrganisationsTest, RemovingAMemberEndsTheirSessionsAtOnceAndNeverDeletesThem) {
  std::int64_t ep = orgs.create(admin, "EP Service", "ep_service", "", kRoute);
  Actor lead = accounts.create_user("lead@ep.example", "EP Lead", "advice_giver", kPassword, ep, true);
  Actor member = accounts.create_user("ep@ep.example", "Erin Psych", "advice_giver", kPassword, ep, false);
  accounts.set_totp_secret(member.user_id, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
  auto s = accounts.sign_in(SignInAttempt{"ep@ep.example", kPassword, "10.0.0.1",
                                          totp_code("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", now), false});
  ASSERT_EQ(s.status, SignInStatus::SignedIn);
  ASSERT_TRUE(accounts.session(s.session->token));

  std::int64_t audit = audit_rows();
  orgs.remove_member(lead, ep, member.user_id, kRoute);
  EXPECT_FALSE(accounts.session(s.session->token)) << "signed out at once";
  auto row = store::find_user(storage.read(), member.user_id);
  ASSERT_TRUE(row) << "never deleted";
  EXPECT_FALSE(row->active);
  EXPECT_EQ(store::session_count_of_user(storage.read(), member.user_id), 0);
  EXPECT_EQ(accounts.sign_in(SignInAttempt{"ep@ep.example", kPassword, "10.0.0.2", std::nullopt, true}).status,
            SignInStatus::Refused);
  EXPECT_EQ(audit_rows(), audit + 1) << "the removal is audited";
  auto members = orgs.view(lead, ep).members;
  ASSERT_EQ(members.size(), 2u);
  EXPECT_FALSE(members.back().active) << "removed members are listed after active ones";
}

TEST_F(OrganisationsTest, CouncilStaffAreInvitedAndRemovedByTheAdministrator) {
  EXPECT_EQ(error_of([&] {
              orgs.invite_staff(caseworker, Invite{"x@council.example", "X", "caseworker", false}, kRoute);
            }).kind,
            Error::Kind::Forbidden);
  EXPECT_EQ(error_of([&] {
              orgs.invite_staff(admin, Invite{"x@council.example", "X", "senco", false}, kRoute);
            }).field,
            "role");
  EXPECT_EQ(error_of([&] {
              orgs.invite_staff(admin, Invite{"cw@example.org", "Again", "caseworker", false}, kRoute);
            }).kind,
            Error::Kind::Conflict);
  EXPECT_EQ(error_of([&] { orgs.invite_staff(admin, Invite{"not an email", "X", "caseworker", false}, kRoute); }).field,
            "email");
  EXPECT_EQ(orgs.staff(admin).members.size(), 2u);
  orgs.remove_staff(admin, caseworker.user_id, kRoute);
  EXPECT_FALSE(store::find_user(storage.read(), caseworker.user_id)->active);
  EXPECT_EQ(error_of([&] { orgs.remove_staff(admin, admin.user_id, kRoute); }).kind, Error::Kind::Conflict);
}

TEST_F(OrganisationsTest, APasswordResetGivesTheSameAnswerForAnUnknownEmailAndWorksOnce) {
  Actor parent = accounts.create_user("parent@example.org", "Pat Parent", "parent", "kettle orchard lantern");
  auto before = accounts.sign_in(SignInAttempt{"parent@example.org", "kettle orchard lantern", "", std::nullopt, true});
  ASSERT_TRUE(before.session);

  EXPECT_NO_THROW(orgs.request_password_reset("nobody@example.org"));
  EXPECT_TRUE(emails().empty()) << "no email for an address with no account - and no error either";
  EXPECT_NO_THROW(orgs.request_password_reset("PARENT@example.org"));
  ASSERT_EQ(emails().size(), 1u);
  EXPECT_EQ(emails()[0].to_address, "parent@example.org");
  std::string token = link_token("parent@example.org");
  LinkView v = accounts.link(token);
  EXPECT_EQ(v.purpose, "reset");
  EXPECT_EQ(error_of([&] { accounts.reset_password(token, "password1", ""); }).field, "password");
  auto r = accounts.reset_password(token, "a whole new passphrase", "");
  ASSERT_EQ(r.status, SignInStatus::SignedIn);
  EXPECT_FALSE(accounts.session(before.session->token)) << "every other session ends";
  EXPECT_EQ(error_of([&] { accounts.reset_password(token, "yet another passphrase", ""); }).kind,
            Error::Kind::NotFound);
  EXPECT_EQ(accounts.sign_in(SignInAttempt{"parent@example.org", "a whole new passphrase", "", std::nullopt, true}).status,
            SignInStatus::SignedIn);
  (void)parent;
}

TEST_F(OrganisationsTest, AResetLinkLastsAnHourAndANewOneCancelsTheOld) {
  accounts.create_user("parent@example.org", "Pat Parent", "parent", "kettle orchard lantern");
  orgs.request_password_reset("parent@example.org");
  std::string first = link_token("parent@example.org");
  now += 10;
  orgs.request_password_reset("parent@example.org");
  std::string second = link_token("parent@example.org");
  ASSERT_NE(first, second);
  EXPECT_EQ(error_of([&] { accounts.link(first); }).kind, Error::Kind::NotFound);
  now += 3600;
  EXPECT_EQ(error_of([&] { accounts.link(second); }).kind, Error::Kind::NotFound);
}

TEST_F(OrganisationsTest, AtMostThreeResetEmailsInFifteenMinutes) {
  accounts.create_user("parent@example.org", "Pat Parent", "parent", "kettle orchard lantern");
  for (int i = 0; i < 5; ++i) orgs.request_password_reset("parent@example.org");
  EXPECT_EQ(emails().size(), 3u);
  now += 15 * 60;
  orgs.request_password_reset("parent@example.org");
  EXPECT_EQ(emails().size(), 4u);
}

TEST_F(OrganisationsTest, AResetOfAStaffAccountStillNeedsTheSecondFactor) {
  accounts.set_totp_secret(caseworker.user_id, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
  orgs.request_password_reset("cw@example.org");
  auto r = accounts.reset_password(link_token("cw@example.org"), "a whole new passphrase", "");
  EXPECT_EQ(r.status, SignInStatus::SecondStep);
  EXPECT_TRUE(r.session->pending);
}

TEST_F(OrganisationsTest, AFamilyInvitationGivesTheParentAccessAndEndingTheLinkTakesItAway) {
  std::int64_t audit = audit_rows();
  auto outcome = orgs.invite_family(caseworker, young_child,
                                    FamilyInvite{"mum@example.org", "Maya Fixture", "parent_carer", true}, kRoute);
  EXPECT_EQ(outcome, FamilyInviteOutcome::Invited);
  auto es = emails();
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].body.find("Amara"), std::string::npos) << "the email names no child";
  EXPECT_EQ(orgs.family(caseworker, young_child, kRoute).invitations.size(), 1u);

  std::string token = link_token("mum@example.org");
  LinkView v = accounts.link(token);
  EXPECT_FALSE(v.needs_two_factor);
  EXPECT_EQ(v.relationship, "parent_carer");
  auto r = accounts.accept_invitation(token, Acceptance{"Maya Fixture", "kettle orchard lantern", "", ""}, "");
  ASSERT_EQ(r.status, SignInStatus::SignedIn);
  Actor mum = r.session->actor;
  EXPECT_EQ(mum.role, "parent");
  EXPECT_EQ(child_basis(storage.read(), mum, young_child, kToday), Basis::ParentalResponsibility);
  EXPECT_EQ(child_basis(storage.read(), mum, young_person, kToday), std::nullopt) << "only the child invited for";

  auto view = orgs.family(caseworker, young_child, kRoute);
  ASSERT_EQ(view.links.size(), 1u);
  EXPECT_TRUE(view.invitations.empty());
  orgs.end_family_link(caseworker, young_child, view.links[0].id, kRoute);
  EXPECT_EQ(child_basis(storage.read(), mum, young_child, kToday), std::nullopt);
  EXPECT_EQ(error_of([&] { orgs.end_family_link(caseworker, young_child, view.links[0].id, kRoute); }).kind,
            Error::Kind::Conflict);

  // Audited with the child and the basis: invite, acceptance's link, the end (plus reads of the page).
  storage.flush();
  int with_child = 0;
  for (const auto& row : store::audit_of(storage.read(), "family_link", view.links[0].id)) {
    EXPECT_EQ(row.child_id, young_child);
    EXPECT_FALSE(row.basis.empty());
    ++with_child;
  }
  EXPECT_EQ(with_child, 2) << "created on acceptance, then ended";
  EXPECT_GT(audit_rows(), audit + 3);
}

TEST_F(OrganisationsTest, FamilyInvitationRules) {
  // A SENCO has no basis for the child: the record is not revealed.
  std::int64_t school = orgs.create(admin, "Moorside Primary", "school", "333333", kRoute);
  Actor senco = accounts.create_user("senco@school.example", "Sam Senco", "senco", kPassword, school, false);
  EXPECT_EQ(error_of([&] {
              orgs.invite_family(senco, young_child, FamilyInvite{"x@example.org", "X", "parent_carer", true}, kRoute);
            }).kind,
            Error::Kind::NotFound);
  EXPECT_EQ(error_of([&] { orgs.family(admin, young_child, kRoute); }).kind, Error::Kind::NotFound);
  // A young person's own account only past compulsory school age.
  EXPECT_EQ(error_of([&] {
              orgs.invite_family(caseworker, young_child, FamilyInvite{"kid@example.org", "Kid", "young_person", true},
                                 kRoute);
            }).field,
            "relationship");
  EXPECT_EQ(orgs.invite_family(caseworker, young_person,
                               FamilyInvite{"jonah@example.org", "Jonah Fixture", "young_person", true}, kRoute),
            FamilyInviteOutcome::Invited);
  EXPECT_EQ(error_of([&] { orgs.invite_family(caseworker, young_child, FamilyInvite{"", "X", "parent_carer", true}, kRoute); })
                .field,
            "email");

  // A parent without parental responsibility is linked but sees nothing; an existing family account
  // is linked at once and told by email.
  Actor dad = accounts.create_user("dad@example.org", "Dev Fixture", "parent", "kettle orchard lantern");
  EXPECT_EQ(orgs.invite_family(caseworker, young_child, FamilyInvite{"DAD@example.org", "Dev", "parent_carer", false},
                               kRoute),
            FamilyInviteOutcome::Linked);
  EXPECT_EQ(child_basis(storage.read(), dad, young_child, kToday), std::nullopt);
  EXPECT_EQ(error_of([&] {
              orgs.invite_family(caseworker, young_child, FamilyInvite{"dad@example.org", "Dev", "parent_carer", true},
                                 kRoute);
            }).kind,
            Error::Kind::Conflict);
  EXPECT_EQ(error_of([&] {
              orgs.invite_family(caseworker, young_child, FamilyInvite{"cw@example.org", "Staff", "parent_carer", true},
                                 kRoute);
            }).kind,
            Error::Kind::Conflict)
      << "a staff account is not a family account";

  // Acting for a young person: past compulsory school age only, and then it gives access.
  EXPECT_EQ(orgs.invite_family(caseworker, young_person, FamilyInvite{"dad@example.org", "Dev", "parent_carer", true},
                               kRoute),
            FamilyInviteOutcome::Linked);
  EXPECT_EQ(child_basis(storage.read(), dad, young_person, kToday), std::nullopt);
  std::int64_t link_yp = 0, link_child = 0;
  for (const auto& l : orgs.family(caseworker, young_person, kRoute).links) link_yp = l.user_id == dad.user_id ? l.id : link_yp;
  for (const auto& l : orgs.family(caseworker, young_child, kRoute).links)
    link_child = l.user_id == dad.user_id ? l.id : link_child;
  EXPECT_EQ(error_of([&] { orgs.set_acting_for_young_person(caseworker, young_child, link_child, true, kRoute); }).kind,
            Error::Kind::Conflict);
  orgs.set_acting_for_young_person(caseworker, young_person, link_yp, true, kRoute);
  EXPECT_EQ(child_basis(storage.read(), dad, young_person, kToday), Basis::ActingForYoungPerson);
  orgs.set_acting_for_young_person(caseworker, young_person, link_yp, false, kRoute);
  EXPECT_EQ(child_basis(storage.read(), dad, young_person, kToday), std::nullopt);
  EXPECT_EQ(error_of([&] { orgs.end_family_link(caseworker, young_child, link_yp, kRoute); }).kind,
            Error::Kind::NotFound)
      << "a link of another child";
}

}  // namespace
}  // namespace gt::app
