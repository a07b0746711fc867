// (Skeleton: pages registered here as they are written; see pages.h.)
#include "web/pages.h"

namespace gt::web {

void register_family_pages(Router& router, Context& ctx) {
  (void)router;
  (void)ctx;
}

}  // namespace gt::web
