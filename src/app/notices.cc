// Notices (see notices.h): what each case event asks of whom, and writing the notification, its
// email and the council's copy task inside the caller's transaction.
#include "app/notices.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/access.h"
#include "app/errors.h"
#include "app/event_json.h"
#include "app/storage.h"
#include "domain/appeal_rights.h"
#include "domain/clock.h"
#include "store/access_store.h"
#include "store/cases_store.h"
#include "store/children_store.h"
#include "store/family_store.h"
#include "store/organisations_store.h"
#include "store/users_store.h"

namespace gt::app {

namespace {

// ---------------------------------------------------------------------------------------------
// Recipients.

bool is_family_role(const std::string& role) { return role == "parent" || role == "young_person"; }

Actor actor_of_user(const store::UserRow& u) {
  Actor a;
  a.user_id = u.id;
  a.name = u.display_name;
  a.email = u.email;
  a.role = u.role;
  a.organisation_id = u.organisation_id;
  a.organisation_name = u.organisation_name;
  a.organisation_kind = u.organisation_kind;
  a.org_admin = u.org_admin;
  return a;
}

std::vector<std::int64_t> family_of(store::Database& db, std::int64_t child_id, Date today) {
  std::vector<std::int64_t> out;
  for (const auto& link : store::family_links_of_child(db, child_id)) {
    if (link.ended_at) continue;
    if (std::find(out.begin(), out.end(), link.user_id) != out.end()) continue;
    auto u = store::find_user(db, link.user_id);
    if (!u || !u->active) continue;
    auto basis = child_basis(db, actor_of_user(*u), child_id, today);
    if (basis && (*basis == Basis::ParentalResponsibility || *basis == Basis::ActingForYoungPerson ||
                  *basis == Basis::YoungPerson))
      out.push_back(link.user_id);
  }
  return out;
}

// The case's caseworker when one is assigned and still active; otherwise the council's team.
std::vector<std::int64_t> case_staff(store::Database& db, std::optional<std::int64_t> case_id) {
  if (case_id) {
    if (auto c = store::find_case(db, *case_id); c && c->caseworker_id) {
      auto u = store::find_user(db, *c->caseworker_id);
      if (u && u->active && (u->role == "caseworker" || u->role == "manager")) return {u->id};
    }
  }
  return store::council_staff_ids(db);
}

// ---------------------------------------------------------------------------------------------
// Emails.

std::string format_label(const std::string& f) {
  if (f == "large_print") return "large print";
  if (f == "braille") return "Braille";
  if (f == "easy_read") return "easy read";
  if (f == "audio") return "audio";
  if (f == "bsl") return "British Sign Language (BSL)";
  return f;
}

std::string trim(std::string s) {
  auto sp = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && sp(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && sp(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// One line, no control characters (subjects and names go into headers and greetings).
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
  return trim(out);
}

struct EmailText {
  std::string subject;
  std::string body;
};

// `first_name` is set only when the recipient chose to see it.
EmailText compose(const Notice& n, const std::string& recipient_name, const std::optional<std::string>& first_name) {
  EmailText t;
  std::string headline = one_line(n.what_changed);
  while (!headline.empty() && headline.back() == '.') headline.pop_back();
  if (headline.size() > 140) headline = headline.substr(0, 137) + "...";
  t.subject = first_name ? "About " + *first_name + ": " + headline : headline;
  if (t.subject.empty()) t.subject = "An update from Golden Thread";

  std::string& b = t.body;
  std::string name = one_line(recipient_name);
  b += name.empty() ? "Hello,\n\n" : "Hello " + name + ",\n\n";
  if (!n.child_id)
    b += "There is an update for you in Golden Thread.\n\n";
  else if (first_name)
    b += "There is an update about " + *first_name + "'s EHC needs assessment or plan.\n\n";
  else
    b += "There is an update about a child's EHC needs assessment or plan.\n\n";
  b += "What has changed\n" + trim(n.what_changed) + "\n\n";
  b += "What you need to do\n" + trim(n.what_needed) + "\n\n";
  if (n.due) b += "By when\n" + n.due->to_long_string() + "\n\n";
  b += "See the details (you will need to sign in):\n" + std::string(kLinkToken) + "\n\n";
  b += "We send this email because your contact preferences ask for emails. For your privacy we do not "
       "put children's details in emails";
  b += first_name ? " beyond the first name you chose to see" : "";
  b += ". You can change how we contact you when you sign in.\n";
  return t;
}

void queue_email(store::Database& db, std::optional<std::int64_t> notification_id, const std::string& to,
                 const EmailText& t, const std::string& link) {
  store::EmailRow e;
  e.notification_id = notification_id;
  e.to_address = one_line(to);
  e.subject = t.subject;
  e.body = t.body;
  e.created_at = utc_timestamp();
  e.link = link;
  store::insert_email(db, e);
}

std::optional<std::string> child_first_name(store::Database& db, const Notice& n) {
  if (!n.child_id) return std::nullopt;
  auto c = store::find_child(db, *n.child_id);
  if (!c) return std::nullopt;
  std::string first = one_line(c->given_name);
  // The first given name only (never a middle or family name).
  if (auto sp = first.find(' '); sp != std::string::npos) first = first.substr(0, sp);
  if (first.empty()) return std::nullopt;
  return first;
}

// ---------------------------------------------------------------------------------------------
// Writing.

void notify_one(store::Database& db, std::int64_t user_id, const Notice& n, bool copy_task) {
  auto user = store::find_user(db, user_id);
  if (!user || !user->active) return;
  auto prefs = store::contact_preferences_of(db, user_id);
  std::string copy = is_family_role(user->role) ? copy_needed(prefs) : "";

  store::NotificationRow r;
  r.user_id = user_id;
  r.child_id = n.child_id;
  r.case_id = n.case_id;
  r.kind = n.kind;
  r.what_changed = n.what_changed;
  r.what_needed = n.what_needed;
  if (n.due) r.due_on = n.due->to_string();
  r.link = n.link;
  r.created_at = utc_timestamp();
  r.copy_needed = copy;
  std::int64_t id = store::insert_notification(db, r);

  if (prefs.by_email && !user->email.empty()) {
    std::optional<std::string> first;
    if (prefs.email_detail == "first_name") first = child_first_name(db, n);
    queue_email(db, id, user->email, compose(n, user->display_name, first), n.link);
  }

  if (!copy.empty() && copy_task) {
    Notice task;
    task.kind = "send_copy";
    task.child_id = n.child_id;
    task.case_id = n.case_id;
    task.what_changed = "A family member (account " + std::to_string(user_id) + ") was sent a notice: \"" +
                        trim(n.what_changed) + "\" They asked to be contacted " + copy + ".";
    task.what_needed = "Send them this notice " + copy +
                       ", using the contact details in their contact preferences. What it asks of them: " +
                       trim(n.what_needed);
    if (n.due) task.what_needed += " Send it soon: the notice gives them until " + n.due->to_long_string() + ".";
    task.link = n.case_id ? staff_case_link(*n.case_id)
                          : n.child_id ? "/children/" + std::to_string(*n.child_id) : "/notifications";
    for (auto staff : case_staff(db, n.case_id)) notify_one(db, staff, task, false);
  }
}

void notify_org_except(store::Database& db, std::int64_t organisation_id, const Notice& n,
                       std::optional<std::int64_t> except) {
  for (auto id : store::active_members(db, organisation_id))
    if (id != except) notify_one(db, id, n, true);
  auto org = store::find_organisation(db, organisation_id);
  if (org && org->email && !trim(*org->email).empty())
    queue_email(db, std::nullopt, *org->email, compose(n, org->name, std::nullopt), n.link);
}

// ---------------------------------------------------------------------------------------------
// The table: what each event asks of whom.

std::string on(Date d) { return d.to_long_string(); }

// The newest deadline of a rule (deadlines are in rule order, then start).
const Deadline* latest(const ClockResult& c, std::string_view rule) {
  const Deadline* out = nullptr;
  for (const auto& d : c.deadlines)
    if (d.rule == rule) out = &d;
  return out;
}

std::optional<Date> due_of(const ClockResult& c, std::string_view rule) {
  if (auto d = latest(c, rule)) return d->due;
  return std::nullopt;
}

// The open annual review deadline (R1 for a first plan, R2 after a review decision).
std::optional<Date> next_review(const ClockResult& c) {
  std::optional<Date> out;
  for (const auto& d : c.deadlines)
    if ((d.rule == "R1" || d.rule == "R2") && d.open()) out = out ? std::min(*out, d.due) : d.due;
  return out;
}

std::string rights_text(const AppealRight& r) {
  std::string s = "If you disagree with " + std::string(appealable_decision_label(r.decision)) +
                  ", you can appeal to the SEND Tribunal. The last day to appeal is " + on(r.appeal_by) + ".";
  if (r.certificate_on) {
    s += " You have a mediation certificate, so you can appeal now.";
  } else {
    s += " Before you appeal you must contact a mediation adviser and get a certificate (you can then choose "
         "whether to try mediation): contact them by " +
         on(r.mediation_by) + ".";
    if (r.school_only_exempt)
      s += " You do not need a certificate if your appeal is only about the school or college named in the plan.";
  }
  s += " The council's letter explains the decision and where to get free, independent advice.";
  return s;
}

// The appeal right this event gave (or changed), if any.
std::optional<AppealRight> right_for(const Event& e, const std::vector<Event>& chronology) {
  auto rights = appeal_rights(chronology);
  std::optional<AppealRight> out;
  for (const auto& r : rights) {
    switch (e.type) {
      case EventType::DecisionNotice:
        if (r.notice_recorded && r.letter_on == e.date) out = r;
        break;
      case EventType::MediationCertificate:
        if (r.certificate_on && *r.certificate_on == e.date) out = r;
        break;
      default:
        if (r.decided_on == e.date && r.decision != AppealableDecision::Other) out = r;
    }
  }
  return out;
}

std::optional<Date> latest_review_meeting(const std::vector<Event>& chronology, Date upto) {
  std::optional<Date> out;
  for (const auto& x : chronology)
    if (x.type == EventType::ReviewMeeting && x.date <= upto) out = x.date;
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string staff_case_link(std::int64_t case_id) { return "/cases/" + std::to_string(case_id); }
std::string family_case_link(std::int64_t case_id, std::int64_t child_id) {
  (void)case_id;
  return "/family/children/" + std::to_string(child_id);
}
std::string school_pupil_link(std::int64_t child_id) { return "/school/pupils/" + std::to_string(child_id); }
std::string family_cease_link(std::int64_t case_id, std::int64_t child_id) {
  return "/family/children/" + std::to_string(child_id) + "/cease/" + std::to_string(case_id);
}
std::string school_cease_link(std::int64_t case_id, std::int64_t child_id) {
  return "/school/pupils/" + std::to_string(child_id) + "/cease/" + std::to_string(case_id);
}

std::string copy_needed(const store::ContactPreferencesRow& p) {
  std::vector<std::string> parts;
  if (p.by_post) parts.push_back("by post");
  if (p.by_phone) parts.push_back("by phone");
  std::string lang = trim(p.language);
  if (!lang.empty() && lower(lang) != "english") parts.push_back("in " + one_line(lang));
  std::string fmt = trim(p.accessible_format);
  if (!fmt.empty() && fmt != "standard") parts.push_back("in " + format_label(fmt));
  std::string out;
  for (const auto& s : parts) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::vector<PlannedNotice> plan_case_notices(const Event& e, const std::vector<Event>& chronology, Date today,
                                             std::int64_t case_id, std::int64_t child_id) {
  const ClockResult clock = compute_deadlines(chronology, today);
  std::vector<PlannedNotice> out;
  auto add = [&](Audience a, std::string changed, std::string needed, std::optional<Date> due) {
    Notice n;
    n.kind = std::string(event_type_name(e.type));
    n.what_changed = std::move(changed);
    n.what_needed = std::move(needed);
    n.due = due;
    n.child_id = child_id;
    n.case_id = case_id;
    n.link = a == Audience::CaseStaff ? staff_case_link(case_id)
             : a == Audience::Family  ? family_case_link(case_id, child_id)
                                      : school_pupil_link(child_id);
    out.push_back(PlannedNotice{a, std::move(n)});
  };
  auto family_rights = [&](const std::string& changed) {
    auto r = right_for(e, chronology);
    if (!r) return;
    add(Audience::Family, changed, rights_text(*r), r->appeal_by);
  };

  switch (e.type) {
    case EventType::RequestReceived:
    case EventType::BecameResponsible: {
      bool request = e.type == EventType::RequestReceived;
      auto a1 = due_of(clock, "A1");
      add(Audience::CaseStaff,
          request ? "A request for an EHC needs assessment has been received."
                  : "The council has become responsible for a child or young person who may need an EHC plan.",
          "Decide whether to carry out an EHC needs assessment, and tell the family.", a1);
      add(Audience::Family,
          request ? "The council has received a request for an EHC needs assessment."
                  : "The council has become responsible for your child's special educational needs.",
          "The council will decide whether to carry out an EHC needs assessment" +
              (a1 ? " and tell you by " + on(*a1) : std::string()) +
              ". You can tell the council your views, and send anything you want it to know, before then.",
          a1);
      break;
    }
    case EventType::DecisionToAssess:
      if (e.outcome == Outcome::Assess) {
        auto a4 = due_of(clock, "A4");
        add(Audience::Family, "The council has decided to carry out an EHC needs assessment.",
            "Nothing yet. The council will ask professionals for advice and will tell you" +
                (a4 ? " by " + on(*a4) : std::string()) +
                " whether it will issue an EHC plan. You can send the council your views and any reports.",
            a4);
        add(Audience::School, "The council has decided to carry out an EHC needs assessment for a pupil on your roll.",
            "If the council asks your school for advice, send it within 6 weeks of being asked.", std::nullopt);
      } else {
        family_rights("The council has decided not to carry out an EHC needs assessment.");
        add(Audience::School,
            "The council has decided not to carry out an EHC needs assessment for a pupil on your roll.",
            "Carry on with SEN support and review it with the family. The family can appeal against the decision.",
            std::nullopt);
      }
      break;
    case EventType::AdviceRequested:
    case EventType::AdviceReceived:
      // Advice (app/advice.h) tells the organisation asked, the council and the family when advice
      // is asked for, submitted, declined or reused, with the request's own page: not twice.
      break;
    case EventType::DecisionToIssue:
      if (e.outcome == Outcome::Issue) {
        auto a7 = due_of(clock, "A7");
        auto a6 = due_of(clock, "A6");
        add(Audience::Family, "The council has decided to issue an EHC plan.",
            "Nothing yet. The council will first send you a draft plan" +
                (a7 ? " (by " + on(*a7) + ")" : std::string()) +
                ". You will then have 15 days to comment on it and to ask for a particular school or college." +
                (a6 ? " The final plan must be issued by " + on(*a6) + "." : std::string()),
            a7 ? a7 : a6);
        add(Audience::School, "The council has decided to issue an EHC plan for a pupil on your roll.",
            "Nothing yet. The council may consult your school about naming it in the plan.", std::nullopt);
      } else {
        family_rights("The council has decided not to issue an EHC plan after the assessment.");
        add(Audience::School,
            "The council has decided not to issue an EHC plan for a pupil on your roll after the assessment.",
            "Carry on with SEN support, using what the assessment found, and review it with the family. The family "
            "can appeal against the decision.",
            std::nullopt);
      }
      break;
    case EventType::DraftPlanServed: {
      auto a5 = due_of(clock, "A5");
      add(Audience::Family, "The council has sent you the draft EHC plan.",
          "Read the draft plan. Within 15 days you can tell the council what you think of it, ask for a particular "
          "school or college to be named in it, and ask for a meeting with the council." +
              (a5 ? " Your last day is " + on(*a5) + "." : std::string()),
          a5);
      break;
    }
    case EventType::FinalPlanIssued:
    case EventType::AmendedPlanIssued: {
      bool amended = e.type == EventType::AmendedPlanIssued;
      family_rights(amended ? "The amended EHC plan has been issued." : "The final EHC plan has been issued.");
      auto review = next_review(clock);
      add(Audience::School,
          amended ? "The amended EHC plan for a pupil on your roll has been issued."
                  : "The final EHC plan for a pupil on your roll has been issued.",
          "Put in place the support in section F of the plan." +
              (review ? " The next annual review must be completed by " + on(*review) + "." : std::string()),
          review);
      break;
    }
    case EventType::Exception:
    case EventType::Withdrawn:
      break;  // Nobody has to act: the case page shows them.
    case EventType::ReviewMeeting: {
      auto r6 = due_of(clock, "R6");
      auto r7 = due_of(clock, "R7");
      add(Audience::CaseStaff, "An annual review meeting has been held.",
          "Decide whether to keep the plan as it is, change it or stop it, and tell the family.", r7);
      add(Audience::School, "An annual review meeting has been recorded for a pupil on your roll.",
          "Send the review report to the council and everyone invited to the meeting." +
              (r6 ? " Send it by " + on(*r6) + "." : std::string()),
          r6);
      add(Audience::Family, "The annual review meeting has been recorded.",
          "Nothing yet." + (r6 ? " You should get the review report by " + on(*r6) + "." : std::string()) +
              (r7 ? " The council must tell you by " + on(*r7) +
                        " whether it will keep the plan as it is, change it or stop it."
                  : std::string()),
          r7);
      break;
    }
    case EventType::ReviewReport: {
      auto r7 = due_of(clock, "R7");
      add(Audience::CaseStaff, "The annual review report has been sent.",
          "Decide whether to keep the plan as it is, change it or stop it, and tell the family.", r7);
      break;
    }
    case EventType::ReviewDecision:
      if (e.outcome == Outcome::Amend) {
        auto meeting = latest_review_meeting(chronology, e.date);
        // M4 (reg 20(10) and 22(3) as read in Devon): the amended plan within 12 weeks of the
        // meeting. The clock lists M4 only once amendments are proposed, so it is taken here.
        std::optional<Date> m4 = meeting ? std::optional<Date>(meeting->plus_weeks(12)) : std::nullopt;
        add(Audience::Family, "After the annual review, the council has decided to change (amend) the EHC plan.",
            "Nothing yet. The council will send you the changes it proposes; you will then have 15 days to tell it "
            "what you think." +
                (m4 ? " The amended plan must be issued by " + on(*m4) + "." : std::string()),
            m4);
      } else {
        family_rights(e.outcome == Outcome::Cease
                          ? "After the annual review, the council has decided to stop (cease) the EHC plan."
                          : "After the annual review, the council has decided to keep the EHC plan as it is.");
        auto r2 = e.outcome == Outcome::Cease ? std::nullopt : next_review(clock);
        add(Audience::School,
            e.outcome == Outcome::Cease
                ? "After the annual review, the council has decided to stop the EHC plan of a pupil on your roll."
                : "After the annual review, the council has decided to keep the EHC plan of a pupil on your roll "
                  "as it is.",
            e.outcome == Outcome::Cease
                ? "Plan the pupil's SEN support with the family. The family can appeal against the decision."
                : "Carry on with the support in section F of the plan." +
                      (r2 ? " The next annual review must be completed by " + on(*r2) + "." : std::string()),
            r2);
      }
      break;
    case EventType::AmendmentsProposed: {
      Date last = e.date.plus_days(14);  // reg 22(2)(c): at least 15 days, counting the day sent
      add(Audience::Family, "The council has sent you the changes it proposes to make to the EHC plan.",
          "Read the proposed changes. Within 15 days you can tell the council what you think of them, ask for a "
          "meeting, and ask for a particular school or college to be named. Your last day is " +
              on(last) + ".",
          last);
      break;
    }
    case EventType::PhaseTransfer: {
      std::string_view rule = e.phase_kind == PhaseKind::School   ? "P1"
                              : e.phase_kind == PhaseKind::Post16 ? "P2"
                                                                  : "P3";
      auto p = due_of(clock, rule);
      add(Audience::CaseStaff, "A move to a new school or college (a phase transfer) has been recorded.",
          "Review the plan and issue it amended, naming the new school or college.", p);
      add(Audience::Family, "A move to a new school or college (a phase transfer) has been recorded.",
          "Tell the council which school or college you would like. The council must review the plan and issue it "
          "amended, naming the new school or college" +
              (p ? ", by " + on(*p) : std::string()) + ".",
          p);
      break;
    }
    case EventType::DecisionNotice: {
      auto r = right_for(e, chronology);
      if (!r) break;
      // The decision itself already told the family their dates when its letter is dated the same day.
      if (r->decision != AppealableDecision::Other && r->decided_on == r->letter_on) break;
      add(Audience::Family, "The council has sent you a decision letter you can appeal against.",
          "Read the letter. " + rights_text(*r), r->appeal_by);
      break;
    }
    case EventType::CeaseProposed: {
      auto by = e.respond_by;
      add(Audience::Family, "The council is considering stopping (ceasing) the EHC plan.",
          "Tell the council what you think, and anything it should know, before it decides." +
              (by ? " Your last day to respond is " + on(*by) + "." : std::string()) +
              " The plan stays in place while the council decides.",
          by);
      out.back().notice.link = family_cease_link(case_id, child_id);
      add(Audience::School, "The council is considering stopping (ceasing) the EHC plan of a pupil on your roll.",
          "Tell the council your views as the pupil's school or college." +
              (by ? " The last day to respond is " + on(*by) + "." : std::string()),
          by);
      out.back().notice.link = school_cease_link(case_id, child_id);
      break;
    }
    case EventType::CeaseDecided:
      if (e.outcome == Outcome::Cease) {
        family_rights("The council has decided to stop (cease) the EHC plan.");
        auto r = right_for(e, chronology);
        add(Audience::School, "The council has decided to stop (cease) the EHC plan of a pupil on your roll.",
            "The plan stays in place until the time to appeal has passed" +
                (r ? " (" + on(r->appeal_by) + ")" : std::string()) +
                ". Plan the pupil's SEN support with the family.",
            std::nullopt);
      } else {
        add(Audience::Family, "The council has decided to keep the EHC plan.",
            "Nothing. The plan stays in place and will be reviewed at least once a year.", std::nullopt);
        add(Audience::School, "The council has decided to keep the EHC plan of a pupil on your roll.",
            "Carry on with the support in section F of the plan.", std::nullopt);
      }
      break;
    case EventType::PlanCeased:
      add(Audience::Family, "The EHC plan has ended.",
          "Nothing. If your child's needs change, you or the school or college can ask the council for an EHC "
          "needs assessment.",
          std::nullopt);
      add(Audience::School, "The EHC plan of a pupil on your roll has ended.",
          "Support the pupil through SEN support, and review it with the family.", std::nullopt);
      break;
    case EventType::MediationCertificate: {
      auto r = right_for(e, chronology);
      if (!r) break;
      add(Audience::Family, "A mediation certificate has been issued.",
          "You can now appeal to the SEND Tribunal against " + std::string(appealable_decision_label(r->decision)) +
              ". The last day to appeal is " + on(r->appeal_by) + ".",
          r->appeal_by);
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

void notify_user(store::Database& db, std::int64_t user_id, const Notice& n) { notify_one(db, user_id, n, true); }

void notify_organisation(store::Database& db, std::int64_t organisation_id, const Notice& n) {
  notify_org_except(db, organisation_id, n, std::nullopt);
}

void notify_family(store::Database& db, std::int64_t child_id, const Notice& n, Date today) {
  for (auto id : family_of(db, child_id, today)) notify_one(db, id, n, true);
}

void send_account_email(store::Database& db, const std::string& to, const std::string& subject,
                        const std::string& body) {
  store::EmailRow e;
  e.to_address = one_line(to);
  e.subject = one_line(subject);
  e.body = body;
  e.created_at = utc_timestamp();
  store::insert_email(db, e);
}

void notify_case_event(store::Database& db, std::int64_t case_id, std::int64_t child_id, const Event& e,
                       const Actor& by, Date today) {
  // The chronology in force (the rows nobody superseded, in date order), as Casework builds it.
  auto rows = store::events_of_case(db, case_id);
  std::set<std::int64_t> superseded;
  for (const auto& r : rows)
    if (r.supersedes) superseded.insert(*r.supersedes);
  std::vector<Event> chronology;
  for (const auto& r : rows)
    if (r.payload && !superseded.count(r.id)) chronology.push_back(event_from_json(nlohmann::json::parse(*r.payload)));
  std::stable_sort(chronology.begin(), chronology.end(), [](const Event& a, const Event& b) { return a.date < b.date; });

  for (const auto& p : plan_case_notices(e, chronology, today, case_id, child_id)) {
    switch (p.audience) {
      case Audience::CaseStaff:
        for (auto id : case_staff(db, case_id))
          if (id != by.user_id) notify_one(db, id, p.notice, true);
        break;
      case Audience::Family:
        for (auto id : family_of(db, child_id, today))
          if (id != by.user_id) notify_one(db, id, p.notice, true);
        break;
      case Audience::School:
        for (auto org : store::schools_with_child_on_roll(db, child_id, today.to_string()))
          notify_org_except(db, org, p.notice, by.user_id);
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The notifications page.

NoticePage notices_of(Storage& storage, const Actor& actor, int page, int per_page) {
  NoticePage p;
  p.per_page = std::clamp(per_page, 1, 100);
  p.page = std::max(page, 1);
  auto& db = storage.read();
  p.total = store::notification_count(db, actor.user_id);
  p.unread = store::unread_notification_count(db, actor.user_id);
  p.items = store::notifications_of_user(db, actor.user_id, p.per_page, (p.page - 1) * p.per_page);
  return p;
}

int unread_notices(Storage& storage, const Actor& actor) {
  return store::unread_notification_count(storage.read(), actor.user_id);
}

void mark_notice_read(Storage& storage, const Actor& actor, std::int64_t id) {
  bool found = storage.write(
      [&](store::Database& db) { return store::mark_notification_read(db, actor.user_id, id, utc_timestamp()); });
  if (!found) throw Error(Error::Kind::NotFound, "id", "no notification with this id");
}

int mark_all_notices_read(Storage& storage, const Actor& actor) {
  return storage.write(
      [&](store::Database& db) { return store::mark_all_notifications_read(db, actor.user_id, utc_timestamp()); });
}

}  // namespace gt::app
