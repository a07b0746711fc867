// The family's pages and the council's messages page (see page_family.h for the routes and what
// they promise).
#include "web/page_family.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "app/documents.h"
#include "domain/contact_preferences.h"
#include "domain/roles.h"
#include "domain/text.h"
#include "web/page_event_fields.h"
#include "web/page_form.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

using app::Error;

std::int64_t child_id_of(const Request& req) {
  auto id = req.id_param("id");
  if (!id) throw Error(Error::Kind::NotFound, "id", "There is no child or young person at this address.");
  return *id;
}

int page_number(const Request& req) {
  std::string p = req.query_fields().value("page");
  if (p.empty() || p.size() > 6 || !std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return 1;
  return std::max(1, std::stoi(p));
}

std::string family_href(std::int64_t id) { return "/family/children/" + std::to_string(id); }
std::string council_href(std::int64_t id) { return "/children/" + std::to_string(id); }
std::string full_name(const Child& c) { return c.given_name + " " + c.family_name; }

// The time of an audit or message row ("2026-11-25T10:04:00Z") in England: "25 November 2026, 10:04am".
std::string when_text(const std::string& iso) {
  std::tm tm{};
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) return long_date_or(iso.substr(0, 10));
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  std::int64_t t = static_cast<std::int64_t>(timegm(&tm));
  // British Summer Time: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
  auto last_sunday = [](int year, unsigned month) {
    Date end = Date::from_ymd(year, month, 31);
    return end.plus_days(-static_cast<int>(end.weekday()));
  };
  auto at_one = [](Date day) { return static_cast<std::int64_t>(day.days()) * 86400 + 3600; };
  if (t >= at_one(last_sunday(y, 3)) && t < at_one(last_sunday(y, 10))) t += 3600;
  Date local = Date::from_days(static_cast<int>(t / 86400));
  int secs = static_cast<int>(t % 86400);
  int hour = secs / 3600, minute = (secs / 60) % 60;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d:%02d%s", hour % 12 == 0 ? 12 : hour % 12, minute, hour < 12 ? "am" : "pm");
  return long_date(local) + ", " + buf;
}

std::string role_text(const std::string& role) {
  auto r = parse_role(role);
  return r ? std::string(role_label(*r)) : role;
}

std::string basis_text(const std::string& name) {
  for (auto b : {app::Basis::CouncilStaff, app::Basis::ParentalResponsibility, app::Basis::ActingForYoungPerson,
                 app::Basis::YoungPerson, app::Basis::SchoolOnRoll, app::Basis::AdviceRequested})
    if (app::basis_name(b) == name) return std::string(app::basis_label(b));
  return name.empty() ? "Not recorded" : name;
}

// --- the case in plain English ----------------------------------------------------------------

std::string stage_sentence(Stage stage, const std::vector<Event>& events) {
  switch (stage) {
    case Stage::None: return "No request for an EHC needs assessment has been recorded yet.";
    case Stage::Request:
      return "The council has a request for an EHC needs assessment and must decide whether to carry one out.";
    case Stage::Assessment:
      return "The council is carrying out an EHC needs assessment: it is gathering advice about needs and support.";
    case Stage::Drafting: return "The council has decided to issue an EHC plan and is writing it.";
    case Stage::Plan: return "There is an EHC plan. It must be reviewed at least once a year.";
    case Stage::Review: return "The EHC plan is being reviewed. The council must decide whether to keep, change or end it.";
    case Stage::Amendment: return "The council is changing (amending) the EHC plan.";
    case Stage::Closed: break;
  }
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->type == EventType::DecisionToAssess && it->outcome == Outcome::NotAssess)
      return "The council decided not to carry out an EHC needs assessment.";
    if (it->type == EventType::DecisionToIssue && it->outcome == Outcome::NotIssue)
      return "The council decided not to issue an EHC plan after the assessment.";
    if (it->type == EventType::Withdrawn) return "The request was withdrawn.";
    if (it->type == EventType::PlanCeased) return "The EHC plan ended.";
    if (it->type == EventType::ReviewDecision && it->outcome == Outcome::Cease)
      return "The council decided to stop the EHC plan.";
  }
  return "This case is closed.";
}

