// JsonWriter: direct JSON text output (see json_writer.h).
#include "web/json_writer.h"

#include "web/form.h"

namespace gt::web {

void JsonWriter::string(std::string_view s) {
  static const char* hex = "0123456789abcdef";
  out_ += '"';
  if (!valid_utf8(s)) {
    // Rare: fall back to replacing bad bytes one by one.
    std::string fixed;
    for (std::size_t i = 0; i < s.size();) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
      if (len && i + len <= s.size() && valid_utf8(s.substr(i, len))) {
        fixed.append(s.substr(i, len));
        i += len;
      } else {
        fixed += "\xEF\xBF\xBD";
        ++i;
      }
    }
    JsonWriter inner(out_);
    out_.pop_back();
    inner.string(fixed);
    return;
  }
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      default:
        if (c < 0x20) {
          out_ += "\\u00";
          out_ += hex[c >> 4];
          out_ += hex[c & 15];
        } else {
          out_ += ch;
        }
    }
  }
  out_ += '"';
}

}  // namespace gt::web
