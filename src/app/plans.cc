#include "app/plans.h"

#include <algorithm>

#include "app/casework.h"
#include "app/errors.h"
#include "app/storage.h"
#include "domain/chronology.h"
#include "domain/free_text.h"
#include "domain/plan_json.h"
#include "store/advice_store.h"
#include "store/audit_store.h"
#include "store/children_store.h"
#include "store/needs_store.h"
#include "store/quality_store.h"

namespace gt::app {
namespace {

using Kind = Error::Kind;

store::AuditRow audit(const Actor& a, const char* action, const char* subject, std::optional<std::int64_t> id,
                      const std::string& route, std::int64_t child_id, Basis basis) {
  return store::AuditRow{utc_timestamp(), a.user_id, action, subject, id, route, child_id,
                         std::string(basis_name(basis))};
}


EventType event_of(PlanKind k) {
  switch (k) {
    case PlanKind::Draft: return EventType::DraftPlanServed;
    case PlanKind::Final: return EventType::FinalPlanIssued;
    case PlanKind::ProposedAmendments: return EventType::AmendmentsProposed;
    case PlanKind::Amended: return EventType::AmendedPlanIssued;
  }
  return EventType::DraftPlanServed;
}

bool family_may_comment_on(const std::string& kind) { return kind == "draft" || kind == "proposed_amendments"; }

std::string child_name(store::Database& db, std::int64_t child_id) {
  auto c = store::find_child(db, child_id);
  return c ? c->given_name + " " + c->family_name : std::string();
}

Plan parse_content(const store::PlanVersionRow& v) {
  try {
    return plan_from_json(v.content);
  } catch (const PlanJsonError& e) {
    throw std::runtime_error("stored plan version " + std::to_string(v.id) + " is unreadable: " + e.field);
  }
}

PlanVersionView view_of(store::Database& db, const store::PlanVersionRow& v, std::int64_t case_id,
                        std::int64_t child_id) {
  PlanVersionView out;
  out.row = v;
  out.plan = parse_content(v);
  out.findings = check_thread(out.plan);
  out.case_id = case_id;
  out.child_id = child_id;
  out.child_name = child_name(db, child_id);
  return out;
}

// The latest version the family may comment on and whether it is still the newest issued one.
std::optional<store::PlanVersionRow> latest_commentable(const std::vector<store::PlanVersionRow>& issued) {
  if (issued.empty() || !family_may_comment_on(issued.front().kind)) return std::nullopt;
  return issued.front();
}

bool said_nothing_to_add(store::Database& db, std::int64_t version_id) {
  for (const auto& r : store::plan_family_responses(db, version_id))
    if (r.nothing_to_add) return true;
  return false;
}

// The kinds the working version may be issued as, from the stage of the case and the last
// issued version.
std::vector<PlanKind> issuable(Stage stage, const std::vector<store::PlanVersionRow>& issued) {
  std::vector<PlanKind> out;
  bool draft_issued = false;
  for (const auto& v : issued)
    if (v.kind == "draft") draft_issued = true;
  switch (stage) {
    case Stage::Drafting:
      out.push_back(PlanKind::Draft);
      if (draft_issued) out.push_back(PlanKind::Final);
      break;
    case Stage::Plan:
    case Stage::Review:
    case Stage::Amendment:
      if (!issued.empty() && issued.front().kind == "proposed_amendments") out.push_back(PlanKind::Amended);
      else out.push_back(PlanKind::ProposedAmendments);
      break;
    default:
      break;
  }
  return out;
}

}  // namespace

std::string_view plan_kind_name(PlanKind k) {
  switch (k) {
    case PlanKind::Draft: return "draft";
    case PlanKind::Final: return "final";
    case PlanKind::ProposedAmendments: return "proposed_amendments";
    case PlanKind::Amended: return "amended";
  }
  return "draft";
}

std::string_view plan_kind_label(PlanKind k) {
  switch (k) {
    case PlanKind::Draft: return "Draft plan";
    case PlanKind::Final: return "Final plan";
    case PlanKind::ProposedAmendments: return "Proposed amendments";
    case PlanKind::Amended: return "Amended plan";
  }
  return "";
}

std::optional<PlanKind> parse_plan_kind(std::string_view name) {
  for (auto k : {PlanKind::Draft, PlanKind::Final, PlanKind::ProposedAmendments, PlanKind::Amended})
    if (plan_kind_name(k) == name) return k;
  return std::nullopt;
}

Plans::Plans(Storage& storage, const Today& today, const ServicesSettings& settings, Casework& casework)
    : storage_(storage), today_(today), settings_(settings), casework_(casework) {}

PlanOverview Plans::overview(const Actor& actor, std::int64_t case_id, const std::string& route) {
  auto& db = storage_.read();
  Date today = today_();
  auto acc = require_case(db, actor, case_id, Capability::PlanRead, today);
  PlanOverview o;
  o.case_id = case_id;
  o.child_id = acc.child_id;
  o.child_name = child_name(db, acc.child_id);
  o.basis = acc.basis;
  o.today = today;
  o.plan = store::plan_of_case(db, case_id);
  auto events = Casework::chronology_in(db, case_id);
  auto windows = comment_windows(events);
  if (!windows.empty()) o.family_window = windows.back();
  if (o.plan) {
    o.issued = store::issued_versions(db, o.plan->id);
    if (acc.basis == Basis::CouncilStaff) {
      o.working = store::working_version(db, o.plan->id);
      if (o.working) o.may_issue = issuable(stage_of(events), o.issued);
    }
    if (auto c = latest_commentable(o.issued)) o.family_said_nothing_to_add = said_nothing_to_add(db, c->id);
  }
  storage_.audit_read(audit(actor, "read", "plan", o.plan ? std::optional<std::int64_t>(o.plan->id) : std::nullopt,
                            route, acc.child_id, acc.basis));
  return o;
}

PlanVersionView Plans::start(const Actor& actor, std::int64_t case_id, const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    auto acc = require_case(db, actor, case_id, Capability::CaseworkWrite, today);
    auto events = Casework::chronology_in(db, case_id);
    Stage stage = stage_of(events);
    if (stage != Stage::Drafting && stage != Stage::Plan && stage != Stage::Review && stage != Stage::Amendment)
      throw Error(Kind::Conflict, "case",
                  "a plan can be written once the council has decided to issue one (SEND Regulations 2014 reg 12)");
    auto plan = store::plan_of_case(db, case_id);
    std::int64_t plan_id = 0;
    if (plan) {
      plan_id = plan->id;
      if (store::working_version(db, plan_id))
        throw Error(Kind::Conflict, "plan", "a version of this plan is already being written: carry on with it");
    } else {
      plan_id = store::insert_plan(db, {0, case_id, acc.child_id, utc_timestamp(), actor.user_id});
    }
    store::PlanVersionRow v;
    v.plan_id = plan_id;
    v.status = "working";
    v.updated_at = utc_timestamp();
    v.updated_by = actor.user_id;
    auto issued = store::issued_versions(db, plan_id);
    Plan content;
    if (!issued.empty()) {
      content = parse_content(issued.front());
      v.based_on = issued.front().id;
    } else {
      // Section I from the child's current main placement; section K from the advice received.
      for (const auto& p : store::placements_of_child(db, acc.child_id)) {
        if (p.leaving_date || p.rank != 1) continue;
        content.placement.name = p.name;
        content.placement.urn = p.urn.value_or("");
        break;
      }
      for (const auto& r : store::advice_requests_of_case(db, case_id)) {
        if (r.status != "submitted") continue;
        PlanAdvice k;
        k.id = next_element_id(content, PlanSection::K);
        k.from = r.organisation_name;
        k.title = "Advice (" + r.advice_from + ")";
        if (r.responded_on) k.date = Date::parse(*r.responded_on);
        content.advice.push_back(std::move(k));
      }
    }
    auto kinds = issuable(stage, issued);
    v.kind = std::string(plan_kind_name(kinds.empty() ? PlanKind::Draft : kinds.front()));
    v.content = plan_to_json(content);
    v.id = store::insert_plan_version(db, v);
    store::append_audit(db, {audit(actor, "start-version", "plan", plan_id, route, acc.child_id, acc.basis)});
    return view_of(db, v, case_id, acc.child_id);
  });
}

