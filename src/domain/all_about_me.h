// All about me: the child's or young person's own words - their views, interests, aspirations,
// what works and what does not, and how they communicate (SEND Code of Practice 9.21, the views,
// wishes and feelings the council must have regard to under CFA 2014 s19). Written once by the
// family, reused in every request, assessment and review.
//
// Contract:
//  - all_about_me_sections() lists the six sections in the order they are asked and shown: the
//    field name (a stable wire name), the heading the family sees and a hint.
//  - validate_all_about_me trims every section and returns every problem, in section order,
//    naming the field: each section up to kMaxAboutMeSection characters, and at least one written.
//  - Pure; no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/event.h"

namespace gt {

struct AllAboutMe {
  std::string views;          // what I think about my education, health and care
  std::string interests;      // what I like doing
  std::string aspirations;    // what I want for my future
  std::string what_works;     // what helps me
  std::string what_does_not;  // what does not help me
  std::string communication;  // how I communicate and how to talk with me
};

struct AboutMeSection {
  std::string_view field;
  std::string_view heading;
  std::string_view hint;
  std::string AllAboutMe::*member;
};
const std::vector<AboutMeSection>& all_about_me_sections();

inline constexpr std::size_t kMaxAboutMeSection = 4000;

std::vector<FieldError> validate_all_about_me(AllAboutMe& a);

}  // namespace gt
