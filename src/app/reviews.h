// Reviews: annual reviews of EHC plans driven by the statutory clock (R1, R2), the meeting's notice
// and papers (R4, R5), the setting-led review the SENCO records (views, progress against each
// outcome of the plan in force, the recommendation, preparation for adulthood from Year 9: R8),
// the report (R6), the council's decision (R7) and - where it amends - the clock's M2/M4 dates of
// the amendment that Plans carries out; phase-transfer reviews (P1-P3) planned a year ahead.
//
// Contract:
//  - Who: the council (CaseworkRead/Write) and the school the child is on roll at today
//    (PupilRead/Write) see a case's reviews, schedule one, send its invitations and papers, record
//    the meeting and send the report; only the council decides. No basis: NotFound; a basis
//    without the capability (a family, an advice giver): Forbidden. The lists (reviews_due,
//    phase_transfers) are the council staff's only (Forbidden otherwise).
//  - A review needs a plan (stage plan; Conflict otherwise) and at most one review of a case is
//    open (Conflict). Steps are done once each, in order: invitations (sent on or before today and
//    at least 2 weeks before the meeting - rule R4, SEND Regulations 2014 reg 20(3): refused,
//    Unprocessable on field "sent_on", naming the rule and the earliest meeting date), papers (R5:
//    accepted late, shown as missed), the meeting (needs invitations; appends review_meeting dated
//    the day held), the report (appends review_report; R6 from the clock), the decision (council;
//    appends review_decision maintain|amend|cease; R7, and R2 restarts from it). A step done twice
//    is a Conflict; bad input is Unprocessable naming the field; any refusal writes nothing.
//  - Progress is recorded against EACH outcome (section E) of the plan in force when the meeting is
//    recorded (its version id is kept): a missing or unknown outcome is Unprocessable naming
//    "progress.<outcome id>".
//  - A phase-transfer review names the next setting and the move (domain/phase_transfer.h) and
//    appends phase_transfer (kind, transfer_date) dated today when scheduled, so the clock gives
//    P1/P2/P3.
//  - Every event is appended with Casework::append_event_in inside the same transaction (the
//    chronology's rules, projection, audit and the case event's notices). Sending invitations
//    notifies the family and every invited organisation (notices never name the child).
//  - Reads are audited (subject "review"/"reviews_due"/"phase_transfers"), writes in their
//    transaction. Thread-safe like the other use cases.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/access.h"
#include "app/accounts.h"
#include "app/services_settings.h"
#include "app/today.h"
#include "domain/annual_review.h"
#include "domain/chronology.h"
#include "domain/clock.h"
#include "domain/phase_transfer.h"
#include "domain/plan.h"
#include "store/records.h"
#include "store/reviews_store.h"

