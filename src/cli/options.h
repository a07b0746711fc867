// Options: a small parser for "--name value" and "--flag" command-line options, shared by the
// subcommands. Unknown options and missing values are reported as UsageError (exit code 2).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace gt::cli {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Options {
 public:
  // `valued` take a value; `flags` do not. Positional arguments are kept in order.
  Options(const std::vector<std::string>& args, const std::set<std::string>& valued, const std::set<std::string>& flags);
  std::optional<std::string> get(const std::string& name) const;
  std::string get_or(const std::string& name, const std::string& fallback) const;
  long get_int(const std::string& name, long fallback, long min, long max) const;
  bool flag(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
  std::vector<std::string> positional_;
};

}  // namespace gt::cli
