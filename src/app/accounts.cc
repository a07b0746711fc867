#include "app/accounts.h"

#include <sodium.h>

#include <ctime>
#include <stdexcept>

#include "app/errors.h"
#include "app/storage.h"
#include "domain/roles.h"
#include "store/organisations_store.h"
#include "store/users_store.h"

namespace gt::app {

namespace {

void ensure_sodium() {
  static const int rc = sodium_init();
  if (rc < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string hash_password(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory hashing a password");
  return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_hex(size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), bytes);
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), bytes);
  hex.pop_back();
  return hex;
}

std::string token_hash(const std::string& token) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

Actor actor_of(const store::UserRow& u) {
  return Actor{u.id, u.display_name, u.email, u.role, u.organisation_id, u.organisation_name, u.organisation_kind,
               u.org_admin};
}

bool valid_email(const std::string& e) {
  auto at = e.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= e.size() || e.size() > 254) return false;
  if (e.find('@', at + 1) != std::string::npos) return false;
  for (unsigned char c : e)
    if (c <= ' ' || c == 0x7f) return false;
  return e.find('.', at) != std::string::npos;
}

}  // namespace

Accounts::Accounts(Storage& storage) : storage_(storage) {
  ensure_sodium();
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
  if (password.size() < 10) throw Error(Error::Kind::Unprocessable, "password", "must be at least 10 characters");
  if (password.size() > 200) throw Error(Error::Kind::Unprocessable, "password", "must be at most 200 characters");
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
    store::UserRow u{0, email, name, role, hash};
    u.organisation_id = organisation_id;
    u.org_admin = org_admin;
    u.id = store::insert_user(db, u);
    auto stored = store::find_user(db, u.id);
    return actor_of(*stored);
  });
}

std::optional<Session> Accounts::sign_in(const std::string& email, const std::string& password) {
  auto user = store::find_user_by_email(storage_.read(), email);
  bool ok = verify_password(user ? user->password_hash : dummy_hash_, password);
  if (!user || !ok) return std::nullopt;
  Session s{random_hex(32), random_hex(32), actor_of(*user)};
  std::int64_t now = std::time(nullptr);
  storage_.write([&](store::Database& db) {
    store::delete_expired_sessions(db, now);
    store::insert_session(db, store::SessionRow{token_hash(s.token), user->id, s.csrf, now, now + kSessionSeconds});
  });
  return s;
}

std::optional<Session> Accounts::session(const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  auto& db = storage_.read();
  auto row = store::find_session(db, token_hash(token));
  if (!row || row->expires_at <= std::time(nullptr)) return std::nullopt;
  auto user = store::find_user(db, row->user_id);
  if (!user) return std::nullopt;
  return Session{token, row->csrf_token, actor_of(*user)};
}

void Accounts::sign_out(const std::string& token) {
  storage_.write([&](store::Database& db) { store::delete_session(db, token_hash(token)); });
}

std::vector<Actor> Accounts::staff(const std::string& role) {
  std::vector<Actor> out;
  for (const auto& u : store::list_users(storage_.read(), role)) out.push_back(actor_of(u));
  return out;
}

}  // namespace gt::app
