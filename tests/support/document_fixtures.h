// Document fixtures: tiny but real files built by the test itself - a PDF, a PNG, a JPEG, a DOCX
// (an OOXML package written as a ZIP with stored entries), and the hostile ones (an executable,
// HTML, SVG, a plain ZIP, a macro-enabled document). Header-only test support.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace gt::testing {

inline std::string minimal_pdf(const std::string& text = "Evidence") {
  return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
         "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " +
         text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
}

// A 1x1 PNG (signature, IHDR, IDAT, IEND).
inline std::string minimal_png() {
  static const unsigned char b[] = {
      0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
      0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
      0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
      0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
      0x42, 0x60, 0x82};
  return std::string(reinterpret_cast<const char*>(b), sizeof b);
}

// The start of a JFIF JPEG (SOI, APP0) and its end.
inline std::string minimal_jpeg() {
  static const unsigned char b[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01,
                                    0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9};
  return std::string(reinterpret_cast<const char*>(b), sizeof b);
}

inline std::uint32_t crc32_of(const std::string& s) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char ch : s) {
    c ^= ch;
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return ~c;
}

// A ZIP of stored (uncompressed) entries, in order.
inline std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  auto le16 = [](std::string& o, std::uint32_t v) {
    o += static_cast<char>(v & 0xFF);
    o += static_cast<char>((v >> 8) & 0xFF);
  };
  auto le32 = [&](std::string& o, std::uint32_t v) {
    le16(o, v & 0xFFFF);
    le16(o, v >> 16);
  };
  std::string out, cd;
  for (const auto& [name, data] : entries) {
    std::uint32_t offset = static_cast<std::uint32_t>(out.size());
    std::uint32_t crc = crc32_of(data);
    auto size = static_cast<std::uint32_t>(data.size());
    le32(out, 0x04034b50);
    le16(out, 20);
    le16(out, 0);
    le16(out, 0);  // stored
    le16(out, 0);
    le16(out, 0x21);
    le32(out, crc);
    le32(out, size);
    le32(out, size);
    le16(out, static_cast<std::uint32_t>(name.size()));
    le16(out, 0);
    out += name;
    out += data;
    le32(cd, 0x02014b50);
    le16(cd, 20);
    le16(cd, 20);
    le16(cd, 0);
    le16(cd, 0);
    le16(cd, 0);
    le16(cd, 0x21);
    le32(cd, crc);
    le32(cd, size);
    le32(cd, size);
    le16(cd, static_cast<std::uint32_t>(name.size()));
    le16(cd, 0);
    le16(cd, 0);
    le16(cd, 0);
    le16(cd, 0);
    le32(cd, 0);
    le32(cd, offset);
    cd += name;
  }
  std::uint32_t cd_offset = static_cast<std::uint32_t>(out.size());
  out += cd;
  le32(out, 0x06054b50);
  le16(out, 0);
  le16(out, 0);
  le16(out, static_cast<std::uint32_t>(entries.size()));
  le16(out, static_cast<std::uint32_t>(entries.size()));
  le32(out, static_cast<std::uint32_t>(cd.size()));
  le32(out, cd_offset);
  le16(out, 0);
  return out;
}

inline std::string content_types_xml(const std::string& main_type) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" ContentType=\"" +
         main_type + "\"/></Types>";
}

inline std::string package_rels() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
         "officeDocument\" Target=\"word/document.xml\"/></Relationships>";
}

inline std::string word_document_xml(const std::string& text = "Advice") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:body><w:p><w:r><w:t>" +
         text + "</w:t></w:r></w:p></w:body></w:document>";
}

// A minimal DOCX: [Content_Types].xml, _rels/.rels, word/document.xml (Word's order).
inline std::string minimal_docx(const std::string& text = "Advice") {
  return stored_zip({{"[Content_Types].xml",
                      content_types_xml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")},
                     {"_rels/.rels", package_rels()},
                     {"word/document.xml", word_document_xml(text)}});
}

// A macro-enabled document (what Word saves as .docm), however it is named.
inline std::string macro_docx() {
  return stored_zip({{"[Content_Types].xml", content_types_xml("application/vnd.ms-word.document.macroEnabled.main+xml")},
                     {"_rels/.rels", package_rels()},
                     {"word/document.xml", word_document_xml()},
                     {"word/vbaProject.bin", "Attribute VB_Name = \"NewMacros\""}});
}

// The DOCX content types, but a VBA project inside all the same.
inline std::string docx_with_vba_part() {
  return stored_zip({{"[Content_Types].xml",
                      content_types_xml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")},
                     {"_rels/.rels", package_rels()},
                     {"word/document.xml", word_document_xml()},
                     {"word/vbaProject.bin", "Attribute VB_Name = \"NewMacros\""}});
}

inline std::string plain_zip() { return stored_zip({{"notes.txt", "hello"}, {"more.txt", "there"}}); }

// A Windows executable's headers (MZ, PE).
inline std::string windows_exe() {
  std::string b(512, '\0');
  b[0] = 'M';
  b[1] = 'Z';
  b[0x3C] = static_cast<char>(0x80);
  b.replace(0x80, 4, std::string("PE\0\0", 4));
  b[0x84] = static_cast<char>(0x4C);
  b[0x85] = static_cast<char>(0x01);
  return b;
}

inline std::string html_page() {
  return "<!DOCTYPE html>\n<html><head><title>x</title></head><body><script>alert(1)</script></body></html>\n";
}

inline std::string svg_image() {
  return "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
         "<script>alert(1)</script></svg>\n";
}

// Every regular file under `dir` (recursively), as paths.
inline std::vector<std::filesystem::path> files_under(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) return out;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); it != std::filesystem::recursive_directory_iterator();
       it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file()) out.push_back(it->path());
  }
  return out;
}

}  // namespace gt::testing
