#include "app/schools.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/child_rows.h"
#include "app/notices.h"
#include "app/storage.h"
#include "domain/codes.h"
#include "domain/placement.h"
#include "domain/text.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/cases_store.h"
#include "store/children_store.h"
#include "store/needs_store.h"
#include "store/notifications_store.h"
#include "store/organisations_store.h"

namespace gt::app {

namespace {

using Kind = Error::Kind;
using nlohmann::json;

store::AuditRow audit(const Actor& a, const char* action, const char* subject, std::optional<std::int64_t> id,
                      const std::string& route, std::optional<std::int64_t> child_id, Basis basis) {
  return store::AuditRow{utc_timestamp(), a.user_id, action, subject, id, route, child_id,
                         std::string(basis_name(basis))};
}


// The SENCO's own school. Anyone else has no list of pupils to see (Forbidden: nothing is hidden).
store::OrganisationRow school_of(store::Database& db, const Actor& a) {
  if (a.role != "senco" || !a.organisation_id)
    throw Error(Kind::Forbidden, "", "only a school's SENCO can see and add the school's pupils");
  auto org = store::find_organisation(db, *a.organisation_id);
  if (!org || org->kind != "school" || !org->urn || org->urn->empty())
    throw Error(Kind::Forbidden, "", "your organisation is not recorded as a school with a URN: ask the council");
  return *org;
}

Date date_of_birth(store::Database& db, std::int64_t child_id) {
  auto dob = store::child_date_of_birth(db, child_id);
  auto d = dob ? Date::parse(*dob) : std::nullopt;
  if (!d) throw Error(Kind::NotFound, "id", "no child or young person with this id");
  return *d;
}

SupportCycle cycle_from_row(const store::SupportCycleRow& r) {
  SupportCycle c;
  c.started_on = Date::parse(r.started_on).value_or(Date{});
  if (r.reviewed_on) c.reviewed_on = Date::parse(*r.reviewed_on);
  c.assess = r.assess;
  c.plan = r.plan;
  c.provision = r.provision;
  c.outcomes = r.outcomes;
  c.review = r.review;
  return c;
}

RequestEvidence evidence_of(const std::vector<store::SenSupportRow>& support,
                            const std::vector<store::SupportCycleRow>& cycles) {
  RequestEvidence ev;
  if (!support.empty()) ev.support = support.front();
  for (const auto& c : cycles)
    if (is_evidence(cycle_from_row(c))) ev.cycles.push_back(c);
  return ev;
}

// The evidence as it stood when the request was made, kept with the request.
std::string evidence_json(const RequestEvidence& ev) {
  json j = json::object();
  if (ev.support) {
    const auto& s = *ev.support;
    j["support"] = {{"area_of_need", s.area_of_need}, {"primary_type", s.primary_type},
                    {"secondary_type", s.secondary_type.value_or("")}, {"start_date", s.start_date},
                    {"provision", s.provision}, {"school", s.organisation_name}};
  }
  j["cycles"] = json::array();
  for (const auto& c : ev.cycles)
    j["cycles"].push_back({{"id", c.id}, {"started_on", c.started_on}, {"reviewed_on", c.reviewed_on.value_or("")},
                           {"assess", c.assess}, {"plan", c.plan}, {"provision", c.provision},
                           {"outcomes", c.outcomes}, {"review", c.review}, {"school", c.organisation_name}});
  return j.dump();
}

RequestEvidence evidence_from_json(const std::string& text) {
  RequestEvidence ev;
  json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return ev;
  auto str = [](const json& o, const char* k) { return o.contains(k) && o[k].is_string() ? o[k].get<std::string>() : std::string(); };
  if (j.contains("support") && j["support"].is_object()) {
    const json& s = j["support"];
    store::SenSupportRow r;
    r.area_of_need = str(s, "area_of_need");
    r.primary_type = str(s, "primary_type");
    if (auto sec = str(s, "secondary_type"); !sec.empty()) r.secondary_type = sec;
    r.start_date = str(s, "start_date");
    r.provision = str(s, "provision");
    r.organisation_name = str(s, "school");
    ev.support = r;
  }
  if (j.contains("cycles") && j["cycles"].is_array())
    for (const json& c : j["cycles"]) {
      if (!c.is_object()) continue;
      store::SupportCycleRow r;
      r.id = c.contains("id") && c["id"].is_number_integer() ? c["id"].get<std::int64_t>() : 0;
      r.started_on = str(c, "started_on");
      if (auto rv = str(c, "reviewed_on"); !rv.empty()) r.reviewed_on = rv;
      r.assess = str(c, "assess");
      r.plan = str(c, "plan");
      r.provision = str(c, "provision");
      r.outcomes = str(c, "outcomes");
      r.review = str(c, "review");
      r.organisation_name = str(c, "school");
      ev.cycles.push_back(r);
    }
  return ev;
}

Date a1_due(const Event& request, Date today) {
  for (const auto& d : compute_deadlines({request}, today).deadlines)
    if (d.rule == "A1") return d.due;
  return request.date.plus_weeks(6);
}


}  // namespace

std::vector<std::string> school_setting_types() {
  std::vector<std::string> out;
  for (const auto& t : setting_types())
    if (t.group == "mainstream" || t.group == "special" || t.group == "alternative_provision")
      out.emplace_back(t.code);
  return out;
}

Schools::Schools(Storage& storage, const Today& today, const ServicesSettings& settings)
    : storage_(storage), today_(today), settings_(settings), casework_(storage, today) {}

std::string Schools::school_name(const Actor& actor) { return school_of(storage_.read(), actor).name; }

PupilList Schools::pupils(const Actor& actor, const PupilListQuery& q, const std::string& route) {
  auto& db = storage_.read();
  store::OrganisationRow org = school_of(db, actor);
  PupilList out;
  out.today = today_();
  out.school_name = org.name;
  out.per_page = std::clamp(q.per_page, 1, 100);
  out.page = std::max(q.page, 1);
  store::PupilQuery sq;
  sq.urn = *org.urn;
  sq.today = out.today.to_string();
  sq.name = std::string(trimmed(q.name));
  sq.limit = out.per_page;
  sq.offset = (out.page - 1) * out.per_page;
  auto page = store::pupils_on_roll(db, sq);
  out.pupils = std::move(page.pupils);
  out.total = page.total;
  storage_.audit_read(audit(actor, "list", "school_pupils", org.id, route, std::nullopt, Basis::SchoolOnRoll));
  return out;
}

Child Schools::add_pupil(const Actor& actor, NewPupil p, const std::string& route) {
  school_of(storage_.read(), actor);
  Date today = today_();
  throw_first(validate_child(p.child, today));
  auto types = school_setting_types();
  if (std::find(types.begin(), types.end(), p.setting_type) == types.end())
    throw Error(Kind::Unprocessable, "setting_type", "Select the type of school");
  if (p.start_date < p.child.date_of_birth)
    throw Error(Kind::Unprocessable, "start_date", "The start date cannot be before the child was born");
  return storage_.write([&](store::Database& db) {
    store::OrganisationRow org = school_of(db, actor);
    Placement placement;
    placement.setting_type = p.setting_type;
    placement.urn = *org.urn;
    placement.name = org.name;
    placement.rank = 1;
    placement.entry_date = p.start_date;
    for (const auto& e : validate_placement(placement, today))
      throw Error(Kind::Unprocessable, e.field == "entry_date" ? "start_date" : e.field, e.reason);
    try {
      p.child.id = store::insert_child(db, child_to_row(p.child), actor.user_id);
    } catch (const store::ConflictError&) {
      bool by_upn = !p.child.upn.empty();
      throw Error(Kind::Conflict, by_upn ? "upn" : "uln",
                  std::string("a child or young person with this ") + (by_upn ? "UPN" : "ULN") +
                      " is already known to the council: ask the council's SEND team to record that they are on "
                      "roll at your school");
    }
    store::PlacementRow row = placement_to_row(p.child.id, placement);
    row.recorded_at = utc_timestamp();
    row.recorded_by = actor.user_id;
    store::insert_placement(db, row);
    store::append_audit(db, {audit(actor, "create", "child", p.child.id, route, p.child.id, Basis::SchoolOnRoll)});
    return p.child;
  });
}

PupilView Schools::pupil(const Actor& actor, std::int64_t child_id, const std::string& route) {
  auto& db = storage_.read();
  PupilView v;
  v.today = today_();
  v.basis = require_child(db, actor, child_id, Capability::PupilRead, v.today);
  auto row = store::find_child(db, child_id);
  if (!row) throw Error(Kind::NotFound, "id", "no child or young person with this id");
  v.child = child_from_row(*row);
  if (actor.organisation_id)
    if (auto org = store::find_organisation(db, *actor.organisation_id)) {
      v.school_name = org->name;
      if (org->urn)
        if (auto since = store::on_roll_since(db, *org->urn, child_id, v.today.to_string()))
          v.on_roll_since = Date::parse(*since);
    }
  v.support = store::sen_support_of_child(db, child_id);
  v.cycles = store::cycles_of_child(db, child_id);
  v.requests = store::assessment_requests_of_child(db, child_id);
  v.cases = store::cases_of_child(db, child_id);
  v.evidence = evidence_of(v.support, v.cycles);
  storage_.audit_read(audit(actor, "read", "child", child_id, route, child_id, v.basis));
  if (!v.cases.empty()) {
    v.ehc_case = casework_.case_view(actor, v.cases.back().id, route, Capability::PupilRead);
    v.case_open = v.ehc_case->stage != Stage::Closed;
    v.review_open = review_contribution_open(v.ehc_case->stage, v.ehc_case->clock, v.today);
  }
  return v;
}

SenSupport Schools::record_sen_support(const Actor& actor, std::int64_t child_id, SenSupport support,
                                       const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    Basis basis = require_child(db, actor, child_id, Capability::PupilWrite, today);
    throw_first(validate_sen_support(support, date_of_birth(db, child_id), today));
    store::SenSupportRow r;
    r.child_id = child_id;
    r.organisation_id = *actor.organisation_id;
    r.area_of_need = support.area_of_need;
    r.primary_type = support.primary_type;
    if (!support.secondary_type.empty()) r.secondary_type = support.secondary_type;
    r.start_date = support.start_date.to_string();
    r.provision = support.provision;
    r.recorded_by = actor.user_id;
    r.recorded_at = utc_timestamp();
    store::insert_sen_support(db, r);
    store::append_audit(db, {audit(actor, "record-sen-support", "child", child_id, route, child_id, basis)});
    return support;
  });
}

