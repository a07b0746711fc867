// Document types: libmagic's verdict on the bytes, and a strict look inside a DOCX package (see
// document_types.h).
#include "app/document_types.h"

#include <magic.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

namespace gt::app {

namespace {

constexpr std::string_view kDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

constexpr std::array<DocumentType, 4> kAccepted{{
    {"application/pdf", "PDF", "pdf"},
    {kDocx, "Word document", "docx"},
    {"image/png", "PNG image", "png"},
    {"image/jpeg", "JPEG image", "jpg"},
}};

// What each accepted type's bytes must start with (libmagic also finds a PDF header anywhere in
// the first kilobyte: requiring it at the start refuses polyglots such as HTML before a PDF).
std::string_view leading_signature(std::string_view media_type) {
  if (media_type == "application/pdf") return "%PDF-";
  if (media_type == "image/png") return std::string_view("\x89PNG\r\n\x1a\n", 8);
  if (media_type == "image/jpeg") return "\xFF\xD8\xFF";
  if (media_type == kDocx) return std::string_view("PK\x03\x04", 4);
  return {};
}

// One libmagic handle per thread, loaded once with the system's default database.
struct MagicHandle {
  magic_t m = nullptr;
  MagicHandle() {
    m = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_ELF);
    if (!m) throw std::runtime_error("libmagic: cannot open");
    if (magic_load(m, nullptr) != 0) {
      std::string why = magic_error(m) ? magic_error(m) : "unknown error";
      magic_close(m);
      m = nullptr;
      throw std::runtime_error("libmagic: cannot load the default database: " + why);
    }
  }
  ~MagicHandle() {
    if (m) magic_close(m);
  }
  MagicHandle(const MagicHandle&) = delete;
  MagicHandle& operator=(const MagicHandle&) = delete;
};

magic_t thread_magic() {
  thread_local MagicHandle handle;
  return handle.m;
}

// --- a strict reader of a ZIP's central directory ----------------------------------------------

std::uint32_t u16(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8;
}
std::uint32_t u32(std::string_view b, std::size_t at) { return u16(b, at) | u16(b, at + 2) << 16; }

struct ZipEntry {
  std::string name;
  std::uint32_t method = 0;
  std::uint32_t flags = 0;
  std::uint32_t compressed = 0;
  std::uint32_t uncompressed = 0;
  std::uint32_t local_offset = 0;
};

constexpr std::size_t kMaxEntries = 10000;
constexpr std::uint32_t kMaxContentTypes = 1u << 20;  // [Content_Types].xml is a few KB

// The entries of the central directory, or nullopt when the archive is not a well-formed,
// single-disk, non-ZIP64 ZIP whose every record lies inside the bytes.
std::optional<std::vector<ZipEntry>> central_directory(std::string_view b) {
  if (b.size() < 22) return std::nullopt;
  // The end-of-central-directory record: its comment must run exactly to the end of the bytes.
  std::size_t lowest = b.size() >= 22 + 65535 ? b.size() - 22 - 65535 : 0;
  std::optional<std::size_t> eocd;
  for (std::size_t at = b.size() - 22 + 1; at-- > lowest;) {
    if (u32(b, at) == 0x06054b50 && at + 22 + u16(b, at + 20) == b.size()) {
      eocd = at;
      break;
    }
  }
  if (!eocd) return std::nullopt;
  std::size_t e = *eocd;
  if (u16(b, e + 4) != 0 || u16(b, e + 6) != 0) return std::nullopt;  // multi-disk
  std::uint32_t count = u16(b, e + 10);
  if (count != u16(b, e + 8) || count == 0xFFFF || count > kMaxEntries) return std::nullopt;
  std::uint32_t cd_size = u32(b, e + 12), cd_offset = u32(b, e + 16);
  if (cd_offset == 0xFFFFFFFF || cd_size == 0xFFFFFFFF) return std::nullopt;  // ZIP64
  if (static_cast<std::uint64_t>(cd_offset) + cd_size > e) return std::nullopt;
  std::vector<ZipEntry> out;
  std::size_t at = cd_offset, end = static_cast<std::size_t>(cd_offset) + cd_size;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (at + 46 > end || u32(b, at) != 0x02014b50) return std::nullopt;
    ZipEntry z;
    z.flags = u16(b, at + 8);
    z.method = u16(b, at + 10);
    z.compressed = u32(b, at + 20);
    z.uncompressed = u32(b, at + 24);
    std::size_t name_len = u16(b, at + 28), extra_len = u16(b, at + 30), comment_len = u16(b, at + 32);
    if (u16(b, at + 34) != 0) return std::nullopt;
    z.local_offset = u32(b, at + 42);
    if (z.compressed == 0xFFFFFFFF || z.uncompressed == 0xFFFFFFFF || z.local_offset == 0xFFFFFFFF) return std::nullopt;
    std::size_t next = at + 46 + name_len + extra_len + comment_len;
    if (next > end || name_len == 0) return std::nullopt;
    z.name.assign(b.substr(at + 46, name_len));
    if (z.name.find('\0') != std::string::npos) return std::nullopt;
    out.push_back(std::move(z));
    at = next;
  }
  return out;
}

