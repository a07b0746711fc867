#include "store/throttle_store.h"

namespace gt::store {

std::optional<ThrottleRow> find_throttle(Database& db, const std::string& key) {
  auto s = db.prepare("SELECT key, failures, window_start, locked_until FROM sign_in_throttle WHERE key = ?");
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return ThrottleRow{s.text(0), s.int64(1), s.int64(2), s.int64(3)};
}

void put_throttle(Database& db, const ThrottleRow& r) {
  db.prepare("INSERT OR REPLACE INTO sign_in_throttle(key, failures, window_start, locked_until) VALUES (?, ?, ?, ?)")
      .bind(1, r.key)
      .bind(2, r.failures)
      .bind(3, r.window_start)
      .bind(4, r.locked_until)
      .run();
}

void clear_throttle(Database& db, const std::string& key) {
  db.prepare("DELETE FROM sign_in_throttle WHERE key = ?").bind(1, key).run();
}

void delete_stale_throttles(Database& db, std::int64_t before) {
  db.prepare("DELETE FROM sign_in_throttle WHERE window_start < ?1 AND locked_until < ?1").bind(1, before).run();
}

}  // namespace gt::store
