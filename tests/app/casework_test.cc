// Casework use cases: a case driven from request to final plan and through a review with
// amendments; every refused write leaves nothing behind; corrections supersede, never overwrite;
// reads and writes of a child's record are audited.
#include "app/casework.h"

#include <gtest/gtest.h>

#include "app/accounts.h"
#include "app/storage.h"
#include "store/audit_store.h"
#include "store/cases_store.h"
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

class CaseworkTest : public ::testing::Test {
 protected:
  CaseworkTest() : storage(tmp.path()), today(d("2026-11-25")), casework(storage, today), accounts(storage) {
    actor = accounts.create_user("cw@example.org", "Casey Worker", "caseworker", "correct horse battery");
  }

  Child valid_child() {
    Child c;
    c.given_name = "Amara";
    c.family_name = "Okafor";
    c.date_of_birth = d("2016-05-14");
    c.sex = "F";
    c.ethnicity = "BAFR";
    c.postcode = "nm1 4ab";
    c.upn = "B801200005001";
    return c;
  }

  std::int64_t audit_rows() {
    storage.flush();
    return store::audit_count(storage.read());
  }
  std::int64_t event_rows(std::int64_t case_id) { return store::events_of_case(storage.read(), case_id).size(); }

  const std::string route = "TEST";
  gt::testing::TempDb tmp;
  Storage storage;
  Today today;
  Casework casework;
  Accounts accounts;
  Actor actor;
};

TEST_F(CaseworkTest, CreatesAChildWithNormalisedIdentifiers) {
  Child c = casework.create_child(actor, valid_child(), route);
  EXPECT_GT(c.id, 0);
  EXPECT_EQ(c.postcode, "NM1 4AB");
  auto rec = casework.child(actor, c.id, route);
  EXPECT_EQ(rec.child.family_name, "Okafor");
  EXPECT_EQ(rec.child.upn, "B801200005001");
}

TEST_F(CaseworkTest, RefusesAMalformedUpnNamingTheFieldAndWritesNothing) {
  Child c = valid_child();
  c.upn = "B801200005002";
  auto before = audit_rows();
  try {
    casework.create_child(actor, c, route);
    FAIL() << "expected a refusal";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
    EXPECT_EQ(e.field, "upn");
  }
  EXPECT_EQ(casework.search_children(actor, ChildQuery{"Okafor"}, route).total, 0);
  EXPECT_EQ(audit_rows(), before + 1);  // only the search
}

TEST_F(CaseworkTest, DuplicateUpnIsAConflict) {
  casework.create_child(actor, valid_child(), route);
  try {
    casework.create_child(actor, valid_child(), route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Conflict);
  }
}

