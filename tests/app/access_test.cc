// Access: which relationship lets whom see a child's record, and what each may do with it.
// A record without a basis is NotFound (its existence is not revealed); a forbidden action on a
// visible record is Forbidden. Advice givers are covered with the advice use cases.
#include "app/access.h"

#include <gtest/gtest.h>

#include "app/accounts.h"
#include "app/casework.h"
#include "app/storage.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/organisations_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

Date d(const char* s) { return *Date::parse(s); }

class AccessTest : public ::testing::Test {
 protected:
  AccessTest() : storage(tmp.path()), today(d("2026-11-25")), casework(storage, today), accounts(storage) {
    school = org("Northmoor Primary", "school", "100001");
    other_school = org("Southmoor Academy", "school", "100002");
    ep = org("Northmoor EP Service", "ep_service", std::nullopt);
    staff = accounts.create_user("cw@example.org", "Casey Worker", "caseworker", pw);
    manager = accounts.create_user("tm@example.org", "Tara Manager", "manager", pw);
    admin = accounts.create_user("admin@example.org", "Ade Admin", "admin", pw);
    analyst = accounts.create_user("an@example.org", "Ana Lyst", "analyst", pw);
    senco = accounts.create_user("senco@example.org", "Sam Senco", "senco", pw, school);
    other_senco = accounts.create_user("senco2@example.org", "Sol Senco", "senco", pw, other_school);
    ep_user = accounts.create_user("ep@example.org", "Eve Psych", "advice_giver", pw, ep);
    parent = accounts.create_user("mum@example.org", "Mary Parent", "parent", pw);
    stranger = accounts.create_user("other@example.org", "Olly Other", "parent", pw);
    young = accounts.create_user("yp@example.org", "Yan Young", "young_person", pw);

    child_id = make_child("Amara", "2016-05-14", "B801200005001");
    older_id = make_child("Bilal", "2009-03-02", "B801200005002");  // past compulsory school age on 25/11/2026
    place(child_id, "100001", "2021-09-01");
    link(child_id, parent.user_id, "parent_carer", false);
    link(older_id, parent.user_id, "parent_carer", false);
    link(older_id, young.user_id, "young_person", false);
    case_id = casework.open_case(staff, child_id, std::nullopt, "TEST").summary.id;
  }

  std::int64_t org(const char* name, const char* kind, std::optional<std::string> urn) {
    return storage.write([&](store::Database& db) {
      return store::insert_organisation(db, store::OrganisationRow{0, name, kind, urn, std::nullopt});
    });
  }
  std::int64_t make_child(const char* given, const char* dob, const char* upn) {
    Child c;
    c.given_name = given;
    c.family_name = "Test";
    c.date_of_birth = d(dob);
    c.sex = "F";
    c.ethnicity = "WBRI";
    (void)upn;
    c.upn_unknown = "UN2";
    return casework.create_child(staff, c, "TEST").id;
  }
  void place(std::int64_t child, const char* urn, const char* from) {
    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = urn;
    p.name = "A school";
    p.entry_date = d(from);
    casework.add_placement(staff, child, p, "TEST");
  }
  void link(std::int64_t child, std::int64_t user, const char* rel, bool acting) {
    storage.write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = child;
      r.user_id = user;
      r.relationship = rel;
      r.acting_for_young_person = acting;
      store::insert_family_link(db, r, staff.user_id);
    });
  }
  std::optional<Basis> basis(const Actor& a, std::int64_t child) {
    return child_basis(storage.read(), a, child, today());
  }

  const char* pw = "correct horse battery";
  gt::testing::TempDb tmp;
  Storage storage;
  Today today;
  Casework casework;
  Accounts accounts;
  std::int64_t school = 0, other_school = 0, ep = 0;
  Actor staff, manager, admin, analyst, senco, other_senco, ep_user, parent, stranger, young;
  std::int64_t child_id = 0, older_id = 0, case_id = 0;
};

TEST_F(AccessTest, CouncilStaffSeeEveryChild) {
  EXPECT_EQ(basis(staff, child_id), Basis::CouncilStaff);
  EXPECT_EQ(basis(manager, older_id), Basis::CouncilStaff);
  EXPECT_FALSE(basis(staff, 999999));  // no such child
}

TEST_F(AccessTest, AdministratorsAndAnalystsSeeNoIdentifiableRecord) {
  EXPECT_FALSE(basis(admin, child_id));
  EXPECT_FALSE(basis(analyst, child_id));
  try {
    casework.child(analyst, child_id, "TEST");
    FAIL() << "an analyst read a child's record";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::NotFound);
  }
  EXPECT_THROW(casework.caseload(analyst, CaseloadFilter{}, "TEST"), Error);
}

