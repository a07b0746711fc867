// Child: age arithmetic and validate_child, which normalises in place and reports every problem.
#include "domain/child.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace gt {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

Child valid_child() {
  Child c;
  c.given_name = "Amira";
  c.family_name = "Khan";
  c.date_of_birth = d("2015-03-14");
  c.sex = "F";
  c.ethnicity = "APKN";
  c.postcode = "LS1 4DY";
  c.upn = "B801200005001";
  c.nhs_number = "9434765919";
  return c;
}
const Date kToday = d("2025-06-01");

std::vector<std::string> fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

// ---- age_on ----
struct AgeCase {
  const char* dob;
  const char* day;
  int age;
};
std::ostream& operator<<(std::ostream& os, const AgeCase& c) { return os << c.dob << " on " << c.day; }
class AgeTest : public ::testing::TestWithParam<AgeCase> {};
TEST_P(AgeTest, CompletedYears) { EXPECT_EQ(age_on(d(GetParam().dob), d(GetParam().day)), GetParam().age); }
INSTANTIATE_TEST_SUITE_P(Child, AgeTest,
                         ::testing::Values(AgeCase{"2015-03-14", "2015-03-14", 0},
                                           AgeCase{"2015-03-14", "2025-03-13", 9},
                                           AgeCase{"2015-03-14", "2025-03-14", 10},
                                           AgeCase{"2015-03-14", "2025-12-31", 10},
                                           AgeCase{"2012-02-29", "2013-02-28", 0},  // birthday is 1 March
                                           AgeCase{"2012-02-29", "2013-03-01", 1},
                                           AgeCase{"2012-02-29", "2016-02-29", 4},
                                           AgeCase{"2000-12-31", "2025-12-30", 24},
                                           AgeCase{"2000-12-31", "2025-12-31", 25},
                                           AgeCase{"2025-06-02", "2025-06-01", -1}));

struct LastDayCase {
  const char* dob;
  const char* last;
};
std::ostream& operator<<(std::ostream& os, const LastDayCase& c) { return os << c.dob; }
class LastDayTest : public ::testing::TestWithParam<LastDayCase> {};
TEST_P(LastDayTest, EndOfAcademicYearOf25thBirthday) {
  EXPECT_EQ(last_day_of_plan_age(d(GetParam().dob)), d(GetParam().last));
}
INSTANTIATE_TEST_SUITE_P(Child, LastDayTest,
                         ::testing::Values(LastDayCase{"2000-01-01", "2025-07-31"},
                                           LastDayCase{"2000-07-31", "2025-07-31"},
                                           LastDayCase{"2000-08-01", "2026-07-31"},
                                           LastDayCase{"2000-12-31", "2026-07-31"},
                                           LastDayCase{"2000-02-29", "2025-07-31"}));

// ---- validate_child: a valid record, normalised ----
TEST(ValidateChild, ValidChildHasNoErrors) {
  Child c = valid_child();
  EXPECT_TRUE(validate_child(c, kToday).empty());
}

TEST(ValidateChild, NormalisesInPlace) {
  Child c = valid_child();
  c.given_name = "  Amira ";
  c.family_name = "\tKhan\n";
  c.sex = " f ";
  c.ethnicity = "amPk";
  c.postcode = "ls1  4dy";
  c.upn = " c82312345600a ";
  c.nhs_number = "943 476 5919";
  c.uln = "1234567899";
  auto errors = validate_child(c, kToday);
  EXPECT_TRUE(errors.empty()) << errors[0].field << ": " << errors[0].reason;
  EXPECT_EQ(c.given_name, "Amira");
  EXPECT_EQ(c.family_name, "Khan");
  EXPECT_EQ(c.sex, "F");
  EXPECT_EQ(c.ethnicity, "AMPK");
  EXPECT_EQ(c.postcode, "LS1 4DY");
  EXPECT_EQ(c.upn, "C82312345600A");  // temporary UPN accepted
  EXPECT_EQ(c.nhs_number, "9434765919");
  EXPECT_EQ(c.uln, "1234567899");
}

