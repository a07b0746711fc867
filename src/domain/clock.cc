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

// The rules in output order; the index is the sort rank.
enum Rule { A1, A3, A4, A5, A6, A7, R1, R2, R6, R7, M2, M4, P1, P2, P3, C4, T1, kRuleCount };
constexpr std::array<std::string_view, kRuleCount> kRuleIds = {"A1", "A3", "A4", "A5", "A6", "A7", "R1", "R2",
                                                               "R6", "R7", "M2", "M4", "P1", "P2", "P3", "C4", "T1"};

// The provision and the plain-English summary of each rule, built once: copying a prepared string
// costs one allocation, building one costs several (the clock runs over whole caseloads).
struct Text {
  std::string basis, summary;
};
const Text& text(Rule rule) {
  static const std::array<Text, kRuleCount> table = [] {
    const std::string regs = "SEND Regulations 2014 ";
    std::array<Text, kRuleCount> t;
    t[A1] = {regs + "reg 5(1)", "Decide whether to carry out an EHC needs assessment and tell the family"};
    t[A3] = {regs + "reg 8(1)", "Send the advice the council asked for"};
    t[A4] = {regs + "reg 10(1)", "If the council decides not to issue a plan after assessing, tell the family"};
    t[A5] = {regs + "reg 13(1)(a)",
             "Family's last day to comment on the draft plan, ask for a school or college to be named, or ask for "
             "a meeting"};
    t[A6] = {regs + "reg 13(2)", "Issue the final EHC plan"};
    t[A7] = {"derived from " + regs + "reg 13(1)-(2)",
             "Send the draft plan: the latest day that still leaves the family 15 days and the final plan within "
             "20 weeks"};
    t[R1] = {"Children and Families Act 2014 s44(1)(a)",
             "Complete the first annual review of the plan (review decision sent)"};
    t[R2] = {"Children and Families Act 2014 s44(1)(b)",
             "Complete the next annual review of the plan (review decision sent)"};
    t[R6] = {regs + "reg 20(7)", "Send the annual review report to the council and everyone invited"};
    t[R7] = {regs + "reg 20(10)", "Decide whether to keep, amend or cease the plan, and tell the family"};
    t[M2] = {regs + "reg 22(3)", "Issue the amended plan (8 weeks from the proposed amendments)"};
    t[M4] = {regs + "reg 20(10) and 22(3) as read in L v Devon CC [2022] EWHC 493 (Admin)",
             "Issue the amended plan (12 weeks from the review meeting)"};
    t[P1] = {regs + "reg 18(1)(b)",
             "Review and amend the plan to name the school for the move (on or before 14 February; the Code of "
             "Practice says by 15 February)"};
    t[P2] = {regs + "reg 18(1)(a)",
             "Review and amend the plan to name the post-16 institution (on or before 30 March; the Code of "
             "Practice says by 31 March)"};
    t[P3] = {regs + "reg 18(2)",
             "Review and amend the plan to name the next post-16 institution (at least 5 months before the move)"};
    t[C4] = {regs + "reg 31(1)",
             "Last day for the family and the school or college to respond to the proposal to cease the plan"};
    t[T1] = {"Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008 r20",
             "Family's last day to appeal to the SEND Tribunal"};
    return t;
  }();
  return table[rule];
}
// A3's summary names who was asked.
const std::string& a3_summary(AdviceFrom from) {
  static const std::array<std::string, 6> table = [] {
    std::array<std::string, 6> t;
    for (size_t i = 0; i < t.size(); ++i) {
      std::string name(advice_from_name(static_cast<AdviceFrom>(i)));
      std::replace(name.begin(), name.end(), '_', ' ');
      t[i] = text(A3).summary + (name.empty() ? "" : " (" + name + ")");
    }
    return t;
  }();
  return table[static_cast<size_t>(from) < table.size() ? static_cast<size_t>(from) : 0];
}

// A deadline under construction: its completion date and what decides its status at the end.
struct Work {
  Rule rule;
  Date start, due;
  const Event* source = nullptr;  // the starting event (A3 id and source, A5/T1 family)
  std::optional<Date> done;       // the completing event's date
  bool dropped = false;           // no longer reported (decision made the other way, withdrawal)
  int process = -1;               // the initial process it belongs to (A rules), else -1
  // A5 only: the final plan that followed this draft, and whether the family agreed to it early.
  std::optional<Date> final_plan;
  bool family_agreed = false;
};

struct Process {  // one initial process: a request (or becoming responsible) to its end
  Date start;
  int a1 = -1, a4 = -1, a6 = -1, a7 = -1;
  int first_work = 0;                        // its deadlines are w[first_work..]
  std::vector<std::pair<Date, std::optional<Date>>> exceptions;
  std::optional<Date> final_plan;
  bool ended = false;
};

bool overlaps(const std::pair<Date, std::optional<Date>>& ex, Date from, Date to) {
  return ex.first <= to && (!ex.second || *ex.second >= from);
}

}  // namespace