TEST_F(AccessTest, AParentWithParentalResponsibilitySeesTheirChildOnly) {
  EXPECT_EQ(basis(parent, child_id), Basis::ParentalResponsibility);
  EXPECT_FALSE(basis(stranger, child_id));
}

TEST_F(AccessTest, PastCompulsorySchoolAgeTheYoungPersonHoldsTheRights) {
  EXPECT_EQ(basis(young, older_id), Basis::YoungPerson);
  EXPECT_FALSE(basis(parent, older_id)) << "a parent needs to be acting for the young person";
  link(older_id, parent.user_id, "parent_carer", true);
  EXPECT_EQ(basis(parent, older_id), Basis::ActingForYoungPerson);
}

TEST_F(AccessTest, AnEndedLinkGivesNoAccess) {
  auto links = store::family_links_of_child(storage.read(), child_id);
  ASSERT_EQ(links.size(), 1u);
  storage.write([&](store::Database& db) { store::end_family_link(db, links[0].id, "2026-11-25T00:00:00Z"); });
  EXPECT_FALSE(basis(parent, child_id));
}

TEST_F(AccessTest, ASchoolSeesItsPupilsOnRollWhileTheyAreThere) {
  EXPECT_EQ(basis(senco, child_id), Basis::SchoolOnRoll);
  EXPECT_FALSE(basis(other_senco, child_id));
  EXPECT_FALSE(basis(senco, older_id));
  auto rec = casework.child(staff, child_id, "TEST");
  casework.end_placement(staff, child_id, rec.placements[0].id, d("2026-10-31"), "TEST");
  EXPECT_FALSE(basis(senco, child_id)) << "the pupil has left";
}

TEST_F(AccessTest, AnAdviceGiverWithoutAnOpenRequestSeesNothing) {
  EXPECT_FALSE(basis(ep_user, child_id));
  EXPECT_FALSE(case_basis(storage.read(), ep_user, case_id, today()));
}

TEST_F(AccessTest, AVisibleRecordRefusesActionsTheBasisDoesNotAllow) {
  Event e;
  e.type = EventType::RequestReceived;
  e.date = d("2026-11-02");
  e.source = 1;
  try {
    casework.append_event(parent, case_id, e, "TEST");
    FAIL() << "a parent wrote the chronology";
  } catch (const Error& err) {
    EXPECT_EQ(err.kind, Error::Kind::Forbidden);
  }
  try {
    casework.append_event(stranger, case_id, e, "TEST");
    FAIL() << "a stranger wrote the chronology";
  } catch (const Error& err) {
    EXPECT_EQ(err.kind, Error::Kind::NotFound);
  }
  EXPECT_EQ(casework.case_view(staff, case_id, "TEST").history.size(), 0u) << "nothing was written";
}

TEST_F(AccessTest, TheFamilyViewIsAuditedWithItsBasis) {
  casework.case_view(parent, case_id, "GET /family/children/{id}", Capability::FamilyRead);
  storage.flush();
  auto rows = store::audit_of(storage.read(), "case", case_id);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back().user_id, parent.user_id);
  EXPECT_EQ(rows.back().basis, "parental_responsibility");
  EXPECT_EQ(rows.back().child_id, child_id);
  EXPECT_THROW(casework.case_view(parent, case_id, "TEST", Capability::CaseworkRead), Error);
}

TEST_F(AccessTest, CapabilitiesFollowTheBasis) {
  EXPECT_TRUE(allows(Basis::CouncilStaff, Capability::CaseworkWrite));
  EXPECT_FALSE(allows(Basis::CouncilStaff, Capability::FamilyWrite));
  EXPECT_TRUE(allows(Basis::ParentalResponsibility, Capability::FamilyWrite));
  EXPECT_FALSE(allows(Basis::ParentalResponsibility, Capability::CaseworkRead));
  EXPECT_TRUE(allows(Basis::SchoolOnRoll, Capability::PupilWrite));
  EXPECT_FALSE(allows(Basis::SchoolOnRoll, Capability::FamilyRead));
  EXPECT_TRUE(allows(Basis::AdviceRequested, Capability::AdviceWrite));
  EXPECT_FALSE(allows(Basis::AdviceRequested, Capability::CaseworkRead));
  for (auto b : {Basis::CouncilStaff, Basis::ParentalResponsibility, Basis::ActingForYoungPerson, Basis::YoungPerson,
                 Basis::SchoolOnRoll, Basis::AdviceRequested})
    EXPECT_TRUE(allows(b, Capability::AllAboutMeRead)) << basis_name(b);
}

}  // namespace
}  // namespace gt::app
