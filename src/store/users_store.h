// Users and their server-side sessions. Stores only hashes of passwords and session tokens.
// A user is never deleted: removing someone from an organisation sets active = 0 (and ends their
// sessions), so the audit log's names and the chronology's authors stay resolvable.
#pragma once

#include <optional>
#include <vector>

#include "store/database.h"
#include "store/records.h"

namespace gt::store {

std::int64_t insert_user(Database& db, const UserRow& u);  // ConflictError if the email exists
std::optional<UserRow> find_user(Database& db, std::int64_t id);
std::optional<UserRow> find_user_by_email(Database& db, const std::string& email);  // any case
std::vector<UserRow> list_users(Database& db, const std::string& role = "");
// Members of an organisation (active and removed), active first, then by name.
std::vector<UserRow> organisation_members(Database& db, std::int64_t organisation_id);
// Council staff and administrators: the roles caseworker, manager, admin and analyst in no
// organisation or in a council organisation; active first, then by name.
std::vector<UserRow> council_staff_accounts(Database& db);

void update_password_hash(Database& db, std::int64_t user_id, const std::string& hash);
void update_display_name(Database& db, std::int64_t user_id, const std::string& name);
// Sets (or, with nullopt, clears) the two-factor secret; the last accepted step starts again at 0.
void set_totp_secret(Database& db, std::int64_t user_id, const std::optional<std::string>& secret);
// Records the step of an accepted code only if it is later than the one stored; false when another
// sign-in already used this step or a later one (so a code is accepted once, even under a race).
bool advance_totp_step(Database& db, std::int64_t user_id, std::int64_t step);
void set_user_active(Database& db, std::int64_t user_id, bool active);

void insert_session(Database& db, const SessionRow& s);
std::optional<SessionRow> find_session(Database& db, const std::string& token_hash);
void delete_session(Database& db, const std::string& token_hash);
void touch_session(Database& db, const std::string& token_hash, std::int64_t now);
// Ends every session of the user, except the one with `keep_hash` when given.
void delete_sessions_of_user(Database& db, std::int64_t user_id, const std::string& keep_hash = "");
// Sessions past their absolute expiry, or unused since idle_before.
void delete_expired_sessions(Database& db, std::int64_t now, std::int64_t idle_before = 0);
std::int64_t session_count_of_user(Database& db, std::int64_t user_id);

}  // namespace gt::store
