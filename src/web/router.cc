// Router: pattern matching of method and path (see router.h for the contract).
#include "web/router.h"

#include <algorithm>
#include <stdexcept>

namespace gt::web {

namespace {

std::vector<Route::Segment> parse_pattern(const std::string& pattern) {
  if (pattern.empty() || pattern.front() != '/') throw std::logic_error("route pattern must start with '/'");
  std::vector<Route::Segment> out;
  size_t pos = 1;
  while (pos <= pattern.size()) {
    size_t slash = pattern.find('/', pos);
    if (slash == std::string::npos) slash = pattern.size();
    std::string seg = pattern.substr(pos, slash - pos);
    if (seg.size() >= 2 && seg.front() == '{' && seg.back() == '}') {
      std::string name = seg.substr(1, seg.size() - 2);
      if (!name.empty() && name.back() == '*') {
        name.pop_back();
        if (slash != pattern.size()) throw std::logic_error("{name*} must be the last segment");
        out.push_back({name, Route::Segment::Rest});
      } else {
        out.push_back({name, Route::Segment::Param});
      }
    } else {
      out.push_back({seg, Route::Segment::Literal});
    }
    pos = slash + 1;
  }
  return out;
}

// Matches path segments against the route; fills params. Returns a score (literal count) or -1.
int match_path(const Route& r, std::string_view path, std::vector<std::pair<std::string_view, std::string>>& params) {
  params.clear();
  if (path.empty() || path.front() != '/') return -1;
  path.remove_prefix(1);
  int literals = 0;
  for (size_t i = 0; i < r.segments.size(); ++i) {
    const auto& seg = r.segments[i];
    if (seg.kind == Route::Segment::Rest) {
      std::string decoded;
      if (path.empty() || !percent_decode(path, decoded, false)) return -1;
      params.emplace_back(seg.text, std::move(decoded));
      return literals;
    }
    size_t slash = path.find('/');
    bool last = i + 1 == r.segments.size();
    if (last != (slash == std::string_view::npos)) return -1;
    std::string_view part = path.substr(0, slash);
    if (seg.kind == Route::Segment::Literal) {
      if (part != seg.text) return -1;
      ++literals;
    } else {
      std::string decoded;
      if (part.empty() || !percent_decode(part, decoded, false) || decoded.find('/') != std::string::npos) return -1;
      params.emplace_back(seg.text, std::move(decoded));
    }
    path = last ? std::string_view() : path.substr(slash + 1);
  }
  return literals;
}

}  // namespace

void Router::add(Method method, std::string pattern, Access access, Handler handler, Work work) {
  if (routes_.capacity() == 0) routes_.reserve(256);
  if (routes_.size() == routes_.capacity()) throw std::logic_error("too many routes");
  Route r{method, pattern, std::string(method_name(method)) + " " + pattern, access, work, std::move(handler), {}};
  r.segments = parse_pattern(pattern);
  for (const auto& existing : routes_)
    if (existing.name == r.name) throw std::logic_error("route registered twice: " + r.name);
  routes_.push_back(std::move(r));
}

void Router::add_upload(std::string pattern, Handler handler, std::size_t body_limit) {
  add(Method::Post, std::move(pattern), Access::Page, std::move(handler), Work::Pool);
  routes_.back().uploads = true;
  routes_.back().body_limit = body_limit;
}

std::size_t Router::largest_body_limit() const {
  std::size_t most = 0;
  for (const auto& r : routes_) most = std::max(most, r.body_limit);
  return most;
}

Match Router::match(Request& req) const {
  Match m;
  const Route* best = nullptr;
  int best_score = -1;
  std::vector<std::pair<std::string_view, std::string>> params, best_params;
  unsigned allowed = 0;
  for (const auto& r : routes_) {
    int score = match_path(r, req.path, params);
    if (score < 0) continue;
    if (r.method != req.method) {
      allowed |= 1u << static_cast<unsigned>(r.method);
      continue;
    }
    if (score > best_score) {
      best = &r;
      best_score = score;
      best_params.swap(params);
    }
  }
  if (best) {
    m.route = best;
    m.status = 200;
    req.route = best->name;
    req.params = std::move(best_params);
  } else if (allowed) {
    m.status = 405;
    for (unsigned i = 0; i <= static_cast<unsigned>(Method::Other); ++i)
      if (allowed & (1u << i)) {
        if (!m.allow.empty()) m.allow += ", ";
        m.allow += method_name(static_cast<Method>(i));
      }
  }
  return m;
}

Response Router::page_error(const Request& req, int status, std::string_view reason) const {
  if (page_error_) return page_error_(req, status, reason);
  std::string body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error " +
                     std::to_string(status) + "</title></head><body><h1>Error " + std::to_string(status) +
                     "</h1><p>";
  for (char c : reason) {
    switch (c) {
      case '<': body += "&lt;"; break;
      case '>': body += "&gt;"; break;
      case '&': body += "&amp;"; break;
      case '"': body += "&quot;"; break;
      default: body += c;
    }
  }
  body += "</p></body></html>";
  return Response::html(status, std::move(body));
}

}  // namespace gt::web
