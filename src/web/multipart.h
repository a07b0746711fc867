// Multipart: a small, strict parser of multipart/form-data bodies (RFC 7578, RFC 2046 section 5.1)
// for the pages that upload files. Boost has none; this one refuses anything it does not expect.
//
// Contract:
//  - multipart_boundary reads the boundary parameter of a Content-Type that is exactly
//    multipart/form-data (case-insensitive; quoted or not); the boundary must be 1-70 of RFC 2046's
//    bchars, not ending in a space. Anything else: nullopt.
//  - parse_multipart needs the body to start with the first delimiter (no preamble) and to end with
//    the close delimiter, optionally followed by one CRLF (no other epilogue). Each part has a
//    header block of CRLF-terminated lines (no bare CR or LF, no folded lines, no control
//    characters but tab, no NUL) at most limits.max_header_bytes long, with exactly one
//    Content-Disposition: form-data and a name; filename is taken as sent between its quotes
//    (browsers percent-encode '"', CR and LF; backslashes are kept) - it is display text, never a
//    path. filename* and unknown headers are ignored. At most limits.max_parts parts.
//  - A part with a filename parameter (even empty, as when no file was chosen) is a file; any
//    other part is a field, added to `fields` in order, whose name and value must be valid UTF-8
//    without NUL and at most limits.max_field_bytes long. Field names must be valid UTF-8 too.
//  - On any violation ok is false, `error` says which rule (no data from the body), and no field
//    or file is returned.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "web/form.h"

namespace gt::web {

struct UploadedFile {
  std::string field;         // the form field's name
  std::string file_name;     // as the sender's computer named it: display only, never a path
  std::string content_type;  // as declared by the sender: never trusted
  std::string data;
};

struct MultipartLimits {
  std::size_t max_parts = 16;
  std::size_t max_header_bytes = 2048;     // one part's header block
  std::size_t max_field_bytes = 16 * 1024; // one ordinary field's value
};

struct Multipart {
  bool ok = false;
  std::string error;  // which rule was broken
  Form fields;
  std::vector<UploadedFile> files;
};

std::optional<std::string> multipart_boundary(std::string_view content_type);
Multipart parse_multipart(std::string_view body, std::string_view boundary, const MultipartLimits& limits = {});

}  // namespace gt::web
