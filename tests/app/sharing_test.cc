// Consent and overrides: the family gives and withdraws consent themselves, the council records
// consent given on paper or by phone and an override with its lawful basis; withdrawal takes
// effect at once (an advice giver asked about the child loses access unless an override is on
// record); the family is told of an override; refused writes leave nothing; writes are audited.
#include "app/sharing.h"

#include <gtest/gtest.h>

#include "app/services.h"
#include "app/storage.h"
#include "store/access_store.h"
#include "store/advice_store.h"
#include "store/audit_store.h"
#include "store/notifications_store.h"
#include "store/organisations_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

Date d(const char* s) { return *Date::parse(s); }
const std::string kPw = "correct horse battery";

class SharingTest : public ::testing::Test {
 protected:
  SharingTest() : storage(tmp.path()), today(d("2026-11-25")), app(storage, today, ServicesSettings{}) {
    staff = app.accounts.create_user("cw@example.org", "Casey Worker", "caseworker", kPw);
    parent = app.accounts.create_user("pat@example.org", "Pat Parent", "parent", kPw);
    other_parent = app.accounts.create_user("olu@example.org", "Olu Other", "parent", kPw);
    ep = org("Northmoor Educational Psychology Service", "ep_service");
    council = org("Northmoor Council", "council");
    ep_user = app.accounts.create_user("ep@example.org", "Eli Psychologist", "advice_giver", kPw, ep);
    Child c;
    c.given_name = "Amara";
    c.family_name = "Okafor";
    c.date_of_birth = d("2016-05-14");
    c.sex = "F";
    c.ethnicity = "BAFR";
    c.upn = "B801200005001";
    child = app.casework.create_child(staff, c, "TEST").id;
    storage.write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = child;
      r.user_id = parent.user_id;
      r.relationship = "parent_carer";
      store::insert_family_link(db, r, staff.user_id);
    });
    case_id = app.casework.open_case(staff, child, staff.user_id, "TEST").summary.id;
  }

  std::int64_t org(const char* name, const char* kind) {
    return storage.write([&](store::Database& db) {
      return store::insert_organisation(db, store::OrganisationRow{0, name, kind, std::nullopt, std::nullopt});
    });
  }
  // The council has asked the EP service for advice on the case (the advice store's row).
  void ask_ep_for_advice() {
    storage.write([&](store::Database& db) {
      store::AdviceRequestRow r;
      r.case_id = case_id;
      r.child_id = child;
      r.organisation_id = ep;
      r.advice_from = "educational_psychology";
      r.advice_id = "ep1";
      r.requested_on = "2026-11-20";
      r.due_on = "2027-01-01";
      r.basis = "consent";
      r.created_by = staff.user_id;
      r.created_at = "2026-11-20T10:00:00Z";
      store::insert_advice_request(db, r);
    });
  }
  std::optional<Basis> ep_basis() { return child_basis(storage.read(), ep_user, child, today()); }
  int notices(const Actor& who, const std::string& kind) {
    int n = 0;
    for (const auto& r : store::notifications_of_user(storage.read(), who.user_id, 1000))
      if (r.kind == kind) ++n;
    return n;
  }
  template <typename Fn>
  Error::Kind refused(Fn fn) {
    try {
      fn();
    } catch (const Error& e) {
      return e.kind;
    }
    ADD_FAILURE() << "not refused";
    return Error::Kind::BadRequest;
  }

  gt::testing::TempDb tmp;
  Storage storage;
  Today today;
  Services app;
  Actor staff, parent, other_parent, ep_user;
  std::int64_t ep = 0, council = 0, child = 0, case_id = 0;
};

TEST_F(SharingTest, TheFamilyGivesConsentAndSeesIt) {
  auto before = app.sharing.view(parent, child, Capability::FamilyRead, "GET");
  ASSERT_EQ(before.organisations.size(), 1u);  // the EP service could be involved; never the council
  EXPECT_EQ(before.organisations[0].organisation.id, ep);
  EXPECT_FALSE(before.organisations[0].shared());

  app.sharing.give_consent(parent, child, ep, "advice", "POST /family/children/{id}/sharing/consent");
  auto v = app.sharing.view(parent, child, Capability::FamilyRead, "GET");
  ASSERT_TRUE(v.organisations[0].consent);
  EXPECT_EQ(v.organisations[0].consent->given_by, "Pat Parent");
  EXPECT_EQ(v.organisations[0].consent->given_by_user, parent.user_id);
  EXPECT_EQ(v.organisations[0].consent->given_on, "2026-11-25");
  EXPECT_EQ(v.organisations[0].consent->purpose, "advice");
  EXPECT_EQ(notices(staff, "consent_given"), 1);

  EXPECT_EQ(refused([&] { app.sharing.give_consent(parent, child, ep, "advice", "POST"); }), Error::Kind::Conflict);
  EXPECT_EQ(refused([&] { app.sharing.give_consent(staff, child, ep, "advice", "POST"); }), Error::Kind::Forbidden);
  EXPECT_EQ(refused([&] { app.sharing.give_consent(other_parent, child, ep, "advice", "POST"); }),
            Error::Kind::NotFound);
  EXPECT_EQ(refused([&] { app.sharing.give_consent(parent, child, council, "advice", "POST"); }),
            Error::Kind::Unprocessable);
  EXPECT_EQ(refused([&] { app.sharing.give_consent(parent, child, ep + 1000, "advice", "POST"); }),
            Error::Kind::Unprocessable);
  EXPECT_EQ(store::consents_of_child(storage.read(), child).size(), 1u);

  // The write is audited with the child and the parent's basis.
  auto rows = store::audit_of(storage.read(), "consent", v.organisations[0].consent->id);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].action, "give-consent");
  EXPECT_EQ(rows[0].child_id, child);
  EXPECT_EQ(rows[0].basis, "parental_responsibility");
}