std::string in_brackets(std::string_view summary) {
  auto open = summary.rfind('(');
  return open == std::string_view::npos ? "" : " " + std::string(summary.substr(open));
}

// What a deadline means for the family, in their words.
std::string family_words(const Deadline& d) {
  const std::string& r = d.rule;
  if (r == "A1") return "The council must decide whether to carry out an EHC needs assessment, and tell you";
  if (r == "A3") return "Advice the council asked for must reach it" + in_brackets(d.summary);
  if (r == "A4") return "If the council decides not to issue a plan after the assessment, it must tell you";
  if (r == "A5") return "Your last day to comment on the draft plan, ask for a school or college to be named, or ask for a meeting";
  if (r == "A6") return "The council must send you the final EHC plan";
  if (r == "A7") return "The council should send you the draft plan, so you have your 15 days and the final plan is on time";
  if (r == "R1") return "The first annual review of the plan must be finished, with the council's decision sent to you";
  if (r == "R2") return "The next annual review of the plan must be finished, with the council's decision sent to you";
  if (r == "R6") return "The report of the review meeting must be sent to you and everyone invited";
  if (r == "R7") return "The council must decide whether to keep, change or end the plan, and tell you";
  if (r == "M2") return "The council must send you the changed (amended) plan: 8 weeks after it proposed the changes";
  if (r == "M4") return "The council must send you the changed (amended) plan: 12 weeks after the review meeting";
  if (r == "P1") return "The plan must be reviewed and name the school for the move";
  if (r == "P2") return "The plan must be reviewed and name the college or other post-16 place";
  if (r == "P3") return "The plan must be reviewed and name the next post-16 place";
  if (r == "C4") return "Your last day to tell the council what you think about stopping the plan";
  if (r == "T1") return "Your last day to appeal to the SEND Tribunal";
  return std::string(d.summary);
}

std::string event_words(const Event& e) {
  switch (e.type) {
    case EventType::RequestReceived:
      return "The council received a request for an EHC needs assessment (from: " +
             choice_label(source_choices(), std::to_string(e.source)) + ")";
    case EventType::BecameResponsible: return "The council became responsible";
    case EventType::DecisionToAssess:
      return e.outcome == Outcome::Assess ? "The council decided to carry out an EHC needs assessment"
                                          : "The council decided not to carry out an EHC needs assessment";
    case EventType::AdviceRequested:
      return "The council asked for advice: " + choice_label(advice_from_choices(), advice_from_name(e.advice_from));
    case EventType::AdviceReceived: return "Advice the council asked for arrived";
    case EventType::DecisionToIssue:
      return e.outcome == Outcome::Issue ? "The council decided to issue an EHC plan"
                                         : "The council decided not to issue an EHC plan";
    case EventType::DraftPlanServed: return "The council sent you the draft EHC plan";
    case EventType::FinalPlanIssued: return "The council issued the final EHC plan";
    case EventType::Exception:
      return "The council recorded why the usual time limits could not be kept: " +
             choice_label(exception_reason_choices(), exception_reason_name(e.exception_reason));
    case EventType::Withdrawn: return "The request was withdrawn";
    case EventType::ReviewMeeting: return "The annual review meeting was held";
    case EventType::ReviewReport: return "The report of the review meeting was sent";
    case EventType::ReviewDecision:
      if (e.outcome == Outcome::Maintain) return "After the review, the council decided to keep the plan as it is";
      if (e.outcome == Outcome::Amend) return "After the review, the council decided to change the plan";
      return "After the review, the council decided to stop the plan";
    case EventType::AmendmentsProposed: return "The council sent you the changes it proposes to the plan";
    case EventType::AmendedPlanIssued: return "The council issued the changed (amended) plan";
    case EventType::PhaseTransfer:
      return "A move to a new school or college was planned" +
             (e.transfer_date ? " for " + long_date(*e.transfer_date) : std::string());
    case EventType::DecisionNotice: return "The council sent you a decision letter, with your right to appeal";
    case EventType::MediationCertificate: return "A mediation certificate was issued";
    case EventType::CeaseProposed: return "The council told you it is thinking about stopping the plan, and asked for your views";
    case EventType::CeaseDecided:
      return e.outcome == Outcome::Cease ? "The council decided to stop the plan, and told you how to appeal"
                                         : "The council decided to keep the plan";
    case EventType::PlanCeased: return "The plan ended";
  }
  return std::string(event_type_label(e.type));
}

