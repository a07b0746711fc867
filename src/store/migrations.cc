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
    // 3: "tell us once" - organisations and roles, family links, invitations, consent and
    // overrides, the hash-chained audit log, advice requests, documents, notifications and the
    // email outbox, contact preferences, "all about me", messages, schools' SEN support.
    R"SQL(
CREATE TABLE organisations (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('council', 'school', 'ep_service', 'health', 'social_care', 'other')),
  urn        TEXT,   -- a school's URN, matched against placements.urn for pupils on roll
  email      TEXT,   -- a shared mailbox, optional
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX organisations_urn ON organisations(urn) WHERE urn IS NOT NULL;
CREATE INDEX placements_urn ON placements(urn, child_id) WHERE urn IS NOT NULL;

-- Users, rebuilt to widen the roles and belong to an organisation (step 1's CHECK allowed only
-- three roles). migrate() turns foreign keys off around the steps and checks them before commit.
CREATE TABLE users_v3 (
  id              INTEGER PRIMARY KEY,
  email           TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('caseworker', 'manager', 'admin', 'senco', 'advice_giver',
                                                 'parent', 'young_person', 'analyst')),
  password_hash   TEXT NOT NULL,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  organisation_id INTEGER REFERENCES organisations(id),
  org_admin       INTEGER NOT NULL DEFAULT 0 CHECK (org_admin IN (0, 1)),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  totp_secret     TEXT,               -- base32; NULL until two-factor is set up
  totp_last_step  INTEGER NOT NULL DEFAULT 0  -- the last accepted time step (no code is used twice)
);
INSERT INTO users_v3(id, email, display_name, role, password_hash, created_at)
  SELECT id, email, display_name, role, password_hash, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_v3 RENAME TO users;
CREATE INDEX users_organisation ON users(organisation_id);

-- A session is "pending" (password accepted, second factor not yet) until mfa_done = 1;
-- last_seen gives the idle time-out.
ALTER TABLE sessions ADD COLUMN last_seen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN mfa_done INTEGER NOT NULL DEFAULT 1;

-- Failed sign-ins by key ("account:<id>" or "address:<ip>") in the current window.
CREATE TABLE sign_in_throttle (
  key          TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL,
  window_start INTEGER NOT NULL,
  locked_until INTEGER NOT NULL DEFAULT 0
);

-- Single-use, expiring links: invitations (family, professionals, staff) and password resets.
CREATE TABLE invitations (
  id              INTEGER PRIMARY KEY,
  token_hash      TEXT NOT NULL UNIQUE,
  purpose         TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
  email           TEXT NOT NULL COLLATE NOCASE,
  display_name    TEXT NOT NULL DEFAULT '',
  role            TEXT,
  organisation_id INTEGER REFERENCES organisations(id),
  org_admin       INTEGER NOT NULL DEFAULT 0,
  child_id        INTEGER REFERENCES children(id),
  relationship    TEXT,               -- family invitations: parent_carer | young_person
  user_id         INTEGER REFERENCES users(id),  -- resets: whose password
  created_by      INTEGER REFERENCES users(id),
  created_at      INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  used_at         INTEGER
);

-- Who is family to a child. A parent or carer with parental responsibility sees the child's
-- record; a young person past compulsory school age holds their own rights.
CREATE TABLE family_links (
  id                      INTEGER PRIMARY KEY,
  child_id                INTEGER NOT NULL REFERENCES children(id),
  user_id                 INTEGER NOT NULL REFERENCES users(id),
  relationship            TEXT NOT NULL CHECK (relationship IN ('parent_carer', 'young_person')),
  parental_responsibility INTEGER NOT NULL DEFAULT 1 CHECK (parental_responsibility IN (0, 1)),
  -- past compulsory school age a parent sees the record only when acting for the young person
  -- (the young person asked them to, or lacks capacity under the Mental Capacity Act 2005)
  acting_for_young_person INTEGER NOT NULL DEFAULT 0 CHECK (acting_for_young_person IN (0, 1)),
  created_at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  created_by              INTEGER REFERENCES users(id),
  ended_at                TEXT
);
CREATE INDEX family_links_user ON family_links(user_id, child_id);
CREATE INDEX family_links_child ON family_links(child_id);

