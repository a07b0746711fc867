// Provision delivery use cases: the school on roll records delivery of any line of the plan in
// force, a named provider only its own line, the council any; a shortfall alerts the case's
// caseworker (and the family) once per record, without the child's name; the family sees each
// line with what was required and delivered; another school's SENCO and another provider see
// nothing (404); a family cannot record (403); corrections supersede, append-only; the threshold
// comes from the settings; the council's overview lists shortfalls. Today is 25 November 2026.
#include "app/delivery.h"

#include <gtest/gtest.h>

#include "app/services.h"
#include "app/storage.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/notifications_store.h"
#include "store/organisations_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

Date d(const char* s) { return *Date::parse(s); }
const std::string kPw = "correct horse battery";
const std::string route = "TEST";

Event ev(EventType t, const char* date, Outcome o = Outcome::None) {
  Event e;
  e.type = t;
  e.date = d(date);
  e.outcome = o;
  return e;
}

class DeliveryTest : public ::testing::Test {
 protected:
  DeliveryTest() : storage(tmp.path()), today(d("2026-11-25")), app(storage, today, ServicesSettings{}) {
    school = org("Northmoor Primary", "school", "123456");
    other_school = org("Southmoor Academy", "school", "654321");
    salt = org("Community SALT", "health", std::nullopt);
    other_salt = org("Another SALT", "health", std::nullopt);
    staff = app.accounts.create_user("cw@example.org", "Casey Worker", "caseworker", kPw);
    other_staff = app.accounts.create_user("cw2@example.org", "Cal Worker", "caseworker", kPw);
    senco = app.accounts.create_user("senco@example.org", "Sam Senco", "senco", kPw, school);
    other_senco = app.accounts.create_user("senco@south.example.org", "Sol Senco", "senco", kPw, other_school);
    therapist = app.accounts.create_user("slt@example.org", "Tia Therapist", "advice_giver", kPw, salt);
    other_therapist = app.accounts.create_user("slt@other.example.org", "Ola Therapist", "advice_giver", kPw, other_salt);
    parent = app.accounts.create_user("mum@example.org", "Mary Parent", "parent", kPw);

    child = make_child("Amara");
    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = "123456";
    p.name = "Northmoor Primary";
    p.entry_date = d("2021-09-01");
    app.casework.add_placement(staff, child, p, route);
    storage.write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = child;
      r.user_id = parent.user_id;
      r.relationship = "parent_carer";
      store::insert_family_link(db, r, staff.user_id);
    });
    case_id = app.casework.open_case(staff, child, staff.user_id, route).summary.id;
    for (auto e : {ev(EventType::RequestReceived, "2026-01-12"), ev(EventType::DecisionToAssess, "2026-02-16", Outcome::Assess),
                   ev(EventType::DecisionToIssue, "2026-05-11", Outcome::Issue)}) {
      if (e.type == EventType::RequestReceived) e.source = 1;
      app.casework.append_event(staff, case_id, e, route);
    }
    auto w = app.plans.start(staff, case_id, route);
    Plan plan = w.plan;
    auto add = [&](const char* what, const char* by, int sessions, FrequencyPer per, int minutes, std::int64_t provider) {
      PlanProvision f;
      f.id = next_element_id(plan, PlanSection::F);
      f.section = PlanSection::F;
      f.what = what;
      f.delivered_by = by;
      f.sessions = sessions;
      f.per = per;
      f.minutes = minutes;
      f.provider_organisation_id = provider;
      plan.provision.push_back(f);
      return f.id;
    };
    therapy = add("Speech and language therapy", "speech and language therapist", 2, FrequencyPer::Week, 30, salt);
    phonics = add("Small-group phonics", "trained teaching assistant", 5, FrequencyPer::Week, 20, 0);
    quiet = add("A quiet space at lunchtime", "lunchtime supervisor", 0, FrequencyPer::None, 0, 0);
    auto saved = app.plans.save(staff, case_id, w.row.revision, plan, route);
    app.plans.issue(staff, case_id, PlanKind::Draft, d("2026-06-01"), route);
    app.plans.start(staff, case_id, route);
    app.plans.issue(staff, case_id, PlanKind::Final, d("2026-06-22"), route);
    (void)saved;
  }

  std::int64_t org(const char* name, const char* kind, std::optional<std::string> urn) {
    return storage.write([&](store::Database& db) {
      return store::insert_organisation(db, store::OrganisationRow{0, name, kind, urn, std::nullopt});
    });
  }
  std::int64_t make_child(const char* given) {
    Child c;
    c.given_name = given;
    c.family_name = "Okafor";
    c.date_of_birth = d("2016-05-14");
    c.sex = "F";
    c.ethnicity = "BAFR";
    c.upn_unknown = "UN2";
    return app.casework.create_child(staff, c, route).id;
  }
  // Two school weeks, 2 to 13 November 2026: 10 school days.
  DeliveryInput input(const std::string& element, int sessions) {
    DeliveryInput in;
    in.element_id = element;
    in.from = d("2026-11-02");
    in.to = d("2026-11-13");
    in.sessions_delivered = sessions;
    in.delivered_by_role = "teaching assistant";
    return in;
  }
  std::vector<store::NotificationRow> shortfall_notices(const Actor& who) {
    std::vector<store::NotificationRow> out;
    for (auto& n : store::notifications_of_user(storage.read(), who.user_id, 100))
      if (n.kind == "delivery_shortfall") out.push_back(n);
    return out;
  }
  template <typename F>
  Error::Kind refused(F f) {
    try {
      f();
    } catch (const Error& e) {
      return e.kind;
    }
    ADD_FAILURE() << "not refused";
    return Error::Kind::BadRequest;
  }

  testing::TempDb tmp;
  Storage storage;
  Today today;
  Services app;
  std::int64_t school = 0, other_school = 0, salt = 0, other_salt = 0, child = 0, case_id = 0;
  Actor staff, other_staff, senco, other_senco, therapist, other_therapist, parent;
  std::string therapy, phonics, quiet;
};