Data deadline_data(const Deadline& d, Date today) {
  Data r;
  r.set("text", family_words(d));
  r.set("due", long_date(d.due));
  r.set("basis", std::string(d.basis));
  r.set("yours", d.family_deadline);
  Tag t = deadline_tag(d, today);
  r.set("tag_text", t.text);
  r.set("tag_css", t.css);
  r.set("late", !d.family_deadline && d.due < today);
  return r;
}

Data appeal_data(const AppealRight& a, Date today) {
  Data r;
  std::string label(appealable_decision_label(a.decision));
  r.set("decision", label);
  r.set("decided_on", long_date(a.decided_on));
  r.set("letter_on", long_date(a.letter_on));
  r.set("letter_later", a.letter_on != a.decided_on);
  r.set("appeal_by", long_date(a.appeal_by));
  r.set("mediation_by", long_date(a.mediation_by));
  r.set("mediation_open", a.mediation_open(today));
  put(r, "certificate_on", a.certificate_on ? long_date(*a.certificate_on) : "");
  r.set("school_only_exempt", a.school_only_exempt);
  r.set("right_basis", std::string(appeal_right_basis(a.decision)));
  r.set("appeal_rule", std::string(kAppealRule));
  r.set("mediation_rule", std::string(kMediationRule));
  r.set("certificate_rule", std::string(kCertificateRule));
  Tag t = due_tag(a.appeal_by, today);
  r.set("tag_text", t.text);
  r.set("tag_css", t.css);
  return r;
}

Data message_data(const app::Message& m) {
  Data d;
  std::string who = m.from_you ? "You" : m.from_name;
  if (!m.from_you) {
    std::string detail = m.from_family ? role_text(m.from_role)
                                       : (m.from_organisation.empty() ? "Council SEND team" : m.from_organisation);
    who += " (" + detail + ")";
  }
  d.set("who", who);
  d.set("when", when_text(m.at));
  d.set("body", m.body);
  d.set("from_family", m.from_family);
  return d;
}

Data pagination_data(const std::string& base, int page, int per_page, int total) {
  int pages = std::max(1, (total + per_page - 1) / per_page);
  Data p;
  p.set("show", pages > 1);
  put(p, "previous", page > 1 ? base + "?page=" + std::to_string(page - 1) : "");
  put(p, "next", page < pages ? base + "?page=" + std::to_string(page + 1) : "");
  p.set("text", "Page " + std::to_string(page) + " of " + std::to_string(pages));
  return p;
}

// --- family home ------------------------------------------------------------------------------

Response home_page(const Request& req, Context& ctx) {
  auto home = ctx.app.family.home(req.actor(), req.route_string());
  Date today = ctx.today();
  std::vector<Data> children;
  for (const auto& fc : home.children) {
    Data c;
    c.set("name", full_name(fc.child));
    c.set("href", family_href(fc.child.id));
    c.set("born", long_date(fc.child.date_of_birth));
    c.set("stage", stage_sentence(fc.stage, fc.chronology));
    std::string action;
    if (fc.comment)
      action = "You can comment on the " +
               std::string(fc.comment->kind == CommentWindow::Kind::DraftPlan ? "draft plan" : "proposed changes to the plan") +
               " until " + long_date(fc.comment->last_day) + ".";
    else if (fc.appeal)
      action = "You can appeal to the SEND Tribunal until " + long_date(fc.appeal->appeal_by) + ".";
    put(c, "action", action);
    std::string next;
    if (fc.next) {
      next = family_words(*fc.next) + (fc.next->due < today ? ": this was due on " : " by ") + long_date(fc.next->due) +
             (fc.next->due < today && !fc.next->family_deadline ? " and is late." : ".");
    }
    put(c, "next", next);
    children.push_back(c);
  }
  Data body;
  body.set("children", list_of(children));
  body.set("has_children", !children.empty());
  body.set("hidden", home.hidden > 0);
  body.set("young_person", req.actor().role == "young_person");
  std::string title = req.actor().role == "young_person" ? "My EHC plan" : "Your children";
  body.set("title", title);
  return page(req, 200, PageFrame{title, "family", {}}, "family_home", body);
}

