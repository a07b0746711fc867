// OpenAPI: loading and serving the API description (see openapi.h).
#include "web/openapi.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "web/routes.h"

namespace gt::web {

std::string default_openapi_path() { return std::string(GT_SOURCE_DIR) + "/docs/openapi.json"; }

std::string load_openapi(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the OpenAPI document " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto j = nlohmann::json::parse(ss.str(), nullptr, false);
  if (j.is_discarded()) throw std::runtime_error("the OpenAPI document " + path + " is not valid JSON");
  return j.dump();
}

void register_openapi(Router& router, Context& ctx) {
  router.add(
      Method::Get, "/api/v1/openapi.json", Access::Public,
      [&ctx](Request&) {
        Response r = Response::json(200, ctx.openapi_json);
        r.cache_control = "no-cache";
        return r;
      },
      Work::Inline);
}

}  // namespace gt::web
