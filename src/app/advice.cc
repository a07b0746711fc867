// Advice (see advice.h).
#include "app/advice.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/case_projection.h"
#include "app/errors.h"
#include "app/event_json.h"
#include "app/notices.h"
#include "app/storage.h"
#include "domain/text.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/cases_store.h"
#include "store/children_store.h"
#include "store/needs_store.h"
#include "store/users_store.h"

namespace gt::app {

using Kind = Error::Kind;
using store::AdviceRequestRow;

// --- the rules -----------------------------------------------------------------------------------

Date advice_due_on(Date requested_on) { return requested_on.plus_weeks(6); }

bool organisation_fits(AdviceFrom from, std::string_view kind) {
  switch (from) {
    case AdviceFrom::EducationalPsychology: return kind == "ep_service";
    case AdviceFrom::Health: return kind == "health";
    case AdviceFrom::SocialCare: return kind == "social_care";
    case AdviceFrom::Education: return kind == "school";
    case AdviceFrom::Other: return !kind.empty() && kind != "council";
    case AdviceFrom::None: return false;
  }
  return false;
}

std::string advice_from_words(AdviceFrom from) {
  switch (from) {
    case AdviceFrom::EducationalPsychology: return "educational psychology advice";
    case AdviceFrom::Health: return "health advice";
    case AdviceFrom::SocialCare: return "social care advice";
    case AdviceFrom::Education: return "educational advice";
    case AdviceFrom::Other: return "advice";
    case AdviceFrom::None: return "advice";
  }
  return "advice";
}

const std::vector<AdviceSectionSpec>& advice_sections() {
  static const std::vector<AdviceSectionSpec> s = {
      {"needs", "The child or young person's special educational needs",
       "What you found, and how you found it (observation, assessment, records)", true, kSectionMax},
      {"outcomes", "The outcomes sought",
       "What the child or young person should be able to do, by when, for each need", true, kSectionMax},
      {"provision", "The provision required to meet each need",
       "Be specific: what, who, how often and for how long, need by need", true, kSectionMax},
      {"views", "The views of the child or young person and their family, as you heard them",
       "Optional. Their own words where you can", false, kSectionMax},
      {"other", "Anything else the council should know", "Optional", false, kSectionMax},
  };
  return s;
}

std::vector<SectionText> parse_sections(const std::optional<std::string>& text) {
  std::vector<SectionText> out;
  if (!text) return out;
  auto j = nlohmann::json::parse(*text, nullptr, false);
  if (!j.is_object()) return out;
  std::set<std::string> seen;
  for (const auto& spec : advice_sections()) {
    seen.insert(spec.key);
    auto it = j.find(spec.key);
    if (it != j.end() && it->is_string() && !it->get<std::string>().empty())
      out.push_back({spec.key, spec.label, it->get<std::string>()});
  }
  for (auto it = j.begin(); it != j.end(); ++it)
    if (!seen.count(it.key()) && it->is_string() && !it->get<std::string>().empty())
      out.push_back({it.key(), it.key(), it->get<std::string>()});
  return out;
}

namespace {

// Characters, not bytes (UTF-8 continuation bytes are not counted).
std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

store::AuditRow audit(const Actor& a, const char* action, std::int64_t request_id, const std::string& route,
                      std::int64_t child_id, Basis basis) {
  return store::AuditRow{utc_timestamp(), a.user_id, action, "advice_request", request_id, route, child_id,
                         std::string(basis_name(basis))};
}

AdviceFrom from_of(const AdviceRequestRow& r) { return parse_advice_from(r.advice_from).value_or(AdviceFrom::Other); }

bool shared_with(store::Database& db, std::int64_t child_id, std::int64_t org) {
  return store::consent_in_force(db, child_id, org) || store::override_on_record(db, child_id, org);
}

// Who hears about advice for a case: its caseworker, or - when none is assigned or they have
// left - every active caseworker and team manager of the council.
std::vector<std::int64_t> council_recipients(store::Database& db, std::int64_t case_id) {
  auto c = store::find_case(db, case_id);
  if (c && c->caseworker_id) {
    auto u = store::find_user(db, *c->caseworker_id);
    if (u && u->active) return {u->id};
  }
  std::vector<std::int64_t> out;
  for (const char* role : {"caseworker", "manager"})
    for (const auto& u : store::list_users(db, role))
      if (u.active && (!u.organisation_id || u.organisation_kind == "council")) out.push_back(u.id);
  return out;
}

// Nobody is told of their own action (`except`).
void notify_council(store::Database& db, std::int64_t case_id, const Notice& n, std::int64_t except = 0) {
  for (auto id : council_recipients(db, case_id))
    if (id != except) notify_user(db, id, n);
}

// The case's events in force, in date order (the same reading as Casework's).
std::vector<Event> chronology_in_force(const std::vector<store::EventRow>& rows) {
  std::set<std::int64_t> superseded;
  for (const auto& r : rows)
    if (r.supersedes) superseded.insert(*r.supersedes);
  std::vector<Event> out;
  for (const auto& r : rows)
    if (r.payload && !superseded.count(r.id)) out.push_back(event_from_json(nlohmann::json::parse(*r.payload)));
  std::stable_sort(out.begin(), out.end(), [](const Event& a, const Event& b) { return a.date < b.date; });
  return out;
}

// The case's next council deadline, in words, for "what is needed next".
struct NextDeadline {
  std::string summary;
  Date due;
};
std::optional<NextDeadline> next_deadline(store::Database& db, std::int64_t case_id, Date today) {
  CaseProjection p = project_case(chronology_in_force(store::events_of_case(db, case_id)), today);
  if (!p.next_due) return std::nullopt;
  for (const auto& d : p.clock.deadlines)
    if (d.open() && !d.family_deadline && d.due == *p.next_due) return NextDeadline{std::string(d.summary), d.due};
  return std::nullopt;
}

std::string next_words(const std::optional<NextDeadline>& n) {
  if (!n) return "There is no council deadline open on this case.";
  return "The case's next council deadline: " + n->summary + ", by " + n->due.to_long_string() + ".";
}

// The id of the advice_requested entry in force for `advice_id`, if any.
std::optional<std::int64_t> requested_entry(const std::vector<store::EventRow>& rows, const std::string& advice_id) {
  std::set<std::int64_t> superseded;
  for (const auto& r : rows)
    if (r.supersedes) superseded.insert(*r.supersedes);
  for (const auto& r : rows) {
    if (!r.payload || superseded.count(r.id) || r.type != "advice_requested") continue;
    auto j = nlohmann::json::parse(*r.payload, nullptr, false);
    if (j.is_object() && j.value("id", std::string()) == advice_id) return r.id;
  }
  return std::nullopt;
}

// A new advice id for the case: "ep1", "health2", ... unused by its requests and its chronology.
std::string new_advice_id(store::Database& db, std::int64_t case_id, AdviceFrom from) {
  std::set<std::string> used;
  for (auto& id : store::advice_ids_of_case(db, case_id)) used.insert(id);
  for (const auto& r : store::events_of_case(db, case_id)) {
    if (!r.payload) continue;
    auto j = nlohmann::json::parse(*r.payload, nullptr, false);
    if (j.is_object() && j.contains("id") && j["id"].is_string()) used.insert(j["id"].get<std::string>());
  }
  std::string prefix;
  switch (from) {
    case AdviceFrom::EducationalPsychology: prefix = "ep"; break;
    case AdviceFrom::Health: prefix = "health"; break;
    case AdviceFrom::SocialCare: prefix = "sc"; break;
    case AdviceFrom::Education: prefix = "edu"; break;
    default: prefix = "other"; break;
  }
  for (int n = 1;; ++n)
    if (!used.count(prefix + std::to_string(n))) return prefix + std::to_string(n);
}

std::string trimmed_copy(const std::string& s) { return std::string(trimmed(s)); }

std::string request_link(std::int64_t id) { return "/advice/" + std::to_string(id); }
std::string council_link(const AdviceRequestRow& r) {
  return "/cases/" + std::to_string(r.case_id) + "/advice/" + std::to_string(r.id);
}

// An advice giver's (or, to be refused, anyone else's) access to one request: the case's access
// decides NotFound / Forbidden; then the request must be the advice giver's organisation's and
// still open, else NotFound (its existence is not revealed).
struct GiverAccess {
  AdviceRequestRow row;
  CaseAccess access;
};
GiverAccess giver_access(store::Database& db, const Actor& actor, std::int64_t request_id, Capability need,
                         Date today) {
  auto row = store::find_advice_request(db, request_id);
  if (!row) throw Error(Kind::NotFound, "id", "There is no advice request at this address.");
  CaseAccess acc = require_case(db, actor, row->case_id, need, today);
  if (acc.basis != Basis::AdviceRequested || !actor.organisation_id ||
      row->organisation_id != *actor.organisation_id || row->status != "requested")
    throw Error(Kind::NotFound, "id", "There is no advice request at this address.");
  return {*row, acc};
}

AdviceRequestRow council_row(store::Database& db, std::int64_t case_id, std::int64_t request_id) {
  auto row = store::find_advice_request(db, request_id);
  if (!row || row->case_id != case_id)
    throw Error(Kind::NotFound, "request_id", "There is no such advice request on this case.");
  return *row;
}

}  // namespace

// --- the council ---------------------------------------------------------------------------------

Advice::Advice(Storage& storage, const Today& today, const ServicesSettings& settings)
    : storage_(storage), today_(today), settings_(settings), casework_(storage, today) {}

AskContext Advice::ask_context(const Actor& actor, std::int64_t case_id, const std::string& route) {
  auto& db = storage_.read();
  CaseAccess acc = require_case(db, actor, case_id, Capability::CaseworkWrite, today_());
  auto child = store::find_child(db, acc.child_id);
  if (!child) throw Error(Kind::NotFound, "id", "There is no case at this address.");
  AskContext out;
  out.case_id = case_id;
  out.child_id = acc.child_id;
  out.child_name = child->given_name + " " + child->family_name;
  for (auto& o : store::list_organisations(db)) {
    if (o.kind == "council") continue;
    std::string sharing = store::consent_in_force(db, acc.child_id, o.id)     ? "consent"
                          : store::override_on_record(db, acc.child_id, o.id) ? "override"
                                                                              : "none";
    out.organisations.push_back({std::move(o), sharing});
  }
  storage_.audit_read(store::AuditRow{utc_timestamp(), actor.user_id, "read", "case", case_id, route, acc.child_id,
                                      std::string(basis_name(acc.basis))});
  return out;
}

AdviceRequestRow Advice::request_advice(const Actor& actor, std::int64_t case_id, const AdviceRequestInput& in,
                                        const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    CaseAccess acc = require_case(db, actor, case_id, Capability::CaseworkWrite, today);
    auto from = parse_advice_from(in.advice_from);
    if (!from || *from == AdviceFrom::None)
      throw Error(Kind::Unprocessable, "advice_from", "Choose the type of advice you are asking for");
    if (!in.organisation_id) throw Error(Kind::Unprocessable, "organisation_id", "Choose the organisation to ask");
    auto org = store::find_organisation(db, in.organisation_id);
    if (!org || org->kind == "council")
      throw Error(Kind::Unprocessable, "organisation_id", "Choose the organisation to ask");
    if (!organisation_fits(*from, org->kind))
      throw Error(Kind::Unprocessable, "organisation_id",
                  org->name + " cannot be asked for " + advice_from_words(*from) +
                      ": choose an organisation of the right kind");
    if (!in.requested_on) throw Error(Kind::Unprocessable, "requested_on", "Enter the date the advice was asked for");
    std::string basis;
    if (store::consent_in_force(db, acc.child_id, org->id)) basis = "consent";
    else if (store::override_on_record(db, acc.child_id, org->id)) basis = "override";
    else
      throw Error(Kind::Unprocessable, "organisation_id",
                  "The child's record cannot be shared with " + org->name +
                      ": there is no consent to share in force and no override on record");
    if (store::open_request_exists(db, case_id, org->id, std::string(advice_from_name(*from))))
      throw Error(Kind::Conflict, "organisation_id",
                  org->name + " has already been asked for this advice on this case and has not answered yet");

    AdviceRequestRow r;
    r.case_id = case_id;
    r.child_id = acc.child_id;
    r.organisation_id = org->id;
    r.advice_from = std::string(advice_from_name(*from));
    r.advice_id = new_advice_id(db, case_id, *from);
    r.requested_on = in.requested_on->to_string();
    Date due = advice_due_on(*in.requested_on);
    r.due_on = due.to_string();
    r.basis = basis;
    r.created_by = actor.user_id;
    r.created_at = utc_timestamp();
    r.id = store::insert_advice_request(db, r);

    Event e;
    e.type = EventType::AdviceRequested;
    e.date = *in.requested_on;
    e.advice_from = *from;
    e.id = r.advice_id;
    try {
      casework_.append_event_in(db, actor, acc, case_id, e, route);
    } catch (const Error& err) {
      // The chronology's refusals (the date, the stage, the order) are about when it was asked.
      if (err.kind == Kind::Unprocessable) throw Error(err.kind, "requested_on", err.reason);
      throw;
    }
    store::append_audit(db, {audit(actor, "create", r.id, route, acc.child_id, acc.basis)});

    Notice n;
    n.kind = "advice_requested";
    n.what_changed = "The council has asked " + org->name + " for " + advice_from_words(*from) +
                     " for an education, health and care needs assessment.";
    n.what_needed = "Send your advice, or decline with a reason, by " + due.to_long_string() +
                    " (6 weeks from the request, SEND Regulations 2014 reg 8).";
    n.due = due;
    n.link = request_link(r.id);
    n.child_id = acc.child_id;
    n.case_id = case_id;
    notify_organisation(db, org->id, n);
    return *store::find_advice_request(db, r.id);
  });
}

