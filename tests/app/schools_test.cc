// Schools use cases: a SENCO sees the pupils on roll at the school (and a second SENCO the same
// ones), never a pupil at another school nor one who has left; adds a pupil the council does not
// know; records SEN support anew and cycles of the graduated approach; requests an assessment in
// one transaction (refused without a reviewed cycle or with an open case, writing nothing);
// contributes to an annual review. Today is 25 November 2026.
#include "app/schools.h"

#include <gtest/gtest.h>

#include "app/accounts.h"
#include "app/casework.h"
#include "app/storage.h"
#include "domain/codes.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/cases_store.h"
#include "store/children_store.h"
#include "store/notifications_store.h"
#include "store/organisations_store.h"
#include "store/schools_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

Date d(const char* s) { return *Date::parse(s); }

Event ev(EventType t, const char* date) {
  Event e;
  e.type = t;
  e.date = d(date);
  return e;
}
Event with_outcome(Event e, Outcome o) {
  e.outcome = o;
  return e;
}

class SchoolsTest : public ::testing::Test {
 protected:
  SchoolsTest()
      : storage(tmp.path()), today(d("2026-11-25")), casework(storage, today), accounts(storage),
        schools(storage, today, settings) {
    school = org("Northmoor Primary", "school", "123456");
    other_school = org("Southmoor Academy", "school", "654321");
    no_urn = org("Unlisted School", "school", std::nullopt);
    staff = accounts.create_user("cw@example.org", "Casey Worker", "caseworker", pw);
    manager = accounts.create_user("tm@example.org", "Tara Manager", "manager", pw);
    senco = accounts.create_user("senco@example.org", "Sam Senco", "senco", pw, school);
    senco2 = accounts.create_user("senco.new@example.org", "Nia Newsenco", "senco", pw, school);
    other_senco = accounts.create_user("senco@southmoor.example.org", "Sol Senco", "senco", pw, other_school);
    unlisted_senco = accounts.create_user("senco@unlisted.example.org", "Uma Senco", "senco", pw, no_urn);
    parent = accounts.create_user("mum@example.org", "Mary Parent", "parent", pw);

    amara = make_child("Amara", "Okafor", "2016-05-14");
    bilal = make_child("Bilal", "Ahmed", "2015-02-02");
    cara = make_child("Cara", "Brown", "2017-07-07");
    dev = make_child("Dev", "Patel", "2016-01-20");
    place(amara, "123456", "2021-09-01");
    place(bilal, "654321", "2020-09-01");                 // at another school
    place(cara, "123456", "2021-09-01", "2026-07-22");     // has left
    place(dev, "123456", "2022-09-01");
    link(amara, parent.user_id);
  }

  std::int64_t org(const char* name, const char* kind, std::optional<std::string> urn) {
    return storage.write([&](store::Database& db) {
      return store::insert_organisation(db, store::OrganisationRow{0, name, kind, urn, std::nullopt});
    });
  }
  std::int64_t make_child(const char* given, const char* family, const char* dob) {
    Child c;
    c.given_name = given;
    c.family_name = family;
    c.date_of_birth = d(dob);
    c.sex = "F";
    c.ethnicity = "WBRI";
    c.upn_unknown = "UN2";
    return casework.create_child(staff, c, "TEST").id;
  }
  void place(std::int64_t child, const char* urn, const char* from, const char* to = nullptr) {
    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = urn;
    p.name = "A school";
    p.entry_date = d(from);
    if (to) p.leaving_date = d(to);
    casework.add_placement(staff, child, p, "TEST");
  }
  void link(std::int64_t child, std::int64_t user) {
    storage.write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = child;
      r.user_id = user;
      r.relationship = "parent_carer";
      store::insert_family_link(db, r, staff.user_id);
    });
  }

  SupportCycle cycle(const char* started) {
    SupportCycle c;
    c.started_on = d(started);
    c.assess = "Reading age 6.2 at 10; phonics screening; parents' and pupil's views";
    c.plan = "Daily 20-minute phonics group; reading buddy; review in 12 weeks";
    c.provision = "Phonics group 5 x 20 min a week with a teaching assistant";
    return c;
  }
  std::int64_t reviewed_cycle(std::int64_t child) {
    std::int64_t id = schools.start_cycle(senco, child, cycle("2026-04-20"), route);
    SupportCycle r;
    r.reviewed_on = d("2026-07-13");
    r.outcomes = "Reading age 6.5: slower progress than expected";
    r.review = "Needs more than the school can provide from its own resources";
    schools.review_cycle(senco, child, id, r, route);
    return id;
  }
  AssessmentRequest request() {
    AssessmentRequest r;
    r.reasons = "Progress remains well below age despite two terms of targeted support";
    r.family_views = "Mum wants an assessment; Amara says reading makes her worried";
    r.family_informed = true;
    r.family_agrees = true;
    r.evidence_confirmed = true;
    return r;
  }
  int notifications(std::int64_t user) {
    return static_cast<int>(store::notifications_of_user(storage.read(), user, 100).size());
  }
  std::vector<store::AuditRow> audit_of(const char* subject, std::int64_t id) {
    storage.flush();
    return store::audit_of(storage.read(), subject, id);
  }

  const char* pw = "correct horse battery";
  const std::string route = "TEST";
  gt::testing::TempDb tmp;
  Storage storage;
  Today today;
  ServicesSettings settings;
  Casework casework;
  Accounts accounts;
  Schools schools;
  std::int64_t school = 0, other_school = 0, no_urn = 0;
  Actor staff, manager, senco, senco2, other_senco, unlisted_senco, parent;
  std::int64_t amara = 0, bilal = 0, cara = 0, dev = 0;
};

