// The figures page (/figures): counts for analysts, commissioners and the SEND team, with small
// numbers suppressed for analysts (app/figures.h). No identifiable record.
#include "app/figures.h"
#include "web/page_layout.h"
#include "web/pages.h"

namespace gt::web {

namespace {
Data rows(const std::vector<app::FigureCount>& counts) {
  std::vector<Data> out;
  for (const auto& c : counts) {
    Data d;
    d.set("label", c.label);
    d.set("value", c.suppressed ? std::string("fewer than 5") : std::to_string(c.count));
    out.push_back(std::move(d));
  }
  return list_of(std::move(out));
}
}  // namespace

void register_figures_page(Router& router, Context& ctx) {
  router.add(Method::Get, "/figures", Access::Page, [&ctx](Request& req) {
    auto f = app::figures(ctx.storage, req.actor(), ctx.today());
    Data body;
    body.set("today", f.today.to_long_string());
    body.set("suppressing", req.actor().role == "analyst");
    body.set("headline", rows({f.open_cases, f.overdue, f.due_this_week}));
    body.set("by_stage", rows(f.by_stage));
    if (f.overdue_by_rule.empty())
      body.set("overdue_by_rule", false);
    else
      body.set("overdue_by_rule", rows(f.overdue_by_rule));
    return page(req, 200, PageFrame{"Figures", "figures", {}}, "figures", body);
  });
}

}  // namespace gt::web
