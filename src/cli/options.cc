#include "cli/options.h"

namespace gt::cli {

Options::Options(const std::vector<std::string>& args, const std::set<std::string>& valued,
                 const std::set<std::string>& flags) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) != 0 || a == "-") {
      positional_.push_back(a);
      continue;
    }
    std::string name = a.substr(2), value;
    bool has_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    if (flags.count(name)) {
      if (has_value) throw UsageError("--" + name + " takes no value");
      flags_.insert(name);
    } else if (valued.count(name)) {
      if (!has_value) {
        if (i + 1 >= args.size()) throw UsageError("--" + name + " needs a value");
        value = args[++i];
      }
      values_[name] = value;
    } else {
      throw UsageError("unknown option --" + name);
    }
  }
}

std::optional<std::string> Options::get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Options::get_or(const std::string& name, const std::string& fallback) const {
  return get(name).value_or(fallback);
}

long Options::get_int(const std::string& name, long fallback, long min, long max) const {
  auto v = get(name);
  if (!v) return fallback;
  size_t used = 0;
  long n = 0;
  try {
    n = std::stol(*v, &used);
  } catch (...) {
    used = 0;
  }
  if (used != v->size() || v->empty() || n < min || n > max)
    throw UsageError("--" + name + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  return n;
}

bool Options::flag(const std::string& name) const { return flags_.count(name) > 0; }

}  // namespace gt::cli
