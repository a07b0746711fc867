// Multipart: strict multipart/form-data parsing (see multipart.h).
#include "web/multipart.h"

namespace gt::web {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_tchar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-': case '.':
    case '^': case '_': case '`': case '|': case '~':
      return true;
    default:
      return false;
  }
}

bool is_bchar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '\'': case '(': case ')': case '+': case '_': case ',': case '-': case '.': case '/': case ':':
    case '=': case '?': case ' ':
      return true;
    default:
      return false;
  }
}

struct Param {
  std::string name;  // lower-case
  std::string value;
};

// Parses `; name=value; name="quoted"` after a header's first item. `escapes`: whether a quoted
// string's backslash escapes the next character (RFC 9110 Content-Type) or is kept (HTML's
// multipart/form-data file names).
std::optional<std::vector<Param>> parse_params(std::string_view s, bool escapes) {
  std::vector<Param> out;
  std::size_t i = 0;
  auto skip_ows = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  };
  for (;;) {
    skip_ows();
    if (i == s.size()) return out;
    if (s[i] != ';') return std::nullopt;
    ++i;
    skip_ows();
    if (i == s.size()) return out;  // a trailing ';'
    Param p;
    while (i < s.size() && is_tchar(s[i])) p.name += lower(s[i++]);
    if (p.name.empty() || i == s.size() || s[i] != '=') return std::nullopt;
    ++i;
    if (i < s.size() && s[i] == '"') {
      ++i;
      bool closed = false;
      while (i < s.size()) {
        char c = s[i++];
        if (c == '"') {
          closed = true;
          break;
        }
        if (c == '\\' && escapes) {
          if (i == s.size()) return std::nullopt;
          c = s[i++];
        }
        p.value += c;
      }
      if (!closed) return std::nullopt;
    } else {
      while (i < s.size() && is_tchar(s[i])) p.value += s[i++];
      if (p.value.empty()) return std::nullopt;
    }
    for (const auto& q : out)
      if (q.name == p.name) return std::nullopt;  // a parameter twice: ambiguous
    out.push_back(std::move(p));
  }
}

const Param* find_param(const std::vector<Param>& ps, std::string_view name) {
  for (const auto& p : ps)
    if (p.name == name) return &p;
  return nullptr;
}

Multipart failed(std::string why) {
  Multipart m;
  m.ok = false;
  m.error = std::move(why);
  return m;
}

// A header line's characters: visible ASCII, space, tab and UTF-8 bytes; no other controls.
bool clean_header_line(std::string_view line) {
  for (char ch : line) {
    auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
  }
  return true;
}

struct PartHeaders {
  std::string name;
  std::optional<std::string> file_name;
  std::string content_type;
};