// --- the case --------------------------------------------------------------------------------

Response child_page(const Request& req, Context& ctx) {
  std::int64_t id = child_id_of(req);
  auto v = ctx.app.family.child_view(req.actor(), id, req.route_string());
  Date today = v.today;
  const std::string base = family_href(id);
  Data body;
  body.set("name", full_name(v.child));
  body.set("given_name", v.child.given_name);
  body.set("born", long_date(v.child.date_of_birth));
  body.set("basis", std::string(app::basis_label(v.basis)));
  body.set("young_person", v.basis == app::Basis::YoungPerson);

  std::vector<Data> next, done, actions, appeals, past_appeals, timeline, plan;
  if (v.current) {
    const auto& c = *v.current;
    body.set("has_case", true);
    body.set("stage", stage_sentence(c.stage, c.chronology));
    body.set("stage_label", std::string(stage_label(c.stage)));
    put(body, "caseworker", c.summary.caseworker_name);
    std::vector<const Deadline*> open;
    for (const auto& d : c.clock.deadlines)
      if (d.open()) open.push_back(&d);
    std::stable_sort(open.begin(), open.end(), [](const Deadline* a, const Deadline* b) { return a->due < b->due; });
    for (const Deadline* d : open) next.push_back(deadline_data(*d, today));

    for (const auto& w : v.comment_windows) {
      if (!w.open(today)) continue;
      Data a;
      a.set("title_id", "action-" + std::to_string(actions.size() + 1) + "-title");
      bool draft = w.kind == CommentWindow::Kind::DraftPlan;
      a.set("title", draft ? "Comment on the draft plan and name a school or college"
                           : "Comment on the changes proposed to the plan");
      a.set("text", std::string(draft ? "The council sent you the draft plan on " : "The council sent you the proposed changes on ") +
                        long_date(w.sent_on) + ". Until " + long_date(w.last_day) +
                        " you can tell the council what you think, ask for a particular school or college to be named, "
                        "and ask for a meeting. Send your comments as a message, or to your caseworker.");
      a.set("due", long_date(w.last_day));
      a.set("basis", std::string(w.basis) + (draft ? "; Children and Families Act 2014 s38" : ""));
      Tag t = due_tag(w.last_day, today);
      a.set("tag_text", t.text);
      a.set("tag_css", t.css);
      actions.push_back(a);
    }
    for (auto it = v.appeal_rights.rbegin(); it != v.appeal_rights.rend(); ++it)
      (it->appeal_open(today) ? appeals : past_appeals).push_back(appeal_data(*it, today));

    for (const auto& e : c.chronology) {
      Data t;
      t.set("date", long_date(e.date));
      t.set("text", event_words(e));
      timeline.push_back(t);
    }

    // The plan, from the chronology (until plans are structured records).
    std::optional<Date> issued, amended, draft_sent;
    for (const auto& e : c.chronology) {
      if (e.type == EventType::FinalPlanIssued) issued = e.date, draft_sent.reset(), amended.reset();
      if (e.type == EventType::AmendedPlanIssued) amended = e.date;
      if (e.type == EventType::DraftPlanServed) draft_sent = e.date;
    }
    auto row = [&](const std::string& k, const std::string& val) {
      Data d;
      d.set("key", k);
      d.set("value", val);
      plan.push_back(d);
    };
    if (issued) {
      row("EHC plan issued", long_date(*issued));
      if (amended) row("Last changed", long_date(*amended));
      for (const Deadline* d : open)
        if (d->rule == "R1" || d->rule == "R2") row("Next annual review due by", long_date(d->due));
    } else if (draft_sent) {
      row("Draft plan sent to you", long_date(*draft_sent));
    }
  } else {
    body.set("has_case", false);
    body.set("stage", stage_sentence(Stage::None, {}));
  }
  body.set("next", list_of(next));
  body.set("has_next", !next.empty());
  body.set("actions", list_of(actions));
  body.set("appeals", list_of(appeals));
  body.set("has_appeals", !appeals.empty());
  body.set("past_appeals", list_of(past_appeals));
  body.set("has_past_appeals", !past_appeals.empty());
  body.set("timeline", list_of(timeline));
  body.set("has_timeline", !timeline.empty());
  body.set("plan", list_of(plan));
  body.set("has_plan", !plan.empty());
  // The plan's latest issued version to read, and a draft or proposed amendments to comment on
  // (page_plan.cc, page_plan_family.cc).
  body.set("plan_read_href", false);
  body.set("plan_comment_href", false);
  if (v.current) {
    auto po = ctx.app.plans.overview(req.actor(), v.current->summary.id, req.route_string());
    if (!po.issued.empty()) {
      const auto& latest = po.issued.front();
      body.set("plan_read_href", "/plan-versions/" + std::to_string(latest.id));
      if (latest.kind == "draft" || latest.kind == "proposed_amendments")
        body.set("plan_comment_href", "/family/plan-versions/" + std::to_string(latest.id));
    }
  }

  // Documents the family may see (app::Documents decides and audits).
  std::vector<Data> docs;
  for (const auto& d : ctx.app.documents.list_for_child(req.actor(), id, req.route_string())) {
    Data x;
    x.set("title", d.title);
    x.set("href", d.href);
    x.set("type", d.type_label);
    x.set("size", d.size_text);
    x.set("date", long_date_or(d.uploaded_at.substr(0, 10)));
    x.set("by", d.uploaded_by + (d.uploaded_by_organisation.empty() ? "" : ", " + d.uploaded_by_organisation));
    docs.push_back(x);
  }
  body.set("documents", list_of(docs));
  body.set("has_documents", !docs.empty());

  all_about_me_data(body, v.about_me);
  std::vector<Data> msgs;
  for (const auto& m : v.messages.messages) msgs.push_back(message_data(m));
  body.set("messages", list_of(msgs));
  body.set("has_messages", !msgs.empty());
  body.set("more_messages", v.messages.total > static_cast<int>(msgs.size()));
  body.set("message_count", std::to_string(v.messages.total));
  body.set("about_me_href", base + "/about-me");
  body.set("documents_href", base + "/documents");
  body.set("delivery_href", base + "/delivery");  // page_delivery.cc: is the help in the plan given?
  body.set("messages_href", base + "/messages");
  body.set("sharing_href", base + "/sharing");
  body.set("access_log_href", base + "/access-log");
  body.set("today", long_date(today));
  return page(req, 200, PageFrame{full_name(v.child), "family", {}}, "family_child", body);
}

