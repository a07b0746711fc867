// Ceasing: promises what ceasing.h states - the reg 31 procedure, one transaction a step, each
// step an event on the chronology.
#include "app/ceasing.h"

#include <algorithm>

#include "app/casework.h"
#include "app/errors.h"
#include "app/notices.h"
#include "app/storage.h"
#include "domain/appeal_rights.h"
#include "domain/free_text.h"
#include "store/audit_store.h"
#include "store/cases_store.h"
#include "store/children_store.h"
#include "store/notifications_store.h"

namespace gt::app {
namespace {

using Kind = Error::Kind;

store::AuditRow audit(const Actor& a, const char* action, std::optional<std::int64_t> id, const std::string& route,
                      std::int64_t child_id, Basis basis) {
  return store::AuditRow{utc_timestamp(), a.user_id, action, "cease_consultation", id, route, child_id,
                         std::string(basis_name(basis))};
}


bool family_basis(Basis b) {
  return b == Basis::ParentalResponsibility || b == Basis::ActingForYoungPerson || b == Basis::YoungPerson;
}

bool allowed_now(const std::vector<Event>& events, EventType t) {
  auto next = allowed_next(events);
  return std::find(next.begin(), next.end(), t) != next.end();
}

std::optional<store::CeaseConsultationRow> latest(store::Database& db, std::int64_t case_id) {
  auto rows = store::cease_consultations_of_case(db, case_id);
  if (rows.empty()) return std::nullopt;
  return rows.back();
}

std::string confirmations_text(const CeaseConfirmations& c) {
  std::string out;
  auto add = [&](bool on, const char* name) {
    if (on) out += (out.empty() ? "" : ",") + std::string(name);
  };
  add(c.not_necessary, "not_necessary");
  add(c.not_returning, "not_returning");
  add(c.adult_estate, "adult_estate");
  return out;
}

// Everything a page needs, from the chronology in force and the rows here.
CeaseState build(store::Database& db, std::int64_t case_id, const CaseAccess& acc, Date today, int days) {
  CeaseState st;
  st.case_id = case_id;
  st.child_id = acc.child_id;
  st.basis = acc.basis;
  st.today = today;
  st.default_respond_by = today.plus_days(std::max(days, 1) - 1);
  if (auto c = store::find_child(db, acc.child_id)) st.child_name = c->given_name + " " + c->family_name;
  auto events = Casework::chronology_in(db, case_id);
  st.stage = stage_of(events);
  st.consultation = latest(db, case_id);
  st.may_propose = acc.basis == Basis::CouncilStaff && allowed_now(events, EventType::CeaseProposed);
  st.consultation_open = allowed_now(events, EventType::CeaseDecided) && st.consultation &&
                         !st.consultation->decided_event_id;
  if (st.consultation) {
    auto all = store::cease_responses(db, st.consultation->id);
    for (const auto& r : all) {
      st.family_responded = st.family_responded || r.party == "family";
      st.school_responded = st.school_responded || r.party == "school";
      bool visible = acc.basis == Basis::CouncilStaff || (family_basis(acc.basis) && r.party == "family") ||
                     (acc.basis == Basis::SchoolOnRoll && r.party == "school");
      if (visible) st.responses.push_back(r);
    }
    if (auto by = Date::parse(st.consultation->respond_by)) st.decide_from = by->plus_days(1);
  }
  bool everyone = st.family_responded && (!st.consultation || !st.consultation->school_id || st.school_responded);
  st.may_decide = acc.basis == Basis::CouncilStaff && st.consultation_open &&
                  (everyone || (st.decide_from && today >= *st.decide_from));
  st.may_end = acc.basis == Basis::CouncilStaff && allowed_now(events, EventType::PlanCeased);
  for (const auto& r : appeal_rights(events))
    if (r.decision == AppealableDecision::Cease) {
      st.appeal_by = r.appeal_by;
      st.earliest_end = r.appeal_by.plus_days(1);
    }
  for (const auto& e : events)
    if (e.type == EventType::PlanCeased) st.ceased_on = e.date;
  return st;
}

}  // namespace

CeaseState Ceasing::state(const Actor& actor, std::int64_t case_id, const std::string& route, Capability need) {
  auto& db = storage_.read();
  Date today = today_();
  auto acc = require_case(db, actor, case_id, need, today);
  auto st = build(db, case_id, acc, today, settings_.cease_consultation_days);
  storage_.audit_read(audit(actor, "read", st.consultation ? std::optional<std::int64_t>(st.consultation->id)
                                                           : std::nullopt,
                            route, acc.child_id, acc.basis));
  return st;
}

store::CeaseConsultationRow Ceasing::propose(const Actor& actor, std::int64_t case_id, CeaseProposal p,
                                             const std::string& route) {
  Date today = today_();
  std::vector<FieldError> errors;
  check_free_text(p.grounds, "grounds", "Why the council is considering ceasing the plan", true, errors, 5000);
  throw_first(errors);
  return storage_.write([&](store::Database& db) {
    auto acc = require_case(db, actor, case_id, Capability::CaseworkWrite, today);
    const int days = std::max(settings_.cease_consultation_days, 1);
    Date earliest = p.proposed_on.plus_days(days - 1);
    Date by = p.respond_by.value_or(earliest);
    if (by < earliest)
      throw Error(Kind::Unprocessable, "respond_by",
                  "must be on or after " + earliest.to_long_string() + ": the family and the school or college "
                  "are given at least " + std::to_string(days) + " days to respond, counting the day it is sent");
    Event e;
    e.type = EventType::CeaseProposed;
    e.date = p.proposed_on;
    e.respond_by = by;
    auto recorded = casework_.append_event_in(db, actor, acc, case_id, e, route);
    store::CeaseConsultationRow row;
    row.case_id = case_id;
    row.child_id = acc.child_id;
    row.proposed_event_id = recorded.id;
    row.proposed_on = p.proposed_on.to_string();
    row.respond_by = by.to_string();
    row.grounds = p.grounds;
    auto schools = store::schools_with_child_on_roll(db, acc.child_id, p.proposed_on.to_string());
    if (!schools.empty()) row.school_id = schools.front();
    row.created_by = actor.user_id;
    row.created_at = utc_timestamp();
    row.id = store::insert_cease_consultation(db, row);
    store::append_audit(db, {audit(actor, "propose-cease", row.id, route, acc.child_id, acc.basis)});
    return *store::find_cease_consultation(db, row.id);
  });
}

store::CeaseResponseRow Ceasing::respond(const Actor& actor, std::int64_t case_id, bool agrees, std::string comments,
                                         const std::string& route) {
  Date today = today_();
  std::vector<FieldError> errors;
  check_free_text(comments, "comments", "Your comments", false, errors, 5000);
  throw_first(errors);
  return storage_.write([&](store::Database& db) {
    auto acc = case_basis(db, actor, case_id, today);
    if (!acc) throw Error(Kind::NotFound, "id", "no case with this id");
    std::string party;
    if (family_basis(acc->basis) && allows(acc->basis, Capability::FamilyWrite)) party = "family";
    else if (acc->basis == Basis::SchoolOnRoll && allows(acc->basis, Capability::PupilWrite)) party = "school";
    else throw Error(Kind::Forbidden, "", "only the family and the school or college are consulted on ceasing a plan");
    auto events = Casework::chronology_in(db, case_id);
    auto c = latest(db, case_id);
    if (!c || c->decided_event_id || !allowed_now(events, EventType::CeaseDecided))
      throw Error(Kind::Conflict, "consultation", "the council is not asking for views on ceasing this plan now");
    store::CeaseResponseRow r;
    r.consultation_id = c->id;
    r.party = party;
    r.user_id = actor.user_id;
    if (party == "school") r.organisation_id = actor.organisation_id;
    r.agrees = agrees;
    r.comments = comments;
    r.at = utc_timestamp();
    r.id = store::insert_cease_response(db, r);
    store::append_audit(db, {audit(actor, party == "family" ? "respond-cease-family" : "respond-cease-school", c->id,
                                   route, acc->child_id, acc->basis)});
    Notice n;
    n.kind = "cease_response";
    n.what_changed = party == "family" ? "The family has responded to the proposal to cease an EHC plan."
                                       : "A school or college has responded to the proposal to cease an EHC plan.";
    n.what_needed = "Read the response before deciding whether to cease the plan.";
    n.link = "/cases/" + std::to_string(case_id) + "/cease";
    n.child_id = acc->child_id;
    n.case_id = case_id;
    std::vector<std::int64_t> staff;
    if (auto cs = store::find_case(db, case_id); cs && cs->caseworker_id) staff.push_back(*cs->caseworker_id);
    if (staff.empty()) staff = store::council_staff_ids(db);
    for (auto id : staff) notify_user(db, id, n);
    for (const auto& x : store::cease_responses(db, c->id))
      if (x.id == r.id) return x;
    return r;
  });
}

void Ceasing::decide(const Actor& actor, std::int64_t case_id, CeaseDecision d, const std::string& route) {
  Date today = today_();
  std::vector<FieldError> errors;
  check_free_text(d.notes, "notes", "Notes on the decision", false, errors, 5000);
  throw_first(errors);
  if (d.cease && (d.cease_reason < 1 || d.cease_reason > 9))
    throw Error(Kind::Unprocessable, "cease_reason", "choose the reason for ceasing the plan");
  storage_.write([&](store::Database& db) {
    auto acc = require_case(db, actor, case_id, Capability::CaseworkWrite, today);
    auto st = build(db, case_id, acc, today, settings_.cease_consultation_days);
    if (!st.consultation_open)
      throw Error(Kind::Conflict, "consultation",
                  "there is no proposal to cease awaiting a decision: tell the family the council is considering "
                  "ceasing the plan, and consult them and the school or college, first (SEND Regulations 2014 "
                  "reg 31(1))");
    const auto& c = *st.consultation;
    bool everyone = st.family_responded && (!c.school_id || st.school_responded);
    if (!everyone && st.decide_from && d.decided_on < *st.decide_from)
      throw Error(Kind::Unprocessable, "date",
                  "the consultation runs until " + Date::parse(c.respond_by)->to_long_string() +
                      ": decide from " + st.decide_from->to_long_string() +
                      ", unless the family and the school or college have all responded (SEND Regulations 2014 "
                      "reg 31(1))");
    if (d.cease) {
      auto child = store::find_child(db, acc.child_id);
      auto dob = child ? Date::parse(child->date_of_birth) : std::nullopt;
      if (dob)
        if (auto err = check_cease_grounds(*dob, d.cease_reason, d.decided_on, d.confirmations))
          throw Error(Kind::Unprocessable, err->field, err->reason);
    }
    Event e;
    e.type = EventType::CeaseDecided;
    e.date = d.decided_on;
    e.outcome = d.cease ? Outcome::Cease : Outcome::Maintain;
    e.cease_reason = d.cease ? d.cease_reason : 0;
    e.consultation_complete = everyone;
    auto recorded = casework_.append_event_in(db, actor, acc, case_id, e, route);
    if (!store::record_cease_decision(db, c.id, recorded.id, d.cease ? "cease" : "maintain",
                                      d.cease ? std::optional<int>(d.cease_reason) : std::nullopt, d.notes,
                                      confirmations_text(d.confirmations), actor.user_id, utc_timestamp()))
      throw Error(Kind::Conflict, "consultation", "the decision on this proposal has already been recorded");
    store::append_audit(db, {audit(actor, "decide-cease", c.id, route, acc.child_id, acc.basis)});
  });
}

void Ceasing::end_plan(const Actor& actor, std::int64_t case_id, Date ended_on, bool family_not_appealing,
                       const std::string& route) {
  Date today = today_();
  storage_.write([&](store::Database& db) {
    auto acc = require_case(db, actor, case_id, Capability::CaseworkWrite, today);
    auto events = Casework::chronology_in(db, case_id);
    if (!allowed_now(events, EventType::PlanCeased))
      throw Error(Kind::Conflict, "consultation",
                  "the plan can end only after a decision to cease it (SEND Regulations 2014 reg 31(2))");
    Event e;
    e.type = EventType::PlanCeased;
    e.date = ended_on;
    e.family_not_appealing = family_not_appealing;
    auto recorded = casework_.append_event_in(db, actor, acc, case_id, e, route);
    std::optional<std::int64_t> id;
    for (const auto& c : store::cease_consultations_of_case(db, case_id))
      if (c.decision && *c.decision == "cease" && !c.ended_event_id) id = c.id;
    if (id) store::record_plan_ended(db, *id, recorded.id);
    store::append_audit(db, {audit(actor, "end-plan", id, route, acc.child_id, acc.basis)});
  });
}

}  // namespace gt::app
