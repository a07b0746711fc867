// Advice: advice asked of organisations for an EHC needs assessment (SEND Regulations 2014
// reg 6(1)), due six weeks from the request (reg 8(1)): the council asks, the organisation's advice
// givers answer from their shared inbox (access belongs to the organisation, so it survives staff
// turnover), by submitting advice as sections, declining with a reason, or offering advice the
// organisation already gave for the same child, which counts only when the family and the council
// both agree. The council may withdraw a request.
//
// Contract:
//  - Asking is refused (Unprocessable on "organisation_id") unless consent to share the child's
//    record with that organisation is in force or an override is on record; the organisation's
//    kind must fit the advice (educational psychology: an EP service; health: a health team;
//    social care: a social-care team; education: a school; other: any but the council). One
//    transaction writes the request (due = requested_on + 6 weeks; basis consent or override),
//    appends advice_requested to the chronology (Casework::append_event_in: the whole chronology
//    is re-checked and audited) and notifies every member of the organisation - or nothing at all.
//  - Advice givers see a request only while it is open ('requested'), only for their own
//    organisation and only while consent or the override holds (access.h AdviceRequested);
//    otherwise NotFound. Council staff get Forbidden on the advice giver's pages (the case is
//    visible to them; the action is not theirs) and use the council's own view of each request.
//  - Submitting (or a reuse both sides agreed) appends advice_received with the same advice id,
//    dated today, in the same transaction that marks the request submitted, and tells the
//    council: the case's caseworker, or the council team when none is assigned, with the case's
//    next council deadline from the clock. Declining tells them too, with the reason.
//  - Withdrawing strikes the advice_requested entry out of the chronology (Casework's correction,
//    so the A3 deadline no longer counts) and then marks the request withdrawn; the organisation
//    is told. Only a request still open or declined can be withdrawn.
//  - Every read is audited (read or list, subject advice_request, with the child and the basis);
//    every write is audited inside its transaction. Routes are patterns, never URLs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/access.h"
#include "app/accounts.h"
#include "app/casework.h"
#include "app/services_settings.h"
#include "app/today.h"
#include "domain/date.h"
#include "domain/event.h"
#include "store/advice_store.h"
#include "store/organisations_store.h"
#include "store/records.h"

namespace gt::app {

class Storage;

// --- the rules (pure) ----------------------------------------------------------------------------

// reg 8(1): the advice is due within 6 weeks (42 calendar days) of the request.
Date advice_due_on(Date requested_on);
// Whether an organisation of `kind` may be asked for advice of this type.
bool organisation_fits(AdviceFrom from, std::string_view kind);
// "educational psychology advice", ...
std::string advice_from_words(AdviceFrom from);

// The sections advice is written in, in the order a form shows them.
struct AdviceSectionSpec {
  std::string key;    // the JSON key and the form field's name
  std::string label;
  std::string hint;
  bool required = false;
  std::size_t max_chars = 0;
};
const std::vector<AdviceSectionSpec>& advice_sections();
struct SectionText {
  std::string key;
  std::string label;
  std::string text;
};
// Parses stored sections (JSON) into the order of advice_sections(); unknown keys follow.
std::vector<SectionText> parse_sections(const std::optional<std::string>& json);
// What the advice giver typed, by section key. validate_sections gives every problem (the
// section's key and a plain-English message), in the order of advice_sections(): required
// sections left empty, sections over their length (characters, after trimming).
using SectionInput = std::vector<std::pair<std::string, std::string>>;
std::vector<std::pair<std::string, std::string>> validate_sections(const SectionInput& in);

// Limits on the other free text.
inline constexpr std::size_t kDeclineReasonMax = 2000;
inline constexpr std::size_t kWithdrawReasonMax = 900;
inline constexpr std::size_t kSectionMax = 10000;

// --- what the pages see --------------------------------------------------------------------------

// Sharing with one organisation, as the council's form shows it.
struct AdviceOrganisationChoice {
  store::OrganisationRow organisation;
  std::string sharing;  // consent | override | none
};
struct AskContext {
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::string child_name;
  std::vector<AdviceOrganisationChoice> organisations;  // every organisation but councils, by name
};

struct AdviceRequestInput {
  std::int64_t organisation_id = 0;  // 0: not chosen
  std::string advice_from;           // wire name (event.h)
  std::optional<Date> requested_on;
};

// The council's view of one request.
struct CouncilAdviceView {
  store::AdviceRequestRow request;
  std::vector<SectionText> sections;                   // the advice, once submitted
  std::optional<store::AdviceRequestRow> reuse_of;     // the earlier advice offered for reuse
  std::vector<SectionText> reuse_sections;
  Date today;
};

// One row of the advice giver's inbox. `visible` is false when the organisation may no longer see
// the child's record (the request is answered or withdrawn, or consent was withdrawn): the page
// then shows the request without the child's details.
struct InboxRow {
  store::AdviceRequestRow request;
  bool visible = false;
};
struct Inbox {
  std::string organisation_name;
  std::vector<InboxRow> rows;
  Date today;
};

// What the advice giver needs to give advice (the request page). The child's "all about me" comes
// from Family::all_about_me (tell us once: the same words everywhere).
struct GiverView {
  store::AdviceRequestRow request;
  store::ChildRow child;
  std::optional<store::NeedsRow> needs;
  std::vector<store::PlacementRow> placements;  // current placements
  std::vector<store::AdviceRequestRow> earlier;   // advice this organisation already gave the child
  std::optional<store::AdviceRequestRow> reuse_of;
  std::vector<SectionText> reuse_sections;
  Date today;
};

// The family's view of an offer to reuse earlier advice.
struct FamilyReuseView {
  store::AdviceRequestRow request;
  store::AdviceRequestRow earlier;
  std::vector<SectionText> earlier_sections;
  Date today;
};

class Advice {
 public:
  Advice(Storage& storage, const Today& today, const ServicesSettings& settings);