std::vector<std::int64_t> ids(const PupilList& l) {
  std::vector<std::int64_t> out;
  for (const auto& p : l.pupils) out.push_back(p.child_id);
  return out;
}

TEST_F(SchoolsTest, ASencoSeesThePupilsOnRollAndNotThoseElsewhereOrWhoHaveLeft) {
  PupilList l = schools.pupils(senco, PupilListQuery{}, route);
  EXPECT_EQ(l.school_name, "Northmoor Primary");
  EXPECT_EQ(l.total, 2);
  EXPECT_EQ(ids(l), (std::vector<std::int64_t>{amara, dev}));  // by family name: Okafor, Patel
  EXPECT_EQ(l.pupils[0].on_roll_since, "2021-09-01");

  // Access belongs to the school: a second SENCO there sees the same pupils.
  EXPECT_EQ(ids(schools.pupils(senco2, PupilListQuery{}, route)), ids(l));
  EXPECT_EQ(ids(schools.pupils(other_senco, PupilListQuery{}, route)), (std::vector<std::int64_t>{bilal}));

  EXPECT_EQ(schools.pupil(senco, amara, route).child.given_name, "Amara");
  EXPECT_EQ(schools.pupil(senco2, amara, route).child.given_name, "Amara");
  for (std::int64_t hidden : {bilal, cara, std::int64_t{999999}}) {
    try {
      schools.pupil(senco, hidden, route);
      ADD_FAILURE() << "child " << hidden << " should not be visible";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind, Error::Kind::NotFound);
    }
  }
}

TEST_F(SchoolsTest, TheListIsFilteredByNameAndPaged) {
  PupilListQuery q;
  q.name = "oka";
  PupilList l = schools.pupils(senco, q, route);
  EXPECT_EQ(ids(l), (std::vector<std::int64_t>{amara}));
  EXPECT_EQ(l.total, 1);
  q.name = "%";  // matches itself, not everything
  EXPECT_EQ(schools.pupils(senco, q, route).total, 0);

  PupilListQuery paged;
  paged.per_page = 1;
  paged.page = 2;
  l = schools.pupils(senco, paged, route);
  EXPECT_EQ(l.total, 2);
  EXPECT_EQ(ids(l), (std::vector<std::int64_t>{dev}));
}

TEST_F(SchoolsTest, TheListIsOnlyForASencoOfASchoolWithAUrnAndIsAuditedOncePerPage) {
  for (const Actor* a : {&staff, &manager, &parent, &unlisted_senco}) {
    try {
      schools.pupils(*a, PupilListQuery{}, route);
      ADD_FAILURE() << a->role << " should not see a school's pupils";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind, Error::Kind::Forbidden);
    }
  }
  schools.pupils(senco, PupilListQuery{}, route);
  auto rows = audit_of("school_pupils", school);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].action, "list");
  EXPECT_EQ(rows[0].basis, "school_on_roll");
  EXPECT_EQ(rows[0].user_id, senco.user_id);
}

