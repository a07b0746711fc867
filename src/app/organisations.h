// Organisations: the organisations people work for and their members, invitations to join (staff,
// professionals, families) and password-reset links. Access belongs to the organisation, so it
// survives staff turnover: an organisation administrator adds and removes members.
//
// Contract:
//  - The council administrator (role admin) creates organisations (a school with its 6-digit URN,
//    an EP service, a health team, a social-care team, other), invites each one's first
//    organisation administrator, and invites and removes council staff (caseworker, manager,
//    admin, analyst). Other roles get Forbidden (403).
//  - An organisation administrator (users.org_admin) lists, invites and removes the members of
//    their own organisation only; any other organisation answers NotFound (404), as if it did not
//    exist. The council administrator may do the same for any organisation.
//  - Removing never deletes: the account is deactivated (users.active = 0) and every session of it
//    ends at once, in the same transaction. Nobody removes themself (Conflict).
//  - An invitation is a link with a 256-bit random token, stored only as a BLAKE2b hash, that works
//    once within 7 days (a reset link within 1 hour); the link (public_base_url + "/invitation/" +
//    token) goes by email through app::send_account_email inside the same transaction, and the
//    email names no child. Accepting it is app::Accounts::accept_invitation.
//  - request_password_reset does the same work and gives the same (empty) answer whether or not
//    the email has an account; at most 3 reset emails go to one address in 15 minutes.
//  - Family (council side): a caseworker or manager with CaseworkWrite on the child (app/access.h)
//    sees the child's family links and open invitations, invites a parent or carer (with or without
//    parental responsibility) or the young person (only past compulsory school age), ends a link
//    and marks a parent as acting for a young person (only past that age). An email that already
//    has a family account of the right kind is linked at once (and told by email). Every write is
//    audited with the child and the basis; viewing the links is audited as a read.
//  - Bad input throws Error Unprocessable naming the field; an email already taken, Conflict.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts.h"
#include "app/services_settings.h"
#include "app/today.h"

namespace gt::app {

class Storage;

struct OrganisationSummary {
  std::int64_t id = 0;
  std::string name;
  std::string kind;  // school | ep_service | health | social_care | other | council
  std::string urn;
  int active_members = 0;
};

struct Member {
  std::int64_t user_id = 0;
  std::string name;
  std::string email;
  std::string role;
  bool org_admin = false;
  bool active = true;
  bool two_factor = false;
};

struct OpenInvitation {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  std::string role;
  bool org_admin = false;
  std::string relationship;  // family: parent_carer | young_person
  bool parental_responsibility = true;
  std::string expires_on;  // YYYY-MM-DD (UTC)
};

struct OrganisationView {
  OrganisationSummary organisation;
  std::vector<Member> members;
  std::vector<OpenInvitation> invitations;
};

struct StaffView {
  std::vector<Member> members;
  std::vector<OpenInvitation> invitations;
};

struct Invite {
  std::string email;
  std::string name;
  std::string role;
  bool org_admin = false;
};

struct FamilyInvite {
  std::string email;
  std::string name;
  std::string relationship;  // parent_carer | young_person
  bool parental_responsibility = true;
};

struct FamilyLinkView {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;
  std::string email;
  std::string relationship;
  bool parental_responsibility = true;
  bool acting_for_young_person = false;
  std::string created_at;
  std::optional<std::string> ended_at;
};

struct FamilyView {
  std::int64_t child_id = 0;
  std::string child_name;
  bool young_person = false;  // past compulsory school age today
  std::vector<FamilyLinkView> links;  // newest first, ended ones too
  std::vector<OpenInvitation> invitations;
};

enum class FamilyInviteOutcome { Invited, Linked };

class Organisations {
 public:
  Organisations(Storage& storage, const Today& today, const ServicesSettings& settings, WallClock clock = {});

  // Council administrator.
  std::vector<OrganisationSummary> list(const Actor& actor);
  std::int64_t create(const Actor& actor, const std::string& name, const std::string& kind, const std::string& urn,
                      const std::string& route);
  StaffView staff(const Actor& actor);
  void invite_staff(const Actor& actor, const Invite& invite, const std::string& route);
  void remove_staff(const Actor& actor, std::int64_t user_id, const std::string& route);

  // Council administrator (any organisation) or the organisation's own administrator.
  OrganisationView view(const Actor& actor, std::int64_t organisation_id);
  void invite_member(const Actor& actor, std::int64_t organisation_id, const Invite& invite, const std::string& route);
  void remove_member(const Actor& actor, std::int64_t organisation_id, std::int64_t user_id, const std::string& route);

  // Anyone, signed in or not.
  void request_password_reset(const std::string& email);

  // Council staff with CaseworkWrite on the child.
  FamilyView family(const Actor& actor, std::int64_t child_id, const std::string& route);
  FamilyInviteOutcome invite_family(const Actor& actor, std::int64_t child_id, const FamilyInvite& invite,
                                    const std::string& route);
  void end_family_link(const Actor& actor, std::int64_t child_id, std::int64_t link_id, const std::string& route);
  void set_acting_for_young_person(const Actor& actor, std::int64_t child_id, std::int64_t link_id, bool acting,
                                   const std::string& route);

  static constexpr std::int64_t kInviteSeconds = 7 * 24 * 3600;
  static constexpr std::int64_t kResetSeconds = 3600;
  static constexpr std::int64_t kResetsPerWindow = 3;

 private:
  std::int64_t now() const { return clock_(); }

  Storage& storage_;
  const Today& today_;
  const ServicesSettings& settings_;
  WallClock clock_;
};

}  // namespace gt::app
