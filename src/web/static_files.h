// Static files: GOV.UK Frontend's compiled CSS, JavaScript, fonts and images under /assets/.
//
// Contract:
//  - GET /assets/govuk-frontend.min.css and /assets/govuk-frontend.min.js come from
//    `assets_dir` (node_modules/govuk-frontend/dist/govuk); every other /assets/PATH from
//    `assets_dir`/assets/PATH. Public (no session), served on the I/O thread, with
//    Cache-Control "public, max-age=31536000, immutable" and a Content-Type by extension.
//  - No directory traversal: the path is percent-decoded once by the router, then must be made of
//    segments of [A-Za-z0-9._-] that are not "." or ".." and not empty, and must name a regular file;
//    anything else is 404.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "web/context.h"
#include "web/router.h"

namespace gt::web {

// The default assets_dir, from the source tree this binary was built from (GT_SOURCE_DIR).
std::string default_assets_dir();

// The file a /assets/ path maps to, or nullopt if the path is not acceptable.
std::optional<std::string> asset_file(const std::string& assets_dir, std::string_view path);

void register_static(Router& router, const Context& ctx);

}  // namespace gt::web
