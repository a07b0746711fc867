#include "domain/child.h"

#include <array>
#include <string_view>

#include "domain/codes.h"
#include "domain/identifiers.h"
#include "domain/text.h"

namespace gt {

namespace {


std::string hex4(std::uint32_t cp) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "U+";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 15];
  return out;
}

// Checks one name; appends at most one problem.
void check_name(const std::string& name, std::string_view field, std::string_view title,
                std::vector<FieldError>& out) {
  auto add = [&](std::string reason) { out.push_back({std::string(field), std::move(reason)}); };
  if (name.empty()) return add(std::string(title) + " is required");
  size_t chars = 0;
  for (size_t i = 0; i < name.size();) {
    auto b = static_cast<unsigned char>(name[i]);
    size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    std::uint32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    bool valid = n != 0 && i + n <= name.size();
    for (size_t k = 1; valid && k < n; ++k) {
      auto cb = static_cast<unsigned char>(name[i + k]);
      valid = (cb & 0xC0) == 0x80;
      cp = (cp << 6) | (cb & 0x3F);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF as well.
    static constexpr std::array<std::uint32_t, 5> kMin = {0, 0, 0x80, 0x800, 0x10000};
    if (valid) valid = cp >= kMin[n] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    ++chars;
    if (!valid)
      return add(std::string(title) + " is not valid UTF-8 text (byte " + std::to_string(i + 1) + ")");
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
      return add(std::string(title) + " character " + std::to_string(chars) + " is a control character (" +
                 hex4(cp) + "), which is not allowed in a name");
    i += n;
  }
  if (chars > kMaxNameLength)
    add(std::string(title) + " is " + std::to_string(chars) + " characters long; the limit is " +
        std::to_string(kMaxNameLength));
}

std::string day_month_year(Date d) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};
  return std::to_string(d.day()) + " " + std::string(kMonths[d.month() - 1]) + " " + std::to_string(d.year());
}

// Validates an optional identifier in place: empty stays empty; valid becomes normalised.
template <typename Check>
void check_identifier(std::string& value, std::string_view field, Check check, std::vector<FieldError>& out) {
  trim(value);
  if (value.empty()) return;
  IdResult r = check(value);
  if (r.ok)
    value = r.value;
  else
    out.push_back({std::string(field), r.error});
}

constexpr std::string_view kUnCodes = "UN1, UN2, UN3, UN5, UN8, UN9 or UN10";

}  // namespace

int age_on(Date dob, Date day) {
  int years = day.year() - dob.year();
  if (day.month() < dob.month() || (day.month() == dob.month() && day.day() < dob.day())) --years;
  return years;
}

Date last_day_of_plan_age(Date dob) {
  int year_turning_25 = dob.year() + 25;
  // Academic year 1 August - 31 July: a birthday in August or later ends in the next calendar year.
  return Date::from_ymd(dob.month() >= 8 ? year_turning_25 + 1 : year_turning_25, 7, 31);
}

std::vector<FieldError> validate_child(Child& c, Date today) {
  std::vector<FieldError> out;

  trim(c.given_name);
  trim(c.family_name);
  check_name(c.given_name, "given_name", "Given name", out);
  check_name(c.family_name, "family_name", "Family name", out);

  if (c.date_of_birth > today) {
    out.push_back({"date_of_birth", "Date of birth " + c.date_of_birth.to_string() + " is in the future"});
  } else if (Date last = last_day_of_plan_age(c.date_of_birth); today > last) {
    out.push_back({"date_of_birth", "Date of birth " + c.date_of_birth.to_string() +
                                        " is too early: an EHC plan can run only until " + day_month_year(last) +
                                        ", the end of the academic year of the 25th birthday"});
  }

  trim_upper(c.sex);
  if (c.sex.empty())
    out.push_back({"sex", "Sex is required: M (male), F (female) or U (not known)"});
  else if (!sexes().contains(c.sex))
    out.push_back({"sex", "'" + c.sex + "' is not a sex code: use M (male), F (female) or U (not known)"});

  trim_upper(c.ethnicity);
  if (c.ethnicity.empty())
    out.push_back({"ethnicity", "Ethnicity is required: use NOBT if it has not been obtained yet, or REFU if it "
                                "was refused"});
  else if (!ethnicities().contains(c.ethnicity))
    out.push_back({"ethnicity", "'" + c.ethnicity + "' is not a DfE ethnicity code"});

  check_identifier(c.postcode, "postcode", validate_postcode, out);
  check_identifier(c.upn, "upn", validate_upn, out);
  check_identifier(c.uln, "uln", validate_uln, out);
  check_identifier(c.nhs_number, "nhs_number", validate_nhs_number, out);

  trim_upper(c.upn_unknown);
  bool has_id = !c.upn.empty() || !c.uln.empty();
  if (has_id) {
    if (!c.upn_unknown.empty())
      out.push_back({"upn_unknown", "Leave the reason blank when a UPN or ULN is given"});
  } else if (c.upn_unknown.empty()) {
    out.push_back({"upn_unknown", "Give a UPN or ULN, or the reason neither is known (" + std::string(kUnCodes) + ")"});
  } else if (!upn_unknown_reasons().contains(c.upn_unknown)) {
    if (c.upn_unknown == "UN4" || c.upn_unknown == "UN6" || c.upn_unknown == "UN7")
      out.push_back({"upn_unknown", c.upn_unknown + " is used in the children in need census, not in SEN2: use " +
                                        std::string(kUnCodes)});
    else
      out.push_back({"upn_unknown", "'" + c.upn_unknown + "' is not a reason code: use " + std::string(kUnCodes)});
  }
  return out;
}

}  // namespace gt
