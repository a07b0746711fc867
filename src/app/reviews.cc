// Reviews: promises what reviews.h states.
#include "app/reviews.h"

#include <algorithm>
#include <set>

#include "app/casework.h"
#include "app/errors.h"
#include "app/notices.h"
#include "app/plans.h"
#include "app/storage.h"
#include "domain/free_text.h"
#include "domain/plan_json.h"
#include "store/audit_store.h"
#include "store/cases_store.h"
#include "store/children_store.h"
#include "store/needs_store.h"
#include "store/notifications_store.h"
#include "store/organisations_store.h"
#include "store/plans_store.h"

namespace gt::app {
namespace {

using Kind = Error::Kind;

store::AuditRow audit(const Actor& a, const char* action, const char* subject, std::optional<std::int64_t> id,
                      const std::string& route, std::optional<std::int64_t> child_id = std::nullopt,
                      std::optional<Basis> basis = std::nullopt) {
  return store::AuditRow{utc_timestamp(), a.user_id, action, subject, id, route, child_id,
                         basis ? std::string(basis_name(*basis)) : std::string()};
}

// The council or the school on roll; `write` asks for the writing capabilities.
CaseAccess review_access(store::Database& db, const Actor& actor, std::int64_t case_id, bool write, Date today) {
  auto acc = case_basis(db, actor, case_id, today);
  if (!acc) throw Error(Kind::NotFound, "case", "there is no such case");
  Capability council = write ? Capability::CaseworkWrite : Capability::CaseworkRead;
  Capability school = write ? Capability::PupilWrite : Capability::PupilRead;
  if (!allows(acc->basis, council) && !allows(acc->basis, school))
    throw Error(Kind::Forbidden, "", "only the council and the school the child is on roll at can do this");
  return *acc;
}

store::ReviewRow load_review(store::Database& db, std::int64_t review_id) {
  auto r = store::find_review(db, review_id);
  if (!r) throw Error(Kind::NotFound, "review", "there is no such review");
  return *r;
}

void must_be_open(const store::ReviewRow& r) {
  if (r.cancelled_at) throw Error(Kind::Conflict, "review", "this review was cancelled");
  if (!r.decision.empty()) throw Error(Kind::Conflict, "review", "the council has already decided after this review");
}

std::string child_name(store::Database& db, std::int64_t child_id, Date* dob = nullptr) {
  auto c = store::find_child(db, child_id);
  if (!c) return {};
  if (dob)
    if (auto d = Date::parse(c->date_of_birth)) *dob = *d;
  return c->given_name + " " + c->family_name;
}

bool is_review_rule(const std::string& r) {
  static const std::set<std::string> rules = {"R1", "R2", "R6", "R7", "M2", "M4", "P1", "P2", "P3"};
  return rules.count(r) > 0;
}

std::vector<Deadline> review_deadlines(const ClockResult& clock) {
  std::vector<Deadline> out;
  for (const auto& d : clock.deadlines)
    if (is_review_rule(d.rule)) out.push_back(d);
  return out;
}

// The organisations of the schools the child is on roll at today (current placements with a URN).
std::vector<store::OrganisationRow> schools_on_roll(store::Database& db, std::int64_t child_id) {
  std::vector<store::OrganisationRow> out;
  for (const auto& p : store::placements_of_child(db, child_id)) {
    if (p.leaving_date || !p.urn || p.urn->empty()) continue;
    if (auto o = store::find_organisation_by_urn(db, *p.urn)) out.push_back(*o);
  }
  return out;
}

// The plan in force (latest final or amended version), read in the caller's transaction.
std::optional<std::pair<std::int64_t, Plan>> plan_in_force(store::Database& db, std::int64_t case_id) {
  auto plan = store::plan_of_case(db, case_id);
  if (!plan) return std::nullopt;
  auto v = store::latest_issued(db, plan->id, {"final", "amended"});
  if (!v) return std::nullopt;
  try {
    return std::make_pair(v->id, plan_from_json(v->content));
  } catch (const PlanJsonError&) {
    throw std::runtime_error("stored plan version " + std::to_string(v->id) + " is unreadable");
  }
}

void check_date_not_future(Date d, Date today, const char* field) {
  if (d > today) throw Error(Kind::Unprocessable, field, "cannot be after today (" + today.to_long_string() + ")");
}

std::string on(Date d) { return d.to_long_string(); }

std::string review_word(const store::ReviewRow& r) {
  return r.kind == "phase_transfer" ? "review meeting (before a move to a new school or college)"
                                    : "annual review meeting";
}


}  // namespace

std::vector<FieldError> meeting_problems(MeetingInput& in, const std::vector<PlanOutcome>& outcomes,
                                         bool adulthood) {
  std::vector<FieldError> out;
  if (!in.held_on) out.push_back({"held_on", "Enter the date of the meeting"});
  check_free_text(in.attendees, "attendees", "Who came to the meeting", true, out, 2000);
  check_free_text(in.views_child, "views_child", "The views of the child or young person", true, out);
  check_free_text(in.views_parents, "views_parents", "The views of the parents or carers", true, out);
  check_free_text(in.views_school, "views_school", "The views of the school or setting", true, out);
  check_free_text(in.views_others, "views_others", "The views of others", false, out);
  std::set<std::string> known;
  for (const auto& o : outcomes) {
    known.insert(o.id);
    const ProgressInput* found = nullptr;
    for (auto& p : in.progress)
      if (p.outcome_id == o.id) found = &p;
    if (!found || !parse_progress_rating(found->rating))
      out.push_back({"progress." + o.id, "Choose the progress made towards outcome " + o.id});
  }
  for (auto& p : in.progress) {
    if (!known.count(p.outcome_id)) {
      out.push_back({"progress." + p.outcome_id, "is not an outcome of the plan in force"});
      continue;
    }
    check_free_text(p.comment, "progress." + p.outcome_id + ".comment", "The comment on outcome " + p.outcome_id,
                    false, out, 2000);
  }
  if (!in.outcomes_still_right)
    out.push_back({"outcomes_still_right", "Say whether the outcomes in the plan are still right"});
  if (!in.provision_still_right)
    out.push_back({"provision_still_right", "Say whether the provision in the plan is still right"});
  auto rec = parse_recommendation(in.recommendation);
  if (!rec) out.push_back({"recommendation", "Choose what the meeting recommends"});
  check_free_text(in.changes_suggested, "changes_suggested", "The changes suggested",
                  rec == ReviewRecommendation::Amend, out);
  check_free_text(in.preparation_for_adulthood, "preparation_for_adulthood",
                  "Preparation for adulthood (from Year 9, SEND Regulations 2014 reg 20(6))", adulthood, out);
  return out;
}

// --- the council's lists ---------------------------------------------------------------------------

ReviewsDuePage Reviews::reviews_due(const Actor& actor, const ReviewsDueQuery& q, const std::string& route) {
  require_council_staff(actor);
  if (q.weeks < 0 || q.weeks > 104) throw Error(Kind::BadRequest, "weeks", "must be from 0 to 104");
  if (q.page < 1) throw Error(Kind::BadRequest, "page", "must be 1 or more");
  if (q.per_page < 1 || q.per_page > 200) throw Error(Kind::BadRequest, "per_page", "must be from 1 to 200");
  if (q.sort != "due" && q.sort != "caseworker") throw Error(Kind::BadRequest, "sort", "must be due or caseworker");
  Date today = today_();
  Date horizon = today.plus_weeks(q.weeks);
  auto& db = storage_.read();
  // A superset: R1/R2 fall 12 months after their anchor (clamped by at most 3 days at month ends).
  auto candidates = store::review_due_candidates(db, horizon.plus_months(-12).plus_days(3).to_string(),
                                                 q.caseworker_id);
  std::vector<ReviewDueRow> rows;
  for (const auto& c : candidates) {
    auto clock = compute_deadlines(Casework::chronology_in(db, c.id), today);
    std::optional<store::ReviewRow> open;
    bool open_read = false;
    for (const auto& d : clock.deadlines) {
      if (!d.open() || d.due > horizon) continue;
      if (d.rule != "R1" && d.rule != "R2" && d.rule != "P1" && d.rule != "P2" && d.rule != "P3") continue;
      if (!open_read) {
        open = store::open_review_of_case(db, c.id);
        open_read = true;
      }
      rows.push_back(ReviewDueRow{c, d, d.due < today, open});
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [&](const ReviewDueRow& a, const ReviewDueRow& b) {
    if (q.sort == "caseworker" && a.c.caseworker_name != b.c.caseworker_name) {
      if (a.c.caseworker_name.empty() != b.c.caseworker_name.empty()) return b.c.caseworker_name.empty();
      return a.c.caseworker_name < b.c.caseworker_name;
    }
    if (a.deadline.due != b.deadline.due) return a.deadline.due < b.deadline.due;
    return a.c.id < b.c.id;
  });
  ReviewsDuePage page;
  page.total = static_cast<int>(rows.size());
  page.page = q.page;
  page.per_page = q.per_page;
  page.weeks = q.weeks;
  page.today = today;
  size_t from = static_cast<size_t>(q.page - 1) * static_cast<size_t>(q.per_page);
  for (size_t i = from; i < rows.size() && i < from + static_cast<size_t>(q.per_page); ++i)
    page.rows.push_back(std::move(rows[i]));
  storage_.audit_read(audit(actor, "list", "reviews_due", std::nullopt, route));
  return page;
}

PhaseTransferPage Reviews::phase_transfers(const Actor& actor, const PhaseTransferQuery& q, const std::string& route) {
  require_council_staff(actor);
  if (q.page < 1) throw Error(Kind::BadRequest, "page", "must be 1 or more");
  if (q.per_page < 1 || q.per_page > 200) throw Error(Kind::BadRequest, "per_page", "must be from 1 to 200");
  Date today = today_();
  int next_year = today.month() >= 9 ? today.year() + 1 : today.year();
  if (today.month() == 9 && today.day() == 1) next_year = today.year() + 1;
  int year = q.transfer_year.value_or(next_year);
  if (year < today.year() - 1 || year > today.year() + 5)
    throw Error(Kind::BadRequest, "year", "must be within a year before and five years after this year");
  Date transfer = Date::from_ymd(year, 9, 1);
  // Moves on 1 September `year`: the children in nursery, Year 2, Year 6 or Year 11 in the school
  // year before, born between 1 September and 31 August of these years.
  std::vector<store::DateRange> births;
  for (int from : {-1, 2, 6, 11}) {
    int born_by = year - 1 - (from + 4);  // aged from+4 on 31 August before the school year
    births.push_back({Date::from_ymd(born_by - 1, 9, 1).to_string(), Date::from_ymd(born_by, 8, 31).to_string()});
  }
  auto& db = storage_.read();
  auto candidates = store::phase_transfer_candidates(db, births, q.caseworker_id);
  std::vector<PhaseTransferRow> rows;
  Date before = transfer.plus_days(-1);
  for (auto& pc : candidates) {
    auto dob = Date::parse(pc.c.child_date_of_birth);
    if (!dob) continue;
    // Year 2 moves only from an infant school: the list shows Year 2 children whose current school
    // has "infant" in its name (the review form lets the council say so for any other).
    std::string lower = pc.setting_name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
    bool infant = lower.find("infant") != std::string::npos;
    auto t = next_phase_transfer(*dob, before, infant);
    if (!t || t->transfer_date != transfer) continue;
    PhaseTransferRow row;
    row.c = pc.c;
    row.dates = *t;
    row.setting_name = pc.setting_name;
    rows.push_back(std::move(row));
  }
  PhaseTransferPage page;
  page.total = static_cast<int>(rows.size());
  page.page = q.page;
  page.per_page = q.per_page;
  page.transfer_year = year;
  page.today = today;
  size_t from = static_cast<size_t>(q.page - 1) * static_cast<size_t>(q.per_page);
  for (size_t i = from; i < rows.size() && i < from + static_cast<size_t>(q.per_page); ++i) {
    PhaseTransferRow r = std::move(rows[i]);
    auto clock = compute_deadlines(Casework::chronology_in(db, r.c.id), today);
    for (const auto& d : clock.deadlines)
      if (d.rule == r.dates.rule && d.due == r.dates.due) r.recorded = d;
    r.open_review = store::open_review_of_case(db, r.c.id);
    page.rows.push_back(std::move(r));
  }
  storage_.audit_read(audit(actor, "list", "phase_transfers", std::nullopt, route));
  return page;
}

// --- one case --------------------------------------------------------------------------------------

CaseReviews Reviews::for_case(const Actor& actor, std::int64_t case_id, const std::string& route) {
  Date today = today_();
  auto& db = storage_.read();
  auto acc = review_access(db, actor, case_id, false, today);
  CaseReviews v;
  v.case_id = case_id;
  v.child_id = acc.child_id;
  v.basis = acc.basis;
  v.today = today;
  v.child_name = child_name(db, acc.child_id, &v.date_of_birth);
  auto events = Casework::chronology_in(db, case_id);
  v.stage = stage_of(events);
  v.deadlines = review_deadlines(compute_deadlines(events, today));
  v.reviews = store::reviews_of_case(db, case_id);
  bool infant = false;
  for (const auto& s : schools_on_roll(db, acc.child_id)) {
    std::string lower = s.name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
    if (lower.find("infant") != std::string::npos) infant = true;
  }
  v.next_transfer = next_phase_transfer(v.date_of_birth, today, infant);
  bool open = false;
  for (const auto& r : v.reviews)
    if (r.decision.empty() && !r.cancelled_at) open = true;
  if (open) v.cannot_schedule = "A review of this plan is already planned or under way.";
  else if (v.stage == Stage::Review || v.stage == Stage::Amendment)
    v.cannot_schedule = "The last review or amendment of this plan has not finished yet.";
  else if (v.stage != Stage::Plan) v.cannot_schedule = "A review can be planned once the final EHC plan is issued.";
  v.may_schedule = v.cannot_schedule.empty();
  storage_.audit_read(audit(actor, "read", "reviews", case_id, route, acc.child_id, acc.basis));
  return v;
}

CaseReviews Reviews::for_pupil(const Actor& actor, std::int64_t child_id, const std::string& route) {
  Date today = today_();
  std::int64_t case_id = 0;
  {
    auto& db = storage_.read();
    require_child(db, actor, child_id, Capability::PupilRead, today);
    auto cases = store::cases_of_child(db, child_id);
    if (cases.empty()) throw Error(Kind::NotFound, "case", "this pupil has no EHC needs assessment or plan");
    case_id = cases.back().id;
    for (const auto& c : cases) case_id = std::max(case_id, c.id);
  }
  return for_case(actor, case_id, route);
}

std::vector<Invitable> Reviews::invitable(const Actor& actor, std::int64_t case_id) {
  auto& db = storage_.read();
  review_access(db, actor, case_id, false, today_());
  std::vector<Invitable> out;
  for (const auto& o : store::list_organisations(db))
    if (o.kind != "council" && o.kind != "school") out.push_back({o.id, o.name, o.kind});
  return out;
}

store::ReviewRow Reviews::schedule(const Actor& actor, std::int64_t case_id, const ScheduleInput& in,
                                   const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    auto acc = review_access(db, actor, case_id, true, today);
    auto events = Casework::chronology_in(db, case_id);
    if (stage_of(events) != Stage::Plan)
      throw Error(Kind::Conflict, "case",
                  "a review can be planned when the case has a final EHC plan and no review or amendment under way");
    if (store::open_review_of_case(db, case_id))
      throw Error(Kind::Conflict, "review", "a review of this plan is already planned or under way");
    if (in.kind != "annual" && in.kind != "phase_transfer")
      throw Error(Kind::Unprocessable, "kind", "Choose an annual review or a phase transfer review");
    if (!in.meeting_on) throw Error(Kind::Unprocessable, "meeting_on", "Enter the date of the meeting");
    if (*in.meeting_on > today.plus_months(18))
      throw Error(Kind::Unprocessable, "meeting_on", "must be within 18 months from today");
    if (*in.meeting_on < today.plus_months(-12))
      throw Error(Kind::Unprocessable, "meeting_on", "must be within the last 12 months or later");

    store::ReviewRow r;
    r.case_id = case_id;
    r.child_id = acc.child_id;
    r.kind = in.kind;
    r.meeting_on = in.meeting_on->to_string();
    r.created_by = actor.user_id;
    r.created_at = utc_timestamp();
    auto schools = schools_on_roll(db, acc.child_id);
    if (acc.basis == Basis::SchoolOnRoll) {
      r.led_by = "school";
      r.school_id = actor.organisation_id;
    } else {
      r.led_by = "council";
      if (!schools.empty()) r.school_id = schools.front().id;
    }

    std::optional<TransferPhase> phase;
    if (in.kind == "phase_transfer") {
      phase = parse_transfer_phase(in.transfer_phase);
      if (!phase) throw Error(Kind::Unprocessable, "transfer_phase", "Choose the move");
      Date transfer;
      if (in.transfer_date) transfer = *in.transfer_date;
      else if (*phase == TransferPhase::Post16ToPost16)
        throw Error(Kind::Unprocessable, "transfer_date", "Enter the date of the move");
      else transfer = Date::from_ymd(today.month() >= 9 ? today.year() + 1 : today.year(), 9, 1);
      if (transfer <= today) throw Error(Kind::Unprocessable, "transfer_date", "must be after today");
      if (transfer > today.plus_months(24))
        throw Error(Kind::Unprocessable, "transfer_date", "must be within 2 years from today");
      std::string name = in.next_setting_name;
      std::vector<FieldError> errors;
      check_free_text(name, "next_setting_name", "The name of the next school or college", true, errors, 200);
      throw_first(errors);
      bool urn_ok = in.next_setting_urn.size() == 6 &&
                    std::all_of(in.next_setting_urn.begin(), in.next_setting_urn.end(),
                                [](unsigned char ch) { return ch >= '0' && ch <= '9'; });
      if (!in.next_setting_urn.empty() && !urn_ok)
        throw Error(Kind::Unprocessable, "next_setting_urn", "Enter a URN of 6 digits, or leave it blank");
      r.transfer_phase = std::string(transfer_phase_name(*phase));
      r.transfer_date = transfer.to_string();
      r.next_setting_name = name;
      r.next_setting_urn = in.next_setting_urn;
    }

    std::vector<store::ReviewInviteeRow> invitees;
    if (in.invite_family) invitees.push_back({0, 0, "family", std::nullopt, "The child's parents or the young person"});
    if (in.invite_school)
      for (const auto& s : schools) invitees.push_back({0, 0, "school", s.id, s.name});
    std::set<std::int64_t> seen;
    for (std::int64_t id : in.organisation_ids) {
      if (!seen.insert(id).second) continue;
      auto o = store::find_organisation(db, id);
      if (!o || o->kind == "council" || o->kind == "school")
        throw Error(Kind::Unprocessable, "organisations", "Choose organisations from the list");
      invitees.push_back({0, 0, "organisation", o->id, o->name});
    }
    if (invitees.empty()) throw Error(Kind::Unprocessable, "invitees", "Choose who to invite");

    try {
      r.id = store::insert_review(db, r);
    } catch (const store::ConflictError&) {
      throw Error(Kind::Conflict, "review", "a review of this plan is already planned or under way");
    }
    for (auto& i : invitees) {
      i.review_id = r.id;
      store::insert_review_invitee(db, i);
    }
    if (phase) {
      Event e;
      e.type = EventType::PhaseTransfer;
      e.date = today;
      e.phase_kind = phase_kind_of(*phase);
      e.transfer_date = Date::parse(*r.transfer_date);
      auto recorded = casework_.append_event_in(db, actor, acc, case_id, e, route);
      store::set_review_phase_event(db, r.id, recorded.id);
      r.phase_event_id = recorded.id;
    }
    if (r.led_by == "school") {
      auto kase = store::find_case(db, case_id);
      Notice n;
      n.kind = "review_planned";
      n.what_changed = "A school has planned a " + review_word(r) + " for " + on(*in.meeting_on) + ".";
      n.what_needed = "Nothing yet. The council decides after the meeting, within 4 weeks of it.";
      n.link = staff_case_link(case_id) + "/reviews";
      n.child_id = acc.child_id;
      n.case_id = case_id;
      if (kase && kase->caseworker_id) notify_user(db, *kase->caseworker_id, n);
      else
        for (std::int64_t uid : store::council_staff_ids(db)) notify_user(db, uid, n);
    }
    store::append_audit(db, {audit(actor, "schedule", "review", r.id, route, acc.child_id, acc.basis)});
    return r;
  });
}

