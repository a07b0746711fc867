// Passwords: hashing with argon2id and the deny list of common passwords.
//
// Contract:
//  - hash_password stores argon2id (libsodium crypto_pwhash_str, interactive limits: 2 passes over
//    64 MiB); verify_password checks a typed password against a stored hash in the same time
//    whether or not it matches.
//  - common_passwords() is the deny list, read once per process from the Debian package john-data
//    (/usr/share/john/password.lst, Openwall's list of the most common passwords; $GT_PASSWORD_LIST
//    overrides the path), lower-cased, comment lines skipped. A missing list is an error at start-up
//    (std::runtime_error naming the file and the package), never a silently weaker policy.
//  - check_new_password applies domain/password_policy.h for a role: at least 12 characters for
//    staff and professionals (every role that signs in with two-factor), 10 for families; throws
//    app::Error Unprocessable on field "password" with the policy's plain-English reason.
#pragma once

#include <cstddef>
#include <string>

#include "domain/password_policy.h"

namespace gt::app {

std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);

const PasswordDenyList& common_passwords();

std::size_t min_password_length(const std::string& role);
void check_new_password(const std::string& password, const std::string& email, const std::string& role,
                        const std::string& field = "password");

}  // namespace gt::app
