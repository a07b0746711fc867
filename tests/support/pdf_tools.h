// pdf_tools: reads a PDF back the way a person's tools would - its text with poppler's pdftotext
// and its document information with pdfinfo (both from poppler-utils) - through a temporary file.
// Also compact(), the comparison form of a text: every whitespace character removed, so that line
// wrapping and page breaks cannot make a match fail; and body_text(), a plan PDF's text without
// its page footers. Header-only test support.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>

#include "support/run_command.h"

namespace gt::testing {

class PdfFile {
 public:
  explicit PdfFile(const std::string& bytes) {
    static std::atomic<int> n{0};
    path_ = std::filesystem::temp_directory_path() /
            ("gt-pdf-" + std::to_string(::getpid()) + "-" + std::to_string(n++) + ".pdf");
    std::ofstream f(path_, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) throw std::runtime_error("cannot write " + path_.string());
  }
  ~PdfFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  PdfFile(const PdfFile&) = delete;
  PdfFile& operator=(const PdfFile&) = delete;

  // The text, in reading order, UTF-8; pages separated by form feeds.
  std::string text() const {
    auto r = run_command("pdftotext -enc UTF-8 '" + path_.string() + "' - 2>/dev/null");
    if (r.code != 0) throw std::runtime_error("pdftotext failed with " + std::to_string(r.code));
    return r.out;
  }

  // pdfinfo's fields ("Title", "Author", "Pages", "Tagged", ...).
  std::map<std::string, std::string> info() const {
    auto r = run_command("pdfinfo -enc UTF-8 '" + path_.string() + "' 2>/dev/null");
    if (r.code != 0) throw std::runtime_error("pdfinfo failed with " + std::to_string(r.code));
    std::map<std::string, std::string> out;
    std::size_t at = 0;
    while (at < r.out.size()) {
      auto nl = r.out.find('\n', at);
      if (nl == std::string::npos) nl = r.out.size();
      std::string line = r.out.substr(at, nl - at);
      at = nl + 1;
      auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      auto v = line.find_first_not_of(' ', colon + 1);
      out[line.substr(0, colon)] = v == std::string::npos ? "" : line.substr(v);
    }
    return out;
  }

 private:
  std::filesystem::path path_;
};

inline std::string compact(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') out += c;
  return out;
}

// The text of every page without its footer (the child's name, then "Page n of m"), compacted
// and joined: a paragraph that runs over a page break reads on as one.
inline std::string body_text(const std::string& raw, const std::string& child_name) {
  std::string out;
  std::size_t at = 0;
  for (int n = 1; at < raw.size(); ++n) {
    auto ff = raw.find('\f', at);
    if (ff == std::string::npos) ff = raw.size();
    std::string page = compact(raw.substr(at, ff - at));
    at = ff + 1;
    std::string prefix = compact(child_name) + "Page" + std::to_string(n) + "of";
    auto foot = page.rfind(prefix);
    if (foot == std::string::npos) throw std::runtime_error("page " + std::to_string(n) + " has no footer");
    out += page.substr(0, foot);
  }
  return out;
}

}  // namespace gt::testing
