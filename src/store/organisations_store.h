// Organisations: the council, schools, EP services, health and social-care teams. Access belongs
// to the organisation (a school sees its pupils on roll, a service the advice asked of it), so it
// survives staff turnover; people are members (users.organisation_id).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace gt::store {

struct OrganisationRow {
  std::int64_t id = 0;
  std::string name;
  std::string kind;  // council | school | ep_service | health | social_care | other
  std::optional<std::string> urn;
  std::optional<std::string> email;
};

std::int64_t insert_organisation(Database& db, const OrganisationRow& r);  // ConflictError: URN taken
std::optional<OrganisationRow> find_organisation(Database& db, std::int64_t id);
std::optional<OrganisationRow> find_organisation_by_urn(Database& db, const std::string& urn);
// Makes a user a member of an organisation (the demo's staff join its council).
void set_member_organisation(Database& db, std::int64_t user_id, std::int64_t organisation_id, bool org_admin);
std::vector<OrganisationRow> list_organisations(Database& db, const std::string& kind = "");

}  // namespace gt::store
