// Sharing store: consent to share a child's record with an organisation (who gave it, for what,
// when; its withdrawal, set once) and sharing without consent (an override with its lawful basis
// and who decided). Both tables are append-only by schema triggers: a consent row changes only to
// record its withdrawal; an override is never changed or deleted.
//
// Contract:
//  - withdraw_consents sets the withdrawal on every consent in force for the child and
//    organisation (so store::consent_in_force is false straight after, in the same transaction)
//    and returns how many it withdrew.
//  - Lists are newest first, with the organisation's and the people's names joined.
//  - sharing_organisations: the organisations a child's record is, or could be, shared with - every
//    one already involved (a consent, an override or an advice request for the child, or a school
//    at one of the child's placements) and every advice-giving service (EP service, health, social
//    care, other); never the council itself. Ordered by name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/organisations_store.h"

namespace gt::store {

struct ConsentRow {
  std::int64_t id = 0;
  std::int64_t child_id = 0;
  std::int64_t organisation_id = 0;
  std::string purpose;
  std::string given_by;                  // the person, as the family knows them
  std::optional<std::int64_t> given_by_user;
  std::string given_on;                  // YYYY-MM-DD
  std::optional<std::int64_t> recorded_by;
  std::string recorded_at;               // ISO 8601 UTC
  std::optional<std::string> withdrawn_on;  // YYYY-MM-DD
  std::optional<std::string> withdrawn_by;
  std::optional<std::int64_t> withdrawn_recorded_by;
  std::optional<std::string> withdrawn_recorded_at;
  // Joined.
  std::string organisation_name;
  std::string recorded_by_name;
  std::string recorded_by_role;
  std::string withdrawn_recorded_by_name;
  std::string withdrawn_recorded_by_role;
};
std::int64_t insert_consent(Database& db, const ConsentRow& r);
std::vector<ConsentRow> consents_of_child(Database& db, std::int64_t child_id);
int withdraw_consents(Database& db, std::int64_t child_id, std::int64_t organisation_id, const std::string& withdrawn_on,
                      const std::string& withdrawn_by, std::optional<std::int64_t> recorded_by,
                      const std::string& recorded_at);

struct OverrideRow {
  std::int64_t id = 0;
  std::int64_t child_id = 0;
  std::int64_t organisation_id = 0;
  std::string lawful_basis;
  std::string reason;
  std::int64_t decided_by = 0;
  std::string decided_at;  // ISO 8601 UTC
  // Joined.
  std::string organisation_name;
  std::string decided_by_name;
  std::string decided_by_role;
};
std::int64_t insert_override(Database& db, const OverrideRow& r);
std::vector<OverrideRow> overrides_of_child(Database& db, std::int64_t child_id);

std::vector<OrganisationRow> sharing_organisations(Database& db, std::int64_t child_id);

}  // namespace gt::store
