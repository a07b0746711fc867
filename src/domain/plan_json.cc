#include "domain/plan_json.h"

#include <nlohmann/json.hpp>
#include <set>

namespace gt {
namespace {

using nlohmann::json;

json date_json(const std::optional<Date>& d) { return d ? json(d->to_string()) : json(nullptr); }

json paragraphs_json(const std::vector<PlanParagraph>& v) {
  json a = json::array();
  for (const auto& p : v) a.push_back({{"id", p.id}, {"heading", p.heading}, {"text", p.text}});
  return a;
}

// A reader over one JSON object that refuses unknown fields and wrong types, naming the field.
class Obj {
 public:
  Obj(const json& j, std::string path, std::set<std::string> allowed) : j_(j), path_(std::move(path)) {
    if (!j.is_object()) throw PlanJsonError(path_.empty() ? "plan" : path_, "must be an object");
    for (auto it = j.begin(); it != j.end(); ++it)
      if (!allowed.count(it.key())) throw PlanJsonError(field(it.key()), "is not a field of a plan");
  }
  std::string field(const std::string& k) const { return path_.empty() ? k : path_ + "." + k; }
  const json* get(const std::string& k) const {
    auto it = j_.find(k);
    return it == j_.end() || it->is_null() ? nullptr : &*it;
  }
  std::string str(const std::string& k) const {
    auto* v = get(k);
    if (!v) return "";
    if (!v->is_string()) throw PlanJsonError(field(k), "must be a string");
    return v->get<std::string>();
  }
  int integer(const std::string& k, long long lo, long long hi) const {
    auto* v = get(k);
    if (!v) return 0;
    if (!v->is_number_integer()) throw PlanJsonError(field(k), "must be a whole number");
    auto n = v->get<long long>();
    if (n < lo || n > hi) throw PlanJsonError(field(k), "is out of range");
    return static_cast<int>(n);
  }
  std::int64_t int64(const std::string& k) const {
    auto* v = get(k);
    if (!v) return 0;
    if (!v->is_number_integer()) throw PlanJsonError(field(k), "must be a whole number");
    return v->get<std::int64_t>();
  }
  std::optional<Date> date(const std::string& k) const {
    auto* v = get(k);
    if (!v) return std::nullopt;
    if (!v->is_string()) throw PlanJsonError(field(k), "must be a date (YYYY-MM-DD)");
    auto d = Date::parse(v->get<std::string>());
    if (!d) throw PlanJsonError(field(k), "must be a real date (YYYY-MM-DD)");
    return d;
  }
  std::vector<std::string> ids(const std::string& k) const {
    std::vector<std::string> out;
    auto* v = get(k);
    if (!v) return out;
    if (!v->is_array()) throw PlanJsonError(field(k), "must be a list of ids");
    for (const auto& e : *v) {
      if (!e.is_string()) throw PlanJsonError(field(k), "must be a list of ids");
      out.push_back(e.get<std::string>());
    }
    return out;
  }
  template <typename Fn>
  void each(const std::string& k, Fn fn) const {
    auto* v = get(k);
    if (!v) return;
    if (!v->is_array()) throw PlanJsonError(field(k), "must be a list");
    for (size_t i = 0; i < v->size(); ++i) fn((*v)[i], field(k) + "[" + std::to_string(i) + "]");
  }

