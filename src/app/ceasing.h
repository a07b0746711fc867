// Ceasing: ceasing an EHC plan - the council tells the family it is considering it and consults
// them and the school or college (reg 31(1)), records their responses, decides (cease with the SEN2
// cease reason, or keep the plan; reg 31(2)) and records the day the plan ended, after the time to
// appeal (CFA 2014 s45(4)).
//
// Contract:
//  - Each step appends its chronology event (cease_proposed, cease_decided, plan_ceased) through
//    Casework::append_event_in in the SAME transaction as its rows here, so the chronology's rules
//    (domain/chronology.h) and the clock (C4, T1) apply and the notices of app/notices.h go out
//    (the family and the school on roll are told of the proposal and the decision); any refusal
//    writes nothing.
//  - propose (council, CaseworkWrite): the consultation runs to `respond_by`, by default the day
//    sent + ServicesSettings::cease_consultation_days - 1 (15 days counting the day sent); a later
//    day may be given, never an earlier one. The council's grounds are required (shown to those
//    consulted). The school consulted is the one the child is on roll at.
//  - respond (family: FamilyWrite; school on roll: PupilWrite) while the proposal awaits its
//    decision: agrees or not, with comments. The caseworker (or the council's team) is told.
//  - decide (council): before respond_by only when the family and the school consulted have both
//    responded (consultation_complete); a decision to cease needs a cease reason 1-9 and passes the
//    age checks of domain/cease_rules.h (C2 under 18, C3 18 and over, C6 maximum age) with the
//    council's confirmations; the child's date of birth comes from the record.
//  - end_plan (council): after a decision to cease, on a day after the appeal window's last day
//    (T1, moved by a mediation certificate) unless the family said they will not appeal.
//  - state() is what each audience sees (council CaseworkRead, family FamilyRead, school PupilRead):
//    the latest consultation, its responses (the school sees only its own and the family's
//    agreement is not shown to it), and what may be done next. Reads are audited; writes audited
//    in their transaction. Errors are app::Error naming the field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/access.h"
#include "app/accounts.h"
#include "app/services_settings.h"
#include "app/today.h"
#include "domain/cease_rules.h"
#include "domain/chronology.h"
#include "store/ceasing_store.h"

namespace gt::app {

class Storage;
class Casework;
class Plans;

struct CeaseState {
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::string child_name;  // for the page heading (never logged)
  Basis basis = Basis::CouncilStaff;
  Stage stage = Stage::None;
  Date today;
  std::optional<store::CeaseConsultationRow> consultation;  // the latest
  std::vector<store::CeaseResponseRow> responses;           // of the latest (see the contract)
  bool family_responded = false;
  bool school_responded = false;
  bool consultation_open = false;      // proposed, not yet decided
  bool may_propose = false;            // council: a proposal may be recorded now
  bool may_decide = false;             // council: the decision may be recorded (the window or the responses)
  bool may_end = false;                // council: decided to cease, the plan not yet ended
  std::optional<Date> decide_from;     // the first day a decision may be recorded without all responses
  std::optional<Date> appeal_by;       // the family's last day to appeal against the decision to cease
  std::optional<Date> earliest_end;    // appeal_by + 1
  std::optional<Date> ceased_on;       // the day the plan ended
  Date default_respond_by;             // today + the consultation period - 1
};

struct CeaseProposal {
  Date proposed_on;
  std::optional<Date> respond_by;  // default: proposed_on + cease_consultation_days - 1
  std::string grounds;
};

struct CeaseDecision {
  Date decided_on;
  bool cease = true;     // false: keep the plan
  int cease_reason = 0;  // 1..9 when cease
  std::string notes;
  CeaseConfirmations confirmations;
};

class Ceasing {
 public:
  Ceasing(Storage& storage, const Today& today, const ServicesSettings& settings, Casework& casework, Plans& plans)
      : storage_(storage), today_(today), settings_(settings), casework_(casework), plans_(plans) {}

  CeaseState state(const Actor& actor, std::int64_t case_id, const std::string& route,
                   Capability need = Capability::CaseworkRead);
  store::CeaseConsultationRow propose(const Actor& actor, std::int64_t case_id, CeaseProposal p,
                                      const std::string& route);
  store::CeaseResponseRow respond(const Actor& actor, std::int64_t case_id, bool agrees, std::string comments,
                                  const std::string& route);
  void decide(const Actor& actor, std::int64_t case_id, CeaseDecision d, const std::string& route);
  void end_plan(const Actor& actor, std::int64_t case_id, Date ended_on, bool family_not_appealing,
                const std::string& route);

 private:
  Storage& storage_;
  const Today& today_;
  const ServicesSettings& settings_;
  Casework& casework_;
  [[maybe_unused]] Plans& plans_;
};

}  // namespace gt::app