std::int64_t Schools::start_cycle(const Actor& actor, std::int64_t child_id, SupportCycle cycle,
                                  const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    Basis basis = require_child(db, actor, child_id, Capability::PupilWrite, today);
    throw_first(validate_cycle_start(cycle, date_of_birth(db, child_id), today));
    store::SupportCycleRow r;
    r.child_id = child_id;
    r.organisation_id = *actor.organisation_id;
    r.started_on = cycle.started_on.to_string();
    r.assess = cycle.assess;
    r.plan = cycle.plan;
    r.provision = cycle.provision;
    r.recorded_by = actor.user_id;
    r.recorded_at = utc_timestamp();
    std::int64_t id = store::insert_cycle(db, r);
    store::append_audit(db, {audit(actor, "start-cycle", "child", child_id, route, child_id, basis)});
    return id;
  });
}

store::SupportCycleRow Schools::cycle(const Actor& actor, std::int64_t child_id, std::int64_t cycle_id,
                                      const std::string& route) {
  auto& db = storage_.read();
  Basis basis = require_child(db, actor, child_id, Capability::PupilRead, today_());
  for (auto& c : store::cycles_of_child(db, child_id))
    if (c.id == cycle_id) {
      storage_.audit_read(audit(actor, "read", "child", child_id, route, child_id, basis));
      return c;
    }
  throw Error(Kind::NotFound, "cycle_id", "no such cycle for this pupil");
}

