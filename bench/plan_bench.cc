// Plans (Google Benchmark): the time to render a 30-page EHC plan to PDF (app/plan_pdf.h: pango
// layout and cairo's PDF surface, fonts embedded) and to compare two versions of a large plan
// (domain/plan_diff.h compare_plans). Results are recorded in docs/benchmarks.md; tests never
// assert timings.
//
// The plan is built here deterministically in the shape of a long plan for a child with complex
// needs: views in A, needs in B, C and D with SEN types, outcomes linked to needs with dates and
// steps, many specific provision lines in F (and some in G, H1, H2) linked to outcomes, the
// placement, a personal budget and the advice it was written from. kScale sets its size; the
// render reports the page count it produced as a counter, so the figures name what they measured.
#include <benchmark/benchmark.h>

#include <time.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "app/plan_pdf.h"
#include "domain/plan.h"
#include "domain/plan_diff.h"

namespace {

using gt::Date;
using gt::FrequencyPer;
using gt::Plan;
using gt::PlanSection;

constexpr int kScale = 6;  // gives a plan of 30 pages, 230 elements (see the counters)

const char* kWhat[] = {
    "Speech and language therapy programme targeting following multi-step instructions and "
    "understanding of concept vocabulary, planned by the therapist and practised in class",
    "Small-group phonics teaching following the school's systematic synthetic phonics programme, "
    "with pre-teaching of new vocabulary and a visual timetable for each session",
    "Individual support to regulate emotions using an agreed sensory diet, with access to a quiet "
    "space and movement breaks at the times set out in the sensory profile",
    "Structured social communication group (for example Lego-based therapy) with peers chosen with "
    "the child, to practise turn-taking, shared attention and negotiation",
    "Occupational therapy programme for fine motor skills and handwriting, with daily practice "
    "led by a trained teaching assistant and reviewed by the occupational therapist each half term",
    "Precision teaching of number facts to 20, recorded daily, with the targets changed when the "
    "child reaches fluency on three consecutive days",
    "Adult support at transitions between lessons and at the start and end of the school day, "
    "using a now-and-next board and a consistent greeting routine",
    "Pre-teaching of the vocabulary of each new science and humanities topic, with a word mat and "
    "symbol support, planned by the class teacher with the SENCO",
};
const char* kWho[] = {"speech and language therapist", "trained teaching assistant", "class teacher",
                      "occupational therapist", "specialist teacher for autism", "educational psychologist"};
const char* kQual[] = {"HCPC registered", "", "qualified teacher status", "HCPC registered",
                       "mandatory qualification", "HCPC registered"};
const char* kNeed[] = {
    "finds it hard to understand and remember spoken language, especially instructions with more "
    "than two parts and new subject vocabulary; she relies on watching what other children do",
    "has difficulty with the social use of language: starting and keeping a conversation going, "
    "taking turns and understanding jokes, idioms and the intentions of others",
    "becomes very anxious at unstructured times and when routines change without warning, which "
    "can lead to her leaving the classroom or becoming distressed for long periods",
    "is working well below the level expected for her age in reading and writing, with a reading "
    "age about three years behind; decoding of unfamiliar words is slow and effortful",
    "has low muscle tone and difficulties with fine motor control, so handwriting is slow and "
    "tiring and she avoids writing tasks",
};
const char* kOutcome[] = {
    "will follow a three-step instruction given to the whole class without an adult repeating it",
    "will start and keep up a conversation with a friend for at least four turns at playtime",
    "will use a strategy from her toolkit to calm herself and return to learning within ten minutes",
    "will read aloud a book at her level with 95% accuracy and answer questions about it",
    "will write three sentences independently, legibly and with capital letters and full stops",
};

std::string sentence(std::mt19937_64& rng, const char* const* pool, std::size_t n) {
  return pool[rng() % n];
}

Plan big_plan(int scale) {
  std::mt19937_64 rng(20261125);
  Plan p;
  for (int i = 0; i < 3 * scale; ++i)
    p.views.push_back({gt::next_element_id(p, PlanSection::A), i % 3 == 0 ? "What people like and admire about me" : "",
                       "Amara loves animals, drawing and being outdoors; she is kind to younger children and proud "
                       "of her gymnastics. Her parents say she is happiest when she knows what is coming next and "
                       "when adults give her time to answer. She would like to work with animals when she is older."});
  std::vector<std::string> needs;
  for (int i = 0; i < 5 * scale; ++i) {
    PlanSection s = i % 5 == 3 ? PlanSection::C : i % 5 == 4 ? PlanSection::D : PlanSection::B;
    gt::PlanNeed n{gt::next_element_id(p, s), s, "Amara " + sentence(rng, kNeed, std::size(kNeed)) + ".",
                   s == PlanSection::B ? "SLCN" : "", s == PlanSection::B ? "communication_and_interaction" : ""};
    needs.push_back(n.id);
    p.needs.push_back(n);
  }
  std::vector<std::string> outcomes;
  for (int i = 0; i < 5 * scale; ++i) {
    gt::PlanOutcome o;
    o.id = gt::next_element_id(p, PlanSection::E);
    o.text = "By the end of Key Stage 2 Amara " + sentence(rng, kOutcome, std::size(kOutcome)) + ".";
    o.needs = {needs[static_cast<std::size_t>(i) % needs.size()], needs[static_cast<std::size_t>(i + 1) % needs.size()]};
    o.by = Date::from_ymd(2027 + i % 3, 7, 16);
    o.steps = "By Easter: with a visual prompt and adult modelling. By the summer half term: with a visual prompt only.";
    outcomes.push_back(o.id);
    p.outcomes.push_back(o);
  }
  const FrequencyPer pers[] = {FrequencyPer::Day, FrequencyPer::Week, FrequencyPer::Fortnight, FrequencyPer::HalfTerm};
  for (int i = 0; i < 22 * scale + 6; ++i) {
    PlanSection s = i % 11 == 7 ? PlanSection::G : i % 11 == 9 ? PlanSection::H1 : i % 11 == 10 ? PlanSection::H2 : PlanSection::F;
    gt::PlanProvision f;
    f.id = gt::next_element_id(p, s);
    f.section = s;
    std::size_t w = rng() % std::size(kWho);
    f.what = sentence(rng, kWhat, std::size(kWhat)) + ".";
    f.delivered_by = kWho[w];
    f.qualification = kQual[w];
    f.provider = i % 3 == 0 ? "Northmoor NHS Children's Therapies" : "the school";
    f.sessions = 1 + static_cast<int>(rng() % 5);
    f.per = pers[rng() % std::size(pers)];
    f.minutes = 15 + 15 * static_cast<int>(rng() % 4);
    f.group_size = 1 + static_cast<int>(rng() % 6);
    f.from = Date::from_ymd(2026, 12, 1);
    f.until = Date::from_ymd(2027, 7, 16);
    f.outcomes = {outcomes[static_cast<std::size_t>(i) % outcomes.size()]};
    p.provision.push_back(f);
  }
  p.placement = {"Northmoor Primary School", "100001", "mainstream with resourced provision",
                 "Amara attends the resourced provision for speech, language and communication for part of each day."};
  p.personal_budget.push_back({gt::next_element_id(p, PlanSection::J), "Direct payment",
                               "A direct payment of £2,400 a year for a personal assistant to support Amara at "
                               "after-school clubs, managed by her parents."});
  for (int i = 0; i < 2 * scale; ++i) {
    gt::PlanAdvice k;
    k.id = gt::next_element_id(p, PlanSection::K);
    k.from = i % 2 ? "Speech and language therapy service" : "Educational psychology service";
    k.author = i % 2 ? "Tia Therapist, speech and language therapist" : "Dr Eve Psych, educational psychologist";
    k.date = Date::from_ymd(2026, 9, 1 + i);
    k.title = i % 2 ? "Speech and language therapy advice" : "Psychological advice";
    p.advice.push_back(k);
  }
  return p;
}

// The amended version: about one element in ten changed, a few removed and a few added.
Plan amended(const Plan& earlier) {
  Plan p = earlier;
  for (std::size_t i = 0; i < p.provision.size(); i += 10) p.provision[i].sessions += 1;
  for (std::size_t i = 0; i < p.outcomes.size(); i += 7) p.outcomes[i].by = Date::from_ymd(2028, 7, 14);
  for (int i = 0; i < 4 && !p.provision.empty(); ++i) p.provision.erase(p.provision.begin() + 3 * i + 1);
  for (int i = 0; i < 4; ++i) {
    gt::PlanProvision f = p.provision.front();
    f.id = gt::next_element_id(p, PlanSection::F);
    f.what = "Additional provision agreed at the annual review, number " + std::to_string(i) + ".";
    p.provision.push_back(f);
  }
  p.needs.front().text += " This has become more marked since the move to Year 5.";
  return p;
}

gt::app::PlanDocument document(int scale) {
  gt::app::PlanDocument d;
  d.child_name = "Amara Okafor";
  d.issued = true;
  d.kind_label = "Final plan";
  d.number = 3;
  d.issued_on = Date::from_ymd(2026, 11, 20);
  d.plan = big_plan(scale);
  return d;
}

gt::app::Letterhead letterhead() {
  return {"Northmoor Council", "SEND Service, Town Hall, Market Street, Northmoor NM1 1AA", "01632 960000",
          "send@northmoor.example"};
}

void BM_RenderPlanPdf(benchmark::State& state) {
  auto doc = document(kScale);
  auto lh = letterhead();
  gt::app::RenderedPdf last;
  for (auto _ : state) {
    last = gt::app::render_plan_pdf(doc, lh);
    benchmark::DoNotOptimize(last.bytes.data());
  }
  state.counters["pages"] = last.pages;
  state.counters["elements"] = static_cast<double>(gt::plan_lines(doc.plan).size());
  state.counters["pdf_KiB"] = static_cast<double>(last.bytes.size()) / 1024.0;
}
BENCHMARK(BM_RenderPlanPdf)->Unit(benchmark::kMillisecond);

// The same render on a thread that has never rendered before (pango's font map is per thread):
// what the first PDF on a fresh server thread costs. Timed by the new thread's own CPU clock, so
// that other work on the machine does not count.
void BM_RenderPlanPdfOnAFreshThread(benchmark::State& state) {
  auto doc = document(kScale);
  auto lh = letterhead();
  int pages = 0;
  for (auto _ : state) {
    double seconds = 0;
    std::thread t([&] {
      timespec a{}, b{};
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
      pages = gt::app::render_plan_pdf(doc, lh).pages;
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
      seconds = static_cast<double>(b.tv_sec - a.tv_sec) + static_cast<double>(b.tv_nsec - a.tv_nsec) * 1e-9;
    });
    t.join();
    state.SetIterationTime(seconds);
  }
  state.counters["pages"] = pages;
}
BENCHMARK(BM_RenderPlanPdfOnAFreshThread)->Unit(benchmark::kMillisecond)->UseManualTime();

void BM_ComparePlanVersions(benchmark::State& state) {
  Plan earlier = big_plan(kScale);
  Plan later = amended(earlier);
  int changed = 0;
  for (auto _ : state) {
    auto c = gt::compare_plans(earlier, later);
    changed = c.changed_count;
    benchmark::DoNotOptimize(c);
  }
  state.counters["lines"] = static_cast<double>(gt::plan_lines(later).size());
  state.counters["changed"] = changed;
}
BENCHMARK(BM_ComparePlanVersions)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
