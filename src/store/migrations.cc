#include "store/migrations.h"

#include <string>
#include <vector>

namespace gt::store {

namespace {

// Each entry is one released schema step. Append only.
const std::vector<const char*> kSteps = {
    // 1: staff, sessions, children, cases, the chronology, the audit log.
    R"SQL(
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('caseworker', 'manager', 'admin')),
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  csrf_token  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE children (
  id            INTEGER PRIMARY KEY,
  given_name    TEXT NOT NULL,
  family_name   TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  sex           TEXT NOT NULL,
  ethnicity     TEXT NOT NULL,
  postcode      TEXT NOT NULL DEFAULT '',
  upn           TEXT,
  uln           TEXT,
  nhs_number    TEXT,
  upn_unknown   TEXT NOT NULL DEFAULT '',
  search_name   TEXT NOT NULL,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  created_by    INTEGER REFERENCES users(id)
);
CREATE UNIQUE INDEX children_upn ON children(upn) WHERE upn IS NOT NULL;
CREATE UNIQUE INDEX children_uln ON children(uln) WHERE uln IS NOT NULL;
CREATE INDEX children_dob ON children(date_of_birth);
CREATE INDEX children_family ON children(family_name COLLATE NOCASE);
CREATE INDEX children_search ON children(search_name);

-- A case is one EHC journey of one child. stage, next_due and next_rule are a projection of its
-- chronology through the statutory clock, recomputed in the same transaction as every append.
CREATE TABLE cases (
  id            INTEGER PRIMARY KEY,
  child_id      INTEGER NOT NULL REFERENCES children(id),
  caseworker_id INTEGER REFERENCES users(id),
  opened_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  stage         TEXT NOT NULL DEFAULT 'none',
  next_due      TEXT,
  next_rule     TEXT,
  event_count   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cases_child ON cases(child_id);
CREATE INDEX cases_next_due ON cases(next_due) WHERE next_due IS NOT NULL;
CREATE INDEX cases_worker_due ON cases(caseworker_id, next_due);
CREATE INDEX cases_stage_due ON cases(stage, next_due);

-- The chronology. Append-only: a correction is a new row whose `supersedes` names the row it
-- replaces (with `payload` NULL when the earlier event is struck out) and whose `reason` says why.
CREATE TABLE case_events (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases(id),
  type        TEXT NOT NULL,
  event_date  TEXT NOT NULL,
  payload     TEXT,
  supersedes  INTEGER REFERENCES case_events(id),
  reason      TEXT,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  recorded_by INTEGER REFERENCES users(id)
);
CREATE INDEX case_events_case ON case_events(case_id, id);
CREATE UNIQUE INDEX case_events_superseded_once ON case_events(supersedes) WHERE supersedes IS NOT NULL;
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'the chronology is append-only: record a correction instead'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'the chronology is append-only: record a correction instead'); END;

-- Who read or wrote which child's record, when and by which route. Append-only.
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  user_id    INTEGER,
  action     TEXT NOT NULL,
  subject    TEXT NOT NULL,
  subject_id INTEGER,
  route      TEXT NOT NULL
);
CREATE INDEX audit_subject ON audit_log(subject, subject_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

)SQL",
    // 2: a child's SEN needs (each recording a new row; the latest is current) and placements.
    R"SQL(
CREATE TABLE child_needs (
  id             INTEGER PRIMARY KEY,
  child_id       INTEGER NOT NULL REFERENCES children(id),
  primary_type   TEXT NOT NULL,
  secondary_type TEXT,
  recorded_at    TEXT NOT NULL,
  recorded_by    INTEGER REFERENCES users(id)
);
CREATE INDEX child_needs_child ON child_needs(child_id, id);
CREATE TRIGGER child_needs_no_update BEFORE UPDATE ON child_needs
BEGIN SELECT RAISE(ABORT, 'needs are recorded anew, never changed'); END;
CREATE TRIGGER child_needs_no_delete BEFORE DELETE ON child_needs
BEGIN SELECT RAISE(ABORT, 'needs are recorded anew, never deleted'); END;

-- A placement is recorded once; the only later change is its leaving date, set once.
CREATE TABLE placements (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER NOT NULL REFERENCES children(id),
  setting_type TEXT NOT NULL,
  urn          TEXT,
  ukprn        TEXT,
  name         TEXT NOT NULL DEFAULT '',
  rank         INTEGER NOT NULL CHECK (rank IN (1, 2)),
  entry_date   TEXT NOT NULL,
  leaving_date TEXT,
  recorded_at  TEXT NOT NULL,
  recorded_by  INTEGER REFERENCES users(id)
);
CREATE INDEX placements_child ON placements(child_id, id);
CREATE TRIGGER placements_fixed BEFORE UPDATE OF id, child_id, setting_type, urn, ukprn, name, rank, entry_date,
  recorded_at, recorded_by ON placements
BEGIN SELECT RAISE(ABORT, 'a placement is recorded once: record a new one instead'); END;
CREATE TRIGGER placements_left_once BEFORE UPDATE OF leaving_date ON placements WHEN OLD.leaving_date IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'this placement already has a leaving date'); END;
CREATE TRIGGER placements_no_delete BEFORE DELETE ON placements
BEGIN SELECT RAISE(ABORT, 'placements are never deleted'); END;
)SQL",
};

}  // namespace

int schema_version(Database& db) {
  auto s = db.prepare("PRAGMA user_version");
  s.step();
  return static_cast<int>(s.int64(0));
}

int latest_schema_version() { return static_cast<int>(kSteps.size()); }

void migrate(Database& db) {
  int current = schema_version(db);
  if (current > latest_schema_version())
    throw StoreError("database schema version " + std::to_string(current) +
                     " is newer than this program knows (" + std::to_string(latest_schema_version()) + ")");
  for (int v = current; v < latest_schema_version(); ++v) {
    Transaction tx(db);
    db.exec(kSteps[static_cast<size_t>(v)]);
    db.exec("PRAGMA user_version = " + std::to_string(v + 1));
    tx.commit();
  }
}

}  // namespace gt::store
