// Notifications and the email outbox: rows written with the change that caused them.
//
// Contract:
//  - insert_notification / insert_email run inside the caller's write transaction (app/notices.h).
//  - A notification belongs to one user: reads and mark-read take the user's id, so one person can
//    never read or change another's (mark_notification_read answers false for someone else's).
//  - The outbox: claim_due_emails picks pending emails whose next_attempt_at has come and moves
//    their next_attempt_at to `lease_until`, so a second worker (or a crash mid-send) cannot send
//    them twice within the lease; the worker then records the outcome with mark_email_sent,
//    mark_email_retry or mark_email_failed (attempts counts every try, last_error keeps SMTP's
//    answer, sent_at the time of delivery).
//  - Recipients: council_staff_ids (active caseworkers and team managers of the council),
//    schools_with_child_on_roll (the same rule as access_store.h on_roll), active_members.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace gt::store {

struct NotificationRow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::optional<std::int64_t> child_id;
  std::optional<std::int64_t> case_id;
  std::string kind;
  std::string what_changed;
  std::string what_needed;
  std::optional<std::string> due_on;
  std::string link;
  std::string created_at;
  std::optional<std::string> read_at;
  std::string copy_needed;  // "" or what the council must send besides: "by post, in Polish"
};

struct EmailRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> notification_id;
  std::string to_address;
  std::string subject;
  std::string body;
  std::string status = "pending";  // pending | sent | failed
  int attempts = 0;
  std::int64_t next_attempt_at = 0;  // unix seconds
  std::optional<std::string> last_error;
  std::optional<std::string> sent_at;
  std::string created_at;
  std::optional<std::string> link;  // a path in this application; the outbox prefixes the public URL
};

std::int64_t insert_email(Database& db, const EmailRow& e);

std::int64_t insert_notification(Database& db, const NotificationRow& r);
// Newest first.
std::vector<NotificationRow> notifications_of_user(Database& db, std::int64_t user_id, int limit, int offset = 0);
int notification_count(Database& db, std::int64_t user_id);
int unread_notification_count(Database& db, std::int64_t user_id);
// Marks one of the user's notifications read (once: the first time is kept). False when the user
// has no notification with this id.
bool mark_notification_read(Database& db, std::int64_t user_id, std::int64_t id, const std::string& at);
int mark_all_notifications_read(Database& db, std::int64_t user_id, const std::string& at);

// The ids of the organisation's active members.
std::vector<std::int64_t> active_members(Database& db, std::int64_t organisation_id);
// Active caseworkers and team managers of the council (an organisation of kind 'council', or none).
std::vector<std::int64_t> council_staff_ids(Database& db);
// Schools (organisations of kind 'school') with the child on roll on `today` (YYYY-MM-DD).
std::vector<std::int64_t> schools_with_child_on_roll(Database& db, std::int64_t child_id, const std::string& today);

// The outbox.
std::vector<EmailRow> claim_due_emails(Database& db, std::int64_t now, std::int64_t lease_until, int limit);
void mark_email_sent(Database& db, std::int64_t id, int attempts, const std::string& sent_at);
void mark_email_retry(Database& db, std::int64_t id, int attempts, std::int64_t next_attempt_at,
                      const std::string& error);
void mark_email_failed(Database& db, std::int64_t id, int attempts, const std::string& error);
std::optional<EmailRow> find_email(Database& db, std::int64_t id);
// Every email, newest first (tests and the operator's view).
std::vector<EmailRow> list_emails(Database& db, int limit);

}  // namespace gt::store
