// Notices: every event that asks someone to act tells them - in the application and, as their
// contact preferences allow, by email through the outbox (app/outbox.h delivers it over SMTP).
//
// Contract:
//  - A Notice says what changed, what is needed and by when, and links to the page where the
//    detail is (a path such as "/advice/12", never carrying personal data).
//  - The notify_* functions run inside the caller's write transaction (they take the writer's
//    Database): the notification and its email are written with the change that caused them, or
//    not at all.
//  - Emails carry no child details beyond what the recipient chose (contact_preferences
//    email_detail: 'none' gives no name at all; 'first_name' the child's first name) and are
//    queued only when the recipient accepts email.
//  - notify_case_event is called by Casework for every appended event and decides who must act
//    (the family on decisions with appeal rights and the draft plan's 15 days, the school, the
//    caseworker), with due dates from the statutory clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/accounts.h"
#include "domain/date.h"
#include "domain/event.h"
#include "store/database.h"

namespace gt::app {

struct Notice {
  std::string kind;          // e.g. "advice_requested", "decision_to_assess"
  std::string what_changed;  // "The council has decided to carry out an EHC needs assessment."
  std::string what_needed;   // "Send your advice by ..." / "Nothing yet: ..."
  std::optional<Date> due;
  std::string link;          // a path in this application
  std::optional<std::int64_t> child_id;
  std::optional<std::int64_t> case_id;
};

void notify_user(store::Database& db, std::int64_t user_id, const Notice& n);
// Every active member of the organisation.
void notify_organisation(store::Database& db, std::int64_t organisation_id, const Notice& n);
// Everyone who today sees the child's record as family (access.h).
void notify_family(store::Database& db, std::int64_t child_id, const Notice& n, Date today);
// An email about the person's own account (an invitation, a password reset): queued to the
// address given whatever the contact preferences, inside the caller's transaction.
void send_account_email(store::Database& db, const std::string& to, const std::string& subject,
                        const std::string& body);
void notify_case_event(store::Database& db, std::int64_t case_id, std::int64_t child_id, const Event& e,
                       const Actor& by, Date today);

}  // namespace gt::app