TEST_F(SchoolsTest, TheCouncilCannotUseTheSchoolsViewOfAPupil) {
  try {
    schools.pupil(staff, amara, route);
    FAIL() << "a caseworker has no school view";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Forbidden);
  }
  try {
    schools.record_sen_support(staff, amara, SenSupport{"cognition_and_learning", "MLD", "", d("2026-01-05"), "x"}, route);
    FAIL() << "a caseworker cannot write the school's record";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Forbidden);
  }
  EXPECT_TRUE(store::sen_support_of_child(storage.read(), amara).empty());
}

TEST_F(SchoolsTest, AddsAPupilTheCouncilDoesNotKnowOnRollFromTheStartDate) {
  NewPupil p;
  p.child.given_name = "Esme";
  p.child.family_name = "Quinn";
  p.child.date_of_birth = d("2019-03-03");
  p.child.sex = "F";
  p.child.ethnicity = "WBRI";
  p.child.upn = "B801200005001";
  p.setting_type = "mainstream_academy";
  p.start_date = d("2026-09-03");
  Child made = schools.add_pupil(senco, p, route);
  ASSERT_GT(made.id, 0);
  EXPECT_EQ(schools.pupils(senco2, PupilListQuery{}, route).total, 3);
  EXPECT_EQ(schools.pupil(senco, made.id, route).on_roll_since, d("2026-09-03"));
  EXPECT_EQ(casework.child(staff, made.id, route).placements.at(0).urn, "123456");  // the council sees them
  auto created = audit_of("child", made.id);
  ASSERT_FALSE(created.empty());
  EXPECT_EQ(created[0].action, "create");
  EXPECT_EQ(created[0].basis, "school_on_roll");

  // The same UPN again: a conflict that says nothing about the other record; nothing written.
  auto before = store::count_children(storage.read());
  p.child.given_name = "Someone";
  try {
    schools.add_pupil(other_senco, p, route);
    FAIL() << "expected a conflict";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Conflict);
    EXPECT_EQ(e.field, "upn");
    EXPECT_EQ(e.reason.find("Esme"), std::string::npos);
    EXPECT_EQ(e.reason.find("Quinn"), std::string::npos);
  }
  EXPECT_EQ(store::count_children(storage.read()), before);
  EXPECT_EQ(schools.pupils(other_senco, PupilListQuery{}, route).total, 1);
}