ReviewView Reviews::review(const Actor& actor, std::int64_t review_id, const std::string& route) {
  Date today = today_();
  auto& db = storage_.read();
  auto r = store::find_review(db, review_id);
  if (!r) throw Error(Kind::NotFound, "review", "there is no such review");
  auto acc = review_access(db, actor, r->case_id, false, today);
  ReviewView v;
  v.review = *r;
  v.invitees = store::review_invitees(db, review_id);
  v.progress = store::review_progress(db, review_id);
  v.case_id = r->case_id;
  v.child_id = acc.child_id;
  v.basis = acc.basis;
  v.today = today;
  v.child_name = child_name(db, acc.child_id, &v.date_of_birth);
  auto events = Casework::chronology_in(db, r->case_id);
  v.stage = stage_of(events);
  v.deadlines = review_deadlines(compute_deadlines(events, today));
  Date meeting = *Date::parse(r->meeting_on);
  v.notice = notice_dates(meeting);
  if (r->invitations_sent_on && r->held_on)
    v.notice_breach = check_notice(*Date::parse(*r->held_on), *Date::parse(*r->invitations_sent_on));
  if (auto p = plan_in_force(db, r->case_id)) {
    v.plan_version_id = p->first;
    v.outcomes = p->second.outcomes;
  }
  Date at = r->held_on ? *Date::parse(*r->held_on) : std::max(meeting, today);
  v.preparation_for_adulthood = preparation_for_adulthood_applies(v.date_of_birth, at);
  v.year_group = year_group_label(year_group(v.date_of_birth, at));
  if (auto plan = store::plan_of_case(db, r->case_id)) {
    auto issued = store::issued_versions(db, plan->id);
    if (!issued.empty()) v.latest_plan_kind = issued.front().kind;
    if (acc.basis == Basis::CouncilStaff) v.plan_being_written = store::working_version(db, plan->id).has_value();
  }
  storage_.audit_read(audit(actor, "read", "review", review_id, route, acc.child_id, acc.basis));
  return v;
}

