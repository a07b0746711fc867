// Document files: the bytes of uploaded documents, stored outside any web root under their SHA-256.
//
// Contract:
//  - store_document_file writes the bytes to DIR/<first two hex>/<64 hex> (directories created
//    0700, files 0600): to a temporary file in the same directory, flushed to disk, then renamed
//    over the final name (atomic: a reader sees the whole file or none). The same content is
//    stored once: when a file of that hash and size is already there, nothing is written.
//    Returns the lower-case hex SHA-256 (libsodium). Throws std::runtime_error on an I/O failure.
//  - The path is built only from the hash (checked: 64 lower-case hex digits), never from a name
//    anyone typed, so nothing can escape DIR.
//  - read_document_file returns the bytes, or throws std::runtime_error when the file is missing
//    or its hash does not match (never serve a file that is not what was uploaded).
#pragma once

#include <string>
#include <string_view>

namespace gt::app {

std::string sha256_hex(std::string_view bytes);
bool is_sha256_hex(std::string_view s);
// DIR/<first two hex>/<hash>; throws std::invalid_argument when `sha256` is not 64 lower-case hex.
std::string document_path(const std::string& dir, std::string_view sha256);

std::string store_document_file(const std::string& dir, std::string_view bytes);
std::string read_document_file(const std::string& dir, std::string_view sha256);

}  // namespace gt::app