PlanVersionView Plans::working(const Actor& actor, std::int64_t case_id, const std::string& route) {
  auto& db = storage_.read();
  auto acc = require_case(db, actor, case_id, Capability::CaseworkRead, today_());
  auto plan = store::plan_of_case(db, case_id);
  auto v = plan ? store::working_version(db, plan->id) : std::nullopt;
  if (!v) throw Error(Kind::NotFound, "plan", "no version of this plan is being written");
  storage_.audit_read(audit(actor, "read", "plan_version", v->id, route, acc.child_id, acc.basis));
  return view_of(db, *v, case_id, acc.child_id);
}

std::vector<store::OrganisationRow> Plans::provider_organisations(const Actor& actor, std::int64_t case_id) {
  auto& db = storage_.read();
  require_case(db, actor, case_id, Capability::CaseworkRead, today_());
  std::vector<store::OrganisationRow> out;
  for (auto& o : store::list_organisations(db))
    if (o.kind != "council") out.push_back(std::move(o));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

PlanVersionView Plans::save(const Actor& actor, std::int64_t case_id, int revision, Plan content,
                            const std::string& route) {
  Date today = today_();
  throw_first(validate_plan(content));
  return storage_.write([&](store::Database& db) {
    auto acc = require_case(db, actor, case_id, Capability::CaseworkWrite, today);
    auto plan = store::plan_of_case(db, case_id);
    auto v = plan ? store::working_version(db, plan->id) : std::nullopt;
    if (!v) throw Error(Kind::NotFound, "plan", "no version of this plan is being written");
    // The counter only grows, so an id is never reused for another element.
    content.last_number = std::max(content.last_number, parse_content(*v).last_number);
    auto json = plan_to_json(content);
    if (!store::update_working_version(db, v->id, revision, json, utc_timestamp(), actor.user_id))
      throw Error(Kind::Conflict, "revision",
                  "someone else saved this plan since you opened it: your changes were not saved; open it again "
                  "to see theirs");
    store::append_audit(db, {audit(actor, "save-version", "plan_version", v->id, route, acc.child_id, acc.basis)});
    auto saved = store::find_plan_version(db, v->id);
    return view_of(db, *saved, case_id, acc.child_id);
  });
}

void Plans::discard(const Actor& actor, std::int64_t case_id, const std::string& route) {
  Date today = today_();
  storage_.write([&](store::Database& db) {
    auto acc = require_case(db, actor, case_id, Capability::CaseworkWrite, today);
    auto plan = store::plan_of_case(db, case_id);
    auto v = plan ? store::working_version(db, plan->id) : std::nullopt;
    if (!v) throw Error(Kind::NotFound, "plan", "no version of this plan is being written");
    store::delete_working_version(db, v->id);
    store::append_audit(db, {audit(actor, "discard-version", "plan_version", v->id, route, acc.child_id, acc.basis)});
  });
}

PlanVersionView Plans::issue(const Actor& actor, std::int64_t case_id, PlanKind kind, Date served_on,
                             const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    auto acc = require_case(db, actor, case_id, Capability::CaseworkWrite, today);
    auto plan = store::plan_of_case(db, case_id);
    auto v = plan ? store::working_version(db, plan->id) : std::nullopt;
    if (!v) throw Error(Kind::NotFound, "plan", "no version of this plan is being written");
    auto issued = store::issued_versions(db, plan->id);
    auto events = Casework::chronology_in(db, case_id);
    auto allowed = issuable(stage_of(events), issued);
    if (std::find(allowed.begin(), allowed.end(), kind) == allowed.end())
      throw Error(Kind::Unprocessable, "kind",
                  std::string("this version cannot be issued as \"") + std::string(plan_kind_label(kind)) +
                      "\" at this stage of the case");
    Plan content = parse_content(*v);
    throw_first(validate_plan(content));

    Event e;
    e.type = event_of(kind);
    e.date = served_on;
    if (kind == PlanKind::Final || kind == PlanKind::Amended) {
      auto c = latest_commentable(issued);
      bool agreed = c && said_nothing_to_add(db, c->id);
      e.family_agreed = agreed;
      if (kind == PlanKind::Amended && c && !agreed) {
        // Reg 22(2): at least 15 days for the family's representations (the chronology checks A5 for
        // a final plan; this is the same rule for an amended plan).
        auto sent = Date::parse(c->issued_on.value_or(""));
        if (sent && served_on < sent->plus_days(15))
          throw Error(Kind::Unprocessable, "date",
                      "the family has until " + sent->plus_days(14).to_long_string() +
                          " to comment on the proposed amendments (SEND Regulations 2014 reg 22(2)); issue the "
                          "amended plan after that, unless they say they have nothing to add");
      }
    }
    auto recorded = casework_.append_event_in(db, actor, acc, case_id, e, route);
    store::issue_version(db, v->id, std::string(plan_kind_name(kind)), served_on.to_string(), utc_timestamp(), actor.user_id, recorded.id);
    store::append_audit(db, {audit(actor, "issue-version", "plan_version", v->id, route, acc.child_id, acc.basis)});
    auto done = store::find_plan_version(db, v->id);
    return view_of(db, *done, case_id, acc.child_id);
  });
}