-- Consent to share a child's record with an organisation: who gave it, for what, when; and its
-- withdrawal, set once. Rows are never deleted.
CREATE TABLE consents (
  id              INTEGER PRIMARY KEY,
  child_id        INTEGER NOT NULL REFERENCES children(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  purpose         TEXT NOT NULL,
  given_by        TEXT NOT NULL,          -- the person who gave it, as they are known to the family
  given_by_user   INTEGER REFERENCES users(id),
  given_on        TEXT NOT NULL,          -- YYYY-MM-DD
  recorded_by     INTEGER REFERENCES users(id),
  recorded_at     TEXT NOT NULL,
  withdrawn_on    TEXT,
  withdrawn_by    TEXT,
  withdrawn_recorded_by INTEGER REFERENCES users(id),
  withdrawn_recorded_at TEXT
);
CREATE INDEX consents_child ON consents(child_id, organisation_id);
CREATE TRIGGER consents_fixed BEFORE UPDATE OF id, child_id, organisation_id, purpose, given_by, given_by_user,
  given_on, recorded_by, recorded_at ON consents
BEGIN SELECT RAISE(ABORT, 'consent is recorded once: record a new one instead'); END;
CREATE TRIGGER consents_withdrawn_once BEFORE UPDATE OF withdrawn_on ON consents WHEN OLD.withdrawn_on IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'this consent is already withdrawn'); END;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN SELECT RAISE(ABORT, 'consents are never deleted'); END;

