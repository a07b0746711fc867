// Chronology: promises what chronology.h states - the EHC journey as a state machine over dated
// events; check_append accepts an event or rejects it with a reason that names the rule.
#include "domain/chronology.h"

#include <algorithm>
#include <array>

#include "domain/appeal_rights.h"

namespace gt {

namespace {

constexpr std::array<std::pair<Stage, std::string_view>, 8> kStageNames = {{
    {Stage::None, "none"},
    {Stage::Request, "request"},
    {Stage::Assessment, "assessment"},
    {Stage::Drafting, "drafting"},
    {Stage::Plan, "plan"},
    {Stage::Review, "review"},
    {Stage::Amendment, "amendment"},
    {Stage::Closed, "closed"},
}};
constexpr std::array<std::string_view, 8> kStageLabels = {"No request", "Request",   "Assessment", "Drafting",
                                                          "Plan",       "Review",    "Amendment",  "Closed"};

// The replayed state of a chronology: what the rules below need to know.
struct State {
  Stage stage = Stage::None;
  std::optional<Date> last;           // the latest event's date
  std::optional<Date> process_start;  // the current (or last) request / became_responsible
  std::vector<std::string> requested, received;  // advice ids in the current process
  std::optional<Date> last_draft;
  bool amendments_pending = false;      // proposed, amended plan not yet issued
  bool amendments_this_review = false;  // proposed since the current review meeting
  std::optional<Date> review_meeting;   // the review cycle in progress
  bool report_due = false;              // the latest review meeting has no report yet
  bool any_notice = false;              // a decision notice has been sent
  // Ceasing (reg 31, CFA s45).
  bool review_ceased = false;           // closed by a review decision to cease (the procedure may follow)
  std::optional<Date> cease_respond_by; // a proposal to cease is under consultation until this day
  std::optional<Date> cease_decided;    // decided to cease; the plan has not ended yet
};

bool initial(Stage s) { return s == Stage::Request || s == Stage::Assessment || s == Stage::Drafting; }
bool has_plan(Stage s) { return s == Stage::Plan || s == Stage::Review || s == Stage::Amendment; }
bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

void apply(State& st, const Event& e) {
  st.last = e.date;
  switch (e.type) {
    case EventType::RequestReceived:
    case EventType::BecameResponsible:
      st.stage = Stage::Request;
      st.process_start = e.date;
      st.requested.clear();
      st.received.clear();
      st.last_draft.reset();
      st.amendments_pending = st.amendments_this_review = st.report_due = false;
      st.review_meeting.reset();
      st.review_ceased = false;
      st.cease_respond_by.reset();
      st.cease_decided.reset();
      break;
    case EventType::DecisionToAssess:
      st.stage = e.outcome == Outcome::NotAssess ? Stage::Closed : Stage::Assessment;
      break;
    case EventType::AdviceRequested: st.requested.push_back(e.id); break;
    case EventType::AdviceReceived: st.received.push_back(e.id); break;
    case EventType::DecisionToIssue:
      st.stage = e.outcome == Outcome::NotIssue ? Stage::Closed : Stage::Drafting;
      break;
    case EventType::DraftPlanServed: st.last_draft = e.date; break;
    case EventType::FinalPlanIssued: st.stage = Stage::Plan; break;
    case EventType::Withdrawn: st.stage = Stage::Closed; break;
    case EventType::ReviewMeeting:
      st.stage = Stage::Review;
      st.review_meeting = e.date;
      st.report_due = true;
      st.amendments_this_review = false;
      break;
    case EventType::ReviewReport: st.report_due = false; break;
    case EventType::ReviewDecision:
      if (e.outcome == Outcome::Amend) {
        st.stage = Stage::Amendment;
      } else {
        st.stage = e.outcome == Outcome::Cease ? Stage::Closed : Stage::Plan;
        st.review_ceased = e.outcome == Outcome::Cease;
        st.review_meeting.reset();
      }
      break;
    case EventType::AmendmentsProposed:
      st.amendments_pending = true;
      st.amendments_this_review = st.review_meeting.has_value();
      if (st.stage == Stage::Plan) st.stage = Stage::Amendment;
      break;
    case EventType::AmendedPlanIssued:
      st.amendments_pending = st.amendments_this_review = false;
      st.stage = Stage::Plan;
      st.review_meeting.reset();
      break;
    case EventType::DecisionNotice: st.any_notice = true; break;
    case EventType::CeaseProposed:
      // After a review decision to cease, the plan is maintained while the council consults.
      if (st.stage == Stage::Closed) st.stage = Stage::Plan;
      st.review_ceased = false;
      st.cease_respond_by = e.respond_by;
      break;
    case EventType::CeaseDecided:
      st.cease_respond_by.reset();
      if (e.outcome == Outcome::Cease) st.cease_decided = e.date;
      break;
    case EventType::PlanCeased:
      st.stage = Stage::Closed;
      st.cease_decided.reset();
      break;
    default: break;
  }
}

State replay(const std::vector<Event>& events) {
  State st;
  for (const auto& e : events) apply(st, e);
  return st;
}

const std::string kNeedPlan = "needs a final EHC plan first (Children and Families Act 2014 s44)";

// Whether an event of type t may come next in this state, ignoring its date and fields.
std::optional<std::string> type_rule(const State& st, EventType t) {
  const Stage s = st.stage;
  const bool start = t == EventType::RequestReceived || t == EventType::BecameResponsible;
  if (start) {
    if (s == Stage::None || s == Stage::Closed) return std::nullopt;
    if (initial(s))
      return "a request is already open (received " + st.process_start->to_string() +
             "); a new one can be recorded only once it is refused, not issued or withdrawn "
             "(Children and Families Act 2014 s36)";
    return "the child already has an EHC plan; a new request can be recorded only after the plan has "
           "ceased (Children and Families Act 2014 s36, s45)";
  }
  if (s == Stage::None)
    return "record the request for an assessment (or the date the council became responsible) first: the "
           "statutory clock starts there (Children and Families Act 2014 s24, s36(1))";
  if (s == Stage::Closed && t == EventType::CeaseProposed && st.review_ceased) return std::nullopt;
  if (s == Stage::Closed && t != EventType::DecisionNotice && t != EventType::MediationCertificate)
    return "the case is closed (refused, not issued, withdrawn or ceased); only a new request, a decision "
           "notice or a mediation certificate can follow";
  switch (t) {
    case EventType::DecisionToAssess:
      if (s == Stage::Request) return std::nullopt;
      return "the decision whether to assess has already been recorded (SEND Regulations 2014 reg 5(1))";
    case EventType::AdviceRequested:
      if (s == Stage::Assessment || s == Stage::Drafting) return std::nullopt;
      if (s == Stage::Request)
        return "advice is requested once the council has decided to assess (SEND Regulations 2014 reg 6(1))";
      return "advice for the assessment can no longer be requested once the final plan is issued "
             "(SEND Regulations 2014 reg 6)";
    case EventType::AdviceReceived:
      if ((s == Stage::Assessment || s == Stage::Drafting) && st.received.size() < st.requested.size())
        return std::nullopt;
      return "no advice request of this request for assessment is awaiting its advice (SEND Regulations 2014 "
             "reg 8(1))";
    case EventType::DecisionToIssue:
      if (s == Stage::Assessment) return std::nullopt;
      if (s == Stage::Request)
        return "a decision whether to issue a plan needs a decision to assess first (SEND Regulations 2014 "
               "reg 5(1), 10(1))";
      return "the decision whether to issue a plan has already been recorded (SEND Regulations 2014 reg 10)";
    case EventType::DraftPlanServed:
      if (s == Stage::Drafting) return std::nullopt;
      if (initial(s))
        return "a draft plan needs a decision to issue first (SEND Regulations 2014 reg 12, 13(1))";
      return "the final plan has already been issued; changes go through proposed amendments "
             "(SEND Regulations 2014 reg 22)";
    case EventType::FinalPlanIssued:
      if (s == Stage::Drafting)
        return st.last_draft ? std::nullopt
                             : std::optional<std::string>("a final plan needs a draft plan served first, with "
                                                          "15 days for the family to comment (SEND Regulations "
                                                          "2014 reg 13(1))");
      if (initial(s)) return "a final plan needs a decision to issue first (SEND Regulations 2014 reg 13)";
      return "a final plan has already been issued; changes go through proposed amendments (SEND Regulations "
             "2014 reg 22)";
    case EventType::Exception:
      if (initial(s)) return std::nullopt;
      return "exceptions apply only to the time limits of an open request for assessment (SEND Regulations "
             "2014 reg 5(4), 10(4), 13(3))";
    case EventType::Withdrawn:
      if (initial(s)) return std::nullopt;
      return "only an open request for assessment can be withdrawn; a plan ends by ceasing it: tell the family "
             "the council is considering it, consult, decide, then end it (Children and Families Act 2014 s45, "
             "SEND Regulations 2014 reg 31)";
    case EventType::ReviewMeeting:
      if (s == Stage::Plan) return std::nullopt;
      if (initial(s)) return "a review meeting " + kNeedPlan;
      if (s == Stage::Review)
        return "a review meeting is already awaiting its decision (SEND Regulations 2014 reg 20(10))";
      return "the amended plan from the last review is still awaited (SEND Regulations 2014 reg 22(3))";
    case EventType::ReviewReport:
      if (initial(s)) return "a review report " + kNeedPlan;
      if (st.report_due) return std::nullopt;
      return "no review meeting is awaiting its report (SEND Regulations 2014 reg 20(7))";
    case EventType::ReviewDecision:
      if (s == Stage::Review) return std::nullopt;
      if (initial(s)) return "a review decision " + kNeedPlan;
      return "a review decision needs a review meeting first (SEND Regulations 2014 reg 20(10))";
    case EventType::AmendmentsProposed:
      if (initial(s)) return "proposed amendments need a final EHC plan first (SEND Regulations 2014 reg 22)";
      if (st.amendments_pending)
        return "amendments are already proposed; issue the amended plan first (SEND Regulations 2014 reg 22(3))";
      return std::nullopt;
    case EventType::AmendedPlanIssued:
      if (s == Stage::Amendment && st.amendments_pending) return std::nullopt;
      if (s == Stage::Review && st.amendments_pending)
        return "record the review decision to amend first (SEND Regulations 2014 reg 20(10))";
      return "an amended plan needs proposed amendments first (SEND Regulations 2014 reg 22(2))";
    case EventType::PhaseTransfer:
      if (has_plan(s)) return std::nullopt;
      return "a phase transfer needs a final EHC plan first (SEND Regulations 2014 reg 18)";
    case EventType::DecisionNotice:
      if (has_plan(s) || s == Stage::Closed) return std::nullopt;
      return "an appealable decision notice follows a decision: a refusal to assess or to issue, a plan, an "
             "amended plan or a review decision (Children and Families Act 2014 s51)";
    case EventType::CeaseProposed:
      if (initial(s)) return "ceasing " + kNeedPlan;
      if (st.cease_respond_by)
        return "the council is already consulting on ceasing the plan; record its decision first (SEND "
               "Regulations 2014 reg 31)";
      if (st.cease_decided)
        return "the council has already decided to cease the plan; record the day the plan ends (Children and "
               "Families Act 2014 s45)";
      if (s == Stage::Review)
        return "a review meeting is awaiting its decision; record the review decision first: it may be to cease "
               "(SEND Regulations 2014 reg 20(10))";
      return std::nullopt;
    case EventType::CeaseDecided:
      if (st.cease_respond_by) return std::nullopt;
      return "a decision to cease needs the council first to tell the family it is considering ceasing, and to "
             "consult them and the school or college (SEND Regulations 2014 reg 31(1))";
    case EventType::PlanCeased:
      if (st.cease_decided) return std::nullopt;
      return "a plan ends only after a decision to cease it, sent with the family's appeal rights (SEND "
             "Regulations 2014 reg 31(2), Children and Families Act 2014 s45)";
    case EventType::MediationCertificate:
      if (st.any_notice) return std::nullopt;
      return "a mediation certificate follows an appealable decision notice (Children and Families Act 2014 "
             "s55)";
    default: return std::nullopt;
  }
}

}  // namespace

std::string_view stage_name(Stage s) {
  for (const auto& [st, n] : kStageNames)
    if (st == s) return n;
  return "";
}
std::string_view stage_label(Stage s) { return kStageLabels[static_cast<size_t>(s)]; }
std::optional<Stage> parse_stage(std::string_view s) {
  for (const auto& [st, n] : kStageNames)
    if (n == s) return st;
  return std::nullopt;
}

std::optional<Rejection> check_append(const std::vector<Event>& existing, const Event& next, Date today) {
  if (auto err = validate_fields(next)) return Rejection{err->field, err->reason};
  if (next.date > today) return Rejection{"date", "cannot be after today (" + today.to_string() + ")"};
  const State st = replay(existing);
  const bool start = next.type == EventType::RequestReceived || next.type == EventType::BecameResponsible;
  if (!start && st.process_start && next.date < *st.process_start)
    return Rejection{"date", "cannot be before the request (received " + st.process_start->to_string() +
                                 ") that the statutory clock runs from"};
  if (st.last && next.date < *st.last)
    return Rejection{"date", "cannot be before the latest event in the chronology (" + st.last->to_string() +
                                 "): events are recorded in date order"};
  if (auto why = type_rule(st, next.type)) return Rejection{"type", *why};

  switch (next.type) {
    case EventType::AdviceRequested:
      if (contains(st.requested, next.id))
        return Rejection{"id", "advice id \"" + next.id +
                                   "\" is already used in this request; each advice request needs its own id"};
      break;
    case EventType::AdviceReceived:
      if (!contains(st.requested, next.id))
        return Rejection{"id", "no advice was requested with id \"" + next.id +
                                   "\"; record the advice request first (SEND Regulations 2014 reg 8(1))"};
      if (contains(st.received, next.id))
        return Rejection{"id", "the advice with id \"" + next.id + "\" has already been received"};
      break;
    case EventType::FinalPlanIssued: {
      Date earliest = st.last_draft->plus_days(15);
      if (next.date < earliest && !next.family_agreed)
        return Rejection{"date", "a final plan may not be issued before the family's 15 days on the draft "
                                 "(served " + st.last_draft->to_string() + ") are over: the earliest day is " +
                                     earliest.to_string() +
                                     ", unless the family said they had nothing to add (family_agreed) "
                                     "(SEND Regulations 2014 reg 13(1))"};
      break;
    }
    case EventType::ReviewDecision:
      if (st.amendments_pending && st.amendments_this_review && next.outcome != Outcome::Amend)
        return Rejection{"outcome", "amendments were proposed after this review meeting, so the decision must "
                                    "be \"amend\" (SEND Regulations 2014 reg 20(10), 22)"};
      break;
    case EventType::CeaseDecided:
      // Reg 31(1)(b): the family and the head of the named school or college are consulted; the
      // decision waits for the consultation to close unless everyone consulted has answered.
      if (next.date <= *st.cease_respond_by && !next.consultation_complete)
        return Rejection{"date", "the consultation on ceasing runs until " + st.cease_respond_by->to_string() +
                                     ": decide after that day, unless the family and the school or college have "
                                     "all responded (consultation_complete) (SEND Regulations 2014 reg 31(1))"};
      break;
    case EventType::PlanCeased: {
      // CFA s45(4) (C5): the plan is maintained until the time to appeal has passed.
      std::optional<Date> appeal_by;
      for (const auto& r : appeal_rights(existing))
        if (r.decision == AppealableDecision::Cease && r.decided_on >= *st.cease_decided) appeal_by = r.appeal_by;
      if (appeal_by && next.date <= *appeal_by && !next.family_not_appealing)
        return Rejection{"date", "the family can appeal against the decision to cease until " +
                                     appeal_by->to_string() +
                                     ": the plan is maintained until then, so it can end on " +
                                     appeal_by->plus_days(1).to_string() +
                                     " at the earliest, unless the family said they will not appeal "
                                     "(family_not_appealing) (Children and Families Act 2014 s45(4))"};
      break;
    }
    case EventType::Exception: {
      Date from = *next.exception_from;
      Date a6_due = st.process_start->plus_weeks(20);
      if (next.exception_to && *next.exception_to < *st.process_start)
        return Rejection{"to", "the exception ends before the request (received " + st.process_start->to_string() +
                                   ") and cannot affect its time limits"};
      if (from > a6_due)
        return Rejection{"from", "the exception starts after the 20-week limit (" + a6_due.to_string() +
                                     ") and cannot affect the request's time limits (SEND Regulations 2014 "
                                     "reg 13(3))"};
      if (next.exception_to && next.exception_reason != ExceptionReason::Personal &&
          (*next.exception_to - from) + 1 < 28)
        return Rejection{"to", std::string(exception_reason_name(next.exception_reason)) +
                                   " needs a continuous period of at least 4 weeks (28 days, from and to "
                                   "included) (SEND Regulations 2014 reg 5(4), 10(4))"};
      break;
    }
    default: break;
  }
  return std::nullopt;
}

Stage stage_of(const std::vector<Event>& events) { return replay(events).stage; }

std::vector<EventType> allowed_next(const std::vector<Event>& events) {
  const State st = replay(events);
  std::vector<EventType> out;
  for (EventType t : all_event_types())
    if (!type_rule(st, t)) out.push_back(t);
  return out;
}

}  // namespace gt
