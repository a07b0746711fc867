// Page layout: the Mustache templates of the GOV.UK pages, loaded once, and the shared page frame.
//
// Contract:
//  - Templates::load reads every templates/*.mustache file once (at start-up); a missing or invalid
//    template is an error then, never at request time. The directory is $GT_TEMPLATES_DIR when set,
//    else GT_SOURCE_DIR/templates (the source tree this binary was built from).
//  - render(name, data) renders one template; every other template is available to it as a partial
//    ({{> form_fields}}; a partial name must not also be a data key, which would hide it). Values are HTML-escaped ({{ }}); only already-rendered HTML from another
//    template goes through {{{ }}}. Safe from many threads at once (each thread keeps its own parsed
//    copies; the loaded sources are read-only).
//  - page() wraps a rendered body in layout.mustache: lang="en", a skip link, the service navigation
//    (when signed in: Caseload, Children, the user's name and a Sign out form carrying the CSRF
//    token), one <main id="main-content">, the footer. The <title> is "TITLE - Golden Thread",
//    prefixed "Error: " when the page shows an error summary. No inline script or style (strict CSP).
//  - Data helpers: put() sets a string, or false when empty (an empty string is truthy in Mustache).
#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "web/http_types.h"

namespace gt::web {

using Data = kainjow::mustache::data;

class Templates {
 public:
  // Throws std::runtime_error naming the file when a template cannot be read or parsed.
  void load(const std::string& dir);
  std::string render(const std::string& name, const Data& data) const;
  bool loaded() const { return !sources_.empty(); }

  static std::string default_dir();

 private:
  std::map<std::string, std::string> sources_;
  unsigned generation_ = 0;  // distinguishes Templates objects in the per-thread cache
};

// The process's templates (loaded by register_pages).
Templates& templates();

// One error for the GOV.UK error summary: the message and the id of the input it links to.
struct PageError {
  std::string href;  // "#date-day"
  std::string text;
};

// The service navigation follows the role (staff: caseload, children; a SENCO: pupils; an advice
// giver: advice requests; a family: their children and contact; every role: notifications and
// account). `key` is what PageFrame::nav names to mark the current item.
struct NavItem {
  std::string key;
  std::string href;
  std::string text;
};
std::vector<NavItem> navigation_for(const app::Actor& a);
// Where a role starts: the first navigation item ("/" for the council's staff).
std::string home_for(const app::Actor& a);

struct PageFrame {
  std::string title;
  std::string nav;  // a NavItem key ("caseload", "children", "family", ...) or "": the current item
  std::vector<PageError> errors;
};

// Renders `body_template` with `body`, then the layout around it, as an HTML response.
Response page(const Request& req, int status, const PageFrame& frame, const std::string& body_template, Data body);

// Sets `key` to `value`, or to false when `value` is empty.
void put(Data& d, const std::string& key, const std::string& value);
Data list_of(std::vector<Data> items);
Data error_summary_data(const std::vector<PageError>& errors);

}  // namespace gt::web