TEST_F(CaseworkTest, DrivesACaseFromRequestToFinalPlanAndThroughAReviewWithAmendments) {
  Child c = casework.create_child(actor, valid_child(), route);
  CaseView v = casework.open_case(actor, c.id, actor.user_id, route);
  std::int64_t id = v.summary.id;
  EXPECT_EQ(v.stage, Stage::None);

  Event req = ev(EventType::RequestReceived, "2025-01-06");
  req.source = 2;
  casework.append_event(actor, id, req, route);
  auto row = store::find_case(storage.read(), id);
  EXPECT_EQ(row->stage, "request");
  EXPECT_EQ(row->next_due, "2025-02-17");  // A1: 6 Jan 2025 + 42 days
  EXPECT_EQ(row->next_rule, "A1");

  casework.append_event(actor, id, with_outcome(ev(EventType::DecisionToAssess, "2025-02-14"), Outcome::Assess), route);
  Event adv = ev(EventType::AdviceRequested, "2025-02-17");
  adv.advice_from = AdviceFrom::EducationalPsychology;
  adv.id = "ep-1";
  casework.append_event(actor, id, adv, route);
  Event got = ev(EventType::AdviceReceived, "2025-03-28");
  got.id = "ep-1";
  casework.append_event(actor, id, got, route);
  casework.append_event(actor, id, with_outcome(ev(EventType::DecisionToIssue, "2025-04-10"), Outcome::Issue), route);
  casework.append_event(actor, id, ev(EventType::DraftPlanServed, "2025-04-14"), route);
  row = store::find_case(storage.read(), id);
  EXPECT_EQ(row->stage, "drafting");
  EXPECT_EQ(row->next_due, "2025-05-26");  // A6: 6 Jan 2025 + 140 days
  EXPECT_EQ(row->next_rule, "A6");

  casework.append_event(actor, id, ev(EventType::FinalPlanIssued, "2025-05-20"), route);
  v = casework.case_view(actor, id, route);
  EXPECT_EQ(v.stage, Stage::Plan);
  ASSERT_TRUE(v.clock.within_20_weeks.has_value());
  EXPECT_TRUE(*v.clock.within_20_weeks);
  row = store::find_case(storage.read(), id);
  EXPECT_EQ(row->next_due, "2026-05-20");  // R1: 12 months after the plan
  EXPECT_EQ(row->next_rule, "R1");

  casework.append_event(actor, id, ev(EventType::ReviewMeeting, "2026-04-30"), route);
  casework.append_event(actor, id, ev(EventType::ReviewReport, "2026-05-08"), route);
  casework.append_event(actor, id, with_outcome(ev(EventType::ReviewDecision, "2026-05-21"), Outcome::Amend), route);
  casework.append_event(actor, id, ev(EventType::AmendmentsProposed, "2026-05-21"), route);
  row = store::find_case(storage.read(), id);
  EXPECT_EQ(row->stage, "amendment");
  // M2: amendments 21 May + 8 weeks = 16 Jul; M4: meeting 30 Apr + 12 weeks = 23 Jul. The earlier leads.
  EXPECT_EQ(row->next_due, "2026-07-16");
  EXPECT_EQ(row->next_rule, "M2");
  casework.append_event(actor, id, ev(EventType::AmendedPlanIssued, "2026-07-10"), route);
  v = casework.case_view(actor, id, route);
  EXPECT_EQ(v.stage, Stage::Plan);
  for (const auto& dl : v.clock.deadlines) {
    if (dl.rule == "M2" || dl.rule == "M4" || dl.rule == "R6" || dl.rule == "R7") {
      EXPECT_EQ(dl.status, DeadlineStatus::Met) << dl.rule;
    }
  }
  row = store::find_case(storage.read(), id);
  EXPECT_EQ(row->next_due, "2027-05-21");  // R2: 12 months after the review decision
  EXPECT_EQ(row->event_count, 12);
}

