// OpenAPI: the API's description, docs/openapi.json (OpenAPI 3.0, hand-written), read at start-up
// and served publicly as GET /api/v1/openapi.json (it holds no data). A test checks that every
// registered /api/v1 route appears in it.
#pragma once

#include <string>

namespace gt::web {

std::string default_openapi_path();  // GT_SOURCE_DIR/docs/openapi.json
// Reads and parses the document (throws std::runtime_error if missing or not JSON); returns it compact.
std::string load_openapi(const std::string& path);

}  // namespace gt::web