void Reviews::send_invitations(const Actor& actor, std::int64_t review_id, Date sent_on, const std::string& route) {
  Date today = today_();
  storage_.write([&](store::Database& db) {
    auto r = load_review(db, review_id);
    auto acc = review_access(db, actor, r.case_id, true, today);
    must_be_open(r);
    if (r.invitations_sent_on) throw Error(Kind::Conflict, "sent_on", "the invitations have already been sent");
    check_date_not_future(sent_on, today, "sent_on");
    Date meeting = *Date::parse(r.meeting_on);
    if (auto breach = check_notice(meeting, sent_on)) throw Error(Kind::Unprocessable, "sent_on", breach->reason);
    if (!store::set_review_invitations(db, review_id, sent_on.to_string(), actor.user_id))
      throw Error(Kind::Conflict, "sent_on", "the invitations have already been sent");
    Date papers_by = notice_due(meeting);
    for (const auto& i : store::review_invitees(db, review_id)) {
      Notice n;
      n.kind = "review_invitation";
      n.due = meeting;
      if (i.kind == "family") {
        n.what_changed = "You are invited to the " + review_word(r) + " of your child's EHC plan on " + on(meeting) + ".";
        n.what_needed = "Tell us if you cannot come. You, and your child, can say what you think before or at the "
                        "meeting. Any advice and reports will be sent to you by " + on(papers_by) + ".";
        n.link = family_case_link(r.case_id, r.child_id);
        n.child_id = r.child_id;
        n.case_id = r.case_id;
        notify_family(db, r.child_id, n, today);
      } else if (i.organisation_id) {
        n.what_changed = "You are invited to the " + review_word(r) + " of an EHC plan on " + on(meeting) + ".";
        n.what_needed = "Send any advice or information by " + on(papers_by) +
                        " so that it reaches everyone invited at least 2 weeks before the meeting.";
        if (i.kind == "school") {
          n.link = school_pupil_link(r.child_id);
          n.child_id = r.child_id;
          n.case_id = r.case_id;
        } else {
          n.link = "/notifications";
        }
        notify_organisation(db, *i.organisation_id, n);
      }
    }
    store::append_audit(db, {audit(actor, "send-invitations", "review", review_id, route, acc.child_id, acc.basis)});
  });
}

