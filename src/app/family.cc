#include "app/family.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "app/child_rows.h"
#include "app/errors.h"
#include "app/notices.h"
#include "app/storage.h"
#include "domain/roles.h"
#include "domain/text.h"
#include "store/access_store.h"
#include "store/audit_store.h"
#include "store/cases_store.h"
#include "store/children_store.h"
#include "store/family_store.h"

namespace gt::app {

namespace {

using Kind = Error::Kind;

store::AuditRow audit(const Actor& a, const char* action, const char* subject, std::optional<std::int64_t> id,
                      const std::string& route, std::optional<std::int64_t> child_id, std::optional<Basis> basis) {
  return store::AuditRow{utc_timestamp(), a.user_id, action, subject, id, route, child_id,
                         basis ? std::string(basis_name(*basis)) : std::string()};
}

bool is_family_basis(Basis b) {
  return b == Basis::ParentalResponsibility || b == Basis::ActingForYoungPerson || b == Basis::YoungPerson;
}

Child load_child(store::Database& db, std::int64_t child_id) {
  auto row = store::find_child(db, child_id);
  if (!row) throw Error(Kind::NotFound, "id", "no child or young person with this id");
  return child_from_row(*row);
}

AllAboutMeRecord record_of(const store::AllAboutMeRow& r, int versions) {
  AllAboutMeRecord out;
  out.text = AllAboutMe{r.views, r.interests, r.aspirations, r.what_works, r.what_does_not, r.communication};
  out.version_id = r.id;
  out.versions = versions;
  out.recorded_at = r.recorded_at;
  out.recorded_by_name = r.recorded_by_name;
  out.recorded_by_role = r.recorded_by_role;
  return out;
}

std::optional<AllAboutMeRecord> latest_about_me(store::Database& db, std::int64_t child_id) {
  auto versions = store::all_about_me_versions(db, child_id);
  if (versions.empty()) return std::nullopt;
  return record_of(versions.front(), static_cast<int>(versions.size()));
}

bool is_family_role(const std::string& role) {
  auto r = parse_role(role);
  return r && is_family(*r);
}

MessagePage message_page(store::Database& db, const Actor& actor, std::int64_t child_id, int page, int per_page) {
  MessagePage out;
  out.child = load_child(db, child_id);
  out.total = static_cast<int>(store::count_messages_of_child(db, child_id));
  out.per_page = per_page;
  int pages = std::max(1, (out.total + per_page - 1) / per_page);
  out.page = std::clamp(page, 1, pages);
  for (const auto& m : store::messages_of_child(db, child_id, per_page, (out.page - 1) * per_page)) {
    Message x;
    x.id = m.id;
    x.body = m.body;
    x.at = m.created_at;
    x.from_name = m.from_name;
    x.from_role = m.from_role;
    x.from_organisation = m.from_organisation;
    x.from_family = is_family_role(m.from_role);
    x.from_you = m.from_user == actor.user_id;
    out.messages.push_back(std::move(x));
  }
  return out;
}

void check_need(Capability need, Capability family, Capability council) {
  if (need != family && need != council) throw std::invalid_argument("Family: unexpected capability");
}

// Tells the council staff who answer for the child, inside the caller's transaction.
void tell_council(store::Database& db, std::int64_t child_id, const Notice& n) {
  for (auto id : store::council_contacts_of_child(db, child_id)) notify_user(db, id, n);
}

std::string path_of_child(std::int64_t child_id) { return "/children/" + std::to_string(child_id); }
std::string family_path_of_child(std::int64_t child_id) { return "/family/children/" + std::to_string(child_id); }

}  // namespace

Family::Family(Storage& storage, const Today& today, const ServicesSettings& settings)
    : storage_(storage), today_(today), settings_(settings), casework_(storage, today) {}

FamilyHome Family::home(const Actor& actor, const std::string& route) {
  if (!is_family_role(actor.role))
    throw Error(Kind::Forbidden, "", "this page is for parents, carers and young people");
  auto& db = storage_.read();
  Date today = today_();
  FamilyHome out;
  std::set<std::int64_t> seen;
  for (const auto& link : store::family_links_of_user(db, actor.user_id)) {
    if (!seen.insert(link.child_id).second) continue;
    auto basis = child_basis(db, actor, link.child_id, today);
    if (!basis || !allows(*basis, Capability::FamilyRead)) {
      ++out.hidden;
      continue;
    }
    FamilyChild fc;
    fc.child = load_child(db, link.child_id);
    fc.basis = *basis;
    auto cases = store::cases_of_child(db, link.child_id);
    if (cases.empty()) {
      storage_.audit_read(audit(actor, "read", "child", link.child_id, route, link.child_id, *basis));
    } else {
      CaseView v = casework_.case_view(actor, cases.back().id, route, Capability::FamilyRead);
      fc.case_id = v.summary.id;
      fc.stage = v.stage;
      fc.chronology = v.chronology;
      for (const auto& d : v.clock.deadlines)
        if (d.open() && (!fc.next || d.due < fc.next->due)) fc.next = d;
      for (const auto& r : appeal_rights(v.chronology))
        if (r.appeal_open(today)) fc.appeal = r;
      for (const auto& w : comment_windows(v.chronology))
        if (w.open(today)) fc.comment = w;
    }
    out.children.push_back(std::move(fc));
  }
  return out;
}

FamilyCaseView Family::child_view(const Actor& actor, std::int64_t child_id, const std::string& route) {
  auto& db = storage_.read();
  Date today = today_();
  Basis basis = require_child(db, actor, child_id, Capability::FamilyRead, today);
  FamilyCaseView out;
  out.today = today;
  out.child = load_child(db, child_id);
  out.basis = basis;
  out.cases = store::cases_of_child(db, child_id);
  std::reverse(out.cases.begin(), out.cases.end());
  out.about_me = latest_about_me(db, child_id);
  out.messages = message_page(db, actor, child_id, 1, 5);
  storage_.audit_read(audit(actor, "read", "child", child_id, route, child_id, basis));
  if (!out.cases.empty()) {
    out.current = casework_.case_view(actor, out.cases.front().id, route, Capability::FamilyRead);
    out.appeal_rights = appeal_rights(out.current->chronology);
    out.comment_windows = comment_windows(out.current->chronology);
  }
  return out;
}

std::optional<AllAboutMeRecord> Family::all_about_me(const Actor& actor, std::int64_t child_id,
                                                     const std::string& route) {
  auto& db = storage_.read();
  Basis basis = require_child(db, actor, child_id, Capability::AllAboutMeRead, today_());
  auto out = latest_about_me(db, child_id);
  storage_.audit_read(audit(actor, "read", "all_about_me", child_id, route, child_id, basis));
  return out;
}

Family::AboutMeDraft Family::all_about_me_draft(const Actor& actor, std::int64_t child_id, const std::string& route) {
  auto& db = storage_.read();
  Basis basis = require_child(db, actor, child_id, Capability::FamilyWrite, today_());
  AboutMeDraft out{load_child(db, child_id), latest_about_me(db, child_id)};
  storage_.audit_read(audit(actor, "read", "all_about_me", child_id, route, child_id, basis));
  return out;
}

AllAboutMeRecord Family::save_all_about_me(const Actor& actor, std::int64_t child_id, AllAboutMe text,
                                           const std::string& route) {
  Date today = today_();
  return storage_.write([&](store::Database& db) {
    Basis basis = require_child(db, actor, child_id, Capability::FamilyWrite, today);
    auto errors = validate_all_about_me(text);
    if (!errors.empty()) throw Error(Kind::Unprocessable, errors.front().field, errors.front().reason);
    auto versions = store::all_about_me_versions(db, child_id);
    if (!versions.empty()) {
      const auto& v = versions.front();
      if (v.views == text.views && v.interests == text.interests && v.aspirations == text.aspirations &&
          v.what_works == text.what_works && v.what_does_not == text.what_does_not &&
          v.communication == text.communication)
        return record_of(v, static_cast<int>(versions.size()));  // nothing changed: no new version
    }
    store::AllAboutMeRow row;
    row.child_id = child_id;
    row.views = text.views;
    row.interests = text.interests;
    row.aspirations = text.aspirations;
    row.what_works = text.what_works;
    row.what_does_not = text.what_does_not;
    row.communication = text.communication;
    row.recorded_by = actor.user_id;
    row.recorded_at = utc_timestamp();
    row.id = store::insert_all_about_me(db, row);
    row.recorded_by_name = actor.name;
    row.recorded_by_role = actor.role;
    store::append_audit(db, {audit(actor, "save", "all_about_me", child_id, route, child_id, basis)});
    Notice n;
    n.kind = "all_about_me_updated";
    n.what_changed = "The family has updated \"all about me\": the child's or young person's own words.";
    n.what_needed = "Read it before the next assessment, plan or review, and use it instead of asking again.";
    n.link = path_of_child(child_id);
    n.child_id = child_id;
    tell_council(db, child_id, n);
    return record_of(row, static_cast<int>(versions.size()) + 1);
  });
}

MessagePage Family::messages(const Actor& actor, std::int64_t child_id, Capability need, int page,
                             const std::string& route) {
  check_need(need, Capability::FamilyRead, Capability::CaseworkRead);
  auto& db = storage_.read();
  Basis basis = require_child(db, actor, child_id, need, today_());
  auto out = message_page(db, actor, child_id, page, kMessagesPerPage);
  storage_.audit_read(audit(actor, "read", "messages", child_id, route, child_id, basis));
  return out;
}

Message Family::send_message(const Actor& actor, std::int64_t child_id, const std::string& body, Capability need,
                             const std::string& route) {
  check_need(need, Capability::FamilyWrite, Capability::CaseworkWrite);
  Date today = today_();
  std::string text(trimmed(body));
  return storage_.write([&](store::Database& db) {
    Basis basis = require_child(db, actor, child_id, need, today);
    if (text.empty()) throw Error(Kind::Unprocessable, "body", "enter your message");
    if (text.size() > kMaxMessage)
      throw Error(Kind::Unprocessable, "body", "the message must be " + std::to_string(kMaxMessage) + " characters or fewer");
    store::MessageRow row;
    row.child_id = child_id;
    row.from_user = actor.user_id;
    row.body = text;
    row.created_at = utc_timestamp();
    row.id = store::insert_message(db, row);
    store::append_audit(db, {audit(actor, "send", "message", row.id, route, child_id, basis)});
    Notice n;
    n.child_id = child_id;
    if (is_family_basis(basis)) {
      n.kind = "message_from_family";
      n.what_changed = "The family has sent a message about their child.";
      n.what_needed = "Read it and reply.";
      n.link = path_of_child(child_id) + "/messages";
      tell_council(db, child_id, n);
    } else {
      n.kind = "message_from_council";
      n.what_changed = "The council's SEND team has sent you a message.";
      n.what_needed = "Read the message. You can reply on the same page.";
      n.link = family_path_of_child(child_id) + "/messages";
      notify_family(db, child_id, n, today);
    }
    Message m;
    m.id = row.id;
    m.body = row.body;
    m.at = row.created_at;
    m.from_name = actor.name;
    m.from_role = actor.role;
    m.from_organisation = actor.organisation_name;
    m.from_family = is_family_basis(basis);
    m.from_you = true;
    return m;
  });
}

namespace {
ContactPreferences from_row(const store::ContactPreferencesRow& r) {
  ContactPreferences p;
  p.by_email = r.by_email;
  p.by_post = r.by_post;
  p.by_phone = r.by_phone;
  p.phone = r.phone.value_or("");
  p.postal_address = r.postal_address.value_or("");
  p.language = r.language;
  p.accessible_format = r.accessible_format;
  p.email_detail = r.email_detail;
  return p;
}
std::optional<std::string> opt(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}
}  // namespace

ContactPreferences Family::contact_preferences(const Actor& actor) {
  return from_row(store::contact_preferences_of(storage_.read(), actor.user_id));
}

ContactPreferences Family::save_contact_preferences(const Actor& actor, ContactPreferences prefs,
                                                    const std::string& route) {
  if (actor.user_id <= 0) throw Error(Kind::Unauthenticated, "", "sign in first");
  auto errors = validate_contact_preferences(prefs);
  if (!errors.empty()) throw Error(Kind::Unprocessable, errors.front().field, errors.front().reason);
  storage_.write([&](store::Database& db) {
    store::ContactPreferencesRow row;
    row.user_id = actor.user_id;
    row.by_email = prefs.by_email;
    row.by_post = prefs.by_post;
    row.by_phone = prefs.by_phone;
    row.phone = opt(prefs.phone);
    row.postal_address = opt(prefs.postal_address);
    row.language = prefs.language;
    row.accessible_format = prefs.accessible_format;
    row.email_detail = prefs.email_detail;
    row.updated_at = utc_timestamp();
    store::save_contact_preferences(db, row);
    store::append_audit(db, {audit(actor, "save", "contact_preferences", actor.user_id, route, std::nullopt,
                                   std::nullopt)});
  });
  return prefs;
}

AccessLogPage Family::access_log(const Actor& actor, std::int64_t child_id, int page, const std::string& route) {
  auto& db = storage_.read();
  Basis basis = require_child(db, actor, child_id, Capability::FamilyRead, today_());
  AccessLogPage out;
  out.child = load_child(db, child_id);
  out.per_page = kAccessPerPage;
  out.total = static_cast<int>(store::count_child_access_log(db, child_id));
  int pages = std::max(1, (out.total + out.per_page - 1) / out.per_page);
  out.page = std::clamp(page, 1, pages);
  for (const auto& r : store::child_access_log(db, child_id, out.per_page, (out.page - 1) * out.per_page)) {
    AccessEntry e;
    e.at = r.at;
    e.action = r.action;
    e.subject = r.subject;
    e.basis = r.basis;
    e.who = r.user_name;
    e.role = r.user_role;
    e.organisation = r.organisation_name;
    e.you = r.user_id && *r.user_id == actor.user_id;
    out.entries.push_back(std::move(e));
  }
  storage_.audit_read(audit(actor, "read", "access_log", child_id, route, child_id, basis));
  return out;
}

}  // namespace gt::app