TEST_F(SchoolsTest, AddingAPupilChecksTheDetailsAndWhoAsks) {
  NewPupil p;
  p.child.given_name = "Esme";
  p.child.family_name = "Quinn";
  p.child.date_of_birth = d("2019-03-03");
  p.child.sex = "F";
  p.child.ethnicity = "WBRI";
  p.child.upn_unknown = "UN1";
  p.setting_type = "fe_college";  // not a school
  p.start_date = d("2026-09-03");
  auto before = store::count_children(storage.read());
  try {
    schools.add_pupil(senco, p, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
    EXPECT_EQ(e.field, "setting_type");
  }
  p.setting_type = "mainstream_la";
  p.start_date = d("2026-12-01");  // after today
  try {
    schools.add_pupil(senco, p, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field, "start_date");
  }
  p.start_date = d("2026-09-03");
  p.child.given_name = "";
  try {
    schools.add_pupil(senco, p, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field, "given_name");
  }
  p.child.given_name = "Esme";
  try {
    schools.add_pupil(staff, p, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Forbidden);
  }
  EXPECT_EQ(store::count_children(storage.read()), before);
}

TEST_F(SchoolsTest, SenSupportIsRecordedAnewWithItsHistory) {
  schools.record_sen_support(senco, amara,
                             SenSupport{"cognition_and_learning", "spld", "", d("2025-01-06"), "Reading intervention"}, route);
  schools.record_sen_support(senco2, amara,
                             SenSupport{"cognition_and_learning", "MLD", "SLCN", d("2025-01-06"), "Small-group literacy"}, route);
  PupilView v = schools.pupil(senco, amara, route);
  ASSERT_EQ(v.support.size(), 2u);
  EXPECT_EQ(v.support[0].primary_type, "MLD");
  EXPECT_EQ(v.support[0].secondary_type, std::optional<std::string>("SLCN"));
  EXPECT_EQ(v.support[0].organisation_name, "Northmoor Primary");
  EXPECT_EQ(v.support[1].primary_type, "SPLD");
  auto l = schools.pupils(senco, PupilListQuery{}, route);
  EXPECT_EQ(l.pupils[0].support_primary, std::optional<std::string>("MLD"));

  // A primary type outside the chosen area, an SEN2-only code and a future start are refused.
  try {
    schools.record_sen_support(senco, amara, SenSupport{"sensory_and_physical", "MLD", "", d("2025-01-06"), "x"}, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
    EXPECT_EQ(e.field, "primary_type");
  }
  try {
    schools.record_sen_support(senco, amara, SenSupport{"cognition_and_learning", "DS", "", d("2025-01-06"), "x"}, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field, "primary_type");
  }
  try {
    schools.record_sen_support(senco, amara, SenSupport{"cognition_and_learning", "MLD", "", d("2026-11-26"), "x"}, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field, "start_date");
  }
  EXPECT_EQ(schools.pupil(senco, amara, route).support.size(), 2u);
}

TEST_F(SchoolsTest, ACycleIsStartedThenReviewedOnce) {
  std::int64_t id = schools.start_cycle(senco, amara, cycle("2026-04-20"), route);
  PupilView v = schools.pupil(senco, amara, route);
  ASSERT_EQ(v.cycles.size(), 1u);
  EXPECT_FALSE(v.cycles[0].reviewed_on);
  EXPECT_TRUE(v.evidence.cycles.empty());  // not evidence until reviewed with outcomes

  SupportCycle r;
  r.reviewed_on = d("2026-04-01");  // before it started
  r.outcomes = "Some";
  r.review = "Next";
  try {
    schools.review_cycle(senco, amara, id, r, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field, "reviewed_on");
  }
  r.reviewed_on = d("2026-07-13");
  schools.review_cycle(senco2, amara, id, r, route);
  v = schools.pupil(senco, amara, route);
  EXPECT_EQ(v.cycles[0].reviewed_on, std::optional<std::string>("2026-07-13"));
  EXPECT_EQ(v.evidence.cycles.size(), 1u);
  try {
    schools.review_cycle(senco, amara, id, r, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Conflict);
  }
  // Another school's pupil's cycle is not found through this pupil.
  try {
    schools.review_cycle(senco, dev, id, r, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::NotFound);
  }
}

TEST_F(SchoolsTest, ARequestWithoutAReviewedCycleIsRefusedAndWritesNothing) {
  schools.start_cycle(senco, amara, cycle("2026-09-07"), route);  // started, not reviewed
  int council_before = notifications(staff.user_id);
  int parent_before = notifications(parent.user_id);
  try {
    schools.request_assessment(senco, amara, request(), route);
    FAIL() << "expected a refusal";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
    EXPECT_EQ(e.field, "cycles");
  }
  auto& db = storage.read();
  EXPECT_TRUE(store::cases_of_child(db, amara).empty());
  EXPECT_TRUE(store::assessment_requests_of_child(db, amara).empty());
  EXPECT_EQ(notifications(staff.user_id), council_before);
  EXPECT_EQ(notifications(parent.user_id), parent_before);
}

TEST_F(SchoolsTest, AValidRequestOpensACaseWithTheRequestFromASchoolAndTellsTheCouncilAndFamily) {
  reviewed_cycle(amara);
  schools.record_sen_support(senco, amara,
                             SenSupport{"cognition_and_learning", "SPLD", "", d("2025-01-06"), "Reading intervention"}, route);
  int staff_before = notifications(staff.user_id), manager_before = notifications(manager.user_id),
      parent_before = notifications(parent.user_id);

  RequestedAssessment r = schools.request_assessment(senco, amara, request(), route);
  EXPECT_EQ(r.received, d("2026-11-25"));
  EXPECT_EQ(r.decision_due, d("2027-01-06"));  // 6 weeks

  CaseView c = casework.case_view(staff, r.case_id, route);
  EXPECT_EQ(c.stage, Stage::Request);
  ASSERT_EQ(c.chronology.size(), 1u);
  EXPECT_EQ(c.chronology[0].type, EventType::RequestReceived);
  EXPECT_EQ(c.chronology[0].date, d("2026-11-25"));
  EXPECT_EQ(c.chronology[0].source, kSchoolRequestSource);
  EXPECT_EQ(request_sources().label(std::to_string(c.chronology[0].source)), "A school or other education setting");
  EXPECT_FALSE(c.summary.caseworker_id);

  // The school sees the stage and the 6-week decision deadline with its rule.
  PupilView v = schools.pupil(senco2, amara, route);
  ASSERT_TRUE(v.ehc_case);
  EXPECT_TRUE(v.case_open);
  bool a1 = false;
  for (const auto& dl : v.ehc_case->clock.deadlines)
    if (dl.rule == "A1") a1 = dl.due == d("2027-01-06") && dl.open();
  EXPECT_TRUE(a1);

  // The request, with the family's answers and the evidence as shown, for the council.
  CaseSchoolRecord rec = schools.for_case(staff, r.case_id, route);
  ASSERT_TRUE(rec.request);
  EXPECT_EQ(rec.request->organisation_name, "Northmoor Primary");
  EXPECT_TRUE(rec.request->family_informed);
  EXPECT_TRUE(rec.request->family_agrees);
  ASSERT_EQ(rec.request_evidence.cycles.size(), 1u);
  EXPECT_EQ(rec.request_evidence.cycles[0].outcomes, "Reading age 6.5: slower progress than expected");
  ASSERT_TRUE(rec.request_evidence.support);
  EXPECT_EQ(rec.request_evidence.support->primary_type, "SPLD");

  // No caseworker yet: the council's caseworkers and managers are told, and the family.
  EXPECT_EQ(notifications(staff.user_id), staff_before + 1);
  EXPECT_EQ(notifications(manager.user_id), manager_before + 1);
  EXPECT_EQ(notifications(parent.user_id), parent_before + 1);
  auto n = store::notifications_of_user(storage.read(), parent.user_id, 1).at(0);
  EXPECT_EQ(n.due_on, std::optional<std::string>("2027-01-06"));
  EXPECT_EQ(n.what_changed.find("Amara"), std::string::npos);

  // Written with the school's basis.
  auto rows = audit_of("case", r.case_id);
  bool requested = false;
  for (const auto& a : rows) requested = requested || (a.action == "request-assessment" && a.basis == "school_on_roll" &&
                                                       a.child_id == amara);
  EXPECT_TRUE(requested);

  // The council's view only: the school cannot read the council's record of the case this way.
  try {
    schools.for_case(senco, r.case_id, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Forbidden);
  }
}

TEST_F(SchoolsTest, TheFamilyMustKnowAndEveryAnswerIsChecked) {
  reviewed_cycle(amara);
  AssessmentRequest r = request();
  r.family_informed = false;
  try {
    schools.request_assessment(senco, amara, r, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
    EXPECT_EQ(e.field, "family_informed");
  }
  r = request();
  r.evidence_confirmed = false;
  try {
    schools.request_assessment(senco, amara, r, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field, "evidence_confirmed");
  }
  EXPECT_TRUE(store::cases_of_child(storage.read(), amara).empty());
  // A family that knows but does not agree: recorded and sent.
  r = request();
  r.family_agrees = false;
  auto made = schools.request_assessment(senco, amara, r, route);
  EXPECT_FALSE(schools.for_case(staff, made.case_id, route).request->family_agrees);
}

TEST_F(SchoolsTest, APupilWithAnOpenCaseCannotBeRequestedAgain) {
  reviewed_cycle(amara);
  auto first = schools.request_assessment(senco, amara, request(), route);
  try {
    schools.request_assessment(senco2, amara, request(), route);
    FAIL();
  } catch (const OpenCaseConflict& e) {
    EXPECT_EQ(e.kind, Error::Kind::Conflict);
    EXPECT_EQ(e.case_id, first.case_id);
  }
  EXPECT_EQ(store::cases_of_child(storage.read(), amara).size(), 1u);
  EXPECT_EQ(store::assessment_requests_of_child(storage.read(), amara).size(), 1u);

  // A case the council opened (no request recorded yet) is open too.
  auto councils = casework.open_case(staff, dev, std::nullopt, route).summary.id;
  schools.start_cycle(senco, dev, cycle("2026-04-20"), route);
  try {
    schools.request_assessment(senco, dev, request(), route);
    FAIL();
  } catch (const OpenCaseConflict& e) {
    EXPECT_EQ(e.case_id, councils);
  }
}

TEST_F(SchoolsTest, ASchoolContributesToAnAnnualReviewThatIsDue) {
  // A plan issued on 12 January 2026: the first review is due by 12 January 2027, within 12 weeks.
  std::int64_t case_id = casework.open_case(staff, amara, staff.user_id, route).summary.id;
  Event req = ev(EventType::RequestReceived, "2025-08-04");
  req.source = 1;
  for (const Event& e : {req, with_outcome(ev(EventType::DecisionToAssess, "2025-09-08"), Outcome::Assess),
                         with_outcome(ev(EventType::DecisionToIssue, "2025-11-10"), Outcome::Issue),
                         ev(EventType::DraftPlanServed, "2025-12-01"), ev(EventType::FinalPlanIssued, "2026-01-12")})
    casework.append_event(staff, case_id, e, route);
  PupilView v = schools.pupil(senco, amara, route);
  EXPECT_TRUE(v.review_open);
  int before = notifications(staff.user_id), manager_before = notifications(manager.user_id);

  std::int64_t id = schools.contribute_to_review(
      senco, amara, case_id, ReviewContribution{"Reading age up 14 months", "Reduce 1:1 to 3 sessions", "Amara is proud"},
      route);
  EXPECT_GT(id, 0);
  CaseSchoolRecord rec = schools.for_case(staff, case_id, route);
  EXPECT_FALSE(rec.request);
  ASSERT_EQ(rec.contributions.size(), 1u);
  EXPECT_EQ(rec.contributions[0].progress, "Reading age up 14 months");
  EXPECT_EQ(rec.contributions[0].changes, "Reduce 1:1 to 3 sessions");
  EXPECT_EQ(rec.contributions[0].organisation_name, "Northmoor Primary");
  EXPECT_EQ(notifications(staff.user_id), before + 1);      // the case's caseworker
  EXPECT_EQ(notifications(manager.user_id), manager_before);  // nobody else

  // Progress is required; a case of another pupil is not found through this one.
  try {
    schools.contribute_to_review(senco, amara, case_id, ReviewContribution{"", "", ""}, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field, "progress");
  }
  try {
    schools.contribute_to_review(senco, dev, case_id, ReviewContribution{"x", "", ""}, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::NotFound);
  }
  try {
    schools.contribute_to_review(other_senco, amara, case_id, ReviewContribution{"x", "", ""}, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::NotFound);
  }
}

TEST_F(SchoolsTest, NoContributionWhileTheReviewIsFarOff) {
  // A plan issued on 1 June 2026: the review is due by 1 June 2027, more than 12 weeks away.
  std::int64_t case_id = casework.open_case(staff, dev, staff.user_id, route).summary.id;
  Event req = ev(EventType::RequestReceived, "2025-12-01");
  req.source = 2;
  for (const Event& e : {req, with_outcome(ev(EventType::DecisionToAssess, "2026-01-12"), Outcome::Assess),
                         with_outcome(ev(EventType::DecisionToIssue, "2026-04-13"), Outcome::Issue),
                         ev(EventType::DraftPlanServed, "2026-04-20"), ev(EventType::FinalPlanIssued, "2026-06-01")})
    casework.append_event(staff, case_id, e, route);
  EXPECT_FALSE(schools.pupil(senco, dev, route).review_open);
  try {
    schools.contribute_to_review(senco, dev, case_id, ReviewContribution{"x", "", ""}, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Conflict);
  }
  EXPECT_TRUE(store::contributions_of_case(storage.read(), case_id).empty());
  // Once the meeting is held the case is at the review stage: the school may contribute.
  casework.append_event(staff, case_id, ev(EventType::ReviewMeeting, "2026-11-20"), route);
  EXPECT_TRUE(schools.pupil(senco, dev, route).review_open);
  schools.contribute_to_review(senco, dev, case_id, ReviewContribution{"x", "", ""}, route);
  EXPECT_EQ(store::contributions_of_case(storage.read(), case_id).size(), 1u);
}

TEST_F(SchoolsTest, ReadingAPupilIsAuditedWithTheChildAndTheSchoolsBasis) {
  schools.pupil(senco, amara, route);
  auto rows = audit_of("child", amara);
  bool read = false;
  for (const auto& a : rows) read = read || (a.action == "read" && a.basis == "school_on_roll" && a.child_id == amara &&
                                             a.user_id == senco.user_id);
  EXPECT_TRUE(read);
}

}  // namespace
}  // namespace gt::app
