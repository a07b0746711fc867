// Demo store: see demo_store.h for the contract.
#include "store/demo_store.h"

namespace gt::store {

void stamp_demo_times(Database& db, const std::string& staff_created_at) {
  db.prepare("UPDATE users SET created_at = ?").bind(1, staff_created_at).run();
  db.prepare("UPDATE organisations SET created_at = ?").bind(1, staff_created_at).run();
  db.prepare(
        "UPDATE cases SET opened_at = coalesce((SELECT e.recorded_at FROM case_events e WHERE e.case_id = cases.id "
        "ORDER BY e.id LIMIT 1), ?)")
      .bind(1, staff_created_at)
      .run();
  db.prepare(
        "UPDATE children SET created_at = coalesce((SELECT c.opened_at FROM cases c WHERE c.child_id = children.id "
        "ORDER BY c.id LIMIT 1), ?)")
      .bind(1, staff_created_at)
      .run();
  db.prepare(
        "UPDATE family_links SET created_at = coalesce((SELECT c.created_at FROM children c "
        "WHERE c.id = family_links.child_id), ?)")
      .bind(1, staff_created_at)
      .run();
}

void analyze(Database& db) { db.exec("ANALYZE"); }

}  // namespace gt::store
