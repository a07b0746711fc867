// Contact preferences: how a person wants to hear from the service - by email, by post, by phone
// (with the number and address those need), in which language, in which accessible format, and how
// much about the child an email may say (nothing, or the child's first name). Every notification
// honours them (app/notices.h); every role has them.
//
// Contract:
//  - accessible_formats() and email_details() are code lists (codes.h); "" is "no accessible format".
//  - validate_contact_preferences trims the text and returns every problem, in field order, naming
//    the field: at least one way to contact; post needs an address (up to 500 characters); phone
//    needs a UK or international number (digits with optional spaces, +, brackets or hyphens; 10 to
//    15 digits); the language is required (up to 50 characters); the format and email detail must
//    be in their lists.
//  - Pure; no I/O.
#pragma once

#include <string>
#include <vector>

#include "domain/codes.h"
#include "domain/event.h"

namespace gt {

struct ContactPreferences {
  bool by_email = true;
  bool by_post = false;
  bool by_phone = false;
  std::string phone;
  std::string postal_address;
  std::string language = "English";
  std::string accessible_format;      // "" | large_print | braille | easy_read | audio | bsl
  std::string email_detail = "none";  // none | first_name
};

const CodeList& accessible_formats();  // large_print, braille, easy_read, audio, bsl
const CodeList& email_details();       // none, first_name

std::vector<FieldError> validate_contact_preferences(ContactPreferences& p);

}  // namespace gt
