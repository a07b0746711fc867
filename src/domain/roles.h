// Roles: what a person does in the local area's SEND system, and what follows from it.
//
// Contract:
//  - Eight roles, each with a stable wire name (the database and API): caseworker, manager (team
//    manager), admin (council administrator), senco, advice_giver, parent (parent or carer),
//    young_person, analyst (commissioner or analyst).
//  - Council staff are caseworker and manager: they see the council's cases. The council
//    administrator manages accounts and organisations, not children's records. Analysts see
//    only figures, never an identifiable record.
//  - needs_two_factor: staff and professionals (every role but parent and young_person) must
//    sign in with a second factor.
//  - Pure; no I/O.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace gt {

enum class Role { Caseworker, Manager, Admin, Senco, AdviceGiver, Parent, YoungPerson, Analyst };

std::string_view role_name(Role r);
std::string_view role_label(Role r);  // "Caseworker", "Parent or carer", ...
std::optional<Role> parse_role(std::string_view name);
const std::vector<Role>& all_roles();

bool is_council_staff(Role r);   // caseworker, manager
bool is_family(Role r);          // parent, young_person
bool needs_two_factor(Role r);   // every role but the family's

// The kinds of organisation people belong to.
enum class OrganisationKind { Council, School, EpService, Health, SocialCare, Other };
std::string_view organisation_kind_name(OrganisationKind k);  // council, school, ep_service, ...
std::string_view organisation_kind_label(OrganisationKind k);
std::optional<OrganisationKind> parse_organisation_kind(std::string_view name);
const std::vector<OrganisationKind>& all_organisation_kinds();

// Which roles belong in which kind of organisation (a SENCO in a school, an advice giver in an
// EP service, health or social-care team or a school, staff in the council or in none - the
// deployment is one council's). Families belong to none.
bool role_fits_organisation(Role r, std::optional<OrganisationKind> k);

}  // namespace gt
