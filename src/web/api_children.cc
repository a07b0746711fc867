// placeholder, being written
#include "web/routes.h"
namespace gt::web {
void register_children_api(Router&, Context&) {}
}  // namespace gt::web
