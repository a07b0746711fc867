// Documents store: the rows of uploaded documents (the bytes live in files, app/document_files.h),
// newest first in lists, with the uploader's name and role and their organisation joined; and who
// at the council is told when someone else adds a document (the caseworkers).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace gt::store {

struct DocumentRow {
  std::int64_t id = 0;
  std::string sha256;  // lower-case hex: the file's name under documents_dir
  std::string media_type;
  std::int64_t size_bytes = 0;
  std::string title;
  std::int64_t child_id = 0;
  std::optional<std::int64_t> case_id;
  std::optional<std::int64_t> advice_request_id;
  bool visible_to_family = false;
  bool shared_with_professionals = false;
  std::optional<std::int64_t> uploaded_by;
  std::optional<std::int64_t> organisation_id;  // the uploader's organisation at the time
  std::string uploaded_at;
  // Joined (read only).
  std::string uploader_name;
  std::string uploader_role;
  std::string organisation_name;
};

std::int64_t insert_document(Database& db, const DocumentRow& r);
std::optional<DocumentRow> document(Database& db, std::int64_t id);
std::vector<DocumentRow> documents_of_child(Database& db, std::int64_t child_id);             // newest first
std::vector<DocumentRow> documents_of_advice_request(Database& db, std::int64_t request_id);  // newest first
void set_document_sharing(Database& db, std::int64_t id, bool visible_to_family, bool shared_with_professionals);

// The caseworker of a case (nullopt when none is assigned or there is no such case), and every
// caseworker assigned to one of the child's cases.
std::optional<std::int64_t> caseworker_of_case(Database& db, std::int64_t case_id);
std::vector<std::int64_t> caseworkers_of_child(Database& db, std::int64_t child_id);

}  // namespace gt::store