// The uncompressed bytes of one entry (stored or deflated), or nullopt.
std::optional<std::string> entry_data(std::string_view b, const ZipEntry& z) {
  if (z.flags & 0x1) return std::nullopt;  // encrypted
  if (z.uncompressed > kMaxContentTypes) return std::nullopt;
  std::size_t at = z.local_offset;
  if (at + 30 > b.size() || u32(b, at) != 0x04034b50) return std::nullopt;
  std::size_t data = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  if (data > b.size() || b.size() - data < z.compressed) return std::nullopt;
  std::string_view in = b.substr(data, z.compressed);
  if (z.method == 0) {
    if (z.compressed != z.uncompressed) return std::nullopt;
    return std::string(in);
  }
  if (z.method != 8) return std::nullopt;
  std::string out(z.uncompressed, '\0');
  z_stream s{};
  if (inflateInit2(&s, -MAX_WBITS) != Z_OK) return std::nullopt;
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  s.avail_in = static_cast<uInt>(in.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&s, Z_FINISH);
  bool ok = rc == Z_STREAM_END && s.total_out == z.uncompressed;
  inflateEnd(&s);
  if (!ok) return std::nullopt;
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

}  // namespace

bool is_wordprocessing_package(std::string_view bytes) {
  auto entries = central_directory(bytes);
  if (!entries) return false;
  const ZipEntry* content_types = nullptr;
  bool main_part = false;
  for (const auto& z : *entries) {
    if (z.name == "[Content_Types].xml") {
      if (content_types) return false;  // two of them: ambiguous
      content_types = &z;
    }
    if (z.name == "word/document.xml") main_part = true;
    std::string name = lower(z.name);
    if (contains(name, "vbaproject.bin") || contains(name, "vbadata.xml") || contains(name, "activex/")) return false;
  }
  if (!content_types || !main_part) return false;
  auto xml = entry_data(bytes, *content_types);
  if (!xml) return false;
  std::string types = lower(*xml);
  if (!contains(types, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"))
    return false;
  if (contains(types, "macroenabled") || contains(types, "vbaproject") || contains(types, "activex")) return false;
  return true;
}

std::string magic_mime_type(std::string_view bytes) {
  magic_t m = thread_magic();
  const char* t = magic_buffer(m, bytes.data(), bytes.size());
  return t ? std::string(t) : std::string();
}

std::optional<DocumentType> accepted_type(std::string_view media_type) {
  for (const auto& t : kAccepted)
    if (t.media_type == media_type) return t;
  return std::nullopt;
}

std::optional<DocumentType> type_of_content(std::string_view bytes) {
  if (bytes.empty()) return std::nullopt;
  auto t = accepted_type(magic_mime_type(bytes));
  if (!t) return std::nullopt;
  auto sig = leading_signature(t->media_type);
  if (sig.empty() || bytes.substr(0, sig.size()) != sig) return std::nullopt;
  if (t->media_type == kDocx && !is_wordprocessing_package(bytes)) return std::nullopt;
  return t;
}

std::string_view accepted_types_text() { return "a PDF, a Word document (.docx), or a PNG or JPEG image"; }

}  // namespace gt::app
