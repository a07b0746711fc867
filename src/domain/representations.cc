#include "domain/representations.h"

namespace gt {

std::vector<CommentWindow> comment_windows(const std::vector<Event>& events) {
  std::vector<CommentWindow> out;
  auto close_latest = [&](CommentWindow::Kind kind, Date on) {
    for (auto it = out.rbegin(); it != out.rend(); ++it)
      if (it->kind == kind && !it->closed_on) it->closed_on = on;
  };
  for (const Event& e : events) {
    switch (e.type) {
      case EventType::DraftPlanServed:
        out.push_back(CommentWindow{CommentWindow::Kind::DraftPlan, e.date, e.date.plus_days(14), std::nullopt,
                                    "SEND Regulations 2014 reg 13(1)(a)"});
        break;
      case EventType::AmendmentsProposed:
        out.push_back(CommentWindow{CommentWindow::Kind::ProposedAmendments, e.date, e.date.plus_days(14),
                                    std::nullopt, "SEND Regulations 2014 reg 22(2)"});
        break;
      case EventType::FinalPlanIssued: close_latest(CommentWindow::Kind::DraftPlan, e.date); break;
      case EventType::AmendedPlanIssued: close_latest(CommentWindow::Kind::ProposedAmendments, e.date); break;
      default: break;
    }
  }
  return out;
}

}  // namespace gt