void Reviews::send_papers(const Actor& actor, std::int64_t review_id, Date sent_on, const std::string& route) {
  Date today = today_();
  storage_.write([&](store::Database& db) {
    auto r = load_review(db, review_id);
    auto acc = review_access(db, actor, r.case_id, true, today);
    must_be_open(r);
    if (r.papers_sent_on) throw Error(Kind::Conflict, "sent_on", "the advice and information have already been sent");
    check_date_not_future(sent_on, today, "sent_on");
    if (!store::set_review_papers(db, review_id, sent_on.to_string()))
      throw Error(Kind::Conflict, "sent_on", "the advice and information have already been sent");
    store::append_audit(db, {audit(actor, "send-papers", "review", review_id, route, acc.child_id, acc.basis)});
  });
}

void Reviews::record_meeting(const Actor& actor, std::int64_t review_id, MeetingInput in, const std::string& route) {
  Date today = today_();
  storage_.write([&](store::Database& db) {
    auto r = load_review(db, review_id);
    auto acc = review_access(db, actor, r.case_id, true, today);
    must_be_open(r);
    if (r.held_on) throw Error(Kind::Conflict, "held_on", "the meeting has already been recorded");
    if (!r.invitations_sent_on)
      throw Error(Kind::Conflict, "invitations",
                  "record the invitations first: everyone must be invited at least 2 weeks before (rule R4, SEND "
                  "Regulations 2014 reg 20(3))");
    auto plan = plan_in_force(db, r.case_id);
    std::vector<PlanOutcome> outcomes = plan ? plan->second.outcomes : std::vector<PlanOutcome>{};
    Date dob;
    child_name(db, r.child_id, &dob);
    bool adulthood = in.held_on && preparation_for_adulthood_applies(dob, *in.held_on);
    throw_first(meeting_problems(in, outcomes, adulthood));
    check_date_not_future(*in.held_on, today, "held_on");
    if (*in.held_on < *Date::parse(*r.invitations_sent_on))
      throw Error(Kind::Unprocessable, "held_on", "cannot be before the invitations were sent (" +
                                                      on(*Date::parse(*r.invitations_sent_on)) + ")");
    Event e;
    e.type = EventType::ReviewMeeting;
    e.date = *in.held_on;
    auto recorded = casework_.append_event_in(db, actor, acc, r.case_id, e, route);
    r.held_on = in.held_on->to_string();
    r.attendees = in.attendees;
    r.views_child = in.views_child;
    r.views_parents = in.views_parents;
    r.views_school = in.views_school;
    r.views_others = in.views_others;
    r.outcomes_still_right = in.outcomes_still_right;
    r.provision_still_right = in.provision_still_right;
    r.changes_suggested = in.changes_suggested;
    r.recommendation = in.recommendation;
    r.preparation_for_adulthood = in.preparation_for_adulthood;
    if (plan) r.plan_version_id = plan->first;
    r.meeting_event_id = recorded.id;
    r.recorded_by = actor.user_id;
    std::vector<store::ReviewProgressRow> progress;
    for (const auto& o : outcomes)
      for (const auto& p : in.progress)
        if (p.outcome_id == o.id) progress.push_back({0, review_id, o.id, o.text, p.rating, p.comment});
    if (!store::record_review_meeting(db, r, progress))
      throw Error(Kind::Conflict, "held_on", "the meeting has already been recorded");
    store::append_audit(db, {audit(actor, "record-meeting", "review", review_id, route, acc.child_id, acc.basis)});
  });
}