std::vector<AdviceRequestRow> Advice::requests_of_case(const Actor& actor, std::int64_t case_id,
                                                       const std::string& route) {
  auto& db = storage_.read();
  CaseAccess acc = require_case(db, actor, case_id, Capability::CaseworkRead, today_());
  auto rows = store::advice_requests_of_case(db, case_id);
  storage_.audit_read(store::AuditRow{utc_timestamp(), actor.user_id, "list", "advice_request", case_id, route,
                                      acc.child_id, std::string(basis_name(acc.basis))});
  return rows;
}

CouncilAdviceView Advice::council_view(const Actor& actor, std::int64_t case_id, std::int64_t request_id,
                                       const std::string& route) {
  auto& db = storage_.read();
  CaseAccess acc = require_case(db, actor, case_id, Capability::CaseworkRead, today_());
  CouncilAdviceView v;
  v.request = council_row(db, case_id, request_id);
  v.sections = parse_sections(v.request.sections);
  if (v.request.reused_from) {
    v.reuse_of = store::find_advice_request(db, *v.request.reused_from);
    if (v.reuse_of) v.reuse_sections = parse_sections(v.reuse_of->sections);
  }
  v.today = today_();
  storage_.audit_read(audit(actor, "read", request_id, route, acc.child_id, acc.basis));
  return v;
}

