// Organisations: organisations, members, invitations, resets and family links (see organisations.h).
#include "app/organisations.h"

#include <sodium.h>

#include <cctype>
#include <ctime>
#include <stdexcept>

#include "app/access.h"
#include "app/errors.h"
#include "app/tokens.h"
#include "app/notices.h"
#include "app/storage.h"
#include "domain/roles.h"
#include "domain/school_age.h"
#include "domain/text.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/children_store.h"
#include "store/invitations_store.h"
#include "store/organisations_store.h"
#include "store/throttle_store.h"
#include "store/users_store.h"

namespace gt::app {

namespace {

using Kind = Error::Kind;



std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string iso_utc(std::int64_t t, bool date_only = false) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, date_only ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool valid_email(const std::string& e) {
  auto at = e.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= e.size() || e.size() > 254) return false;
  if (e.find('@', at + 1) != std::string::npos) return false;
  for (unsigned char c : e)
    if (c <= ' ' || c == 0x7f) return false;
  return e.find('.', at) != std::string::npos;
}

bool is_admin(const Actor& a) { return a.role == "admin"; }

void require_admin(const Actor& a) {
  if (!is_admin(a)) throw Error(Kind::Forbidden, "", "only the council administrator can do this");
}

// The council administrator manages every organisation; an organisation administrator only their
// own; anyone else sees no organisation at all.
void require_manager_of(const Actor& a, std::int64_t organisation_id) {
  if (is_admin(a)) return;
  if (a.org_admin && a.organisation_id && *a.organisation_id == organisation_id) return;
  throw Error(Kind::NotFound, "id", "no organisation with this id");
}

Member member_of(const store::UserRow& u) {
  return Member{u.id, u.display_name, u.email, u.role, u.org_admin, u.active, u.totp_secret.has_value()};
}

OpenInvitation open_of(const store::InvitationRow& r) {
  OpenInvitation o;
  o.id = r.id;
  o.email = r.email;
  o.name = r.display_name;
  o.role = r.role.value_or("");
  o.org_admin = r.org_admin;
  o.relationship = r.relationship.value_or("");
  o.parental_responsibility = r.parental_responsibility;
  o.expires_on = iso_utc(r.expires_at, true);
  return o;
}

// Checks an invitation's email and name; returns them trimmed.
std::pair<std::string, std::string> checked_person(const std::string& email_in, const std::string& name_in) {
  std::string email(trimmed(email_in)), name(trimmed(name_in));
  if (email.empty()) throw Error(Kind::Unprocessable, "email", "Enter their email address");
  if (!valid_email(email))
    throw Error(Kind::Unprocessable, "email", "Enter an email address in the correct format, like name@example.org");
  if (name.empty()) throw Error(Kind::Unprocessable, "name", "Enter their full name");
  if (name.size() > 100) throw Error(Kind::Unprocessable, "name", "The name must be 100 characters or fewer");
  return {email, name};
}

std::string role_phrase(const std::string& role) {
  auto r = parse_role(role);
  return r ? lower(std::string(role_label(*r))) : role;
}

}  // namespace

Organisations::Organisations(Storage& storage, const Today& today, const ServicesSettings& settings, WallClock clock)
    : storage_(storage), today_(today), settings_(settings), clock_(std::move(clock)) {
  if (!clock_) clock_ = system_seconds;
}

namespace {

// Writes an invitation and queues its email, inside the caller's transaction. Returns its id.
std::int64_t issue_link(store::Database& db, store::InvitationRow row, std::int64_t now, std::int64_t lifetime,
                        const ServicesSettings& settings, const std::string& subject, const std::string& intro) {
  std::string token = random_hex(32);
  row.token_hash = blake_hex(token);
  row.created_at = now;
  row.expires_at = now + lifetime;
  std::int64_t id = store::insert_invitation(db, row);
  std::string url = settings.public_base_url + "/invitation/" + token;
  std::string until = lifetime >= 24 * 3600 ? std::to_string(lifetime / (24 * 3600)) + " days"
                                            : std::to_string(lifetime / 60) + " minutes";
  std::string body = intro + "\n\n" + url + "\n\nThe link works once, for " + until +
                     ". If you did not expect this email, you can ignore it: nothing happens unless the link is "
                     "used.\n\nGolden Thread, the local area's SEND service";
  send_account_email(db, row.email, subject, body);
  return id;
}

}  // namespace

