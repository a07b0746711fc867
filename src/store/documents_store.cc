#include "store/documents_store.h"

namespace gt::store {

namespace {

constexpr const char* kCols =
    "SELECT d.id, d.sha256, d.media_type, d.size_bytes, d.title, d.child_id, d.case_id, d.advice_request_id, "
    "d.visible_to_family, d.shared_with_professionals, d.uploaded_by, d.organisation_id, d.uploaded_at, "
    "COALESCE(u.display_name, ''), COALESCE(u.role, ''), COALESCE(o.name, '') "
    "FROM documents d LEFT JOIN users u ON u.id = d.uploaded_by LEFT JOIN organisations o ON o.id = d.organisation_id ";

DocumentRow read_row(Cursor& s) {
  DocumentRow r;
  r.id = s.int64(0);
  r.sha256 = s.text(1);
  r.media_type = s.text(2);
  r.size_bytes = s.int64(3);
  r.title = s.text(4);
  r.child_id = s.int64(5);
  r.case_id = s.opt_int64(6);
  r.advice_request_id = s.opt_int64(7);
  r.visible_to_family = s.int64(8) != 0;
  r.shared_with_professionals = s.int64(9) != 0;
  r.uploaded_by = s.opt_int64(10);
  r.organisation_id = s.opt_int64(11);
  r.uploaded_at = s.text(12);
  r.uploader_name = s.text(13);
  r.uploader_role = s.text(14);
  r.organisation_name = s.text(15);
  return r;
}

}  // namespace

std::int64_t insert_document(Database& db, const DocumentRow& r) {
  db.prepare(
        "INSERT INTO documents(sha256, media_type, size_bytes, title, child_id, case_id, advice_request_id, "
        "visible_to_family, shared_with_professionals, uploaded_by, organisation_id, uploaded_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.sha256)
      .bind(2, r.media_type)
      .bind(3, r.size_bytes)
      .bind(4, r.title)
      .bind(5, r.child_id)
      .bind(6, r.case_id)
      .bind(7, r.advice_request_id)
      .bind(8, r.visible_to_family ? 1 : 0)
      .bind(9, r.shared_with_professionals ? 1 : 0)
      .bind(10, r.uploaded_by)
      .bind(11, r.organisation_id)
      .bind(12, r.uploaded_at)
      .run();
  return db.last_insert_id();
}

std::optional<DocumentRow> document(Database& db, std::int64_t id) {
  auto s = db.prepare(std::string(kCols) + "WHERE d.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_row(s);
}

std::vector<DocumentRow> documents_of_child(Database& db, std::int64_t child_id) {
  auto s = db.prepare(std::string(kCols) + "WHERE d.child_id = ? ORDER BY d.id DESC");
  s.bind(1, child_id);
  std::vector<DocumentRow> out;
  while (s.step()) out.push_back(read_row(s));
  return out;
}

std::vector<DocumentRow> documents_of_advice_request(Database& db, std::int64_t request_id) {
  auto s = db.prepare(std::string(kCols) + "WHERE d.advice_request_id = ? ORDER BY d.id DESC");
  s.bind(1, request_id);
  std::vector<DocumentRow> out;
  while (s.step()) out.push_back(read_row(s));
  return out;
}

void set_document_sharing(Database& db, std::int64_t id, bool visible_to_family, bool shared_with_professionals) {
  db.prepare("UPDATE documents SET visible_to_family = ?, shared_with_professionals = ? WHERE id = ?")
      .bind(1, visible_to_family ? 1 : 0)
      .bind(2, shared_with_professionals ? 1 : 0)
      .bind(3, id)
      .run();
}

std::optional<std::int64_t> caseworker_of_case(Database& db, std::int64_t case_id) {
  auto s = db.prepare("SELECT caseworker_id FROM cases WHERE id = ?");
  s.bind(1, case_id);
  if (!s.step()) return std::nullopt;
  return s.opt_int64(0);
}

std::vector<std::int64_t> caseworkers_of_child(Database& db, std::int64_t child_id) {
  auto s = db.prepare(
      "SELECT DISTINCT caseworker_id FROM cases WHERE child_id = ? AND caseworker_id IS NOT NULL ORDER BY caseworker_id");
  s.bind(1, child_id);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

}  // namespace gt::store