TEST(ValidateChild, InvalidIdentifiersAreLeftAsEntered) {
  Child c = valid_child();
  c.postcode = " sw1a 1ca ";
  c.nhs_number = "943 476 5918";
  auto errors = validate_child(c, kToday);
  ASSERT_EQ(fields(errors), (std::vector<std::string>{"postcode", "nhs_number"}));
  EXPECT_EQ(c.postcode, "sw1a 1ca");
  EXPECT_EQ(c.nhs_number, "943 476 5918");
}

TEST(ValidateChild, OptionalFieldsMayBeEmpty) {
  Child c = valid_child();
  c.postcode.clear();
  c.nhs_number.clear();
  EXPECT_TRUE(validate_child(c, kToday).empty());
}

TEST(ValidateChild, EmptyRecordReportsEveryRequiredField) {
  Child c;  // date of birth defaults to 1970-01-01: far too old
  auto errors = validate_child(c, kToday);
  EXPECT_EQ(fields(errors), (std::vector<std::string>{"given_name", "family_name", "date_of_birth", "sex",
                                                      "ethnicity", "upn_unknown"}));
}

// ---- validate_child: one change from valid gives exactly one message ----
struct ChildCase {
  std::string name;
  void (*change)(Child&);
  Date today;
  std::string field;  // empty: no error expected
  std::string reason;
};
std::ostream& operator<<(std::ostream& os, const ChildCase& c) { return os << c.name; }
class ValidateChildTest : public ::testing::TestWithParam<ChildCase> {};
TEST_P(ValidateChildTest, OneProblem) {
  Child c = valid_child();
  GetParam().change(c);
  auto errors = validate_child(c, GetParam().today);
  if (GetParam().field.empty()) {
    EXPECT_TRUE(errors.empty()) << errors[0].field << ": " << errors[0].reason;
    return;
  }
  ASSERT_EQ(errors.size(), 1u) << errors[0].reason;
  EXPECT_EQ(errors[0].field, GetParam().field);
  EXPECT_EQ(errors[0].reason, GetParam().reason);
}

const std::string kUnList = "UN1, UN2, UN3, UN5, UN8, UN9 or UN10";