void Schools::review_cycle(const Actor& actor, std::int64_t child_id, std::int64_t cycle_id, SupportCycle review,
                           const std::string& route) {
  Date today = today_();
  storage_.write([&](store::Database& db) {
    Basis basis = require_child(db, actor, child_id, Capability::PupilWrite, today);
    std::optional<store::SupportCycleRow> row;
    for (auto& c : store::cycles_of_child(db, child_id))
      if (c.id == cycle_id) row = c;
    if (!row) throw Error(Kind::NotFound, "cycle_id", "no such cycle for this pupil");
    if (row->reviewed_on) throw Error(Kind::Conflict, "reviewed_on", "this cycle has already been reviewed: start a new cycle");
    SupportCycle c = cycle_from_row(*row);
    c.reviewed_on = review.reviewed_on;
    c.outcomes = review.outcomes;
    c.review = review.review;
    throw_first(validate_cycle_review(c, today));
    if (!store::review_cycle(db, child_id, cycle_id, c.reviewed_on->to_string(), c.outcomes, c.review))
      throw Error(Kind::Conflict, "reviewed_on", "this cycle has already been reviewed: start a new cycle");
    store::append_audit(db, {audit(actor, "review-cycle", "child", child_id, route, child_id, basis)});
  });
}

RequestedAssessment Schools::request_assessment(const Actor& actor, std::int64_t child_id, AssessmentRequest request,
                                                const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    Basis basis = require_child(db, actor, child_id, Capability::PupilWrite, today);
    for (const auto& c : store::cases_of_child(db, child_id))
      if (c.stage != stage_name(Stage::Closed))
        throw OpenCaseConflict(c.id, "this pupil already has an open EHC case: the council is dealing with it there");
    RequestEvidence ev = evidence_of(store::sen_support_of_child(db, child_id), store::cycles_of_child(db, child_id));
    if (ev.cycles.empty())
      throw Error(Kind::Unprocessable, "cycles",
                  "record at least one cycle of the graduated approach, reviewed with its provision and its outcomes, "
                  "before asking for an assessment");
    throw_first(validate_assessment_request(request));
    std::int64_t case_id = casework_.open_case_in(db, actor, child_id, basis, std::nullopt, route);
    Event e;
    e.type = EventType::RequestReceived;
    e.date = today;
    e.source = kSchoolRequestSource;
    casework_.append_event_in(db, actor, CaseAccess{child_id, basis}, case_id, e, route);

    store::AssessmentRequestRow r;
    r.case_id = case_id;
    r.child_id = child_id;
    r.organisation_id = *actor.organisation_id;
    r.reasons = request.reasons;
    r.family_views = request.family_views;
    r.family_informed = request.family_informed.value_or(false);
    r.family_agrees = request.family_agrees.value_or(false);
    r.evidence = evidence_json(ev);
    r.requested_by = actor.user_id;
    r.requested_at = utc_timestamp();
    store::insert_assessment_request(db, r);
    store::append_audit(db, {audit(actor, "request-assessment", "case", case_id, route, child_id, basis)});

    // append_event_in has told the council (every caseworker and team manager: no caseworker
    // holds the case yet) and the family, with the decision date (notices.h notify_case_event).
    Date due = a1_due(e, today);
    return RequestedAssessment{case_id, today, due};
  });
}

