// Static files: GOV.UK Frontend assets under /assets/ (see static_files.h for the contract).
#include "web/static_files.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace gt::web {

std::string default_assets_dir() { return std::string(GT_SOURCE_DIR) + "/node_modules/govuk-frontend/dist/govuk"; }

std::optional<std::string> asset_file(const std::string& assets_dir, std::string_view path) {
  if (path.empty() || path.size() > 200) return std::nullopt;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view seg = path.substr(start, slash - start);
    if (seg.empty() || seg == "." || seg == "..") return std::nullopt;
    for (char c : seg)
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
            c == '_'))
        return std::nullopt;
    start = slash + 1;
  }
  if (path == "govuk-frontend.min.css" || path == "govuk-frontend.min.js") return assets_dir + "/" + std::string(path);
  return assets_dir + "/assets/" + std::string(path);
}

namespace {

std::string_view content_type_of(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext;
  };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".woff")) return "font/woff";
  if (ends(".png")) return "image/png";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".json")) return "application/json";
  if (ends(".map")) return "application/json";
  return "application/octet-stream";
}

}  // namespace

void register_static(Router& router, const Context& ctx) {
  router.add(
      Method::Get, "/assets/{path*}", Access::Public,
      [&ctx](Request& req) {
        std::string_view path = req.param("path");
        auto file = asset_file(ctx.assets_dir, path);
        struct stat st {};
        if (!file || ::stat(file->c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return Response::text(404, "Not found\n");
        std::ifstream in(*file, std::ios::binary);
        if (!in) return Response::text(404, "Not found\n");
        std::string body(static_cast<std::size_t>(st.st_size), '\0');
        in.read(body.data(), st.st_size);
        Response r;
        r.status = 200;
        r.content_type = std::string(content_type_of(path));
        r.body = std::move(body);
        r.cache_control = "public, max-age=31536000, immutable";
        return r;
      },
      Work::Inline);
}

}  // namespace gt::web
