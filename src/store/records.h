// Records: the rows the store reads and writes, as plain structs. No behaviour.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gt::store {

struct UserRow {
  std::int64_t id = 0;
  std::string email;
  std::string display_name;
  std::string role;
  std::string password_hash;
  std::optional<std::int64_t> organisation_id;
  bool org_admin = false;
  bool active = true;
  std::optional<std::string> totp_secret;  // base32; nullopt until two-factor is set up
  std::int64_t totp_last_step = 0;
  // Joined from organisations.
  std::string organisation_name;
  std::string organisation_kind;
};

struct SessionRow {
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;  // unix seconds
  std::int64_t expires_at = 0;
  std::int64_t last_seen = 0;
  bool mfa_done = true;
};

struct ChildRow {
  std::int64_t id = 0;
  std::string given_name;
  std::string family_name;
  std::string date_of_birth;  // YYYY-MM-DD
  std::string sex;
  std::string ethnicity;
  std::string postcode;
  std::optional<std::string> upn;
  std::optional<std::string> uln;
  std::optional<std::string> nhs_number;
  std::string upn_unknown;
};

struct NeedsRow {
  std::int64_t id = 0;
  std::int64_t child_id = 0;
  std::string primary_type;
  std::optional<std::string> secondary_type;
  std::string recorded_at;
  std::optional<std::int64_t> recorded_by;
};

struct PlacementRow {
  std::int64_t id = 0;
  std::int64_t child_id = 0;
  std::string setting_type;
  std::optional<std::string> urn;
  std::optional<std::string> ukprn;
  std::string name;
  int rank = 1;
  std::string entry_date;                  // YYYY-MM-DD
  std::optional<std::string> leaving_date;
  std::string recorded_at;
  std::optional<std::int64_t> recorded_by;
};

struct CaseRow {
  std::int64_t id = 0;
  std::int64_t child_id = 0;
  std::optional<std::int64_t> caseworker_id;
  std::string caseworker_name;
  std::string opened_at;
  std::string stage;
  std::optional<std::string> next_due;  // YYYY-MM-DD
  std::optional<std::string> next_rule;
  int event_count = 0;
  // Joined from the child, for lists.
  std::string child_given_name;
  std::string child_family_name;
  std::string child_date_of_birth;
};

struct EventRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string type;
  std::string event_date;              // YYYY-MM-DD
  std::optional<std::string> payload;  // the event as JSON; NULL when striking out `supersedes`
  std::optional<std::int64_t> supersedes;
  std::optional<std::string> reason;
  std::string recorded_at;
  std::optional<std::int64_t> recorded_by;
  std::string recorded_by_name;
};

struct AuditRow {
  std::string at;  // ISO 8601 UTC
  std::optional<std::int64_t> user_id;
  std::string action;  // read | create | append | supersede | search | list
  std::string subject;  // child | case | caseload
  std::optional<std::int64_t> subject_id;
  std::string route;  // the route pattern, never a URL with personal data
  std::optional<std::int64_t> child_id;  // whose record this is, when it is a child's
  std::string basis;  // on what basis access was given (access.h): staff, parental_responsibility, ...
};

}  // namespace gt::store