-- Sharing without consent: the lawful basis and who decided. Append-only; shown to the family.
CREATE TABLE sharing_overrides (
  id              INTEGER PRIMARY KEY,
  child_id        INTEGER NOT NULL REFERENCES children(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  lawful_basis    TEXT NOT NULL,
  reason          TEXT NOT NULL,
  decided_by      INTEGER NOT NULL REFERENCES users(id),
  decided_at      TEXT NOT NULL
);
CREATE INDEX sharing_overrides_child ON sharing_overrides(child_id, organisation_id);
CREATE TRIGGER sharing_overrides_no_update BEFORE UPDATE ON sharing_overrides
BEGIN SELECT RAISE(ABORT, 'overrides are append-only'); END;
CREATE TRIGGER sharing_overrides_no_delete BEFORE DELETE ON sharing_overrides
BEGIN SELECT RAISE(ABORT, 'overrides are append-only'); END;

-- The audit log gains the child whose record it is, the basis of access and the hash chain:
-- hash = SHA-256 of the previous row's hash and this row's fields (audit_chain.h).
ALTER TABLE audit_log ADD COLUMN child_id INTEGER;
ALTER TABLE audit_log ADD COLUMN basis TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
CREATE INDEX audit_child ON audit_log(child_id, id) WHERE child_id IS NOT NULL;

-- Advice asked of an organisation for a case (reg 6(1)); due six weeks from the request (reg 8).
CREATE TABLE advice_requests (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES cases(id),
  child_id        INTEGER NOT NULL REFERENCES children(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  advice_from     TEXT NOT NULL,      -- education | educational_psychology | health | social_care | other
  advice_id       TEXT NOT NULL,      -- the id on the advice_requested / advice_received events
  requested_on    TEXT NOT NULL,      -- YYYY-MM-DD
  due_on          TEXT NOT NULL,
  basis           TEXT NOT NULL CHECK (basis IN ('consent', 'override')),
  status          TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'submitted', 'declined', 'withdrawn')),
  sections        TEXT,               -- submitted advice: JSON object of named sections
  responded_on    TEXT,
  responded_by    INTEGER REFERENCES users(id),
  decline_reason  TEXT,
  reused_from     INTEGER REFERENCES advice_requests(id),
  family_agreed   INTEGER NOT NULL DEFAULT 0,
  council_agreed  INTEGER NOT NULL DEFAULT 0,
  created_by      INTEGER REFERENCES users(id),
  created_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX advice_requests_case_advice ON advice_requests(case_id, advice_id);
CREATE INDEX advice_requests_org ON advice_requests(organisation_id, status, due_on);
CREATE INDEX advice_requests_child ON advice_requests(child_id);

-- Uploaded files; the bytes live outside any web root under their SHA-256.
CREATE TABLE documents (
  id                INTEGER PRIMARY KEY,
  sha256            TEXT NOT NULL,
  media_type        TEXT NOT NULL,
  size_bytes        INTEGER NOT NULL,
  title             TEXT NOT NULL,
  child_id          INTEGER NOT NULL REFERENCES children(id),
  case_id           INTEGER REFERENCES cases(id),
  advice_request_id INTEGER REFERENCES advice_requests(id),
  visible_to_family INTEGER NOT NULL DEFAULT 1,
  uploaded_by       INTEGER REFERENCES users(id),
  uploaded_at       TEXT NOT NULL
);
CREATE INDEX documents_child ON documents(child_id, id);

-- In-application notifications: what changed, what is needed, by when, and where to look.
CREATE TABLE notifications (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  child_id     INTEGER REFERENCES children(id),
  case_id      INTEGER REFERENCES cases(id),
  kind         TEXT NOT NULL,
  what_changed TEXT NOT NULL,
  what_needed  TEXT NOT NULL,
  due_on       TEXT,
  link         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  read_at      TEXT
);
CREATE INDEX notifications_user ON notifications(user_id, id);

-- Emails waiting to go, going, and gone: delivered over SMTP with retries; delivery recorded.
CREATE TABLE email_outbox (
  id              INTEGER PRIMARY KEY,
  notification_id INTEGER REFERENCES notifications(id),
  to_address      TEXT NOT NULL,
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  sent_at         TEXT,
  created_at      TEXT NOT NULL
);
CREATE INDEX email_outbox_due ON email_outbox(status, next_attempt_at);

-- How a person wants to be contacted; every notification honours it.
CREATE TABLE contact_preferences (
  user_id           INTEGER PRIMARY KEY REFERENCES users(id),
  by_email          INTEGER NOT NULL DEFAULT 1,
  by_post           INTEGER NOT NULL DEFAULT 0,
  by_phone          INTEGER NOT NULL DEFAULT 0,
  phone             TEXT,
  postal_address    TEXT,
  language          TEXT NOT NULL DEFAULT 'English',
  accessible_format TEXT NOT NULL DEFAULT '',   -- '' | large_print | braille | easy_read | audio | bsl
  email_detail      TEXT NOT NULL DEFAULT 'none' CHECK (email_detail IN ('none', 'first_name')),
  updated_at        TEXT NOT NULL
);

-- "All about me": the child's own words, written once and reused. Each save is a new row.
CREATE TABLE all_about_me (
  id            INTEGER PRIMARY KEY,
  child_id      INTEGER NOT NULL REFERENCES children(id),
  views         TEXT NOT NULL DEFAULT '',
  interests     TEXT NOT NULL DEFAULT '',
  aspirations   TEXT NOT NULL DEFAULT '',
  what_works    TEXT NOT NULL DEFAULT '',
  what_does_not TEXT NOT NULL DEFAULT '',
  communication TEXT NOT NULL DEFAULT '',
  recorded_by   INTEGER REFERENCES users(id),
  recorded_at   TEXT NOT NULL
);
CREATE INDEX all_about_me_child ON all_about_me(child_id, id);
CREATE TRIGGER all_about_me_no_update BEFORE UPDATE ON all_about_me
BEGIN SELECT RAISE(ABORT, 'all about me is saved anew, never changed'); END;

-- Messages between the family and the council about a child.
CREATE TABLE messages (
  id         INTEGER PRIMARY KEY,
  child_id   INTEGER NOT NULL REFERENCES children(id),
  from_user  INTEGER NOT NULL REFERENCES users(id),
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX messages_child ON messages(child_id, id);

-- A school's SEN support record for a pupil, and its graduated approach (assess, plan, do, review).
CREATE TABLE sen_support (
  id              INTEGER PRIMARY KEY,
  child_id        INTEGER NOT NULL REFERENCES children(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  area_of_need    TEXT NOT NULL,
  primary_type    TEXT NOT NULL,
  secondary_type  TEXT,
  start_date      TEXT NOT NULL,
  provision       TEXT NOT NULL DEFAULT '',
  recorded_by     INTEGER REFERENCES users(id),
  recorded_at     TEXT NOT NULL
);
CREATE INDEX sen_support_child ON sen_support(child_id, id);
CREATE TABLE support_cycles (
  id              INTEGER PRIMARY KEY,
  child_id        INTEGER NOT NULL REFERENCES children(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  started_on      TEXT NOT NULL,
  reviewed_on     TEXT,
  assess          TEXT NOT NULL,
  plan            TEXT NOT NULL,
  provision       TEXT NOT NULL,
  outcomes        TEXT NOT NULL DEFAULT '',
  review          TEXT NOT NULL DEFAULT '',
  recorded_by     INTEGER REFERENCES users(id),
  recorded_at     TEXT NOT NULL
);
CREATE INDEX support_cycles_child ON support_cycles(child_id, id);

-- A school's request for an EHC needs assessment, with the evidence it rests on.
CREATE TABLE assessment_requests (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES cases(id),
  child_id        INTEGER NOT NULL REFERENCES children(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  reasons         TEXT NOT NULL,
  family_views    TEXT NOT NULL DEFAULT '',
  requested_by    INTEGER REFERENCES users(id),
  requested_at    TEXT NOT NULL
);
CREATE INDEX assessment_requests_child ON assessment_requests(child_id);

-- Contributions to an annual review from a school or an advice giver.
CREATE TABLE review_contributions (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES cases(id),
  organisation_id INTEGER REFERENCES organisations(id),
  author          INTEGER NOT NULL REFERENCES users(id),
  body            TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
CREATE INDEX review_contributions_case ON review_contributions(case_id, id);
)SQL",
    // 4: documents - who uploaded it for which organisation (a school sees its own uploads even after
    // staff leave) and whether the council shares it with professionals (the school on roll and
    // advice givers asked about the case).
    R"SQL(
ALTER TABLE documents ADD COLUMN organisation_id INTEGER REFERENCES organisations(id);
ALTER TABLE documents ADD COLUMN shared_with_professionals INTEGER NOT NULL DEFAULT 0
  CHECK (shared_with_professionals IN (0, 1));
CREATE INDEX documents_advice_request ON documents(advice_request_id) WHERE advice_request_id IS NOT NULL;
)SQL",
    // 5: schools - a request for assessment records whether the family knows and agrees and the
    // evidence shown when it was made; a review contribution has its parts; SEN support is recorded
    // anew (history kept), a cycle of the graduated approach is reviewed once, requests and
    // contributions are never changed.
    R"SQL(
ALTER TABLE assessment_requests ADD COLUMN family_informed INTEGER NOT NULL DEFAULT 0 CHECK (family_informed IN (0, 1));
ALTER TABLE assessment_requests ADD COLUMN family_agrees INTEGER NOT NULL DEFAULT 0 CHECK (family_agrees IN (0, 1));
ALTER TABLE assessment_requests ADD COLUMN evidence TEXT NOT NULL DEFAULT '';  -- JSON: the record shown to the SENCO
CREATE UNIQUE INDEX assessment_requests_case ON assessment_requests(case_id);
CREATE TRIGGER assessment_requests_no_update BEFORE UPDATE ON assessment_requests
BEGIN SELECT RAISE(ABORT, 'a request for assessment is recorded once'); END;
CREATE TRIGGER assessment_requests_no_delete BEFORE DELETE ON assessment_requests
BEGIN SELECT RAISE(ABORT, 'a request for assessment is never deleted'); END;

-- body is the progress towards the plan's outcomes.
ALTER TABLE review_contributions ADD COLUMN changes TEXT NOT NULL DEFAULT '';
ALTER TABLE review_contributions ADD COLUMN views TEXT NOT NULL DEFAULT '';
CREATE TRIGGER review_contributions_no_update BEFORE UPDATE ON review_contributions
BEGIN SELECT RAISE(ABORT, 'a contribution is recorded once: write a new one'); END;
CREATE TRIGGER review_contributions_no_delete BEFORE DELETE ON review_contributions
BEGIN SELECT RAISE(ABORT, 'contributions are never deleted'); END;

CREATE TRIGGER sen_support_no_update BEFORE UPDATE ON sen_support
BEGIN SELECT RAISE(ABORT, 'SEN support is recorded anew, never changed'); END;
CREATE TRIGGER sen_support_no_delete BEFORE DELETE ON sen_support
BEGIN SELECT RAISE(ABORT, 'SEN support is recorded anew, never deleted'); END;

CREATE TRIGGER support_cycles_fixed BEFORE UPDATE OF id, child_id, organisation_id, started_on, assess, plan, provision,
  recorded_by, recorded_at ON support_cycles
BEGIN SELECT RAISE(ABORT, 'a cycle is recorded once: start a new one instead'); END;
CREATE TRIGGER support_cycles_reviewed_once BEFORE UPDATE OF reviewed_on, outcomes, review ON support_cycles
  WHEN OLD.reviewed_on IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'this cycle has already been reviewed'); END;
CREATE TRIGGER support_cycles_no_delete BEFORE DELETE ON support_cycles
BEGIN SELECT RAISE(ABORT, 'cycles are never deleted'); END;
)SQL",
    // 6: notifications - the copy the council must send a person besides email (by post or phone,
    // in a language other than English, in an accessible format: contact_preferences), and the
    // page an email links to (the outbox writes the address under the deployment's public URL).
    R"SQL(
ALTER TABLE notifications ADD COLUMN copy_needed TEXT NOT NULL DEFAULT '';
ALTER TABLE email_outbox ADD COLUMN link TEXT;
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;
)SQL",
    // 7: accounts - a family invitation says whether the parent or carer has parental
    // responsibility (the family link it creates on acceptance copies it); sessions by user.
    R"SQL(
ALTER TABLE invitations ADD COLUMN parental_responsibility INTEGER NOT NULL DEFAULT 1
  CHECK (parental_responsibility IN (0, 1));
CREATE INDEX invitations_email ON invitations(email, purpose) WHERE used_at IS NULL;
CREATE INDEX invitations_child ON invitations(child_id) WHERE child_id IS NOT NULL;
CREATE INDEX invitations_organisation ON invitations(organisation_id) WHERE organisation_id IS NOT NULL;
)SQL",
    // 8: plans - the structured EHC plan of a case (issue 4). A plan's content is one JSON
    // document per version (domain/plan_json.h). A version is `working` while the council writes it
    // (at most one per plan, edited with an optimistic `revision`) and `issued` once served: an
    // issued version never changes and is never deleted. Kinds follow the chronology event each
    // issue records: draft (draft_plan_served), final (final_plan_issued), proposed_amendments
    // (amendments_proposed), amended (amended_plan_issued). Comments are the family's, line by
    // line, on an issued draft or proposed amendments; a response says "nothing to add" (A5).
    R"SQL(