// --- council administrator -----------------------------------------------------------------------------

std::vector<OrganisationSummary> Organisations::list(const Actor& actor) {
  require_admin(actor);
  auto& db = storage_.read();
  std::vector<OrganisationSummary> out;
  for (const auto& o : store::list_organisations(db)) {
    int active = 0;
    for (const auto& m : store::organisation_members(db, o.id)) active += m.active ? 1 : 0;
    out.push_back(OrganisationSummary{o.id, o.name, o.kind, o.urn.value_or(""), active});
  }
  return out;
}

std::int64_t Organisations::create(const Actor& actor, const std::string& name_in, const std::string& kind,
                                   const std::string& urn_in, const std::string& route) {
  require_admin(actor);
  std::string name(trimmed(name_in)), urn(trimmed(urn_in));
  if (name.empty()) throw Error(Kind::Unprocessable, "name", "Enter the organisation's name");
  if (name.size() > 200) throw Error(Kind::Unprocessable, "name", "The name must be 200 characters or fewer");
  auto k = parse_organisation_kind(kind);
  if (!k || *k == OrganisationKind::Council)
    throw Error(Kind::Unprocessable, "kind", "Choose what kind of organisation it is");
  std::optional<std::string> stored_urn;
  if (*k == OrganisationKind::School) {
    bool six_digits = urn.size() == 6;
    for (char c : urn) six_digits = six_digits && c >= '0' && c <= '9';
    if (urn.empty()) throw Error(Kind::Unprocessable, "urn", "Enter the school's URN");
    if (!six_digits) throw Error(Kind::Unprocessable, "urn", "The URN must be 6 digits");
    stored_urn = urn;
  } else if (!urn.empty()) {
    throw Error(Kind::Unprocessable, "urn", "Only a school has a URN: leave this empty");
  }
  return storage_.write([&](store::Database& db) {
    if (stored_urn && store::find_organisation_by_urn(db, *stored_urn))
      throw Error(Kind::Conflict, "urn", "A school with this URN is already here");
    std::int64_t id = store::insert_organisation(db, store::OrganisationRow{0, name, kind, stored_urn, std::nullopt});
    store::append_audit(db, {store::AuditRow{utc_timestamp(), actor.user_id, "create", "organisation", id, route,
                                             std::nullopt, "council_admin"}});
    return id;
  });
}

StaffView Organisations::staff(const Actor& actor) {
  require_admin(actor);
  auto& db = storage_.read();
  StaffView v;
  for (const auto& u : store::council_staff_accounts(db)) v.members.push_back(member_of(u));
  for (const auto& i : store::open_staff_invitations(db, now())) v.invitations.push_back(open_of(i));
  return v;
}

void Organisations::invite_staff(const Actor& actor, const Invite& invite, const std::string& route) {
  require_admin(actor);
  auto [email, name] = checked_person(invite.email, invite.name);
  auto role = parse_role(invite.role);
  if (!role || !(is_council_staff(*role) || *role == Role::Admin || *role == Role::Analyst))
    throw Error(Kind::Unprocessable, "role", "Choose their role");
  const std::int64_t t = now();
  storage_.write([&](store::Database& db) {
    if (store::find_user_by_email(db, email))
      throw Error(Kind::Conflict, "email", "An account with this email address already exists");
    store::InvitationRow row;
    row.purpose = "invite";
    row.email = email;
    row.display_name = name;
    row.role = invite.role;
    row.created_by = actor.user_id;
    std::int64_t id = issue_link(db, row, t, kInviteSeconds, settings_, "You are invited to Golden Thread",
                                 "You have been invited to join Golden Thread, the local area's SEND service, as a " +
                                     role_phrase(invite.role) + " at the council. Set up your account here:");
    store::append_audit(db, {store::AuditRow{utc_timestamp(), actor.user_id, "invite", "invitation", id, route,
                                             std::nullopt, "council_admin"}});
  });
}

