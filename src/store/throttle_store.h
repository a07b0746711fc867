// Sign-in throttle: failed sign-ins counted per key in a window, and a lock until a time.
// Keys are opaque to the store ("account:<hash>", "address:<hash>"); no address or email is
// stored in the clear.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace gt::store {

struct ThrottleRow {
  std::string key;
  std::int64_t failures = 0;
  std::int64_t window_start = 0;  // unix seconds
  std::int64_t locked_until = 0;  // unix seconds; 0 when not locked
};

std::optional<ThrottleRow> find_throttle(Database& db, const std::string& key);
void put_throttle(Database& db, const ThrottleRow& r);  // insert or replace
void clear_throttle(Database& db, const std::string& key);
// Rows whose window and lock both ended before `before`.
void delete_stale_throttles(Database& db, std::int64_t before);

}  // namespace gt::store
