// Schools: the school's side - its pupils on roll with their SEN support record and graduated
// approach (assess, plan, do, review), requests for an EHC needs assessment, the decisions and
// deadlines of a pupil's EHC case, and contributions to annual reviews.
//
// Contract:
//  - Access belongs to the school, not the person: a SENCO sees the children with a current
//    placement at their organisation's URN (access.h Basis::SchoolOnRoll), so a new SENCO at the
//    same school sees the same pupils and a pupil who has left is no longer seen.
//  - pupils() is for a SENCO of a school with a URN (anyone else: Forbidden). It is audited as one
//    "list" row per page shown (subject "school_pupils", the organisation's id, basis
//    school_on_roll); opening a pupil is audited per child.
//  - Every other method is about one pupil and checks access on the server (require_child /
//    require_case with PupilRead or PupilWrite): NotFound when the child is not on roll at the
//    actor's school today (never was, has left, no such child or case), Forbidden when the record
//    is visible on another basis (e.g. a caseworker using the school's forms). for_case is the
//    council's view (CaseworkRead). Reads are audited with the child and basis; writes write
//    their audit row in their own transaction, and a refused write writes nothing.
//  - add_pupil: a SENCO records a child the council does not know yet (domain validate_child) with
//    a main placement at their school's URN from the start date. A UPN or ULN already recorded is
//    a Conflict naming the field, which says nothing about the other record.
//  - SEN support is recorded anew (the latest row is current; history kept). A cycle is started
//    once and reviewed once (a second review is a Conflict).
//  - request_assessment, in ONE transaction: needs a cycle that counts as evidence (reviewed, with
//    its provision and outcomes; otherwise Unprocessable on field "cycles") and no open case
//    (an OpenCaseConflict: Conflict on field "case", carrying the open case's id for a link);
//    opens a case, appends request_received dated today with source kSchoolRequestSource (SEN2
//    "a school or other education setting"), records the request with the family's views,
//    whether they know and agree, and the evidence as shown (a snapshot). The council (the case
//    has no caseworker yet: every active caseworker and team manager) and the family are told,
//    with the 6-week decision date, by the appended event's notices (notices.h), in the same
//    transaction.
//  - contribute_to_review: while the case is at the review stage or its annual review is due
//    within kReviewContributionWeeks weeks (domain/school_request.h; else Conflict), the school's
//    contribution is recorded and the case's caseworker (or, with none, the council's caseworkers
//    and managers) is notified.
//  - Thread-safe like the other use cases.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/access.h"
#include "app/accounts.h"
#include "app/casework.h"
#include "app/errors.h"
#include "app/services_settings.h"
#include "app/today.h"
#include "domain/child.h"
#include "domain/school_request.h"
#include "domain/sen_support.h"
#include "store/schools_store.h"

namespace gt::app {

class Storage;

struct PupilListQuery {
  std::string name;  // a fragment of either name; empty = every pupil
  int page = 1;
  int per_page = 25;  // 1..100
};

struct PupilList {
  std::string school_name;
  std::vector<store::PupilRow> pupils;
  int total = 0;
  int page = 1;
  int per_page = 25;
  Date today;
};

struct NewPupil {
  Child child;
  std::string setting_type;  // a school setting type (school_setting_types())
  Date start_date;           // on roll from
};

// The setting types a school records for its own pupils: those that take a URN (mainstream,
// special, alternative provision), in the order a form offers them.
std::vector<std::string> school_setting_types();

// The evidence a request rests on, as shown to the SENCO and kept with the request.
struct RequestEvidence {
  std::optional<store::SenSupportRow> support;   // the current SEN support record, if any
  std::vector<store::SupportCycleRow> cycles;    // the cycles that count as evidence, newest first
};

struct PupilView {
  Child child;
  Basis basis = Basis::SchoolOnRoll;
  std::string school_name;
  std::optional<Date> on_roll_since;
  std::vector<store::SenSupportRow> support;        // newest first: the first is current
  std::vector<store::SupportCycleRow> cycles;       // newest first
  std::vector<store::AssessmentRequestRow> requests;  // newest first
  std::vector<store::CaseRow> cases;                // oldest first
  std::optional<CaseView> ehc_case;                 // the latest case, read as the school (PupilRead)
  bool case_open = false;                           // the latest case is not closed
  bool review_open = false;                         // contribute_to_review would accept for ehc_case
  RequestEvidence evidence;
  Date today;
};

struct RequestedAssessment {
  std::int64_t case_id = 0;
  Date received;
  Date decision_due;  // A1: six weeks from the request
};

// What the council's case page shows from schools: the request the case began with, if a school's,
// and the contributions to reviews, newest first.
struct CaseSchoolRecord {
  std::optional<store::AssessmentRequestRow> request;
  RequestEvidence request_evidence;
  std::vector<store::ReviewContributionRow> contributions;
};

// A Conflict because the pupil already has an open case: says which one (for the link).
struct OpenCaseConflict : Error {
  OpenCaseConflict(std::int64_t id, std::string reason)
      : Error(Kind::Conflict, "case", std::move(reason)), case_id(id) {}
  std::int64_t case_id;
};

class Schools {
 public:
  Schools(Storage& storage, const Today& today, const ServicesSettings& settings);

  // The SENCO's school's name; Forbidden for anyone else (as pupils()). Reads no child's record.
  std::string school_name(const Actor& actor);
  PupilList pupils(const Actor& actor, const PupilListQuery& q, const std::string& route);
  Child add_pupil(const Actor& actor, NewPupil pupil, const std::string& route);
  PupilView pupil(const Actor& actor, std::int64_t child_id, const std::string& route);

  SenSupport record_sen_support(const Actor& actor, std::int64_t child_id, SenSupport support,
                                const std::string& route);
  std::int64_t start_cycle(const Actor& actor, std::int64_t child_id, SupportCycle cycle, const std::string& route);
  store::SupportCycleRow cycle(const Actor& actor, std::int64_t child_id, std::int64_t cycle_id,
                               const std::string& route);
  void review_cycle(const Actor& actor, std::int64_t child_id, std::int64_t cycle_id, SupportCycle review,
                    const std::string& route);

  RequestedAssessment request_assessment(const Actor& actor, std::int64_t child_id, AssessmentRequest request,
                                         const std::string& route);

  std::int64_t contribute_to_review(const Actor& actor, std::int64_t child_id, std::int64_t case_id,
                                    ReviewContribution contribution, const std::string& route);

  CaseSchoolRecord for_case(const Actor& actor, std::int64_t case_id, const std::string& route);

 private:
  Storage& storage_;
  const Today& today_;
  const ServicesSettings& settings_;
  // The school reads and opens cases through Casework's own rules (clock, projection, audit,
  // notices). Casework keeps only a cache of parsed chronologies, so a second instance is safe.
  Casework casework_;
};

}  // namespace gt::app
