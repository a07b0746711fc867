#include "domain/free_text.h"

#include <array>
#include <cstdint>

#include "domain/text.h"

namespace gt {

void check_free_text(std::string& value, std::string_view field, std::string_view title, bool required,
                     std::vector<FieldError>& out, std::size_t max_chars) {
  trim(value);
  auto add = [&](std::string reason) { out.push_back({std::string(field), std::string(title) + " " + reason}); };
  if (value.empty()) {
    if (required) add("is required");
    return;
  }
  std::size_t chars = 0;
  for (std::size_t i = 0; i < value.size();) {
    auto b = static_cast<unsigned char>(value[i]);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    std::uint32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    bool valid = n != 0 && i + n <= value.size();
    for (std::size_t k = 1; valid && k < n; ++k) {
      auto cb = static_cast<unsigned char>(value[i + k]);
      valid = (cb & 0xC0) == 0x80;
      cp = (cp << 6) | (cb & 0x3F);
    }
    static constexpr std::array<std::uint32_t, 5> kMin = {0, 0, 0x80, 0x800, 0x10000};
    if (valid) valid = cp >= kMin[n] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    if (!valid) return add("is not valid text (byte " + std::to_string(i + 1) + ")");
    bool allowed_control = cp == '\t' || cp == '\n' || cp == '\r';
    if (!allowed_control && (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)))
      return add("contains a control character, which is not allowed");
    ++chars;
    i += n;
  }
  if (chars > max_chars)
    add("is " + std::to_string(chars) + " characters long; the limit is " + std::to_string(max_chars));
}

}  // namespace gt