CREATE TABLE plans (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL UNIQUE REFERENCES cases(id),
  child_id    INTEGER NOT NULL REFERENCES children(id),
  created_at  TEXT NOT NULL,
  created_by  INTEGER REFERENCES users(id)
);
CREATE INDEX plans_child ON plans(child_id);
CREATE TABLE plan_versions (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plans(id),
  number      INTEGER,
  kind        TEXT NOT NULL CHECK (kind IN ('draft', 'final', 'proposed_amendments', 'amended')),
  status      TEXT NOT NULL CHECK (status IN ('working', 'issued')),
  content     TEXT NOT NULL,
  based_on    INTEGER REFERENCES plan_versions(id),
  revision    INTEGER NOT NULL DEFAULT 1,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER REFERENCES users(id),
  issued_on   TEXT,
  issued_at   TEXT,
  issued_by   INTEGER REFERENCES users(id),
  event_id    INTEGER REFERENCES case_events(id),
  CHECK ((status = 'issued') = (number IS NOT NULL AND issued_on IS NOT NULL))
);
CREATE UNIQUE INDEX plan_versions_number ON plan_versions(plan_id, number) WHERE number IS NOT NULL;
CREATE UNIQUE INDEX plan_versions_one_working ON plan_versions(plan_id) WHERE status = 'working';
CREATE TRIGGER plan_versions_issued_fixed BEFORE UPDATE ON plan_versions WHEN OLD.status = 'issued'
BEGIN SELECT RAISE(ABORT, 'an issued version of a plan never changes: start a new version'); END;
CREATE TRIGGER plan_versions_issued_kept BEFORE DELETE ON plan_versions WHEN OLD.status = 'issued'
BEGIN SELECT RAISE(ABORT, 'an issued version of a plan is never deleted'); END;
CREATE TABLE plan_comments (
  id            INTEGER PRIMARY KEY,
  version_id    INTEGER NOT NULL REFERENCES plan_versions(id),
  element_id    TEXT NOT NULL,
  body          TEXT NOT NULL,
  author_id     INTEGER NOT NULL REFERENCES users(id),
  created_at    TEXT NOT NULL,
  response      TEXT,
  responded_by  INTEGER REFERENCES users(id),
  responded_at  TEXT
);
CREATE INDEX plan_comments_version ON plan_comments(version_id, id);
CREATE TABLE plan_family_responses (
  id             INTEGER PRIMARY KEY,
  version_id     INTEGER NOT NULL REFERENCES plan_versions(id),
  user_id        INTEGER NOT NULL REFERENCES users(id),
  nothing_to_add INTEGER NOT NULL CHECK (nothing_to_add IN (0, 1)),
  school_requested TEXT NOT NULL DEFAULT '',
  meeting_requested INTEGER NOT NULL DEFAULT 0 CHECK (meeting_requested IN (0, 1)),
  at             TEXT NOT NULL
);
CREATE INDEX plan_family_responses_version ON plan_family_responses(version_id);
)SQL",
    // delivery: what was delivered of each provision line of the plan in force (issue 4 item 7),
    // recorded by the school on roll, the council or the organisation named as the line's provider.
    // Append-only like the chronology: a correction is a new row that `supersedes` an earlier one
    // (once) and says why; nothing is updated or deleted. The judgement (required, shortfall) is
    // computed from the plan version in force when recorded (`plan_version_id`), never stored.
    R"SQL(