void Organisations::remove_staff(const Actor& actor, std::int64_t user_id, const std::string& route) {
  require_admin(actor);
  storage_.write([&](store::Database& db) {
    auto u = store::find_user(db, user_id);
    bool staff = u && (u->role == "caseworker" || u->role == "manager" || u->role == "admin" || u->role == "analyst") &&
                 (!u->organisation_id || u->organisation_kind == "council");
    if (!staff) throw Error(Kind::NotFound, "user_id", "no member of staff with this id");
    if (u->id == actor.user_id) throw Error(Kind::Conflict, "user_id", "You cannot remove yourself");
    if (!u->active) return;
    store::set_user_active(db, u->id, false);
    store::delete_sessions_of_user(db, u->id);
    store::cancel_invitations(db, u->email, "reset", now());
    store::append_audit(db, {store::AuditRow{utc_timestamp(), actor.user_id, "deactivate", "user", u->id, route,
                                             std::nullopt, "council_admin"}});
  });
}

// --- organisation members ---------------------------------------------------------------------------------

OrganisationView Organisations::view(const Actor& actor, std::int64_t organisation_id) {
  require_manager_of(actor, organisation_id);
  auto& db = storage_.read();
  auto org = store::find_organisation(db, organisation_id);
  if (!org) throw Error(Kind::NotFound, "id", "no organisation with this id");
  OrganisationView v;
  v.organisation = OrganisationSummary{org->id, org->name, org->kind, org->urn.value_or(""), 0};
  for (const auto& u : store::organisation_members(db, organisation_id)) {
    v.members.push_back(member_of(u));
    v.organisation.active_members += u.active ? 1 : 0;
  }
  for (const auto& i : store::open_invitations_of_organisation(db, organisation_id, now()))
    v.invitations.push_back(open_of(i));
  return v;
}

void Organisations::invite_member(const Actor& actor, std::int64_t organisation_id, const Invite& invite,
                                  const std::string& route) {
  require_manager_of(actor, organisation_id);
  auto [email, name] = checked_person(invite.email, invite.name);
  auto role = parse_role(invite.role);
  if (!role || is_family(*role)) throw Error(Kind::Unprocessable, "role", "Choose their role");
  const std::int64_t t = now();
  storage_.write([&](store::Database& db) {
    auto org = store::find_organisation(db, organisation_id);
    if (!org) throw Error(Kind::NotFound, "id", "no organisation with this id");
    if (!role_fits_organisation(*role, parse_organisation_kind(org->kind)))
      throw Error(Kind::Unprocessable, "role", "This role does not belong in this kind of organisation");
    if (store::find_user_by_email(db, email))
      throw Error(Kind::Conflict, "email", "An account with this email address already exists");
    store::InvitationRow row;
    row.purpose = "invite";
    row.email = email;
    row.display_name = name;
    row.role = invite.role;
    row.organisation_id = organisation_id;
    row.org_admin = invite.org_admin;
    row.created_by = actor.user_id;
    std::int64_t id =
        issue_link(db, row, t, kInviteSeconds, settings_, "You are invited to Golden Thread",
                   "You have been invited to join Golden Thread, the local area's SEND service, as a " +
                       role_phrase(invite.role) + " for " + org->name + ". Set up your account here:");
    store::append_audit(db, {store::AuditRow{utc_timestamp(), actor.user_id, "invite", "invitation", id, route,
                                             std::nullopt, is_admin(actor) ? "council_admin" : "org_admin"}});
  });
}

void Organisations::remove_member(const Actor& actor, std::int64_t organisation_id, std::int64_t user_id,
                                  const std::string& route) {
  require_manager_of(actor, organisation_id);
  storage_.write([&](store::Database& db) {
    auto u = store::find_user(db, user_id);
    if (!u || u->organisation_id != organisation_id)
      throw Error(Kind::NotFound, "user_id", "no member of this organisation with this id");
    if (u->id == actor.user_id) throw Error(Kind::Conflict, "user_id", "You cannot remove yourself");
    if (!u->active) return;
    store::set_user_active(db, u->id, false);
    store::delete_sessions_of_user(db, u->id);
    store::cancel_invitations(db, u->email, "reset", now());
    store::append_audit(db, {store::AuditRow{utc_timestamp(), actor.user_id, "deactivate", "user", u->id, route,
                                             std::nullopt, is_admin(actor) ? "council_admin" : "org_admin"}});
  });
}

