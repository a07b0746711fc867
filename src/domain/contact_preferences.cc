#include "domain/contact_preferences.h"

#include <array>

#include "domain/text.h"

namespace gt {

namespace {

constexpr std::array<Code, 5> kFormats = {{
    {"large_print", "Large print"},
    {"braille", "Braille"},
    {"easy_read", "Easy read"},
    {"audio", "Audio"},
    {"bsl", "British Sign Language (BSL) video"},
}};
constexpr std::array<Code, 2> kDetails = {{
    {"none", "No details: just tell me there is something new and link to it"},
    {"first_name", "The child's or young person's first name"},
}};
constexpr CodeList kFormatList("AccessibleFormat", kFormats);
constexpr CodeList kDetailList("EmailDetail", kDetails);

bool phone_ok(const std::string& p) {
  int digits = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c >= '0' && c <= '9') ++digits;
    else if (c == '+' && i == 0) continue;
    else if (c != ' ' && c != '-' && c != '(' && c != ')') return false;
  }
  return digits >= 10 && digits <= 15;
}

}  // namespace

const CodeList& accessible_formats() { return kFormatList; }
const CodeList& email_details() { return kDetailList; }

std::vector<FieldError> validate_contact_preferences(ContactPreferences& p) {
  trim(p.phone);
  trim(p.postal_address);
  trim(p.language);
  trim(p.accessible_format);
  trim(p.email_detail);
  std::vector<FieldError> out;
  if (!p.by_email && !p.by_post && !p.by_phone) out.push_back({"channels", "select at least one way to contact you"});
  if (p.by_post && p.postal_address.empty()) out.push_back({"postal_address", "enter the address to send letters to"});
  else if (p.postal_address.size() > 500) out.push_back({"postal_address", "the address must be 500 characters or fewer"});
  if (p.by_phone && p.phone.empty()) out.push_back({"phone", "enter the phone number to call"});
  else if (!p.phone.empty() && !phone_ok(p.phone))
    out.push_back({"phone", "enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"});
  if (p.language.empty()) out.push_back({"language", "enter the language you want us to use"});
  else if (p.language.size() > 50) out.push_back({"language", "the language must be 50 characters or fewer"});
  if (!p.accessible_format.empty() && !accessible_formats().contains(p.accessible_format))
    out.push_back({"accessible_format", "select an accessible format from the list"});
  if (!email_details().contains(p.email_detail))
    out.push_back({"email_detail", "select what our emails may say about the child or young person"});
  return out;
}

}  // namespace gt