PlanVersionView Plans::version(const Actor& actor, std::int64_t version_id, const std::string& route) {
  auto& db = storage_.read();
  Date today = today_();
  auto v = store::find_plan_version(db, version_id);
  auto plan = v ? store::find_plan(db, v->plan_id) : std::nullopt;
  if (!plan) throw Error(Kind::NotFound, "id", "no plan version with this id");
  auto acc = case_basis(db, actor, plan->case_id, today);
  if (!acc || (v->status != "issued" && acc->basis != Basis::CouncilStaff))
    throw Error(Kind::NotFound, "id", "no plan version with this id");
  if (!allows(acc->basis, Capability::PlanRead)) throw Error(Kind::Forbidden, "", "you cannot see this plan");
  if (acc->basis == Basis::QualityAudit) {
    // An auditor from outside the council reads only the version they were asked to audit.
    auto mine = store::audit_by_auditor(db, version_id, actor.user_id);
    if (!mine || mine->status != "open") throw Error(Kind::NotFound, "id", "no plan version with this id");
  }
  storage_.audit_read(audit(actor, "read", "plan_version", version_id, route, acc->child_id, acc->basis));
  return view_of(db, *v, plan->case_id, acc->child_id);
}

std::optional<PlanVersionView> Plans::in_force(const Actor& actor, std::int64_t case_id, const std::string& route) {
  auto& db = storage_.read();
  auto acc = require_case(db, actor, case_id, Capability::PlanRead, today_());
  auto plan = store::plan_of_case(db, case_id);
  auto v = plan ? store::latest_issued(db, plan->id, {"final", "amended"}) : std::nullopt;
  if (!v) return std::nullopt;
  storage_.audit_read(audit(actor, "read", "plan_version", v->id, route, acc.child_id, acc.basis));
  return view_of(db, *v, case_id, acc.child_id);
}

