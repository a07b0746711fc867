// Delivery: what was delivered of each provision line of the plan in force (sections F, G, H1,
// H2), recorded period by period by the setting or the provider, judged against what the plan
// requires (domain/provision_delivery.h), with shortfalls alerted and shown to the family.
//
// Contract:
//  - Who records (Capability::DeliveryWrite, access.h): the council's staff and the school the
//    child is on roll at, for any line; an organisation named on a line as its provider
//    (PlanProvision::provider_organisation_id; Basis::NamedProvider) only for its own lines
//    (another line: Forbidden). Families never record (Forbidden). No basis: NotFound.
//  - A record is made against the plan in force (the latest issued final or amended version; none:
//    Conflict on "plan") and names a line of it by element id (unknown: Unprocessable on
//    "element"). Input is checked by validate_delivery_input (Unprocessable naming the first field)
//    after authorisation. Minutes delivered default to sessions x the line's minutes.
//  - Records are append-only: correct() writes a new record that supersedes one in force (an
//    earlier correction: Conflict), with a reason (required). Only the council or the
//    organisation that made the record may correct it, and only while it may record the line.
//  - Judgement: against the plan version recorded with it; nothing is required before the first
//    final plan was issued; the threshold is ServicesSettings::delivery_threshold.
//  - A record (or correction) that falls short alerts, inside its write transaction, the case's
//    caseworker (or the council's caseworkers and managers when none is assigned) and the family
//    (notices.h): once per record, never naming the child.
//  - Reads need PlanRead (council, family, school on roll, named provider, auditor) and are
//    audited (subject "delivery", the case); a named provider sees only its own lines.
//    shortfalls() is the council's overview (staff only, audited as a list).
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
#include "domain/plan.h"
#include "domain/provision_delivery.h"
#include "store/delivery_store.h"
#include "store/plans_store.h"

namespace gt::app {

class Storage;
class Casework;
class Plans;

struct DeliveryEntry {
  store::DeliveryRecordRow row;
  DeliveryJudgement judgement;
  std::string summary;     // delivery_summary: "8 of 12 sessions - 4 sessions (2 hours) short"
  bool in_force = true;    // not superseded
};

struct DeliveryLine {
  PlanProvision line;
  std::string text;        // the line in plain English (what, how often, who)
  bool may_record = false; // this person may record delivery of it
  std::vector<DeliveryEntry> records;  // in force, latest period first
  int shortfalls = 0;      // records in force below the threshold
};

struct DeliveryView {
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::string child_name;
  Basis basis = Basis::CouncilStaff;
  std::optional<store::PlanVersionRow> in_force;  // none: nothing to record against yet
  std::optional<Date> plan_since;                 // the first final plan's date
  std::vector<DeliveryLine> lines;
  std::vector<DeliveryEntry> corrected;           // superseded records, newest first
  double threshold = kDefaultDeliveryThreshold;
  int shortfalls = 0;
  bool may_record = false;                        // any line
  bool may_correct_all = false;                   // the council
};

// A case the person records delivery for (their list).
struct DeliveryCase {
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::string child_name;
  int shortfalls = 0;
};

struct ShortfallItem {
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::string child_name;
  std::string caseworker_name;   // "" when none assigned
  std::string element_id;
  std::string line_text;
  DeliveryEntry entry;
};

class Delivery {
 public:
  Delivery(Storage& storage, const Today& today, const ServicesSettings& settings, Casework& casework, Plans& plans)
      : storage_(storage), today_(today), settings_(settings), casework_(casework), plans_(plans) {}

  DeliveryView of_case(const Actor& actor, std::int64_t case_id, const std::string& route);
  // The family's view: each case of the child with a plan in force (FamilyRead on the child).
  std::vector<DeliveryView> for_family(const Actor& actor, std::int64_t child_id, const std::string& route);
  // The cases a school (pupils on roll with a plan in force) or a provider (named in a plan in
  // force) records for; empty for everyone else.
  std::vector<DeliveryCase> my_cases(const Actor& actor, const std::string& route);

  store::DeliveryRecordRow record(const Actor& actor, std::int64_t case_id, DeliveryInput input,
                                  const std::string& route);
  store::DeliveryRecordRow correct(const Actor& actor, std::int64_t case_id, std::int64_t record_id,
                                   DeliveryInput input, std::string reason, const std::string& route);
  // One record of the case (for the correction form), with the same rules as of_case.
  DeliveryEntry entry(const Actor& actor, std::int64_t case_id, std::int64_t record_id, const std::string& route);

  // Council staff: the records in force that fall short, across the caseload, latest period first.
  std::vector<ShortfallItem> shortfalls(const Actor& actor, const std::string& route);

  double threshold() const;

 private:
  Storage& storage_;
  const Today& today_;
  const ServicesSettings& settings_;
  [[maybe_unused]] Casework& casework_;
  [[maybe_unused]] Plans& plans_;
};

}  // namespace gt::app
