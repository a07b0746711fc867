// Access: who may see which child's record, and what they may do with it. Checked on the server
// for every request by the use cases (never by the pages alone).
//
// Contract:
//  - A Basis is the relationship that lets a person see a child's record today:
//      council_staff            caseworker or team manager: every child of the council
//      parental_responsibility  a parent or carer with parental responsibility, linked to the
//                               child, while the child is of compulsory school age or younger
//      acting_for_young_person  a parent past that age, only when recorded as acting for the
//                               young person (asked by them, or they lack capacity)
//      young_person             the young person themself, past compulsory school age (s83 CFA 2014)
//      school_on_roll           a SENCO whose school has the child on roll today (placement URN)
//      advice_requested         an advice giver whose organisation was asked for advice that is
//                               still outstanding, with consent to share in force or an override
//      named_provider           an organisation named in the plan in force as the provider of a
//                               provision line (it records delivery of that provision)
//      quality_audit            an auditor (health or social care) assigned an open audit of the
//                               child's plan (council auditors already have council_staff)
//    The council administrator and analysts have no basis for any child: they see no
//    identifiable record.
//  - require_child / require_case throw app::Error NotFound when the actor has no basis (the
//    record's existence is not revealed) and Forbidden when the basis does not allow the
//    capability asked for (a forbidden action on a visible record).
//  - Every read and write of a child's record is audited with the basis returned here.
//  - An advice giver's basis for a case holds only for the case whose advice is outstanding.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "app/accounts.h"
#include "domain/date.h"
#include "store/database.h"

namespace gt::app {

enum class Basis {
  CouncilStaff,
  ParentalResponsibility,
  ActingForYoungPerson,
  YoungPerson,
  SchoolOnRoll,
  AdviceRequested,
  NamedProvider,
  QualityAudit,
};
std::string_view basis_name(Basis b);   // "council_staff", ... (the audit log's `basis`)
std::string_view basis_label(Basis b);  // plain English for the family's "who has looked" page

enum class Capability {
  CaseworkRead,   // the council's views: the child record, the case and its chronology, caseload
  CaseworkWrite,  // events, corrections, needs, placements, family links, consent, advice requests
  FamilyRead,     // the family's view of the case in plain English, documents, who has looked
  FamilyWrite,    // "all about me", consent given or withdrawn, messages, agreeing reuse, contact
  PupilRead,      // a school's view of its pupil: SEN support, decisions and deadlines
  PupilWrite,     // SEN support record, graduated approach, assessment request, review contribution
  AdviceRead,     // an advice giver's view of the case it was asked about
  AdviceWrite,    // submit or decline advice
  AllAboutMeRead, // the child's own words: everyone with a basis (tell us once)
  PlanRead,       // the issued versions of the EHC plan: council, family, school, named provider, auditor
  DeliveryWrite,  // record provision delivered: council, school on roll, named provider
  PlanAudit,      // grade a plan against the quality framework: council staff, assigned auditors
};
std::string_view capability_name(Capability c);

bool allows(Basis b, Capability c);

// The basis on which `a` may see the child's record on `today`, or nullopt (also when there is
// no such child).
std::optional<Basis> child_basis(store::Database& db, const Actor& a, std::int64_t child_id, Date today);

struct CaseAccess {
  std::int64_t child_id = 0;
  Basis basis = Basis::CouncilStaff;
};
std::optional<CaseAccess> case_basis(store::Database& db, const Actor& a, std::int64_t case_id, Date today);

Basis require_child(store::Database& db, const Actor& a, std::int64_t child_id, Capability c, Date today);
CaseAccess require_case(store::Database& db, const Actor& a, std::int64_t case_id, Capability c, Date today);

// For routes that are not about one child (caseload, child search, creating a child): only
// council staff. Others get Forbidden (403) - there is no hidden record to protect.
void require_council_staff(const Actor& a);

}  // namespace gt::app
