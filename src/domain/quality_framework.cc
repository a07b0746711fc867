#include "domain/quality_framework.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "domain/free_text.h"

namespace gt {

const std::vector<Discipline>& all_disciplines() {
  static const std::vector<Discipline> all{Discipline::Education, Discipline::Health, Discipline::SocialCare};
  return all;
}

std::string_view discipline_name(Discipline d) {
  switch (d) {
    case Discipline::Education: return "education";
    case Discipline::Health: return "health";
    case Discipline::SocialCare: return "social_care";
  }
  return "education";
}

std::string_view discipline_label(Discipline d) {
  switch (d) {
    case Discipline::Education: return "Education";
    case Discipline::Health: return "Health";
    case Discipline::SocialCare: return "Social care";
  }
  return "";
}

std::optional<Discipline> parse_discipline(std::string_view name) {
  for (auto d : all_disciplines())
    if (discipline_name(d) == name) return d;
  return std::nullopt;
}

Discipline default_discipline(PlanSection s) {
  switch (s) {
    case PlanSection::C:
    case PlanSection::G: return Discipline::Health;
    case PlanSection::D:
    case PlanSection::H1:
    case PlanSection::H2: return Discipline::SocialCare;
    default: return Discipline::Education;
  }
}

const std::vector<Judgement>& all_judgements() {
  static const std::vector<Judgement> all{Judgement::Met, Judgement::Partly, Judgement::NotMet, Judgement::NotApplicable};
  return all;
}

std::string_view judgement_name(Judgement j) {
  switch (j) {
    case Judgement::Met: return "met";
    case Judgement::Partly: return "partly";
    case Judgement::NotMet: return "not_met";
    case Judgement::NotApplicable: return "not_applicable";
  }
  return "";
}

std::string_view judgement_label(Judgement j) {
  switch (j) {
    case Judgement::Met: return "Met";
    case Judgement::Partly: return "Partly met";
    case Judgement::NotMet: return "Not met";
    case Judgement::NotApplicable: return "Not applicable";
  }
  return "";
}

std::optional<Judgement> parse_judgement(std::string_view name) {
  for (auto j : all_judgements())
    if (judgement_name(j) == name) return j;
  return std::nullopt;
}

int judgement_points(Judgement j) {
  switch (j) {
    case Judgement::Met: return 2;
    case Judgement::Partly: return 1;
    default: return 0;
  }
}

const std::vector<Grade>& all_grades() {
  static const std::vector<Grade> all{Grade::Outstanding, Grade::Good, Grade::RequiresImprovement, Grade::Inadequate};
  return all;
}

std::string_view grade_name(Grade g) {
  switch (g) {
    case Grade::Outstanding: return "outstanding";
    case Grade::Good: return "good";
    case Grade::RequiresImprovement: return "requires_improvement";
    case Grade::Inadequate: return "inadequate";
  }
  return "";
}

std::string_view grade_label(Grade g) {
  switch (g) {
    case Grade::Outstanding: return "Outstanding";
    case Grade::Good: return "Good";
    case Grade::RequiresImprovement: return "Requires improvement";
    case Grade::Inadequate: return "Inadequate";
  }
  return "";
}

std::optional<Grade> parse_grade(std::string_view name) {
  for (auto g : all_grades())
    if (grade_name(g) == name) return g;
  return std::nullopt;
}

namespace {

QualityCriterion c(const char* key, PlanSection s, int weight, const char* text, const char* guidance) {
  return QualityCriterion{key, s, text, guidance, weight, default_discipline(s)};
}

QualityFramework make_default() {
  using S = PlanSection;
  QualityFramework f;
  f.criteria = {
      c("A-1", S::A, 2, "The child's or young person's views, interests and aspirations are recorded in their own words",
        "Written in the first person where they can, or says who helped and how their views were gathered. Says what "
        "they enjoy, what matters to them and what they hope for (Code of Practice 9.69)."),
      c("A-2", S::A, 1, "The parents' or carers' views are recorded",
        "The family's views, history and hopes are set out and attributed to them, in plain English."),
      c("A-3", S::A, 1, "Says how best to communicate with the child or young person and involve them",
        "Practical detail others can use: how they communicate, what helps them take part in decisions."),
      c("A-4", S::A, 1, "From year 9, aspirations for adulthood are set out",
        "Employment, independent living, friends and community, and good health (Code of Practice 8.9-8.12). Not "
        "applicable before year 9."),
      c("B-1", S::B, 3, "Needs are specific and describe the impact on the child's learning and daily life",
        "Each need says what the child finds hard and what difference it makes, not only a diagnosis or a label. "
        "Current attainment and strengths are described."),
      c("B-2", S::B, 1, "Each need gives its type and broad area of need",
        "Communication and interaction, cognition and learning, social, emotional and mental health, sensory and/or "
        "physical (Code of Practice 6.28-6.35)."),
      c("B-3", S::B, 2, "Every need identified in the advice (section K) is included",
        "Nothing the educational psychologist, therapists or school described is lost between advice and plan."),
      c("B-4", S::B, 1, "Written in plain English the family can understand",
        "No unexplained jargon or abbreviations; short sentences; the child is named, not 'the pupil'."),
      c("C-1", S::C, 2, "Health needs related to the child's SEN are specified and their impact described",
        "Each health need comes from the health advice and says how it affects learning and daily life."),
      c("C-2", S::C, 1, "Health needs are up to date and say who identified them",
        "Drawn from recent health advice; a health need that is not related to SEN is left to the health plan."),
      c("D-1", S::D, 2, "Social care needs related to the child's SEN or disability are specified",
        "Including needs that call for provision under section 2 of the Chronically Sick and Disabled Persons Act "
        "1970; each says its impact on the child and family."),
      c("D-2", S::D, 1, "Social care needs are drawn from the social care advice",
        "Or the plan says social care assessed and found no needs to record."),
      c("E-1", S::E, 3, "Outcomes are SMART: specific, measurable, achievable, realistic and with a time frame",
        "Each says what the child will be able to do and by when, usually by the end of a key stage (Code of "
        "Practice 9.64-9.69)."),
      c("E-2", S::E, 2, "Each outcome links to the needs it addresses",
        "The golden thread: every outcome answers a need in B, C or D."),
      c("E-3", S::E, 2, "Outcomes describe the benefit to the child, not the provision",
        "'Sam will ask for help in class using his own words' rather than 'Sam will receive speech therapy'."),
      c("E-4", S::E, 1, "Steps towards each outcome are set",
        "Shorter-term targets the school can review, leading to the outcome."),
      c("E-5", S::E, 1, "Outcomes build towards the child's aspirations in section A",
        "From year 9, outcomes prepare for adulthood."),
      c("F-1", S::F, 3, "Provision is specified and quantified: what, who delivers it, how often and for how long",
        "Each line states the support, the role and qualification of who delivers it, sessions and minutes, group "
        "size and from when (Code of Practice 9.69; SEND Regulations 2014 reg 12)."),
      c("F-2", S::F, 3, "Each need in section B has provision in section F",
        "No need is left without the provision that meets it."),
      c("F-3", S::F, 2, "Each line of provision works towards an outcome in section E", "The thread runs both ways."),
      c("F-4", S::F, 2, "No vague wording: 'access to', 'as required', 'regular', 'opportunities for'",
        "Every line would let a parent, school or tribunal tell whether it is being delivered."),
      c("F-5", S::F, 1, "Who delivers the provision names the training or qualification where it matters",
        "For example 'a teaching assistant trained in Attention Autism by the speech and language therapist'."),
      c("G-1", S::G, 2, "Health provision is specified for each health need in section C",
        "What, who, how often and for how long, as for section F."),
      c("G-2", S::G, 1, "Says who arranges and delivers the health provision",
        "The service or commissioner is named, so the family knows who to ask."),
      c("H1-1", S::H1, 2,
        "Provision under section 2 of the Chronically Sick and Disabled Persons Act 1970 is specified for each need it meets",
        "What, who, how often and for how long, as for section F."),
      c("H2-1", S::H2, 1, "Any other social care provision is specified",
        "Including adult care and support for a young person aged 18 or over, or a plain statement that there is none."),
      c("I-1", S::I, 2, "The school, college or type of setting is named",
        "In a final plan: the name of the setting, or the type of setting when the family asked for none."),
      c("I-2", S::I, 1, "The placement can deliver the provision in section F",
        "Nothing in F depends on a setting other than the one named in I."),
      c("J-1", S::J, 1, "A personal budget is described where one was asked for",
        "The provision it covers, how it is managed and any direct payments. Not applicable when none was asked for."),
      c("K-1", S::K, 2, "All the advice and information gathered is listed, with its date and author",
        "Including the family's own contributions (SEND Regulations 2014 reg 6)."),
      c("K-2", S::K, 1, "Advice from education, health and social care is listed or its absence explained",
        "Each of the three services contributed, or the plan says why not."),
  };
  return f;
}

int key_number(std::string_view key, PlanSection section) {
  std::string prefix = std::string(plan_section_code(section)) + "-";
  if (key.substr(0, prefix.size()) != prefix) return 0;
  int n = 0;
  for (char ch : key.substr(prefix.size())) {
    if (ch < '0' || ch > '9' || n > 100000) return 0;
    n = n * 10 + (ch - '0');
  }
  return n;
}

int section_index(PlanSection s) {
  const auto& all = all_plan_sections();
  return static_cast<int>(std::find(all.begin(), all.end(), s) - all.begin());
}

}  // namespace

const QualityFramework& default_quality_framework() {
  static const QualityFramework f = make_default();
  return f;
}

std::string next_criterion_key(const QualityFramework& f, PlanSection section) {
  int highest = 0;
  for (const auto& crit : f.criteria) highest = std::max(highest, key_number(crit.key, section));
  return std::string(plan_section_code(section)) + "-" + std::to_string(highest + 1);
}

const QualityCriterion* find_criterion(const QualityFramework& f, std::string_view key) {
  for (const auto& crit : f.criteria)
    if (crit.key == key) return &crit;
  return nullptr;
}

void sort_criteria(QualityFramework& f) {
  std::stable_sort(f.criteria.begin(), f.criteria.end(), [](const QualityCriterion& a, const QualityCriterion& b) {
    return section_index(a.section) < section_index(b.section);
  });
}

std::vector<FieldError> validate_framework(QualityFramework& f) {
  std::vector<FieldError> out;
  if (f.criteria.empty()) out.push_back({"criteria", "A framework needs at least one criterion"});
  std::set<std::string> keys;
  for (auto& crit : f.criteria) {
    const std::string& k = crit.key;
    if (key_number(k, crit.section) == 0) out.push_back({k + ".section", "The criterion's key does not match its section"});
    else if (!keys.insert(k).second) out.push_back({k + ".section", "Two criteria have the same key"});
    check_free_text(crit.text, k + ".text", "What the criterion judges", true, out, 500);
    check_free_text(crit.guidance, k + ".guidance", "What good looks like", false, out, 2000);
    if (crit.weight < kMinWeight || crit.weight > kMaxWeight)
      out.push_back({k + ".weight", "The weight must be a whole number from " + std::to_string(kMinWeight) + " to " +
                                        std::to_string(kMaxWeight)});
  }
  const auto& b = f.boundaries;
  auto in_range = [](int v) { return v >= 1 && v <= 100; };
  if (!in_range(b.outstanding))
    out.push_back({"boundaries.outstanding", "The outstanding boundary must be a whole percentage from 1 to 100"});
  if (!in_range(b.good)) out.push_back({"boundaries.good", "The good boundary must be a whole percentage from 1 to 100"});
  else if (in_range(b.outstanding) && b.good >= b.outstanding)
    out.push_back({"boundaries.good", "The good boundary must be below the outstanding boundary"});
  if (!in_range(b.requires_improvement))
    out.push_back({"boundaries.requires_improvement",
                   "The requires improvement boundary must be a whole percentage from 1 to 100"});
  else if (in_range(b.good) && b.requires_improvement >= b.good)
    out.push_back({"boundaries.requires_improvement", "The requires improvement boundary must be below the good boundary"});
  return out;
}

std::vector<FieldError> check_marks(const QualityFramework& f, Discipline discipline, std::vector<CriterionMark>& marks,
                                    bool complete) {
  std::vector<FieldError> out;
  std::set<std::string> seen;
  for (auto& m : marks) {
    const QualityCriterion* crit = find_criterion(f, m.key);
    if (!crit) {
      out.push_back({m.key + ".judgement", "There is no such criterion in this framework"});
      continue;
    }
    if (crit->discipline != discipline) {
      out.push_back({m.key + ".judgement", "This criterion is for " + std::string(discipline_label(crit->discipline)) +
                                               " auditors to grade"});
      continue;
    }
    if (!seen.insert(m.key).second) {
      out.push_back({m.key + ".judgement", "This criterion is graded twice"});
      continue;
    }
    check_free_text(m.comment, m.key + ".comment", "The comment", false, out, 2000);
    if ((m.judgement == Judgement::Partly || m.judgement == Judgement::NotMet) && m.comment.empty())
      out.push_back({m.key + ".comment", "Say what is missing for " + m.key + ": it is partly met or not met"});
  }
  if (complete) {
    for (const auto& crit : f.criteria)
      if (crit.discipline == discipline && !seen.count(crit.key))
        out.push_back({crit.key + ".judgement", "Choose met, partly met, not met or not applicable for " + crit.key});
  }
  return out;
}

std::optional<Grade> grade_for(const GradeBoundaries& b, int points, int possible) {
  if (possible <= 0) return std::nullopt;
  auto reaches = [&](int boundary) {
    return static_cast<long long>(points) * 100 >= static_cast<long long>(boundary) * possible;
  };
  if (reaches(b.outstanding)) return Grade::Outstanding;
  if (reaches(b.good)) return Grade::Good;
  if (reaches(b.requires_improvement)) return Grade::RequiresImprovement;
  return Grade::Inadequate;
}

AuditScore score_audit(const QualityFramework& f, const std::vector<CriterionMark>& marks) {
  AuditScore s;
  for (const auto& m : marks) {
    const QualityCriterion* crit = find_criterion(f, m.key);
    if (!crit) continue;
    ++s.judged;
    if (m.judgement == Judgement::NotApplicable) {
      ++s.not_applicable;
      continue;
    }
    s.points += crit->weight * judgement_points(m.judgement);
    s.possible += crit->weight * 2;
  }
  s.grade = grade_for(f.boundaries, s.points, s.possible);
  return s;
}

std::string score_text(int points, int possible) {
  if (possible <= 0) return "";
  // Rounded half up to one decimal place, in integers: tenths = round(points * 1000 / possible).
  long long tenths = (static_cast<long long>(points) * 2000 + possible) / (2LL * possible);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

AuditComparison compare_audits(const QualityFramework& f, const std::vector<CriterionMark>& first,
                               const std::vector<CriterionMark>& second) {
  AuditComparison out;
  auto judged = [](const std::vector<CriterionMark>& marks, const std::string& key) -> std::optional<Judgement> {
    for (const auto& m : marks)
      if (m.key == key) return m.judgement;
    return std::nullopt;
  };
  for (const auto& crit : f.criteria) {
    auto a = judged(first, crit.key);
    auto b = judged(second, crit.key);
    if (!a && !b) continue;
    if (a == b) ++out.agreed;
    else out.differences.push_back({crit.key, a, b});
  }
  out.first = score_audit(f, first);
  out.second = score_audit(f, second);
  out.grades_agree = out.first.grade.has_value() && out.first.grade == out.second.grade;
  return out;
}

void GradeTally::add(Grade g, int points, int possible) {
  ++audits;
  ++by_grade[static_cast<std::size_t>(g)];
  if (possible > 0) percent_sum += 100.0 * points / possible;
}

std::optional<double> GradeTally::mean_percent() const {
  if (audits == 0) return std::nullopt;
  return percent_sum / audits;
}

}  // namespace gt
