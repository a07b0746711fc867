// Accounts: sign-in in one or two steps, sessions with idle and absolute time-outs, throttling,
// and the use of invitation and reset links (see accounts.h).
#include "app/accounts.h"

#include <sodium.h>

#include <ctime>
#include <stdexcept>

#include "app/access.h"
#include "app/errors.h"
#include "app/tokens.h"
#include "app/passwords.h"
#include "app/storage.h"
#include "app/two_factor.h"
#include "domain/roles.h"
#include "domain/text.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/invitations_store.h"
#include "store/organisations_store.h"
#include "store/throttle_store.h"
#include "store/users_store.h"

namespace gt::app {

namespace {

void ensure_sodium() {
  static const int rc = sodium_init();
  if (rc < 0) throw std::runtime_error("libsodium failed to initialise");
}



std::string token_hash(const std::string& token) { return blake_hex(token); }

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string account_key(const std::string& email) { return "account:" + blake_hex(lower(std::string(trimmed(email)))); }
std::string address_key(const std::string& address) { return "address:" + blake_hex(address); }

Actor actor_of(const store::UserRow& u) {
  Actor a{u.id, u.display_name, u.email, u.role, u.organisation_id, u.organisation_name, u.organisation_kind,
          u.org_admin};
  a.two_factor = u.totp_secret.has_value();
  return a;
}

bool two_factor_role(const std::string& role) {
  auto r = parse_role(role);
  return !r || needs_two_factor(*r);  // an unknown role is treated as the strictest
}

bool valid_email(const std::string& e) {
  auto at = e.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= e.size() || e.size() > 254) return false;
  if (e.find('@', at + 1) != std::string::npos) return false;
  for (unsigned char c : e)
    if (c <= ' ' || c == 0x7f) return false;
  return e.find('.', at) != std::string::npos;
}

Error link_gone() {
  return Error(Error::Kind::NotFound, "token",
               "This link has expired or has already been used. Ask for a new one.");
}

std::string iso_utc(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

std::int64_t system_seconds() { return static_cast<std::int64_t>(std::time(nullptr)); }

Accounts::Accounts(Storage& storage, WallClock clock) : storage_(storage), clock_(std::move(clock)) {
  ensure_sodium();
  if (!clock_) clock_ = system_seconds;
  common_passwords();  // read the deny list now: a missing list fails at start-up, not at sign-in
  dummy_hash_ = hash_password(random_hex(16));
}

Actor Accounts::create_user(const std::string& email, const std::string& name, const std::string& role,
                            const std::string& password, std::optional<std::int64_t> organisation_id, bool org_admin) {
  if (!valid_email(email)) throw Error(Error::Kind::Unprocessable, "email", "must be an email address like name@example.org");
  if (name.empty() || name.size() > 100) throw Error(Error::Kind::Unprocessable, "name", "must be 1 to 100 characters");
  auto parsed_role = parse_role(role);
  if (!parsed_role)
    throw Error(Error::Kind::Unprocessable, "role",
                "must be one of caseworker, manager, admin, senco, advice_giver, parent, young_person, analyst");
  check_new_password(password, email, role);
  std::string hash = hash_password(password);
  return storage_.write([&](store::Database& db) {
    if (store::find_user_by_email(db, email))
      throw Error(Error::Kind::Conflict, "email", "an account with this email already exists");
    std::optional<OrganisationKind> kind;
    if (organisation_id) {
      auto org = store::find_organisation(db, *organisation_id);
      if (!org) throw Error(Error::Kind::Unprocessable, "organisation_id", "no organisation with this id");
      kind = parse_organisation_kind(org->kind);
    }
    if (!role_fits_organisation(*parsed_role, kind))
      throw Error(Error::Kind::Unprocessable, "role", "this role does not belong in this kind of organisation");
    store::UserRow u;
    u.email = email;
    u.display_name = name;
    u.role = role;
    u.password_hash = hash;
    u.organisation_id = organisation_id;
    u.org_admin = org_admin;
    u.id = store::insert_user(db, u);
    auto stored = store::find_user(db, u.id);
    return actor_of(*stored);
  });
}

void Accounts::set_totp_secret(std::int64_t user_id, const std::string& secret) {
  std::string s = normalise_totp_secret(secret);
  if (!valid_totp_secret(s))
    throw Error(Error::Kind::Unprocessable, "totp_secret", "must be 32 characters of base32 (A to Z and 2 to 7)");
  storage_.write([&](store::Database& db) {
    if (!store::find_user(db, user_id)) throw Error(Error::Kind::NotFound, "user_id", "no user with this id");
    store::set_totp_secret(db, user_id, s);
  });
}

// --- throttling ------------------------------------------------------------------------------------

bool Accounts::locked(const std::string& email, const std::string& address, std::int64_t t) {
  auto& db = storage_.read();
  auto acc = store::find_throttle(db, account_key(email));
  if (acc && acc->locked_until > t) return true;
  if (address.empty()) return false;
  auto addr = store::find_throttle(db, address_key(address));
  return addr && addr->locked_until > t;
}

void Accounts::record_failure(const std::string& email, const std::string& address, std::int64_t t) {
  auto bump = [&](store::Database& db, const std::string& key, std::int64_t limit) {
    auto row = store::find_throttle(db, key).value_or(store::ThrottleRow{key, 0, t, 0});
    if (t - row.window_start >= kWindowSeconds) {
      row.failures = 0;
      row.window_start = t;
    }
    if (++row.failures >= limit) {
      row.locked_until = t + kLockSeconds;
      row.failures = 0;
      row.window_start = t;
    }
    store::put_throttle(db, row);
  };
  storage_.write([&](store::Database& db) {
    bump(db, account_key(email), kAccountFailures);
    if (!address.empty()) bump(db, address_key(address), kAddressFailures);
  });
}

void Accounts::clear_account_failures(const std::string& email) {
  storage_.write([&](store::Database& db) { store::clear_throttle(db, account_key(email)); });
}

// --- sessions ----------------------------------------------------------------------------------------

Session Accounts::start_session(std::int64_t user_id, bool full, const Actor& actor) {
  Session s{random_hex(32), random_hex(32), actor, !full};
  std::int64_t t = now();
  storage_.write([&](store::Database& db) {
    store::delete_expired_sessions(db, t, t - kIdleSeconds);
    store::delete_stale_throttles(db, t - kWindowSeconds - kLockSeconds);
    store::SessionRow row{token_hash(s.token), user_id, s.csrf, t, t + (full ? kSessionSeconds : kPendingSeconds)};
    row.last_seen = t;
    row.mfa_done = full;
    store::insert_session(db, row);
  });
  return s;
}

SignInResult Accounts::sign_in(const SignInAttempt& at) {
  const std::int64_t t = now();
  if (locked(at.email, at.address, t)) return {SignInStatus::Locked, std::nullopt};
  auto user = store::find_user_by_email(storage_.read(), std::string(trimmed(at.email)));
  bool ok = verify_password(user ? user->password_hash : dummy_hash_, at.password);
  if (!user || !ok || !user->active) {
    record_failure(at.email, at.address, t);
    return {SignInStatus::Refused, std::nullopt};
  }
  Actor actor = actor_of(*user);
  if (!two_factor_role(user->role)) {
    clear_account_failures(at.email);
    return {SignInStatus::SignedIn, start_session(user->id, true, actor)};
  }
  if (at.totp) {
    if (!user->totp_secret) return {SignInStatus::NotEnrolled, std::nullopt};
    auto step = totp_accept(*user->totp_secret, *at.totp, t, user->totp_last_step);
    bool fresh = step && storage_.write([&](store::Database& db) { return store::advance_totp_step(db, user->id, *step); });
    if (!fresh) {
      record_failure(at.email, at.address, t);
      return {SignInStatus::WrongCode, std::nullopt};
    }
    clear_account_failures(at.email);
    return {SignInStatus::SignedIn, start_session(user->id, true, actor)};
  }
  if (!at.allow_pending)
    return {user->totp_secret ? SignInStatus::SecondStep : SignInStatus::NotEnrolled, std::nullopt};
  return {SignInStatus::SecondStep, start_session(user->id, false, actor)};
}

std::optional<Session> Accounts::sign_in(const std::string& email, const std::string& password) {
  return sign_in(SignInAttempt{email, password, "", std::nullopt, true}).session;
}

SignInResult Accounts::complete_two_factor(const std::string& pending_token, const std::string& code,
                                           const std::string& enrol_secret, const std::string& address) {
  const std::int64_t t = now();
  auto current = session(pending_token);
  if (!current || !current->pending) return {SignInStatus::Refused, std::nullopt};
  auto user = store::find_user(storage_.read(), current->actor.user_id);
  if (!user || !user->active) return {SignInStatus::Refused, std::nullopt};
  if (locked(user->email, address, t)) return {SignInStatus::Locked, std::nullopt};
  const bool enrolling = !user->totp_secret;
  const std::string secret = enrolling ? normalise_totp_secret(enrol_secret) : *user->totp_secret;
  std::optional<std::int64_t> step;
  if (valid_totp_secret(secret)) step = totp_accept(secret, code, t, enrolling ? 0 : user->totp_last_step);
  Session full{random_hex(32), random_hex(32), actor_of(*user), false};
  full.actor.two_factor = true;
  bool done = step && storage_.write([&](store::Database& db) {
    if (enrolling) store::set_totp_secret(db, user->id, secret);
    if (!store::advance_totp_step(db, user->id, *step)) return false;
    store::delete_session(db, token_hash(pending_token));
    store::SessionRow row{token_hash(full.token), user->id, full.csrf, t, t + kSessionSeconds};
    row.last_seen = t;
    row.mfa_done = true;
    store::insert_session(db, row);
    return true;
  });
  if (!done) {
    record_failure(user->email, address, t);
    return {SignInStatus::WrongCode, std::nullopt};
  }
  clear_account_failures(user->email);
  return {SignInStatus::SignedIn, full};
}

std::optional<Session> Accounts::session(const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  auto& db = storage_.read();
  const std::string hash = token_hash(token);
  auto row = store::find_session(db, hash);
  if (!row) return std::nullopt;
  const std::int64_t t = now();
  if (row->expires_at <= t) return std::nullopt;
  if (row->mfa_done && t - row->last_seen >= kIdleSeconds) return std::nullopt;
  auto user = store::find_user(db, row->user_id);
  if (!user || !user->active) return std::nullopt;
  if (t - row->last_seen >= kTouchSeconds)
    storage_.write([&](store::Database& w) { store::touch_session(w, hash, t); });
  return Session{token, row->csrf_token, actor_of(*user), !row->mfa_done};
}

void Accounts::sign_out(const std::string& token) {
  storage_.write([&](store::Database& db) { store::delete_session(db, token_hash(token)); });
}

void Accounts::change_password(const std::string& token, const std::string& current, const std::string& password) {
  auto s = session(token);
  if (!s || s->pending) throw Error(Error::Kind::Unauthenticated, "session", "sign in first");
  auto user = store::find_user(storage_.read(), s->actor.user_id);
  if (!user) throw Error(Error::Kind::Unauthenticated, "session", "sign in first");
  const std::int64_t t = now();
  if (locked(user->email, "", t))
    throw Error(Error::Kind::Unprocessable, "current_password",
                "There have been too many wrong passwords. Wait 15 minutes and try again");
  if (current.empty()) throw Error(Error::Kind::Unprocessable, "current_password", "Enter your current password");
  if (!verify_password(user->password_hash, current)) {
    record_failure(user->email, "", t);
    throw Error(Error::Kind::Unprocessable, "current_password", "Your current password is not right");
  }
  check_new_password(password, user->email, user->role);
  std::string hash = hash_password(password);
  storage_.write([&](store::Database& db) {
    store::update_password_hash(db, user->id, hash);
    store::delete_sessions_of_user(db, user->id, token_hash(token));
  });
}

// --- invitation and reset links ------------------------------------------------------------------------

LinkView Accounts::link(const std::string& token) {
  if (token.size() != 64) throw link_gone();
  auto& db = storage_.read();
  auto inv = store::find_invitation(db, token_hash(token));
  if (!inv || inv->used_at || inv->expires_at <= now()) throw link_gone();
  LinkView v;
  v.purpose = inv->purpose;
  v.email = inv->email;
  v.display_name = inv->display_name;
  v.role = inv->role.value_or("");
  v.organisation_name = inv->organisation_name;
  v.relationship = inv->relationship.value_or("");
  if (inv->purpose == "invite") {
    v.needs_two_factor = two_factor_role(v.role);
  } else if (inv->user_id) {
    auto user = store::find_user(db, *inv->user_id);
    if (!user || !user->active) throw link_gone();
    v.role = user->role;
    v.display_name = user->display_name;
    v.has_two_factor = user->totp_secret.has_value();
  }
  return v;
}

SignInResult Accounts::accept_invitation(const std::string& token, const Acceptance& a, const std::string& address) {
  (void)address;
  LinkView v = link(token);
  if (v.purpose != "invite") throw link_gone();
  const std::int64_t t = now();
  std::string name(trimmed(a.name));
  if (name.empty()) throw Error(Error::Kind::Unprocessable, "name", "Enter your name");
  if (name.size() > 100) throw Error(Error::Kind::Unprocessable, "name", "Your name must be 100 characters or fewer");
  check_new_password(a.password, v.email, v.role);
  std::string secret;
  std::optional<std::int64_t> step;
  if (v.needs_two_factor) {
    secret = normalise_totp_secret(a.totp_secret);
    if (!valid_totp_secret(secret))
      throw Error(Error::Kind::BadRequest, "totp_code", "The form could not be read. Reload the page and try again");
    if (trimmed(a.totp_code).empty())
      throw Error(Error::Kind::Unprocessable, "totp_code", "Enter the 6-digit code from your authenticator app");
    step = totp_accept(secret, a.totp_code, t, 0);
    if (!step)
      throw Error(Error::Kind::Unprocessable, "totp_code",
                  "The code is not right. Check the app shows Golden Thread and enter the code it shows now");
  }
  std::string hash = hash_password(a.password);
  Session s{random_hex(32), random_hex(32), Actor{}, false};
  storage_.write([&](store::Database& db) {
    auto inv = store::find_invitation(db, token_hash(token));
    if (!inv || !store::use_invitation(db, inv->id, t)) throw link_gone();
    if (store::find_user_by_email(db, inv->email))
      throw Error(Error::Kind::Conflict, "email",
                  "An account with this email address already exists. Sign in, or reset your password");
    store::UserRow u;
    u.email = inv->email;
    u.display_name = name;
    u.role = v.role;
    u.password_hash = hash;
    u.organisation_id = inv->organisation_id;
    u.org_admin = inv->org_admin;
    if (v.needs_two_factor) u.totp_secret = secret;
    u.id = store::insert_user(db, u);
    if (step) store::advance_totp_step(db, u.id, *step);
    std::string at = iso_utc(t);
    store::append_audit(db, {store::AuditRow{at, u.id, "create", "user", u.id, "POST /invitation/{token}",
                                             std::nullopt, "invitation"}});
    if (inv->child_id && inv->relationship) {
      store::FamilyLinkRow link;
      link.child_id = *inv->child_id;
      link.user_id = u.id;
      link.relationship = *inv->relationship;
      link.parental_responsibility = inv->parental_responsibility;
      std::int64_t link_id = store::insert_family_link(db, link, inv->created_by);
      store::append_audit(db, {store::AuditRow{at, u.id, "create", "family_link", link_id, "POST /invitation/{token}",
                                               inv->child_id, "invitation"}});
    }
    store::SessionRow row{token_hash(s.token), u.id, s.csrf, t, t + kSessionSeconds};
    row.last_seen = t;
    row.mfa_done = true;
    store::insert_session(db, row);
    s.actor = actor_of(*store::find_user(db, u.id));
  });
  return {SignInStatus::SignedIn, s};
}

SignInResult Accounts::reset_password(const std::string& token, const std::string& password,
                                      const std::string& address) {
  (void)address;
  LinkView v = link(token);
  if (v.purpose != "reset") throw link_gone();
  const std::int64_t t = now();
  auto inv = store::find_invitation(storage_.read(), token_hash(token));
  if (!inv || !inv->user_id) throw link_gone();
  check_new_password(password, v.email, v.role);
  std::string hash = hash_password(password);
  const bool full = !two_factor_role(v.role);
  Session s{random_hex(32), random_hex(32), Actor{}, !full};
  storage_.write([&](store::Database& db) {
    if (!store::use_invitation(db, inv->id, t)) throw link_gone();
    auto user = store::find_user(db, *inv->user_id);
    if (!user || !user->active) throw link_gone();
    store::update_password_hash(db, user->id, hash);
    store::delete_sessions_of_user(db, user->id);
    store::clear_throttle(db, account_key(user->email));
    store::append_audit(db, {store::AuditRow{iso_utc(t), user->id, "reset_password", "user", user->id,
                                             "POST /invitation/{token}", std::nullopt, "reset_link"}});
    store::SessionRow row{token_hash(s.token), user->id, s.csrf, t, t + (full ? kSessionSeconds : kPendingSeconds)};
    row.last_seen = t;
    row.mfa_done = full;
    store::insert_session(db, row);
    s.actor = actor_of(*user);
  });
  return {full ? SignInStatus::SignedIn : SignInStatus::SecondStep, s};
}

std::vector<Actor> Accounts::staff(const std::string& role) {
  std::vector<Actor> out;
  for (const auto& u : store::council_staff_accounts(storage_.read())) {
    if (!u.active || (u.role != "caseworker" && u.role != "manager")) continue;
    if (!role.empty() && u.role != role) continue;
    out.push_back(actor_of(u));
  }
  return out;
}

}  // namespace gt::app