std::int64_t Schools::contribute_to_review(const Actor& actor, std::int64_t child_id, std::int64_t case_id,
                                           ReviewContribution contribution, const std::string& route) {
  Date today = today_();
  // The review window is judged on the case as the school reads it just before the write.
  CaseView v = casework_.case_view(actor, case_id, route, Capability::PupilWrite);
  if (v.child.id != child_id) throw Error(Kind::NotFound, "case_id", "no case with this id for this pupil");
  if (!review_contribution_open(v.stage, v.clock, today))
    throw Error(Kind::Conflict, "case",
                "this case is not at an annual review: a school can contribute from " +
                    std::to_string(kReviewContributionWeeks) +
                    " weeks before the review is due until the council decides after the review meeting");
  throw_first(validate_review_contribution(contribution));
  return storage_.write([&](store::Database& db) {
    CaseAccess access = require_case(db, actor, case_id, Capability::PupilWrite, today);
    if (access.child_id != child_id) throw Error(Kind::NotFound, "case_id", "no case with this id for this pupil");
    store::ReviewContributionRow r;
    r.case_id = case_id;
    r.organisation_id = actor.organisation_id;
    r.author = actor.user_id;
    r.progress = contribution.progress;
    r.changes = contribution.changes;
    r.views = contribution.views;
    r.created_at = utc_timestamp();
    std::int64_t id = store::insert_review_contribution(db, r);
    store::append_audit(db, {audit(actor, "contribute-review", "case", case_id, route, child_id, access.basis)});

    auto org = actor.organisation_id ? store::find_organisation(db, *actor.organisation_id) : std::nullopt;
    Notice n;
    n.kind = "review_contribution";
    n.what_changed = (org ? org->name : std::string("A school")) + " has sent its contribution to the annual review.";
    n.what_needed = "Read it and take it into account at the review meeting and in the decision after the review.";
    for (const auto& d : v.clock.deadlines)
      if ((d.rule == "R7" || d.rule == "R1" || d.rule == "R2") && d.open() && (!n.due || d.due < *n.due)) n.due = d.due;
    n.link = staff_case_link(case_id);
    n.child_id = child_id;
    n.case_id = case_id;
    auto kase = store::find_case(db, case_id);
    if (kase && kase->caseworker_id)
      notify_user(db, *kase->caseworker_id, n);
    else
      for (std::int64_t uid : store::council_staff_ids(db)) notify_user(db, uid, n);
    return id;
  });
}

CaseSchoolRecord Schools::for_case(const Actor& actor, std::int64_t case_id, const std::string& route) {
  auto& db = storage_.read();
  CaseAccess access = require_case(db, actor, case_id, Capability::CaseworkRead, today_());
  CaseSchoolRecord rec;
  rec.request = store::assessment_request_of_case(db, case_id);
  if (rec.request) rec.request_evidence = evidence_from_json(rec.request->evidence);
  rec.contributions = store::contributions_of_case(db, case_id);
  if (rec.request || !rec.contributions.empty())
    storage_.audit_read(audit(actor, "read", "school_record", case_id, route, access.child_id, access.basis));
  return rec;
}

}  // namespace gt::app
