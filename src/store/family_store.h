// Family store: what the family writes and reads about their child - "all about me" (each save a
// new row, never changed: schema trigger), messages between the family and the council, a person's
// contact preferences, and the family's view of the audit log (who has looked at the child's record).
//
// Contract:
//  - contact_preferences_of(db, user_id) always answers: the saved row, or the defaults when the
//    person never saved any (email on, post and phone off, English, no accessible format, emails
//    carry no child detail); `saved` says which. Read by the notifications (app/notices.h).
//  - save_contact_preferences replaces the person's row (one row per person).
//  - Lists are newest first; limit/offset page them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace gt::store {

struct AllAboutMeRow {
  std::int64_t id = 0;
  std::int64_t child_id = 0;
  std::string views;          // the child's or young person's views
  std::string interests;
  std::string aspirations;
  std::string what_works;
  std::string what_does_not;
  std::string communication;  // how I communicate
  std::optional<std::int64_t> recorded_by;
  std::string recorded_at;    // ISO 8601 UTC
  // Joined from users.
  std::string recorded_by_name;
  std::string recorded_by_role;
};
std::int64_t insert_all_about_me(Database& db, const AllAboutMeRow& r);
std::optional<AllAboutMeRow> latest_all_about_me(Database& db, std::int64_t child_id);
std::vector<AllAboutMeRow> all_about_me_versions(Database& db, std::int64_t child_id);  // newest first

struct MessageRow {
  std::int64_t id = 0;
  std::int64_t child_id = 0;
  std::int64_t from_user = 0;
  std::string body;
  std::string created_at;  // ISO 8601 UTC
  // Joined from users and organisations.
  std::string from_name;
  std::string from_role;
  std::string from_organisation;
};
std::int64_t insert_message(Database& db, const MessageRow& r);
std::vector<MessageRow> messages_of_child(Database& db, std::int64_t child_id, int limit, int offset = 0);
std::int64_t count_messages_of_child(Database& db, std::int64_t child_id);

struct ContactPreferencesRow {
  std::int64_t user_id = 0;
  bool by_email = true;
  bool by_post = false;
  bool by_phone = false;
  std::optional<std::string> phone;
  std::optional<std::string> postal_address;
  std::string language = "English";
  std::string accessible_format;     // "" | large_print | braille | easy_read | audio | bsl
  std::string email_detail = "none"; // none | first_name
  std::string updated_at;            // ISO 8601 UTC; "" when never saved
  bool saved = false;                // false: these are the defaults
};
ContactPreferencesRow contact_preferences_of(Database& db, std::int64_t user_id);
void save_contact_preferences(Database& db, const ContactPreferencesRow& r);

// One row of the audit log about a child, as the family sees it.
struct ChildAccessRow {
  std::int64_t id = 0;
  std::string at;       // ISO 8601 UTC
  std::string action;   // read | list | search | create | append | ...
  std::string subject;  // child | case | all_about_me | ...
  std::string route;
  std::string basis;    // access.h basis_name
  std::optional<std::int64_t> user_id;
  std::string user_name;
  std::string user_role;
  std::string organisation_name;
};
std::vector<ChildAccessRow> child_access_log(Database& db, std::int64_t child_id, int limit, int offset);
std::int64_t count_child_access_log(Database& db, std::int64_t child_id);

// The council staff who answer for a child (to be told when the family writes): the active
// caseworkers of the child's cases that are not closed; else every active team manager; else
// every active caseworker.
std::vector<std::int64_t> council_contacts_of_child(Database& db, std::int64_t child_id);

}  // namespace gt::store
