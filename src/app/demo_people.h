// Demo people: the organisations of the demo council's area and an account for every role, with
// the relationships that give them something to see, so a newcomer can sign in as a caseworker,
// a team manager, a council administrator, an analyst, a SENCO, an educational psychologist, a
// parent and a young person and follow one child through (README lists them).
//
// Contract:
//  - write_demo_people runs inside write_demo's transaction, after the council's cases: it is
//    deterministic (the same council gives the same rows) and needs no randomness of its own.
//  - Organisations: the council (every member of staff joins it), one school organisation per
//    establishment with a URN, an EP service, a health team and a social-care team.
//  - Every advice request still outstanding in the chronologies (advice_requested without its
//    advice_received, in a case still at assessment or drafting) becomes an advice_requests row
//    for the matching organisation (the child's school for education advice), with the family's
//    consent recorded on the request date - so each service's inbox is realistic.
//  - The walkthrough child: the first case (in generation order) at the assessment stage, of
//    compulsory school age, on roll at a school, with educational psychology advice outstanding.
//    parent@ is their parent (with parental responsibility); senco@ is the SENCO (and organisation
//    administrator) of their school; ep@ the EP service's advice giver (and administrator).
//  - young.person@ is linked to the first plan holder past compulsory school age.
//  - Passwords are kDemoPassword; every professional's TOTP secret is kDemoTotpSecret (public:
//    for the demo only). Families sign in with the password alone.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace gt::app {

struct DemoCouncil;

inline constexpr const char* kDemoAdminEmail = "admin@northmoor.example";
inline constexpr const char* kDemoAnalystEmail = "analyst@northmoor.example";
inline constexpr const char* kDemoSencoEmail = "senco@northmoor.example";
inline constexpr const char* kDemoEpEmail = "ep@northmoor.example";
inline constexpr const char* kDemoHealthEmail = "health@northmoor.example";
inline constexpr const char* kDemoParentEmail = "parent@northmoor.example";
inline constexpr const char* kDemoYoungPersonEmail = "young.person@northmoor.example";

struct DemoPeople {
  std::int64_t walkthrough_child = 0;  // 0 when the council has no suitable case (tiny demos)
  std::int64_t walkthrough_case = 0;
  std::string walkthrough_school;      // the school's name
  std::int64_t young_person_child = 0;
  int organisations = 0;
  int advice_requests = 0;
};

// `child_ids` and `case_ids` are the ids write_demo gave council.cases, index for index.
DemoPeople write_demo_people(store::Database& db, const DemoCouncil& council, const std::vector<std::int64_t>& child_ids,
                             const std::vector<std::int64_t>& case_ids,
                             const std::vector<std::int64_t>& staff_ids,
                             std::string (*password_hash)(std::uint64_t seed, const std::string& email));

}  // namespace gt::app