  // The council ---------------------------------------------------------------------------------
  AskContext ask_context(const Actor& actor, std::int64_t case_id, const std::string& route);
  store::AdviceRequestRow request_advice(const Actor& actor, std::int64_t case_id, const AdviceRequestInput& in,
                                         const std::string& route);
  std::vector<store::AdviceRequestRow> requests_of_case(const Actor& actor, std::int64_t case_id,
                                                        const std::string& route);
  CouncilAdviceView council_view(const Actor& actor, std::int64_t case_id, std::int64_t request_id,
                                 const std::string& route);
  void withdraw(const Actor& actor, std::int64_t case_id, std::int64_t request_id, const std::string& reason,
                const std::string& route);
  // The council's answer to an offer of reuse (CaseworkWrite).
  store::AdviceRequestRow council_answer_reuse(const Actor& actor, std::int64_t case_id, std::int64_t request_id,
                                               bool agree, const std::string& route);

  // The advice giver -----------------------------------------------------------------------------
  Inbox inbox(const Actor& actor, const std::string& status, const std::string& route);
  GiverView request_for_giver(const Actor& actor, std::int64_t request_id, const std::string& route,
                              Capability need = Capability::AdviceRead);
  store::AdviceRequestRow submit(const Actor& actor, std::int64_t request_id, const SectionInput& sections,
                                 const std::string& route);
  store::AdviceRequestRow decline(const Actor& actor, std::int64_t request_id, const std::string& reason,
                                  const std::string& route);
  store::AdviceRequestRow offer_reuse(const Actor& actor, std::int64_t request_id, std::int64_t earlier_id,
                                      const std::string& route);

  // The family ----------------------------------------------------------------------------------
  FamilyReuseView reuse_for_family(const Actor& actor, std::int64_t request_id, const std::string& route,
                                   Capability need = Capability::FamilyRead);
  store::AdviceRequestRow family_answer_reuse(const Actor& actor, std::int64_t request_id, bool agree,
                                              const std::string& route);

 private:
  Storage& storage_;
  const Today& today_;
  const ServicesSettings& settings_;
  // Advice writes a case's chronology inside its own transactions (append_event_in) and withdraws
  // through Casework's correction; this instance shares the Storage with Services::casework.
  Casework casework_;
};

}  // namespace gt::app