void Advice::withdraw(const Actor& actor, std::int64_t case_id, std::int64_t request_id, const std::string& reason_in,
                      const std::string& route) {
  std::string reason = trimmed_copy(reason_in);
  Date today = today_();
  // First the checks, then the chronology's strike-out (Casework's own transaction, re-checking
  // the whole chronology), then the request. Advice submitted in between makes the strike-out
  // fail (its advice_received needs the request); advice submitted after it is refused by the
  // chronology. So the two never disagree.
  std::optional<std::int64_t> entry = storage_.write([&](store::Database& db) {
    require_case(db, actor, case_id, Capability::CaseworkWrite, today);
    AdviceRequestRow row = council_row(db, case_id, request_id);
    if (reason.empty()) throw Error(Kind::Unprocessable, "reason", "Say why the request is being withdrawn");
    if (char_count(reason) > kWithdrawReasonMax)
      throw Error(Kind::Unprocessable, "reason",
                  "The reason must be " + thousands(kWithdrawReasonMax) + " characters or fewer");
    if (row.status != "requested" && row.status != "declined")
      throw Error(Kind::Conflict, "reason", "This request has already been " + row.status + ": it cannot be withdrawn");
    return requested_entry(store::events_of_case(db, case_id), row.advice_id);
  });
  if (entry) casework_.supersede_event(actor, case_id, *entry, "Advice request withdrawn: " + reason, std::nullopt, route);
  storage_.write([&](store::Database& db) {
    CaseAccess acc = require_case(db, actor, case_id, Capability::CaseworkWrite, today);
    AdviceRequestRow row = council_row(db, case_id, request_id);
    if (!store::record_advice_withdrawn(db, request_id))
      throw Error(Kind::Conflict, "reason", "This request has already been " + row.status + ": it cannot be withdrawn");
    store::append_audit(db, {audit(actor, "withdraw", request_id, route, acc.child_id, acc.basis)});
    Notice n;
    n.kind = "advice_withdrawn";
    n.what_changed = "The council has withdrawn its request for " + advice_from_words(from_of(row)) + " (reference " +
                     row.advice_id + ", asked on " + Date::parse(row.requested_on)->to_long_string() + ").";
    n.what_needed = "Nothing: you no longer need to send this advice.";
    n.link = "/advice";
    n.case_id = case_id;
    n.child_id = acc.child_id;
    notify_organisation(db, row.organisation_id, n);
  });
}

