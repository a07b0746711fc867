// Page layout: loading and rendering the templates, and the shared page frame (see page_layout.h).
#include "web/page_layout.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "web/auth.h"

namespace gt::web {

namespace mst = kainjow::mustache;

namespace {
std::atomic<unsigned> g_generation{0};
}

std::string Templates::default_dir() {
  if (const char* env = std::getenv("GT_TEMPLATES_DIR"); env && *env) return env;
  return std::string(GT_SOURCE_DIR) + "/templates";
}

void Templates::load(const std::string& dir) {
  std::map<std::string, std::string> sources;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    if (!in) throw std::runtime_error("cannot read template " + entry.path().string());
    std::ostringstream ss;
    ss << in.rdbuf();
    mst::mustache parsed{ss.str()};
    if (!parsed.is_valid())
      throw std::runtime_error("template " + entry.path().string() + ": " + parsed.error_message());
    sources[entry.path().stem().string()] = ss.str();
  }
  if (ec) throw std::runtime_error("cannot read the templates directory " + dir + ": " + ec.message());
  if (!sources.count("layout")) throw std::runtime_error("no layout.mustache in " + dir);
  sources_ = std::move(sources);
  generation_ = ++g_generation;
}

std::string Templates::render(const std::string& name, const Data& data) const {
  // Each thread parses a template once per loaded generation; mustache::render is not const.
  thread_local std::unordered_map<std::string, std::unique_ptr<mst::mustache>> cache;
  thread_local unsigned cached_generation = 0;
  if (cached_generation != generation_) {
    cache.clear();
    cached_generation = generation_;
  }
  auto src = sources_.find(name);
  if (src == sources_.end()) throw std::runtime_error("no template " + name);
  auto& t = cache[name];
  if (!t) t = std::make_unique<mst::mustache>(src->second);

  Data with_partials = data;
  for (const auto& [pname, psrc] : sources_) {
    if (pname == name || data.get(pname)) continue;
    const std::string* text = &psrc;
    with_partials.set(pname, mst::partial([text] { return *text; }));
  }
  std::string out = t->render(with_partials);
  if (!t->is_valid()) throw std::runtime_error("template " + name + ": " + t->error_message());
  return out;
}

Templates& templates() {
  static Templates t;
  return t;
}

void put(Data& d, const std::string& key, const std::string& value) {
  if (value.empty())
    d.set(key, false);
  else
    d.set(key, value);
}

Data list_of(std::vector<Data> items) {
  Data l{Data::type::list};
  for (auto& i : items) l.push_back(std::move(i));
  return l;
}

Data error_summary_data(const std::vector<PageError>& errors) {
  Data l{Data::type::list};
  for (const auto& e : errors) {
    Data item;
    item.set("href", e.href);
    item.set("text", e.text);
    l.push_back(item);
  }
  return l;
}

std::vector<NavItem> navigation_for(const app::Actor& a) {
  std::vector<NavItem> out;
  const std::string& r = a.role;
  if (r == "caseworker" || r == "manager") {
    out.push_back({"caseload", "/", "Caseload"});
    out.push_back({"children", "/children", "Children and young people"});
    out.push_back({"reviews", "/reviews", "Reviews"});
    out.push_back({"quality", "/quality", "Quality of plans"});
  } else if (r == "admin") {
    out.push_back({"organisations", "/admin/organisations", "Organisations and accounts"});
    out.push_back({"quality", "/quality/framework", "Quality framework"});
  } else if (r == "senco") {
    out.push_back({"school", "/school", "Pupils"});
  } else if (r == "advice_giver") {
    out.push_back({"advice", "/advice", "Advice requests"});
    out.push_back({"delivery", "/delivery", "Provision to record"});
    // Health and social care professionals audit plans' quality (their audits are on /quality).
    if (a.organisation_kind == "health" || a.organisation_kind == "social_care")
      out.push_back({"quality", "/quality", "Quality audits"});
  } else if (r == "parent" || r == "young_person") {
    out.push_back({"family", "/family", r == "parent" ? "My children" : "My plan"});
    out.push_back({"contact", "/family/contact", "How we contact you"});
  } else if (r == "analyst") {
    out.push_back({"figures", "/figures", "Figures"});
    out.push_back({"quality", "/quality/results", "Quality results"});
  }
  if (a.org_admin) out.push_back({"organisation", "/organisation", "Our members"});
  out.push_back({"notifications", "/notifications", "Notifications"});
  out.push_back({"account", "/account", "Your account"});
  return out;
}

std::string home_for(const app::Actor& a) {
  auto nav = navigation_for(a);
  return nav.front().href;
}

Response page(const Request& req, int status, const PageFrame& frame, const std::string& body_template, Data body) {
  body.set("has_errors", !frame.errors.empty());
  body.set("error_list", error_summary_data(frame.errors));
  if (req.session) body.set("csrf_token", req.session->csrf);
  std::string content = templates().render(body_template, body);

  Data layout;
  layout.set("title", (frame.errors.empty() ? "" : "Error: ") + frame.title);
  layout.set("content", content);
  if (req.session) {
    Data user;
    user.set("name", req.session->actor.name);
    user.set("csrf_token", req.session->csrf);
    layout.set("user", user);
    std::vector<Data> items;
    for (const auto& item : navigation_for(req.session->actor)) {
      Data d;
      d.set("href", item.href);
      d.set("text", item.text);
      d.set("active", item.key == frame.nav);
      items.push_back(std::move(d));
    }
    layout.set("nav_items", list_of(std::move(items)));
  } else {
    layout.set("user", false);
  }
  return Response::html(status, templates().render("layout", layout));
}

}  // namespace gt::web
