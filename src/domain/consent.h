// Consent: the words of sharing a child's record - what a family consents to (the purpose), how
// the council heard of consent given outside this service, and the lawful bases on which the
// council may share without consent (an override), with the checks on what was entered.
//
// Contract:
//  - consent_purposes(), consent_methods() and lawful_bases() are code lists (codes.h) in the order
//    a form offers them; codes are stable snake_case wire names.
//  - validate_override(basis, other, reason) returns every problem, in field order, naming the
//    field: the basis must be one of lawful_bases(); "other" needs its words (up to 300
//    characters); the reason is required (up to 2000 characters). Text is trimmed first.
//  - lawful_basis_words(basis, other): the words recorded with the override (the basis's label,
//    or "Other: <words>"), so the record keeps what was decided even if the list changes later.
//  - Pure; no I/O. These are the choices offered, not legal advice: the council's data protection
//    officer decides which bases it relies on.
#pragma once

#include <string>
#include <vector>

#include "domain/codes.h"
#include "domain/event.h"

namespace gt {

const CodeList& consent_purposes();  // advice | plan | all
const CodeList& consent_methods();   // on_paper | by_phone | in_person | by_email
const CodeList& lawful_bases();      // public_task | safeguarding | court_order | other

inline constexpr std::size_t kMaxOverrideReason = 2000;
inline constexpr std::size_t kMaxOtherBasis = 300;

std::vector<FieldError> validate_override(std::string& basis, std::string& other, std::string& reason);
std::string lawful_basis_words(const std::string& basis, const std::string& other);

}  // namespace gt
