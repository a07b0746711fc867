#include "domain/roles.h"

#include <array>

namespace gt {

namespace {
struct RoleInfo {
  Role role;
  std::string_view name;
  std::string_view label;
};
constexpr std::array<RoleInfo, 8> kRoles{{
    {Role::Caseworker, "caseworker", "Caseworker"},
    {Role::Manager, "manager", "Team manager"},
    {Role::Admin, "admin", "Council administrator"},
    {Role::Senco, "senco", "SENCO"},
    {Role::AdviceGiver, "advice_giver", "Advice giver"},
    {Role::Parent, "parent", "Parent or carer"},
    {Role::YoungPerson, "young_person", "Young person"},
    {Role::Analyst, "analyst", "Commissioner or analyst"},
}};

struct KindInfo {
  OrganisationKind kind;
  std::string_view name;
  std::string_view label;
};
constexpr std::array<KindInfo, 6> kKinds{{
    {OrganisationKind::Council, "council", "Council"},
    {OrganisationKind::School, "school", "School or college"},
    {OrganisationKind::EpService, "ep_service", "Educational psychology service"},
    {OrganisationKind::Health, "health", "Health team"},
    {OrganisationKind::SocialCare, "social_care", "Social care team"},
    {OrganisationKind::Other, "other", "Other organisation"},
}};
}  // namespace

std::string_view role_name(Role r) { return kRoles[static_cast<size_t>(r)].name; }
std::string_view role_label(Role r) { return kRoles[static_cast<size_t>(r)].label; }

std::optional<Role> parse_role(std::string_view name) {
  for (const auto& i : kRoles)
    if (i.name == name) return i.role;
  return std::nullopt;
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> v = [] {
    std::vector<Role> out;
    for (const auto& i : kRoles) out.push_back(i.role);
    return out;
  }();
  return v;
}

bool is_council_staff(Role r) { return r == Role::Caseworker || r == Role::Manager; }
bool is_family(Role r) { return r == Role::Parent || r == Role::YoungPerson; }
bool needs_two_factor(Role r) { return !is_family(r); }

std::string_view organisation_kind_name(OrganisationKind k) { return kKinds[static_cast<size_t>(k)].name; }
std::string_view organisation_kind_label(OrganisationKind k) { return kKinds[static_cast<size_t>(k)].label; }

std::optional<OrganisationKind> parse_organisation_kind(std::string_view name) {
  for (const auto& i : kKinds)
    if (i.name == name) return i.kind;
  return std::nullopt;
}

const std::vector<OrganisationKind>& all_organisation_kinds() {
  static const std::vector<OrganisationKind> v = [] {
    std::vector<OrganisationKind> out;
    for (const auto& i : kKinds) out.push_back(i.kind);
    return out;
  }();
  return v;
}

bool role_fits_organisation(Role r, std::optional<OrganisationKind> k) {
  switch (r) {
    case Role::Caseworker:
    case Role::Manager:
    case Role::Admin:
    case Role::Analyst:
      return !k.has_value() || k == OrganisationKind::Council;  // none: the deployment's own council
    case Role::Senco:
      return k == OrganisationKind::School;
    case Role::AdviceGiver:
      return k.has_value() && *k != OrganisationKind::Council;
    case Role::Parent:
    case Role::YoungPerson:
      return !k.has_value();
  }
  return false;
}

}  // namespace gt
