// Children and young people: insert, fetch and search. Search matches a name fragment (either
// name, case-insensitive), an exact UPN, or an exact date of birth; results are ordered by
// family name, given name, id and paged.
#pragma once

#include <optional>
#include <vector>

#include "store/database.h"
#include "store/records.h"

namespace gt::store {

std::int64_t insert_child(Database& db, const ChildRow& c, std::optional<std::int64_t> created_by);
std::optional<ChildRow> find_child(Database& db, std::int64_t id);

struct ChildSearch {
  std::string name;           // fragment of either name; empty = any
  std::string upn;            // exact; empty = any
  std::string date_of_birth;  // YYYY-MM-DD exact; empty = any
  int limit = 20;
  int offset = 0;
};
struct ChildPage {
  std::vector<ChildRow> children;
  int total = 0;
};
ChildPage search_children(Database& db, const ChildSearch& q);
std::int64_t count_children(Database& db);

}  // namespace gt::store