TEST_F(CaseworkTest, AnImpossibleEventIsRefusedWithItsRuleAndWritesNothing) {
  Child c = casework.create_child(actor, valid_child(), route);
  auto id = casework.open_case(actor, c.id, std::nullopt, route).summary.id;
  Event req = ev(EventType::RequestReceived, "2026-10-01");
  req.source = 1;
  casework.append_event(actor, id, req, route);
  auto audit_before = audit_rows();

  // A final plan before any decision to issue.
  try {
    casework.append_event(actor, id, ev(EventType::FinalPlanIssued, "2026-10-20"), route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
    EXPECT_FALSE(e.reason.empty());
  }
  // A date after today.
  EXPECT_THROW(casework.append_event(
                   actor, id, with_outcome(ev(EventType::DecisionToAssess, "2026-11-26"), Outcome::Assess), route),
               Error);
  // A date before the request.
  EXPECT_THROW(casework.append_event(
                   actor, id, with_outcome(ev(EventType::DecisionToAssess, "2026-09-30"), Outcome::Assess), route),
               Error);
  // A second request while one is open.
  Event again = ev(EventType::RequestReceived, "2026-10-05");
  again.source = 1;
  EXPECT_THROW(casework.append_event(actor, id, again, route), Error);
  // Missing required field.
  EXPECT_THROW(casework.append_event(actor, id, ev(EventType::DecisionToAssess, "2026-10-05"), route), Error);

  EXPECT_EQ(event_rows(id), 1);
  EXPECT_EQ(audit_rows(), audit_before);
  EXPECT_EQ(store::find_case(storage.read(), id)->stage, "request");
}

TEST_F(CaseworkTest, ALateRecordedEarlierEventIsPlacedInDateOrder) {
  Child c = casework.create_child(actor, valid_child(), route);
  auto id = casework.open_case(actor, c.id, std::nullopt, route).summary.id;
  Event req = ev(EventType::RequestReceived, "2026-09-01");
  req.source = 2;
  casework.append_event(actor, id, req, route);
  casework.append_event(actor, id, with_outcome(ev(EventType::DecisionToAssess, "2026-10-01"), Outcome::Assess), route);
  Event adv = ev(EventType::AdviceRequested, "2026-10-20");
  adv.advice_from = AdviceFrom::Health;
  adv.id = "health-1";
  casework.append_event(actor, id, adv, route);
  Event adv2 = ev(EventType::AdviceRequested, "2026-10-05");  // recorded late, dated earlier
  adv2.advice_from = AdviceFrom::Education;
  adv2.id = "school-1";
  casework.append_event(actor, id, adv2, route);
  auto v = casework.case_view(actor, id, route);
  ASSERT_EQ(v.chronology.size(), 4u);
  EXPECT_EQ(v.chronology[2].id, "school-1");
  EXPECT_EQ(v.chronology[3].id, "health-1");
}

TEST_F(CaseworkTest, CorrectionsSupersedeAndKeepHistory) {
  Child c = casework.create_child(actor, valid_child(), route);
  auto id = casework.open_case(actor, c.id, std::nullopt, route).summary.id;
  Event req = ev(EventType::RequestReceived, "2026-09-01");
  req.source = 2;
  auto first = casework.append_event(actor, id, req, route);

  Event fixed = req;
  fixed.date = d("2026-09-03");
  auto corr = casework.supersede_event(actor, id, first.id, "date keyed wrongly", fixed, route);
  auto v = casework.case_view(actor, id, route);
  ASSERT_EQ(v.history.size(), 2u);
  EXPECT_EQ(v.history[0].superseded_by, corr.id);
  ASSERT_EQ(v.chronology.size(), 1u);
  EXPECT_EQ(v.chronology[0].date, d("2026-09-03"));
  EXPECT_EQ(store::find_case(storage.read(), id)->next_due, "2026-10-15");  // A1 from 3 Sep

  // Correcting the same entry twice is a conflict; the correction itself may be corrected.
  try {
    casework.supersede_event(actor, id, first.id, "again", fixed, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Conflict);
  }
  // A correction with no reason is refused.
  EXPECT_THROW(casework.supersede_event(actor, id, corr.id, "", std::nullopt, route), Error);
  // Striking out the request leaves an empty chronology.
  casework.supersede_event(actor, id, corr.id, "entered on the wrong child's case", std::nullopt, route);
  v = casework.case_view(actor, id, route);
  EXPECT_TRUE(v.chronology.empty());
  EXPECT_EQ(v.history.size(), 3u);
  EXPECT_FALSE(store::find_case(storage.read(), id)->next_due.has_value());
}

TEST_F(CaseworkTest, ACorrectionThatWouldBreakALaterEventIsRefused) {
  Child c = casework.create_child(actor, valid_child(), route);
  auto id = casework.open_case(actor, c.id, std::nullopt, route).summary.id;
  Event req = ev(EventType::RequestReceived, "2026-09-01");
  req.source = 2;
  auto first = casework.append_event(actor, id, req, route);
  casework.append_event(actor, id, with_outcome(ev(EventType::DecisionToAssess, "2026-10-01"), Outcome::Assess), route);
  Event moved = req;
  moved.date = d("2026-10-10");  // after the decision it started
  EXPECT_THROW(casework.supersede_event(actor, id, first.id, "typo", moved, route), Error);
  EXPECT_EQ(event_rows(id), 2);
}

TEST_F(CaseworkTest, ReadsAndWritesAreAudited) {
  auto before = audit_rows();
  Child c = casework.create_child(actor, valid_child(), route);
  casework.child(actor, c.id, "GET /children/{id}");
  auto id = casework.open_case(actor, c.id, std::nullopt, route).summary.id;
  storage.flush();
  auto rows = store::audit_of(storage.read(), "child", c.id);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].action, "create");
  EXPECT_EQ(rows[1].action, "read");
  EXPECT_EQ(rows[1].route, "GET /children/{id}");
  EXPECT_EQ(rows[1].user_id, actor.user_id);
  EXPECT_EQ(store::audit_of(storage.read(), "case", id).size(), 2u);  // create + the view open_case returns
  EXPECT_EQ(audit_rows(), before + 4);
}

