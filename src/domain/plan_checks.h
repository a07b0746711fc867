// Plan checks: the quality checks of the golden thread, shown to the writer as they work and
// listed before a version is issued. They do not stop a plan being saved: they say what a
// reader, an auditor or a tribunal would find wrong with it.
//
// Contract:
//  - check_thread returns every finding, in section order then element order, each with a stable
//    code, the section and element it is about, and a plain-English message that names the rule:
//      need_without_provision       a B need that no outcome with F provision addresses
//      health_need_without_provision  a C need that no outcome with G provision addresses
//      care_need_without_provision  a D need that no outcome with H1 or H2 provision addresses
//      outcome_without_need         an outcome that names no need
//      outcome_without_time_frame   an outcome with no date by which it should be achieved
//      outcome_without_provision    an outcome that no provision works towards
//      provision_without_outcome    a provision line that names no outcome
//      provision_not_specific       provision with a vague phrase ("access to", "as required",
//                                   "regular", "opportunities to", "as appropriate", "up to",
//                                   "should", "where possible", "support as needed"),
//                                   no frequency, or no deliverer - one finding per reason
//  - The vague phrases are matched as whole words, case-insensitively.
//  - Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/plan.h"

namespace gt {

struct ThreadFinding {
  std::string code;        // see above
  PlanSection section = PlanSection::A;
  std::string element_id;  // "F-3"
  std::string message;     // "F-3 does not say how often ..."
};

std::vector<ThreadFinding> check_thread(const Plan& plan);

// The vague phrases found in a provision text, in the order of the list above (for the message
// and for tests).
std::vector<std::string_view> vague_phrases_in(std::string_view text);

}  // namespace gt