CREATE TABLE delivery_records (
  id                  INTEGER PRIMARY KEY,
  case_id             INTEGER NOT NULL REFERENCES cases(id),
  child_id            INTEGER NOT NULL REFERENCES children(id),
  plan_version_id     INTEGER NOT NULL REFERENCES plan_versions(id),
  element_id          TEXT NOT NULL,
  period_from         TEXT NOT NULL,
  period_to           TEXT NOT NULL CHECK (period_to >= period_from),
  closed_days         INTEGER NOT NULL DEFAULT 0 CHECK (closed_days >= 0),
  sessions_delivered  INTEGER NOT NULL CHECK (sessions_delivered >= 0),
  minutes_delivered   INTEGER NOT NULL CHECK (minutes_delivered >= 0),
  sessions_missed     INTEGER NOT NULL DEFAULT 0 CHECK (sessions_missed >= 0),
  missed_reason       TEXT NOT NULL DEFAULT '',
  delivered_by_role   TEXT NOT NULL,
  delivered_by_name   TEXT NOT NULL DEFAULT '',
  notes               TEXT NOT NULL DEFAULT '',
  recorded_by         INTEGER NOT NULL REFERENCES users(id),
  recorded_by_organisation_id INTEGER REFERENCES organisations(id),
  basis               TEXT NOT NULL,
  recorded_at         TEXT NOT NULL,
  supersedes          INTEGER UNIQUE REFERENCES delivery_records(id),
  correction_reason   TEXT,
  CHECK ((supersedes IS NULL) = (correction_reason IS NULL))
);
CREATE INDEX delivery_records_case ON delivery_records(case_id, element_id, period_from);
CREATE TRIGGER delivery_records_fixed BEFORE UPDATE ON delivery_records
BEGIN SELECT RAISE(ABORT, 'a delivery record never changes: record a correction'); END;
CREATE TRIGGER delivery_records_kept BEFORE DELETE ON delivery_records
BEGIN SELECT RAISE(ABORT, 'a delivery record is never deleted'); END;
)SQL",
    // reviews: annual and phase-transfer reviews of a plan (issue 4 item 5) - the planned meeting,
    // who is invited, invitations (R4) and papers (R5) sent, the meeting as held with everyone's
    // views and progress against each outcome of the plan in force, the report (R6) and the
    // council's decision (R7). Each step is written once; at most one open review a case.
    R"SQL(
