#include "app/figures.h"

#include "app/errors.h"
#include "app/storage.h"
#include "domain/chronology.h"
#include "domain/clock.h"
#include "store/cases_store.h"

namespace gt::app {

Figures figures(Storage& storage, const Actor& actor, Date today) {
  bool analyst = actor.role == "analyst";
  if (!analyst && actor.role != "manager" && actor.role != "caseworker")
    throw Error(Error::Kind::Forbidden, "", "only analysts and the council's SEND team can see these figures");
  auto count = [&](std::string label, int n) {
    return FigureCount{std::move(label), n, analyst && n > 0 && n < 5};
  };
  auto& db = storage.read();
  auto c = store::caseload_counts(db, today.to_string(), today.plus_days(6).to_string(), std::nullopt);
  Figures f;
  f.today = today;
  f.overdue = count("Overdue", c.overdue);
  f.due_this_week = count("Due in the next 7 days", c.due_this_week);
  int open = 0;
  for (const auto& [stage, n] : c.by_stage) {
    auto st = parse_stage(stage);
    if (st && *st != Stage::Closed) open += n;
    f.by_stage.push_back(count(st ? std::string(stage_label(*st)) : stage, n));
  }
  f.open_cases = count("Open cases", open);
  for (const auto& [rule, n] : store::overdue_by_rule(db, today.to_string())) {
    auto summary = rule_summary(rule);
    f.overdue_by_rule.push_back(count(summary.empty() ? rule : rule + ": " + std::string(summary), n));
  }
  return f;
}

}  // namespace gt::app
