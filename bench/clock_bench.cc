// The statutory clock over 100,000 chronologies (Google Benchmark). Target: at least 1,000,000
// chronologies per second on one core. Results are recorded in docs/benchmarks.md; tests never
// assert timings.
//
// The chronologies are built here deterministically in a spread of shapes that a council holds:
// open requests, refusals, assessments with advice, plans issued on time and late, and plans in
// their second or third annual review with amendments.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "domain/chronology.h"
#include "domain/clock.h"

namespace {

using gt::Date;
using gt::Event;
using gt::EventType;

Event ev(EventType t, Date d) {
  Event e;
  e.type = t;
  e.date = d;
  return e;
}

std::vector<Event> chronology(std::mt19937_64& rng, Date today) {
  auto days = [&](int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1)); };
  std::vector<Event> out;
  Date start = today.plus_days(-days(10, 1500));
  Event req = ev(EventType::RequestReceived, start);
  req.source = days(1, 5);
  out.push_back(req);
  Date d = start.plus_days(days(20, 50));
  if (d > today) return out;
  Event dta = ev(EventType::DecisionToAssess, d);
  dta.outcome = rng() % 4 == 0 ? gt::Outcome::NotAssess : gt::Outcome::Assess;
  out.push_back(dta);
  if (dta.outcome == gt::Outcome::NotAssess) return out;
  for (int i = 0; i < 4; ++i) {
    Event a = ev(EventType::AdviceRequested, d.plus_days(i));
    a.advice_from = static_cast<gt::AdviceFrom>(1 + i);
    a.id = "adv-" + std::to_string(i);
    out.push_back(a);
  }
  for (int i = 0; i < 4; ++i) {
    Date r = d.plus_days(days(30, 60));
    if (r > today) return out;
    Event a = ev(EventType::AdviceReceived, r);
    a.id = "adv-" + std::to_string(i);
    out.push_back(a);
  }
  std::sort(out.begin(), out.end(), [](const Event& a, const Event& b) { return a.date < b.date; });
  d = out.back().date.plus_days(days(5, 30));
  if (d > today) return out;
  Event dti = ev(EventType::DecisionToIssue, d);
  dti.outcome = gt::Outcome::Issue;
  out.push_back(dti);
  d = d.plus_days(days(1, 20));
  if (d > today) return out;
  out.push_back(ev(EventType::DraftPlanServed, d));
  d = d.plus_days(days(15, 120));
  if (d > today) return out;
  out.push_back(ev(EventType::FinalPlanIssued, d));
  for (int year = 0; year < 3; ++year) {
    d = d.plus_days(days(300, 380));
    if (d > today) return out;
    out.push_back(ev(EventType::ReviewMeeting, d));
    Date rep = d.plus_days(days(5, 20));
    if (rep > today) return out;
    out.push_back(ev(EventType::ReviewReport, rep));
    Date dec = d.plus_days(days(14, 50));
    if (dec > today) return out;
    Event rd = ev(EventType::ReviewDecision, dec);
    rd.outcome = rng() % 3 == 0 ? gt::Outcome::Maintain : gt::Outcome::Amend;
    out.push_back(rd);
    d = dec;
    if (rd.outcome == gt::Outcome::Amend) {
      out.push_back(ev(EventType::AmendmentsProposed, dec));
      Date amended = dec.plus_days(days(20, 90));
      if (amended > today) return out;
      out.push_back(ev(EventType::AmendedPlanIssued, amended));
      d = amended;
    }
  }
  return out;
}

const std::vector<std::vector<Event>>& corpus() {
  static const std::vector<std::vector<Event>> all = [] {
    std::mt19937_64 rng(20261125);
    Date today = Date::from_ymd(2026, 11, 25);
    std::vector<std::vector<Event>> v;
    v.reserve(100000);
    for (int i = 0; i < 100000; ++i) v.push_back(chronology(rng, today));
    return v;
  }();
  return all;
}

void BM_ClockOver100kChronologies(benchmark::State& state) {
  const auto& all = corpus();
  Date today = Date::from_ymd(2026, 11, 25);
  size_t deadlines = 0;
  for (auto _ : state) {
    for (const auto& c : all) {
      auto r = gt::compute_deadlines(c, today);
      deadlines += r.deadlines.size();
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(all.size()));
  state.counters["deadlines_per_chronology"] =
      static_cast<double>(deadlines) / static_cast<double>(state.iterations() * all.size());
}
BENCHMARK(BM_ClockOver100kChronologies)->Unit(benchmark::kMillisecond);

void BM_ChronologyRulesReplay(benchmark::State& state) {
  // Replaying every event of a chronology through check_append, as an append does.
  const auto& all = corpus();
  Date today = Date::from_ymd(2026, 11, 25);
  for (auto _ : state) {
    for (size_t i = 0; i < 10000; ++i) {
      const auto& c = all[i];
      std::vector<Event> prefix;
      for (const auto& e : c) {
        benchmark::DoNotOptimize(gt::check_append(prefix, e, today));
        prefix.push_back(e);
      }
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * 10000);
}
BENCHMARK(BM_ChronologyRulesReplay)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
