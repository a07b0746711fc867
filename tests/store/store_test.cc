// The store's promises: migrations are versioned and idempotent; the chronology and the audit log
// refuse UPDATE and DELETE; the caseload is ordered by next due date and filtered as asked.
#include <gtest/gtest.h>

#include "store/audit_store.h"
#include "store/cases_store.h"
#include "store/children_store.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/needs_store.h"
#include "support/temp_db.h"

namespace gt::store {
namespace {

ChildRow child(const std::string& given, const std::string& family, const std::string& dob) {
  ChildRow c;
  c.given_name = given;
  c.family_name = family;
  c.date_of_birth = dob;
  c.sex = "F";
  c.ethnicity = "WBRI";
  c.upn_unknown = "UN2";
  return c;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = std::make_unique<Database>(tmp.path());
    migrate(*db);
  }
  gt::testing::TempDb tmp;
  std::unique_ptr<Database> db;
};

TEST_F(StoreTest, MigrationsReachTheLatestVersionAndAreIdempotent) {
  EXPECT_EQ(schema_version(*db), latest_schema_version());
  migrate(*db);
  EXPECT_EQ(schema_version(*db), latest_schema_version());
}

TEST_F(StoreTest, WalModeIsOn) {
  auto s = db->prepare("PRAGMA journal_mode");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.text(0), "wal");
}

TEST_F(StoreTest, ChronologyRefusesUpdateAndDelete) {
  auto child_id = insert_child(*db, child("Ada", "Brook", "2015-03-04"), std::nullopt);
  auto case_id = insert_case(*db, child_id, std::nullopt);
  EventRow e;
  e.case_id = case_id;
  e.type = "request_received";
  e.event_date = "2026-01-05";
  e.payload = R"({"type":"request_received","date":"2026-01-05","source":1})";
  e.recorded_at = "2026-01-05T10:00:00Z";
  auto id = insert_event(*db, e);
  EXPECT_THROW(db->exec("UPDATE case_events SET event_date = '2026-01-06' WHERE id = " + std::to_string(id)),
               StoreError);
  EXPECT_THROW(db->exec("DELETE FROM case_events WHERE id = " + std::to_string(id)), StoreError);
  auto rows = events_of_case(*db, case_id);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].event_date, "2026-01-05");
}

TEST_F(StoreTest, AnEventCanBeSupersededOnlyOnce) {
  auto case_id = insert_case(*db, insert_child(*db, child("Ada", "Brook", "2015-03-04"), std::nullopt), std::nullopt);
  EventRow e;
  e.case_id = case_id;
  e.type = "request_received";
  e.event_date = "2026-01-05";
  e.recorded_at = "x";
  auto first = insert_event(*db, e);
  e.supersedes = first;
  e.reason = "wrong date";
  insert_event(*db, e);
  EXPECT_THROW(insert_event(*db, e), ConflictError);
}

TEST_F(StoreTest, AuditLogIsAppendOnly) {
  append_audit(*db, {AuditRow{"2026-01-01T00:00:00Z", 1, "read", "case", 7, "GET /api/v1/cases/{id}"}});
  EXPECT_EQ(audit_count(*db), 1);
  EXPECT_THROW(db->exec("DELETE FROM audit_log"), StoreError);
  EXPECT_THROW(db->exec("UPDATE audit_log SET user_id = 2"), StoreError);
  auto rows = audit_of(*db, "case", 7);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].route, "GET /api/v1/cases/{id}");
}

TEST_F(StoreTest, CaseloadIsOrderedByNextDueThenFiltered) {
  auto c1 = insert_case(*db, insert_child(*db, child("A", "One", "2015-01-01"), std::nullopt), std::nullopt);
  auto c2 = insert_case(*db, insert_child(*db, child("B", "Two", "2015-01-01"), std::nullopt), std::nullopt);
  auto c3 = insert_case(*db, insert_child(*db, child("C", "Three", "2015-01-01"), std::nullopt), std::nullopt);
  auto c4 = insert_case(*db, insert_child(*db, child("D", "Four", "2015-01-01"), std::nullopt), std::nullopt);
  update_case_projection(*db, c1, "assessment", "2026-12-01", "A6", 3);
  update_case_projection(*db, c2, "request", "2026-11-20", "A1", 1);
  update_case_projection(*db, c3, "plan", "2027-05-01", "R2", 9);
  update_case_projection(*db, c4, "closed", std::nullopt, std::nullopt, 2);

  auto all = caseload(*db, CaseloadQuery{});
  ASSERT_EQ(all.total, 4);
  EXPECT_EQ(all.cases[0].id, c2);
  EXPECT_EQ(all.cases[1].id, c1);
  EXPECT_EQ(all.cases[2].id, c3);
  EXPECT_EQ(all.cases[3].id, c4);  // no deadline: last

  CaseloadQuery overdue;
  overdue.due_to = "2026-11-24";
  auto o = caseload(*db, overdue);
  ASSERT_EQ(o.total, 1);
  EXPECT_EQ(o.cases[0].id, c2);
  EXPECT_EQ(o.cases[0].child_family_name, "Two");

  CaseloadQuery soon;
  soon.due_from = "2026-11-25";
  soon.due_to = "2026-12-09";
  auto s = caseload(*db, soon);
  ASSERT_EQ(s.total, 1);
  EXPECT_EQ(s.cases[0].id, c1);

  CaseloadQuery stage;
  stage.stage = "plan";
  EXPECT_EQ(caseload(*db, stage).total, 1);

  CaseloadQuery paged;
  paged.limit = 2;
  paged.offset = 2;
  auto p = caseload(*db, paged);
  EXPECT_EQ(p.total, 4);
  ASSERT_EQ(p.cases.size(), 2u);
  EXPECT_EQ(p.cases[0].id, c3);

  auto counts = caseload_counts(*db, "2026-11-25", "2026-12-01", std::nullopt);
  EXPECT_EQ(counts.overdue, 1);
  EXPECT_EQ(counts.due_this_week, 1);
}

