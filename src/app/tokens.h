// Tokens: the random secrets the service hands out (session tokens, CSRF tokens, invitation and
// reset links) and the one-way hash under which they - and throttling keys - are stored.
//
// Contract:
//  - random_hex(n) is n bytes from libsodium's CSPRNG as 2n lower-case hex characters.
//  - blake_hex(text) is the BLAKE2b-256 of text as 64 lower-case hex characters; a stored token
//    is only ever this hash, so a copy of the database does not sign anyone in.
#pragma once

#include <cstddef>
#include <string>

namespace gt::app {

std::string random_hex(std::size_t bytes);
std::string blake_hex(const std::string& text);

}  // namespace gt::app
