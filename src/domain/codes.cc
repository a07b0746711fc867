#include "domain/codes.h"

#include <array>
#include <utility>

namespace gt {

namespace {

constexpr std::string_view kCI = "communication_and_interaction";
constexpr std::string_view kCL = "cognition_and_learning";
constexpr std::string_view kSEMH = "social_emotional_and_mental_health";
constexpr std::string_view kSP = "sensory_and_physical";

constexpr std::array<Code, 4> kBroadAreas = {{
    {kCI, "Communication and interaction"},
    {kCL, "Cognition and learning"},
    {kSEMH, "Social, emotional and mental health"},
    {kSP, "Sensory and/or physical"},
}};

constexpr std::array<Code, 14> kSenTypes = {{
    {"SLCN", "Speech, language and communication needs", kCI},
    {"ASD", "Autistic spectrum disorder", kCI},
    {"SPLD", "Specific learning difficulty", kCL},
    {"MLD", "Moderate learning difficulty", kCL},
    {"SLD", "Severe learning difficulty", kCL},
    {"PMLD", "Profound and multiple learning difficulty", kCL},
    {"SEMH", "Social, emotional and mental health", kSEMH},
    {"HI", "Hearing impairment", kSP},
    {"VI", "Vision impairment", kSP},
    {"MSI", "Multi-sensory impairment", kSP},
    {"PD", "Physical disability", kSP},
    {"DS", "Down syndrome"},
    {"OTH", "Other difficulty or disability"},
    {"NSA", "SEN support but no specialist assessment of type of need"},
}};

template <std::size_t N>
constexpr std::array<Code, N - 1> without(const std::array<Code, N>& all, std::string_view drop) {
  std::array<Code, N - 1> out{};
  std::size_t j = 0;
  for (const Code& c : all)
    if (c.code != drop && j < N - 1) out[j++] = c;
  return out;
}
constexpr auto kPlanSenTypes = without(kSenTypes, "NSA");
constexpr auto kSupportSenTypes = without(kSenTypes, "DS");

constexpr std::array<Code, 5> kRequestSources = {{
    {"1", "The young person or a parent"},
    {"2", "A school or other education setting"},
    {"3", "A health care professional"},
    {"4", "A social care professional"},
    {"5", "Other"},
}};

constexpr std::array<Code, 5> kRequestOutcomes = {{
    {"Y", "Council decided to carry out an EHC needs assessment"},
    {"N", "Council decided not to assess"},
    {"A", "Decision not yet made"},
    {"W", "Request withdrawn or ended before a decision"},
    {"H", "Historical: decision to assess made before the collection period"},
}};

constexpr std::array<Code, 5> kAssessmentOutcomes = {{
    {"Y", "Council decided to issue an EHC plan"},
    {"N", "Council decided not to issue a plan"},
    {"A", "Decision not yet made"},
    {"W", "Assessment withdrawn or ended before a decision"},
    {"H", "Historical: decision made before the collection period"},
}};

constexpr std::array<Code, 3> kReviewOutcomes = {{
    {"M", "Maintain the plan unchanged"},
    {"A", "Amend the plan"},
    {"C", "Cease the plan"},
}};

constexpr std::array<Code, 9> kCeaseReasons = {{
    {"1", "Reached the maximum age"},
    {"2", "Needs being met without an EHC plan"},
    {"3", "Moved on to higher education"},
    {"4", "Moved on to paid employment (not an apprenticeship)"},
    {"5", "Transferred to another council in England"},
    {"6", "Young person no longer wishes to engage in education or training"},
    {"7", "Moved outside England"},
    {"8", "Deceased"},
    {"9", "Other"},
}};

constexpr std::array<Code, 8> kSenSettings = {{
    {"OLA", "Other arrangements made by the council (education otherwise than in school)"},
    {"OPA", "Other arrangements made by the parents or young person (not elective home education)"},
    {"EHE", "Elective home education"},
    {"EYP", "Early years provider without a URN"},
    {"OTH", "Other"},
    {"NEET", "Not in education, employment or training (aged 16 to 25)"},
    {"NIEC", "Not in education or training: notice to cease issued"},
    {"NIEO", "Not in education or training: other"},
}};

constexpr std::array<Code, 6> kSettingGroups = {{
    {"mainstream", "Mainstream school"},
    {"special", "Special school"},
    {"post16", "Further education and post-16"},
    {"alternative_provision", "Alternative provision or pupil referral unit"},
    {"early_years", "Early years (not maintained)"},
    {"elsewhere", "Educated elsewhere or not in education"},
}};

constexpr std::array<Code, 20> kSettingTypes = {{
    {"mainstream_la", "Mainstream school (council-maintained)", "mainstream"},
    {"mainstream_academy", "Mainstream academy or free school", "mainstream"},
    {"mainstream_independent", "Independent mainstream school", "mainstream"},
    {"resourced_provision", "Resourced provision in a mainstream school", "mainstream"},
    {"sen_unit", "SEN unit in a mainstream school", "mainstream"},
    {"special_la", "Special school (council-maintained)", "special"},
    {"special_academy", "Special academy or free school", "special"},
    {"special_independent", "Independent special school", "special"},
    {"special_non_maintained", "Non-maintained special school", "special"},
    {"fe_college", "General further education, tertiary or sixth-form college", "post16"},
    {"specialist_post16", "Specialist post-16 institution", "post16"},
    {"training_provider", "Other post-16 or training provider", "post16"},
    {"ap_pru", "Alternative provision or pupil referral unit", "alternative_provision"},
    {"early_years", "Early years provider (nursery or childminder)", "early_years"},
    {"ehe", "Elective home education", "elsewhere"},
    {"eotas", "Education otherwise than in school, arranged by the council", "elsewhere"},
    {"parent_arrangements", "Arrangements made by the parents or young person", "elsewhere"},
    {"neet", "Not in education, employment or training (16 to 25)", "elsewhere"},
    {"not_in_education_cease", "Not in education: notice to cease issued", "elsewhere"},
    {"not_in_education_other", "Not in education: other reason", "elsewhere"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kSenSettingFor = {{
    {"early_years", "EYP"},
    {"ehe", "EHE"},
    {"eotas", "OLA"},
    {"parent_arrangements", "OPA"},
    {"neet", "NEET"},
    {"not_in_education_cease", "NIEC"},
    {"not_in_education_other", "NIEO"},
}};

constexpr std::array<Code, 7> kUpnUnknown = {{
    {"UN1", "Under 6 and not yet given a UPN"},
    {"UN2", "Has never attended a state-funded school in England"},
    {"UN3", "Educated outside England"},
    {"UN5", "Name or date of birth differs between sources, so records cannot be matched"},
    {"UN8", "New to the council; UPN or ULN not yet known"},
    {"UN9", "Young person has never attended a state-funded school or FE setting in England"},
    {"UN10", "Request ended with no further action before a UPN or ULN was known"},
}};

constexpr std::array<Code, 3> kSexes = {{
    {"M", "Male"},
    {"F", "Female"},
    {"U", "Not known"},
}};

// The 20 main codes come first (each its own group); ethnicity_main_groups() is that prefix.
constexpr std::size_t kMainEthnicities = 20;
constexpr auto kEthnicities = std::to_array<Code>({
    {"WBRI", "White - British", "WBRI"},
    {"WIRI", "White - Irish", "WIRI"},
    {"WIRT", "White - Traveller of Irish heritage", "WIRT"},
    {"WROM", "White - Gypsy or Roma", "WROM"},
    {"WOTH", "Any other White background", "WOTH"},
    {"MWBC", "Mixed - White and Black Caribbean", "MWBC"},
    {"MWBA", "Mixed - White and Black African", "MWBA"},
    {"MWAS", "Mixed - White and Asian", "MWAS"},
    {"MOTH", "Any other mixed background", "MOTH"},
    {"AIND", "Asian - Indian", "AIND"},
    {"APKN", "Asian - Pakistani", "APKN"},
    {"ABAN", "Asian - Bangladeshi", "ABAN"},
    {"AOTH", "Any other Asian background", "AOTH"},
    {"BCRB", "Black - Caribbean", "BCRB"},
    {"BAFR", "Black - African", "BAFR"},
    {"BOTH", "Any other Black background", "BOTH"},
    {"CHNE", "Chinese", "CHNE"},
    {"OOTH", "Any other ethnic group", "OOTH"},
    {"REFU", "Refused", "REFU"},
    {"NOBT", "Information not yet obtained", "NOBT"},
    // Extended sub-codes.
    {"WENG", "White - English", "WBRI"},
    {"WSCO", "White - Scottish", "WBRI"},
    {"WWEL", "White - Welsh", "WBRI"},
    {"WNIR", "White - Northern Irish", "WBRI"},
    {"WCOR", "White - Cornish", "WBRI"},
    {"WOWB", "Other White British", "WBRI"},
    {"WROG", "Gypsy", "WROM"},
    {"WROR", "Roma", "WROM"},
    {"WROO", "Other Gypsy or Roma", "WROM"},
    {"WALB", "Albanian", "WOTH"},
    {"WBOS", "Bosnian-Herzegovinian", "WOTH"},
    {"WCRO", "Croatian", "WOTH"},
    {"WGRE", "Greek or Greek Cypriot", "WOTH"},
    {"WGRK", "Greek", "WOTH"},
    {"WGRC", "Greek Cypriot", "WOTH"},
    {"WITA", "Italian", "WOTH"},
    {"WKOS", "Kosovan", "WOTH"},
    {"WPOR", "Portuguese", "WOTH"},
    {"WSER", "Serbian", "WOTH"},
    {"WTUR", "Turkish or Turkish Cypriot", "WOTH"},
    {"WTUK", "Turkish", "WOTH"},
    {"WTUC", "Turkish Cypriot", "WOTH"},
    {"WEUR", "White European", "WOTH"},
    {"WEEU", "White Eastern European", "WOTH"},
    {"WWEU", "White Western European", "WOTH"},
    {"WOTW", "White other", "WOTH"},
    {"MAOE", "Mixed - Asian and any other ethnic group", "MOTH"},
    {"MABL", "Mixed - Asian and Black", "MOTH"},
    {"MACH", "Mixed - Asian and Chinese", "MOTH"},
    {"MBOE", "Mixed - Black and any other ethnic group", "MOTH"},
    {"MBCH", "Mixed - Black and Chinese", "MOTH"},
    {"MCOE", "Mixed - Chinese and any other ethnic group", "MOTH"},
    {"MWOE", "Mixed - White and any other ethnic group", "MOTH"},
    {"MWCH", "Mixed - White and Chinese", "MOTH"},
    {"MOTM", "Other mixed background", "MOTH"},
    {"AMPK", "Mirpuri Pakistani", "APKN"},
    {"AKPA", "Kashmiri Pakistani", "APKN"},
    {"AOPK", "Other Pakistani", "APKN"},
    {"AAFR", "African Asian", "AOTH"},
    {"AKAO", "Kashmiri other", "AOTH"},
    {"ANEP", "Nepali", "AOTH"},
    {"ASNL", "Sri Lankan Sinhalese", "AOTH"},
    {"ASLT", "Sri Lankan Tamil", "AOTH"},
    {"ASRO", "Sri Lankan other", "AOTH"},
    {"AOTA", "Other Asian", "AOTH"},
    {"BANN", "Angolan", "BAFR"},
    {"BCON", "Congolese", "BAFR"},
    {"BGHA", "Ghanaian", "BAFR"},
    {"BNGN", "Nigerian", "BAFR"},
    {"BSLN", "Sierra Leonean", "BAFR"},
    {"BSOM", "Somali", "BAFR"},
    {"BSUD", "Sudanese", "BAFR"},
    {"BAOF", "Other Black African", "BAFR"},
    {"BEUR", "Black European", "BOTH"},
    {"BNAM", "Black North American", "BOTH"},
    {"BOTB", "Other Black", "BOTH"},
    {"CHKC", "Hong Kong Chinese", "CHNE"},
    {"CMAL", "Malaysian Chinese", "CHNE"},
    {"CSNG", "Singaporean Chinese", "CHNE"},
    {"CTWN", "Taiwanese", "CHNE"},
    {"COCH", "Other Chinese", "CHNE"},
    {"OAFG", "Afghan", "OOTH"},
    {"OARA", "Arab other", "OOTH"},
    {"OEGY", "Egyptian", "OOTH"},
    {"OFIL", "Filipino", "OOTH"},
    {"OIRN", "Iranian", "OOTH"},
    {"OIRQ", "Iraqi", "OOTH"},
    {"OJPN", "Japanese", "OOTH"},
    {"OKOR", "Korean", "OOTH"},
    {"OKRD", "Kurdish", "OOTH"},
    {"OLAM", "Latin, South or Central American", "OOTH"},
    {"OLEB", "Lebanese", "OOTH"},
    {"OLIB", "Libyan", "OOTH"},
    {"OMAL", "Malay", "OOTH"},
    {"OMRC", "Moroccan", "OOTH"},
    {"OPOL", "Polynesian", "OOTH"},
    {"OTHA", "Thai", "OOTH"},
    {"OVIE", "Vietnamese", "OOTH"},
    {"OYEM", "Yemeni", "OOTH"},
    {"OOEG", "Other ethnic group", "OOTH"},
});


// Function-local statics would do as well; namespace-scope constants are constant-initialised.
constexpr CodeList kSenTypeList("SENtype", kSenTypes);
constexpr CodeList kPlanSenTypeList("SENtype", kPlanSenTypes);
constexpr CodeList kSupportSenTypeList("SENtype", kSupportSenTypes);
constexpr CodeList kBroadAreaList("BroadArea", kBroadAreas);
constexpr CodeList kRequestSourceList("RequestSource", kRequestSources);
constexpr CodeList kRequestOutcomeList("RequestOutcome", kRequestOutcomes);
constexpr CodeList kAssessmentOutcomeList("AssessmentOutcome", kAssessmentOutcomes);
constexpr CodeList kReviewOutcomeList("ReviewOutcome", kReviewOutcomes);
constexpr CodeList kCeaseReasonList("CeaseReason", kCeaseReasons);
constexpr CodeList kSenSettingList("SENsetting", kSenSettings);
constexpr CodeList kSettingGroupList("SettingGroup", kSettingGroups);
constexpr CodeList kSettingTypeList("SettingType", kSettingTypes);
constexpr CodeList kUpnUnknownList("UPNunknown", kUpnUnknown);
constexpr CodeList kSexList("Sex", kSexes);
constexpr CodeList kEthnicityMainList("Ethnicity", std::span<const Code>(kEthnicities).first(kMainEthnicities));
constexpr CodeList kEthnicityList("Ethnicity", kEthnicities);

}  // namespace

const Code* CodeList::find(std::string_view code) const {
  for (const Code& c : codes_)
    if (c.code == code) return &c;
  return nullptr;
}
std::string_view CodeList::label(std::string_view code) const {
  const Code* c = find(code);
  return c ? c->label : std::string_view();
}
std::string_view CodeList::group(std::string_view code) const {
  const Code* c = find(code);
  return c ? c->group : std::string_view();
}

const CodeList& sen_types() { return kSenTypeList; }
const CodeList& plan_sen_types() { return kPlanSenTypeList; }
const CodeList& support_sen_types() { return kSupportSenTypeList; }
const CodeList& broad_areas() { return kBroadAreaList; }
std::string_view broad_area_of(std::string_view sen_type) { return kSenTypeList.group(sen_type); }

const CodeList& request_sources() { return kRequestSourceList; }
const CodeList& request_outcomes() { return kRequestOutcomeList; }
const CodeList& assessment_outcomes() { return kAssessmentOutcomeList; }
const CodeList& review_outcomes() { return kReviewOutcomeList; }
const CodeList& cease_reasons() { return kCeaseReasonList; }
const CodeList& sen_settings() { return kSenSettingList; }

const CodeList& setting_groups() { return kSettingGroupList; }
const CodeList& setting_types() { return kSettingTypeList; }
std::string_view sen_setting_for(std::string_view setting_type) {
  for (const auto& [type, code] : kSenSettingFor)
    if (type == setting_type) return code;
  return {};
}

const CodeList& upn_unknown_reasons() { return kUpnUnknownList; }
const CodeList& sexes() { return kSexList; }
const CodeList& ethnicity_main_groups() { return kEthnicityMainList; }
const CodeList& ethnicities() { return kEthnicityList; }
std::string_view ethnicity_main_group(std::string_view code) { return kEthnicityList.group(code); }

}  // namespace gt