TEST_F(CaseworkTest, OnlyOneOpenCasePerChild) {
  Child c = casework.create_child(actor, valid_child(), route);
  casework.open_case(actor, c.id, std::nullopt, route);
  try {
    casework.open_case(actor, c.id, std::nullopt, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Conflict);
  }
}

TEST_F(CaseworkTest, CaseloadFiltersOverdueAndDueWithin) {
  auto make_case = [&](const char* upn, const char* request_date) {
    Child c = valid_child();
    c.upn = upn;
    c = casework.create_child(actor, c, route);
    auto id = casework.open_case(actor, c.id, actor.user_id, route).summary.id;
    Event req = ev(EventType::RequestReceived, request_date);
    req.source = 1;
    casework.append_event(actor, id, req, route);
    return id;
  };
  auto overdue = make_case("B801200005001", "2026-10-01");  // A1 due 12 Nov: overdue
  auto soon = make_case("C82312345600A", "2026-10-20");     // A1 due 1 Dec: within 14 days
  auto later = make_case("R823123456001", "2026-11-20");    // A1 due 1 Jan 2027

  CaseloadFilter f;
  f.overdue = true;
  auto p = casework.caseload(actor, f, route);
  ASSERT_EQ(p.total, 1);
  EXPECT_EQ(p.cases[0].id, overdue);

  CaseloadFilter w;
  w.due_within = 14;
  p = casework.caseload(actor, w, route);
  ASSERT_EQ(p.total, 1);
  EXPECT_EQ(p.cases[0].id, soon);

  CaseloadFilter all;
  p = casework.caseload(actor, all, route);
  ASSERT_EQ(p.total, 3);
  EXPECT_EQ(p.cases[2].id, later);

  auto summary = casework.caseload_summary(actor, std::nullopt);
  EXPECT_EQ(summary.overdue, 1);
  EXPECT_EQ(summary.due_this_week, 1);  // 1 Dec is within 25 Nov to 1 Dec
}

TEST_F(CaseworkTest, UnknownIdsAreNotFound) {
  try {
    casework.case_view(actor, 999, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::NotFound);
  }
  EXPECT_THROW(casework.child(actor, 999, route), Error);
  EXPECT_THROW(casework.open_case(actor, 999, std::nullopt, route), Error);
}

TEST(Accounts, SignInChecksTheArgon2idHashAndIssuesAFreshSession) {
  gt::testing::TempDb tmp;
  Storage storage(tmp.path());
  Accounts accounts(storage);
  accounts.create_user("a@example.org", "A", "caseworker", "long enough password");
  EXPECT_FALSE(accounts.sign_in("a@example.org", "wrong password!"));
  EXPECT_FALSE(accounts.sign_in("nobody@example.org", "long enough password"));
  auto s1 = accounts.sign_in("A@example.org", "long enough password");  // email is case-insensitive
  auto s2 = accounts.sign_in("a@example.org", "long enough password");
  ASSERT_TRUE(s1 && s2);
  EXPECT_NE(s1->token, s2->token);
  EXPECT_EQ(s1->token.size(), 64u);
  auto found = accounts.session(s1->token);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->actor.email, "a@example.org");
  EXPECT_EQ(found->csrf, s1->csrf);
  accounts.sign_out(s1->token);
  EXPECT_FALSE(accounts.session(s1->token));
  EXPECT_TRUE(accounts.session(s2->token));
  EXPECT_FALSE(accounts.session("not-a-token"));
}

TEST(Accounts, RefusesShortPasswordsAndDuplicateEmails) {
  gt::testing::TempDb tmp;
  Storage storage(tmp.path());
  Accounts accounts(storage);
  try {
    accounts.create_user("a@example.org", "A", "caseworker", "short");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field, "password");
  }
  accounts.create_user("a@example.org", "A", "caseworker", "long enough password");
  try {
    accounts.create_user("a@example.org", "B", "caseworker", "long enough password");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Conflict);
  }
}

}  // namespace
}  // namespace gt::app

