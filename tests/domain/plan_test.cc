// The plan's content (domain/plan.h), the checks of its golden thread (plan_checks.h), the
// comparison of two versions (plan_diff.h) and its JSON (plan_json.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "domain/plan.h"
#include "domain/plan_checks.h"
#include "domain/plan_diff.h"
#include "domain/plan_json.h"

namespace gt {
namespace {

// A good plan: every need met through an outcome with a time frame by specific provision.
Plan good_plan() {
  Plan p;
  p.views.push_back({next_element_id(p, PlanSection::A), "My aspirations", "I want to be a vet."});
  p.needs.push_back({next_element_id(p, PlanSection::B), PlanSection::B, "Finds multi-step spoken instructions hard.",
                     "SLCN", "communication_and_interaction"});
  p.needs.push_back({next_element_id(p, PlanSection::C), PlanSection::C, "Epilepsy; tired after seizures.", "", ""});
  p.needs.push_back({next_element_id(p, PlanSection::D), PlanSection::D, "Needs support to join clubs.", "", ""});
  PlanOutcome e;
  e.id = next_element_id(p, PlanSection::E);
  e.text = "Will follow three-step instructions without an adult's help.";
  e.needs = {p.needs[0].id, p.needs[1].id, p.needs[2].id};
  e.by = Date::parse("2027-07-16");
  p.outcomes.push_back(e);
  for (auto s : {PlanSection::F, PlanSection::G, PlanSection::H2}) {
    PlanProvision f;
    f.id = next_element_id(p, s);
    f.section = s;
    f.what = "Speech and language therapy on following instructions.";
    f.delivered_by = "speech and language therapist";
    f.sessions = 2;
    f.per = FrequencyPer::Week;
    f.minutes = 30;
    f.group_size = 1;
    f.from = Date::parse("2026-09-01");
    f.outcomes = {e.id};
    p.provision.push_back(f);
  }
  p.placement = {"Northmoor Primary", "100001", "mainstream", ""};
  p.personal_budget.push_back({next_element_id(p, PlanSection::J), "", "No personal budget was asked for."});
  p.advice.push_back({next_element_id(p, PlanSection::K), "EP service", "Dr Eve Psych", Date::parse("2026-10-20"),
                      "Educational psychology advice"});
  return p;
}

std::set<std::string> fields_of(const std::vector<FieldError>& errors) {
  std::set<std::string> out;
  for (const auto& e : errors) out.insert(e.field);
  return out;
}

std::set<std::string> codes_of(const std::vector<ThreadFinding>& f) {
  std::set<std::string> out;
  for (const auto& x : f) out.insert(x.code);
  return out;
}

bool has_finding(const std::vector<ThreadFinding>& f, const std::string& code, const std::string& element) {
  return std::any_of(f.begin(), f.end(), [&](const auto& x) { return x.code == code && x.element_id == element; });
}

TEST(Plan, AGoodPlanIsWellFormedAndHasNoFindings) {
  Plan p = good_plan();
  EXPECT_TRUE(validate_plan(p).empty());
  EXPECT_TRUE(check_thread(p).empty());
}

TEST(Plan, ValidationNamesEachFieldAtFault) {
  Plan p = good_plan();
  p.needs[0].text = "   ";
  p.needs[0].sen_type = "";
  p.needs[1].sen_type = "ASD";  // a health need has no SEN type
  p.provision[0].sessions = 3;
  p.provision[0].per = FrequencyPer::None;
  p.provision[0].until = Date::parse("2026-08-01");  // before from
  p.provision[1].outcomes = {"E-99"};
  p.provision[2].minutes = -5;
  p.placement.urn = "12345";
  p.outcomes[0].needs.push_back(p.needs[0].id);  // linked twice
  auto errors = validate_plan(p);
  auto f = fields_of(errors);
  const auto& b = p.needs[0].id;
  EXPECT_TRUE(f.count(b + ".text"));
  EXPECT_TRUE(f.count(b + ".sen_type"));
  EXPECT_TRUE(f.count(p.needs[1].id + ".sen_type"));
  EXPECT_TRUE(f.count(p.provision[0].id + ".per"));
  EXPECT_TRUE(f.count(p.provision[0].id + ".until"));
  EXPECT_TRUE(f.count(p.provision[1].id + ".outcomes"));
  EXPECT_TRUE(f.count(p.provision[2].id + ".minutes"));
  EXPECT_TRUE(f.count("I.urn"));
  EXPECT_TRUE(f.count(p.outcomes[0].id + ".needs"));
  EXPECT_EQ(f.size(), 9u) << "nothing else is reported";
}

TEST(Plan, ABroadAreaMustBeTheTypesAndIsFilledWhenLeftEmpty) {
  Plan p = good_plan();
  p.needs[0].broad_area = "";
  EXPECT_TRUE(validate_plan(p).empty());
  EXPECT_EQ(p.needs[0].broad_area, "communication_and_interaction");
  p.needs[0].broad_area = "cognition_and_learning";
  EXPECT_TRUE(fields_of(validate_plan(p)).count(p.needs[0].id + ".broad_area"));
}

TEST(Plan, IdsAreStableAndNeverReused) {
  Plan p = good_plan();
  int before = p.last_number;
  std::string removed = p.advice.back().id;
  p.advice.clear();
  std::string fresh = next_element_id(p, PlanSection::K);
  EXPECT_NE(fresh, removed);
  EXPECT_EQ(fresh, "K-" + std::to_string(before + 1));
  EXPECT_EQ(section_of_id("H1-4"), PlanSection::H1);
  EXPECT_EQ(section_of_id("F-7"), PlanSection::F);
  EXPECT_FALSE(section_of_id("F-07"));
  EXPECT_FALSE(section_of_id("Z-1"));
  EXPECT_FALSE(section_of_id("F-"));
  EXPECT_FALSE(section_of_id("F-1x"));
  // An id higher than the counter (a plan written elsewhere) moves the counter on.
  Plan q = good_plan();
  q.advice.push_back({"K-40", "Health", "", std::nullopt, "Paediatric advice"});
  EXPECT_TRUE(validate_plan(q).empty());
  EXPECT_EQ(q.last_number, 40);
  EXPECT_EQ(next_element_id(q, PlanSection::A), "A-41");
  // Two elements with one id, or an id of the wrong section, are refused.
  Plan r = good_plan();
  r.advice.push_back({r.advice[0].id, "Health", "", std::nullopt, "Second"});
  r.views.push_back({"F-50", "", "Wrong section"});
  auto f = fields_of(validate_plan(r));
  EXPECT_TRUE(f.count(r.advice[0].id));
  EXPECT_TRUE(f.count("F-50"));
}

TEST(PlanChecks, EveryCheckFiresOnAPlanBuiltToTriggerIt) {
  Plan p = good_plan();
  // B, C and D needs with no provision: their outcome is dropped from every provision line.
  PlanOutcome lonely;
  lonely.id = next_element_id(p, PlanSection::E);
  lonely.text = "Will join a club.";  // no need, no time frame, no provision
  p.outcomes.push_back(lonely);
  for (auto& f : p.provision) f.outcomes.clear();  // provision without outcome
  p.provision[0].what = "Access to speech therapy as required";
  p.provision[0].sessions = 0;
  p.provision[0].per = FrequencyPer::None;
  p.provision[0].delivered_by = "";
  ASSERT_TRUE(validate_plan(p).empty());
  auto f = check_thread(p);
  EXPECT_TRUE(has_finding(f, "need_without_provision", p.needs[0].id));
  EXPECT_TRUE(has_finding(f, "health_need_without_provision", p.needs[1].id));
  EXPECT_TRUE(has_finding(f, "care_need_without_provision", p.needs[2].id));
  EXPECT_TRUE(has_finding(f, "outcome_without_need", lonely.id));
  EXPECT_TRUE(has_finding(f, "outcome_without_time_frame", lonely.id));
  EXPECT_TRUE(has_finding(f, "outcome_without_provision", lonely.id));
  EXPECT_TRUE(has_finding(f, "outcome_without_provision", p.outcomes[0].id));
  EXPECT_TRUE(has_finding(f, "provision_without_outcome", p.provision[0].id));
  // Not specific: two vague phrases, no frequency and no deliverer - one finding per reason.
  auto n = std::count_if(f.begin(), f.end(), [&](const auto& x) {
    return x.code == "provision_not_specific" && x.element_id == p.provision[0].id;
  });
  EXPECT_EQ(n, 4);
  EXPECT_EQ(codes_of(f).size(), 8u) << "all eight codes";
  // Nothing about the good parts.
  EXPECT_FALSE(has_finding(f, "provision_not_specific", p.provision[1].id));
  EXPECT_FALSE(has_finding(f, "outcome_without_need", p.outcomes[0].id));
}

TEST(PlanChecks, AHealthNeedNeedsHealthProvisionNotJustAnyProvision) {
  Plan p = good_plan();
  // The outcome for the C need is now worked towards only by F: C has no G provision.
  p.provision.erase(std::remove_if(p.provision.begin(), p.provision.end(),
                                   [](const auto& f) { return f.section == PlanSection::G; }),
                    p.provision.end());
  auto f = check_thread(p);
  EXPECT_TRUE(has_finding(f, "health_need_without_provision", p.needs[1].id));
  EXPECT_FALSE(has_finding(f, "need_without_provision", p.needs[0].id));
  EXPECT_FALSE(has_finding(f, "care_need_without_provision", p.needs[2].id));
}

TEST(PlanChecks, VaguePhrasesAreWholeWordsAnyCase) {
  EXPECT_EQ(vague_phrases_in("ACCESS TO a therapist"), std::vector<std::string_view>{"access to"});
  EXPECT_EQ(vague_phrases_in("Regular check-ins, as appropriate"),
            (std::vector<std::string_view>{"regular", "as appropriate"}));
  EXPECT_TRUE(vague_phrases_in("Irregular verbs taught weekly").empty());
  EXPECT_TRUE(vague_phrases_in("Checked regularly").empty());
  EXPECT_TRUE(vague_phrases_in("Physiotherapy for the shoulder").empty());
  EXPECT_TRUE(vague_phrases_in("Setup to the hall").empty());  // "up to" inside "setup to"
  EXPECT_EQ(vague_phrases_in("Up to 3 sessions"), std::vector<std::string_view>{"up to"});
  EXPECT_EQ(vague_phrases_in("Support as needed."), std::vector<std::string_view>{"support as needed"});
}

TEST(PlanDiff, TheComparisonReportsExactlyTheChangedLines) {
  Plan v1 = good_plan();
  Plan v2 = v1;
  // Known differences: one need's text changed, one outcome's date changed, one provision line
  // removed, one provision line added, the placement changed. Nothing else.
  v2.needs[0].text = "Finds spoken instructions of more than two steps hard.";
  v2.outcomes[0].by = Date::parse("2028-07-14");
  std::string removed = v2.provision[2].id;  // H2
  v2.provision.erase(v2.provision.begin() + 2);
  PlanProvision added = v2.provision[0];
  added.id = next_element_id(v2, PlanSection::F);
  added.what = "Social skills group.";
  v2.provision.push_back(added);
  v2.placement.name = "Northmoor Academy";

  auto c = compare_plans(v1, v2);
  ASSERT_EQ(c.sections.size(), 12u);
  std::map<std::string, LineDiff> changed;
  for (const auto& s : c.sections)
    for (const auto& l : s.lines)
      if (l.change != LineChange::Unchanged) changed[l.id] = l;
  EXPECT_EQ(changed.size(), 5u);
  EXPECT_EQ(c.changed_count, 5);
  auto lines1 = plan_lines(v1);
  auto lines2 = plan_lines(v2);
  auto text = [](const std::vector<PlanLine>& ls, const std::string& id) {
    for (const auto& l : ls)
      if (l.id == id) return l.text;
    return std::string("(none)");
  };
  const auto& b = v1.needs[0].id;
  ASSERT_TRUE(changed.count(b));
  EXPECT_EQ(changed[b].change, LineChange::Changed);
  EXPECT_EQ(changed[b].before, text(lines1, b));
  EXPECT_EQ(changed[b].after, text(lines2, b));
  EXPECT_EQ(changed[v1.outcomes[0].id].change, LineChange::Changed);
  EXPECT_NE(changed[v1.outcomes[0].id].after.find("14 July 2028"), std::string::npos);
  EXPECT_EQ(changed[removed].change, LineChange::Removed);
  EXPECT_EQ(changed[removed].before, text(lines1, removed));
  EXPECT_TRUE(changed[removed].after.empty());
  EXPECT_EQ(changed[added.id].change, LineChange::Added);
  EXPECT_EQ(changed[added.id].after, text(lines2, added.id));
  EXPECT_EQ(changed["I"].change, LineChange::Changed);
  // Every other line is reported unchanged, and the sections without changes count none.
  for (const auto& s : c.sections) {
    int n = 0;
    for (const auto& l : s.lines) {
      if (l.change == LineChange::Unchanged) {
        EXPECT_FALSE(changed.count(l.id));
        EXPECT_EQ(l.before, l.after);
      } else {
        ++n;
      }
    }
    EXPECT_EQ(n, s.changed);
  }
  for (auto s : {PlanSection::A, PlanSection::C, PlanSection::D, PlanSection::G, PlanSection::J, PlanSection::K})
    EXPECT_EQ(c.sections[static_cast<size_t>(s)].changed, 0) << plan_section_code(s);
  EXPECT_EQ(c.sections[static_cast<size_t>(PlanSection::F)].changed, 1);
  EXPECT_EQ(c.sections[static_cast<size_t>(PlanSection::H2)].changed, 1);
  // A version compared with itself: nothing.
  EXPECT_EQ(compare_plans(v2, v2).changed_count, 0);
}

TEST(PlanJson, RoundTripsEveryField) {
  Plan p = good_plan();
  p.provision[0].qualification = "HCPC registered";
  p.provision[0].provider = "NHS community therapy";
  p.provision[0].provider_organisation_id = 7;
  p.provision[0].until = Date::parse("2027-07-20");
  p.outcomes[0].steps = "Two steps by Easter.";
  p.placement.notes = "Resourced provision for speech and language.";
  Plan back = plan_from_json(plan_to_json(p));
  EXPECT_TRUE(back == p);
  EXPECT_EQ(plan_to_json(back), plan_to_json(p));
  EXPECT_EQ(back.provision[0].provider_organisation_id, 7);
  EXPECT_EQ(back.last_number, p.last_number);
}

TEST(PlanJson, RefusesAnythingNotTheDocumentedShapeNamingTheField) {
  auto field_of = [](const std::string& text) {
    try {
      plan_from_json(text);
    } catch (const PlanJsonError& e) {
      return e.field;
    }
    return std::string("(accepted)");
  };
  EXPECT_EQ(field_of("not json"), "plan");
  EXPECT_EQ(field_of("[]"), "plan");
  EXPECT_EQ(field_of(R"({"colour":"red"})"), "colour");
  EXPECT_EQ(field_of(R"({"needs":[{"id":"B-1","section":"B","text":"x","extra":1}]})"), "needs[0].extra");
  EXPECT_EQ(field_of(R"({"needs":[{"id":"B-1","section":"Z","text":"x"}]})"), "needs[0].section");
  EXPECT_EQ(field_of(R"({"needs":[{"id":5,"section":"B"}]})"), "needs[0].id");
  EXPECT_EQ(field_of(R"({"outcomes":[{"id":"E-1","by":"2027-02-30"}]})"), "outcomes[0].by");
  EXPECT_EQ(field_of(R"({"outcomes":[{"id":"E-1","needs":"B-1"}]})"), "outcomes[0].needs");
  EXPECT_EQ(field_of(R"({"provision":[{"id":"F-1","section":"F"},{"id":"F-2","section":"F","per":"month"}]})"), "provision[1].per");
  EXPECT_EQ(field_of(R"({"provision":[{"id":"F-2","section":"F","sessions":"2"}]})"), "provision[0].sessions");
  EXPECT_EQ(field_of(R"({"placement":{"name":"A","postcode":"X"}})"), "placement.postcode");
  EXPECT_EQ(field_of(R"({"last_number":-1})"), "last_number");
  EXPECT_EQ(field_of(R"({"views":{}})"), "views");
  EXPECT_EQ(field_of("{}"), "(accepted)");
}

TEST(PlanLines, EachElementIsOneLineInSectionOrder) {
  Plan p = good_plan();
  auto lines = plan_lines(p);
  ASSERT_FALSE(lines.empty());
  for (size_t i = 1; i < lines.size(); ++i)
    EXPECT_LE(static_cast<int>(lines[i - 1].section), static_cast<int>(lines[i].section));
  auto f = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return l.id == p.provision[0].id; });
  ASSERT_NE(f, lines.end());
  EXPECT_NE(f->text.find("How often: 2 sessions a week, 30 minutes each, one to one."), std::string::npos) << f->text;
  EXPECT_NE(f->text.find("Delivered by: speech and language therapist."), std::string::npos);
  EXPECT_NE(f->text.find("Towards outcomes " + p.outcomes[0].id), std::string::npos);
}

}  // namespace
}  // namespace gt
