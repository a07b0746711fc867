// Accounts: local accounts, sign-in with a password and (for staff and professionals) a second
// factor, server-side sessions, and what follows from an invitation or password-reset link.
//
// Contract:
//  - Passwords are stored only as argon2id hashes and must pass the policy of app/passwords.h
//    (NCSC: length and a deny list, no composition rules; 12 characters for roles that use
//    two-factor, 10 for families).
//  - Sessions: a fresh random 256-bit token at every sign-in and again when the second factor is
//    accepted (so a token known before sign-in is worth nothing after it); only a BLAKE2b hash of
//    the token is stored. A session ends 12 hours after sign-in (absolute) or after 30 minutes
//    unused (idle; last_seen is written at most once a minute), when the user signs out, or when
//    the user is removed (users.active = 0).
//  - Two steps for every role that needs_two_factor (domain/roles.h): the password gives a
//    *pending* session (Session::pending) that the web layer lets reach only the two-factor pages;
//    complete_two_factor turns it into a full session with a new token. A user with no secret yet
//    enrols there (a new secret is shown, the first good code stores it). TOTP per app/two_factor.h:
//    +/- one step, never the same step twice.
//  - Throttling: failed passwords and codes count per account (keyed by a hash of the email, so an
//    unknown email is throttled exactly like a known one) and per client address (a hash of it):
//    5 failures per account or 20 per address in 15 minutes lock that key for 15 minutes; a locked
//    key refuses even the right password. A successful sign-in clears the account's count.
//  - An unknown email, a wrong password and a removed account give the same answer, at the same
//    cost (a dummy hash is verified).
//  - Time comes from the clock given to the constructor (unix seconds), so tests need not sleep.
//  - Invitation and reset links (created by app/organisations.h) are used here: accept_invitation
//    creates the account (and for a family, the family link) and signs in; reset_password sets a
//    new password, ends every other session and signs in (a second factor still needed). A link
//    works once and only before it expires; a used, expired or unknown link throws Error NotFound
//    with field "token" and writes nothing.
#pragma once

#include <cstdint>
#include <functional>
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
  bool two_factor = false;        // has a TOTP secret (set up)
};

struct Session {
  std::string token;  // give to the client (cookie or bearer); never logged
  std::string csrf;   // echo in every form
  Actor actor;
  bool pending = false;  // password accepted, second factor not yet: only the two-factor pages
};

// Unix seconds now. The default clock is the system's.
using WallClock = std::function<std::int64_t()>;
std::int64_t system_seconds();

struct SignInAttempt {
  std::string email;
  std::string password;
  std::string address;              // the client's network address, for throttling; never logged
  std::optional<std::string> totp;  // the code, when given in the same request (the JSON API)
  bool allow_pending = true;        // pages: a pending session for the second step
};

enum class SignInStatus {
  SignedIn,     // session is a full session
  SecondStep,   // session is pending (or, without allow_pending, absent): a code is needed
  Refused,      // unknown email, wrong password or removed account: never says which
  WrongCode,    // the password was right, the code was not (or was used already)
  NotEnrolled,  // the JSON API cannot sign in an account with no second factor set up yet
  Locked,       // too many failures: wait kLockSeconds
};

struct SignInResult {
  SignInStatus status = SignInStatus::Refused;
  std::optional<Session> session;
};

// What the page for an invitation or reset link shows (no token, nothing secret).
struct LinkView {
  std::string purpose;  // invite | reset
  std::string email;
  std::string display_name;
  std::string role;
  std::string organisation_name;
  std::string relationship;  // family invitations: parent_carer | young_person
  bool needs_two_factor = false;  // an invite to a role that enrols TOTP on acceptance
  bool has_two_factor = false;    // a reset of an account that already has TOTP
};

struct Acceptance {
  std::string name;         // invitations: the person's name as they want it shown
  std::string password;
  std::string totp_secret;  // invitations to two-factor roles: the secret shown on the page
  std::string totp_code;    // ... and a code from it, proving the app has it
};

class Accounts {
 public:
  explicit Accounts(Storage& storage, WallClock clock = {});

  // Throws app::Error (Unprocessable naming the field) for a bad email, name, role or password,
  // Conflict when the email is taken.
  // A member of an organisation must hold a role that belongs there (domain/roles.h).
  Actor create_user(const std::string& email, const std::string& name, const std::string& role,
                    const std::string& password, std::optional<std::int64_t> organisation_id = std::nullopt,
                    bool org_admin = false);
  // Sets a known two-factor secret (base32, 32 characters) - for demos, tests and support. Throws
  // Unprocessable (field "totp_secret") for a malformed one, NotFound for an unknown user.
  void set_totp_secret(std::int64_t user_id, const std::string& secret);

  SignInResult sign_in(const SignInAttempt& attempt);
  // Shorthand: pages-style attempt with no address. A pending or full session, or nullopt.
  std::optional<Session> sign_in(const std::string& email, const std::string& password);
  // The second step, from a pending session: the code (and, when enrolling, the secret shown).
  SignInResult complete_two_factor(const std::string& pending_token, const std::string& code,
                                   const std::string& enrol_secret, const std::string& address);
  // The session (full or pending) for a token, or nullopt when unknown, expired, idle or removed.
  std::optional<Session> session(const std::string& token);
  void sign_out(const std::string& token);

  // Changes the signed-in user's password after checking the current one; ends their other
  // sessions. Throws Unprocessable on "current_password" or "password".
  void change_password(const std::string& token, const std::string& current, const std::string& password);

  LinkView link(const std::string& token);
  SignInResult accept_invitation(const std::string& token, const Acceptance& a, const std::string& address);
  SignInResult reset_password(const std::string& token, const std::string& password, const std::string& address);

  // The council's active caseworkers and team managers (optionally one role), by name: the people
  // a case can be assigned to. Never families, professionals or removed accounts.
  std::vector<Actor> staff(const std::string& role = "");

  static constexpr std::int64_t kSessionSeconds = 12 * 3600;  // absolute
  static constexpr std::int64_t kIdleSeconds = 30 * 60;
  static constexpr std::int64_t kPendingSeconds = 10 * 60;    // to type the code
  static constexpr std::int64_t kTouchSeconds = 60;           // last_seen resolution
  static constexpr std::int64_t kAccountFailures = 5;
  static constexpr std::int64_t kAddressFailures = 20;
  static constexpr std::int64_t kWindowSeconds = 15 * 60;
  static constexpr std::int64_t kLockSeconds = 15 * 60;

 private:
  std::int64_t now() const { return clock_(); }
  Session start_session(std::int64_t user_id, bool full, const Actor& actor);
  bool locked(const std::string& email, const std::string& address, std::int64_t now);
  void record_failure(const std::string& email, const std::string& address, std::int64_t now);
  void clear_account_failures(const std::string& email);

  Storage& storage_;
  WallClock clock_;
  std::string dummy_hash_;  // verified against when the email is unknown, to even out timing
};

}  // namespace gt::app
