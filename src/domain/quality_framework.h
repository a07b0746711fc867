// Quality framework: how the quality of an issued EHC plan is judged - criteria for each section
// of the plan (A-K), each with a weight, "what good looks like" guidance and the discipline whose
// auditors grade it (education, health, social care); grade boundaries; the scoring of an audit;
// the comparison of two audits of the same plan (moderation); and the tally of results.
//
// Contract:
//  - Each criterion is judged met (2 points), partly met (1) or not met (0), times its weight, or
//    not applicable, which leaves it out of the possible total. The score is points / possible.
//  - The grade is computed, never chosen: outstanding when the score is at least the outstanding
//    boundary, good at least the good boundary, requires improvement at least that boundary, else
//    inadequate. Boundaries are whole percentages and compared exactly (points * 100 >=
//    boundary * possible: no rounding). An audit with nothing applicable has no score and no grade.
//  - An auditor grades the criteria of their discipline only (check_marks refuses the others).
//    The default framework tags C and G health, D, H1 and H2 social care, the rest education.
//  - validate_framework trims text in place and returns every problem, naming the field
//    "<criterion key>.<text|guidance|weight|section|discipline>" or "boundaries.<grade>".
//    check_marks names "<criterion key>.judgement" or "<criterion key>.comment".
//  - Criterion keys ("B-1", "H1-2") are unique in a framework and kept when it is edited, so two
//    audits against the same framework version compare criterion by criterion.
//  - Pure: no I/O.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.h"
#include "domain/plan.h"

namespace gt {

enum class Discipline { Education, Health, SocialCare };
const std::vector<Discipline>& all_disciplines();
std::string_view discipline_name(Discipline d);   // "education" | "health" | "social_care"
std::string_view discipline_label(Discipline d);  // "Education", "Health", "Social care"
std::optional<Discipline> parse_discipline(std::string_view name);
// The discipline the default framework gives a section's criteria.
Discipline default_discipline(PlanSection s);

enum class Judgement { Met, Partly, NotMet, NotApplicable };
const std::vector<Judgement>& all_judgements();
std::string_view judgement_name(Judgement j);   // "met" | "partly" | "not_met" | "not_applicable"
std::string_view judgement_label(Judgement j);  // "Met", "Partly met", "Not met", "Not applicable"
std::optional<Judgement> parse_judgement(std::string_view name);
int judgement_points(Judgement j);              // 2, 1, 0 (and 0 for not applicable, which is excluded)

enum class Grade { Outstanding, Good, RequiresImprovement, Inadequate };
const std::vector<Grade>& all_grades();         // best first
std::string_view grade_name(Grade g);           // "outstanding" | "good" | "requires_improvement" | "inadequate"
std::string_view grade_label(Grade g);          // "Outstanding", "Good", "Requires improvement", "Inadequate"
std::optional<Grade> parse_grade(std::string_view name);

inline constexpr int kMinWeight = 1;
inline constexpr int kMaxWeight = 5;

struct QualityCriterion {
  std::string key;               // "B-1": section code, hyphen, number
  PlanSection section = PlanSection::A;
  std::string text;              // what is judged: "Needs are specific and describe the impact"
  std::string guidance;          // what good looks like
  int weight = 1;                // kMinWeight..kMaxWeight
  Discipline discipline = Discipline::Education;
};

struct GradeBoundaries {         // whole percentages, each above the next
  int outstanding = 85;
  int good = 70;
  int requires_improvement = 50;
};

struct QualityFramework {
  std::vector<QualityCriterion> criteria;  // in section order
  GradeBoundaries boundaries;
};

// The framework a council starts with (SEND Code of Practice 9.61-9.69).
const QualityFramework& default_quality_framework();

// A fresh key for a new criterion of `section` ("F-6"): one more than the highest number in use.
std::string next_criterion_key(const QualityFramework& f, PlanSection section);
const QualityCriterion* find_criterion(const QualityFramework& f, std::string_view key);
// Puts the criteria in section order (A ... K), keeping the order within a section.
void sort_criteria(QualityFramework& f);

std::vector<FieldError> validate_framework(QualityFramework& f);

// One auditor's judgement of one criterion.
struct CriterionMark {
  std::string key;
  Judgement judgement = Judgement::NotApplicable;
  std::string comment;
};

// The marks an auditor of `discipline` may record: only criteria of the framework and of their
// discipline, at most one mark each; comments trimmed, at most 2,000 characters; a partly met or
// not met criterion needs a comment saying what is missing. `complete` also requires a judgement
// of every criterion of the discipline (to submit).
std::vector<FieldError> check_marks(const QualityFramework& f, Discipline discipline, std::vector<CriterionMark>& marks,
                                    bool complete);

struct AuditScore {
  int points = 0;                // weighted points scored
  int possible = 0;              // weighted points possible (applicable criteria only)
  int judged = 0;                // criteria judged (including not applicable)
  int not_applicable = 0;
  std::optional<Grade> grade;    // none when nothing was applicable
};
AuditScore score_audit(const QualityFramework& f, const std::vector<CriterionMark>& marks);
std::optional<Grade> grade_for(const GradeBoundaries& b, int points, int possible);
// The score as a percentage rounded to one decimal place ("72.5"), or "" when nothing was possible.
std::string score_text(int points, int possible);

// Moderation: two audits of the same plan version against the same framework.
struct CriterionDifference {
  std::string key;
  std::optional<Judgement> first;   // none: that auditor did not grade it
  std::optional<Judgement> second;
};
struct AuditComparison {
  std::vector<CriterionDifference> differences;  // in framework order
  int agreed = 0;                                // criteria both graded alike
  AuditScore first;
  AuditScore second;
  bool grades_agree = false;
};
AuditComparison compare_audits(const QualityFramework& f, const std::vector<CriterionMark>& first,
                               const std::vector<CriterionMark>& second);

// Results: how many audits, how many at each grade (all_grades() order) and the mean score.
struct GradeTally {
  int audits = 0;
  std::array<int, 4> by_grade{};
  double percent_sum = 0;
  void add(Grade g, int points, int possible);
  std::optional<double> mean_percent() const;
};

}  // namespace gt