TEST_F(StoreTest, ChildSearchMatchesNameFragmentUpnOrDateOfBirthAndEscapesWildcards) {
  auto a = child("Amelia", "O'Neill", "2014-06-01");
  a.upn = "B801200005001";
  a.upn_unknown = "";
  insert_child(*db, a, std::nullopt);
  insert_child(*db, child("Noah", "Patel", "2016-02-29"), std::nullopt);
  insert_child(*db, child("Ola", "Adeyemi", "2014-06-01"), std::nullopt);

  EXPECT_EQ(search_children(*db, ChildSearch{"neil", "", "", 20, 0}).total, 1);
  EXPECT_EQ(search_children(*db, ChildSearch{"PATEL", "", "", 20, 0}).total, 1);
  EXPECT_EQ(search_children(*db, ChildSearch{"", "B801200005001", "", 20, 0}).total, 1);
  EXPECT_EQ(search_children(*db, ChildSearch{"", "", "2014-06-01", 20, 0}).total, 2);
  EXPECT_EQ(search_children(*db, ChildSearch{"%", "", "", 20, 0}).total, 0);
  EXPECT_EQ(search_children(*db, ChildSearch{"_", "", "", 20, 0}).total, 0);
  EXPECT_EQ(search_children(*db, ChildSearch{"' OR 1=1 --", "", "", 20, 0}).total, 0);
  auto page = search_children(*db, ChildSearch{"", "", "2014-06-01", 1, 1});
  EXPECT_EQ(page.total, 2);
  ASSERT_EQ(page.children.size(), 1u);
  EXPECT_EQ(page.children[0].family_name, "O'Neill");  // ordered by family name: Adeyemi, O'Neill
}

TEST_F(StoreTest, DuplicateUpnIsAConflict) {
  auto a = child("A", "One", "2015-01-01");
  a.upn = "B801200005001";
  insert_child(*db, a, std::nullopt);
  EXPECT_THROW(insert_child(*db, a, std::nullopt), ConflictError);
}

TEST_F(StoreTest, TransactionRollsBackUnlessCommitted) {
  {
    Transaction tx(*db);
    insert_child(*db, child("A", "One", "2015-01-01"), std::nullopt);
  }
  EXPECT_EQ(count_children(*db), 0);
  {
    Transaction tx(*db);
    insert_child(*db, child("A", "One", "2015-01-01"), std::nullopt);
    tx.commit();
  }
  EXPECT_EQ(count_children(*db), 1);
}

}  // namespace
}  // namespace gt::store

namespace gt::store {
namespace {

class NeedsStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = std::make_unique<Database>(tmp.path());
    migrate(*db);
    ChildRow c;
    c.given_name = "A";
    c.family_name = "One";
    c.date_of_birth = "2015-01-01";
    c.sex = "F";
    c.ethnicity = "WBRI";
    c.upn_unknown = "UN2";
    child = insert_child(*db, c, std::nullopt);
  }
  gt::testing::TempDb tmp;
  std::unique_ptr<Database> db;
  std::int64_t child = 0;
};

TEST_F(NeedsStoreTest, NeedsAreRecordedAnewAndTheLatestIsCurrent) {
  insert_needs(*db, NeedsRow{0, child, "SLCN", std::nullopt, "2020-01-01T00:00:00Z", std::nullopt});
  insert_needs(*db, NeedsRow{0, child, "ASD", std::string("SLCN"), "2022-01-01T00:00:00Z", std::nullopt});
  auto now = current_needs(*db, child);
  ASSERT_TRUE(now);
  EXPECT_EQ(now->primary_type, "ASD");
  EXPECT_EQ(now->secondary_type, "SLCN");
  EXPECT_EQ(needs_history(*db, child).size(), 2u);
  EXPECT_THROW(db->exec("UPDATE child_needs SET primary_type = 'MLD'"), StoreError);
  EXPECT_THROW(db->exec("DELETE FROM child_needs"), StoreError);
}

TEST_F(NeedsStoreTest, APlacementIsFixedExceptItsLeavingDateSetOnce) {
  PlacementRow p;
  p.child_id = child;
  p.setting_type = "mainstream_la";
  p.urn = "199001";
  p.name = "Northmoor Primary";
  p.entry_date = "2019-09-02";
  p.recorded_at = "x";
  auto id = insert_placement(*db, p);
  EXPECT_THROW(db->exec("UPDATE placements SET name = 'Other'"), StoreError);
  EXPECT_THROW(db->exec("DELETE FROM placements"), StoreError);
  EXPECT_FALSE(end_placement(*db, child + 1, id, "2026-07-20"));  // not this child's
  EXPECT_TRUE(end_placement(*db, child, id, "2026-07-20"));
  EXPECT_FALSE(end_placement(*db, child, id, "2026-07-21"));
  EXPECT_THROW(db->exec("UPDATE placements SET leaving_date = '2026-07-22'"), StoreError);
  auto all = placements_of_child(*db, child);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].leaving_date, "2026-07-20");
}

}  // namespace
}  // namespace gt::store
