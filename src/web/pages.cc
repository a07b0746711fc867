// Pages: registration of the GOV.UK page routes (see pages.h). To be filled in with the pages.
#include "web/pages.h"

namespace gt::web {

void register_pages(Router& router, Context& ctx) {
  (void)router;
  (void)ctx;
}

}  // namespace gt::web
