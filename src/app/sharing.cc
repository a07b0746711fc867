#include "app/sharing.h"

#include <stdexcept>

#include "app/child_rows.h"
#include "app/errors.h"
#include "app/notices.h"
#include "app/storage.h"
#include "domain/consent.h"
#include "domain/text.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/children_store.h"
#include "store/family_store.h"

namespace gt::app {

namespace {

using Kind = Error::Kind;

store::AuditRow audit(const Actor& a, const char* action, const char* subject, std::optional<std::int64_t> id,
                      const std::string& route, std::int64_t child_id, Basis basis) {
  return store::AuditRow{utc_timestamp(), a.user_id, action, subject, id, route, child_id,
                         std::string(basis_name(basis))};
}

store::OrganisationRow organisation_to_share_with(store::Database& db, std::int64_t organisation_id) {
  auto org = store::find_organisation(db, organisation_id);
  if (!org || org->kind == "council")
    throw Error(Kind::Unprocessable, "organisation", "select an organisation from the list");
  return *org;
}

void check_purpose(const std::string& purpose) {
  if (!consent_purposes().contains(purpose))
    throw Error(Kind::Unprocessable, "purpose", "select what the organisation may use the record for");
}

std::string checked_name(std::string name, const char* field, const char* what) {
  trim(name);
  if (name.empty()) throw Error(Kind::Unprocessable, field, std::string("enter the name of the person who ") + what);
  if (name.size() > Sharing::kMaxName)
    throw Error(Kind::Unprocessable, field, "the name must be " + std::to_string(Sharing::kMaxName) + " characters or fewer");
  return name;
}

Date checked_date(std::optional<Date> d, const char* field, const char* what, Date today) {
  if (!d) throw Error(Kind::Unprocessable, field, std::string("enter the date ") + what);
  if (*d > today) throw Error(Kind::Unprocessable, field, std::string("the date ") + what + " must be today or in the past");
  return *d;
}

void tell_council(store::Database& db, std::int64_t child_id, const Notice& n) {
  for (auto id : store::council_contacts_of_child(db, child_id)) notify_user(db, id, n);
}

std::string child_path(std::int64_t child_id) { return "/children/" + std::to_string(child_id) + "/sharing"; }

std::int64_t insert(store::Database& db, std::int64_t child_id, std::int64_t organisation_id, const std::string& purpose,
                    const std::string& given_by, std::optional<std::int64_t> given_by_user, Date given_on,
                    const Actor& actor) {
  if (store::consent_in_force(db, child_id, organisation_id))
    throw Error(Kind::Conflict, "organisation", "consent to share with this organisation is already in force");
  store::ConsentRow r;
  r.child_id = child_id;
  r.organisation_id = organisation_id;
  r.purpose = purpose;
  r.given_by = given_by;
  r.given_by_user = given_by_user;
  r.given_on = given_on.to_string();
  r.recorded_by = actor.user_id;
  r.recorded_at = utc_timestamp();
  return store::insert_consent(db, r);
}

int withdraw(store::Database& db, std::int64_t child_id, const store::OrganisationRow& org, const std::string& by,
             Date on, const Actor& actor) {
  int n = store::withdraw_consents(db, child_id, org.id, on.to_string(), by, actor.user_id, utc_timestamp());
  if (n == 0) throw Error(Kind::Conflict, "organisation", "there is no consent in force to withdraw for this organisation");
  Notice o;
  o.kind = "consent_withdrawn";
  o.what_changed = "Consent to share a child's record with your organisation has been withdrawn.";
  o.what_needed = store::override_on_record(db, child_id, org.id)
                      ? "Nothing: the council has recorded a lawful basis to share without consent."
                      : "Nothing: you can no longer see the record. The council will tell you about any advice you were asked for.";
  o.link = "/notifications";
  notify_organisation(db, org.id, o);
  return n;
}

}  // namespace

SharingView Sharing::view(const Actor& actor, std::int64_t child_id, Capability need, const std::string& route) {
  if (need != Capability::FamilyRead && need != Capability::CaseworkRead)
    throw std::invalid_argument("Sharing::view: unexpected capability");
  auto& db = storage_.read();
  Basis basis = require_child(db, actor, child_id, need, today_());
  auto row = store::find_child(db, child_id);
  if (!row) throw Error(Kind::NotFound, "id", "no child or young person with this id");
  SharingView v;
  v.child = child_from_row(*row);
  v.basis = basis;
  v.consents = store::consents_of_child(db, child_id);
  v.overrides = store::overrides_of_child(db, child_id);
  for (const auto& org : store::sharing_organisations(db, child_id)) {
    SharingOrganisation s;
    s.organisation = org;
    for (const auto& c : v.consents) {
      if (c.organisation_id != org.id) continue;
      if (!c.withdrawn_on && !s.consent) s.consent = c;
      if (c.withdrawn_on && !s.last_withdrawn) s.last_withdrawn = c;
    }
    if (s.consent) s.last_withdrawn.reset();
    for (const auto& o : v.overrides)
      if (o.organisation_id == org.id) s.override_on_record = true;
    s.advice_asked = store::advice_open_for_child(db, org.id, child_id);
    v.organisations.push_back(std::move(s));
  }
  storage_.audit_read(audit(actor, "read", "sharing", child_id, route, child_id, basis));
  return v;
}

std::int64_t Sharing::give_consent(const Actor& actor, std::int64_t child_id, std::int64_t organisation_id,
                                   const std::string& purpose, const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    Basis basis = require_child(db, actor, child_id, Capability::FamilyWrite, today);
    auto org = organisation_to_share_with(db, organisation_id);
    check_purpose(purpose);
    std::int64_t id = insert(db, child_id, org.id, purpose, actor.name, actor.user_id, today, actor);
    store::append_audit(db, {audit(actor, "give-consent", "consent", id, route, child_id, basis)});
    Notice n;
    n.kind = "consent_given";
    n.what_changed = "The family has given consent to share their child's record with " + org.name + ".";
    n.what_needed = "Nothing, unless you were waiting for it to ask for advice.";
    n.link = child_path(child_id);
    n.child_id = child_id;
    tell_council(db, child_id, n);
    return id;
  });
}