namespace gt::app {

class Storage;
class Casework;
class Plans;

// --- the council's lists ---------------------------------------------------------------------------

struct ReviewsDueQuery {
  int weeks = 8;                               // due within this many weeks from today (or overdue)
  std::optional<std::int64_t> caseworker_id;
  std::string sort = "due";                    // due | caseworker
  int page = 1;
  int per_page = 50;                           // 1..200
};
struct ReviewDueRow {
  store::CaseRow c;
  Deadline deadline;                           // R1, R2, P1, P2 or P3, still open
  bool overdue = false;
  std::optional<store::ReviewRow> open_review;
};
struct ReviewsDuePage {
  std::vector<ReviewDueRow> rows;
  int total = 0;
  int page = 1;
  int per_page = 50;
  int weeks = 8;
  Date today;
};

struct PhaseTransferQuery {
  std::optional<int> transfer_year;            // the September of the move; default: the next one
  std::optional<std::int64_t> caseworker_id;
  int page = 1;
  int per_page = 50;
};
struct PhaseTransferRow {
  store::CaseRow c;
  PhaseTransferDates dates;
  std::string setting_name;                    // the current main placement
  std::optional<Deadline> recorded;            // the clock's P deadline when a phase transfer is recorded
  std::optional<store::ReviewRow> open_review;
};
struct PhaseTransferPage {
  std::vector<PhaseTransferRow> rows;
  int total = 0;
  int page = 1;
  int per_page = 50;
  int transfer_year = 0;
  Date today;
};

// --- one case's reviews ------------------------------------------------------------------------------

struct CaseReviews {
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::string child_name;                      // for headings (never logged)
  Date date_of_birth;
  Basis basis = Basis::CouncilStaff;
  Stage stage = Stage::None;
  std::vector<Deadline> deadlines;             // R1 R2 R6 R7 M2 M4 P1 P2 P3 of the clock
  std::vector<store::ReviewRow> reviews;       // newest first
  std::optional<PhaseTransferDates> next_transfer;
  bool may_schedule = false;                   // a plan, no open review
  std::string cannot_schedule;                 // why not, in plain English
  Date today;
};

struct Invitable {
  std::int64_t organisation_id = 0;
  std::string name;
  std::string kind;
};

struct ScheduleInput {
  std::string kind = "annual";                 // annual | phase_transfer
  std::optional<Date> meeting_on;
  bool invite_family = true;
  bool invite_school = true;                   // the school on roll (if any)
  std::vector<std::int64_t> organisation_ids;  // advice givers, health, social care
  // phase_transfer only
  std::string transfer_phase;                  // domain/phase_transfer.h names
  std::optional<Date> transfer_date;           // default: the next 1 September for school moves
  std::string next_setting_name;
  std::string next_setting_urn;                // 6 digits, optional
};

struct ProgressInput {
  std::string outcome_id;
  std::string rating;                          // achieved | on_track | some_progress | not_yet
  std::string comment;
};
struct MeetingInput {
  std::optional<Date> held_on;
  std::string attendees;
  std::string views_child, views_parents, views_school, views_others;
  std::optional<bool> outcomes_still_right, provision_still_right;
  std::string changes_suggested;               // required when recommending amend
  std::string recommendation;                  // maintain | amend | cease
  std::string preparation_for_adulthood;       // required from Year 9 (R8)
  std::vector<ProgressInput> progress;
};

struct ReviewView {
  store::ReviewRow review;
  std::vector<store::ReviewInviteeRow> invitees;
  std::vector<store::ReviewProgressRow> progress;
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::string child_name;
  Date date_of_birth;
  Basis basis = Basis::CouncilStaff;
  Stage stage = Stage::None;
  std::vector<ReviewNoticeDate> notice;        // R4, R5 from the planned meeting
  std::optional<NoticeBreach> notice_breach;   // invitations late for the meeting as held
  std::vector<Deadline> deadlines;             // R6 R7 M2 M4 P1-P3 (and R1/R2) of the clock
  std::vector<PlanOutcome> outcomes;           // of the plan in force (for the meeting form)
  std::optional<std::int64_t> plan_version_id; // the plan in force now
  bool preparation_for_adulthood = false;      // Year 9 or later at the meeting (R8)
  std::string year_group;                      // "Year 9"
  std::string latest_plan_kind;                // the newest issued version's kind, "" if none
  bool plan_being_written = false;             // a working version exists (council only)
  Date today;
};

// Every problem with a meeting's record at once (the pages show them all; record_meeting throws the
// first): trims free text in place. `adulthood`: Year 9 or later at the meeting (R8).
std::vector<FieldError> meeting_problems(MeetingInput& in, const std::vector<PlanOutcome>& outcomes, bool adulthood);

class Reviews {
 public:
  Reviews(Storage& storage, const Today& today, const ServicesSettings& settings, Casework& casework, Plans& plans)
      : storage_(storage), today_(today), settings_(settings), casework_(casework), plans_(plans) {}

  ReviewsDuePage reviews_due(const Actor& actor, const ReviewsDueQuery& q, const std::string& route);
  PhaseTransferPage phase_transfers(const Actor& actor, const PhaseTransferQuery& q, const std::string& route);

  CaseReviews for_case(const Actor& actor, std::int64_t case_id, const std::string& route);
  // The school's view: the pupil's latest case (NotFound when the child has none).
  CaseReviews for_pupil(const Actor& actor, std::int64_t child_id, const std::string& route);
  // The organisations that may be invited (every organisation but the council's own and schools).
  std::vector<Invitable> invitable(const Actor& actor, std::int64_t case_id);

  store::ReviewRow schedule(const Actor& actor, std::int64_t case_id, const ScheduleInput& in,
                            const std::string& route);
  ReviewView review(const Actor& actor, std::int64_t review_id, const std::string& route);
  void send_invitations(const Actor& actor, std::int64_t review_id, Date sent_on, const std::string& route);
  void send_papers(const Actor& actor, std::int64_t review_id, Date sent_on, const std::string& route);
  void record_meeting(const Actor& actor, std::int64_t review_id, MeetingInput in, const std::string& route);
  void send_report(const Actor& actor, std::int64_t review_id, Date sent_on, const std::string& route);
  void decide(const Actor& actor, std::int64_t review_id, const std::string& decision, Date on, std::string reasons,
              const std::string& route);

 private:
  Storage& storage_;
  const Today& today_;
  [[maybe_unused]] const ServicesSettings& settings_;
  Casework& casework_;
  [[maybe_unused]] Plans& plans_;
};

}  // namespace gt::app
