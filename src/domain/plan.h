// Plan: the content of an EHC plan, in the sections the SEND Code of Practice (9.62) sets out -
// A (views, interests, aspirations), B (special educational needs), C (health needs), D (social
// care needs), E (outcomes), F (special educational provision), G (health provision), H1 and H2
// (social care provision), I (placement), J (personal budget), K (advice and information).
//
// Contract:
//  - The golden thread is held by links: an outcome names the needs it addresses (ids of B, C or
//    D needs); a provision line names the outcomes it works towards (ids of E outcomes). Checks of
//    the thread are in plan_checks.h; this file only says what is well formed.
//  - Every element (paragraph, need, outcome, provision line, advice) has an id unique in the plan
//    and stable across versions: its section code, a hyphen and a number from the plan's counter ("F-7", "H1-4")
//    (`last_number`), which only grows, so an id is never reused for another element. Comments,
//    comparisons and delivery records refer to elements by id.
//  - validate_plan trims free text in place and returns every problem, naming the field as
//    "<element id>.<field>" (e.g. "F-3.minutes") or the section ("I.name"). A plan with problems
//    is not saved; a plan with thread findings is (they are for the writer to resolve).
//  - plan_lines gives each element as one line of plain English, in section order: the text the
//    comparison, comments, the HTML and the PDF all show, so they cannot disagree.
//  - Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/event.h"

namespace gt {

enum class PlanSection { A, B, C, D, E, F, G, H1, H2, I, J, K };
const std::vector<PlanSection>& all_plan_sections();
std::string_view plan_section_code(PlanSection s);   // "A", ..., "H1", "H2", ..., "K"
std::optional<PlanSection> parse_plan_section(std::string_view code);
std::string_view plan_section_title(PlanSection s);  // "Special educational needs"
std::string_view plan_section_question(PlanSection s);  // plain English for families

struct PlanParagraph {       // A and J (and free notes)
  std::string id;
  std::string heading;       // "My aspirations" (optional)
  std::string text;
};

struct PlanNeed {            // B, C or D
  std::string id;
  PlanSection section = PlanSection::B;
  std::string text;
  std::string sen_type;      // B only: plan_sen_types(), e.g. "ASD"
  std::string broad_area;    // B only: broad_areas(), e.g. "communication_and_interaction"
};

struct PlanOutcome {         // E
  std::string id;
  std::string text;
  std::vector<std::string> needs;  // ids of the needs it addresses
  std::optional<Date> by;          // the time frame: achieved by this date
  std::string steps;               // optional: the steps towards it (short-term targets)
};

enum class FrequencyPer { None, Day, Week, Fortnight, HalfTerm, Term, Year };
std::string_view frequency_per_name(FrequencyPer p);   // "none", "day", "week", ... (wire name)
std::optional<FrequencyPer> parse_frequency_per(std::string_view name);
std::string_view frequency_per_label(FrequencyPer p);  // "a week", "each half term", ...

struct PlanProvision {       // F, G, H1 or H2
  std::string id;
  PlanSection section = PlanSection::F;
  std::string what;               // what the provision is
  std::string delivered_by;       // the role that delivers it: "speech and language therapist"
  std::string qualification;      // "HCPC registered" (optional)
  std::string provider;           // who arranges it: "the school", "NHS community SALT" (optional)
  std::int64_t provider_organisation_id = 0;  // the organisation that records delivery; 0 = the setting in I
  int sessions = 0;               // how often: `sessions` per `per`
  FrequencyPer per = FrequencyPer::None;
  int minutes = 0;                // minutes a session
  int group_size = 0;             // 1 = one to one; 0 = not stated
  std::optional<Date> from;       // from when
  std::optional<Date> until;      // for how long (absent: until the plan is reviewed)
  std::vector<std::string> outcomes;  // ids of the outcomes it works towards
};

struct PlanPlacement {       // I
  std::string name;               // the school or college, or the type of setting
  std::string urn;                // 6 digits, optional (a type of setting has none)
  std::string kind;               // "mainstream", "resourced provision", ... (free text)
  std::string notes;
};

struct PlanAdvice {          // K
  std::string id;
  std::string from;               // "Educational psychology service"
  std::string author;             // name and role
  std::optional<Date> date;
  std::string title;
};

struct Plan {
  std::vector<PlanParagraph> views;            // A
  std::vector<PlanNeed> needs;                 // B, C, D
  std::vector<PlanOutcome> outcomes;           // E
  std::vector<PlanProvision> provision;        // F, G, H1, H2
  PlanPlacement placement;                     // I
  std::vector<PlanParagraph> personal_budget;  // J
  std::vector<PlanAdvice> advice;              // K
  int last_number = 0;                         // the id counter (only grows)
};

// A fresh id for a new element of `section` ("F-7"), advancing the plan's counter.
std::string next_element_id(Plan& plan, PlanSection section);

// The section an id belongs to ("H1-4" -> H1, "F-7" -> F), or nullopt if malformed.
std::optional<PlanSection> section_of_id(std::string_view id);

// Well-formedness (not quality): see the contract above.
std::vector<FieldError> validate_plan(Plan& plan);

// Lookups by id (nullptr when absent).
const PlanNeed* find_need(const Plan& p, std::string_view id);
const PlanOutcome* find_outcome(const Plan& p, std::string_view id);
const PlanProvision* find_provision(const Plan& p, std::string_view id);

// How often, in plain English: "2 sessions a week, 30 minutes each, one to one".
std::string provision_frequency_text(const PlanProvision& p);

struct PlanLine {
  PlanSection section = PlanSection::A;
  std::string id;       // the element's id; "I" for the placement
  std::string text;     // one line of plain English
};
std::vector<PlanLine> plan_lines(const Plan& p);

}  // namespace gt
