// Roles: wire names round-trip, who needs two-factor, which roles belong in which organisation.
#include "domain/roles.h"

#include <gtest/gtest.h>

namespace gt {
namespace {

TEST(Roles, WireNamesRoundTrip) {
  EXPECT_EQ(all_roles().size(), 8u);
  for (Role r : all_roles()) EXPECT_EQ(parse_role(role_name(r)), r);
  EXPECT_FALSE(parse_role("root"));
  EXPECT_FALSE(parse_role("Caseworker"));
  EXPECT_FALSE(parse_role(""));
}

TEST(Roles, EveryoneButTheFamilyNeedsTwoFactor) {
  for (Role r : all_roles()) EXPECT_EQ(needs_two_factor(r), r != Role::Parent && r != Role::YoungPerson) << role_name(r);
}

TEST(Roles, CouncilStaffAreCaseworkersAndManagers) {
  for (Role r : all_roles()) EXPECT_EQ(is_council_staff(r), r == Role::Caseworker || r == Role::Manager) << role_name(r);
}

TEST(Roles, BelongInTheirKindOfOrganisation) {
  using K = OrganisationKind;
  EXPECT_TRUE(role_fits_organisation(Role::Senco, K::School));
  EXPECT_FALSE(role_fits_organisation(Role::Senco, K::EpService));
  EXPECT_FALSE(role_fits_organisation(Role::Senco, std::nullopt));
  EXPECT_TRUE(role_fits_organisation(Role::AdviceGiver, K::EpService));
  EXPECT_TRUE(role_fits_organisation(Role::AdviceGiver, K::Health));
  EXPECT_FALSE(role_fits_organisation(Role::AdviceGiver, K::Council));
  EXPECT_TRUE(role_fits_organisation(Role::Caseworker, K::Council));
  EXPECT_TRUE(role_fits_organisation(Role::Caseworker, std::nullopt));
  EXPECT_FALSE(role_fits_organisation(Role::Caseworker, K::School));
  EXPECT_TRUE(role_fits_organisation(Role::Parent, std::nullopt));
  EXPECT_FALSE(role_fits_organisation(Role::Parent, K::School));
}

TEST(OrganisationKinds, WireNamesRoundTrip) {
  for (auto k : all_organisation_kinds()) EXPECT_EQ(parse_organisation_kind(organisation_kind_name(k)), k);
  EXPECT_FALSE(parse_organisation_kind("club"));
}

}  // namespace
}  // namespace gt