PlanComparison Plans::compare(const Actor& actor, std::int64_t earlier_version_id, std::int64_t later_version_id,
                              const std::string& route) {
  auto a = version(actor, earlier_version_id, route);
  auto b = version(actor, later_version_id, route);
  if (a.row.plan_id != b.row.plan_id)
    throw Error(Kind::Unprocessable, "to", "the two versions must be of the same plan");
  return compare_plans(a.plan, b.plan);
}

store::PlanCommentRow Plans::comment(const Actor& actor, std::int64_t version_id, const std::string& element_id,
                                     std::string body, const std::string& route) {
  Date today = today_();
  std::vector<FieldError> errors;
  check_free_text(body, "comment", "Your comment", true, errors, 5000);
  throw_first(errors);
  return storage_.write([&](store::Database& db) {
    auto v = store::find_plan_version(db, version_id);
    auto plan = v ? store::find_plan(db, v->plan_id) : std::nullopt;
    if (!plan || v->status != "issued") throw Error(Kind::NotFound, "id", "no plan version with this id");
    auto acc = require_case(db, actor, plan->case_id, Capability::FamilyWrite, today);
    auto issued = store::issued_versions(db, plan->id);
    auto c = latest_commentable(issued);
    if (!c || c->id != version_id)
      throw Error(Kind::Conflict, "version",
                  "a later version of the plan has been issued: comment on that one, or contact your caseworker");
    Plan content = parse_content(*v);
    bool known = element_id == "I" || element_id == "general";
    for (const auto& l : plan_lines(content))
      if (l.id == element_id) known = true;
    if (!known) throw Error(Kind::Unprocessable, "element", "choose a part of the plan to comment on");
    store::PlanCommentRow row;
    row.version_id = version_id;
    row.element_id = element_id;
    row.body = body;
    row.author_id = actor.user_id;
    row.created_at = utc_timestamp();
    row.id = store::insert_plan_comment(db, row);
    store::append_audit(db, {audit(actor, "comment", "plan_version", version_id, route, acc.child_id, acc.basis)});
    return *store::find_plan_comment(db, row.id);
  });
}