TEST_F(DeliveryTest, TheSencoRecordsAndAShortfallAlertsTheCaseworkerOnce) {
  auto r = app.delivery.record(senco, case_id, input(phonics, 6), route);  // 10 required
  EXPECT_EQ(r.basis, "school_on_roll");
  EXPECT_EQ(r.minutes_delivered, 120);  // 6 x 20 minutes
  EXPECT_EQ(r.recorded_by_organisation_id, school);
  auto staff_notes = shortfall_notices(staff);
  ASSERT_EQ(staff_notes.size(), 1u);
  EXPECT_EQ(staff_notes[0].case_id, case_id);
  EXPECT_EQ(staff_notes[0].link, "/delivery/cases/" + std::to_string(case_id));
  EXPECT_NE(staff_notes[0].what_changed.find("6 of 10 sessions - 4 sessions (1 hour 20 minutes) short"),
            std::string::npos)
      << staff_notes[0].what_changed;
  EXPECT_EQ(staff_notes[0].what_changed.find("Amara"), std::string::npos);
  EXPECT_EQ(staff_notes[0].what_needed.find("Amara"), std::string::npos);
  EXPECT_TRUE(shortfall_notices(other_staff).empty()) << "the case has a caseworker: only they are alerted";
  auto family_notes = shortfall_notices(parent);
  ASSERT_EQ(family_notes.size(), 1u);
  EXPECT_EQ(family_notes[0].link, "/family/children/" + std::to_string(child) + "/delivery");
  for (const auto& e : store::list_emails(storage.read(), 100)) EXPECT_EQ(e.body.find("Okafor"), std::string::npos);

  // Delivery as the plan says (and exactly 80%) alerts nobody.
  app.delivery.record(senco, case_id, input(phonics, 8), route);
  app.delivery.record(senco, case_id, input(therapy, 4), route);
  EXPECT_EQ(shortfall_notices(staff).size(), 1u);
  EXPECT_EQ(shortfall_notices(parent).size(), 1u);

  storage.flush();
  bool audited = false;
  for (const auto& a : store::audit_of(storage.read(), "delivery", r.id))
    if (a.action == "record" && a.basis == "school_on_roll" && a.child_id == child)
      audited = true;
  EXPECT_TRUE(audited);
}