// --- the advice giver ----------------------------------------------------------------------------

Inbox Advice::inbox(const Actor& actor, const std::string& status, const std::string& route) {
  if (actor.role != "advice_giver" || !actor.organisation_id)
    throw Error(Kind::Forbidden, "", "Only advice givers have an inbox of advice requests");
  static const std::set<std::string> statuses{"", "requested", "submitted", "declined", "withdrawn"};
  if (!statuses.count(status)) throw Error(Kind::BadRequest, "status", "There is no such status");
  auto& db = storage_.read();
  Inbox out;
  out.organisation_name = actor.organisation_name;
  out.today = today_();
  std::vector<store::AuditRow> reads;
  for (auto& r : store::advice_requests_of_organisation(db, *actor.organisation_id, status)) {
    bool visible = r.status == "requested" && shared_with(db, r.child_id, r.organisation_id);
    if (visible) {
      reads.push_back(audit(actor, "list", r.id, route, r.child_id, Basis::AdviceRequested));
    } else {
      r.child_given_name.clear();
      r.child_family_name.clear();
      r.child_date_of_birth.clear();
    }
    out.rows.push_back({std::move(r), visible});
  }
  for (auto& a : reads) storage_.audit_read(std::move(a));
  return out;
}

GiverView Advice::request_for_giver(const Actor& actor, std::int64_t request_id, const std::string& route,
                                    Capability need) {
  auto& db = storage_.read();
  Date today = today_();
  GiverAccess g = giver_access(db, actor, request_id, need, today);
  GiverView v;
  v.request = g.row;
  v.today = today;
  auto child = store::find_child(db, g.row.child_id);
  if (!child) throw Error(Kind::NotFound, "id", "There is no advice request at this address.");
  v.child = *child;
  v.needs = store::current_needs(db, g.row.child_id);
  for (auto& p : store::placements_of_child(db, g.row.child_id))
    if (p.entry_date <= today.to_string() && (!p.leaving_date || *p.leaving_date > today.to_string()))
      v.placements.push_back(std::move(p));
  v.earlier = store::submitted_advice_for_child(db, g.row.organisation_id, g.row.child_id, g.row.id);
  if (g.row.reused_from) {
    v.reuse_of = store::find_advice_request(db, *g.row.reused_from);
    if (v.reuse_of) v.reuse_sections = parse_sections(v.reuse_of->sections);
  }
  storage_.audit_read(audit(actor, "read", request_id, route, g.row.child_id, g.access.basis));
  return v;
}