// --- all about me --------------------------------------------------------------------------------

std::vector<Field> about_me_fields() {
  std::vector<Field> f;
  for (const auto& s : all_about_me_sections())
    f.push_back(Field{Field::Kind::Textarea, std::string(s.field), std::string(s.heading), std::string(s.hint), {}, "", "",
                      "text", ""});
  return f;
}

Response about_me_form(const Request& req, const app::Family::AboutMeDraft& d, int status, FormState st) {
  auto fields = about_me_fields();
  st.order_by(fields);
  Data body;
  body.set("fields", fields_data(fields, st));
  body.set("name", full_name(d.child));
  body.set("child_href", family_href(d.child.id));
  body.set("action_href", family_href(d.child.id) + "/about-me");
  body.set("young_person", req.actor().role == "young_person");
  if (d.current) body.set("versions", std::to_string(d.current->versions));
  else body.set("versions", false);
  return page(req, status, PageFrame{"All about me", "family", st.summary}, "family_about_me", body);
}

// --- messages ------------------------------------------------------------------------------------

Response messages_page(const Request& req, Context& ctx, bool family, int status, FormState st) {
  std::int64_t id = child_id_of(req);
  auto need = family ? app::Capability::FamilyRead : app::Capability::CaseworkRead;
  auto mp = ctx.app.family.messages(req.actor(), id, need, page_number(req), req.route_string());
  std::vector<Field> fields = {Field{Field::Kind::Textarea, "body", family ? "Your message" : "Your message to the family",
                                     family ? "Your caseworker will reply here. Do not include bank details or passwords."
                                            : "The family is told there is a new message, and reads it here.",
                                     {}, "", "", "text", ""}};
  std::string base = (family ? family_href(id) : council_href(id)) + "/messages";
  Data body;
  body.set("fields", fields_data(fields, st));
  body.set("name", full_name(mp.child));
  body.set("family", family);
  body.set("child_href", family ? family_href(id) : council_href(id));
  body.set("action_href", base);
  std::vector<Data> msgs;
  for (const auto& m : mp.messages) msgs.push_back(message_data(m));
  body.set("messages", list_of(msgs));
  body.set("has_messages", !msgs.empty());
  body.set("pagination", pagination_data(base, mp.page, mp.per_page, mp.total));
  return page(req, status, PageFrame{"Messages", family ? "family" : "children", st.summary}, "family_messages", body);
}

