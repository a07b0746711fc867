// `goldthread audit verify`: the real binary finds a modified, a deleted and a reordered audit row
// (the tampering is done as an attacker with the database file would: triggers dropped first).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "app/accounts.h"
#include "app/casework.h"
#include "app/storage.h"
#include "app/today.h"
#include "store/database.h"
#include "support/run_command.h"
#include "support/temp_db.h"

namespace {

using Outcome = gt::testing::CommandOutcome;

Outcome verify(const std::string& db) {
  return gt::testing::run_command(std::string(GT_BINARY) + " audit verify --db " + db + " 2>&1");
}

// A database whose audit log holds six rows: a child created, read twice, a case opened, an
// event appended, the case read.
void seed(const std::string& path) {
  gt::app::Storage storage(path);
  gt::app::Today today(gt::Date::from_ymd(2026, 11, 25));
  gt::app::Accounts accounts(storage);
  gt::app::Casework casework(storage, today);
  auto staff = accounts.create_user("audit.tester@example.org", "Audit Tester", "caseworker", "a long passphrase here");
  gt::Child c;
  c.given_name = "Ada";
  c.family_name = "Chain";
  c.date_of_birth = gt::Date::from_ymd(2016, 5, 1);
  c.sex = "F";
  c.ethnicity = "WBRI";
  c.upn_unknown = "UN2";
  c = casework.create_child(staff, c, "POST /api/v1/children");
  casework.child(staff, c.id, "GET /api/v1/children/{id}");
  casework.child(staff, c.id, "GET /api/v1/children/{id}");
  auto v = casework.open_case(staff, c.id, std::nullopt, "POST /api/v1/cases");  // create + read
  gt::Event e;
  e.type = gt::EventType::RequestReceived;
  e.date = gt::Date::from_ymd(2026, 11, 2);
  e.source = 1;
  casework.append_event(staff, v.summary.id, e, "POST /api/v1/cases/{id}/events");
  storage.flush();
}

void tamper(const std::string& path, const std::string& sql) {
  gt::store::Database db(path);
  db.exec("DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;");
  db.exec(sql);
}

TEST(AuditVerify, AnUntouchedLogIsIntactAndReportsItsHead) {
  gt::testing::TempDb db;
  seed(db.path());
  Outcome r = verify(db.path());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("audit log intact: 6 rows"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("head "), std::string::npos) << r.out;
}

TEST(AuditVerify, FindsAModifiedRow) {
  gt::testing::TempDb db;
  seed(db.path());
  tamper(db.path(), "UPDATE audit_log SET user_id = 99 WHERE id = 3");
  Outcome r = verify(db.path());
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("BROKEN at row 3: row 3 was modified"), std::string::npos) << r.out;
}

TEST(AuditVerify, FindsAModifiedTimestamp) {
  gt::testing::TempDb db;
  seed(db.path());
  tamper(db.path(), "UPDATE audit_log SET at = '2020-01-01T00:00:00Z' WHERE id = 5");
  Outcome r = verify(db.path());
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("BROKEN at row 5"), std::string::npos) << r.out;
}

TEST(AuditVerify, FindsADeletedRow) {
  gt::testing::TempDb db;
  seed(db.path());
  tamper(db.path(), "DELETE FROM audit_log WHERE id = 2");
  Outcome r = verify(db.path());
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("BROKEN at row 3: row 3 does not follow the row before it"), std::string::npos) << r.out;
}

TEST(AuditVerify, FindsReorderedRows) {
  gt::testing::TempDb db;
  seed(db.path());
  // Swap rows 2 and 4 whole, hashes and all.
  tamper(db.path(),
         "UPDATE audit_log SET id = 1000 WHERE id = 2; UPDATE audit_log SET id = 2 WHERE id = 4; "
         "UPDATE audit_log SET id = 4 WHERE id = 1000;");
  Outcome r = verify(db.path());
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("BROKEN at row 2"), std::string::npos) << r.out;
}

TEST(AuditVerify, FindsARowInsertedInTheMiddle) {
  gt::testing::TempDb db;
  seed(db.path());
  // Move rows 4.. up by one and forge a row 4 with a made-up hash.
  tamper(db.path(),
         "UPDATE audit_log SET id = id + 100 WHERE id >= 4; UPDATE audit_log SET id = id - 99 WHERE id >= 104; "
         "INSERT INTO audit_log(id, at, user_id, action, subject, subject_id, route, child_id, basis, prev_hash, hash) "
         "SELECT 4, at, user_id, 'read', subject, subject_id, route, child_id, basis, hash, hash FROM audit_log WHERE id = 3;");
  Outcome r = verify(db.path());
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("BROKEN at row 4: row 4 was modified"), std::string::npos) << r.out;
}

TEST(AuditVerify, BadUsageExitsTwo) {
  Outcome r = verify("");
  EXPECT_EQ(r.code, 2) << r.out;
}

}  // namespace