CREATE TABLE reviews (
  id                     INTEGER PRIMARY KEY,
  case_id                INTEGER NOT NULL REFERENCES cases(id),
  child_id               INTEGER NOT NULL REFERENCES children(id),
  kind                   TEXT NOT NULL CHECK (kind IN ('annual', 'phase_transfer')),
  meeting_on             TEXT NOT NULL,
  led_by                 TEXT NOT NULL CHECK (led_by IN ('council', 'school')),
  school_id              INTEGER REFERENCES organisations(id),
  transfer_phase         TEXT NOT NULL DEFAULT '',
  transfer_date          TEXT,
  next_setting_name      TEXT NOT NULL DEFAULT '',
  next_setting_urn       TEXT NOT NULL DEFAULT '',
  phase_event_id         INTEGER REFERENCES case_events(id),
  invitations_sent_on    TEXT,
  invitations_sent_by    INTEGER REFERENCES users(id),
  papers_sent_on         TEXT,
  held_on                TEXT,
  attendees              TEXT NOT NULL DEFAULT '',
  views_child            TEXT NOT NULL DEFAULT '',
  views_parents          TEXT NOT NULL DEFAULT '',
  views_school           TEXT NOT NULL DEFAULT '',
  views_others           TEXT NOT NULL DEFAULT '',
  outcomes_still_right   INTEGER CHECK (outcomes_still_right IN (0, 1)),
  provision_still_right  INTEGER CHECK (provision_still_right IN (0, 1)),
  changes_suggested      TEXT NOT NULL DEFAULT '',
  recommendation         TEXT NOT NULL DEFAULT '' CHECK (recommendation IN ('', 'maintain', 'amend', 'cease')),
  preparation_for_adulthood TEXT NOT NULL DEFAULT '',
  plan_version_id        INTEGER REFERENCES plan_versions(id),
  meeting_event_id       INTEGER REFERENCES case_events(id),
  recorded_by            INTEGER REFERENCES users(id),
  report_sent_on         TEXT,
  report_event_id        INTEGER REFERENCES case_events(id),
  decision               TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'maintain', 'amend', 'cease')),
  decision_on            TEXT,
  decision_reasons       TEXT NOT NULL DEFAULT '',
  decision_event_id      INTEGER REFERENCES case_events(id),
  decided_by             INTEGER REFERENCES users(id),
  cancelled_at           TEXT,
  created_by             INTEGER NOT NULL REFERENCES users(id),
  created_at             TEXT NOT NULL
);
CREATE INDEX reviews_case ON reviews(case_id, id);
CREATE UNIQUE INDEX reviews_one_open ON reviews(case_id) WHERE decision = '' AND cancelled_at IS NULL;
CREATE TABLE review_invitees (
  id               INTEGER PRIMARY KEY,
  review_id        INTEGER NOT NULL REFERENCES reviews(id),
  kind             TEXT NOT NULL CHECK (kind IN ('family', 'school', 'organisation')),
  organisation_id  INTEGER REFERENCES organisations(id),
  name             TEXT NOT NULL
);
CREATE INDEX review_invitees_review ON review_invitees(review_id);
CREATE TABLE review_progress (
  id            INTEGER PRIMARY KEY,
  review_id     INTEGER NOT NULL REFERENCES reviews(id),
  outcome_id    TEXT NOT NULL,
  outcome_text  TEXT NOT NULL,
  rating        TEXT NOT NULL CHECK (rating IN ('achieved', 'on_track', 'some_progress', 'not_yet')),
  comment       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX review_progress_review ON review_progress(review_id);
CREATE INDEX case_events_type ON case_events(case_id, type);
)SQL",
    // quality: quality assurance of plans (issue 4 item 6). A framework version (criteria per plan
    // section, weights, grade boundaries: domain/quality_framework_json.h) is inserted once and never
    // changes; editing the framework inserts the next version. An audit grades one issued plan
    // version against the framework version it was assigned with; it is `open` until submitted,
    // then it and its marks never change. A moderation records the grade two auditors' moderator
    // agreed. users.team groups the council's staff for the results.
    R"SQL(
