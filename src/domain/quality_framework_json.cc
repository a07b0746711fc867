#include "domain/quality_framework_json.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace gt {
namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& field) {
  throw std::runtime_error("quality framework JSON: " + field + " is missing or of the wrong type");
}

const json& member(const json& j, const char* key, const std::string& path) {
  auto it = j.find(key);
  if (it == j.end()) bad(path + key);
  return *it;
}

std::string text(const json& j, const char* key, const std::string& path) {
  const json& v = member(j, key, path);
  if (!v.is_string()) bad(path + key);
  return v.get<std::string>();
}

int integer(const json& j, const char* key, const std::string& path) {
  const json& v = member(j, key, path);
  if (!v.is_number_integer()) bad(path + key);
  return v.get<int>();
}

}  // namespace

std::string framework_to_json(const QualityFramework& f) {
  json criteria = json::array();
  for (const auto& c : f.criteria)
    criteria.push_back({{"key", c.key},
                        {"section", std::string(plan_section_code(c.section))},
                        {"text", c.text},
                        {"guidance", c.guidance},
                        {"weight", c.weight},
                        {"discipline", std::string(discipline_name(c.discipline))}});
  json j = {{"criteria", criteria},
            {"boundaries",
             {{"outstanding", f.boundaries.outstanding},
              {"good", f.boundaries.good},
              {"requires_improvement", f.boundaries.requires_improvement}}}};
  return j.dump();
}

QualityFramework framework_from_json(std::string_view text_in) {
  json j = json::parse(text_in, nullptr, false);
  if (j.is_discarded() || !j.is_object()) bad("framework");
  QualityFramework f;
  const json& criteria = member(j, "criteria", "");
  if (!criteria.is_array()) bad("criteria");
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    const json& c = criteria[i];
    std::string path = "criteria[" + std::to_string(i) + "].";
    if (!c.is_object()) bad(path);
    QualityCriterion out;
    out.key = text(c, "key", path);
    auto section = parse_plan_section(text(c, "section", path));
    if (!section) bad(path + "section");
    out.section = *section;
    out.text = text(c, "text", path);
    out.guidance = text(c, "guidance", path);
    out.weight = integer(c, "weight", path);
    auto d = parse_discipline(text(c, "discipline", path));
    if (!d) bad(path + "discipline");
    out.discipline = *d;
    f.criteria.push_back(std::move(out));
  }
  const json& b = member(j, "boundaries", "");
  if (!b.is_object()) bad("boundaries");
  f.boundaries.outstanding = integer(b, "outstanding", "boundaries.");
  f.boundaries.good = integer(b, "good", "boundaries.");
  f.boundaries.requires_improvement = integer(b, "requires_improvement", "boundaries.");
  return f;
}

bool operator==(const QualityCriterion& a, const QualityCriterion& b) {
  return a.key == b.key && a.section == b.section && a.text == b.text && a.guidance == b.guidance &&
         a.weight == b.weight && a.discipline == b.discipline;
}

bool operator==(const QualityFramework& a, const QualityFramework& b) {
  return a.criteria == b.criteria && a.boundaries.outstanding == b.boundaries.outstanding &&
         a.boundaries.good == b.boundaries.good && a.boundaries.requires_improvement == b.boundaries.requires_improvement;
}

}  // namespace gt