TEST_F(SharingTest, WithdrawalEndsAnAdviceGiversAccessAtOnce) {
  ask_ep_for_advice();
  EXPECT_FALSE(ep_basis());  // asked, but no consent yet: no access
  app.sharing.give_consent(parent, child, ep, "advice", "POST");
  EXPECT_EQ(ep_basis(), Basis::AdviceRequested);
  EXPECT_NO_THROW(app.casework.case_view(ep_user, case_id, "GET /advice/{id}", Capability::AdviceRead));

  EXPECT_EQ(app.sharing.withdraw_consent(parent, child, ep, "POST /family/children/{id}/sharing/{organisation_id}/withdraw"),
            1);
  EXPECT_FALSE(ep_basis());
  EXPECT_EQ(refused([&] { app.casework.case_view(ep_user, case_id, "GET", Capability::AdviceRead); }),
            Error::Kind::NotFound);
  EXPECT_EQ(notices(ep_user, "consent_withdrawn"), 1);
  EXPECT_EQ(notices(staff, "consent_withdrawn"), 1);

  auto v = app.sharing.view(parent, child, Capability::FamilyRead, "GET");
  EXPECT_FALSE(v.organisations[0].consent);
  ASSERT_TRUE(v.organisations[0].last_withdrawn);
  EXPECT_EQ(v.organisations[0].last_withdrawn->withdrawn_on.value_or(""), "2026-11-25");
  EXPECT_EQ(v.organisations[0].last_withdrawn->withdrawn_by.value_or(""), "Pat Parent");
  EXPECT_TRUE(v.organisations[0].advice_asked);

  // Nothing left to withdraw.
  EXPECT_EQ(refused([&] { app.sharing.withdraw_consent(parent, child, ep, "POST"); }), Error::Kind::Conflict);
}

TEST_F(SharingTest, AnOverrideKeepsAccessIsShownToTheFamilyAndTellsThem) {
  ask_ep_for_advice();
  OverrideRequest o{ep, "safeguarding", "", "Section 47 enquiry: the EP's advice is needed now"};
  auto id = app.sharing.record_override(staff, child, o, "POST /children/{id}/sharing/override");
  EXPECT_EQ(ep_basis(), Basis::AdviceRequested);
  EXPECT_EQ(notices(parent, "sharing_override"), 1);
  EXPECT_EQ(notices(other_parent, "sharing_override"), 0);

  // Consent given and withdrawn: the override still stands, and both are visible to the family.
  app.sharing.give_consent(parent, child, ep, "advice", "POST");
  app.sharing.withdraw_consent(parent, child, ep, "POST");
  EXPECT_EQ(ep_basis(), Basis::AdviceRequested);
  auto v = app.sharing.view(parent, child, Capability::FamilyRead, "GET");
  ASSERT_EQ(v.overrides.size(), 1u);
  EXPECT_EQ(v.overrides[0].id, id);
  EXPECT_NE(v.overrides[0].lawful_basis.find("Children Act 1989 section 47"), std::string::npos);
  EXPECT_EQ(v.overrides[0].reason, "Section 47 enquiry: the EP's advice is needed now");
  EXPECT_EQ(v.overrides[0].decided_by_name, "Casey Worker");
  EXPECT_TRUE(v.organisations[0].override_on_record);
  EXPECT_EQ(v.consents.size(), 1u);

  auto rows = store::audit_of(storage.read(), "sharing_override", id);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].basis, "council_staff");
  EXPECT_EQ(rows[0].child_id, child);
}