// --- password reset ---------------------------------------------------------------------------------------

void Organisations::request_password_reset(const std::string& email_in) {
  std::string email(trimmed(email_in));
  if (!valid_email(email)) return;
  const std::int64_t t = now();
  const std::string key = "reset:" + blake_hex(lower(email));
  storage_.write([&](store::Database& db) {
    // The same work whether or not the account exists: look up, count, cancel older links.
    auto user = store::find_user_by_email(db, email);
    auto row = store::find_throttle(db, key).value_or(store::ThrottleRow{key, 0, t, 0});
    if (t - row.window_start >= Accounts::kWindowSeconds) row = store::ThrottleRow{key, 0, t, 0};
    ++row.failures;
    store::put_throttle(db, row);
    store::cancel_invitations(db, email, "reset", t);
    if (!user || !user->active || row.failures > kResetsPerWindow) return;
    store::InvitationRow inv;
    inv.purpose = "reset";
    inv.email = user->email;
    inv.display_name = user->display_name;
    inv.user_id = user->id;
    issue_link(db, inv, t, kResetSeconds, settings_, "Reset your Golden Thread password",
               "Someone asked to reset the password of your Golden Thread account. If it was you, choose a new "
               "password here:");
  });
}

// --- family links (council side) ------------------------------------------------------------------------

FamilyView Organisations::family(const Actor& actor, std::int64_t child_id, const std::string& route) {
  auto& db = storage_.read();
  Basis basis = require_child(db, actor, child_id, Capability::CaseworkWrite, today_());
  auto child = store::find_child(db, child_id);
  if (!child) throw Error(Kind::NotFound, "id", "no child or young person with this id");
  FamilyView v;
  v.child_id = child_id;
  v.child_name = child->given_name + " " + child->family_name;
  if (auto dob = Date::parse(child->date_of_birth)) v.young_person = is_young_person(*dob, today_());
  for (const auto& l : store::family_links_of_child(db, child_id))
    v.links.push_back(FamilyLinkView{l.id, l.user_id, l.user_name, l.user_email, l.relationship,
                                     l.parental_responsibility, l.acting_for_young_person, l.created_at, l.ended_at});
  for (const auto& i : store::open_invitations_of_child(db, child_id, now())) v.invitations.push_back(open_of(i));
  storage_.audit_read(store::AuditRow{utc_timestamp(), actor.user_id, "read", "family_links", child_id, route,
                                      child_id, std::string(basis_name(basis))});
  return v;
}