std::vector<std::pair<std::string, std::string>> validate_sections(const SectionInput& in) {
  std::vector<std::pair<std::string, std::string>> errors;
  std::map<std::string, std::string> given;
  for (const auto& [k, v] : in) given[k] = trimmed_copy(v);
  for (const auto& spec : advice_sections()) {
    const std::string& text = given[spec.key];
    if (spec.required && text.empty()) errors.emplace_back(spec.key, "Enter " + [&] {
      std::string l = spec.label;
      if (!l.empty() && l[0] >= 'A' && l[0] <= 'Z') l[0] = static_cast<char>(l[0] - 'A' + 'a');
      return l;
    }());
    else if (char_count(text) > spec.max_chars)
      errors.emplace_back(spec.key, "This section must be " + thousands(spec.max_chars) + " characters or fewer");
  }
  return errors;
}

AdviceRequestRow Advice::submit(const Actor& actor, std::int64_t request_id, const SectionInput& in,
                                const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    GiverAccess g = giver_access(db, actor, request_id, Capability::AdviceWrite, today);
    auto errors = validate_sections(in);
    if (!errors.empty()) throw Error(Kind::Unprocessable, errors.front().first, errors.front().second);
    nlohmann::json j = nlohmann::json::object();
    std::map<std::string, std::string> given;
    for (const auto& [k, v] : in) given[k] = trimmed_copy(v);
    for (const auto& spec : advice_sections()) j[spec.key] = given[spec.key];
    // Fresh advice replaces any offer of reuse.
    if (!store::record_advice_submitted(db, request_id, j.dump(), today.to_string(), actor.user_id, false))
      throw Error(Kind::Conflict, "id", "This request has already been answered");
    Event e;
    e.type = EventType::AdviceReceived;
    e.date = today;
    e.id = g.row.advice_id;
    casework_.append_event_in(db, actor, g.access, g.row.case_id, e, route);
    store::append_audit(db, {audit(actor, "submit", request_id, route, g.row.child_id, g.access.basis)});
    auto next = next_deadline(db, g.row.case_id, today);
    Notice n;
    n.kind = "advice_received";
    n.what_changed = g.row.organisation_name + " has sent its " + advice_from_words(from_of(g.row)) + " (reference " +
                     g.row.advice_id + ").";
    n.what_needed = "Read the advice. " + next_words(next);
    if (next) n.due = next->due;
    n.link = council_link(g.row);
    n.case_id = g.row.case_id;
    n.child_id = g.row.child_id;
    notify_council(db, g.row.case_id, n);
    return *store::find_advice_request(db, request_id);
  });
}

