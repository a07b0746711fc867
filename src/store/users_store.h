// Staff accounts and their server-side sessions. Stores only hashes of passwords and tokens.
#pragma once

#include <optional>
#include <vector>

#include "store/database.h"
#include "store/records.h"

namespace gt::store {

std::int64_t insert_user(Database& db, const UserRow& u);  // ConflictError if the email exists
std::optional<UserRow> find_user(Database& db, std::int64_t id);
std::optional<UserRow> find_user_by_email(Database& db, const std::string& email);
std::vector<UserRow> list_users(Database& db, const std::string& role = "");

void insert_session(Database& db, const SessionRow& s);
std::optional<SessionRow> find_session(Database& db, const std::string& token_hash);
void delete_session(Database& db, const std::string& token_hash);
void delete_expired_sessions(Database& db, std::int64_t now);

}  // namespace gt::store
