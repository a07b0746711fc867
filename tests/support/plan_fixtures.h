// plan_fixtures: a plan with at least one element in every section A-K, in the words a council
// writes (needs, an outcome linked to a need, provision in F, G, H1 and H2 linked to the outcome,
// placement, personal budget, advice). Header-only test support.
#pragma once

#include "domain/plan.h"

namespace gt::testing {

// Adds one or more elements to every section of `p` (ids from its own counter); sets section I.
inline void add_to_every_section(Plan& p) {
  p.views.push_back({next_element_id(p, PlanSection::A), "My aspirations",
                     "I want to work with animals when I am older, maybe at a farm or a vet's."});
  p.views.push_back({next_element_id(p, PlanSection::A), "",
                     "Amara's parents say she is happiest outdoors and when routines are clear."});
  PlanNeed b{next_element_id(p, PlanSection::B), PlanSection::B,
             "Amara finds it hard to follow spoken instructions with more than two steps.", "SLCN",
             "communication_and_interaction"};
  p.needs.push_back(b);
  p.needs.push_back({next_element_id(p, PlanSection::C), PlanSection::C,
                     "Amara has epilepsy, controlled by medication; tiredness after a seizure affects learning.", "", ""});
  p.needs.push_back({next_element_id(p, PlanSection::D), PlanSection::D,
                     "Amara needs support to take part in clubs after school with children her age.", "", ""});
  PlanOutcome e;
  e.id = next_element_id(p, PlanSection::E);
  e.text = "By the end of Year 5 Amara will follow three-step instructions in class without an adult's help.";
  e.needs = {b.id};
  e.by = Date::parse("2027-07-16");
  e.steps = "Two-step instructions with a visual prompt by Easter.";
  p.outcomes.push_back(e);
  auto provision = [&](PlanSection s, std::string what, std::string who, FrequencyPer per) {
    PlanProvision f;
    f.id = next_element_id(p, s);
    f.section = s;
    f.what = std::move(what);
    f.delivered_by = std::move(who);
    f.sessions = 2;
    f.per = per;
    f.minutes = 30;
    f.group_size = 1;
    f.from = Date::parse("2026-12-01");
    f.outcomes = {e.id};
    p.provision.push_back(f);
  };
  provision(PlanSection::F, "Speech and language therapy programme on following instructions.",
            "speech and language therapist", FrequencyPer::Week);
  provision(PlanSection::G, "Review of epilepsy care plan with the school nurse.", "epilepsy specialist nurse",
            FrequencyPer::Term);
  provision(PlanSection::H1, "A personal assistant for after-school clubs.", "personal assistant", FrequencyPer::Week);
  provision(PlanSection::H2, "Short breaks at a local youth scheme.", "youth worker", FrequencyPer::Fortnight);
  p.placement = {"Northmoor Primary School", "100001", "mainstream", "With a place in the resourced provision."};
  p.personal_budget.push_back({next_element_id(p, PlanSection::J), "Direct payment",
                               "The family receives a direct payment for the personal assistant in H1."});
  PlanAdvice k;
  k.id = next_element_id(p, PlanSection::K);
  k.from = "Educational psychology service";
  k.author = "Dr Sam Okafor, educational psychologist";
  k.date = Date::parse("2026-09-30");
  k.title = "Psychological advice";
  p.advice.push_back(k);
}

}  // namespace gt::testing
