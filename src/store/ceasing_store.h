// Ceasing store: the council's consultations on ceasing a plan (reg 31), the family's and the
// school's responses, the decision and the day the plan ended. All SQL about ceasing lives here.
//
// Contract:
//  - A consultation is inserted when the council records cease_proposed (its chronology event id
//    is kept); the decision columns are written once (record_cease_decision returns false when a
//    decision is already there) and the end once (record_plan_ended likewise). Schema triggers
//    refuse any other change, and any deletion.
//  - Responses are appended, never changed or deleted; a party may respond again (the latest counts).
//  - Rows come back in id order. Functions run inside the caller's transaction when there is one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace gt::store {

struct CeaseConsultationRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::int64_t proposed_event_id = 0;
  std::string proposed_on;               // YYYY-MM-DD
  std::string respond_by;                // YYYY-MM-DD: the consultation's last day (rule C4)
  std::string grounds;                   // the council's reasons, shown to those consulted
  std::optional<std::int64_t> school_id; // the school or college consulted (on roll when proposed)
  std::optional<std::int64_t> created_by;
  std::string created_at;
  // The decision (reg 31(2)).
  std::optional<std::int64_t> decided_event_id;
  std::optional<std::string> decision;   // cease | maintain
  std::optional<int> cease_reason;       // SEN2 CeaseReason 1..9
  std::optional<std::string> decision_notes;
  std::string confirmations;             // comma-separated: not_necessary, not_returning, adult_estate
  std::optional<std::int64_t> decided_by;
  std::optional<std::string> decided_at;
  // The end (CFA s45(4)).
  std::optional<std::int64_t> ended_event_id;
};

struct CeaseResponseRow {
  std::int64_t id = 0;
  std::int64_t consultation_id = 0;
  std::string party;                     // family | school
  std::int64_t user_id = 0;
  std::string user_name;                 // filled by reads (users.display_name)
  std::optional<std::int64_t> organisation_id;
  bool agrees = false;                   // agrees the plan should cease
  std::string comments;
  std::string at;
};

std::int64_t insert_cease_consultation(Database& db, const CeaseConsultationRow& c);
std::optional<CeaseConsultationRow> find_cease_consultation(Database& db, std::int64_t id);
std::vector<CeaseConsultationRow> cease_consultations_of_case(Database& db, std::int64_t case_id);
bool record_cease_decision(Database& db, std::int64_t id, std::int64_t event_id, const std::string& decision,
                           std::optional<int> cease_reason, const std::string& notes,
                           const std::string& confirmations, std::int64_t decided_by, const std::string& at);
bool record_plan_ended(Database& db, std::int64_t id, std::int64_t event_id);

std::int64_t insert_cease_response(Database& db, const CeaseResponseRow& r);
std::vector<CeaseResponseRow> cease_responses(Database& db, std::int64_t consultation_id);

}  // namespace gt::store