void Reviews::send_report(const Actor& actor, std::int64_t review_id, Date sent_on, const std::string& route) {
  Date today = today_();
  storage_.write([&](store::Database& db) {
    auto r = load_review(db, review_id);
    auto acc = review_access(db, actor, r.case_id, true, today);
    must_be_open(r);
    if (!r.held_on) throw Error(Kind::Conflict, "sent_on", "record the meeting first");
    if (r.report_sent_on) throw Error(Kind::Conflict, "sent_on", "the report has already been sent");
    check_date_not_future(sent_on, today, "sent_on");
    Date held = *Date::parse(*r.held_on);
    if (sent_on < held) throw Error(Kind::Unprocessable, "sent_on", "cannot be before the meeting (" + on(held) + ")");
    Event e;
    e.type = EventType::ReviewReport;
    e.date = sent_on;
    auto recorded = casework_.append_event_in(db, actor, acc, r.case_id, e, route);
    if (!store::set_review_report(db, review_id, sent_on.to_string(), recorded.id))
      throw Error(Kind::Conflict, "sent_on", "the report has already been sent");
    Notice n;
    n.kind = "review_report";
    n.what_changed = "The report of the annual review meeting has been sent.";
    n.what_needed = "Read it. The council will tell you what it has decided within 4 weeks of the meeting.";
    n.due = held.plus_weeks(4);
    n.link = family_case_link(r.case_id, r.child_id);
    n.child_id = r.child_id;
    n.case_id = r.case_id;
    notify_family(db, r.child_id, n, today);
    store::append_audit(db, {audit(actor, "send-report", "review", review_id, route, acc.child_id, acc.basis)});
  });
}