Response post_message(Request& req, Context& ctx, bool family) {
  std::int64_t id = child_id_of(req);
  FormState st;
  st.take(req.form);
  std::string text = st.value("body");
  if (std::string(trimmed(text)).empty()) st.fail("body", "body", "Enter your message");
  else if (text.size() > app::Family::kMaxMessage)
    st.fail("body", "body", "Your message must be " + std::to_string(app::Family::kMaxMessage) + " characters or fewer");
  if (st.ok()) {
    try {
      ctx.app.family.send_message(req.actor(), id, text,
                                  family ? app::Capability::FamilyWrite : app::Capability::CaseworkWrite,
                                  req.route_string());
      return Response::redirect((family ? family_href(id) : council_href(id)) + "/messages");
    } catch (const Error& e) {
      if (e.kind != Error::Kind::Unprocessable) throw;
      st.fail("body", "body", capitalise(e.reason));
    }
  }
  return messages_page(req, ctx, family, 422, st);
}

// --- who has looked --------------------------------------------------------------------------------

bool is_look(const std::string& action) {
  return action == "read" || action == "list" || action == "search" || action == "download";
}

std::string subject_words(const std::string& subject) {
  if (subject == "child") return "the record";
  if (subject == "case") return "the case and its dates";
  if (subject == "all_about_me") return "all about me";
  if (subject == "messages" || subject == "message") return "messages";
  if (subject == "documents" || subject == "document" || subject == "advice_request_documents") return "documents";
  if (subject == "sharing" || subject == "consent" || subject == "sharing_override") return "who can see the record";
  if (subject == "access_log") return "who has looked at the record";
  if (subject.rfind("advice", 0) == 0) return "advice";
  std::string s = subject;
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

Response access_log_page(const Request& req, Context& ctx) {
  std::int64_t id = child_id_of(req);
  auto log = ctx.app.family.access_log(req.actor(), id, page_number(req), req.route_string());
  std::vector<Data> rows;
  for (const auto& e : log.entries) {
    Data r;
    r.set("who", e.you ? "You" : (e.who.empty() ? "Not known" : e.who));
    r.set("role", e.role.empty() ? "" : role_text(e.role));
    put(r, "organisation", e.organisation);
    r.set("when", when_text(e.at));
    r.set("what", std::string(is_look(e.action) ? "Looked at " : "Changed ") + subject_words(e.subject));
    r.set("why", basis_text(e.basis));
    rows.push_back(r);
  }
  std::string base = family_href(id) + "/access-log";
  Data body;
  body.set("name", full_name(log.child));
  body.set("child_href", family_href(id));
  body.set("rows", list_of(rows));
  body.set("has_rows", !rows.empty());
  body.set("total", std::to_string(log.total));
  body.set("pagination", pagination_data(base, log.page, log.per_page, log.total));
  return page(req, 200, PageFrame{"Who has looked at the record", "family", {}}, "family_access_log", body);
}

// --- contact preferences -------------------------------------------------------------------------

std::vector<Field> contact_fields() {
  Choices formats{{"", "No, standard format is fine"}};
  for (const auto& f : accessible_formats()) formats.emplace_back(std::string(f.code), std::string(f.label));
  Choices details;
  for (const auto& d : email_details()) details.emplace_back(std::string(d.code), std::string(d.label));
  return {
      // "channels" is drawn by the template (three checkboxes); listed here for the summary's order.
      Field{Field::Kind::Checkbox, "channels", "How should we contact you?", "", {}, "", "", "text", ""},
      Field{Field::Kind::Text, "phone", "Phone number", "Only if you want phone calls", {}, "govuk-input--width-20",
            "tel", "tel", ""},
      Field{Field::Kind::Textarea, "postal_address", "Postal address", "Only if you want letters", {}, "", "", "text", ""},
      Field{Field::Kind::Text, "language", "Which language should we use?", "For example, English, Polish, Urdu or Welsh",
            {}, "govuk-input--width-20", "language", "text", ""},
      Field{Field::Kind::Select, "accessible_format", "Do you need letters and documents in another format?", "",
            formats, "", "", "text", ""},
      Field{Field::Kind::Radios, "email_detail", "What may our emails say about the child or young person?",
            "Emails can be read by anyone who sees your inbox. They always link to this service, where the details are.",
            details, "", "", "text", ""},
  };
}

Response contact_form(const Request& req, int status, FormState st, bool saved) {
  auto fields = contact_fields();
  st.order_by(fields);
  std::vector<Field> rest(fields.begin() + 1, fields.end());
  Data body;
  body.set("fields", fields_data(rest, st));
  auto err = st.field_errors.find("channels");
  put(body, "channels_error", err == st.field_errors.end() ? "" : err->second);
  body.set("by_email", st.value("by_email") == "yes");
  body.set("by_post", st.value("by_post") == "yes");
  body.set("by_phone", st.value("by_phone") == "yes");
  body.set("saved", saved);
  bool family = req.actor().role == "parent" || req.actor().role == "young_person";
  body.set("family", family);
  return page(req, status, PageFrame{"How we contact you", family ? "contact" : "account", st.summary}, "family_contact",
              body);
}

void show_field_error(FormState& st, const std::vector<Field>& fields, const std::string& field, const std::string& reason) {
  const Field* f = find_field(fields, field);
  if (!f) f = &fields.front();
  st.fail(f->name, f->name == "channels" ? "channels" : anchor(*f), capitalise(reason));
}

}  // namespace

