// Advice store: advice asked of an organisation for a case (SEND Regulations 2014 reg 6(1)), due six
// weeks from the request (reg 8), and the organisation's answer: advice submitted as sections,
// a decline with its reason, the council's withdrawal, or earlier advice offered for reuse.
//
// Contract:
//  - A request is inserted once ('requested'); it leaves that status once, by one of the record_*
//    functions below, each of which changes only a request still 'requested' (declined requests
//    may also be withdrawn) and says whether it did, so two answers racing cannot both win.
//  - sections is the submitted advice as a JSON object of named sections (written by app/advice).
//  - Reuse: reused_from names an earlier submitted request of the same organisation for the same
//    child; family_agreed and council_agreed are 0 (not yet answered), 1 (agreed) or -1 (refused).
//  - Lists join the organisation's name and kind, the child's names and date of birth, and the
//    names of who asked and who answered.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace gt::store {

struct AdviceRequestRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::int64_t organisation_id = 0;
  std::string advice_from;   // education | educational_psychology | health | social_care | other
  std::string advice_id;     // the id on the advice_requested / advice_received events
  std::string requested_on;  // YYYY-MM-DD
  std::string due_on;        // YYYY-MM-DD
  std::string basis;         // consent | override
  std::string status = "requested";  // requested | submitted | declined | withdrawn
  std::optional<std::string> sections;  // JSON object
  std::optional<std::string> responded_on;
  std::optional<std::int64_t> responded_by;
  std::optional<std::string> decline_reason;
  std::optional<std::int64_t> reused_from;
  int family_agreed = 0;   // 0 not yet answered, 1 agreed, -1 refused
  int council_agreed = 0;
  std::optional<std::int64_t> created_by;
  std::string created_at;
  // Joined.
  std::string organisation_name;
  std::string organisation_kind;
  std::string child_given_name;
  std::string child_family_name;
  std::string child_date_of_birth;
  std::string created_by_name;
  std::string responded_by_name;
};

// ConflictError when the case already has a request with this advice id.
std::int64_t insert_advice_request(Database& db, const AdviceRequestRow& r);
std::optional<AdviceRequestRow> find_advice_request(Database& db, std::int64_t id);

// A case's requests, in the order they were asked (requested_on, then id).
std::vector<AdviceRequestRow> advice_requests_of_case(Database& db, std::int64_t case_id);
// Every advice id the case's requests use (to choose a new one).
std::vector<std::string> advice_ids_of_case(Database& db, std::int64_t case_id);
// An organisation's requests: open ones first, soonest due first; then the answered ones, most
// recently answered first. `status` empty means every status.
std::vector<AdviceRequestRow> advice_requests_of_organisation(Database& db, std::int64_t organisation_id,
                                                              const std::string& status);
// Advice the organisation has already submitted for the child, newest first, without `except`.
std::vector<AdviceRequestRow> submitted_advice_for_child(Database& db, std::int64_t organisation_id,
                                                         std::int64_t child_id, std::int64_t except);
// Whether the organisation already has an open request of this kind on the case.
bool open_request_exists(Database& db, std::int64_t case_id, std::int64_t organisation_id,
                         const std::string& advice_from);

// Each returns true when it changed the request (it was still 'requested').
// `reused`: the sections are the earlier advice both sides agreed to reuse (the offer is kept);
// otherwise fresh advice, which clears any offer.
bool record_advice_submitted(Database& db, std::int64_t id, const std::string& sections_json,
                             const std::string& responded_on, std::int64_t responded_by, bool reused);
bool record_advice_declined(Database& db, std::int64_t id, const std::string& reason, const std::string& responded_on,
                            std::int64_t responded_by);
bool record_advice_withdrawn(Database& db, std::int64_t id);  // also from 'declined'
// Reuse: the offer (resets both answers), then each side's answer (1 agreed, -1 refused).
bool record_reuse_offer(Database& db, std::int64_t id, std::int64_t reused_from, std::int64_t offered_by);
bool record_family_reuse_answer(Database& db, std::int64_t id, int answer);
bool record_council_reuse_answer(Database& db, std::int64_t id, int answer);

}  // namespace gt::store
