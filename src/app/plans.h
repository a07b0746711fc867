// Plans: the structured EHC plan of a case - writing it, the checks of its golden thread, issuing
// versions (each one an event on the statutory clock), the family's comments on a draft or on
// proposed amendments, and comparing versions.
//
// Contract:
//  - A case has at most one plan (store/plans_store.h). The council writes a working version
//    (CaseworkWrite); everyone with PlanRead (access.h: council, family, school on roll, named
//    provider, auditor) reads the issued versions, never the working one.
//  - save() validates (domain/plan.h validate_plan: Unprocessable naming the first field) and
//    writes only if `revision` is the stored one (else Conflict on field "revision": someone else
//    saved first; nothing is lost, the page shows theirs). Findings of the thread checks
//    (domain/plan_checks.h) come back with every view of a version and never block a save.
//  - issue() turns the working version into the next issued version AND appends its chronology
//    event in ONE transaction: draft -> draft_plan_served, final -> final_plan_issued,
//    proposed_amendments -> amendments_proposed, amended -> amended_plan_issued, dated
//    `served_on`. The chronology's rules apply (a final plan needs a draft first and, unless the
//    family said they had nothing to add, the 15-day window (rule A5) closed; the same for an
//    amended plan after proposed amendments (rule M1)); any refusal writes nothing.
//  - Family: comment() on an element of an issued draft or proposed amendments while no later
//    version has been issued (else Conflict); nothing_to_add() records that they have nothing to
//    add, which lets the final (or amended) plan be issued before the window closes.
//  - Every read of a version is audited (subject "plan_version", the child, the basis); every
//    write audited in its own transaction.
//  - Thread-safe like the other use cases.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/access.h"
#include "app/accounts.h"
#include "app/services_settings.h"
#include "app/today.h"
#include "domain/clock.h"
#include "domain/plan.h"
#include "domain/plan_checks.h"
#include "domain/plan_diff.h"
#include "domain/representations.h"
#include "store/organisations_store.h"
#include "store/plans_store.h"

namespace gt::app {

class Storage;
class Casework;

enum class PlanKind { Draft, Final, ProposedAmendments, Amended };
std::string_view plan_kind_name(PlanKind k);   // "draft" | "final" | "proposed_amendments" | "amended"
std::string_view plan_kind_label(PlanKind k);  // "Draft plan", "Final plan", "Proposed amendments", "Amended plan"
std::optional<PlanKind> parse_plan_kind(std::string_view name);

struct PlanVersionView {
  store::PlanVersionRow row;
  Plan plan;
  std::vector<ThreadFinding> findings;
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::string child_name;  // for the page heading (never logged)
};

struct PlanOverview {
  std::optional<store::PlanRow> plan;          // none until the council starts one
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::string child_name;
  Basis basis = Basis::CouncilStaff;
  std::optional<store::PlanVersionRow> working;  // council only
  std::vector<store::PlanVersionRow> issued;     // newest first
  std::vector<PlanKind> may_issue;               // council: the kinds the working version may be issued as now
  std::optional<CommentWindow> family_window;    // A5 (draft) or M1 (amendments) of the latest such version
  bool family_said_nothing_to_add = false;       // on the latest draft or proposed amendments
  Date today;
};

struct PlanComment {
  store::PlanCommentRow row;
};

class Plans {
 public:
  Plans(Storage& storage, const Today& today, const ServicesSettings& settings, Casework& casework);

  PlanOverview overview(const Actor& actor, std::int64_t case_id, const std::string& route);

  // Council: start a working version (from the latest issued version, or empty with section I
  // from the child's current placement and section K from the advice received). Conflict when
  // one exists or the case has no decision to issue.
  PlanVersionView start(const Actor& actor, std::int64_t case_id, const std::string& route);
  PlanVersionView working(const Actor& actor, std::int64_t case_id, const std::string& route);
  // Council: the organisations a provision line may name as its provider (every organisation but
  // councils), by name. No child's record is read.
  std::vector<store::OrganisationRow> provider_organisations(const Actor& actor, std::int64_t case_id);
  PlanVersionView save(const Actor& actor, std::int64_t case_id, int revision, Plan content, const std::string& route);
  void discard(const Actor& actor, std::int64_t case_id, const std::string& route);
  PlanVersionView issue(const Actor& actor, std::int64_t case_id, PlanKind kind, Date served_on,
                        const std::string& route);

  // Anyone with PlanRead on the case: an issued version (the council may also open the working one).
  PlanVersionView version(const Actor& actor, std::int64_t version_id, const std::string& route);
  // The latest issued final or amended version (the plan in force), or nullopt.
  std::optional<PlanVersionView> in_force(const Actor& actor, std::int64_t case_id, const std::string& route);
  PlanComparison compare(const Actor& actor, std::int64_t earlier_version_id, std::int64_t later_version_id,
                         const std::string& route);

  // Family (FamilyWrite) on an issued draft or proposed amendments.
  store::PlanCommentRow comment(const Actor& actor, std::int64_t version_id, const std::string& element_id,
                                std::string body, const std::string& route);
  void nothing_to_add(const Actor& actor, std::int64_t version_id, const std::string& route);
  // Anyone with PlanRead: the comments on an issued version, oldest first (the working version's
  // only to the council; to anyone else it does not exist: NotFound).
  std::vector<store::PlanCommentRow> comments(const Actor& actor, std::int64_t version_id, const std::string& route);
  // Council: answer a comment.
  void respond(const Actor& actor, std::int64_t comment_id, std::string response, const std::string& route);

 private:
  Storage& storage_;
  const Today& today_;
  const ServicesSettings& settings_;
  Casework& casework_;
};

}  // namespace gt::app
