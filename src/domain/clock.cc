// The statutory clock: promises exactly what clock.h and docs/clock.md state - a pure, total
// function from a chronology and today's date to every applicable deadline, in a stable order.
#include "domain/clock.h"

#include <algorithm>
#include <array>

namespace gt {

std::string_view deadline_status_name(DeadlineStatus s) {
  switch (s) {
    case DeadlineStatus::Pending: return "pending";
    case DeadlineStatus::Met: return "met";
    case DeadlineStatus::Missed: return "missed";
    case DeadlineStatus::Disapplied: return "disapplied";
  }
  return "";
}

namespace {

constexpr std::array<std::string_view, 16> kRuleOrder = {"A1", "A3", "A4", "A5", "A6", "A7", "R1", "R2",
                                                         "R6", "R7", "M2", "M4", "P1", "P2", "P3", "T1"};
int rule_rank(std::string_view r) {
  for (size_t i = 0; i < kRuleOrder.size(); ++i)
    if (kRuleOrder[i] == r) return static_cast<int>(i);
  return static_cast<int>(kRuleOrder.size());
}

constexpr const char* kRegs = "SEND Regulations 2014 ";

enum class Kind { Step, FamilyWindowA5, FamilyWindowT1 };

// A deadline under construction: its completion date and what decides its status at the end.
struct Work {
  Deadline d;
  Kind kind = Kind::Step;
  std::optional<Date> done;  // the completing event's date
  bool dropped = false;      // no longer reported (decision made the other way, withdrawal)
  int process = -1;          // the initial process it belongs to (A rules), else -1
  bool exception_rule = false;  // A1, A4, A6, A7: an overlapping exception disapplies it
  // A5 only: the final plan that followed this draft, and whether the family agreed to it early.
  std::optional<Date> final_plan;
  bool family_agreed = false;
};

struct Process {  // one initial process: a request (or becoming responsible) to its end
  Date start;
  int a1 = -1, a4 = -1, a6 = -1, a7 = -1;
  std::vector<std::pair<std::string, int>> advice;  // id -> A3 index
  std::vector<int> drafts;                          // A5 indices
  std::vector<std::pair<Date, std::optional<Date>>> exceptions;
  std::optional<Date> final_plan;
  bool ended = false;
};

Deadline make(std::string rule, Date start, Date due, std::string basis, std::string summary) {
  Deadline d;
  d.rule = std::move(rule);
  d.start = start;
  d.due = due;
  d.basis = std::move(basis);
  d.summary = std::move(summary);
  return d;
}

std::string readable(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

bool overlaps(const std::pair<Date, std::optional<Date>>& ex, Date from, Date to) {
  return ex.first <= to && (!ex.second || *ex.second >= from);
}

}  // namespace

ClockResult compute_deadlines(const std::vector<Event>& events, Date today) {
  std::vector<Work> w;
  std::vector<Process> procs;
  auto add = [&](Deadline d, int process = -1) {
    Work x;
    x.d = std::move(d);
    x.process = process;
    w.push_back(std::move(x));
    return static_cast<int>(w.size()) - 1;
  };
  auto complete = [&](int i, Date on) {
    if (i >= 0 && !w[i].done) w[i].done = on;
  };
  auto drop = [&](int i) {
    if (i >= 0) w[i].dropped = true;
  };
  auto cur = [&]() -> Process* { return procs.empty() || procs.back().ended ? nullptr : &procs.back(); };

  int annual = -1;                          // the open R1 / R2
  int r6 = -1, r7 = -1;                     // the latest meeting's R6 / R7
  bool in_review = false;                   // a review cycle is in progress...
  Date review_meeting;                      // ...from this meeting
  bool m4_used = false;                     // that meeting already anchors an M4
  int m2 = -1, m4 = -1;                     // the amendments awaiting an amended plan
  std::vector<int> phases;                  // P1/P2/P3 awaiting an amended plan
  int t1 = -1;                              // the latest decision notice's T1

  for (const Event& e : events) {
    switch (e.type) {
      case EventType::RequestReceived:
      case EventType::BecameResponsible: {
        if (Process* p = cur()) p->ended = true;  // never in an accepted chronology
        Process p;
        p.start = e.date;
        int idx = static_cast<int>(procs.size());
        Date a6_due = e.date.plus_weeks(20);
        p.a1 = add(make("A1", e.date, e.date.plus_weeks(6), std::string(kRegs) + "reg 5(1)",
                        "Decide whether to carry out an EHC needs assessment and tell the family"),
                   idx);
        p.a4 = add(make("A4", e.date, e.date.plus_weeks(16), std::string(kRegs) + "reg 10(1)",
                        "If the council decides not to issue a plan after assessing, tell the family"),
                   idx);
        p.a6 = add(make("A6", e.date, a6_due, std::string(kRegs) + "reg 13(2)", "Issue the final EHC plan"), idx);
        p.a7 = add(make("A7", a6_due, a6_due.plus_days(-15),
                        std::string("derived from ") + kRegs + "reg 13(1)-(2)",
                        "Send the draft plan: the latest day that still leaves the family 15 days and the "
                        "final plan within 20 weeks"),
                   idx);
        for (int i : {p.a1, p.a4, p.a6, p.a7}) w[i].exception_rule = true;
        procs.push_back(std::move(p));
        break;
      }
      case EventType::DecisionToAssess:
        if (Process* p = cur()) {
          complete(p->a1, e.date);
          if (e.outcome == Outcome::NotAssess) {
            for (int i : {p->a4, p->a6, p->a7}) drop(i);
            p->ended = true;
          }
        }
        break;
      case EventType::AdviceRequested:
        if (Process* p = cur()) {
          bool known = std::any_of(p->advice.begin(), p->advice.end(), [&](auto& a) { return a.first == e.id; });
          if (known) break;
          Deadline d = make("A3", e.date, e.date.plus_weeks(6), std::string(kRegs) + "reg 8(1)",
                            "Send the advice the council asked for (" + readable(advice_from_name(e.advice_from)) +
                                ")");
          d.id = e.id;
          p->advice.emplace_back(e.id, add(std::move(d), static_cast<int>(procs.size()) - 1));
        }
        break;
      case EventType::AdviceReceived:
        if (Process* p = cur())
          for (auto& [id, i] : p->advice)
            if (id == e.id) complete(i, e.date);
        break;
      case EventType::DecisionToIssue:
        if (Process* p = cur()) {
          if (e.outcome == Outcome::Issue) {
            drop(p->a4);  // A4 is reported only until the decision is to issue
          } else if (e.outcome == Outcome::NotIssue) {
            complete(p->a4, e.date);
            drop(p->a6);
            drop(p->a7);
            p->ended = true;
          }
        }
        break;
      case EventType::DraftPlanServed:
        if (Process* p = cur()) {
          complete(p->a7, e.date);
          Deadline d = make("A5", e.date, e.date.plus_days(14), std::string(kRegs) + "reg 13(1)(a)",
                            "Family's last day to comment on the draft plan, ask for a school or college to be "
                            "named, or ask for a meeting");
          d.family_deadline = true;
          int i = add(std::move(d), static_cast<int>(procs.size()) - 1);
          w[i].kind = Kind::FamilyWindowA5;
          p->drafts.push_back(i);
        }
        break;
      case EventType::FinalPlanIssued: {
        if (Process* p = cur()) {
          complete(p->a6, e.date);
          for (int i : p->drafts)
            if (!w[i].final_plan) {
              w[i].final_plan = e.date;
              w[i].family_agreed = e.family_agreed;
            }
          p->final_plan = e.date;
          p->ended = true;
        }
        annual = add(make("R1", e.date, e.date.plus_months(12), "Children and Families Act 2014 s44(1)(a)",
                          "Complete the first annual review of the plan (review decision sent)"));
        in_review = false;
        m2 = m4 = -1;
        break;
      }
      case EventType::Exception:
        if (Process* p = cur())
          if (e.exception_from) p->exceptions.emplace_back(*e.exception_from, e.exception_to);
        break;
      case EventType::Withdrawn:
        if (Process* p = cur()) {
          // Nothing of the initial process is left pending or missed: steps still open are dropped;
          // steps already done keep their status. A5 is kept only if its window had already closed.
          for (auto& x : w) {
            if (x.process != static_cast<int>(procs.size()) - 1 || x.dropped) continue;
            if (x.kind == Kind::FamilyWindowA5) {
              if (!x.final_plan && x.d.due >= e.date) x.dropped = true;
            } else if (!x.done) {
              x.dropped = true;
            }
          }
          p->ended = true;
        }
        break;
      case EventType::ReviewMeeting:
        r6 = add(make("R6", e.date, e.date.plus_weeks(2), std::string(kRegs) + "reg 20(7)",
                      "Send the annual review report to the council and everyone invited"));
        r7 = add(make("R7", e.date, e.date.plus_weeks(4), std::string(kRegs) + "reg 20(10)",
                      "Decide whether to keep, amend or cease the plan, and tell the family"));
        in_review = true;
        review_meeting = e.date;
        m4_used = false;
        break;
      case EventType::ReviewReport:
        complete(r6, e.date);
        break;
      case EventType::ReviewDecision:
        complete(r7, e.date);
        complete(annual, e.date);
        annual = -1;
        if (e.outcome != Outcome::Cease)
          annual = add(make("R2", e.date, e.date.plus_months(12), "Children and Families Act 2014 s44(1)(b)",
                            "Complete the next annual review of the plan (review decision sent)"));
        if (e.outcome != Outcome::Amend) in_review = false;
        break;
      case EventType::AmendmentsProposed:
        m2 = add(make("M2", e.date, e.date.plus_weeks(8), std::string(kRegs) + "reg 22(3)",
                      "Issue the amended plan (8 weeks from the proposed amendments)"));
        m4 = -1;
        if (in_review && !m4_used) {
          m4 = add(make("M4", review_meeting, review_meeting.plus_weeks(12),
                        std::string(kRegs) + "reg 20(10) and 22(3) as read in L v Devon CC [2022] EWHC 493 (Admin)",
                        "Issue the amended plan (12 weeks from the review meeting)"));
          m4_used = true;
        }
        break;
      case EventType::AmendedPlanIssued:
        complete(m2, e.date);
        complete(m4, e.date);
        m2 = m4 = -1;
        for (int i : phases) complete(i, e.date);
        phases.clear();
        in_review = false;
        break;
      case EventType::PhaseTransfer: {
        Date t = e.transfer_date.value_or(e.date);
        Deadline d;
        switch (e.phase_kind) {
          case PhaseKind::School:
            d = make("P1", e.date, Date::from_ymd(t.year(), 2, 14), std::string(kRegs) + "reg 18(1)(b)",
                     "Review and amend the plan to name the school for the move (on or before 14 February; "
                     "the Code of Practice says by 15 February)");
            break;
          case PhaseKind::Post16:
            d = make("P2", e.date, Date::from_ymd(t.year(), 3, 30), std::string(kRegs) + "reg 18(1)(a)",
                     "Review and amend the plan to name the post-16 institution (on or before 30 March; "
                     "the Code of Practice says by 31 March)");
            break;
          case PhaseKind::Post16Other:
          case PhaseKind::None:
            d = make("P3", e.date, t.plus_months(-5), std::string(kRegs) + "reg 18(2)",
                     "Review and amend the plan to name the next post-16 institution (at least 5 months "
                     "before the move)");
            break;
        }
        phases.push_back(add(std::move(d)));
        break;
      }
      case EventType::DecisionNotice: {
        Deadline d = make("T1", e.date, e.date.plus_months(2),
                          "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008 r20",
                          "Family's last day to appeal to the SEND Tribunal");
        d.family_deadline = true;
        t1 = add(std::move(d));
        w[t1].kind = Kind::FamilyWindowT1;
        break;
      }
      case EventType::MediationCertificate:
        if (t1 >= 0) {
          Date ext = e.date.plus_months(1);
          Date base = w[t1].d.start.plus_months(2);
          w[t1].d.due = std::max(base, ext);
        }
        break;
    }
  }

  ClockResult r;
  // Exceptions: a limit whose period overlaps an exception of its process is disapplied (unless it
  // was met anyway). A7 is derived from A6, so it uses A6's period.
  std::vector<bool> excepted(w.size(), false);
  for (const Process& p : procs) {
    Date a6_due = w[p.a6].d.due;
    for (int i : {p.a1, p.a4, p.a6, p.a7}) {
      Date to = (i == p.a7) ? a6_due : w[i].d.due;
      for (const auto& ex : p.exceptions)
        if (overlaps(ex, p.start, to)) excepted[i] = true;
    }
  }
  if (!procs.empty()) {
    const Process& p = procs.back();
    for (const auto& ex : p.exceptions)
      if (overlaps(ex, p.start, w[p.a6].d.due)) r.week20_exception = true;
    if (p.final_plan) r.within_20_weeks = *p.final_plan <= w[p.a6].d.due;
  }

  std::vector<std::pair<int, int>> order;  // (rank, index)
  for (size_t i = 0; i < w.size(); ++i) {
    Work& x = w[i];
    if (x.dropped) continue;
    Deadline& d = x.d;
    switch (x.kind) {
      case Kind::Step:
        if (x.done) {
          d.met_on = x.done;
          d.status = *x.done <= d.due ? DeadlineStatus::Met
                     : excepted[i]    ? DeadlineStatus::Disapplied
                                      : DeadlineStatus::Missed;
        } else {
          d.status = excepted[i]      ? DeadlineStatus::Disapplied
                     : today <= d.due ? DeadlineStatus::Pending
                                      : DeadlineStatus::Missed;
        }
        break;
      case Kind::FamilyWindowA5:
        if (x.final_plan && *x.final_plan <= d.due) {
          // Finalised inside the family's window: fine only if they said they had nothing to add.
          d.status = x.family_agreed ? DeadlineStatus::Met : DeadlineStatus::Missed;
          d.met_on = x.final_plan;
        } else if (x.final_plan || today > d.due) {
          d.status = DeadlineStatus::Met;  // the window ran its full course
          d.met_on = d.due;
        } else {
          d.status = DeadlineStatus::Pending;
        }
        break;
      case Kind::FamilyWindowT1:
        if (today > d.due) {
          d.status = DeadlineStatus::Met;  // the appeal window has closed
          d.met_on = d.due;
        } else {
          d.status = DeadlineStatus::Pending;
        }
        break;
    }
    order.emplace_back(rule_rank(d.rule), static_cast<int>(i));
  }
  std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return w[a.second].d.start < w[b.second].d.start;
  });
  r.deadlines.reserve(order.size());
  for (const auto& [rank, i] : order) r.deadlines.push_back(std::move(w[i].d));
  return r;
}

std::optional<Date> next_council_due(const ClockResult& r) {
  std::optional<Date> best;
  for (const auto& d : r.deadlines)
    if (d.open() && !d.family_deadline && (!best || d.due < *best)) best = d.due;
  return best;
}

}  // namespace gt
