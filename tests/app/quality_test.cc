// Quality assurance use cases: the framework (default until saved; every edit a new version; an
// audit keeps its version), assigning an issued plan to an auditor (the discipline follows from
// the auditor), grading only one's own discipline, submitting (score and grade computed, then
// immutable), the health auditor's access (only the assigned child, only while open), moderation
// of two audits, and the results by period, primary need, setting, team, caseworker and
// discipline. Today is 25 November 2026.
#include "app/quality.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "app/services.h"
#include "domain/quality_framework_json.h"
#include "app/storage.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/notifications_store.h"
#include "store/organisations_store.h"
#include "store/quality_store.h"
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
  if (t == EventType::RequestReceived) e.source = 1;
  return e;
}

template <typename F>
std::optional<Error> refusal(F f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

class QualityTest : public ::testing::Test {
 protected:
  QualityTest() : storage(tmp.path()), today(d("2026-11-25")), app(storage, today, ServicesSettings{}) {
    health = org("Northmoor Children's Health", "health");
    care = org("Northmoor Children's Social Care", "social_care");
    ep = org("Northmoor EP Service", "ep_service");
    staff = app.accounts.create_user("cw@example.org", "Casey Worker", "caseworker", kPw);
    staff2 = app.accounts.create_user("cw2@example.org", "Chris Worker", "caseworker", kPw);
    manager = app.accounts.create_user("tm@example.org", "Mo Manager", "manager", kPw);
    admin = app.accounts.create_user("admin@example.org", "Ad Admin", "admin", kPw);
    analyst = app.accounts.create_user("an@example.org", "An Analyst", "analyst", kPw);
    nurse = app.accounts.create_user("nurse@example.org", "Nia Nurse", "advice_giver", kPw, health);
    other_nurse = app.accounts.create_user("nurse2@example.org", "Noor Nurse", "advice_giver", kPw, health);
    social_worker = app.accounts.create_user("sw@example.org", "Sid Worker", "advice_giver", kPw, care);
    psychologist = app.accounts.create_user("ep@example.org", "Eve Psych", "advice_giver", kPw, ep);
    parent = app.accounts.create_user("mum@example.org", "Mary Parent", "parent", kPw);

    amara = make_child("Amara", "ASD", "mainstream_la");
    amara_case = app.casework.open_case(staff, amara, staff.user_id, route).summary.id;
    amara_version = issue_plan(amara_case);
    ben = make_child("Ben", "SLCN", "special_la");
    ben_case = app.casework.open_case(staff, ben, staff2.user_id, route).summary.id;
    ben_version = issue_plan(ben_case);
  }

  std::int64_t org(const char* name, const char* kind) {
    return storage.write([&](store::Database& db) {
      return store::insert_organisation(db, store::OrganisationRow{0, name, kind, std::nullopt, std::nullopt});
    });
  }

  std::int64_t make_child(const char* given, const char* need, const char* setting) {
    Child c;
    c.given_name = given;
    c.family_name = "Okafor";
    c.date_of_birth = d("2016-05-14");
    c.sex = "F";
    c.ethnicity = "BAFR";
    c.upn_unknown = "UN2";
    auto id = app.casework.create_child(staff, c, route).id;
    app.casework.record_needs(staff, id, SenNeeds{need, ""}, route);
    Placement p;
    p.setting_type = setting;
    p.name = "Northmoor School";
    p.urn = std::string(setting) == "mainstream_la" ? "123456" : "654321";
    p.entry_date = d("2021-09-01");
    app.casework.add_placement(staff, id, p, route);
    return id;
  }

  // A plan through the real steps: decision to issue, a draft, then the final plan. Returns the
  // final version's id.
  std::int64_t issue_plan(std::int64_t case_id) {
    for (auto e : {ev(EventType::RequestReceived, "2026-01-12"), ev(EventType::DecisionToAssess, "2026-02-16", Outcome::Assess),
                   ev(EventType::DecisionToIssue, "2026-05-11", Outcome::Issue)})
      app.casework.append_event(staff, case_id, e, route);
    auto w = app.plans.start(staff, case_id, route);
    Plan plan = w.plan;
    PlanNeed n;
    n.id = next_element_id(plan, PlanSection::B);
    n.section = PlanSection::B;
    n.text = "Finds it hard to ask for help in class";
    n.sen_type = "ASD";
    n.broad_area = "communication_and_interaction";
    plan.needs.push_back(n);
    app.plans.save(staff, case_id, w.row.revision, plan, route);
    app.plans.issue(staff, case_id, PlanKind::Draft, d("2026-06-01"), route);
    app.plans.start(staff, case_id, route);
    return app.plans.issue(staff, case_id, PlanKind::Final, d("2026-06-22"), route).row.id;
  }

  // Every criterion of the discipline judged `j` (with a comment where one is needed).
  std::vector<CriterionMark> all_marks(const QualityFramework& f, Discipline disc, Judgement j) {
    std::vector<CriterionMark> out;
    for (const auto& c : f.criteria)
      if (c.discipline == disc) out.push_back({c.key, j, j == Judgement::Met || j == Judgement::NotApplicable ? "" : "Vague"});
    return out;
  }

  std::int64_t assign(std::int64_t version, const Actor& auditor) {
    return app.quality.assign(manager, AssignInput{version, auditor.user_id}, route).id;
  }

  testing::TempDb tmp;
  Storage storage;
  Today today;
  Services app;
  std::int64_t health = 0, care = 0, ep = 0;
  Actor staff, staff2, manager, admin, analyst, nurse, other_nurse, social_worker, psychologist, parent;
  std::int64_t amara = 0, amara_case = 0, amara_version = 0, ben = 0, ben_case = 0, ben_version = 0;
};

TEST_F(QualityTest, TheFrameworkIsTheDefaultUntilSavedAndEachEditIsANewVersion) {
  auto f = app.quality.framework(staff);
  EXPECT_EQ(f.version, 0);
  EXPECT_EQ(f.framework, default_quality_framework());
  EXPECT_EQ(refusal([&] { app.quality.save_framework(staff, f.framework, "", route); })->kind, Error::Kind::Forbidden);
  EXPECT_EQ(refusal([&] { app.quality.framework(nurse); })->kind, Error::Kind::Forbidden);
  EXPECT_EQ(refusal([&] { app.quality.framework(parent); })->kind, Error::Kind::Forbidden);

  QualityFramework edited = f.framework;
  edited.criteria[0].weight = 4;
  edited.boundaries.outstanding = 90;
  auto v1 = app.quality.save_framework(manager, edited, "Views count for more", route);
  EXPECT_EQ(v1.version, 1);
  EXPECT_EQ(v1.framework.criteria[0].weight, 4);
  QualityFramework again = v1.framework;
  again.criteria.push_back({next_criterion_key(again, PlanSection::F), PlanSection::F,
                            "Provision for transport is stated", "", 1, Discipline::Education});
  auto v2 = app.quality.save_framework(admin, again, "", route);
  EXPECT_EQ(v2.version, 2);
  EXPECT_EQ(app.quality.framework(staff).version, 2);
  // Version 1 is unchanged.
  EXPECT_EQ(app.quality.framework_version(staff, 1).framework, v1.framework);
  EXPECT_EQ(app.quality.framework_versions(manager).size(), 2u);
  EXPECT_EQ(refusal([&] { app.quality.framework_version(staff, 7); })->kind, Error::Kind::NotFound);

  // A bad edit names its field and saves nothing.
  QualityFramework bad = again;
  bad.criteria[2].weight = 9;
  auto e = refusal([&] { app.quality.save_framework(manager, bad, "", route); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->kind, Error::Kind::Unprocessable);
  EXPECT_EQ(e->field, bad.criteria[2].key + ".weight");
  EXPECT_EQ(app.quality.framework_versions(manager).size(), 2u);
  // The schema refuses any change to a saved version.
  EXPECT_THROW(storage.write([&](store::Database& db) { db.exec("UPDATE quality_frameworks SET note = 'x'"); }),
               store::StoreError);
}

TEST_F(QualityTest, AManagerAssignsAnIssuedPlanAndTheDisciplineFollowsTheAuditor) {
  EXPECT_EQ(refusal([&] { app.quality.assign(staff, AssignInput{amara_version, staff2.user_id}, route); })->kind,
            Error::Kind::Forbidden);
  auto candidates = app.quality.candidates(manager, route);
  ASSERT_EQ(candidates.size(), 2u);
  auto auditors = app.quality.auditors(manager);
  std::set<std::int64_t> ids;
  for (const auto& a : auditors) ids.insert(a.user_id);
  EXPECT_TRUE(ids.count(staff.user_id) && ids.count(manager.user_id) && ids.count(nurse.user_id) &&
              ids.count(social_worker.user_id));
  EXPECT_FALSE(ids.count(psychologist.user_id) || ids.count(parent.user_id) || ids.count(admin.user_id));

  auto education = app.quality.assign(manager, AssignInput{amara_version, staff2.user_id}, route);
  EXPECT_EQ(education.discipline, "education");
  EXPECT_EQ(education.status, "open");
  EXPECT_EQ(education.framework_version, 1);  // the default, stored on first use
  auto h = app.quality.assign(manager, AssignInput{amara_version, nurse.user_id}, route);
  EXPECT_EQ(h.discipline, "health");
  auto c = app.quality.assign(manager, AssignInput{amara_version, social_worker.user_id}, route);
  EXPECT_EQ(c.discipline, "social_care");

  auto e = refusal([&] { app.quality.assign(manager, AssignInput{amara_version, nurse.user_id}, route); });
  EXPECT_EQ(e->kind, Error::Kind::Conflict);
  EXPECT_EQ(e->field, "auditor_id");
  e = refusal([&] { app.quality.assign(manager, AssignInput{amara_version, psychologist.user_id}, route); });
  EXPECT_EQ(e->kind, Error::Kind::Unprocessable);
  EXPECT_EQ(e->field, "auditor_id");
  e = refusal([&] { app.quality.assign(manager, AssignInput{999, nurse.user_id}, route); });
  EXPECT_EQ(e->field, "version_id");
  // A draft is not audited: only issued final and amended plans.
  auto draft = store::issued_versions(storage.read(), store::plan_of_case(storage.read(), amara_case)->id).back();
  ASSERT_EQ(draft.kind, "draft");
  e = refusal([&] { app.quality.assign(manager, AssignInput{draft.id, nurse.user_id}, route); });
  EXPECT_EQ(e->field, "version_id");

  // The auditor is told, without the child's name.
  bool told = false;
  for (const auto& n : store::notifications_of_user(storage.read(), nurse.user_id, 10))
    if (n.kind == "quality_audit_assigned") {
      told = true;
      EXPECT_EQ(n.what_changed.find("Amara"), std::string::npos);
    }
  EXPECT_TRUE(told);
}

TEST_F(QualityTest, GradingSubmittingAndThenNothingChanges) {
  auto id = assign(amara_version, staff2);
  auto v = app.quality.audit(staff2, id, route);
  EXPECT_TRUE(v.may_grade);
  ASSERT_TRUE(v.plan);
  EXPECT_EQ(v.plan->row.id, amara_version);
  // Someone else may look but not grade.
  auto look = app.quality.audit(staff, id, route);
  EXPECT_FALSE(look.may_grade);
  EXPECT_EQ(refusal([&] { app.quality.save_marks(staff, id, {}, route); })->kind, Error::Kind::Forbidden);

  // A partial grading is kept; a health criterion is not the education auditor's to grade.
  auto saved = app.quality.save_marks(staff2, id, {{"B-1", Judgement::Met, ""}}, route);
  EXPECT_EQ(saved.marks.size(), 1u);
  auto e = refusal([&] { app.quality.save_marks(staff2, id, {{"C-1", Judgement::Met, ""}}, route); });
  EXPECT_EQ(e->field, "C-1.judgement");
  e = refusal([&] { app.quality.save_marks(staff2, id, {{"B-1", Judgement::NotMet, ""}}, route); });
  EXPECT_EQ(e->field, "B-1.comment");
  // Submitting needs every education criterion.
  e = refusal([&] { app.quality.submit(staff2, id, {{"B-1", Judgement::Met, ""}}, route); });
  EXPECT_EQ(e->kind, Error::Kind::Unprocessable);
  EXPECT_EQ(e->field, "A-1.judgement");
  // Nothing applicable: no grade, refused.
  e = refusal([&] {
    app.quality.submit(staff2, id, all_marks(v.framework, Discipline::Education, Judgement::NotApplicable), route);
  });
  EXPECT_EQ(e->kind, Error::Kind::Unprocessable);

  // All met but F-1 and F-2 not met: the grade is computed from the weights.
  auto marks = all_marks(v.framework, Discipline::Education, Judgement::Met);
  for (auto& m : marks)
    if (m.key == "F-1" || m.key == "F-2") {
      m.judgement = Judgement::NotMet;
      m.comment = "No frequency";
    }
  auto expected = score_audit(v.framework, marks);
  auto done = app.quality.submit(staff2, id, marks, route);
  EXPECT_EQ(done.audit.status, "submitted");
  EXPECT_EQ(done.audit.points, expected.points);
  EXPECT_EQ(done.audit.possible, expected.possible);
  EXPECT_EQ(done.audit.grade, std::string(grade_name(*expected.grade)));
  EXPECT_EQ(done.audit.submitted_on, "2026-11-25");
  EXPECT_FALSE(done.may_grade);
  // 12 points lost of the possible: (3 + 3) * 2.
  EXPECT_EQ(expected.possible - expected.points, 12);

  EXPECT_EQ(refusal([&] { app.quality.submit(staff2, id, marks, route); })->kind, Error::Kind::Conflict);
  EXPECT_EQ(refusal([&] { app.quality.save_marks(staff2, id, marks, route); })->kind, Error::Kind::Conflict);
  // The schema refuses too.
  EXPECT_THROW(storage.write([&](store::Database& db) { store::replace_marks(db, id, {}); }), store::StoreError);
  EXPECT_THROW(storage.write([&](store::Database& db) {
                 db.exec("UPDATE quality_audits SET grade = 'outstanding' WHERE id = " + std::to_string(id));
               }),
               store::StoreError);
  // Every write was audited.
  storage.flush();
  int grades = 0, submits = 0;
  for (const auto& r : store::audit_of(storage.read(), "quality_audit", id)) {
    if (r.subject == "quality_audit" && r.action == "grade") ++grades;
    if (r.subject == "quality_audit" && r.action == "submit") ++submits;
  }
  EXPECT_EQ(grades, 1);
  EXPECT_EQ(submits, 1);
}

TEST_F(QualityTest, AHealthAuditorSeesOnlyTheAssignedPlanAndOnlyWhileTheAuditIsOpen) {
  auto& db = storage.read();
  EXPECT_EQ(child_basis(db, nurse, amara, today()), std::nullopt);
  auto id = assign(amara_version, nurse);
  EXPECT_EQ(child_basis(db, nurse, amara, today()), Basis::QualityAudit);
  EXPECT_EQ(child_basis(db, nurse, ben, today()), std::nullopt);
  EXPECT_EQ(child_basis(db, other_nurse, amara, today()), std::nullopt);
  EXPECT_EQ(case_basis(db, nurse, amara_case, today())->basis, Basis::QualityAudit);
  EXPECT_EQ(case_basis(db, nurse, ben_case, today()), std::nullopt);

  auto v = app.quality.audit(nurse, id, route);
  EXPECT_EQ(v.basis, Basis::QualityAudit);
  EXPECT_EQ(v.discipline, Discipline::Health);
  ASSERT_TRUE(v.plan);
  EXPECT_EQ(app.plans.version(nurse, amara_version, route).row.id, amara_version);
  EXPECT_EQ(refusal([&] { app.plans.version(nurse, ben_version, route); })->kind, Error::Kind::NotFound);
  // Only the version assigned: the same child's draft is not theirs to read.
  auto draft = store::issued_versions(db, store::plan_of_case(db, amara_case)->id).back();
  ASSERT_EQ(draft.kind, "draft");
  EXPECT_EQ(refusal([&] { app.plans.version(nurse, draft.id, route); })->kind, Error::Kind::NotFound);
  EXPECT_EQ(app.plans.version(manager, draft.id, route).row.id, draft.id);
  EXPECT_EQ(refusal([&] { app.quality.audit(other_nurse, id, route); })->kind, Error::Kind::NotFound);
  // The basis gives the plan, not the casework.
  EXPECT_EQ(refusal([&] { app.casework.child(nurse, amara, route); })->kind, Error::Kind::Forbidden);
  EXPECT_EQ(app.quality.my_audits(nurse, route).size(), 1u);
  EXPECT_TRUE(app.quality.my_audits(other_nurse, route).empty());
  // Only health criteria: an education one is refused.
  EXPECT_EQ(refusal([&] { app.quality.save_marks(nurse, id, {{"B-1", Judgement::Met, ""}}, route); })->field,
            "B-1.judgement");

  auto done = app.quality.submit(nurse, id, all_marks(v.framework, Discipline::Health, Judgement::Met), route);
  EXPECT_EQ(done.audit.grade, "outstanding");
  // Submitted: the auditor no longer sees the child, the plan or the audit.
  EXPECT_EQ(child_basis(db, nurse, amara, today()), std::nullopt);
  EXPECT_EQ(refusal([&] { app.plans.version(nurse, amara_version, route); })->kind, Error::Kind::NotFound);
  EXPECT_EQ(refusal([&] { app.quality.audit(nurse, id, route); })->kind, Error::Kind::NotFound);
  EXPECT_TRUE(app.quality.my_audits(nurse, route).empty());
  // The council still does.
  EXPECT_EQ(app.quality.audit(manager, id, route).audit.grade, "outstanding");
  // Reads were audited on the quality_audit basis.
  storage.flush();
  bool audited = false;
  for (const auto& r : store::audit_of(storage.read(), "quality_audit", id))
    if (r.user_id == nurse.user_id && r.action == "read")
      audited = r.basis == "quality_audit";
  EXPECT_TRUE(audited);
}

TEST_F(QualityTest, ModerationComparesTwoAuditsAndAManagerRecordsTheAgreedGrade) {
  auto first = assign(amara_version, staff);
  // The framework changes between the two assignments: the second audit keeps the first's version.
  QualityFramework edited = app.quality.framework(manager).framework;
  edited.criteria[0].weight = 5;
  app.quality.save_framework(manager, edited, "", route);
  auto second = assign(amara_version, staff2);
  auto a = app.quality.audit(staff, first, route);
  auto b = app.quality.audit(staff2, second, route);
  EXPECT_EQ(a.audit.framework_id, b.audit.framework_id);
  EXPECT_EQ(b.audit.framework_version, 1);

  auto m1 = all_marks(a.framework, Discipline::Education, Judgement::Met);
  auto m2 = m1;
  for (auto& m : m2)
    if (m.key == "E-1" || m.key == "F-1") {
      m.judgement = Judgement::Partly;
      m.comment = "No time frame";
    }
  app.quality.submit(staff, first, m1, route);
  EXPECT_EQ(app.quality.to_moderate(staff, route).size(), 0u);
  app.quality.submit(staff2, second, m2, route);
  ASSERT_EQ(app.quality.to_moderate(staff, route).size(), 1u);

  // A health audit of the same plan, submitted in between, is not paired by default with an education one.
  auto health_audit = assign(amara_version, nurse);
  app.quality.submit(nurse, health_audit, all_marks(a.framework, Discipline::Health, Judgement::Met), route);
  auto view = app.quality.moderation(staff, amara_version, std::nullopt, std::nullopt, route);
  ASSERT_TRUE(view.first && view.second);
  EXPECT_EQ(view.first->id, first);
  EXPECT_EQ(view.second->id, second);
  ASSERT_EQ(view.comparison.differences.size(), 2u);
  EXPECT_EQ(view.comparison.differences[0].key, "E-1");
  EXPECT_EQ(view.comparison.differences[1].key, "F-1");
  EXPECT_EQ(view.comparison.first.grade, Grade::Outstanding);
  EXPECT_FALSE(view.may_moderate);  // a caseworker compares; a team manager records
  EXPECT_TRUE(app.quality.moderation(manager, amara_version, second, first, route).may_moderate);
  EXPECT_EQ(refusal([&] { app.quality.moderation(staff, amara_version, first, 999, route); })->kind,
            Error::Kind::NotFound);
  EXPECT_EQ(refusal([&] { app.quality.moderation(nurse, amara_version, std::nullopt, std::nullopt, route); })->kind,
            Error::Kind::Forbidden);

  EXPECT_EQ(refusal([&] { app.quality.moderate(staff, amara_version, first, second, Grade::Good, "Agreed", route); })
                ->kind,
            Error::Kind::Forbidden);
  EXPECT_EQ(refusal([&] { app.quality.moderate(manager, amara_version, first, second, Grade::Good, " ", route); })
                ->field,
            "note");
  EXPECT_EQ(refusal([&] { app.quality.moderate(manager, ben_version, first, second, Grade::Good, "x", route); })
                ->field,
            "audits");
  auto rec = app.quality.moderate(manager, amara_version, second, first, Grade::Good, "Outcomes need dates", route);
  EXPECT_EQ(rec.first_audit_id, first);
  EXPECT_EQ(rec.agreed_grade, "good");
  EXPECT_EQ(refusal([&] { app.quality.moderate(manager, amara_version, first, second, Grade::Good, "x", route); })
                ->kind,
            Error::Kind::Conflict);
  auto after = app.quality.moderation(manager, amara_version, std::nullopt, std::nullopt, route);
  ASSERT_TRUE(after.recorded);
  EXPECT_EQ(after.recorded->note, "Outcomes need dates");
  EXPECT_FALSE(after.may_moderate);
}

TEST_F(QualityTest, ResultsByPeriodNeedSettingTeamCaseworkerAndDiscipline) {
  app.quality.set_team(manager, staff.user_id, "North team", route);
  app.quality.set_team(admin, staff2.user_id, "South team", route);
  EXPECT_EQ(refusal([&] { app.quality.set_team(staff, staff.user_id, "Mine", route); })->kind, Error::Kind::Forbidden);
  EXPECT_EQ(refusal([&] { app.quality.set_team(manager, parent.user_id, "Family", route); })->field, "user_id");
  EXPECT_EQ(app.quality.teams(manager).size(), 3u);

  // Amara (ASD, mainstream, Casey's North team): outstanding today and, from October, inadequate.
  auto a1 = assign(amara_version, staff2);
  auto fw = app.quality.audit(staff2, a1, route).framework;
  app.quality.submit(staff2, a1, all_marks(fw, Discipline::Education, Judgement::Met), route);
  Today october(d("2026-10-15"));
  Services past(storage, october, ServicesSettings{});
  auto a2 = assign(amara_version, manager);
  past.quality.submit(manager, a2, all_marks(fw, Discipline::Education, Judgement::NotMet), route);
  // Ben (SLCN, special school, Chris's South team): a health audit, requires improvement.
  auto a3 = assign(ben_version, nurse);
  auto health_marks = all_marks(fw, Discipline::Health, Judgement::Partly);
  app.quality.submit(nurse, a3, health_marks, route);
  // An open audit counts for nothing.
  assign(ben_version, staff);

  auto all = app.quality.results(manager, d("2026-09-01"), d("2026-11-30"), ResultsBy::Month, route);
  EXPECT_EQ(all.overall.audits, 3);
  EXPECT_EQ(all.overall.by_grade[0], 1);  // outstanding
  EXPECT_EQ(all.overall.by_grade[2], 1);  // requires improvement (all partly = 50%)
  EXPECT_EQ(all.overall.by_grade[3], 1);  // inadequate
  EXPECT_NEAR(*all.overall.mean_percent(), 50.0, 1e-9);  // (100 + 0 + 50) / 3
  ASSERT_EQ(all.groups.size(), 2u);
  EXPECT_EQ(all.groups[0].label, "October 2026");
  EXPECT_EQ(all.groups[0].tally.audits, 1);
  EXPECT_EQ(all.groups[1].label, "November 2026");
  EXPECT_EQ(all.groups[1].tally.audits, 2);

  // The period filters.
  EXPECT_EQ(app.quality.results(manager, d("2026-11-01"), d("2026-11-30"), ResultsBy::Month, route).overall.audits, 2);
  EXPECT_EQ(refusal([&] { app.quality.results(manager, d("2026-11-30"), d("2026-11-01"), ResultsBy::Month, route); })
                ->field,
            "to");

  auto label_counts = [&](ResultsBy by) {
    std::map<std::string, int> out;
    for (const auto& g : app.quality.results(staff, d("2026-09-01"), d("2026-11-30"), by, route).groups)
      out[g.label] = g.tally.audits;
    return out;
  };
  auto need = label_counts(ResultsBy::PrimaryNeed);
  EXPECT_EQ(need.size(), 2u);
  int asd = 0;
  for (const auto& [label, n] : need)
    if (label.find("(ASD)") != std::string::npos) asd = n;
  EXPECT_EQ(asd, 2);
  EXPECT_EQ(label_counts(ResultsBy::Team), (std::map<std::string, int>{{"North team", 2}, {"South team", 1}}));
  EXPECT_EQ(label_counts(ResultsBy::Caseworker), (std::map<std::string, int>{{"Casey Worker", 2}, {"Chris Worker", 1}}));
  EXPECT_EQ(label_counts(ResultsBy::Discipline), (std::map<std::string, int>{{"Education", 2}, {"Health", 1}}));
  auto setting = label_counts(ResultsBy::Setting);
  EXPECT_EQ(setting.size(), 2u);

  // Analysts see the same counts, flagged for suppression; families and auditors nothing.
  auto an = app.quality.results(analyst, d("2026-09-01"), d("2026-11-30"), ResultsBy::Team, route);
  EXPECT_TRUE(an.suppress_small);
  EXPECT_FALSE(all.suppress_small);
  EXPECT_EQ(refusal([&] { app.quality.results(parent, d("2026-09-01"), d("2026-11-30"), ResultsBy::Team, route); })->kind,
            Error::Kind::Forbidden);
  EXPECT_EQ(refusal([&] { app.quality.results(nurse, d("2026-09-01"), d("2026-11-30"), ResultsBy::Team, route); })->kind,
            Error::Kind::Forbidden);
}

}  // namespace
}  // namespace gt::app