void Reviews::decide(const Actor& actor, std::int64_t review_id, const std::string& decision, Date on_date,
                     std::string reasons, const std::string& route) {
  Date today = today_();
  storage_.write([&](store::Database& db) {
    auto r = load_review(db, review_id);
    auto acc = require_case(db, actor, r.case_id, Capability::CaseworkWrite, today);
    must_be_open(r);
    if (!r.held_on) throw Error(Kind::Conflict, "decision", "the meeting has not been recorded yet");
    auto rec = parse_recommendation(decision);
    if (!rec) throw Error(Kind::Unprocessable, "decision", "Choose what the council has decided");
    std::vector<FieldError> errors;
    check_free_text(reasons, "reasons", "The reasons for the decision", *rec != ReviewRecommendation::Maintain,
                    errors);
    throw_first(errors);
    check_date_not_future(on_date, today, "decided_on");
    Date held = *Date::parse(*r.held_on);
    if (on_date < held)
      throw Error(Kind::Unprocessable, "decided_on", "cannot be before the meeting (" + on(held) + ")");
    Event e;
    e.type = EventType::ReviewDecision;
    e.date = on_date;
    e.outcome = *rec == ReviewRecommendation::Maintain ? Outcome::Maintain
                : *rec == ReviewRecommendation::Amend  ? Outcome::Amend
                                                       : Outcome::Cease;
    auto recorded = casework_.append_event_in(db, actor, acc, r.case_id, e, route);
    if (!store::set_review_decision(db, review_id, std::string(recommendation_name(*rec)), on_date.to_string(),
                                    reasons, recorded.id, actor.user_id))
      throw Error(Kind::Conflict, "decision", "the council has already decided after this review");
    store::append_audit(db, {audit(actor, "decide", "review", review_id, route, acc.child_id, acc.basis)});
  });
}

}  // namespace gt::app