std::optional<PartHeaders> parse_part_headers(std::string_view block, std::string& why) {
  PartHeaders h;
  bool disposition = false;
  std::size_t pos = 0;
  while (pos < block.size()) {
    std::size_t eol = block.find("\r\n", pos);
    if (eol == std::string_view::npos) eol = block.size();  // the last line (its CRLF ended the block)
    std::string_view line = block.substr(pos, eol - pos);
    pos = eol + 2;
    if (line.empty()) {
      why = "empty header line";
      return std::nullopt;
    }
    if (line.front() == ' ' || line.front() == '\t') {
      why = "folded header line";
      return std::nullopt;
    }
    if (!clean_header_line(line)) {
      why = "control character in a part header";
      return std::nullopt;
    }
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      why = "malformed part header";
      return std::nullopt;
    }
    std::string_view name = line.substr(0, colon);
    for (char c : name)
      if (!is_tchar(c)) {
        why = "malformed part header name";
        return std::nullopt;
      }
    std::string_view value = trim_ows(line.substr(colon + 1));
    if (iequals(name, "content-disposition")) {
      if (disposition) {
        why = "two Content-Disposition headers";
        return std::nullopt;
      }
      disposition = true;
      std::size_t semi = value.find(';');
      std::string_view kind = trim_ows(value.substr(0, semi));
      if (!iequals(kind, "form-data")) {
        why = "Content-Disposition is not form-data";
        return std::nullopt;
      }
      auto params = parse_params(semi == std::string_view::npos ? std::string_view() : value.substr(semi), false);
      if (!params) {
        why = "malformed Content-Disposition parameters";
        return std::nullopt;
      }
      const Param* n = find_param(*params, "name");
      if (!n || n->value.empty()) {
        why = "a part without a name";
        return std::nullopt;
      }
      h.name = n->value;
      if (const Param* f = find_param(*params, "filename")) h.file_name = f->value;
    } else if (iequals(name, "content-type")) {
      h.content_type = std::string(value);
    }
    // Other headers (Content-Transfer-Encoding, ...) are ignored.
  }
  if (!disposition) {
    why = "a part without Content-Disposition";
    return std::nullopt;
  }
  if (!valid_utf8(h.name) || (h.file_name && !valid_utf8(*h.file_name))) {
    why = "a name that is not UTF-8";
    return std::nullopt;
  }
  return h;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  std::size_t semi = content_type.find(';');
  if (!iequals(trim_ows(content_type.substr(0, semi)), "multipart/form-data")) return std::nullopt;
  if (semi == std::string_view::npos) return std::nullopt;
  auto params = parse_params(content_type.substr(semi), true);
  if (!params) return std::nullopt;
  const Param* b = find_param(*params, "boundary");
  if (!b || b->value.empty() || b->value.size() > 70 || b->value.back() == ' ') return std::nullopt;
  for (char c : b->value)
    if (!is_bchar(c)) return std::nullopt;
  return b->value;
}

Multipart parse_multipart(std::string_view body, std::string_view boundary, const MultipartLimits& limits) {
  if (boundary.empty() || boundary.size() > 70) return failed("bad boundary");
  std::string delimiter = "--" + std::string(boundary);
  std::string next_delimiter = "\r\n" + delimiter;
  if (body.substr(0, delimiter.size()) != delimiter) return failed("the body does not start with the boundary");
  Multipart out;
  std::size_t pos = delimiter.size();
  std::size_t parts = 0;
  for (;;) {
    // After a delimiter: "--" closes the body, CRLF starts a part; nothing else (no padding).
    if (body.substr(pos, 2) == "--") {
      std::string_view rest = body.substr(pos + 2);
      if (!rest.empty() && rest != "\r\n") return failed("data after the closing boundary");
      if (parts == 0) return failed("no parts");
      out.ok = true;
      return out;
    }
    if (body.substr(pos, 2) != "\r\n") return failed("no CRLF after a boundary");
    pos += 2;
    if (++parts > limits.max_parts) return failed("too many parts");

    std::size_t header_end = body.find("\r\n\r\n", pos);
    if (header_end == std::string_view::npos || header_end - pos > limits.max_header_bytes) {
      if (body.substr(pos, 2) == "\r\n") return failed("a part without headers");
      return failed(header_end == std::string_view::npos ? "unterminated part headers" : "part headers too large");
    }
    std::string_view block = body.substr(pos, header_end - pos);
    std::string why;
    auto headers = parse_part_headers(block, why);
    if (!headers) return failed(why);
    pos = header_end + 4;

    std::size_t content_end = body.find(next_delimiter, pos);
    if (content_end == std::string_view::npos) return failed("unterminated part");
    std::string_view content = body.substr(pos, content_end - pos);
    pos = content_end + next_delimiter.size();

    if (headers->file_name) {
      out.files.push_back(UploadedFile{headers->name, *headers->file_name, headers->content_type, std::string(content)});
    } else {
      if (content.size() > limits.max_field_bytes) return failed("a field too large");
      if (!valid_utf8(content) || content.find('\0') != std::string_view::npos) return failed("a field that is not UTF-8");
      out.fields.add(headers->name, std::string(content));
    }
  }
}

}  // namespace gt::web
