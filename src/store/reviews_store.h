// Reviews store: annual and phase-transfer reviews of EHC plans - the planned meeting, who is
// invited, the invitations and papers sent, the meeting as recorded (views, progress against each
// outcome, the recommendation), the report and the council's decision - and the two queries the
// council's lists start from. All SQL about reviews lives here.
//
// Contract:
//  - A review belongs to one case; at most one review of a case is open (no decision and not
//    cancelled) - a partial unique index refuses a second (ConflictError).
//  - The steps are written once each, in order, by the set_* functions: each updates only a review
//    whose step is still empty and returns false otherwise (someone else did it first).
//  - review_due_candidates / phase_transfer_candidates are pre-filters over the cases with a plan
//    (stage plan, review or amendment): a superset of the answer, which the app layer narrows with
//    the domain's clock. Events in force are those nobody superseded, strike-outs excluded.
//  - Rows come back in id order unless said otherwise. Functions run inside the caller's
//    transaction when there is one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/records.h"

namespace gt::store {

struct ReviewRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::string kind;                        // annual | phase_transfer
  std::string meeting_on;                  // YYYY-MM-DD, the planned meeting
  std::string led_by;                      // council | school
  std::optional<std::int64_t> school_id;   // the school leading it (organisation), if any
  // Phase transfer reviews.
  std::string transfer_phase;              // domain/phase_transfer.h names; "" for annual
  std::optional<std::string> transfer_date;
  std::string next_setting_name;
  std::string next_setting_urn;
  std::optional<std::int64_t> phase_event_id;
  // Invitations (R4) and papers (R5).
  std::optional<std::string> invitations_sent_on;
  std::optional<std::int64_t> invitations_sent_by;
  std::optional<std::string> papers_sent_on;
  // The meeting as held.
  std::optional<std::string> held_on;
  std::string attendees;
  std::string views_child, views_parents, views_school, views_others;
  std::optional<bool> outcomes_still_right, provision_still_right;
  std::string changes_suggested;
  std::string recommendation;              // maintain | amend | cease | ""
  std::string preparation_for_adulthood;
  std::optional<std::int64_t> plan_version_id;  // the plan in force the progress is against
  std::optional<std::int64_t> meeting_event_id;
  std::optional<std::int64_t> recorded_by;
  // The report (R6) and the decision (R7).
  std::optional<std::string> report_sent_on;
  std::optional<std::int64_t> report_event_id;
  std::string decision;                    // maintain | amend | cease | ""
  std::optional<std::string> decision_on;
  std::string decision_reasons;
  std::optional<std::int64_t> decision_event_id;
  std::optional<std::int64_t> decided_by;
  std::optional<std::string> cancelled_at;
  std::int64_t created_by = 0;
  std::string created_at;
};

struct ReviewInviteeRow {
  std::int64_t id = 0;
  std::int64_t review_id = 0;
  std::string kind;                        // family | school | organisation
  std::optional<std::int64_t> organisation_id;
  std::string name;                        // shown on the page ("The family", the organisation's name)
};

struct ReviewProgressRow {
  std::int64_t id = 0;
  std::int64_t review_id = 0;
  std::string outcome_id;                  // "E-3"
  std::string outcome_text;                // the outcome as it stood in the plan in force
  std::string rating;                      // achieved | on_track | some_progress | not_yet
  std::string comment;
};

std::int64_t insert_review(Database& db, const ReviewRow& r);
std::optional<ReviewRow> find_review(Database& db, std::int64_t review_id);
std::vector<ReviewRow> reviews_of_case(Database& db, std::int64_t case_id);  // newest first
std::optional<ReviewRow> open_review_of_case(Database& db, std::int64_t case_id);

void insert_review_invitee(Database& db, const ReviewInviteeRow& i);
std::vector<ReviewInviteeRow> review_invitees(Database& db, std::int64_t review_id);

bool set_review_phase_event(Database& db, std::int64_t review_id, std::int64_t event_id);
bool set_review_invitations(Database& db, std::int64_t review_id, const std::string& sent_on, std::int64_t by);
bool set_review_papers(Database& db, std::int64_t review_id, const std::string& sent_on);
// Writes the meeting fields of `r` (held_on ... recorded_by) and its progress rows.
bool record_review_meeting(Database& db, const ReviewRow& r, const std::vector<ReviewProgressRow>& progress);
std::vector<ReviewProgressRow> review_progress(Database& db, std::int64_t review_id);
bool set_review_report(Database& db, std::int64_t review_id, const std::string& sent_on, std::int64_t event_id);
bool set_review_decision(Database& db, std::int64_t review_id, const std::string& decision, const std::string& on,
                         const std::string& reasons, std::int64_t event_id, std::int64_t by);

// Cases with a plan whose latest anchor of the annual review (final plan issued or review
// decision, in force) is on or before `anchor_on_or_before`, or which have a phase transfer in
// force; optionally one caseworker's. CaseRow as cases_store.h reads it.
std::vector<CaseRow> review_due_candidates(Database& db, const std::string& anchor_on_or_before,
                                           std::optional<std::int64_t> caseworker_id);

struct DateRange {
  std::string from, to;  // YYYY-MM-DD, inclusive
};
struct PhaseCandidate {
  CaseRow c;
  std::string setting_name;  // the current main placement ("" when none)
  std::string setting_urn;
  std::string setting_type;
};
// Cases with a plan whose child was born in one of `births` (up to 4 ranges).
std::vector<PhaseCandidate> phase_transfer_candidates(Database& db, const std::vector<DateRange>& births,
                                                      std::optional<std::int64_t> caseworker_id);

}  // namespace gt::store
