#include "domain/plan_checks.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace gt {
namespace {

constexpr std::array<std::string_view, 9> kVague = {
    "access to", "as required", "regular", "opportunities to", "as appropriate",
    "up to", "should", "where possible", "support as needed",
};

std::string lower(std::string_view s) {
  std::string r(s);
  for (auto& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '\''; }

bool contains_phrase(const std::string& text, std::string_view phrase) {
  for (size_t pos = text.find(phrase); pos != std::string::npos; pos = text.find(phrase, pos + 1)) {
    bool start_ok = pos == 0 || !word_char(text[pos - 1]);
    size_t end = pos + phrase.size();
    bool end_ok = end >= text.size() || !word_char(text[end]);
    if (start_ok && end_ok) return true;
  }
  return false;
}

bool provision_section_for(PlanSection need, PlanSection provision) {
  switch (need) {
    case PlanSection::B: return provision == PlanSection::F;
    case PlanSection::C: return provision == PlanSection::G;
    case PlanSection::D: return provision == PlanSection::H1 || provision == PlanSection::H2;
    default: return false;
  }
}

}  // namespace

std::vector<std::string_view> vague_phrases_in(std::string_view text) {
  std::string t = lower(text);
  std::vector<std::string_view> found;
  for (auto p : kVague)
    if (contains_phrase(t, p)) found.push_back(p);
  return found;
}

std::vector<ThreadFinding> check_thread(const Plan& p) {
  std::vector<ThreadFinding> out;
  auto add = [&](std::string code, PlanSection s, const std::string& id, std::string msg) {
    out.push_back({std::move(code), s, id, std::move(msg)});
  };

  // Which outcomes have provision, by provision section.
  std::set<std::pair<std::string, PlanSection>> outcome_provided;
  std::set<std::string> outcome_any;
  for (const auto& f : p.provision)
    for (const auto& o : f.outcomes) {
      outcome_provided.insert({o, f.section});
      outcome_any.insert(o);
    }

  for (auto s : {PlanSection::B, PlanSection::C, PlanSection::D})
    for (const auto& n : p.needs) {
      if (n.section != s) continue;
      bool met = false;
      for (const auto& o : p.outcomes) {
        if (std::find(o.needs.begin(), o.needs.end(), n.id) == o.needs.end()) continue;
        for (const auto& [oid, ps] : outcome_provided)
          if (oid == o.id && provision_section_for(s, ps)) met = true;
      }
      if (met) continue;
      if (s == PlanSection::B)
        add("need_without_provision", s, n.id,
            n.id + " has no special educational provision in section F: every need in section B must be met by "
                   "provision (Code of Practice 9.69), through an outcome that the provision works towards");
      else if (s == PlanSection::C)
        add("health_need_without_provision", s, n.id,
            n.id + " is a health need with no health provision in section G (Code of Practice 9.69): link it to an "
                   "outcome that G provision works towards");
      else
        add("care_need_without_provision", s, n.id,
            n.id + " is a social care need with no social care provision in section H1 or H2 (Code of Practice "
                   "9.69): link it to an outcome that H1 or H2 provision works towards");
    }

  for (const auto& o : p.outcomes) {
    if (o.needs.empty())
      add("outcome_without_need", PlanSection::E, o.id,
          o.id + " does not say which need it addresses: each outcome should follow from a need in B, C or D");
    if (!o.by)
      add("outcome_without_time_frame", PlanSection::E, o.id,
          o.id + " has no time frame: say by when it should be achieved (Code of Practice 9.66), usually the end of "
                 "a phase or stage of education");
    if (!outcome_any.count(o.id))
      add("outcome_without_provision", PlanSection::E, o.id,
          o.id + " has no provision working towards it: say in F, G or H what will help achieve it");
  }

  for (auto s : {PlanSection::F, PlanSection::G, PlanSection::H1, PlanSection::H2})
    for (const auto& f : p.provision) {
      if (f.section != s) continue;
      if (f.outcomes.empty())
        add("provision_without_outcome", s, f.id,
            f.id + " does not say which outcome it works towards: link it to an outcome in section E");
      for (auto phrase : vague_phrases_in(f.what))
        add("provision_not_specific", s, f.id,
            f.id + " says \"" + std::string(phrase) +
                "\": provision must be specified so that everyone knows exactly what will be given (Code of "
                "Practice 9.69) - say what, how much and how often");
      if (f.sessions <= 0 || f.per == FrequencyPer::None)
        add("provision_not_specific", s, f.id,
            f.id + " does not say how often it is given: give the number of sessions and whether a day, week, "
                   "fortnight, half term, term or year");
      if (f.delivered_by.empty())
        add("provision_not_specific", s, f.id,
            f.id + " does not say who delivers it: give the role (for example, a speech and language therapist)");
    }
  return out;
}

}  // namespace gt