TEST_F(SharingTest, OverridesNeedABasisAndAReasonAndOnlyTheCouncilRecordsThem) {
  EXPECT_EQ(refused([&] { app.sharing.record_override(staff, child, OverrideRequest{ep, "", "", "why"}, "POST"); }),
            Error::Kind::Unprocessable);
  EXPECT_EQ(refused([&] { app.sharing.record_override(staff, child, OverrideRequest{ep, "other", "", "why"}, "POST"); }),
            Error::Kind::Unprocessable);
  EXPECT_EQ(refused([&] {
              app.sharing.record_override(staff, child, OverrideRequest{ep, "public_task", "", "  "}, "POST");
            }),
            Error::Kind::Unprocessable);
  EXPECT_EQ(refused([&] {
              app.sharing.record_override(parent, child, OverrideRequest{ep, "public_task", "", "why"}, "POST");
            }),
            Error::Kind::Forbidden);
  EXPECT_TRUE(store::overrides_of_child(storage.read(), child).empty());
  EXPECT_EQ(notices(parent, "sharing_override"), 0);

  app.sharing.record_override(staff, child, OverrideRequest{ep, "other", "A court's direction of 3 Nov", "why"}, "POST");
  EXPECT_EQ(store::overrides_of_child(storage.read(), child).at(0).lawful_basis, "Other: A court's direction of 3 Nov");
}

TEST_F(SharingTest, TheCouncilRecordsConsentGivenOnPaperAndItsWithdrawal) {
  ConsentRecorded c{ep, "plan", "  Pat Parent ", "on_paper", d("2026-11-02")};
  app.sharing.record_consent(staff, child, c, "POST /children/{id}/sharing/consent");
  auto v = app.sharing.view(staff, child, Capability::CaseworkRead, "GET /children/{id}/sharing");
  ASSERT_TRUE(v.organisations[0].consent);
  EXPECT_EQ(v.organisations[0].consent->given_by, "Pat Parent (On a signed form)");
  EXPECT_EQ(v.organisations[0].consent->given_on, "2026-11-02");
  EXPECT_EQ(v.organisations[0].consent->recorded_by_name, "Casey Worker");
  EXPECT_FALSE(v.organisations[0].consent->given_by_user);

  // Refused, nothing written: a date in the future, no name, no method, the family's capability.
  ConsentRecorded later = c;
  later.given_on = d("2026-11-26");
  for (ConsentRecorded bad : {later, ConsentRecorded{ep, "plan", "", "on_paper", d("2026-11-02")},
                              ConsentRecorded{ep, "plan", "Pat", "by_pigeon", d("2026-11-02")},
                              ConsentRecorded{ep, "plan", "Pat", "on_paper", std::nullopt}})
    EXPECT_EQ(refused([&] { app.sharing.record_consent(staff, child, bad, "POST"); }), Error::Kind::Unprocessable);
  EXPECT_EQ(refused([&] { app.sharing.record_consent(parent, child, c, "POST"); }), Error::Kind::Forbidden);
  EXPECT_EQ(store::consents_of_child(storage.read(), child).size(), 1u);

  EXPECT_EQ(refused([&] { app.sharing.record_withdrawal(staff, child, ep, "Pat Parent", d("2026-12-01"), "POST"); }),
            Error::Kind::Unprocessable);
  EXPECT_EQ(app.sharing.record_withdrawal(staff, child, ep, "Pat Parent (by phone)", d("2026-11-24"), "POST"), 1);
  EXPECT_FALSE(store::consent_in_force(storage.read(), child, ep));
  EXPECT_EQ(refused([&] { app.sharing.record_withdrawal(staff, child, ep, "Pat", d("2026-11-24"), "POST"); }),
            Error::Kind::Conflict);

  // The family sees the council's record of both.
  auto fv = app.sharing.view(parent, child, Capability::FamilyRead, "GET");
  ASSERT_EQ(fv.consents.size(), 1u);
  EXPECT_EQ(fv.consents[0].withdrawn_on.value_or(""), "2026-11-24");
  EXPECT_EQ(fv.consents[0].withdrawn_recorded_by_name, "Casey Worker");
}

TEST_F(SharingTest, ViewsAreAuthorisedAndAudited) {
  EXPECT_EQ(refused([&] { app.sharing.view(other_parent, child, Capability::FamilyRead, "GET"); }),
            Error::Kind::NotFound);
  EXPECT_EQ(refused([&] { app.sharing.view(staff, child, Capability::FamilyRead, "GET"); }), Error::Kind::Forbidden);
  EXPECT_EQ(refused([&] { app.sharing.view(parent, child, Capability::CaseworkRead, "GET"); }), Error::Kind::Forbidden);
  EXPECT_EQ(refused([&] { app.sharing.view(ep_user, child, Capability::CaseworkRead, "GET"); }), Error::Kind::NotFound);
  app.sharing.view(parent, child, Capability::FamilyRead, "GET /family/children/{id}/sharing");
  storage.flush();
  auto rows = store::audit_of(storage.read(), "sharing", child);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].route, "GET /family/children/{id}/sharing");
  EXPECT_EQ(rows[0].basis, "parental_responsibility");
}

}  // namespace
}  // namespace gt::app
