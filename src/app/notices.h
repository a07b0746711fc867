// Notices: every event that asks someone to act tells them - in the application and, as their
// contact preferences allow, by email through the outbox (app/outbox.h delivers it over SMTP).
//
// Contract:
//  - A Notice says what changed, what is needed and by when, and links to the page where the
//    detail is (a path such as "/advice/12", never carrying personal data). what_changed and
//    what_needed never name the child or carry any of the child's details: they go into emails.
//  - The notify_* functions run inside the caller's write transaction (they take the writer's
//    Database): the notification and its email are written with the change that caused them, or
//    not at all. Nobody is notified of their own action (notify_case_event leaves out `by`), and
//    inactive accounts get nothing.
//  - Contact preferences (store/family_store.h contact_preferences_of; the defaults when never set:
//    email on, no child detail, English, standard format) are honoured this way:
//      by_email       an email is queued only when on (the in-application notification always is);
//      email_detail   'none': the email names no child ("a child's EHC needs assessment or plan");
//                     'first_name': the child's first name only. Never a surname, date of birth,
//                     UPN or needs;
//      by_post, by_phone, a language other than English, an accessible format: emails are in
//                     English, so the notification records the copy the council must send
//                     (copy_needed, e.g. "by post, in Polish, in large print") and the council is
//                     given a task (kind "send_copy": the case's caseworker, or the council's
//                     caseworkers and managers) to send it. Applies to families (parents, young
//                     people); staff and professionals are told in the application and by email.
//  - Emails link to public_base_url + link: the body holds kLinkToken where the address goes and
//    the outbox writes it at delivery (the address is a deployment setting, app/outbox.h).
//  - notify_organisation: every active member, and the organisation's shared mailbox
//    (organisations.email) when it has one, with no child detail (many people read a mailbox).
//  - notify_family: everyone who today sees the child's record as family (access.h child_basis:
//    parental responsibility, acting for the young person, the young person).
//  - notify_case_event is called by Casework for every appended event. plan_case_notices decides,
//    as a pure table, who must act and what to tell them, with due dates from the statutory clock
//    (compute_deadlines over the case's chronology in force, read in the same transaction) and the
//    family's appeal rights (domain/appeal_rights.h). advice_requested and advice_received are
//    notified by Advice (app/advice.h), which knows the request, not here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts.h"
#include "domain/date.h"
#include "domain/event.h"
#include "store/database.h"
#include "store/family_store.h"
#include "store/notifications_store.h"

namespace gt::app {

class Storage;

struct Notice {
  std::string kind;          // e.g. "advice_requested", "decision_to_assess"
  std::string what_changed;  // "The council has decided to carry out an EHC needs assessment."
  std::string what_needed;   // "Send your advice by ..." / "Nothing yet: ..."
  std::optional<Date> due;
  std::string link;          // a path in this application
  std::optional<std::int64_t> child_id;
  std::optional<std::int64_t> case_id;
};

// Where the outbox writes the page's address in an email body.
inline constexpr const char* kLinkToken = "{link}";

void notify_user(store::Database& db, std::int64_t user_id, const Notice& n);
// Every active member of the organisation, and its shared mailbox.
void notify_organisation(store::Database& db, std::int64_t organisation_id, const Notice& n);
// Everyone who today sees the child's record as family (access.h).
void notify_family(store::Database& db, std::int64_t child_id, const Notice& n, Date today);
// An email about the person's own account (an invitation, a password reset): queued to the
// address given whatever the contact preferences, inside the caller's transaction.
void send_account_email(store::Database& db, const std::string& to, const std::string& subject,
                        const std::string& body);
void notify_case_event(store::Database& db, std::int64_t case_id, std::int64_t child_id, const Event& e,
                       const Actor& by, Date today);

// Who must hear about a case event.
enum class Audience {
  CaseStaff,  // the case's caseworker, or the council's caseworkers and managers when none is assigned
  Family,     // notify_family
  School,     // every school with the child on roll today (notify_organisation)
};
struct PlannedNotice {
  Audience audience = Audience::CaseStaff;
  Notice notice;
};
// The notices for `e`, which is already part of `chronology` (the events in force, in date order).
// Pure: the same input gives the same notices.
std::vector<PlannedNotice> plan_case_notices(const Event& e, const std::vector<Event>& chronology, Date today,
                                             std::int64_t case_id, std::int64_t child_id);

// The pages each audience is sent to.
std::string staff_case_link(std::int64_t case_id);
std::string family_case_link(std::int64_t case_id, std::int64_t child_id);
std::string school_pupil_link(std::int64_t child_id);
// The pages where the family and the school answer a proposal to cease the plan (web/page_cease.cc).
std::string family_cease_link(std::int64_t case_id, std::int64_t child_id);
std::string school_cease_link(std::int64_t case_id, std::int64_t child_id);

// The copy a person's preferences ask the council to send besides email: "" or
// "by post, in Polish, in large print".
std::string copy_needed(const store::ContactPreferencesRow& p);

// The notifications page (web/page_notifications.cc): a person's own notifications only. These
// are not reads of a child's record (the texts carry no child details), so they are not audited.
struct NoticePage {
  std::vector<store::NotificationRow> items;  // newest first
  int total = 0;
  int unread = 0;
  int page = 1;
  int per_page = 20;
};
NoticePage notices_of(Storage& storage, const Actor& actor, int page, int per_page);
int unread_notices(Storage& storage, const Actor& actor);
// NotFound when the person has no notification with this id.
void mark_notice_read(Storage& storage, const Actor& actor, std::int64_t id);
int mark_all_notices_read(Storage& storage, const Actor& actor);

}  // namespace gt::app
