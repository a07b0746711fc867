// Family: the family's side of "tell us once" - the children a parent or carer (or the young
// person themself) may see, each case in plain English with what happens next, what they can do
// and their appeal and mediation rights; "all about me", written once and reused by everyone
// with a basis; messages with the council; contact preferences; who has looked at the record.
//
// Contract:
//  - Authorisation is access.h's, on the server, every call: a child the actor has no basis for
//    is NotFound (its existence is not revealed), a basis that does not allow the capability is
//    Forbidden. The family's own routes need FamilyRead / FamilyWrite: a parent sees a child up to
//    the end of compulsory school age, afterwards only when recorded as acting for the young
//    person; the young person sees their own record from then on.
//  - Every read of a child's record is audited (group commit) with the child and the basis; every
//    write is audited in its own transaction; a write and its notices commit together or not at all.
//  - home(): one entry per child the actor may see today (each audited as a read of the child's
//    latest case, or of the child when there is no case); `hidden` counts the actor's family links
//    that give no access today (never saying whose). Other roles: Forbidden (they have no family links).
//  - child_view(): the child, every case (newest first) and the latest case's view (stage, clock,
//    chronology: Casework::case_view with FamilyRead), the appeal and mediation rights and the
//    15-day windows of that case (domain/appeal_rights.h, domain/representations.h), "all about
//    me" and the latest messages.
//  - all_about_me(): the latest version, for everyone with a basis (AllAboutMeRead: the council,
//    the school on roll, advice givers asked, the family) - other use cases call it to reuse the
//    child's own words. save_all_about_me() (FamilyWrite) checks every section (domain/all_about_me.h)
//    and saves a new version (never changes one); saving the same words again saves nothing.
//    The council staff who answer for the child are told of a new version. all_about_me_draft()
//    (FamilyWrite) gives the family's form its starting point.
//  - messages() / send_message(): the family side (FamilyRead / FamilyWrite) or the council side
//    (CaseworkRead / CaseworkWrite), as `need` says; a message is 1 to 5000 characters. The other
//    side is notified in the same transaction (the family through notify_family, the council
//    through the child's caseworkers, else managers).
//  - contact_preferences() / save_contact_preferences(): the actor's own, any role (every role
//    gets notifications); defaults until saved (store::contact_preferences_of).
//  - access_log(): FamilyRead only; who looked at or changed the child's record, newest first,
//    paged; the read itself is audited.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/access.h"
#include "app/accounts.h"
#include "app/casework.h"
#include "app/services_settings.h"
#include "app/today.h"
#include "domain/all_about_me.h"
#include "domain/appeal_rights.h"
#include "domain/child.h"
#include "domain/clock.h"
#include "domain/contact_preferences.h"
#include "domain/representations.h"
#include "store/records.h"

namespace gt::app {

class Storage;

// One child on the family's home page.
struct FamilyChild {
  Child child;
  Basis basis = Basis::ParentalResponsibility;
  std::optional<std::int64_t> case_id;   // the latest case
  Stage stage = Stage::None;
  std::vector<Event> chronology;         // of that case, in force, in date order
  std::optional<Deadline> next;          // the soonest open deadline of that case (the council's or the family's)
  std::optional<AppealRight> appeal;     // the latest appeal right whose window is still open
  std::optional<CommentWindow> comment;  // a 15-day window open now
};
struct FamilyHome {
  std::vector<FamilyChild> children;
  int hidden = 0;  // family links in force that give no access today
};

struct AllAboutMeRecord {
  AllAboutMe text;
  std::int64_t version_id = 0;
  int versions = 1;               // how many times it has been saved
  std::string recorded_at;        // ISO 8601 UTC
  std::string recorded_by_name;
  std::string recorded_by_role;   // role wire name
};

struct Message {
  std::int64_t id = 0;
  std::string body;
  std::string at;  // ISO 8601 UTC
  std::string from_name;
  std::string from_role;
  std::string from_organisation;
  bool from_family = false;
  bool from_you = false;
};
struct MessagePage {
  Child child;
  std::vector<Message> messages;  // newest first
  int total = 0;
  int page = 1;
  int per_page = 20;
};

struct FamilyCaseView {
  Child child;
  Basis basis = Basis::ParentalResponsibility;
  std::vector<store::CaseRow> cases;          // newest first
  std::optional<CaseView> current;            // the latest case
  std::vector<AppealRight> appeal_rights;     // of the latest case, oldest first
  std::vector<CommentWindow> comment_windows; // of the latest case, oldest first
  std::optional<AllAboutMeRecord> about_me;
  MessagePage messages;                       // the latest few
  Date today;
};

struct AccessEntry {
  std::string at;        // ISO 8601 UTC
  std::string action;    // audit action: read, list, create, append, ...
  std::string subject;   // audit subject: child, case, all_about_me, ...
  std::string basis;     // basis_name
  std::string who;       // the person's name ("" when unknown)
  std::string role;      // role wire name
  std::string organisation;
  bool you = false;      // the person reading the log
};
struct AccessLogPage {
  Child child;
  std::vector<AccessEntry> entries;  // newest first
  int total = 0;
  int page = 1;
  int per_page = 25;
};

class Family {
 public:
  Family(Storage& storage, const Today& today, const ServicesSettings& settings);

  FamilyHome home(const Actor& actor, const std::string& route);
  FamilyCaseView child_view(const Actor& actor, std::int64_t child_id, const std::string& route);

  std::optional<AllAboutMeRecord> all_about_me(const Actor& actor, std::int64_t child_id, const std::string& route);
  // The family's form (FamilyWrite): the child and the latest version to start from.
  struct AboutMeDraft {
    Child child;
    std::optional<AllAboutMeRecord> current;
  };
  AboutMeDraft all_about_me_draft(const Actor& actor, std::int64_t child_id, const std::string& route);
  AllAboutMeRecord save_all_about_me(const Actor& actor, std::int64_t child_id, AllAboutMe text,
                                     const std::string& route);

  // need: FamilyRead or CaseworkRead; FamilyWrite or CaseworkWrite.
  MessagePage messages(const Actor& actor, std::int64_t child_id, Capability need, int page, const std::string& route);
  Message send_message(const Actor& actor, std::int64_t child_id, const std::string& body, Capability need,
                       const std::string& route);

  ContactPreferences contact_preferences(const Actor& actor);
  ContactPreferences save_contact_preferences(const Actor& actor, ContactPreferences prefs, const std::string& route);

  AccessLogPage access_log(const Actor& actor, std::int64_t child_id, int page, const std::string& route);

  static constexpr std::size_t kMaxMessage = 5000;
  static constexpr int kMessagesPerPage = 20;
  static constexpr int kAccessPerPage = 25;

 private:
  Storage& storage_;
  const Today& today_;
  const ServicesSettings& settings_;
  Casework casework_;  // the case view the family reads (authorised and audited there too)
};

}  // namespace gt::app