AdviceRequestRow Advice::decline(const Actor& actor, std::int64_t request_id, const std::string& reason_in,
                                 const std::string& route) {
  std::string reason = trimmed_copy(reason_in);
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    GiverAccess g = giver_access(db, actor, request_id, Capability::AdviceWrite, today);
    if (reason.empty()) throw Error(Kind::Unprocessable, "reason", "Say why you cannot give this advice");
    if (char_count(reason) > kDeclineReasonMax)
      throw Error(Kind::Unprocessable, "reason",
                  "The reason must be " + thousands(kDeclineReasonMax) + " characters or fewer");
    if (!store::record_advice_declined(db, request_id, reason, today.to_string(), actor.user_id))
      throw Error(Kind::Conflict, "id", "This request has already been answered");
    store::append_audit(db, {audit(actor, "decline", request_id, route, g.row.child_id, g.access.basis)});
    auto next = next_deadline(db, g.row.case_id, today);
    Notice n;
    n.kind = "advice_declined";
    n.what_changed = g.row.organisation_name + " has declined to give " + advice_from_words(from_of(g.row)) +
                     " (reference " + g.row.advice_id + "). Their reason is on the request's page.";
    n.what_needed = "Ask another organisation for this advice, or withdraw the request. " + next_words(next);
    if (next) n.due = next->due;
    n.link = council_link(g.row);
    n.case_id = g.row.case_id;
    n.child_id = g.row.child_id;
    notify_council(db, g.row.case_id, n);
    return *store::find_advice_request(db, request_id);
  });
}

AdviceRequestRow Advice::offer_reuse(const Actor& actor, std::int64_t request_id, std::int64_t earlier_id,
                                     const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    GiverAccess g = giver_access(db, actor, request_id, Capability::AdviceWrite, today);
    auto earlier = earlier_id ? store::find_advice_request(db, earlier_id) : std::nullopt;
    if (!earlier || earlier->id == g.row.id || earlier->organisation_id != g.row.organisation_id ||
        earlier->child_id != g.row.child_id || earlier->status != "submitted" || !earlier->sections)
      throw Error(Kind::Unprocessable, "earlier_id",
                  "Choose advice your organisation has already given for this child or young person");
    if (!store::record_reuse_offer(db, request_id, earlier->id, actor.user_id))
      throw Error(Kind::Conflict, "id", "This request has already been answered");
    store::append_audit(db, {audit(actor, "offer_reuse", request_id, route, g.row.child_id, g.access.basis)});
    std::string given_on = earlier->responded_on ? Date::parse(*earlier->responded_on)->to_long_string() : "earlier";
    Notice fam;
    fam.kind = "advice_reuse_offered";
    fam.what_changed = g.row.organisation_name + " has offered the advice it gave on " + given_on +
                       " instead of writing new advice.";
    fam.what_needed = "Tell us whether you agree to that advice being used again. It counts only if you and the "
                      "council both agree.";
    fam.due = Date::parse(g.row.due_on);
    fam.link = "/family/advice-reuse/" + std::to_string(request_id);
    fam.case_id = g.row.case_id;
    fam.child_id = g.row.child_id;
    notify_family(db, g.row.child_id, fam, today);
    Notice council = fam;
    council.what_needed = "Decide whether the earlier advice can be used again. It counts only if the family and "
                          "the council both agree.";
    council.link = council_link(g.row) + "/reuse";
    notify_council(db, g.row.case_id, council);
    return *store::find_advice_request(db, request_id);
  });
}

