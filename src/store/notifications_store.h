// Notifications and the email outbox: rows written with the change that caused them.
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
};
std::int64_t insert_email(Database& db, const EmailRow& e);

std::int64_t insert_notification(Database& db, const NotificationRow& r);
std::vector<NotificationRow> notifications_of_user(Database& db, std::int64_t user_id, int limit);
// The ids of the organisation's active members.
std::vector<std::int64_t> active_members(Database& db, std::int64_t organisation_id);

}  // namespace gt::store
