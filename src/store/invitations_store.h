// Invitations and password resets: single-use, expiring links. Only a hash of each link's token
// is stored; using a link is one conditional update, so a link works once even under a race.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace gt::store {

struct InvitationRow {
  std::int64_t id = 0;
  std::string token_hash;
  std::string purpose;  // invite | reset
  std::string email;
  std::string display_name;
  std::optional<std::string> role;
  std::optional<std::int64_t> organisation_id;
  bool org_admin = false;
  std::optional<std::int64_t> child_id;
  std::optional<std::string> relationship;  // family invitations: parent_carer | young_person
  bool parental_responsibility = true;      // family invitations of a parent or carer
  std::optional<std::int64_t> user_id;      // resets: whose password
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;  // unix seconds
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
  // Joined.
  std::string organisation_name;
  std::string organisation_kind;
};

std::int64_t insert_invitation(Database& db, const InvitationRow& r);
std::optional<InvitationRow> find_invitation(Database& db, const std::string& token_hash);
// Marks the invitation used at `now` if it is unused and unexpired; false otherwise.
bool use_invitation(Database& db, std::int64_t id, std::int64_t now);
// Cancels every unused link of this purpose to this email (a new reset replaces the old one).
void cancel_invitations(Database& db, const std::string& email, const std::string& purpose, std::int64_t now);

// Unused, unexpired invitations (purpose invite): of an organisation; of council staff (no
// organisation, no child); of a child's family. Newest first.
std::vector<InvitationRow> open_invitations_of_organisation(Database& db, std::int64_t organisation_id,
                                                           std::int64_t now);
std::vector<InvitationRow> open_staff_invitations(Database& db, std::int64_t now);
std::vector<InvitationRow> open_invitations_of_child(Database& db, std::int64_t child_id, std::int64_t now);

}  // namespace gt::store
