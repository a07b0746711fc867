#include "app/access.h"

#include "app/errors.h"
#include "domain/roles.h"
#include "domain/school_age.h"
#include "store/access_store.h"
#include "store/delivery_store.h"
#include "store/quality_store.h"

namespace gt::app {

std::string_view basis_name(Basis b) {
  switch (b) {
    case Basis::CouncilStaff: return "council_staff";
    case Basis::ParentalResponsibility: return "parental_responsibility";
    case Basis::ActingForYoungPerson: return "acting_for_young_person";
    case Basis::YoungPerson: return "young_person";
    case Basis::SchoolOnRoll: return "school_on_roll";
    case Basis::AdviceRequested: return "advice_requested";
    case Basis::NamedProvider: return "named_provider";
    case Basis::QualityAudit: return "quality_audit";
  }
  return "";
}

std::string_view basis_label(Basis b) {
  switch (b) {
    case Basis::CouncilStaff: return "Council SEND team";
    case Basis::ParentalResponsibility: return "Parent or carer";
    case Basis::ActingForYoungPerson: return "Parent or carer acting for the young person";
    case Basis::YoungPerson: return "The young person";
    case Basis::SchoolOnRoll: return "School (on roll there)";
    case Basis::AdviceRequested: return "Asked to give advice";
    case Basis::NamedProvider: return "Provides help named in the plan";
    case Basis::QualityAudit: return "Checking the quality of the plan";
  }
  return "";
}

std::string_view capability_name(Capability c) {
  switch (c) {
    case Capability::CaseworkRead: return "casework_read";
    case Capability::CaseworkWrite: return "casework_write";
    case Capability::FamilyRead: return "family_read";
    case Capability::FamilyWrite: return "family_write";
    case Capability::PupilRead: return "pupil_read";
    case Capability::PupilWrite: return "pupil_write";
    case Capability::AdviceRead: return "advice_read";
    case Capability::AdviceWrite: return "advice_write";
    case Capability::AllAboutMeRead: return "all_about_me_read";
    case Capability::PlanRead: return "plan_read";
    case Capability::DeliveryWrite: return "delivery_write";
    case Capability::PlanAudit: return "plan_audit";
  }
  return "";
}

bool allows(Basis b, Capability c) {
  switch (b) {
    case Basis::CouncilStaff:
      return c == Capability::CaseworkRead || c == Capability::CaseworkWrite || c == Capability::AllAboutMeRead ||
             c == Capability::PlanRead || c == Capability::DeliveryWrite || c == Capability::PlanAudit;
    case Basis::ParentalResponsibility:
    case Basis::ActingForYoungPerson:
    case Basis::YoungPerson:
      return c == Capability::FamilyRead || c == Capability::FamilyWrite || c == Capability::AllAboutMeRead ||
             c == Capability::PlanRead;
    case Basis::SchoolOnRoll:
      return c == Capability::PupilRead || c == Capability::PupilWrite || c == Capability::AllAboutMeRead ||
             c == Capability::PlanRead || c == Capability::DeliveryWrite;
    case Basis::AdviceRequested:
      return c == Capability::AdviceRead || c == Capability::AdviceWrite || c == Capability::AllAboutMeRead;
    case Basis::NamedProvider:
      return c == Capability::PlanRead || c == Capability::DeliveryWrite;
    case Basis::QualityAudit:
      return c == Capability::PlanRead || c == Capability::PlanAudit;
  }
  return false;
}

namespace {

std::optional<Basis> family_basis(store::Database& db, const Actor& a, Role role, std::int64_t child_id, Date today) {
  auto link = store::family_link(db, a.user_id, child_id);
  if (!link) return std::nullopt;
  auto dob_text = store::child_date_of_birth(db, child_id);
  auto dob = dob_text ? Date::parse(*dob_text) : std::nullopt;
  if (!dob) return std::nullopt;
  bool adult_rights = is_young_person(*dob, today);
  if (role == Role::YoungPerson) {
    if (link->relationship == "young_person" && adult_rights) return Basis::YoungPerson;
    return std::nullopt;
  }
  if (link->relationship != "parent_carer") return std::nullopt;
  if (!adult_rights) {
    if (link->parental_responsibility) return Basis::ParentalResponsibility;
    return std::nullopt;
  }
  if (link->acting_for_young_person) return Basis::ActingForYoungPerson;
  return std::nullopt;
}

bool shared_with(store::Database& db, std::int64_t child_id, std::int64_t org) {
  return store::consent_in_force(db, child_id, org) || store::override_on_record(db, child_id, org);
}

}  // namespace

std::optional<Basis> child_basis(store::Database& db, const Actor& a, std::int64_t child_id, Date today) {
  auto role = parse_role(a.role);
  if (!role) return std::nullopt;
  switch (*role) {
    case Role::Caseworker:
    case Role::Manager:
      if (a.organisation_kind != "council" && a.organisation_id) return std::nullopt;
      if (!store::child_date_of_birth(db, child_id)) return std::nullopt;
      return Basis::CouncilStaff;
    case Role::Parent:
    case Role::YoungPerson:
      return family_basis(db, a, *role, child_id, today);
    case Role::Senco:
      if (!a.organisation_id) return std::nullopt;
      if (store::on_roll(db, *a.organisation_id, child_id, today.to_string())) return Basis::SchoolOnRoll;
      // A school named in the plan in force as the provider of a line, the child not on roll there.
      if (store::named_provider_for_child(db, *a.organisation_id, child_id)) return Basis::NamedProvider;
      return std::nullopt;
    case Role::AdviceGiver:
      if (!a.organisation_id) return std::nullopt;
      if (store::advice_open_for_child(db, *a.organisation_id, child_id) &&
          shared_with(db, child_id, *a.organisation_id))
        return Basis::AdviceRequested;
      if (store::named_provider_for_child(db, *a.organisation_id, child_id)) return Basis::NamedProvider;
      // Assigned an audit of the child's plan that is still open (quality assurance, app/quality.h).
      if (store::quality_audit_open_for_child(db, a.user_id, child_id)) return Basis::QualityAudit;
      return std::nullopt;
    case Role::Admin:
    case Role::Analyst:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<CaseAccess> case_basis(store::Database& db, const Actor& a, std::int64_t case_id, Date today) {
  auto child = store::child_of_case(db, case_id);
  if (!child) return std::nullopt;
  if (a.role == "advice_giver") {
    if (!a.organisation_id) return std::nullopt;
    if (store::advice_open_for_case(db, *a.organisation_id, case_id) && shared_with(db, *child, *a.organisation_id))
      return CaseAccess{*child, Basis::AdviceRequested};
    // Named in this case's plan in force as the provider of a line (no consent needed: the plan
    // itself names them, and they see the plan and record delivery, nothing else).
    if (store::named_provider_for_case(db, *a.organisation_id, case_id)) return CaseAccess{*child, Basis::NamedProvider};
    // Assigned an open audit of this case's plan (quality assurance).
    if (store::quality_audit_open_for_case(db, a.user_id, case_id)) return CaseAccess{*child, Basis::QualityAudit};
    return std::nullopt;
  }
  auto b = child_basis(db, a, *child, today);
  if (!b) return std::nullopt;
  // A provider's basis holds only for the case whose plan names it.
  if (*b == Basis::NamedProvider &&
      (!a.organisation_id || !store::named_provider_for_case(db, *a.organisation_id, case_id)))
    return std::nullopt;
  return CaseAccess{*child, *b};
}

Basis require_child(store::Database& db, const Actor& a, std::int64_t child_id, Capability c, Date today) {
  auto b = child_basis(db, a, child_id, today);
  if (!b) throw Error(Error::Kind::NotFound, "id", "no child or young person with this id");
  if (!allows(*b, c)) throw Error(Error::Kind::Forbidden, "", "you cannot do this with this child's record");
  return *b;
}

CaseAccess require_case(store::Database& db, const Actor& a, std::int64_t case_id, Capability c, Date today) {
  auto acc = case_basis(db, a, case_id, today);
  if (!acc) throw Error(Error::Kind::NotFound, "id", "no case with this id");
  if (!allows(acc->basis, c)) throw Error(Error::Kind::Forbidden, "", "you cannot do this with this case");
  return *acc;
}

void require_council_staff(const Actor& a) {
  auto role = parse_role(a.role);
  if (!role || !is_council_staff(*role))
    throw Error(Error::Kind::Forbidden, "", "only the council's SEND team can do this");
}

}  // namespace gt::app