int Sharing::withdraw_consent(const Actor& actor, std::int64_t child_id, std::int64_t organisation_id,
                              const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    Basis basis = require_child(db, actor, child_id, Capability::FamilyWrite, today);
    auto org = organisation_to_share_with(db, organisation_id);
    int n = withdraw(db, child_id, org, actor.name, today, actor);
    store::append_audit(db, {audit(actor, "withdraw-consent", "consent", org.id, route, child_id, basis)});
    Notice c;
    c.kind = "consent_withdrawn";
    c.what_changed = "The family has withdrawn consent to share their child's record with " + org.name + ".";
    c.what_needed = store::advice_open_for_child(db, org.id, child_id)
                        ? "Advice asked of them is still open: they can no longer see the record. Talk to the family, or "
                          "record a lawful basis to share without consent if there is one."
                        : "Nothing: they can no longer see the record.";
    c.link = child_path(child_id);
    c.child_id = child_id;
    tell_council(db, child_id, c);
    return n;
  });
}

std::int64_t Sharing::record_consent(const Actor& actor, std::int64_t child_id, ConsentRecorded c,
                                     const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    Basis basis = require_child(db, actor, child_id, Capability::CaseworkWrite, today);
    auto org = organisation_to_share_with(db, c.organisation_id);
    check_purpose(c.purpose);
    std::string who = checked_name(c.given_by, "given_by", "gave consent");
    if (!consent_methods().contains(c.method))
      throw Error(Kind::Unprocessable, "method", "select how the consent was given");
    Date on = checked_date(c.given_on, "given_on", "consent was given", today);
    std::string given_by = who + " (" + std::string(consent_methods().label(c.method)) + ")";
    // Not tied to a user: the person may have no account; the method says how we know.
    std::int64_t id = insert(db, child_id, org.id, c.purpose, given_by, std::nullopt, on, actor);
    store::append_audit(db, {audit(actor, "record-consent", "consent", id, route, child_id, basis)});
    return id;
  });
}

int Sharing::record_withdrawal(const Actor& actor, std::int64_t child_id, std::int64_t organisation_id,
                               std::string withdrawn_by, std::optional<Date> withdrawn_on, const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    Basis basis = require_child(db, actor, child_id, Capability::CaseworkWrite, today);
    auto org = organisation_to_share_with(db, organisation_id);
    std::string who = checked_name(withdrawn_by, "withdrawn_by", "withdrew consent");
    Date on = checked_date(withdrawn_on, "withdrawn_on", "consent was withdrawn", today);
    int n = withdraw(db, child_id, org, who, on, actor);
    store::append_audit(db, {audit(actor, "record-withdrawal", "consent", org.id, route, child_id, basis)});
    return n;
  });
}

std::int64_t Sharing::record_override(const Actor& actor, std::int64_t child_id, OverrideRequest o,
                                      const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    Basis basis = require_child(db, actor, child_id, Capability::CaseworkWrite, today);
    auto org = organisation_to_share_with(db, o.organisation_id);
    auto errors = validate_override(o.lawful_basis, o.other_basis, o.reason);
    if (!errors.empty()) throw Error(Kind::Unprocessable, errors.front().field, errors.front().reason);
    store::OverrideRow r;
    r.child_id = child_id;
    r.organisation_id = org.id;
    r.lawful_basis = lawful_basis_words(o.lawful_basis, o.other_basis);
    r.reason = o.reason;
    r.decided_by = actor.user_id;
    r.decided_at = utc_timestamp();
    std::int64_t id = store::insert_override(db, r);
    store::append_audit(db, {audit(actor, "record-override", "sharing_override", id, route, child_id, basis)});
    Notice n;
    n.kind = "sharing_override";
    n.what_changed = "The council has decided to share your child's record with " + org.name +
                     " without your consent, and recorded the lawful basis and the reason.";
    n.what_needed = "Nothing needs doing. You can read the reason on the sharing page, and ask the council about it.";
    n.link = "/family/children/" + std::to_string(child_id) + "/sharing";
    n.child_id = child_id;
    notify_family(db, child_id, n, today);
    return id;
  });
}

}  // namespace gt::app