 private:
  const json& j_;
  std::string path_;
};

std::vector<PlanParagraph> read_paragraphs(const Obj& o, const std::string& k) {
  std::vector<PlanParagraph> out;
  o.each(k, [&](const json& e, const std::string& path) {
    Obj p(e, path, {"id", "heading", "text"});
    out.push_back({p.str("id"), p.str("heading"), p.str("text")});
  });
  return out;
}

PlanSection read_section(const Obj& o, const std::string& k) {
  auto s = parse_plan_section(o.str(k));
  if (!s) throw PlanJsonError(o.field(k), "must be a section of the plan (A to K)");
  return *s;
}

}  // namespace

std::string plan_to_json(const Plan& p) {
  json j;
  j["views"] = paragraphs_json(p.views);
  j["needs"] = json::array();
  for (const auto& n : p.needs)
    j["needs"].push_back({{"id", n.id},
                          {"section", std::string(plan_section_code(n.section))},
                          {"text", n.text},
                          {"sen_type", n.sen_type},
                          {"broad_area", n.broad_area}});
  j["outcomes"] = json::array();
  for (const auto& o : p.outcomes)
    j["outcomes"].push_back(
        {{"id", o.id}, {"text", o.text}, {"needs", o.needs}, {"by", date_json(o.by)}, {"steps", o.steps}});
  j["provision"] = json::array();
  for (const auto& f : p.provision)
    j["provision"].push_back({{"id", f.id},
                              {"section", std::string(plan_section_code(f.section))},
                              {"what", f.what},
                              {"delivered_by", f.delivered_by},
                              {"qualification", f.qualification},
                              {"provider", f.provider},
                              {"provider_organisation_id", f.provider_organisation_id},
                              {"sessions", f.sessions},
                              {"per", std::string(frequency_per_name(f.per))},
                              {"minutes", f.minutes},
                              {"group_size", f.group_size},
                              {"from", date_json(f.from)},
                              {"until", date_json(f.until)},
                              {"outcomes", f.outcomes}});
  j["placement"] = {{"name", p.placement.name}, {"urn", p.placement.urn}, {"kind", p.placement.kind},
                    {"notes", p.placement.notes}};
  j["personal_budget"] = paragraphs_json(p.personal_budget);
  j["advice"] = json::array();
  for (const auto& k : p.advice)
    j["advice"].push_back(
        {{"id", k.id}, {"from", k.from}, {"author", k.author}, {"date", date_json(k.date)}, {"title", k.title}});
  j["last_number"] = p.last_number;
  return j.dump();
}

Plan plan_from_json(std::string_view text) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error&) {
    throw PlanJsonError("plan", "is not valid JSON");
  }
  Obj root(j, "", {"views", "needs", "outcomes", "provision", "placement", "personal_budget", "advice", "last_number"});
  Plan p;
  p.views = read_paragraphs(root, "views");
  root.each("needs", [&](const json& e, const std::string& path) {
    Obj o(e, path, {"id", "section", "text", "sen_type", "broad_area"});
    p.needs.push_back({o.str("id"), read_section(o, "section"), o.str("text"), o.str("sen_type"), o.str("broad_area")});
  });
  root.each("outcomes", [&](const json& e, const std::string& path) {
    Obj o(e, path, {"id", "text", "needs", "by", "steps"});
    p.outcomes.push_back({o.str("id"), o.str("text"), o.ids("needs"), o.date("by"), o.str("steps")});
  });
  root.each("provision", [&](const json& e, const std::string& path) {
    Obj o(e, path,
          {"id", "section", "what", "delivered_by", "qualification", "provider", "provider_organisation_id",
           "sessions", "per", "minutes", "group_size", "from", "until", "outcomes"});
    PlanProvision f;
    f.id = o.str("id");
    f.section = read_section(o, "section");
    f.what = o.str("what");
    f.delivered_by = o.str("delivered_by");
    f.qualification = o.str("qualification");
    f.provider = o.str("provider");
    f.provider_organisation_id = o.int64("provider_organisation_id");
    f.sessions = o.integer("sessions", -1000000, 1000000);
    auto per = o.str("per");
    auto parsed = parse_frequency_per(per.empty() ? "none" : per);
    if (!parsed) throw PlanJsonError(o.field("per"), "must be none, day, week, fortnight, half_term, term or year");
    f.per = *parsed;
    f.minutes = o.integer("minutes", -1000000, 1000000);
    f.group_size = o.integer("group_size", -1000000, 1000000);
    f.from = o.date("from");
    f.until = o.date("until");
    f.outcomes = o.ids("outcomes");
    p.provision.push_back(std::move(f));
  });
  if (auto* pl = root.get("placement")) {
    Obj o(*pl, "placement", {"name", "urn", "kind", "notes"});
    p.placement = {o.str("name"), o.str("urn"), o.str("kind"), o.str("notes")};
  }
  p.personal_budget = read_paragraphs(root, "personal_budget");
  root.each("advice", [&](const json& e, const std::string& path) {
    Obj o(e, path, {"id", "from", "author", "date", "title"});
    p.advice.push_back({o.str("id"), o.str("from"), o.str("author"), o.date("date"), o.str("title")});
  });
  p.last_number = root.integer("last_number", 0, 1000000000);
  return p;
}

bool operator==(const Plan& a, const Plan& b) { return plan_to_json(a) == plan_to_json(b); }

}  // namespace gt
