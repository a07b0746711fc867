// Codes: the code lists a SEND case record uses, each code with a plain-English label (SEND reference
// s2.5, s3, s4.6, s5.6).
//
// Contract:
//  - A CodeList is constant data with static lifetime; find() matches the code exactly (codes are
//    stored upper case for DfE lists, snake_case for our own) and returns nullptr when absent.
//    Lists keep the order in which a form should offer them.
//  - Code::group relates a code to another list, per list: SEN type -> broad area code ("" for OTH,
//    NSA and DS, which DfE maps to no area); ethnicity -> main group code (a main code is its own
//    group); placement setting type -> setting group (s5.6 bands). Elsewhere it is "".
//  - DfE codes are carried as DfE writes them. Where DfE has no code (broad areas, setting groups,
//    placement setting types) the codes are ours, in snake_case, and are stable wire names.
//  - SEN types: sen_types() holds all 14; plan_sen_types() the 13 valid for an EHC plan (SEN2: adds
//    DS from 2025, never NSA); support_sen_types() the 13 of the school census for SEN support
//    (NSA, no DS).
//  - Sex: M, F and U. SEN2 (2024+) names M and F; published figures show a small unknown group, so U
//    ("Not known") is accepted rather than forcing a guess. Map U to blank if DfE rejects it.
//  - Ethnicity: the 20 main DfE codes plus the extended CBDS sub-codes we know; each sub-code rolls
//    up to its main group. The sub-code list is from our knowledge of the CBDS list [U: check it
//    against the current CBDS before an SEN2 submission].
//  - Pure constant data: no I/O.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace gt {

struct Code {
  std::string_view code;
  std::string_view label;
  std::string_view group = {};
};

class CodeList {
 public:
  constexpr CodeList(std::string_view name, std::span<const Code> codes) : name_(name), codes_(codes) {}

  std::string_view name() const { return name_; }  // e.g. "SENtype"
  std::span<const Code> codes() const { return codes_; }
  auto begin() const { return codes_.begin(); }
  auto end() const { return codes_.end(); }
  std::size_t size() const { return codes_.size(); }

  const Code* find(std::string_view code) const;
  bool contains(std::string_view code) const { return find(code) != nullptr; }
  std::string_view label(std::string_view code) const;  // "" when absent
  std::string_view group(std::string_view code) const;  // "" when absent or ungrouped

 private:
  std::string_view name_;
  std::span<const Code> codes_;
};

// SEN type of need (s2.5, s3.2) and the four broad areas of need (Code of Practice ch. 6, s3.3).
const CodeList& sen_types();
const CodeList& plan_sen_types();
const CodeList& support_sen_types();
const CodeList& broad_areas();  // communication_and_interaction, cognition_and_learning, ...
std::string_view broad_area_of(std::string_view sen_type);  // broad area code, "" if none/unknown

// SEN2 modules 2-5.
const CodeList& request_sources();      // "1".."5"
const CodeList& request_outcomes();     // Y N A W H
const CodeList& assessment_outcomes();  // Y N A W H
const CodeList& review_outcomes();      // M A C
const CodeList& cease_reasons();        // "1".."9"
const CodeList& sen_settings();         // OLA OPA EHE EYP OTH NEET NIEC NIEO

// Placements: our setting types (mainstream_la, special_independent, fe_college, ap_pru, ...), each
// grouped into the s5.6 bands of setting_groups(). sen_setting_for gives the SEN2 SENsetting code for a
// setting type that has no URN/UKPRN (ehe -> EHE, eotas -> OLA, ...), "" for one that has a URN/UKPRN.
const CodeList& setting_groups();
const CodeList& setting_types();
std::string_view sen_setting_for(std::string_view setting_type);

// Module 1 (person).
const CodeList& upn_unknown_reasons();  // UN1 UN2 UN3 UN5 UN8 UN9 UN10
const CodeList& sexes();                // M F U
const CodeList& ethnicity_main_groups();  // the 20 main codes
const CodeList& ethnicities();          // main codes and extended sub-codes
std::string_view ethnicity_main_group(std::string_view code);  // "WENG" -> "WBRI"; "" if unknown

}  // namespace gt