void all_about_me_data(Data& body, const std::optional<app::AllAboutMeRecord>& about_me) {
  if (!about_me) {
    body.set("about_me", false);
    return;
  }
  Data a;
  std::vector<Data> sections;
  for (const auto& s : all_about_me_sections()) {
    const std::string& text = about_me->text.*(s.member);
    if (text.empty()) continue;
    Data d;
    d.set("heading", std::string(s.heading));
    d.set("text", text);
    sections.push_back(d);
  }
  a.set("sections", list_of(sections));
  std::string by = about_me->recorded_by_name.empty() ? "the family" : about_me->recorded_by_name;
  if (!about_me->recorded_by_role.empty()) by += " (" + role_text(about_me->recorded_by_role) + ")";
  a.set("recorded", "Written by " + by + ", last saved " + when_text(about_me->recorded_at));
  a.set("versions_text", about_me->versions == 1 ? "Saved once."
                                                  : "Saved " + std::to_string(about_me->versions) +
                                                        " times: earlier versions are kept.");
  body.set("about_me", a);
}

void register_family_pages(Router& router, Context& ctx) {
  router.add(Method::Get, "/family", Access::Page, [&ctx](Request& req) { return home_page(req, ctx); });

  router.add(Method::Get, "/family/children/{id}", Access::Page, [&ctx](Request& req) { return child_page(req, ctx); });

  router.add(Method::Get, "/family/children/{id}/about-me", Access::Page, [&ctx](Request& req) {
    auto d = ctx.app.family.all_about_me_draft(req.actor(), child_id_of(req), req.route_string());
    FormState st;
    if (d.current)
      for (const auto& s : all_about_me_sections()) st.set(std::string(s.field), d.current->text.*(s.member));
    return about_me_form(req, d, 200, st);
  });

  router.add(Method::Post, "/family/children/{id}/about-me", Access::Page, [&ctx](Request& req) {
    std::int64_t id = child_id_of(req);
    FormState st;
    st.take(req.form);
    AllAboutMe text;
    for (const auto& s : all_about_me_sections()) text.*(s.member) = st.value(std::string(s.field));
    auto fields = about_me_fields();
    AllAboutMe check = text;
    for (const auto& e : validate_all_about_me(check)) show_field_error(st, fields, e.field, e.reason);
    if (st.ok()) {
      try {
        ctx.app.family.save_all_about_me(req.actor(), id, text, req.route_string());
        return Response::redirect(family_href(id) + "#all-about-me");
      } catch (const Error& e) {
        if (e.kind != Error::Kind::Unprocessable) throw;
        show_field_error(st, fields, e.field, e.reason);
      }
    }
    return about_me_form(req, ctx.app.family.all_about_me_draft(req.actor(), id, req.route_string()), 422, st);
  });

  router.add(Method::Get, "/family/children/{id}/messages", Access::Page,
             [&ctx](Request& req) { return messages_page(req, ctx, true, 200, FormState{}); });
  router.add(Method::Post, "/family/children/{id}/messages", Access::Page,
             [&ctx](Request& req) { return post_message(req, ctx, true); });
  router.add(Method::Get, "/children/{id}/messages", Access::Page,
             [&ctx](Request& req) { return messages_page(req, ctx, false, 200, FormState{}); });
  router.add(Method::Post, "/children/{id}/messages", Access::Page,
             [&ctx](Request& req) { return post_message(req, ctx, false); });

  router.add(Method::Get, "/family/children/{id}/access-log", Access::Page,
             [&ctx](Request& req) { return access_log_page(req, ctx); });

  router.add(Method::Get, "/family/contact", Access::Page, [&ctx](Request& req) {
    auto p = ctx.app.family.contact_preferences(req.actor());
    FormState st;
    if (p.by_email) st.set("by_email", "yes");
    if (p.by_post) st.set("by_post", "yes");
    if (p.by_phone) st.set("by_phone", "yes");
    st.set("phone", p.phone);
    st.set("postal_address", p.postal_address);
    st.set("language", p.language);
    st.set("accessible_format", p.accessible_format);
    st.set("email_detail", p.email_detail);
    return contact_form(req, 200, st, req.query_fields().value("saved") == "1");
  });

  router.add(Method::Post, "/family/contact", Access::Page, [&ctx](Request& req) {
    FormState st;
    st.take(req.form);
    ContactPreferences p;
    p.by_email = st.value("by_email") == "yes";
    p.by_post = st.value("by_post") == "yes";
    p.by_phone = st.value("by_phone") == "yes";
    p.phone = st.value("phone");
    p.postal_address = st.value("postal_address");
    p.language = st.value("language");
    p.accessible_format = st.value("accessible_format");
    p.email_detail = st.value("email_detail");
    auto fields = contact_fields();
    ContactPreferences check = p;
    for (const auto& e : validate_contact_preferences(check)) show_field_error(st, fields, e.field, e.reason);
    if (st.ok()) {
      try {
        ctx.app.family.save_contact_preferences(req.actor(), p, req.route_string());
        return Response::redirect("/family/contact?saved=1");
      } catch (const Error& e) {
        if (e.kind != Error::Kind::Unprocessable) throw;
        show_field_error(st, fields, e.field, e.reason);
      }
    }
    return contact_form(req, 422, st, false);
  });
}

}  // namespace gt::web