namespace gt::app {
namespace {

TEST_F(CaseworkTest, NeedsAndPlacementsAreRecordedAuditedAndShownOnTheRecord) {
  Child c = casework.create_child(actor, valid_child(), route);
  casework.record_needs(actor, c.id, SenNeeds{"slcn", ""}, route);
  casework.record_needs(actor, c.id, SenNeeds{"ASD", "SLCN"}, route);
  Placement p;
  p.setting_type = "mainstream_la";
  p.urn = "199001";
  p.name = "Northmoor Primary";
  p.entry_date = d("2020-09-07");
  auto first = casework.add_placement(actor, c.id, p, route);

  // A second current main placement is a conflict until the first has a leaving date.
  Placement next = p;
  next.setting_type = "special_la";
  next.urn = "199555";
  next.name = "Northmoor Hill School";
  next.entry_date = d("2026-09-03");
  try {
    casework.add_placement(actor, c.id, next, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Conflict);
    EXPECT_EQ(e.field, "rank");
  }
  casework.end_placement(actor, c.id, first.id, d("2026-07-22"), route);
  casework.add_placement(actor, c.id, next, route);
  EXPECT_THROW(casework.end_placement(actor, c.id, first.id, d("2026-07-23"), route), Error);  // ended already

  auto rec = casework.child(actor, c.id, route);
  ASSERT_TRUE(rec.needs);
  EXPECT_EQ(rec.needs->primary, "ASD");
  EXPECT_EQ(rec.needs->secondary, "SLCN");
  ASSERT_EQ(rec.placements.size(), 2u);
  EXPECT_EQ(rec.placements[0].name, "Northmoor Hill School");  // current first
  EXPECT_TRUE(rec.placements[0].current());
  EXPECT_EQ(rec.placements[1].leaving_date, d("2026-07-22"));
  storage.flush();
  int writes = 0;
  for (const auto& a : store::audit_of(storage.read(), "child", c.id))
    if (a.action == "record-needs" || a.action == "add-placement" || a.action == "end-placement") ++writes;
  EXPECT_EQ(writes, 5);
}

TEST_F(CaseworkTest, BadNeedsOrPlacementsWriteNothing) {
  Child c = casework.create_child(actor, valid_child(), route);
  EXPECT_THROW(casework.record_needs(actor, c.id, SenNeeds{"AUTISM", ""}, route), Error);
  Placement p;
  p.setting_type = "mainstream_la";
  p.urn = "19900";
  p.name = "X";
  p.entry_date = d("2020-09-07");
  try {
    casework.add_placement(actor, c.id, p, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field, "urn");
  }
  EXPECT_THROW(casework.record_needs(actor, 999, SenNeeds{"ASD", ""}, route), Error);
  auto rec = casework.child(actor, c.id, route);
  EXPECT_FALSE(rec.needs);
  EXPECT_TRUE(rec.placements.empty());
}

TEST_F(CaseworkTest, APlanHolderCannotHaveNsaAsANeed) {
  Child c = casework.create_child(actor, valid_child(), route);
  casework.record_needs(actor, c.id, SenNeeds{"NSA", ""}, route);  // SEN support: allowed
  auto id = casework.open_case(actor, c.id, std::nullopt, route).summary.id;
  Event req = ev(EventType::RequestReceived, "2026-01-05");
  req.source = 2;
  casework.append_event(actor, id, req, route);
  casework.append_event(actor, id, with_outcome(ev(EventType::DecisionToAssess, "2026-02-10"), Outcome::Assess), route);
  casework.append_event(actor, id, with_outcome(ev(EventType::DecisionToIssue, "2026-04-01"), Outcome::Issue), route);
  casework.append_event(actor, id, ev(EventType::DraftPlanServed, "2026-04-06"), route);
  casework.append_event(actor, id, ev(EventType::FinalPlanIssued, "2026-05-20"), route);
  try {
    casework.record_needs(actor, c.id, SenNeeds{"NSA", ""}, route);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::Unprocessable);
    EXPECT_EQ(e.field, "primary");
  }
  EXPECT_EQ(casework.child(actor, c.id, route).needs->primary, "NSA");  // unchanged
  casework.record_needs(actor, c.id, SenNeeds{"ASD", ""}, route);
}

}  // namespace
}  // namespace gt::app
