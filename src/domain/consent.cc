#include "domain/consent.h"

#include <array>

#include "domain/text.h"

namespace gt {

namespace {

constexpr std::array<Code, 3> kPurposes = {{
    {"advice", "To give advice for an EHC needs assessment or re-assessment"},
    {"plan", "To help write, deliver and review the EHC plan"},
    {"all", "For all of the child's or young person's special educational needs support: assessments, the plan "
            "and reviews"},
}};

constexpr std::array<Code, 4> kMethods = {{
    {"on_paper", "On a signed form"},
    {"by_phone", "By phone"},
    {"in_person", "In person, at a meeting"},
    {"by_email", "By email"},
}};

constexpr std::array<Code, 4> kBases = {{
    {"public_task",
     "UK GDPR Article 6(1)(e) public task, with Article 9(2)(g) substantial public interest (Data Protection Act "
     "2018 Schedule 1 paragraph 6, statutory purposes): the council's duties under the Children and Families Act "
     "2014 Part 3"},
    {"safeguarding",
     "Safeguarding: Children Act 1989 section 47 enquiries about a child at risk of significant harm (Data "
     "Protection Act 2018 Schedule 1 paragraph 18)"},
    {"court_order", "An order of a court or tribunal"},
    {"other", "Another lawful basis (say which)"},
}};

constexpr CodeList kPurposeList("ConsentPurpose", kPurposes);
constexpr CodeList kMethodList("ConsentMethod", kMethods);
constexpr CodeList kBasisList("LawfulBasis", kBases);

}  // namespace

const CodeList& consent_purposes() { return kPurposeList; }
const CodeList& consent_methods() { return kMethodList; }
const CodeList& lawful_bases() { return kBasisList; }

std::vector<FieldError> validate_override(std::string& basis, std::string& other, std::string& reason) {
  trim(basis);
  trim(other);
  trim(reason);
  std::vector<FieldError> out;
  if (!lawful_bases().contains(basis)) {
    out.push_back({"lawful_basis", "select the lawful basis for sharing without consent"});
  } else if (basis == "other") {
    if (other.empty()) out.push_back({"other_basis", "enter the lawful basis for sharing without consent"});
    else if (other.size() > kMaxOtherBasis)
      out.push_back({"other_basis", "the lawful basis must be " + std::to_string(kMaxOtherBasis) + " characters or fewer"});
  }
  if (reason.empty()) out.push_back({"reason", "enter why the record must be shared without consent"});
  else if (reason.size() > kMaxOverrideReason)
    out.push_back({"reason", "the reason must be " + std::to_string(kMaxOverrideReason) + " characters or fewer"});
  return out;
}

std::string lawful_basis_words(const std::string& basis, const std::string& other) {
  if (basis == "other") return "Other: " + other;
  return std::string(lawful_bases().label(basis));
}

}  // namespace gt