TEST_F(DeliveryTest, TheFamilySeesEachLineWhatWasRequiredAndTheShortfall) {
  app.delivery.record(senco, case_id, input(phonics, 6), route);
  app.delivery.record(senco, case_id, input(quiet, 3), route);
  auto views = app.delivery.for_family(parent, child, route);
  ASSERT_EQ(views.size(), 1u);
  const auto& v = views[0];
  EXPECT_EQ(v.basis, Basis::ParentalResponsibility);
  ASSERT_EQ(v.lines.size(), 3u);
  EXPECT_FALSE(v.may_record);
  EXPECT_EQ(v.shortfalls, 1);
  const DeliveryLine* ph = nullptr;
  const DeliveryLine* q = nullptr;
  for (const auto& l : v.lines) {
    if (l.line.id == phonics) ph = &l;
    if (l.line.id == quiet) q = &l;
  }
  ASSERT_TRUE(ph && q);
  ASSERT_EQ(ph->records.size(), 1u);
  EXPECT_EQ(ph->records[0].judgement.required.sessions, 10);
  EXPECT_TRUE(ph->records[0].judgement.shortfall);
  EXPECT_EQ(ph->records[0].summary, "6 of 10 sessions - 4 sessions (1 hour 20 minutes) short");
  EXPECT_NE(ph->text.find("Small-group phonics"), std::string::npos);
  ASSERT_EQ(q->records.size(), 1u);
  EXPECT_FALSE(q->records[0].judgement.shortfall) << "a line with no frequency is never short";

  EXPECT_EQ(refused([&] { app.delivery.record(parent, case_id, input(phonics, 10), route); }), Error::Kind::Forbidden);
}

TEST_F(DeliveryTest, AnotherSchoolsSencoAndAnotherProviderSeeNothing) {
  EXPECT_EQ(refused([&] { app.delivery.record(other_senco, case_id, input(phonics, 10), route); }), Error::Kind::NotFound);
  EXPECT_EQ(refused([&] { app.delivery.of_case(other_senco, case_id, route); }), Error::Kind::NotFound);
  EXPECT_EQ(refused([&] { app.delivery.record(other_therapist, case_id, input(therapy, 4), route); }),
            Error::Kind::NotFound);
  EXPECT_EQ(refused([&] { app.delivery.of_case(other_therapist, case_id, route); }), Error::Kind::NotFound);
  EXPECT_TRUE(app.delivery.my_cases(other_senco, route).empty());
  EXPECT_TRUE(app.delivery.my_cases(other_therapist, route).empty());
}

TEST_F(DeliveryTest, ANamedProviderRecordsOnlyItsOwnLine) {
  auto& db = storage.read();
  EXPECT_EQ(child_basis(db, therapist, child, today()), Basis::NamedProvider);
  EXPECT_EQ(case_basis(db, therapist, case_id, today())->basis, Basis::NamedProvider);
  auto r = app.delivery.record(therapist, case_id, input(therapy, 2), route);  // 4 required: 50%
  EXPECT_EQ(r.basis, "named_provider");
  EXPECT_EQ(shortfall_notices(staff).size(), 1u);
  EXPECT_EQ(refused([&] { app.delivery.record(therapist, case_id, input(phonics, 10), route); }), Error::Kind::Forbidden);

  auto v = app.delivery.of_case(therapist, case_id, route);
  ASSERT_EQ(v.lines.size(), 1u) << "a provider sees only its own lines";
  EXPECT_EQ(v.lines[0].line.id, therapy);
  EXPECT_TRUE(v.lines[0].may_record);
  auto mine = app.delivery.my_cases(therapist, route);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].case_id, case_id);
  EXPECT_EQ(mine[0].shortfalls, 1);

  // The school's record of its own line is not the provider's to see or correct.
  auto school_record = app.delivery.record(senco, case_id, input(phonics, 10), route);
  EXPECT_EQ(refused([&] { app.delivery.correct(therapist, case_id, school_record.id, input(phonics, 9), "typo", route); }),
            Error::Kind::NotFound);
  EXPECT_EQ(refused([&] { app.delivery.entry(therapist, case_id, school_record.id, route); }), Error::Kind::NotFound);
  // Nor may the school correct the provider's record (only the council or the provider).
  EXPECT_EQ(refused([&] { app.delivery.correct(senco, case_id, r.id, input(therapy, 4), "typo", route); }),
            Error::Kind::Forbidden);
}

