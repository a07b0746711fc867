// Quality framework: scoring (met 2, partly 1, not met 0, times the weight; not applicable left
// out), grades at their boundaries, which criteria an auditor may grade, the checks of an edited
// framework, moderation's differences, the tally of results and the stored JSON.
#include <gtest/gtest.h>

#include <functional>

#include "domain/quality_framework.h"
#include "domain/quality_framework_json.h"

namespace gt {
namespace {

QualityFramework small() {
  // Weights 1, 2, 3 and 4 (education) and one health criterion; boundaries 85 / 70 / 50.
  QualityFramework f;
  f.criteria = {
      {"B-1", PlanSection::B, "Needs are specific", "", 1, Discipline::Education},
      {"E-1", PlanSection::E, "Outcomes are SMART", "", 2, Discipline::Education},
      {"F-1", PlanSection::F, "Provision is quantified", "", 3, Discipline::Education},
      {"F-2", PlanSection::F, "Each need has provision", "", 4, Discipline::Education},
      {"G-1", PlanSection::G, "Health provision is specified", "", 2, Discipline::Health},
  };
  return f;
}

std::vector<CriterionMark> marks(std::vector<std::pair<std::string, Judgement>> v) {
  std::vector<CriterionMark> out;
  for (auto& [k, j] : v) out.push_back({k, j, j == Judgement::Partly || j == Judgement::NotMet ? "Missing detail" : ""});
  return out;
}

using J = Judgement;

TEST(QualityScoring, WeightedPointsAndPossible) {
  struct Case {
    std::vector<std::pair<std::string, Judgement>> marks;
    int points, possible, not_applicable;
    std::optional<Grade> grade;
    std::string text;
  };
  std::vector<Case> cases = {
      // All met: 20 of 20.
      {{{"B-1", J::Met}, {"E-1", J::Met}, {"F-1", J::Met}, {"F-2", J::Met}}, 20, 20, 0, Grade::Outstanding, "100.0"},
      // Nothing met: 0 of 20.
      {{{"B-1", J::NotMet}, {"E-1", J::NotMet}, {"F-1", J::NotMet}, {"F-2", J::NotMet}}, 0, 20, 0, Grade::Inadequate, "0.0"},
      // All partly: 10 of 20 = 50%: exactly the requires improvement boundary.
      {{{"B-1", J::Partly}, {"E-1", J::Partly}, {"F-1", J::Partly}, {"F-2", J::Partly}}, 10, 20, 0,
       Grade::RequiresImprovement, "50.0"},
      // Weight matters: F-2 (4) met, the rest not met = 8 of 20 = 40%.
      {{{"B-1", J::NotMet}, {"E-1", J::NotMet}, {"F-1", J::NotMet}, {"F-2", J::Met}}, 8, 20, 0, Grade::Inadequate, "40.0"},
      // Not applicable leaves the criterion out of the possible total: 14 of 14.
      {{{"B-1", J::NotApplicable}, {"E-1", J::NotApplicable}, {"F-1", J::Met}, {"F-2", J::Met}}, 14, 14, 2,
       Grade::Outstanding, "100.0"},
      // 2 + 6 + 4 = 12 of 18 = 66.7%: requires improvement.
      {{{"B-1", J::NotApplicable}, {"E-1", J::Partly}, {"F-1", J::Met}, {"F-2", J::Partly}}, 12, 18, 1,
       Grade::RequiresImprovement, "66.7"},
      // Everything not applicable: no score, no grade.
      {{{"B-1", J::NotApplicable}, {"F-2", J::NotApplicable}}, 0, 0, 2, std::nullopt, ""},
  };
  for (const auto& c : cases) {
    auto s = score_audit(small(), marks(c.marks));
    EXPECT_EQ(s.points, c.points);
    EXPECT_EQ(s.possible, c.possible);
    EXPECT_EQ(s.not_applicable, c.not_applicable);
    EXPECT_EQ(s.judged, static_cast<int>(c.marks.size()));
    EXPECT_EQ(s.grade, c.grade) << c.points << "/" << c.possible;
    EXPECT_EQ(score_text(s.points, s.possible), c.text);
  }
}

TEST(QualityScoring, GradesAtTheBoundariesAreExact) {
  GradeBoundaries b;  // 85 / 70 / 50
  struct Case {
    int points, possible;
    Grade grade;
  };
  std::vector<Case> cases = {
      {85, 100, Grade::Outstanding},          {84, 100, Grade::Good},
      {849, 1000, Grade::Good},               {850, 1000, Grade::Outstanding},
      {70, 100, Grade::Good},                 {699, 1000, Grade::RequiresImprovement},
      {50, 100, Grade::RequiresImprovement},  {49, 100, Grade::Inadequate},
      {1, 2, Grade::RequiresImprovement},     {0, 2, Grade::Inadequate},
      {17, 20, Grade::Outstanding},           // exactly 85%
      {33, 40, Grade::Good},                  // 82.5%
      {7, 10, Grade::Good},                   // exactly 70%
      {13, 19, Grade::RequiresImprovement},  // 68.4%
  };
  for (const auto& c : cases) EXPECT_EQ(grade_for(b, c.points, c.possible), c.grade) << c.points << "/" << c.possible;
  EXPECT_EQ(grade_for(b, 0, 0), std::nullopt);
  // Other boundaries move the grade.
  GradeBoundaries strict{95, 80, 60};
  EXPECT_EQ(grade_for(strict, 90, 100), Grade::Good);
  EXPECT_EQ(grade_for(strict, 59, 100), Grade::Inadequate);
}

TEST(QualityScoring, ScoreTextRoundsHalfUp) {
  EXPECT_EQ(score_text(2, 3), "66.7");
  EXPECT_EQ(score_text(1, 3), "33.3");
  EXPECT_EQ(score_text(1, 8), "12.5");
  EXPECT_EQ(score_text(1, 16), "6.3");  // 6.25 -> 6.3
  EXPECT_EQ(score_text(0, 0), "");
}

TEST(QualityMarks, AnAuditorGradesOnlyTheirDisciplineAndSaysWhatIsMissing) {
  auto f = small();
  std::vector<CriterionMark> ok = marks({{"B-1", J::Met}, {"E-1", J::NotApplicable}});
  EXPECT_TRUE(check_marks(f, Discipline::Education, ok, false).empty());
  // Submitting needs every education criterion.
  auto incomplete = check_marks(f, Discipline::Education, ok, true);
  ASSERT_EQ(incomplete.size(), 2u);
  EXPECT_EQ(incomplete[0].field, "F-1.judgement");
  EXPECT_EQ(incomplete[1].field, "F-2.judgement");

  struct Case {
    std::vector<CriterionMark> marks;
    Discipline discipline;
    std::string field;
  };
  std::vector<Case> cases = {
      {{{"G-1", J::Met, ""}}, Discipline::Education, "G-1.judgement"},   // a health criterion
      {{{"B-1", J::Met, ""}}, Discipline::Health, "B-1.judgement"},      // an education one
      {{{"Z-9", J::Met, ""}}, Discipline::Education, "Z-9.judgement"},   // not in the framework
      {{{"B-1", J::Met, ""}, {"B-1", J::NotMet, "x"}}, Discipline::Education, "B-1.judgement"},  // twice
      {{{"B-1", J::NotMet, "  "}}, Discipline::Education, "B-1.comment"},  // not met needs a reason
      {{{"B-1", J::Partly, ""}}, Discipline::Education, "B-1.comment"},
      {{{"B-1", J::Met, std::string(2001, 'x')}}, Discipline::Education, "B-1.comment"},
      {{{"B-1", J::Met, std::string("bad\x01")}}, Discipline::Education, "B-1.comment"},
  };
  for (auto& c : cases) {
    auto errors = check_marks(f, c.discipline, c.marks, false);
    ASSERT_FALSE(errors.empty()) << c.field;
    EXPECT_EQ(errors.front().field, c.field);
  }
  // A health auditor's complete set is the one health criterion.
  std::vector<CriterionMark> health = {{"G-1", J::NotMet, "No frequency for physiotherapy"}};
  EXPECT_TRUE(check_marks(f, Discipline::Health, health, true).empty());
  // Comments are trimmed.
  std::vector<CriterionMark> spaced = {{"B-1", J::Met, "  fine  "}};
  EXPECT_TRUE(check_marks(f, Discipline::Education, spaced, false).empty());
  EXPECT_EQ(spaced[0].comment, "fine");
}

TEST(QualityFrameworkRules, TheDefaultIsValidAndCoversEverySection) {
  QualityFramework f = default_quality_framework();
  EXPECT_TRUE(validate_framework(f).empty());
  for (auto s : all_plan_sections()) {
    bool any = false;
    for (const auto& c : f.criteria)
      if (c.section == s) {
        any = true;
        EXPECT_EQ(c.discipline, default_discipline(s)) << c.key;
      }
    EXPECT_TRUE(any) << plan_section_code(s);
  }
  EXPECT_EQ(default_discipline(PlanSection::C), Discipline::Health);
  EXPECT_EQ(default_discipline(PlanSection::G), Discipline::Health);
  EXPECT_EQ(default_discipline(PlanSection::D), Discipline::SocialCare);
  EXPECT_EQ(default_discipline(PlanSection::H1), Discipline::SocialCare);
  EXPECT_EQ(default_discipline(PlanSection::H2), Discipline::SocialCare);
  EXPECT_EQ(default_discipline(PlanSection::F), Discipline::Education);
  EXPECT_EQ(f.boundaries.outstanding, 85);
  EXPECT_EQ(f.boundaries.good, 70);
  EXPECT_EQ(f.boundaries.requires_improvement, 50);
}

TEST(QualityFrameworkRules, KeysForNewCriteria) {
  auto f = small();
  EXPECT_EQ(next_criterion_key(f, PlanSection::F), "F-3");
  EXPECT_EQ(next_criterion_key(f, PlanSection::H1), "H1-1");
  EXPECT_EQ(next_criterion_key(default_quality_framework(), PlanSection::H1), "H1-2");
  f.criteria.push_back({"A-1", PlanSection::A, "Views", "", 1, Discipline::Education});
  sort_criteria(f);
  EXPECT_EQ(f.criteria.front().key, "A-1");
  EXPECT_EQ(f.criteria.back().key, "G-1");
}

TEST(QualityFrameworkRules, RefusalsNameTheField) {
  struct Case {
    std::function<void(QualityFramework&)> change;
    std::string field;
  };
  std::vector<Case> cases = {
      {[](QualityFramework& f) { f.criteria[0].text = "   "; }, "B-1.text"},
      {[](QualityFramework& f) { f.criteria[0].text = std::string(501, 'x'); }, "B-1.text"},
      {[](QualityFramework& f) { f.criteria[1].guidance = std::string(2001, 'x'); }, "E-1.guidance"},
      {[](QualityFramework& f) { f.criteria[2].weight = 0; }, "F-1.weight"},
      {[](QualityFramework& f) { f.criteria[2].weight = 6; }, "F-1.weight"},
      {[](QualityFramework& f) { f.criteria[2].section = PlanSection::E; }, "F-1.section"},
      {[](QualityFramework& f) { f.criteria[3].key = "F-1"; }, "F-1.section"},
      {[](QualityFramework& f) { f.boundaries.outstanding = 101; }, "boundaries.outstanding"},
      {[](QualityFramework& f) { f.boundaries.good = 85; }, "boundaries.good"},
      {[](QualityFramework& f) { f.boundaries.requires_improvement = 70; }, "boundaries.requires_improvement"},
      {[](QualityFramework& f) { f.boundaries.requires_improvement = 0; }, "boundaries.requires_improvement"},
      {[](QualityFramework& f) { f.criteria.clear(); }, "criteria"},
  };
  for (const auto& c : cases) {
    auto f = small();
    c.change(f);
    auto errors = validate_framework(f);
    ASSERT_FALSE(errors.empty()) << c.field;
    EXPECT_EQ(errors.front().field, c.field);
  }
  auto f = small();
  f.criteria[0].text = "  Needs are specific  ";
  EXPECT_TRUE(validate_framework(f).empty());
  EXPECT_EQ(f.criteria[0].text, "Needs are specific");
}

TEST(QualityModeration, DifferencesAndGrades) {
  auto f = small();
  auto a = marks({{"B-1", J::Met}, {"E-1", J::Met}, {"F-1", J::Met}, {"F-2", J::Partly}});   // 16/20 = 80% good
  auto b = marks({{"B-1", J::Met}, {"E-1", J::Partly}, {"F-1", J::Met}, {"F-2", J::Met}});   // 18/20 = 90% outstanding
  auto cmp = compare_audits(f, a, b);
  ASSERT_EQ(cmp.differences.size(), 2u);
  EXPECT_EQ(cmp.differences[0].key, "E-1");
  EXPECT_EQ(cmp.differences[0].first, J::Met);
  EXPECT_EQ(cmp.differences[0].second, J::Partly);
  EXPECT_EQ(cmp.differences[1].key, "F-2");
  EXPECT_EQ(cmp.agreed, 2);
  EXPECT_EQ(cmp.first.grade, Grade::Good);
  EXPECT_EQ(cmp.second.grade, Grade::Outstanding);
  EXPECT_FALSE(cmp.grades_agree);

  // Same grade, one criterion judged only by the first auditor.
  auto c = marks({{"B-1", J::Met}, {"E-1", J::Met}, {"F-1", J::Met}});
  auto d = marks({{"B-1", J::Met}, {"E-1", J::Met}, {"F-1", J::Met}, {"G-1", J::NotApplicable}});
  auto cmp2 = compare_audits(f, c, d);
  ASSERT_EQ(cmp2.differences.size(), 1u);
  EXPECT_EQ(cmp2.differences[0].key, "G-1");
  EXPECT_EQ(cmp2.differences[0].first, std::nullopt);
  EXPECT_EQ(cmp2.differences[0].second, J::NotApplicable);
  EXPECT_TRUE(cmp2.grades_agree);

  // Identical audits: no differences.
  auto cmp3 = compare_audits(f, a, a);
  EXPECT_TRUE(cmp3.differences.empty());
  EXPECT_EQ(cmp3.agreed, 4);
  EXPECT_TRUE(cmp3.grades_agree);
}

TEST(QualityResultsTally, CountsByGradeAndMean) {
  GradeTally t;
  EXPECT_EQ(t.mean_percent(), std::nullopt);
  t.add(Grade::Good, 15, 20);          // 75
  t.add(Grade::Inadequate, 5, 20);     // 25
  t.add(Grade::Good, 14, 20);          // 70
  EXPECT_EQ(t.audits, 3);
  EXPECT_EQ(t.by_grade[0], 0);
  EXPECT_EQ(t.by_grade[1], 2);
  EXPECT_EQ(t.by_grade[3], 1);
  EXPECT_NEAR(*t.mean_percent(), 170.0 / 3, 1e-9);
}

TEST(QualityFrameworkJson, RoundTripsAndRefusesDamage) {
  const auto& f = default_quality_framework();
  EXPECT_EQ(framework_from_json(framework_to_json(f)), f);
  auto g = small();
  g.boundaries = {90, 75, 55};
  EXPECT_EQ(framework_from_json(framework_to_json(g)), g);
  EXPECT_THROW(framework_from_json("not json"), std::runtime_error);
  EXPECT_THROW(framework_from_json(R"({"criteria":[{"key":"B-1"}],"boundaries":{}})"), std::runtime_error);
  EXPECT_THROW(framework_from_json(
                   R"({"criteria":[{"key":"B-1","section":"Q","text":"","guidance":"","weight":1,"discipline":"education"}],)"
                   R"("boundaries":{"outstanding":85,"good":70,"requires_improvement":50}})"),
               std::runtime_error);
}

TEST(QualityNames, RoundTrip) {
  for (auto d : all_disciplines()) EXPECT_EQ(parse_discipline(discipline_name(d)), d);
  for (auto j : all_judgements()) EXPECT_EQ(parse_judgement(judgement_name(j)), j);
  for (auto g : all_grades()) EXPECT_EQ(parse_grade(grade_name(g)), g);
  EXPECT_EQ(parse_grade("excellent"), std::nullopt);
  EXPECT_EQ(parse_judgement(""), std::nullopt);
  EXPECT_EQ(parse_discipline("Health"), std::nullopt);
}

}  // namespace
}  // namespace gt
