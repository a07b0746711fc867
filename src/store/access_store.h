// Access store: the relationships that decide who may see a child's record (app/access.h reads
// them): family links, pupils on roll, advice asked of an organisation, consent and overrides.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace gt::store {

struct FamilyLinkRow {
  std::int64_t id = 0;
  std::int64_t child_id = 0;
  std::int64_t user_id = 0;
  std::string relationship;  // parent_carer | young_person
  bool parental_responsibility = true;
  bool acting_for_young_person = false;
  std::string created_at;
  std::optional<std::string> ended_at;
  // Joined.
  std::string user_name;
  std::string user_email;
};

// The link in force (not ended) between this user and child, if any.
std::optional<FamilyLinkRow> family_link(Database& db, std::int64_t user_id, std::int64_t child_id);
std::vector<FamilyLinkRow> family_links_of_user(Database& db, std::int64_t user_id);   // in force only
std::vector<FamilyLinkRow> family_links_of_child(Database& db, std::int64_t child_id); // all, newest first
std::int64_t insert_family_link(Database& db, const FamilyLinkRow& r, std::optional<std::int64_t> created_by);
void end_family_link(Database& db, std::int64_t link_id, const std::string& at);
// Past compulsory school age: whether the parent acts for the young person (a link in force only).
void set_acting_for_young_person(Database& db, std::int64_t link_id, bool acting);

// The child's date of birth (YYYY-MM-DD), or nullopt when there is no such child.
std::optional<std::string> child_date_of_birth(Database& db, std::int64_t child_id);
// The child a case belongs to, or nullopt when there is no such case.
std::optional<std::int64_t> child_of_case(Database& db, std::int64_t case_id);

// A child is on roll at a school when a placement at the organisation's URN has started on or
// before `today` (YYYY-MM-DD) and has no leaving date on or before it.
bool on_roll(Database& db, std::int64_t organisation_id, std::int64_t child_id, const std::string& today);

// Advice the organisation has been asked for and has not yet answered (status 'requested'),
// for this case / for any case of this child.
bool advice_open_for_case(Database& db, std::int64_t organisation_id, std::int64_t case_id);
bool advice_open_for_child(Database& db, std::int64_t organisation_id, std::int64_t child_id);

// Consent to share with the organisation that has not been withdrawn; an override on record.
bool consent_in_force(Database& db, std::int64_t child_id, std::int64_t organisation_id);
bool override_on_record(Database& db, std::int64_t child_id, std::int64_t organisation_id);

}  // namespace gt::store
