// JsonWriter: appends JSON text straight to a string, for the hot responses (the case view), where
// building an nlohmann DOM first costs more than the database work. Produces the same JSON as
// the DOM would (keys in the order written; strings escaped per RFC 8259, invalid UTF-8 replaced
// by U+FFFD as nlohmann's error_handler_t::replace does).
//
// Use: w.begin_object(); w.key("id"); w.value(7); w.key("event"); w.raw(j.dump()); w.end_object();
// Commas are inserted automatically.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gt::web {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}
  void begin_object() { sep(); out_ += '{'; first_ = true; }
  void end_object() { out_ += '}'; first_ = false; }
  void begin_array() { sep(); out_ += '['; first_ = true; }
  void end_array() { out_ += ']'; first_ = false; }
  void key(std::string_view k) { sep(); string(k); out_ += ':'; first_ = true; }
  void value(std::string_view s) { sep(); string(s); }
  void value(const char* s) { value(std::string_view(s)); }
  void value(std::int64_t n) { sep(); out_ += std::to_string(n); }
  void value(int n) { value(static_cast<std::int64_t>(n)); }
  void value(bool b) { sep(); out_ += b ? "true" : "false"; }
  void null() { sep(); out_ += "null"; }
  template <typename T>
  void value(const std::optional<T>& v) { if (v) value(*v); else null(); }
  void raw(std::string_view json) { sep(); out_ += json; }  // an already-serialised JSON value

 private:
  void sep() { if (!first_) out_ += ','; first_ = false; }
  void string(std::string_view s);
  std::string& out_;
  bool first_ = true;
};

}  // namespace gt::web