ClockResult compute_deadlines(const std::vector<Event>& events, Date today) {
  // Per-thread scratch space: the clock runs over whole caseloads, and reusing the buffers saves
  // an allocation per call. Cleared on entry; nothing survives between calls.
  thread_local std::vector<Work> w;
  thread_local std::vector<int> order;
  w.clear();
  order.clear();
  w.reserve(events.size() * 2 + 4);  // at most a few deadlines an event
  std::vector<Process> procs;
  auto add = [&](Rule rule, Date start, Date due, const Event& e, int process = -1) {
    Work x;
    x.rule = rule;
    x.start = start;
    x.due = due;
    x.source = &e;
    x.process = process;
    w.push_back(x);
    return static_cast<int>(w.size()) - 1;
  };
  auto complete = [&](int i, Date on) {
    if (i >= 0 && !w[i].done) w[i].done = on;
  };
  auto drop = [&](int i) {
    if (i >= 0) w[i].dropped = true;
  };
  auto cur = [&]() -> Process* { return procs.empty() || procs.back().ended ? nullptr : &procs.back(); };
  auto cur_index = [&]() { return static_cast<int>(procs.size()) - 1; };

  int annual = -1;                          // the open R1 / R2
  int r6 = -1, r7 = -1;                     // the latest meeting's R6 / R7
  bool in_review = false;                   // a review cycle is in progress...
  Date review_meeting;                      // ...from this meeting
  bool m4_used = false;                     // that meeting already anchors an M4
  int m2 = -1, m4 = -1;                     // the amendments awaiting an amended plan
  std::vector<int> phases;                  // P1/P2/P3 awaiting an amended plan
  int t1 = -1;                              // the latest decision notice's T1
  int c4 = -1;                              // the consultation on ceasing in progress
  std::optional<Date> last_review_decision; // anchors R2 again when the council decides not to cease

  for (const Event& e : events) {
    switch (e.type) {
      case EventType::RequestReceived:
      case EventType::BecameResponsible: {
        if (Process* p = cur()) p->ended = true;  // never in an accepted chronology
        Process p;
        p.start = e.date;
        p.first_work = static_cast<int>(w.size());
        int idx = static_cast<int>(procs.size());
        Date a6_due = e.date.plus_weeks(20);
        p.a1 = add(A1, e.date, e.date.plus_weeks(6), e, idx);
        p.a4 = add(A4, e.date, e.date.plus_weeks(16), e, idx);
        p.a6 = add(A6, e.date, a6_due, e, idx);
        p.a7 = add(A7, a6_due, a6_due.plus_days(-15), e, idx);  // anchored on A6's due date
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
          bool known = false;
          for (size_t i = p->first_work; i < w.size(); ++i)
            if (w[i].rule == A3 && w[i].source->id == e.id) known = true;
          if (!known) add(A3, e.date, e.date.plus_weeks(6), e, cur_index());
        }
        break;
      case EventType::AdviceReceived:
        if (Process* p = cur())
          for (size_t i = p->first_work; i < w.size(); ++i)
            if (w[i].rule == A3 && w[i].source->id == e.id) complete(static_cast<int>(i), e.date);
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
          add(A5, e.date, e.date.plus_days(14), e, cur_index());
        }
        break;
      case EventType::FinalPlanIssued: {
        if (Process* p = cur()) {
          complete(p->a6, e.date);
          for (size_t i = p->first_work; i < w.size(); ++i)
            if (w[i].rule == A5 && !w[i].final_plan) {
              w[i].final_plan = e.date;
              w[i].family_agreed = e.family_agreed;
            }
          p->final_plan = e.date;
          p->ended = true;
        }
        annual = add(R1, e.date, e.date.plus_months(12), e);
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
          for (size_t i = p->first_work; i < w.size(); ++i) {
            Work& x = w[i];
            if (x.process != cur_index() || x.dropped) continue;
            if (x.rule == A5) {
              if (!x.final_plan && x.due >= e.date) x.dropped = true;
            } else if (!x.done) {
              x.dropped = true;
            }
          }
          p->ended = true;
        }
        break;
      case EventType::ReviewMeeting:
        r6 = add(R6, e.date, e.date.plus_weeks(2), e);
        r7 = add(R7, e.date, e.date.plus_weeks(4), e);
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
        last_review_decision = e.date;
        if (e.outcome != Outcome::Cease) annual = add(R2, e.date, e.date.plus_months(12), e);
        if (e.outcome != Outcome::Amend) in_review = false;
        break;
      case EventType::AmendmentsProposed:
        m2 = add(M2, e.date, e.date.plus_weeks(8), e);
        m4 = -1;
        if (in_review && !m4_used) {
          m4 = add(M4, review_meeting, review_meeting.plus_weeks(12), e);
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
        switch (e.phase_kind) {
          case PhaseKind::School: phases.push_back(add(P1, e.date, Date::from_ymd(t.year(), 2, 14), e)); break;
          case PhaseKind::Post16: phases.push_back(add(P2, e.date, Date::from_ymd(t.year(), 3, 30), e)); break;
          case PhaseKind::Post16Other:
          case PhaseKind::None: phases.push_back(add(P3, e.date, t.plus_months(-5), e)); break;
        }
        break;
      }
      case EventType::DecisionNotice:
        t1 = add(T1, e.date, e.date.plus_months(2), e);
        break;
      case EventType::MediationCertificate:
        if (t1 >= 0) w[t1].due = std::max(w[t1].start.plus_months(2), e.date.plus_months(1));
        break;
      case EventType::CeaseProposed:
        c4 = add(C4, e.date, e.respond_by.value_or(e.date), e);
        break;
      case EventType::CeaseDecided:
        complete(c4, e.date);
        c4 = -1;
        if (e.outcome == Outcome::Cease) {
          // The decision notice carries the appeal and mediation rights (reg 31(2)): T1 runs from it.
          t1 = add(T1, e.date, e.date.plus_months(2), e);
        } else if (annual < 0 && last_review_decision) {
          // Kept after a review decision to cease: the annual review clock runs on from that decision.
          annual = add(R2, *last_review_decision, last_review_decision->plus_months(12), e);
        }
        break;
      case EventType::PlanCeased:
        // The plan has ended: its duties not yet due go with it; any already missed stay missed.
        for (Work& x : w)
          if (!x.done && !x.dropped && x.due >= e.date &&
              (x.rule == R1 || x.rule == R2 || x.rule == R6 || x.rule == R7 || x.rule == M2 || x.rule == M4 ||
               x.rule == P1 || x.rule == P2 || x.rule == P3))
            x.dropped = true;
        annual = r6 = r7 = m2 = m4 = -1;
        phases.clear();
        in_review = false;
        break;
    }
  }

  ClockResult r;
  // Exceptions: a limit whose period overlaps an exception of its process is disapplied (unless it
  // was met anyway). A7 is derived from A6, so it uses A6's period.
  std::vector<char> excepted(w.size(), 0);
  for (const Process& p : procs) {
    if (p.exceptions.empty()) continue;
    Date a6_due = w[p.a6].due;
    for (int i : {p.a1, p.a4, p.a6, p.a7}) {
      Date to = (i == p.a7) ? a6_due : w[i].due;
      for (const auto& ex : p.exceptions)
        if (overlaps(ex, p.start, to)) excepted[i] = 1;
    }
  }
  if (!procs.empty()) {
    const Process& p = procs.back();
    for (const auto& ex : p.exceptions)
      if (overlaps(ex, p.start, w[p.a6].due)) r.week20_exception = true;
    if (p.final_plan) r.within_20_weeks = *p.final_plan <= w[p.a6].due;
  }

  // Stable order: rule, then start, then the order recorded.
  order.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i)
    if (!w[i].dropped) order.push_back(static_cast<int>(i));
  // The index breaks ties, so an ordinary sort is stable (and needs no temporary buffer).
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    if (w[a].rule != w[b].rule) return w[a].rule < w[b].rule;
    if (w[a].start != w[b].start) return w[a].start < w[b].start;
    return a < b;
  });

  r.deadlines.resize(order.size());
  for (size_t k = 0; k < order.size(); ++k) {
    const int i = order[k];
    const Work& x = w[i];
    Deadline& d = r.deadlines[k];
    d.rule = kRuleIds[x.rule];
    d.start = x.start;
    d.due = x.due;
    const Text& t = text(x.rule);
    d.basis = t.basis;
    if (x.rule == A3) {
      d.id = x.source->id;
      d.summary = a3_summary(x.source->advice_from);
    } else {
      d.summary = t.summary;
    }
    switch (x.rule) {
      case A5:
        d.family_deadline = true;
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
      case C4:
        d.family_deadline = true;
        if (x.done && *x.done <= d.due) {
          d.status = DeadlineStatus::Met;  // decided early: everyone consulted had answered
          d.met_on = x.done;
        } else if (x.done || today > d.due) {
          d.status = DeadlineStatus::Met;  // the consultation ran its full course
          d.met_on = d.due;
        } else {
          d.status = DeadlineStatus::Pending;
        }
        break;
      case T1:
        d.family_deadline = true;
        if (today > d.due) {
          d.status = DeadlineStatus::Met;  // the appeal window has closed
          d.met_on = d.due;
        } else {
          d.status = DeadlineStatus::Pending;
        }
        break;
      default:
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
    }
  }
  return r;
}

std::optional<Date> next_council_due(const ClockResult& r) {
  std::optional<Date> best;
  for (const auto& d : r.deadlines)
    if (d.open() && !d.family_deadline && (!best || d.due < *best)) best = d.due;
  return best;
}

std::string_view rule_summary(std::string_view rule_id) {
  for (int r = 0; r < kRuleCount; ++r)
    if (kRuleIds[r] == rule_id) return text(static_cast<Rule>(r)).summary;
  return {};
}

std::string_view rule_basis(std::string_view rule_id) {
  for (int r = 0; r < kRuleCount; ++r)
    if (kRuleIds[r] == rule_id) return text(static_cast<Rule>(r)).basis;
  return {};
}

}  // namespace gt
