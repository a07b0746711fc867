#include "web/audience.h"

#include <array>

namespace gt::web {

namespace {

enum class Who { QualityUsers, StaffOrAdmin, StaffOrAnalyst, SignedIn, Family, Senco, AdviceGiver, CouncilStaff, Admin, OrgAdmin, DeliveryRecorders };

struct Area {
  std::string_view prefix;
  Who who;
};

// Ordered: the first prefix that matches decides.
constexpr std::array<Area, 17> kAreas{{
    {"/family/contact", Who::SignedIn},
    {"/family", Who::Family},
    {"/school", Who::Senco},
    {"/advice", Who::AdviceGiver},
    {"/children", Who::CouncilStaff},
    {"/cases", Who::CouncilStaff},
    {"/reviews", Who::CouncilStaff},
    {"/api/v1/children", Who::CouncilStaff},
    {"/api/v1/cases", Who::CouncilStaff},
    {"/api/v1/caseload", Who::CouncilStaff},
    {"/quality/framework", Who::StaffOrAdmin},
    {"/quality/teams", Who::StaffOrAdmin},
    {"/quality/results", Who::StaffOrAnalyst},
    {"/quality", Who::QualityUsers},
    {"/admin", Who::Admin},
    {"/organisation", Who::OrgAdmin},
    {"/delivery", Who::DeliveryRecorders},
}};

// "/school" matches "/school" and "/school/..." but not "/schools".
bool under(std::string_view pattern, std::string_view prefix) {
  if (pattern.substr(0, prefix.size()) != prefix) return false;
  return pattern.size() == prefix.size() || pattern[prefix.size()] == '/';
}

bool fits(Who who, const app::Actor& a) {
  const std::string& r = a.role;
  switch (who) {
    case Who::SignedIn: return true;
    case Who::Family: return r == "parent" || r == "young_person";
    case Who::Senco: return r == "senco";
    case Who::AdviceGiver: return r == "advice_giver";
    case Who::CouncilStaff: return r == "caseworker" || r == "manager";
    case Who::Admin: return r == "admin";
    case Who::OrgAdmin: return a.org_admin;
    case Who::DeliveryRecorders:
      return r == "caseworker" || r == "manager" || r == "senco" || r == "advice_giver";
    case Who::QualityUsers: return r == "caseworker" || r == "manager" || r == "advice_giver";
    case Who::StaffOrAdmin: return r == "caseworker" || r == "manager" || r == "admin";
    case Who::StaffOrAnalyst: return r == "caseworker" || r == "manager" || r == "analyst";
  }
  return false;
}

}  // namespace

bool audience_allows(std::string_view pattern, const app::Actor& actor) {
  for (const auto& area : kAreas)
    if (under(pattern, area.prefix)) return fits(area.who, actor);
  return true;
}

}  // namespace gt::web
