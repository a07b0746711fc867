#include "store/inspect.h"

#include <vector>

namespace gt::store {

std::map<std::string, std::string> table_fingerprints(Database& db) {
  std::vector<std::string> tables;
  {
    auto s = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (s.step()) tables.push_back(s.text(0));
  }
  std::map<std::string, std::string> out;
  for (const auto& t : tables) {
    // Table names come from sqlite_master, not from input; quoted as identifiers all the same.
    std::string quoted = "\"";
    for (char c : t) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    quoted += "\"";
    bool rowid = true;
    try {
      auto s = db.prepare("SELECT count(*), coalesce(max(rowid), 0) FROM " + quoted);
      s.step();
      out[t] = std::to_string(s.int64(0)) + "/" + std::to_string(s.int64(1));
    } catch (const StoreError&) {
      rowid = false;
    }
    if (!rowid) {
      auto s = db.prepare("SELECT count(*) FROM " + quoted);
      s.step();
      out[t] = std::to_string(s.int64(0));
    }
  }
  return out;
}

std::string integrity_check(Database& db) {
  auto s = db.prepare("PRAGMA integrity_check");
  if (!s.step()) return "no answer";
  return s.text(0);
}

}  // namespace gt::store