void Plans::nothing_to_add(const Actor& actor, std::int64_t version_id, const std::string& route) {
  Date today = today_();
  storage_.write([&](store::Database& db) {
    auto v = store::find_plan_version(db, version_id);
    auto plan = v ? store::find_plan(db, v->plan_id) : std::nullopt;
    if (!plan || v->status != "issued") throw Error(Kind::NotFound, "id", "no plan version with this id");
    auto acc = require_case(db, actor, plan->case_id, Capability::FamilyWrite, today);
    auto c = latest_commentable(store::issued_versions(db, plan->id));
    if (!c || c->id != version_id)
      throw Error(Kind::Conflict, "version", "a later version of the plan has been issued");
    store::insert_plan_family_response(db, {0, version_id, actor.user_id, true, "", false, utc_timestamp()});
    store::append_audit(db,
                        {audit(actor, "nothing-to-add", "plan_version", version_id, route, acc.child_id, acc.basis)});
  });
}

std::vector<store::PlanCommentRow> Plans::comments(const Actor& actor, std::int64_t version_id,
                                                   const std::string& route) {
  auto& db = storage_.read();
  auto v = store::find_plan_version(db, version_id);
  auto plan = v ? store::find_plan(db, v->plan_id) : std::nullopt;
  if (!plan) throw Error(Kind::NotFound, "id", "no plan version with this id");
  auto acc = require_case(db, actor, plan->case_id, Capability::PlanRead, today_());
  // The working version is the council's alone: to anyone else it does not exist.
  if (v->status != "issued" && acc.basis != Basis::CouncilStaff)
    throw Error(Kind::NotFound, "id", "no plan version with this id");
  storage_.audit_read(audit(actor, "read-comments", "plan_version", version_id, route, acc.child_id, acc.basis));
  return store::plan_comments(db, version_id);
}

void Plans::respond(const Actor& actor, std::int64_t comment_id, std::string response, const std::string& route) {
  Date today = today_();
  std::vector<FieldError> errors;
  check_free_text(response, "response", "Your response", true, errors, 5000);
  throw_first(errors);
  storage_.write([&](store::Database& db) {
    auto c = store::find_plan_comment(db, comment_id);
    auto v = c ? store::find_plan_version(db, c->version_id) : std::nullopt;
    auto plan = v ? store::find_plan(db, v->plan_id) : std::nullopt;
    if (!plan) throw Error(Kind::NotFound, "id", "no comment with this id");
    auto acc = require_case(db, actor, plan->case_id, Capability::CaseworkWrite, today);
    store::respond_to_plan_comment(db, comment_id, response, actor.user_id, utc_timestamp());
    store::append_audit(db, {audit(actor, "respond", "plan_version", v->id, route, acc.child_id, acc.basis)});
  });
}

}  // namespace gt::app