ALTER TABLE users ADD COLUMN team TEXT NOT NULL DEFAULT '';
CREATE TABLE quality_frameworks (
  id          INTEGER PRIMARY KEY,
  version     INTEGER NOT NULL UNIQUE,
  content     TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  created_by  INTEGER REFERENCES users(id)
);
CREATE TRIGGER quality_frameworks_fixed BEFORE UPDATE ON quality_frameworks
BEGIN SELECT RAISE(ABORT, 'a framework version never changes: save a new version'); END;
CREATE TRIGGER quality_frameworks_kept BEFORE DELETE ON quality_frameworks
BEGIN SELECT RAISE(ABORT, 'a framework version is never deleted'); END;
CREATE TABLE quality_audits (
  id              INTEGER PRIMARY KEY,
  framework_id    INTEGER NOT NULL REFERENCES quality_frameworks(id),
  plan_version_id INTEGER NOT NULL REFERENCES plan_versions(id),
  case_id         INTEGER NOT NULL REFERENCES cases(id),
  child_id        INTEGER NOT NULL REFERENCES children(id),
  auditor_id      INTEGER NOT NULL REFERENCES users(id),
  discipline      TEXT NOT NULL CHECK (discipline IN ('education', 'health', 'social_care')),
  assigned_by     INTEGER NOT NULL REFERENCES users(id),
  assigned_at     TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('open', 'submitted')),
  submitted_at    TEXT,
  submitted_on    TEXT,
  points          INTEGER,
  possible        INTEGER,
  grade           TEXT CHECK (grade IN ('outstanding', 'good', 'requires_improvement', 'inadequate')),
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL AND submitted_on IS NOT NULL AND grade IS NOT NULL))
);
CREATE UNIQUE INDEX quality_audits_once ON quality_audits(plan_version_id, auditor_id);
CREATE INDEX quality_audits_auditor ON quality_audits(auditor_id, status);
CREATE INDEX quality_audits_child ON quality_audits(child_id, auditor_id) WHERE status = 'open';
CREATE INDEX quality_audits_submitted ON quality_audits(submitted_on) WHERE status = 'submitted';
CREATE TRIGGER quality_audits_submitted_fixed BEFORE UPDATE ON quality_audits WHEN OLD.status = 'submitted'
BEGIN SELECT RAISE(ABORT, 'a submitted audit never changes'); END;
CREATE TRIGGER quality_audits_kept BEFORE DELETE ON quality_audits
BEGIN SELECT RAISE(ABORT, 'an audit is never deleted'); END;
CREATE TABLE quality_marks (
  audit_id       INTEGER NOT NULL REFERENCES quality_audits(id),
  criterion_key  TEXT NOT NULL,
  judgement      TEXT NOT NULL CHECK (judgement IN ('met', 'partly', 'not_met', 'not_applicable')),
  comment        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (audit_id, criterion_key)
);
CREATE TRIGGER quality_marks_insert_open BEFORE INSERT ON quality_marks
  WHEN (SELECT status FROM quality_audits WHERE id = NEW.audit_id) = 'submitted'
BEGIN SELECT RAISE(ABORT, 'a submitted audit never changes'); END;
CREATE TRIGGER quality_marks_update_open BEFORE UPDATE ON quality_marks
  WHEN (SELECT status FROM quality_audits WHERE id = OLD.audit_id) = 'submitted'
BEGIN SELECT RAISE(ABORT, 'a submitted audit never changes'); END;
CREATE TRIGGER quality_marks_delete_open BEFORE DELETE ON quality_marks
  WHEN (SELECT status FROM quality_audits WHERE id = OLD.audit_id) = 'submitted'
BEGIN SELECT RAISE(ABORT, 'a submitted audit never changes'); END;
CREATE TABLE quality_moderations (
  id              INTEGER PRIMARY KEY,
  plan_version_id INTEGER NOT NULL REFERENCES plan_versions(id),
  first_audit_id  INTEGER NOT NULL REFERENCES quality_audits(id),
  second_audit_id INTEGER NOT NULL REFERENCES quality_audits(id),
  agreed_grade    TEXT NOT NULL CHECK (agreed_grade IN ('outstanding', 'good', 'requires_improvement', 'inadequate')),
  note            TEXT NOT NULL,
  moderator_id    INTEGER NOT NULL REFERENCES users(id),
  moderated_at    TEXT NOT NULL,
  CHECK (first_audit_id < second_audit_id)
);
CREATE UNIQUE INDEX quality_moderations_pair ON quality_moderations(first_audit_id, second_audit_id);
CREATE INDEX quality_moderations_version ON quality_moderations(plan_version_id);
CREATE TRIGGER quality_moderations_fixed BEFORE UPDATE ON quality_moderations
BEGIN SELECT RAISE(ABORT, 'a moderation is recorded once'); END;
CREATE TRIGGER quality_moderations_kept BEFORE DELETE ON quality_moderations
BEGIN SELECT RAISE(ABORT, 'a moderation is never deleted'); END;
)SQL",
    // ceasing: ceasing a plan (reg 31) - the council's consultation (recorded with its cease_proposed
    // event, the school or college consulted), the family's and the school's responses (appended,
    // never changed), the decision (cease with its SEN2 reason, or maintain; written once) and the
    // plan_ceased event that ended the plan (written once).
    R"SQL(
