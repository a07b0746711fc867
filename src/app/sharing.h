// Sharing: consent to share a child's record with each organisation - who gave it (the parent or
// carer, or the young person), for what purpose, when, and its withdrawal - and sharing without
// consent (an override recording the lawful basis, the reason and who decided). Both are shown
// to the family.
//
// Contract:
//  - view(): the organisations the record is or could be shared with (store::sharing_organisations)
//    with their state today, every consent (withdrawn ones too) and every override, newest first.
//    The family reads it with FamilyRead, the council with CaseworkRead (`need`); audited as a read.
//  - The family gives and withdraws consent themselves (FamilyWrite): given_by is the person
//    signed in, given today. Giving consent that is already in force is a Conflict.
//  - The council records consent given on paper, by phone, in person or by email (CaseworkWrite):
//    who gave it, how, and the date (not after today), and records a withdrawal it was told of.
//  - Withdrawal takes effect at once: every consent in force for the organisation is withdrawn in
//    one transaction, so access.h's advice-giver basis (advice asked AND (consent in force OR an
//    override)) ends with the commit unless an override is on record. Withdrawing when no consent
//    is in force is a Conflict. The council's staff who answer for the child are told of consent
//    given or withdrawn by the family, and the organisation's members are told (without any
//    detail of the child) that a consent they relied on was withdrawn.
//  - An override (CaseworkWrite) needs a lawful basis from domain/consent.h's list (or other, in
//    words) and a reason; it is recorded with the deciding person and time, never changed, and the
//    family is notified in the same transaction (notify_family).
//  - The organisation must exist and not be the council itself: otherwise Unprocessable on
//    "organisation". Every write is audited in its transaction with the child and the basis.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/access.h"
#include "app/accounts.h"
#include "app/services_settings.h"
#include "app/today.h"
#include "domain/child.h"
#include "domain/date.h"
#include "store/organisations_store.h"
#include "store/sharing_store.h"

namespace gt::app {

class Storage;

struct SharingOrganisation {
  store::OrganisationRow organisation;
  std::optional<store::ConsentRow> consent;  // the latest consent in force, if any
  std::optional<store::ConsentRow> last_withdrawn;  // the latest withdrawn consent, if none is in force
  bool override_on_record = false;
  bool advice_asked = false;  // advice asked of it for the child and not yet answered
  bool shared() const { return consent.has_value() || override_on_record; }
};

struct SharingView {
  Child child;
  Basis basis = Basis::CouncilStaff;
  std::vector<SharingOrganisation> organisations;
  std::vector<store::ConsentRow> consents;    // newest first, withdrawn ones too
  std::vector<store::OverrideRow> overrides;  // newest first
};

// Consent the council was told of outside this service.
struct ConsentRecorded {
  std::int64_t organisation_id = 0;
  std::string purpose;   // consent_purposes()
  std::string given_by;  // the person's name
  std::string method;    // consent_methods()
  std::optional<Date> given_on;
};

struct OverrideRequest {
  std::int64_t organisation_id = 0;
  std::string lawful_basis;  // lawful_bases()
  std::string other_basis;   // the words, when lawful_basis is "other"
  std::string reason;
};

class Sharing {
 public:
  Sharing(Storage& storage, const Today& today, const ServicesSettings& settings)
      : storage_(storage), today_(today), settings_(settings) {}

  // need: FamilyRead or CaseworkRead.
  SharingView view(const Actor& actor, std::int64_t child_id, Capability need, const std::string& route);

  // The family (FamilyWrite).
  std::int64_t give_consent(const Actor& actor, std::int64_t child_id, std::int64_t organisation_id,
                            const std::string& purpose, const std::string& route);
  int withdraw_consent(const Actor& actor, std::int64_t child_id, std::int64_t organisation_id,
                       const std::string& route);

  // The council (CaseworkWrite).
  std::int64_t record_consent(const Actor& actor, std::int64_t child_id, ConsentRecorded c, const std::string& route);
  int record_withdrawal(const Actor& actor, std::int64_t child_id, std::int64_t organisation_id,
                        std::string withdrawn_by, std::optional<Date> withdrawn_on, const std::string& route);
  std::int64_t record_override(const Actor& actor, std::int64_t child_id, OverrideRequest o, const std::string& route);

  static constexpr std::size_t kMaxName = 100;

 private:
  Storage& storage_;
  const Today& today_;
  const ServicesSettings& settings_;
};

}  // namespace gt::app
