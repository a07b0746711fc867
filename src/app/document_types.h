// Document types: what a file is, decided from its bytes alone (never its name or the type its
// sender declared), and whether Golden Thread accepts it.
//
// Contract:
//  - type_of_content asks libmagic (MAGIC_MIME_TYPE, the system's default database, one handle
//    per thread: libmagic handles are not thread-safe) and accepts exactly:
//      application/pdf, image/png, image/jpeg, and
//      application/vnd.openxmlformats-officedocument.wordprocessingml.document (DOCX) only when
//      the ZIP package itself confirms it (is_wordprocessing_package). The bytes must also start
//      with the type's own signature (%PDF-, the PNG signature, FF D8 FF, PK\3\4), which refuses
//      polyglots libmagic would let through. Anything else: nullopt.
//  - is_wordprocessing_package reads the ZIP's central directory strictly (bounds-checked, no
//    ZIP64, no multi-disk) and needs [Content_Types].xml declaring the main part as
//    wordprocessingml.document.main+xml and word/document.xml. A macro-enabled document
//    (macroEnabled content types or a vbaProject.bin/vbaData.xml part), ActiveX controls, or a
//    plain ZIP are refused. It never extracts anything to disk.
//  - accepted_types_text() is the plain-English list for error messages and hints.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gt::app {

struct DocumentType {
  std::string_view media_type;  // "application/pdf"
  std::string_view label;       // "PDF"
  std::string_view extension;   // "pdf" (for download names)
};

std::optional<DocumentType> type_of_content(std::string_view bytes);
// The accepted type with this media type (for labels of stored documents), or nullopt.
std::optional<DocumentType> accepted_type(std::string_view media_type);
bool is_wordprocessing_package(std::string_view bytes);
std::string_view accepted_types_text();

// libmagic's own verdict (a MIME type such as "text/html"), for tests and diagnostics.
std::string magic_mime_type(std::string_view bytes);

}  // namespace gt::app