INSTANTIATE_TEST_SUITE_P(
    Child, ValidateChildTest,
    ::testing::Values(
        // Names.
        ChildCase{"given_name_empty", [](Child& c) { c.given_name = ""; }, kToday, "given_name",
                  "Given name is required"},
        ChildCase{"given_name_blank", [](Child& c) { c.given_name = "   "; }, kToday, "given_name",
                  "Given name is required"},
        ChildCase{"family_name_empty", [](Child& c) { c.family_name = ""; }, kToday, "family_name",
                  "Family name is required"},
        ChildCase{"name_100_chars", [](Child& c) { c.family_name = std::string(100, 'a'); }, kToday, "", ""},
        ChildCase{"name_101_chars", [](Child& c) { c.family_name = std::string(101, 'a'); }, kToday, "family_name",
                  "Family name is 101 characters long; the limit is 100"},
        ChildCase{"name_100_accented_chars",
                  [](Child& c) {
                    c.given_name.clear();
                    for (int i = 0; i < 100; ++i) c.given_name += "\xC3\xA9";  // é: 200 bytes, 100 characters
                  },
                  kToday, "", ""},
        ChildCase{"name_unicode", [](Child& c) { c.given_name = "Zo\xC3\xAB-Ren\xC3\xA9\xC3\xA9 O'Brien"; }, kToday, "",
                  ""},
        ChildCase{"name_tab", [](Child& c) { c.given_name = "Ann\tMarie"; }, kToday, "given_name",
                  "Given name character 4 is a control character (U+0009), which is not allowed in a name"},
        ChildCase{"name_newline_after_accent", [](Child& c) { c.family_name = "L\xC3\xA9on\nX"; }, kToday,
                  "family_name",
                  "Family name character 5 is a control character (U+000A), which is not allowed in a name"},
        ChildCase{"name_delete", [](Child& c) { c.family_name = "Kh\x7F" "an"; }, kToday, "family_name",
                  "Family name character 3 is a control character (U+007F), which is not allowed in a name"},
        ChildCase{"name_c1_control", [](Child& c) { c.family_name = "Kh\xC2\x85" "an"; }, kToday, "family_name",
                  "Family name character 3 is a control character (U+0085), which is not allowed in a name"},
        ChildCase{"name_bad_utf8", [](Child& c) { c.family_name = "Kh\xC3" "an"; }, kToday, "family_name",
                  "Family name is not valid UTF-8 text (byte 3)"},
        ChildCase{"name_overlong_utf8", [](Child& c) { c.family_name = "K\xC0\xAF"; }, kToday, "family_name",
                  "Family name is not valid UTF-8 text (byte 2)"},
        // Date of birth and age.
        ChildCase{"born_today", [](Child& c) { c.date_of_birth = d("2025-06-01"); }, kToday, "", ""},
        ChildCase{"born_tomorrow", [](Child& c) { c.date_of_birth = d("2025-06-02"); }, kToday, "date_of_birth",
                  "Date of birth 2025-06-02 is in the future"},
        ChildCase{"age_25_before_31_july", [](Child& c) { c.date_of_birth = d("2000-05-01"); }, d("2025-07-31"), "",
                  ""},
        ChildCase{"age_25_after_31_july", [](Child& c) { c.date_of_birth = d("2000-05-01"); }, d("2025-08-01"),
                  "date_of_birth",
                  "Date of birth 2000-05-01 is too early: an EHC plan can run only until 31 July 2025, the end of "
                  "the academic year of the 25th birthday"},
        ChildCase{"august_birthday_runs_to_next_july", [](Child& c) { c.date_of_birth = d("2000-08-01"); },
                  d("2026-07-31"), "", ""},
        ChildCase{"august_birthday_after_next_july", [](Child& c) { c.date_of_birth = d("2000-08-01"); },
                  d("2026-08-01"), "date_of_birth",
                  "Date of birth 2000-08-01 is too early: an EHC plan can run only until 31 July 2026, the end of "
                  "the academic year of the 25th birthday"},
        // Sex and ethnicity.
        ChildCase{"sex_lower", [](Child& c) { c.sex = "m"; }, kToday, "", ""},
        ChildCase{"sex_unknown_U", [](Child& c) { c.sex = "U"; }, kToday, "", ""},
        ChildCase{"sex_empty", [](Child& c) { c.sex = ""; }, kToday, "sex",
                  "Sex is required: M (male), F (female) or U (not known)"},
        ChildCase{"sex_bad", [](Child& c) { c.sex = "x"; }, kToday, "sex",
                  "'X' is not a sex code: use M (male), F (female) or U (not known)"},
        ChildCase{"sex_word", [](Child& c) { c.sex = "Male"; }, kToday, "sex",
                  "'MALE' is not a sex code: use M (male), F (female) or U (not known)"},
        ChildCase{"ethnicity_extended", [](Child& c) { c.ethnicity = "WENG"; }, kToday, "", ""},
        ChildCase{"ethnicity_not_obtained", [](Child& c) { c.ethnicity = "NOBT"; }, kToday, "", ""},
        ChildCase{"ethnicity_empty", [](Child& c) { c.ethnicity = ""; }, kToday, "ethnicity",
                  "Ethnicity is required: use NOBT if it has not been obtained yet, or REFU if it was refused"},
        ChildCase{"ethnicity_bad", [](Child& c) { c.ethnicity = "ZZZZ"; }, kToday, "ethnicity",
                  "'ZZZZ' is not a DfE ethnicity code"},
        // Postcode and identifiers: messages come from identifiers.h.
        ChildCase{"postcode_bad", [](Child& c) { c.postcode = "QA1 1AA"; }, kToday, "postcode",
                  "Postcode 'QA1 1AA': a postcode cannot start with 'Q': Q, V and X are never the first letter"},
        ChildCase{"upn_bad_letter", [](Child& c) { c.upn = "C801200005001"; }, kToday, "upn",
                  "UPN check letter should be 'B' for this number, not 'C' (modulus 23 check)"},
        ChildCase{"upn_I", [](Child& c) { c.upn = "I801200005001"; }, kToday, "upn",
                  "UPN character 1 'I' is not a check letter: I, O and S are never used"},
        ChildCase{"uln_bad", [](Child& c) { c.uln = "123x567899"; }, kToday, "uln",
                  "ULN must be 10 digits; character 4 'x' is not a digit"},
        ChildCase{"uln_temporary", [](Child& c) { c.uln = "9999999999"; }, kToday, "uln",
                  "ULN 9999999999 is the temporary number used in the ILR and is not accepted"},
        ChildCase{"nhs_identical", [](Child& c) { c.nhs_number = "1111111111"; }, kToday, "nhs_number",
                  "NHS number 1111111111 is not accepted: all ten digits are the same"},
        ChildCase{"nhs_check", [](Child& c) { c.nhs_number = "9434765918"; }, kToday, "nhs_number",
                  "NHS number check digit should be 9, not 8 (modulus 11)"},
        // UPN / ULN / UPNunknown.
        ChildCase{"uln_only", [](Child& c) { c.upn = ""; c.uln = "1234567899"; }, kToday, "", ""},
        ChildCase{"neither_no_reason", [](Child& c) { c.upn = ""; }, kToday, "upn_unknown",
                  "Give a UPN or ULN, or the reason neither is known (" + kUnList + ")"},
        ChildCase{"neither_with_reason", [](Child& c) { c.upn = ""; c.upn_unknown = "un1"; }, kToday, "", ""},
        ChildCase{"neither_with_un10", [](Child& c) { c.upn = ""; c.upn_unknown = "UN10"; }, kToday, "", ""},
        ChildCase{"reason_un4", [](Child& c) { c.upn = ""; c.upn_unknown = "UN4"; }, kToday, "upn_unknown",
                  "UN4 is used in the children in need census, not in SEN2: use " + kUnList},
        ChildCase{"reason_un7", [](Child& c) { c.upn = ""; c.upn_unknown = "un7"; }, kToday, "upn_unknown",
                  "UN7 is used in the children in need census, not in SEN2: use " + kUnList},
        ChildCase{"reason_bad", [](Child& c) { c.upn = ""; c.upn_unknown = "UN11"; }, kToday, "upn_unknown",
                  "'UN11' is not a reason code: use " + kUnList},
        ChildCase{"upn_and_reason", [](Child& c) { c.upn_unknown = "UN1"; }, kToday, "upn_unknown",
                  "Leave the reason blank when a UPN or ULN is given"},
        ChildCase{"uln_and_reason", [](Child& c) { c.upn = ""; c.uln = "1234567899"; c.upn_unknown = "UN2"; },
                  kToday, "upn_unknown", "Leave the reason blank when a UPN or ULN is given"},
        ChildCase{"blank_upn_counts_as_none", [](Child& c) { c.upn = "   "; c.upn_unknown = "UN8"; }, kToday, "",
                  ""}),
    [](const ::testing::TestParamInfo<ChildCase>& info) { return info.param.name; });

TEST(ValidateChild, ReportsEveryProblemNotJustTheFirst) {
  Child c = valid_child();
  c.given_name = "";
  c.sex = "Q";
  c.postcode = "SW1A 1CA";
  c.upn = "C801200005001";
  c.uln = "1234567898";
  c.nhs_number = "123";
  c.upn_unknown = "UN1";
  auto errors = validate_child(c, kToday);
  EXPECT_EQ(fields(errors), (std::vector<std::string>{"given_name", "sex", "postcode", "upn", "uln", "nhs_number",
                                                      "upn_unknown"}));
}

}  // namespace
}  // namespace gt
