// What families and the council type about sharing, "all about me" and contact preferences: every
// problem is found, each naming its field; text is trimmed; the recorded words of a lawful basis.
#include <gtest/gtest.h>

#include "domain/all_about_me.h"
#include "domain/consent.h"
#include "domain/contact_preferences.h"

namespace gt {
namespace {

std::vector<std::string> fields(const std::vector<FieldError>& e) {
  std::vector<std::string> out;
  for (const auto& x : e) out.push_back(x.field);
  return out;
}
using Strings = std::vector<std::string>;

TEST(ConsentTermsTest, OverrideNeedsABasisAndAReason) {
  std::string basis, other, reason;
  EXPECT_EQ(fields(validate_override(basis, other, reason)), (Strings{"lawful_basis", "reason"}));
  basis = "other";
  reason = "   ";
  EXPECT_EQ(fields(validate_override(basis, other, reason)), (Strings{"other_basis", "reason"}));
  basis = "made_up";
  reason = "x";
  EXPECT_EQ(fields(validate_override(basis, other, reason)), (Strings{"lawful_basis"}));
  basis = " safeguarding ";
  reason = "  Section 47 enquiry opened by the duty team  ";
  EXPECT_TRUE(validate_override(basis, other, reason).empty());
  EXPECT_EQ(basis, "safeguarding");
  EXPECT_EQ(reason, "Section 47 enquiry opened by the duty team");
  reason = std::string(kMaxOverrideReason + 1, 'a');
  EXPECT_EQ(fields(validate_override(basis, other, reason)), (Strings{"reason"}));
}

TEST(ConsentTermsTest, TheWordsRecordedForABasis) {
  EXPECT_EQ(lawful_basis_words("other", "Mental Capacity Act 2005 best interests decision"),
            "Other: Mental Capacity Act 2005 best interests decision");
  EXPECT_NE(lawful_basis_words("safeguarding", "").find("Children Act 1989 section 47"), std::string::npos);
  EXPECT_NE(lawful_basis_words("public_task", "").find("Article 6(1)(e)"), std::string::npos);
  EXPECT_TRUE(consent_purposes().contains("advice"));
  EXPECT_TRUE(consent_methods().contains("by_phone"));
}

TEST(AllAboutMeTest, AtLeastOneSectionEachWithinItsLength) {
  AllAboutMe a;
  a.views = "   ";
  EXPECT_EQ(fields(validate_all_about_me(a)), (Strings{"views"}));
  a.interests = "  Trains and drawing ";
  EXPECT_TRUE(validate_all_about_me(a).empty());
  EXPECT_EQ(a.interests, "Trains and drawing");
  a.communication = std::string(kMaxAboutMeSection + 1, 'x');
  EXPECT_EQ(fields(validate_all_about_me(a)), (Strings{"communication"}));
  EXPECT_EQ(all_about_me_sections().size(), 6u);
}

TEST(ContactPreferencesTest, ChannelsNeedTheirDetails) {
  ContactPreferences p;
  p.by_email = false;
  EXPECT_EQ(fields(validate_contact_preferences(p)), (Strings{"channels"}));
  p.by_post = true;
  p.by_phone = true;
  p.phone = "call me";
  p.language = " ";
  p.accessible_format = "smoke_signals";
  p.email_detail = "full_name";
  EXPECT_EQ(fields(validate_contact_preferences(p)),
            (Strings{"postal_address", "phone", "language", "accessible_format", "email_detail"}));
  p.postal_address = "1 Mill Lane, Northmoor NM1 4AB";
  p.phone = " +44 (0)7700 900-982 ";
  p.language = "Polish";
  p.accessible_format = "large_print";
  p.email_detail = "first_name";
  EXPECT_TRUE(validate_contact_preferences(p).empty());
  EXPECT_EQ(p.phone, "+44 (0)7700 900-982");
  p.phone = "12345";  // too few digits
  EXPECT_EQ(fields(validate_contact_preferences(p)), (Strings{"phone"}));
}

}  // namespace
}  // namespace gt
