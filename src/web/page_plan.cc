// (to be written by its author: what these pages are and what they promise)
#include "web/pages.h"

namespace gt::web {

void register_plan_pages(Router& router, Context& ctx) {
  (void)router;
  (void)ctx;
}

}  // namespace gt::web