// --- reuse: each side's answer -------------------------------------------------------------------

namespace {

struct ReuseParties {
  const Actor& actor;
  const std::string& route;
  Date today;
};

}  // namespace

// When both sides agreed: the earlier advice becomes this request's advice and advice_received is
// appended; everyone is told. Otherwise the other parties hear of this answer.
static void after_reuse_answer(store::Database& db, Casework& casework, const ReuseParties& p, const CaseAccess& acc,
                               const AdviceRequestRow& row, bool by_family) {
  bool refused = row.family_agreed < 0 || row.council_agreed < 0;
  bool agreed = row.family_agreed > 0 && row.council_agreed > 0;
  std::string words = advice_from_words(from_of(row));
  Notice base;
  base.case_id = row.case_id;
  base.child_id = row.child_id;
  if (agreed) {
    auto earlier = store::find_advice_request(db, *row.reused_from);
    if (!earlier || !earlier->sections) throw Error(Kind::Conflict, "id", "The earlier advice is no longer available");
    if (!store::record_advice_submitted(db, row.id, *earlier->sections, p.today.to_string(),
                                        row.responded_by.value_or(p.actor.user_id), true))
      throw Error(Kind::Conflict, "id", "This request has already been answered");
    Event e;
    e.type = EventType::AdviceReceived;
    e.date = p.today;
    e.id = row.advice_id;
    casework.append_event_in(db, p.actor, acc, row.case_id, e, p.route);
    store::append_audit(db, {audit(p.actor, "reuse_agreed", row.id, p.route, row.child_id, acc.basis)});

    Notice org = base;
    org.kind = "advice_reuse_agreed";
    org.what_changed = "The family and the council agreed that your earlier advice is used again for this request "
                       "(reference " + row.advice_id + ").";
    org.what_needed = "Nothing: it counts as your " + words + ".";
    org.link = "/advice";
    notify_organisation(db, row.organisation_id, org);
    Notice fam = base;
    fam.kind = "advice_reuse_agreed";
    fam.what_changed = "You and the council agreed that " + row.organisation_name + "'s earlier advice is used again.";
    fam.what_needed = "Nothing: you do not need to tell your story again for this advice.";
    fam.link = "/family/advice-reuse/" + std::to_string(row.id);
    notify_family(db, row.child_id, fam, p.today);
    auto next = next_deadline(db, row.case_id, p.today);
    Notice council = base;
    council.kind = "advice_received";
    council.what_changed = "The family and the council agreed to reuse " + row.organisation_name + "'s earlier " +
                           words + ": it counts as the advice asked for (reference " + row.advice_id + ").";
    council.what_needed = "Read the advice. " + next_words(next);
    if (next) council.due = next->due;
    council.link = council_link(row);
    notify_council(db, row.case_id, council, p.actor.user_id);
    return;
  }
  std::string who = by_family ? "The family" : "The council";
  bool this_agreed = by_family ? row.family_agreed > 0 : row.council_agreed > 0;
  if (refused) {
    Notice org = base;
    org.kind = "advice_reuse_refused";
    org.what_changed = who + " did not agree to your earlier advice being used again (reference " + row.advice_id + ").";
    org.what_needed = "Write new advice, or decline with a reason, by " + Date::parse(row.due_on)->to_long_string() + ".";
    org.due = Date::parse(row.due_on);
    org.link = request_link(row.id);
    notify_organisation(db, row.organisation_id, org);
  }
  Notice other = base;
  other.kind = refused ? "advice_reuse_refused" : "advice_reuse_answered";
  other.what_changed = who + (this_agreed ? " agreed" : " did not agree") + " to " + row.organisation_name +
                       "'s earlier advice being used again.";
  if (by_family) {
    other.what_needed = refused ? "Nothing: the organisation will write new advice."
                                : "Decide whether the earlier advice can be used again.";
    other.link = council_link(row) + "/reuse";
    if (!refused) other.due = Date::parse(row.due_on);
    notify_council(db, row.case_id, other);
  } else {
    other.what_needed = refused ? "Nothing: the organisation will write new advice."
                                : "Tell us whether you agree to the earlier advice being used again.";
    other.link = "/family/advice-reuse/" + std::to_string(row.id);
    if (!refused) other.due = Date::parse(row.due_on);
    notify_family(db, row.child_id, other, p.today);
  }
}