CREATE TABLE cease_consultations (
  id                INTEGER PRIMARY KEY,
  case_id           INTEGER NOT NULL REFERENCES cases(id),
  child_id          INTEGER NOT NULL REFERENCES children(id),
  proposed_event_id INTEGER NOT NULL REFERENCES case_events(id),
  proposed_on       TEXT NOT NULL,
  respond_by        TEXT NOT NULL,
  grounds           TEXT NOT NULL,
  school_id         INTEGER REFERENCES organisations(id),
  created_by        INTEGER REFERENCES users(id),
  created_at        TEXT NOT NULL,
  decided_event_id  INTEGER REFERENCES case_events(id),
  decision          TEXT CHECK (decision IN ('cease', 'maintain')),
  cease_reason      INTEGER CHECK (cease_reason BETWEEN 1 AND 9),
  decision_notes    TEXT,
  confirmations     TEXT NOT NULL DEFAULT '',
  decided_by        INTEGER REFERENCES users(id),
  decided_at        TEXT,
  ended_event_id    INTEGER REFERENCES case_events(id),
  CHECK ((decision = 'cease') = (cease_reason IS NOT NULL) OR decision IS NULL)
);
CREATE INDEX cease_consultations_case ON cease_consultations(case_id, id);
CREATE TRIGGER cease_consultations_fixed BEFORE UPDATE OF id, case_id, child_id, proposed_event_id, proposed_on,
  respond_by, grounds, school_id, created_by, created_at ON cease_consultations
BEGIN SELECT RAISE(ABORT, 'a proposal to cease is recorded once'); END;
CREATE TRIGGER cease_consultations_decided_once BEFORE UPDATE OF decided_event_id, decision, cease_reason,
  decision_notes, confirmations, decided_by, decided_at ON cease_consultations WHEN OLD.decided_event_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the decision on ceasing is recorded once'); END;
CREATE TRIGGER cease_consultations_ended_once BEFORE UPDATE OF ended_event_id ON cease_consultations
  WHEN OLD.ended_event_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the end of the plan is recorded once'); END;
CREATE TRIGGER cease_consultations_no_delete BEFORE DELETE ON cease_consultations
BEGIN SELECT RAISE(ABORT, 'proposals to cease are never deleted'); END;
CREATE TABLE cease_responses (
  id              INTEGER PRIMARY KEY,
  consultation_id INTEGER NOT NULL REFERENCES cease_consultations(id),
  party           TEXT NOT NULL CHECK (party IN ('family', 'school')),
  user_id         INTEGER NOT NULL REFERENCES users(id),
  organisation_id INTEGER REFERENCES organisations(id),
  agrees          INTEGER NOT NULL CHECK (agrees IN (0, 1)),
  comments        TEXT NOT NULL,
  at              TEXT NOT NULL
);
CREATE INDEX cease_responses_consultation ON cease_responses(consultation_id, id);
CREATE TRIGGER cease_responses_no_update BEFORE UPDATE ON cease_responses
BEGIN SELECT RAISE(ABORT, 'a response is recorded once: respond again instead'); END;
CREATE TRIGGER cease_responses_no_delete BEFORE DELETE ON cease_responses
BEGIN SELECT RAISE(ABORT, 'responses are never deleted'); END;
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
  if (current == latest_schema_version()) return;
  // Some steps rebuild a table (SQLite's documented procedure): foreign keys are off while the
  // steps run (the pragma is a no-op inside a transaction) and checked before each commit.
  db.exec("PRAGMA foreign_keys=OFF");
  try {
    for (int v = current; v < latest_schema_version(); ++v) {
      Transaction tx(db);
      db.exec(kSteps[static_cast<size_t>(v)]);
      {
        auto check = db.prepare("PRAGMA foreign_key_check");
        if (check.step()) throw StoreError("schema step " + std::to_string(v + 1) + " broke a foreign key");
      }
      db.exec("PRAGMA user_version = " + std::to_string(v + 1));
      tx.commit();
    }
  } catch (...) {
    db.exec("PRAGMA foreign_keys=ON");
    throw;
  }
  db.exec("PRAGMA foreign_keys=ON");
}

}  // namespace gt::store
