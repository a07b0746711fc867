// Context: what route handlers share - the app layer's services and the server's settings.
// Built once by `goldthread serve` (or a test) and outlives the server; handlers capture it by
// reference. Every member is safe to use from several threads at once (app layer contract).
#pragma once

#include <string>

#include "app/services.h"

namespace gt::web {

struct Context {
  app::Services& app;  // every use case; the members below are shortcuts into it
  app::Storage& storage;
  app::Accounts& accounts;
  app::Casework& casework;
  const app::Today& today;
  bool secure_cookies = false;  // add Secure to the session cookie (behind TLS)
  std::string assets_dir;       // node_modules/govuk-frontend/dist/govuk (see static_files.h)
  std::string openapi_json;     // the OpenAPI document, served as is
};

}  // namespace gt::web
