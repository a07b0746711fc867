#include "store/children_store.h"

#include <algorithm>
#include <cctype>

namespace gt::store {

namespace {
constexpr const char* kCols =
    "SELECT id, given_name, family_name, date_of_birth, sex, ethnicity, postcode, upn, uln, nhs_number, upn_unknown "
    "FROM children ";

template <typename Row> ChildRow read_child(Row& s) {
  ChildRow c;
  c.id = s.int64(0);
  c.given_name = s.text(1);
  c.family_name = s.text(2);
  c.date_of_birth = s.text(3);
  c.sex = s.text(4);
  c.ethnicity = s.text(5);
  c.postcode = s.text(6);
  c.upn = s.opt_text(7);
  c.uln = s.opt_text(8);
  c.nhs_number = s.opt_text(9);
  c.upn_unknown = s.text(10);
  return c;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// LIKE pattern for a fragment, with %, _ and the escape character escaped.
std::string like_fragment(const std::string& s) {
  std::string out = "%";
  for (char c : lower(s)) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

constexpr const char* kWhere =
    "WHERE (?1 = '' OR search_name LIKE ?2 ESCAPE '\\') AND (?3 = '' OR upn = ?3) "
    "AND (?4 = '' OR date_of_birth = ?4) ";
}  // namespace

std::int64_t insert_child(Database& db, const ChildRow& c, std::optional<std::int64_t> created_by) {
  db.prepare(
        "INSERT INTO children(given_name, family_name, date_of_birth, sex, ethnicity, postcode, upn, uln, "
        "nhs_number, upn_unknown, search_name, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, c.given_name)
      .bind(2, c.family_name)
      .bind(3, c.date_of_birth)
      .bind(4, c.sex)
      .bind(5, c.ethnicity)
      .bind(6, c.postcode)
      .bind(7, c.upn)
      .bind(8, c.uln)
      .bind(9, c.nhs_number)
      .bind(10, c.upn_unknown)
      .bind(11, lower(c.given_name + " " + c.family_name))
      .bind(12, created_by)
      .run();
  return db.last_insert_id();
}

std::optional<ChildRow> find_child(Database& db, std::int64_t id) {
  auto s = db.prepare(std::string(kCols) + "WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_child(s);
}

ChildPage search_children(Database& db, const ChildSearch& q) {
  ChildPage page;
  auto bind_where = [&](Cursor& s) {
    s.bind(1, q.name).bind(2, like_fragment(q.name)).bind(3, q.upn).bind(4, q.date_of_birth);
  };
  auto c = db.prepare(std::string("SELECT count(*) FROM children ") + kWhere);
  bind_where(c);
  c.step();
  page.total = static_cast<int>(c.int64(0));
  auto s = db.prepare(std::string(kCols) + kWhere +
                            "ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id LIMIT ?5 OFFSET ?6");
  bind_where(s);
  s.bind(5, q.limit).bind(6, q.offset);
  while (s.step()) page.children.push_back(read_child(s));
  return page;
}

std::int64_t count_children(Database& db) {
  auto s = db.prepare("SELECT count(*) FROM children");
  s.step();
  return s.int64(0);
}

}  // namespace gt::store
