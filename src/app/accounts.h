// Accounts: staff sign-in with local accounts and server-side sessions.
//
// Contract:
//  - Passwords are stored only as argon2id hashes (libsodium crypto_pwhash_str, interactive limits)
//    and must be 10 to 200 characters (NCSC: length, no composition rules).
//  - sign_in returns a new session (a fresh random 256-bit token, so a session id is never reused
//    across a sign-in) or nullopt; a wrong email and a wrong password are indistinguishable and
//    cost the same. Only a BLAKE2b hash of the token is stored.
//  - A session lasts at most 12 hours from sign-in (absolute time-out); session() returns the
//    actor and the session's CSRF token, or nullopt when unknown or expired.
//  - Roles here: caseworker, manager, admin (full roles and relationships come with issue 3).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gt::app {

class Storage;

struct Actor {
  std::int64_t user_id = 0;
  std::string name;
  std::string email;
  std::string role;  // a role's wire name (domain/roles.h)
  std::optional<std::int64_t> organisation_id;  // the organisation they act for; none for families
  std::string organisation_name;
  std::string organisation_kind;  // council | school | ep_service | health | social_care | other
  bool org_admin = false;         // may add and remove the organisation's members
};

struct Session {
  std::string token;  // give to the client (cookie or bearer); never logged
  std::string csrf;   // echo in every form
  Actor actor;
};

class Accounts {
 public:
  explicit Accounts(Storage& storage);

  // Throws app::Error (Unprocessable naming the field) for a bad email, name, role or password,
  // Conflict when the email is taken.
  // A member of an organisation must hold a role that belongs there (domain/roles.h).
  Actor create_user(const std::string& email, const std::string& name, const std::string& role,
                    const std::string& password, std::optional<std::int64_t> organisation_id = std::nullopt,
                    bool org_admin = false);
  std::optional<Session> sign_in(const std::string& email, const std::string& password);
  std::optional<Session> session(const std::string& token);
  void sign_out(const std::string& token);
  std::vector<Actor> staff(const std::string& role = "");

  static constexpr std::int64_t kSessionSeconds = 12 * 3600;

 private:
  Storage& storage_;
  std::string dummy_hash_;  // verified against when the email is unknown, to even out timing
};

}  // namespace gt::app