FamilyInviteOutcome Organisations::invite_family(const Actor& actor, std::int64_t child_id, const FamilyInvite& invite,
                                                 const std::string& route) {
  auto [email, name] = checked_person(invite.email, invite.name);
  if (invite.relationship != "parent_carer" && invite.relationship != "young_person")
    throw Error(Kind::Unprocessable, "relationship", "Choose who they are");
  const std::string role = invite.relationship == "young_person" ? "young_person" : "parent";
  const bool pr = invite.relationship == "parent_carer" && invite.parental_responsibility;
  const std::int64_t t = now();
  return storage_.write([&](store::Database& db) {
    Basis basis = require_child(db, actor, child_id, Capability::CaseworkWrite, today_());
    auto dob_text = store::child_date_of_birth(db, child_id);
    auto dob = dob_text ? Date::parse(*dob_text) : std::nullopt;
    if (invite.relationship == "young_person" && !(dob && is_young_person(*dob, today_())))
      throw Error(Kind::Unprocessable, "relationship",
                  "A young person can have their own account only after the end of compulsory school age");
    const std::string at = utc_timestamp();
    if (auto existing = store::find_user_by_email(db, email)) {
      if (!existing->active || existing->role != role)
        throw Error(Kind::Conflict, "email",
                    "This email address belongs to another kind of account. Use a different email address");
      if (store::family_link(db, existing->id, child_id))
        throw Error(Kind::Conflict, "email", "This person is already linked to this child or young person");
      store::FamilyLinkRow link;
      link.child_id = child_id;
      link.user_id = existing->id;
      link.relationship = invite.relationship;
      link.parental_responsibility = pr;
      std::int64_t link_id = store::insert_family_link(db, link, actor.user_id);
      store::append_audit(db, {store::AuditRow{at, actor.user_id, "create", "family_link", link_id, route, child_id,
                                               std::string(basis_name(basis))}});
      send_account_email(db, existing->email, "A new record on Golden Thread",
                         "The council's SEND team has added a child or young person's record to your Golden Thread "
                         "account. Sign in to see it:\n\n" +
                             settings_.public_base_url + "/sign-in\n\nGolden Thread, the local area's SEND service");
      return FamilyInviteOutcome::Linked;
    }
    store::InvitationRow row;
    row.purpose = "invite";
    row.email = email;
    row.display_name = name;
    row.role = role;
    row.child_id = child_id;
    row.relationship = invite.relationship;
    row.parental_responsibility = pr;
    row.created_by = actor.user_id;
    std::int64_t id = issue_link(
        db, row, t, kInviteSeconds, settings_, "Your invitation to Golden Thread",
        std::string(invite.relationship == "young_person"
                        ? "The council's SEND team has invited you to see your education, health and care "
                          "record on Golden Thread, and to tell us what matters to you."
                        : "The council's SEND team has invited you to see your child's education, health and care "
                          "record on Golden Thread, and to tell us what matters to your family.") +
            " Set up your account here:");
    store::append_audit(db, {store::AuditRow{at, actor.user_id, "invite", "invitation", id, route, child_id,
                                             std::string(basis_name(basis))}});
    return FamilyInviteOutcome::Invited;
  });
}

void Organisations::end_family_link(const Actor& actor, std::int64_t child_id, std::int64_t link_id,
                                    const std::string& route) {
  storage_.write([&](store::Database& db) {
    Basis basis = require_child(db, actor, child_id, Capability::CaseworkWrite, today_());
    bool found = false;
    for (const auto& l : store::family_links_of_child(db, child_id)) {
      if (l.id != link_id) continue;
      found = true;
      if (l.ended_at) throw Error(Kind::Conflict, "link_id", "This link has already ended");
    }
    if (!found) throw Error(Kind::NotFound, "link_id", "no family link with this id");
    const std::string at = utc_timestamp();
    store::end_family_link(db, link_id, at);
    store::append_audit(db, {store::AuditRow{at, actor.user_id, "end", "family_link", link_id, route, child_id,
                                             std::string(basis_name(basis))}});
  });
}

void Organisations::set_acting_for_young_person(const Actor& actor, std::int64_t child_id, std::int64_t link_id,
                                                bool acting, const std::string& route) {
  storage_.write([&](store::Database& db) {
    Basis basis = require_child(db, actor, child_id, Capability::CaseworkWrite, today_());
    std::optional<store::FamilyLinkRow> link;
    for (const auto& l : store::family_links_of_child(db, child_id))
      if (l.id == link_id) link = l;
    if (!link) throw Error(Kind::NotFound, "link_id", "no family link with this id");
    if (link->ended_at) throw Error(Kind::Conflict, "link_id", "This link has ended");
    if (link->relationship != "parent_carer")
      throw Error(Kind::Conflict, "link_id", "Only a parent or carer can act for a young person");
    auto dob_text = store::child_date_of_birth(db, child_id);
    auto dob = dob_text ? Date::parse(*dob_text) : std::nullopt;
    if (acting && !(dob && is_young_person(*dob, today_())))
      throw Error(Kind::Conflict, "link_id",
                  "A parent acts for a young person only after the end of compulsory school age");
    store::set_acting_for_young_person(db, link_id, acting);
    store::append_audit(db, {store::AuditRow{utc_timestamp(), actor.user_id,
                                             acting ? "acting_for_young_person" : "not_acting_for_young_person",
                                             "family_link", link_id, route, child_id, std::string(basis_name(basis))}});
  });
}

}  // namespace gt::app