AdviceRequestRow Advice::council_answer_reuse(const Actor& actor, std::int64_t case_id, std::int64_t request_id,
                                              bool agree, const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    CaseAccess acc = require_case(db, actor, case_id, Capability::CaseworkWrite, today);
    AdviceRequestRow row = council_row(db, case_id, request_id);
    if (!row.reused_from) throw Error(Kind::NotFound, "request_id", "No earlier advice has been offered for this request.");
    if (row.status != "requested") throw Error(Kind::Conflict, "agree", "This request has already been " + row.status);
    if (row.council_agreed != 0) throw Error(Kind::Conflict, "agree", "The council has already answered this offer");
    if (!store::record_council_reuse_answer(db, request_id, agree ? 1 : -1))
      throw Error(Kind::Conflict, "agree", "This request has already been answered");
    store::append_audit(db, {audit(actor, agree ? "agree_reuse" : "refuse_reuse", request_id, route, acc.child_id,
                                   acc.basis)});
    row = *store::find_advice_request(db, request_id);
    after_reuse_answer(db, casework_, ReuseParties{actor, route, today}, acc, row, false);
    return *store::find_advice_request(db, request_id);
  });
}

// --- the family ----------------------------------------------------------------------------------

FamilyReuseView Advice::reuse_for_family(const Actor& actor, std::int64_t request_id, const std::string& route,
                                         Capability need) {
  auto& db = storage_.read();
  Date today = today_();
  auto row = store::find_advice_request(db, request_id);
  if (!row) throw Error(Kind::NotFound, "id", "There is no offer to reuse advice at this address.");
  Basis basis = require_child(db, actor, row->child_id, need, today);
  if (!row->reused_from) throw Error(Kind::NotFound, "id", "There is no offer to reuse advice at this address.");
  auto earlier = store::find_advice_request(db, *row->reused_from);
  if (!earlier) throw Error(Kind::NotFound, "id", "There is no offer to reuse advice at this address.");
  FamilyReuseView v{*row, *earlier, parse_sections(earlier->sections), today};
  storage_.audit_read(audit(actor, "read", request_id, route, row->child_id, basis));
  return v;
}

AdviceRequestRow Advice::family_answer_reuse(const Actor& actor, std::int64_t request_id, bool agree,
                                             const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    auto found = store::find_advice_request(db, request_id);
    if (!found) throw Error(Kind::NotFound, "id", "There is no offer to reuse advice at this address.");
    Basis basis = require_child(db, actor, found->child_id, Capability::FamilyWrite, today);
    AdviceRequestRow row = *found;
    if (!row.reused_from) throw Error(Kind::NotFound, "id", "There is no offer to reuse advice at this address.");
    if (row.status != "requested") throw Error(Kind::Conflict, "agree", "This request has already been " + row.status);
    if (row.family_agreed != 0) throw Error(Kind::Conflict, "agree", "You have already answered this offer");
    if (!store::record_family_reuse_answer(db, request_id, agree ? 1 : -1))
      throw Error(Kind::Conflict, "agree", "This request has already been answered");
    store::append_audit(db, {audit(actor, agree ? "agree_reuse" : "refuse_reuse", request_id, route, row.child_id,
                                   basis)});
    row = *store::find_advice_request(db, request_id);
    after_reuse_answer(db, casework_, ReuseParties{actor, route, today}, CaseAccess{row.child_id, basis}, row, true);
    return *store::find_advice_request(db, request_id);
  });
}

}  // namespace gt::app