TEST_F(DeliveryTest, CorrectionsSupersedeAndNothingIsLost) {
  auto first = app.delivery.record(senco, case_id, input(phonics, 6), route);
  EXPECT_EQ(refused([&] { app.delivery.correct(senco, case_id, first.id, input(phonics, 9), "  ", route); }),
            Error::Kind::Unprocessable);
  auto fixed = app.delivery.correct(senco, case_id, first.id, input(phonics, 9), "Counted one week twice", route);
  EXPECT_EQ(fixed.supersedes, first.id);
  EXPECT_EQ(fixed.correction_reason, "Counted one week twice");
  EXPECT_EQ(shortfall_notices(staff).size(), 1u) << "the corrected record meets the plan: no new alert";
  EXPECT_EQ(refused([&] { app.delivery.correct(senco, case_id, first.id, input(phonics, 10), "again", route); }),
            Error::Kind::Conflict);
  auto v = app.delivery.of_case(staff, case_id, route);
  ASSERT_EQ(v.corrected.size(), 1u);
  EXPECT_EQ(v.corrected[0].row.id, first.id);
  EXPECT_EQ(v.corrected[0].row.superseded_by, fixed.id);
  EXPECT_EQ(v.shortfalls, 0);
  // The council may correct anyone's record; a correction that still falls short alerts again.
  auto council = app.delivery.correct(other_staff, case_id, fixed.id, input(phonics, 4), "The school's register", route);
  EXPECT_EQ(council.basis, "council_staff");
  EXPECT_EQ(shortfall_notices(staff).size(), 2u);
  // The store refuses to change or delete a record.
  EXPECT_ANY_THROW(storage.write([&](store::Database& db) { db.exec("UPDATE delivery_records SET sessions_delivered = 1"); }));
  EXPECT_ANY_THROW(storage.write([&](store::Database& db) { db.exec("DELETE FROM delivery_records"); }));
}

TEST_F(DeliveryTest, InputIsCheckedAfterAuthorisationAndNamesTheField) {
  auto expect_field = [&](DeliveryInput in, const char* field) {
    try {
      app.delivery.record(senco, case_id, in, route);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
      EXPECT_EQ(e.field, field);
    }
  };
  expect_field(input("F-99", 3), "element");
  auto future = input(phonics, 3);
  future.to = d("2026-11-26");
  expect_field(future, "to");
  auto no_role = input(phonics, 3);
  no_role.delivered_by_role = " ";
  expect_field(no_role, "delivered_by_role");
  // A case with no plan in force: nothing to record against.
  auto other_case = app.casework.open_case(staff, make_child("Ben"), staff.user_id, route).summary.id;
  EXPECT_EQ(refused([&] { app.delivery.record(staff, other_case, input(phonics, 3), route); }), Error::Kind::Conflict);
  EXPECT_TRUE(store::delivery_records_of_case(storage.read(), case_id).empty());
}

TEST_F(DeliveryTest, NothingIsRequiredBeforeTheFinalPlan) {
  auto in = input(phonics, 0);
  in.from = d("2026-06-01");
  in.to = d("2026-06-19");  // the final plan was issued on 22 June
  app.delivery.record(senco, case_id, in, route);
  auto v = app.delivery.of_case(staff, case_id, route);
  EXPECT_EQ(v.shortfalls, 0);
  EXPECT_EQ(v.plan_since, d("2026-06-22"));
}

TEST_F(DeliveryTest, TheThresholdComesFromTheSettings) {
  ServicesSettings half;
  half.delivery_threshold = 0.5;
  Services lenient(storage, today, half);
  lenient.delivery.record(senco, case_id, input(phonics, 6), route);  // 60%
  EXPECT_TRUE(shortfall_notices(staff).empty());
  EXPECT_EQ(app.delivery.of_case(staff, case_id, route).shortfalls, 1) << "at the default 80% it is short";
}

TEST_F(DeliveryTest, TheCouncilOverviewListsShortfalls) {
  app.delivery.record(senco, case_id, input(phonics, 6), route);
  app.delivery.record(therapist, case_id, input(therapy, 4), route);
  auto list = app.delivery.shortfalls(staff, route);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].case_id, case_id);
  EXPECT_EQ(list[0].element_id, phonics);
  EXPECT_EQ(list[0].child_name, "Amara Okafor");
  EXPECT_EQ(list[0].caseworker_name, "Casey Worker");
  EXPECT_EQ(refused([&] { app.delivery.shortfalls(senco, route); }), Error::Kind::Forbidden);
  auto mine = app.delivery.my_cases(senco, route);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].shortfalls, 1);
}

}  // namespace
}  // namespace gt::app
