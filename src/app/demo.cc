// Demo: generates and writes the fictional Northmoor City Council. See demo.h for the contract;
// the figures each distribution aims at are those of the SEND reference s5 (cited beside them).
#include "app/demo.h"
#include "app/demo_people.h"
#include "app/demo_delivery.h"
#include "app/demo_plans.h"

#include "app/child_rows.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>
#include <filesystem>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>
#include <unordered_set>

#include "app/case_projection.h"
#include "app/event_json.h"
#include "domain/chronology.h"
#include "domain/clock.h"
#include "domain/codes.h"
#include "domain/identifiers.h"
#include "store/cases_store.h"
#include "store/children_store.h"
#include "store/demo_store.h"
#include "store/migrations.h"
#include "store/needs_store.h"
#include "store/users_store.h"

namespace gt::app {

namespace {

// ---------------------------------------------------------------------------------------------
// Randomness: std::mt19937_64 is specified exactly by the standard; the distributions are ours so
// that the same seed gives the same council with any standard library.

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : g_(seed) {}
  std::uint64_t bits() { return g_(); }
  // Uniform integer in [lo, hi] (multiply-shift; the bias is below 2^-50 for our spans).
  int uniform(int lo, int hi) {
    auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<int>((static_cast<unsigned __int128>(bits()) * span) >> 64);
  }
  double real() { return static_cast<double>(bits() >> 11) * 0x1.0p-53; }  // [0, 1)
  bool chance(double p) { return real() < p; }
  // Right-skewed integer in [lo, hi]: u^k puts most of the mass near lo and a long tail to hi.
  int skewed(int lo, int hi, int k = 2) {
    double u = real(), x = u;
    for (int i = 1; i < k; ++i) x *= u;
    return lo + static_cast<int>(x * (hi - lo + 1));
  }
  template <typename W>
  int weighted(const W& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double r = real() * total;
    int i = 0;
    for (double w : weights) {
      if (r < w) return i;
      r -= w;
      ++i;
    }
    return i - 1;
  }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& a) {
    return a[static_cast<std::size_t>(uniform(0, static_cast<int>(N) - 1))];
  }

 private:
  std::mt19937_64 g_;
};

// ---------------------------------------------------------------------------------------------
// The place. Postcode area "NM" is not a real UK postcode area; districts NM1-NM18 (the larger
// city of local-area.md has 18 postal districts, two of them holding over a quarter of the plans).

struct District {
  const char* code;
  const char* name;
  double weight;
};
constexpr std::array<District, 18> kDistricts = {{
    {"NM1", "City Centre", 3},     {"NM2", "Ashgrove", 5},        {"NM3", "Kirkholme", 5},
    {"NM4", "Moorside", 14},       {"NM5", "Brackenfield", 5},    {"NM6", "Holloway Bridge", 6},
    {"NM7", "Longcroft", 13},      {"NM8", "Saltmarsh Lane", 5},  {"NM9", "Fellgate", 4},
    {"NM10", "Thornley Green", 5}, {"NM11", "Underbank", 5},      {"NM12", "Wexcombe", 4},
    {"NM13", "Redmire", 5},        {"NM14", "Haverley", 4},       {"NM15", "Stanecliffe", 3},
    {"NM16", "Gorsey Bank", 4},    {"NM17", "Old Tannery", 3},    {"NM18", "Whinmoor Edge", 4},
}};
constexpr std::string_view kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";  // s4.2 check-letter table
constexpr std::string_view kInwardLetters = "ABDEFGHJLNPQRSTUWXYZ";  // s4.5: never C I K M O V

// Plan holders by single year of age, January 2025 (s5.5, thousands; bands sum to the published
// 27.4 / 213.0 / 233.3 / 127.9 / 37.2; peak at 12-14, 16 = 42.0, 18 = 28.6, 20 = 14.5, 25 = 0.4).
constexpr std::array<double, 26> kPlanAge = {0.3,  1.2,  3.5,  8.5,  13.8, 23.0, 29.0, 34.0, 38.0,
                                             42.0, 47.0, 46.0, 47.0, 47.3, 47.0, 46.0, 42.0, 36.5,
                                             28.6, 20.8, 14.5, 9.8,  6.3,  4.0,  2.2,  0.4};
// New plans by age at start, 2024 (s5.5: under 5 15.9%, 5-10 49.3%, 11-15 28.2%, 16-19 6.2%,
// 20+ 0.3%, peaks at 4 and 5 with ~13.5% each).
constexpr std::array<double, 25> kNewPlanAge = {0.1, 0.3, 0.6, 1.4, 13.5, 13.5, 8.5, 7.5, 7.0,
                                                6.6, 6.2, 7.0, 6.2, 5.6, 5.0,  4.4,  2.8, 1.7,
                                                1.1, 0.6, 0.12, 0.08, 0.05, 0.03, 0.02};
// Years the plan has been held, bands 4..12+ (s5.5: 4 = 9.4%, 5 = 8.8%, a long tail to 12+ 2.8%).
constexpr std::array<double, 9> kHeldTail = {9.4, 8.8, 8.0, 7.3, 6.5, 5.5, 4.5, 3.5, 2.8};

// Ethnicity of plan holders, January 2025 (s5.5), DfE main codes; "unclassified" 7.7% split into
// not yet obtained and refused.
struct Weighted {
  const char* code;
  double weight;
};
constexpr std::array<Weighted, 20> kEthnicity = {{
    {"WBRI", 64.9}, {"NOBT", 5.2}, {"REFU", 2.5}, {"WOTH", 4.3}, {"BAFR", 3.7}, {"APKN", 3.4}, {"MOTH", 2.4},
    {"MWBC", 1.9},  {"AIND", 1.7}, {"OOTH", 1.7}, {"AOTH", 1.6}, {"ABAN", 1.4}, {"BCRB", 1.2}, {"MWAS", 1.2},
    {"BOTH", 1.1},  {"MWBA", 0.9}, {"WROM", 0.4}, {"CHNE", 0.3}, {"WIRI", 0.2}, {"WIRT", 0.1},
}};

// ---------------------------------------------------------------------------------------------
// Names. Given names are common names of each heritage; British-heritage family names are
// invented compounds ("Thistlecombe", "Wrenthorpe") so no child can be mistaken for a real one;
// other heritages take very common family names, which identify nobody.

enum Heritage { British, Irish, Traveller, European, SouthAsian, Indian, African, Caribbean, Chinese, MiddleEast };

struct NameSet {
  std::vector<std::string_view> boys, girls, family;
};

const NameSet& names(Heritage h) {
  static const std::array<NameSet, 10> sets = {{
      {{"Oliver", "Harry", "George", "Jack", "Noah", "Charlie", "Jacob", "Alfie", "Freddie", "Oscar", "Leo",
        "Archie", "Thomas", "Joshua", "William", "James", "Henry", "Theo", "Arthur", "Ethan", "Lewis", "Callum",
        "Ryan", "Kyle", "Connor", "Liam", "Jake", "Reece", "Mason", "Riley", "Tyler", "Logan", "Dylan", "Harvey",
        "Finley", "Toby", "Max", "Sam", "Ben", "Jamie", "Owen", "Louis", "Bobby", "Frankie", "Ellis"},
       {"Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Lily", "Mia", "Ella", "Ruby", "Evie",
        "Freya", "Poppy", "Isabella", "Chloe", "Jessica", "Daisy", "Erin", "Holly", "Megan", "Lauren", "Katie",
        "Amber", "Maisie", "Phoebe", "Millie", "Scarlett", "Rosie", "Hannah", "Bethany", "Leah", "Abigail",
        "Niamh", "Lexi", "Willow", "Harper", "Florence"},
       {}},
      {{"Sean", "Cian", "Liam", "Conor", "Patrick", "Oisin", "Darragh", "Eoin"},
       {"Aoife", "Niamh", "Siobhan", "Ciara", "Roisin", "Orla", "Saoirse"},
       {"Murphy", "Kelly", "Byrne", "Walsh", "Doyle", "Brennan", "Nolan", "O'Neill", "Quinn", "Duffy"}},
      {{"Levi", "Frankie", "Tommy", "Jimmy", "Romeo", "Bradley", "Johnny", "Henry"},
       {"Shannon", "Bridget", "Kathleen", "Roxanne", "Esmeralda", "Shania", "Violet"},
       {"Lovell", "Boswell", "Price", "Ward", "Doherty", "McDonagh", "Joyce", "Loveridge", "Smith"}},
      {{"Jakub", "Filip", "Mateusz", "Szymon", "Antoni", "Andrei", "Luca", "Matei", "Tomas", "Lukas", "Rui",
        "Tiago", "Daniel", "David"},
       {"Zuzanna", "Julia", "Maja", "Lena", "Alicja", "Ioana", "Maria", "Elena", "Ieva", "Beatriz", "Sofia"},
       {"Nowak", "Wojcik", "Mazur", "Popescu", "Ionescu", "Dumitru", "Kazlauskas", "Silva", "Santos", "Horvat",
        "Novak", "Kovacs"}},
      {{"Muhammad", "Ibrahim", "Yusuf", "Ayaan", "Zayan", "Hamza", "Rayyan", "Zain", "Ahmed", "Bilal", "Omar",
        "Musa", "Haris", "Abdullah", "Rahim"},
       {"Aisha", "Maryam", "Zara", "Fatima", "Hafsa", "Inaya", "Aleena", "Safa", "Nusrat", "Tahmina", "Sanjida",
        "Khadija", "Eman"},
       {"Hussain", "Khan", "Ahmed", "Ali", "Akhtar", "Miah", "Uddin", "Rahman", "Islam", "Chowdhury", "Iqbal",
        "Mahmood", "Rashid", "Shah"}},
      {{"Aryan", "Arjun", "Rohan", "Ishaan", "Dev", "Vihaan", "Kabir", "Harjit", "Jaspreet", "Nikhil"},
       {"Priya", "Diya", "Anaya", "Saanvi", "Kiran", "Simran", "Meera", "Anika", "Navneet"},
       {"Patel", "Sharma", "Singh", "Gill", "Sandhu", "Mistry", "Parmar", "Chauhan", "Joshi", "Bains"}},
      {{"Emmanuel", "David", "Daniel", "Samuel", "Chidi", "Tobi", "Kwame", "Abdi", "Mohamed", "Joshua", "Kofi"},
       {"Esther", "Blessing", "Favour", "Amara", "Chioma", "Ifeoma", "Hodan", "Faith", "Precious", "Ayan",
        "Adwoa"},
       {"Okafor", "Adeyemi", "Mensah", "Osei", "Abdi", "Mohamed", "Okonkwo", "Balogun", "Nwosu", "Asante",
        "Owusu", "Farah"}},
      {{"Jayden", "Tyrese", "Kai", "Malachi", "Marcus", "Isaiah", "Jermaine", "Kieran", "Andre"},
       {"Aaliyah", "Imani", "Jada", "Nia", "Tia", "Shanice", "Keisha", "Jasmine"},
       {}},
      {{"Jun", "Hao", "Ming", "Wei", "Ethan", "Ryan"},
       {"Mei", "Xin", "Yan", "Lin", "Chloe", "Joyce"},
       {"Chen", "Wang", "Li", "Zhang", "Liu", "Wong", "Lam", "Cheung"}},
      {{"Ahmad", "Karim", "Mustafa", "Ali", "Hassan", "Yousef", "Rawand", "Sami"},
       {"Noor", "Layla", "Sara", "Amina", "Rania", "Hana", "Dilan", "Yasmin"},
       {"Rahimi", "Ahmadi", "Hassan", "Karimi", "Saleh", "Haddad", "Nasser", "Mahmoud", "Aziz"}},
  }};
  return sets[h];
}

constexpr std::array<std::string_view, 30> kSurnameStart = {
    "Ash",  "Bram",  "Brack", "Cinder",  "Clay",  "Copper", "Elder", "Fern",  "Flint", "Hazel",
    "Heath", "Holly", "Kettle", "Lark",  "Marl",  "Moss",   "Nettle", "Oak",  "Pebble", "Quarry",
    "Reed", "Rook",  "Rush",  "Sorrel",  "Stone", "Thistle", "Tansy", "Wren", "Willow", "Yarrow"};
constexpr std::array<std::string_view, 16> kSurnameEnd = {"by",   "combe", "croft", "dale",  "field", "ford",
                                                          "gate", "hurst", "ley",   "mere",  "shaw",  "thorpe",
                                                          "ton",  "well",  "wick",  "worth"};

std::string invented_surname(Rng& r) {
  std::string s = std::string(r.pick(kSurnameStart)) + std::string(r.pick(kSurnameEnd));
  if (r.chance(0.04)) s += "-" + std::string(r.pick(kSurnameStart)) + std::string(r.pick(kSurnameEnd));
  return s;
}

Heritage heritage_of(std::string_view eth, Rng& r) {
  if (eth == "WIRI") return Irish;
  if (eth == "WIRT" || eth == "WROM") return Traveller;
  if (eth == "WOTH") return European;
  if (eth == "APKN" || eth == "ABAN") return SouthAsian;
  if (eth == "AIND") return Indian;
  if (eth == "AOTH") return r.chance(0.5) ? Indian : SouthAsian;
  if (eth == "BAFR" || eth == "BOTH" || eth == "MWBA") return African;
  if (eth == "BCRB" || eth == "MWBC") return Caribbean;
  if (eth == "CHNE") return Chinese;
  if (eth == "OOTH") return MiddleEast;
  if (eth == "MWAS") return r.chance(0.5) ? SouthAsian : British;
  return British;
}

void name_child(Child& c, Rng& r) {
  Heritage h = heritage_of(c.ethnicity, r);
  const NameSet& n = names(h);
  const auto& given = c.sex == "F" ? n.girls : n.boys;
  c.given_name = std::string(given[static_cast<std::size_t>(r.uniform(0, static_cast<int>(given.size()) - 1))]);
  bool mixed = c.ethnicity.size() == 4 && c.ethnicity[0] == 'M';
  if (n.family.empty() || (mixed && r.chance(0.6)))
    c.family_name = invented_surname(r);
  else
    c.family_name = std::string(n.family[static_cast<std::size_t>(r.uniform(0, static_cast<int>(n.family.size()) - 1))]);
}

// ---------------------------------------------------------------------------------------------
// Events.

Event ev(EventType t, Date d) {
  Event e;
  e.type = t;
  e.date = d;
  return e;
}
Event decided(EventType t, Date d, Outcome o) {
  Event e = ev(t, d);
  e.outcome = o;
  return e;
}

struct Rec {
  Event e;
  bool manager = false;  // recorded by the manager (panel decisions) rather than the caseworker
};

// A case's events under construction; `seq` keeps causal order among events of the same date.
struct Timeline {
  std::vector<Rec> recs;
  void add(Event e, bool manager = false) { recs.push_back({std::move(e), manager}); }
  // Sorts by date (stable: causal order within a day) and drops everything after today.
  void settle(Date today) {
    std::stable_sort(recs.begin(), recs.end(), [](const Rec& a, const Rec& b) { return a.e.date < b.e.date; });
    while (!recs.empty() && recs.back().e.date > today) recs.pop_back();
    for (auto& r : recs)
      if (r.e.exception_to && *r.e.exception_to > today) r.e.exception_to.reset();  // still applies
  }
};

Date max(Date a, Date b) { return a < b ? b : a; }
Date min(Date a, Date b) { return a < b ? a : b; }

// Tribunal route: an appealable decision notice and, for some, a mediation certificate.
Date decision_notice(Rng& r, Date on, Date today, Timeline& t) {
  t.add(ev(EventType::DecisionNotice, on));
  Date last = on;
  if (r.chance(0.45)) {
    Date cert = on.plus_days(r.uniform(12, 58));
    if (cert <= today) {
      t.add(ev(EventType::MediationCertificate, cert));
      last = cert;
    }
  }
  return last;
}

// Request sources (SEN2 1-5); over half of requests come from parents (local-area.md).
constexpr std::array<double, 5> kSource = {55, 34, 5, 3, 3};

enum class InitialEnd { Open, Refused, Withdrawn, NotIssued, Issued };

struct Initial {
  InitialEnd end = InitialEnd::Open;
  std::optional<Date> final_plan;
  Date last;  // date of the last event kept
};

// One initial process from request to its end, generated in full and then cut at today.
// Timings (s5.2, s5.3, s5.8): decision to assess within 6 weeks ~85%; refusal ~27.5% of decisions;
// withdrawals 1.6% of requests and 0.3% of assessments; 93.6% of assessments issue a plan;
// about 46% of plans within 20 weeks with a right-skewed delay; ~6% carry an exception.
Initial initial_process(Rng& r, Date request, Date today, bool force_issue, Timeline& t) {
  Timeline x;
  Event req = ev(EventType::RequestReceived, request);
  req.source = 1 + r.weighted(kSource);
  x.add(req);
  Initial out;
  auto finish = [&](InitialEnd end) {
    std::size_t before = x.recs.size();
    x.settle(today);
    bool complete = x.recs.size() == before;
    out.end = complete ? end : InitialEnd::Open;
    if (out.end == InitialEnd::Issued) out.final_plan = x.recs.back().e.date;
    out.last = x.recs.back().e.date;
    for (auto& rec : x.recs) t.recs.push_back(std::move(rec));
    return out;
  };

  if (!force_issue && r.chance(0.016)) {
    x.add(ev(EventType::Withdrawn, request.plus_days(r.uniform(5, 40))));
    return finish(InitialEnd::Withdrawn);
  }
  Date decision = request.plus_days(r.chance(0.85) ? 42 - r.skewed(0, 24, 2) : r.skewed(43, 130, 2));
  if (!force_issue && r.chance(0.285)) {
    x.add(decided(EventType::DecisionToAssess, decision, Outcome::NotAssess), true);
    if (r.chance(0.1)) decision_notice(r, decision, today, x);
    return finish(InitialEnd::Refused);
  }
  x.add(decided(EventType::DecisionToAssess, decision, Outcome::Assess), true);

  Date asked = decision.plus_days(r.skewed(0, 7, 2));
  struct Advice {
    AdviceFrom from;
    const char* id;
    double on_time;
  };
  static constexpr std::array<Advice, 4> kAdvice = {{{AdviceFrom::Education, "education", 0.92},
                                                     {AdviceFrom::EducationalPsychology, "ep", 0.74},
                                                     {AdviceFrom::Health, "health", 0.78},
                                                     {AdviceFrom::SocialCare, "social-care", 0.85}}};
  std::array<Date, 4> back;
  for (std::size_t i = 0; i < kAdvice.size(); ++i) {
    Event a = ev(EventType::AdviceRequested, asked);
    a.advice_from = kAdvice[i].from;
    a.id = kAdvice[i].id;
    x.add(a);
    back[i] = asked.plus_days(r.chance(kAdvice[i].on_time) ? 42 - r.skewed(0, 30, 2) : r.skewed(43, 110, 2));
  }

  // Exceptions (reg 13(3)): EX-SCHOOL when school advice is asked for in the week before the summer
  // closure or during it; otherwise a few EX-PERSONAL and EX-ABSENT with their dates.
  {
    int y = asked.year();
    Date closes = Date::from_ymd(y, 7, 22), reopens = Date::from_ymd(y, 9, 3);
    std::optional<Event> ex;
    if (asked >= closes.plus_days(-7) && asked <= reopens.plus_days(-7) && r.chance(0.3)) {
      // The exception's period is the closure itself (at least 4 weeks), recorded when advice is asked.
      ex = ev(EventType::Exception, max(closes, asked));
      ex->exception_reason = ExceptionReason::School;
      ex->exception_from = closes;
      ex->exception_to = reopens;
    } else if (r.chance(0.016)) {
      Date from = asked.plus_days(r.uniform(3, 35));
      ex = ev(EventType::Exception, from);
      ex->exception_reason = ExceptionReason::Personal;
      ex->exception_from = from;
      ex->exception_to = from.plus_days(r.uniform(14, 60));
    } else if (r.chance(0.009)) {
      Date from = asked.plus_days(r.uniform(3, 35));
      ex = ev(EventType::Exception, from);
      ex->exception_reason = ExceptionReason::Absent;
      ex->exception_from = from;
      ex->exception_to = from.plus_days(r.uniform(29, 70));
    }
    // An exception can only affect limits it overlaps: it must begin by the 20-week date.
    if (ex && *ex->exception_from > request.plus_weeks(20)) ex.reset();
    if (ex) {
      x.add(*ex);
      // Advice not back when the exception began comes back after it ends.
      for (auto& b : back)
        if (b >= *ex->exception_from) b = max(b, ex->exception_to->plus_days(r.uniform(5, 30)));
    }
  }

  Date last_advice = asked;
  for (std::size_t i = 0; i < kAdvice.size(); ++i) {
    Event a = ev(EventType::AdviceReceived, back[i]);
    a.id = kAdvice[i].id;
    last_advice = max(last_advice, back[i]);
    x.add(a);
  }
  if (!force_issue && r.chance(0.003)) {
    x.add(ev(EventType::Withdrawn, asked.plus_days(r.uniform(10, 60))));
    // Advice after the withdrawal is never recorded.
    Date w = x.recs.back().e.date;
    std::erase_if(x.recs, [&](const Rec& rec) { return rec.e.date > w; });
    return finish(InitialEnd::Withdrawn);
  }

  // Panel decision after the advice: usually days, sometimes a backlog of weeks or months.
  // Most of the delay nationally is a backlog at panel or in plan writing, with a long tail (s5.3:
  // 47% of plans take 20-52 weeks and 7% over a year).
  int backlog = r.chance(0.42) ? r.skewed(1, 340, 2) : 0;
  int at_panel = r.chance(0.5) ? backlog : 0;
  Date to_issue = last_advice.plus_days(r.uniform(1, 10) + at_panel);
  if (!force_issue && r.chance(0.07)) {
    x.add(decided(EventType::DecisionToIssue, to_issue, Outcome::NotIssue), true);
    if (r.chance(0.2)) decision_notice(r, to_issue, today, x);
    return finish(InitialEnd::NotIssued);
  }
  x.add(decided(EventType::DecisionToIssue, to_issue, Outcome::Issue), true);
  Date draft = to_issue.plus_days(r.uniform(2, 10) + backlog - at_panel);
  x.add(ev(EventType::DraftPlanServed, draft));
  // The family has 15 days (A5); a few say they have nothing to add and the plan is finalised early.
  Event fin;
  if (r.chance(0.07)) {
    fin = ev(EventType::FinalPlanIssued, draft.plus_days(r.uniform(3, 14)));
    fin.family_agreed = true;
  } else {
    fin = ev(EventType::FinalPlanIssued, draft.plus_days(15 + (r.chance(0.8) ? r.uniform(0, 7) : r.skewed(8, 40, 2))));
  }
  x.add(fin);
  return finish(InitialEnd::Issued);
}

// September of the school year a child moves to secondary (Year 7) and to post-16 (Year 12).
int reception_year(Date dob) { return dob.year() + (dob.month() >= 9 ? 5 : 4); }

// Annual reviews from `plan` to today (s1.5, s1.6, s1.7; s5.7: 44% of decisions within 4 weeks
// of the meeting; amend 61% / maintain 38%; reviews held late or not yet held for some plans).
// Returns false when `cease_from` is set and no decision from that date could be made the cease.
void reviews(Rng& r, Date plan, Date last, Date dob, Date today, Timeline& t, std::optional<Date> cease_from,
             bool& ceased) {
  ceased = false;
  Date anchor = plan;
  int y0 = reception_year(dob);
  std::array<std::pair<int, PhaseKind>, 2> transfers = {{{y0 + 7, PhaseKind::School}, {y0 + 12, PhaseKind::Post16}}};
  std::array<bool, 2> done = {false, false};
  for (int cycle = 0; cycle < 30; ++cycle) {
    Date due = anchor.plus_months(12);
    double u = r.real();
    Date meeting = u < 0.55   ? due.plus_days(-r.uniform(14, 70))
                   : u < 0.82 ? due.plus_days(-r.uniform(0, 13))
                   : u < 0.94 ? due.plus_days(r.skewed(1, 60, 2))
                              : due.plus_days(r.uniform(61, 240));
    meeting = max(meeting, last.plus_days(r.uniform(14, 35)));

    std::optional<Event> phase;
    Date phase_due;
    for (std::size_t k = 0; k < transfers.size(); ++k) {
      int s = transfers[k].first;
      Date autumn = Date::from_ymd(s - 1, 9, 1), end = Date::from_ymd(s, 8, 31);
      if (done[k] || meeting < autumn || meeting > end || plan >= autumn) continue;
      done[k] = true;
      Date recorded = max(autumn.plus_days(r.uniform(1, 30)), last.plus_days(r.uniform(1, 7)));
      phase = ev(EventType::PhaseTransfer, recorded);
      phase->phase_kind = transfers[k].second;
      phase->transfer_date = Date::from_ymd(s, 9, 3);
      phase_due = transfers[k].second == PhaseKind::School ? Date::from_ymd(s, 2, 14) : Date::from_ymd(s, 3, 30);
      // The phase-transfer review is brought forward to the autumn term when the last review allows.
      Date pulled = Date::from_ymd(s - 1, 10, 1).plus_days(r.uniform(0, 55));
      if (pulled >= anchor.plus_days(120)) meeting = min(meeting, pulled);
      meeting = max(meeting, recorded.plus_days(r.uniform(7, 30)));
      break;
    }
    if (phase && phase->date <= today) t.add(*phase);
    if (meeting > today) return;
    t.add(ev(EventType::ReviewMeeting, meeting));
    Date report = meeting.plus_days(r.chance(0.82) ? r.uniform(2, 14) : r.skewed(15, 60, 2));
    Date decision = meeting.plus_days(r.chance(0.47) ? r.uniform(4, 28) : r.skewed(29, 150, 2));
    if (report > decision) decision = report.plus_days(r.uniform(0, 5));
    if (report > today) return;
    t.add(ev(EventType::ReviewReport, report));
    if (decision > today) return;
    Outcome o = phase || r.chance(0.56) ? Outcome::Amend : Outcome::Maintain;
    if (cease_from && decision >= *cease_from && !phase) {
      t.add(decided(EventType::ReviewDecision, decision, Outcome::Cease), true);
      ceased = true;
      return;
    }
    t.add(decided(EventType::ReviewDecision, decision, o), true);
    last = decision;
    anchor = decision;
    if (o == Outcome::Amend) {
      Date proposed = decision.plus_days(r.chance(0.7) ? 0 : r.uniform(1, 21));
      Date amended = proposed.plus_days(r.chance(0.52) ? r.uniform(15, 56) : r.skewed(57, 200, 2));
      if (phase && r.chance(0.75)) amended = max(proposed.plus_days(15), min(amended, phase_due.plus_days(-r.uniform(0, 20))));
      if (proposed > today) return;
      t.add(ev(EventType::AmendmentsProposed, proposed));
      if (amended > today) return;
      t.add(ev(EventType::AmendedPlanIssued, amended));
      last = amended;
      if (r.chance(0.015)) last = decision_notice(r, amended, today, t);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Children.

struct Ids {
  std::unordered_set<std::string> upns, ulns, nhs;
};

std::string digits(Rng& r, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + r.uniform(0, 9));
  return s;
}

std::string make_upn(Rng& r, Date dob, Ids& ids) {
  int year = reception_year(dob);
  for (;;) {
    std::string body = std::string(kDemoLaNumber) + std::to_string(r.uniform(2001, 2240)) +
                       std::to_string(year % 100 + 100).substr(1) + digits(r, 3);
    if (r.chance(0.01)) body[11] = kUpnLetters[static_cast<std::size_t>(r.uniform(0, 22))];  // temporary UPN
    auto check = upn_check_letter(body);
    if (!check) continue;
    std::string upn = std::string(1, *check) + body;
    if (ids.upns.insert(upn).second) return upn;
  }
}

std::string make_uln(Rng& r, Ids& ids) {
  for (;;) {
    std::string body = std::to_string(r.uniform(1, 9)) + digits(r, 8);
    auto check = uln_check_digit(body);
    if (!check) continue;
    std::string uln = body + std::to_string(*check);
    if (uln != "9999999999" && ids.ulns.insert(uln).second) return uln;
  }
}

// NHS numbers in the 999 range, which NHS England keeps for testing and never issues.
std::string make_nhs(Rng& r, Ids& ids) {
  for (;;) {
    std::string body = "999" + digits(r, 6);
    auto check = nhs_check_digit(body);
    if (!check) continue;
    std::string n = body + std::to_string(*check);
    if (n != "9999999999" && ids.nhs.insert(n).second) return n;
  }
}

Date dob_for_age(Rng& r, int age, Date today) {
  Date newest = today.plus_months(-12 * age);            // turns `age` today
  Date oldest = today.plus_months(-12 * (age + 1)).plus_days(1);
  return oldest.plus_days(r.uniform(0, newest - oldest));
}

struct NewChild {
  Child child;
  int district = 0;
};

NewChild make_child(Rng& r, Date dob, double male, Date today, Ids& ids) {
  NewChild n;
  Child& c = n.child;
  c.date_of_birth = dob;
  c.sex = r.chance(male) ? "M" : "F";
  std::array<double, kEthnicity.size()> ew;
  for (std::size_t i = 0; i < ew.size(); ++i) ew[i] = kEthnicity[i].weight;
  c.ethnicity = kEthnicity[static_cast<std::size_t>(r.weighted(ew))].code;
  name_child(c, r);
  std::array<double, kDistricts.size()> w;
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = kDistricts[i].weight;
  n.district = r.weighted(w);
  c.postcode = std::string(kDistricts[static_cast<std::size_t>(n.district)].code) + " " +
               std::to_string(r.uniform(1, 9)) + kInwardLetters[static_cast<std::size_t>(r.uniform(0, 19))] +
               kInwardLetters[static_cast<std::size_t>(r.uniform(0, 19))];
  bool at_school = today >= Date::from_ymd(reception_year(dob), 9, 1);
  if (at_school && r.chance(0.97)) c.upn = make_upn(r, dob, ids);
  if (age_on(dob, today) >= 16 && r.chance(0.85)) c.uln = make_uln(r, ids);
  if (c.upn.empty() && c.uln.empty()) c.upn_unknown = at_school ? "UN2" : "UN1";
  if (r.chance(0.7)) c.nhs_number = make_nhs(r, ids);
  return n;
}

// ---------------------------------------------------------------------------------------------
// SEN needs (s5.4). Plan holders by single year of age: ASD ~30-33% throughout, SLCN from ~50% at
// 3-5 to ~11% at 16-18, SEMH from ~3% at 4 to ~30% at 15-16; the other types share the rest in
// their national proportions, learning difficulties (MLD, SpLD) rarely named before school and
// sensory, physical and severe needs more often among the youngest. Weighted by the age profile of
// plans (kPlanAge) the rows give ASD 31.9, SLCN 21.1, SEMH 21.0, MLD 10.7, SLD 4.0, PD 3.9, SPLD 2.7,
// HI 1.4, PMLD 1.3, OTH 0.8, DS 0.4, VI 0.8, MSI 0.3% (national, without the 0.8% not recorded:
// 31.5 / 21.3 / 20.7 / 10.6 / 4.0 / 3.9 / 2.3 / 1.4 / 1.3 / 1.2 incl. DS / 0.8 / 0.3%).
// Columns in the order of kDemoNeedCodes.
constexpr std::array<std::array<double, 13>, 26> kNeedByAge = {{
    {30.0, 44.0, 2.0, 3.4, 6.5, 6.4, 0.2, 2.3, 2.1, 0.7, 0.7, 1.3, 0.5},      // 0
    {30.3, 45.3, 2.2, 3.1, 6.0, 5.9, 0.2, 2.1, 2.0, 0.7, 0.6, 1.2, 0.5},      // 1
    {30.7, 46.7, 2.3, 2.8, 5.5, 5.4, 0.2, 1.9, 1.8, 0.6, 0.6, 1.1, 0.4},      // 2
    {31.0, 48.0, 2.5, 2.6, 5.0, 4.9, 0.2, 1.8, 1.6, 0.6, 0.5, 1.0, 0.4},      // 3
    {31.5, 50.0, 3.0, 2.2, 4.2, 4.1, 0.1, 1.5, 1.4, 0.5, 0.4, 0.8, 0.3},      // 4
    {32.0, 47.0, 5.0, 7.5, 2.6, 2.5, 0.1, 0.9, 0.8, 0.5, 0.3, 0.5, 0.2},      // 5
    {32.2, 42.0, 8.0, 8.3, 2.9, 2.8, 0.2, 1.0, 0.9, 0.6, 0.3, 0.6, 0.2},      // 6
    {32.5, 35.0, 11.0, 9.1, 3.1, 3.1, 2.3, 1.1, 1.0, 0.6, 0.3, 0.6, 0.2},     // 7
    {32.8, 29.5, 14.0, 10.1, 3.5, 3.4, 2.5, 1.2, 1.1, 0.7, 0.3, 0.7, 0.3},    // 8
    {33.0, 25.5, 17.0, 10.4, 3.6, 3.5, 2.6, 1.3, 1.2, 0.7, 0.4, 0.7, 0.3},    // 9
    {32.9, 22.0, 19.5, 10.9, 3.7, 3.6, 2.7, 1.3, 1.2, 0.7, 0.4, 0.7, 0.3},    // 10
    {32.8, 19.0, 22.0, 11.2, 3.8, 3.7, 2.8, 1.3, 1.2, 0.8, 0.4, 0.8, 0.3},    // 11
    {32.6, 16.0, 24.5, 11.4, 3.9, 3.8, 2.8, 1.4, 1.3, 0.8, 0.4, 0.8, 0.3},    // 12
    {32.5, 14.0, 26.5, 11.5, 3.9, 3.8, 2.8, 1.4, 1.3, 0.8, 0.4, 0.8, 0.3},    // 13
    {32.0, 13.0, 28.0, 11.5, 3.9, 3.8, 2.8, 1.4, 1.3, 0.8, 0.4, 0.8, 0.3},    // 14
    {31.5, 12.8, 29.5, 11.2, 3.8, 3.7, 2.8, 1.3, 1.2, 0.8, 0.4, 0.8, 0.3},    // 15
    {31.0, 12.5, 30.0, 10.5, 4.0, 3.9, 3.2, 1.4, 1.3, 0.8, 0.4, 0.8, 0.3},    // 16
    {30.7, 12.0, 28.0, 11.6, 4.4, 4.3, 3.5, 1.5, 1.4, 0.9, 0.4, 0.9, 0.3},    // 17
    {30.3, 11.5, 26.0, 12.8, 4.8, 4.7, 3.9, 1.7, 1.6, 1.0, 0.5, 1.0, 0.4},    // 18
    {30.0, 11.3, 24.0, 13.8, 5.2, 5.1, 4.2, 1.8, 1.7, 1.0, 0.5, 1.0, 0.4},    // 19
    {30.0, 11.1, 23.3, 14.1, 5.3, 5.2, 4.3, 1.9, 1.7, 1.1, 0.5, 1.1, 0.4},    // 20
    {30.0, 10.9, 22.7, 14.5, 5.5, 5.3, 4.4, 1.9, 1.8, 1.1, 0.5, 1.1, 0.4},    // 21
    {30.0, 10.6, 22.0, 14.8, 5.6, 5.5, 4.5, 2.0, 1.8, 1.1, 0.6, 1.1, 0.4},    // 22
    {30.0, 10.4, 21.3, 15.2, 5.7, 5.6, 4.6, 2.0, 1.9, 1.1, 0.6, 1.1, 0.4},    // 23
    {30.0, 10.2, 20.7, 15.5, 5.9, 5.7, 4.7, 2.0, 1.9, 1.2, 0.6, 1.2, 0.4},    // 24
    {30.0, 10.0, 20.0, 15.9, 6.0, 5.8, 4.8, 2.1, 1.9, 1.2, 0.6, 1.2, 0.4},    // 25
}};
// New plans 2024 (s5.4), for children whose request or assessment has not (yet) led to a plan.
constexpr std::array<double, 13> kNeedNew = {27.5, 27.7, 26.3, 7.5, 1.3, 2.3, 2.3, 0.7, 0.6, 0.8, 0.4, 0.5, 0.2};
// All plans, January 2025 (s5.4), printed beside the generated shares.
constexpr std::array<double, 13> kNeedAll = {31.5, 21.3, 20.7, 10.6, 4.0, 3.9, 2.3, 1.4, 1.3, 0.8, 0.4, 0.8, 0.3};

enum class PlanStatus { None, Active, Ceased };

bool learning_difficulty(int need) { return need == 3 || need == 4 || need == 8; }  // MLD, SLD, PMLD

SenNeeds draw_needs(Rng& r, const std::array<double, 13>& weights) {
  int primary = r.weighted(weights);
  SenNeeds n{kDemoNeedCodes[static_cast<std::size_t>(primary)], ""};
  // A secondary type for about a third; autism often comes with language or SEMH needs, and one
  // learning difficulty is never recorded beside another.
  if (r.chance(0.35)) {
    std::array<double, 13> w = weights;
    w[static_cast<std::size_t>(primary)] = 0;
    for (std::size_t i = 0; i < w.size(); ++i)
      if (learning_difficulty(primary) && learning_difficulty(static_cast<int>(i))) w[i] = 0;
    if (primary == 0) w[1] *= 1.6, w[2] *= 1.6;
    n.secondary = kDemoNeedCodes[static_cast<std::size_t>(r.weighted(w))];
  }
  return n;
}

const std::array<double, 13>& need_weights(PlanStatus status, int age) {
  if (status == PlanStatus::None) return kNeedNew;
  return kNeedByAge[static_cast<std::size_t>(std::clamp(age, 0, 25))];
}

// The child's needs records: one recorded when the plan was issued (or the request arrived); for
// some plan holders an earlier record with another primary type, replaced at a later amendment.
std::vector<DemoNeeds> make_needs(Rng& r, const DemoCase& c, PlanStatus status, Date today) {
  Date request = c.events.front().date, plan = request, amended = request;
  bool has_plan = false, has_amendment = false;
  for (const Event& e : c.events) {
    if (e.type == EventType::FinalPlanIssued && !has_plan) plan = e.date, has_plan = true;
    if (e.type == EventType::AmendedPlanIssued) amended = e.date, has_amendment = true;
  }
  Date dob = c.child.date_of_birth;
  std::vector<DemoNeeds> out;
  SenNeeds now = draw_needs(r, need_weights(status, age_on(dob, today)));
  if (has_plan && has_amendment && amended - plan > 2 * 365 && r.chance(0.3)) {
    SenNeeds then = draw_needs(r, need_weights(status, age_on(dob, plan)));
    if (then.primary != now.primary) {
      out.push_back({then, plan});
      out.push_back({now, amended});
      return out;
    }
  }
  out.push_back({now, has_plan ? plan : request});
  return out;
}

// ---------------------------------------------------------------------------------------------
// Establishments and placements (s5.6).

enum Kind { KPrimary, KSecondary, KSpecial, KIndependent, KAp, KCollege, KSpecialistCollege, KTraining, KNursery, KKinds };
constexpr std::array<const char*, KKinds> kKindNames = {"primary", "secondary", "special", "independent", "ap",
                                                       "college", "specialist_college", "training", "nursery"};

constexpr std::array<std::string_view, 64> kPlaceStems = {
    "Northmoor Road", "Ashgrove", "Kirkholme", "Moorside", "Brackenfield", "Holloway Bridge", "Longcroft",
    "Saltmarsh Lane", "Fellgate", "Thornley Green", "Underbank", "Wexcombe", "Redmire", "Haverley", "Stanecliffe",
    "Gorsey Bank", "Old Tannery", "Whinmoor Edge", "Abbeyfield", "Alder Bank", "Beckside", "Birchfield",
    "Blackthorn", "Bramley Moor", "Castle Rise", "Cherry Tree", "Clough Head", "Coldwell", "Dale View", "Elm Grove",
    "Fairfield", "Foxhill", "Greenacre", "Hawthorn", "Highfield", "Hollins", "Ivy Bank", "Kestrel", "Lark Hill",
    "Linden", "Lowmoor", "Meadowbank", "Millbrook", "Netherton", "Northfield", "Oakwood", "Orchard Way",
    "Parkside", "Quarry Hill", "Riverside", "Rowan", "Silverdale", "Southfield", "Spring Bank", "Stonegate",
    "Sunnybank", "Tarn Lane", "Valley Road", "Westfield", "Whitecross", "Willowbrook", "Woodlands", "Yewtree",
    "Cinder Lane"};
constexpr std::array<std::string_view, 20> kSaints = {
    "Aidan", "Bede", "Cuthbert", "Hilda", "Oswald", "Wilfrid", "Chad", "Columba", "Margaret", "Mary",
    "Peter", "Paul", "Anne", "John", "Joseph", "Patrick", "Michael", "Luke", "Andrew", "Barnabas"};

struct Schools {
  std::vector<DemoEstablishment> all;
  // By kind and district (index into kDistricts), and by kind alone: indexes into `all`.
  std::array<std::array<std::vector<int>, kDistricts.size()>, KKinds> local;
  std::array<std::vector<int>, KKinds> any;
  std::array<int, kDistricts.size()> district_of_code{};
};

// The council's establishments, a fixed set for the seed and size: ~48 primaries and ~12
// secondaries per 3,300 plans (one primary at least in every district), special schools of the four
// kinds in proportion to s5.6 (LA 44%, academy 38%, independent 15%, non-maintained 2%), a few
// independent mainstream schools, pupil referral units, colleges, specialist colleges, training
// providers and nurseries. URNs are 199xxx and UKPRNs 1009xxxx, ranges no real establishment uses here.
Schools make_schools(std::uint64_t seed, int plans) {
  Rng r(splitmix64(seed ^ 0x7363686f6f6c73ULL));
  Schools s;
  double scale = std::max(1.0, plans / 3300.0);
  auto n = [&](double per) { return std::max(1, static_cast<int>(per * scale + 0.5)); };
  struct Want {
    Kind kind;
    std::string_view type;
    int count;
  };
  const std::array<Want, 13> wants = {{
      {KPrimary, "", std::max(18, n(48))},
      {KSecondary, "", std::max(3, n(12))},
      {KSpecial, "special_la", n(3)},
      {KSpecial, "special_academy", n(3)},
      {KSpecial, "special_independent", n(2)},
      {KSpecial, "special_non_maintained", n(0.5)},
      {KIndependent, "mainstream_independent", n(2)},
      {KAp, "ap_pru", n(2)},
      {KCollege, "fe_college", n(2)},
      {KSpecialistCollege, "specialist_post16", n(2)},
      {KTraining, "training_provider", n(3)},
      {KNursery, "early_years", n(8)},
  }};
  int with_urn = 0;
  for (const Want& w : wants) with_urn += w.kind < KCollege ? w.count : 0;
  const int urn_step = std::max(2, 900 / std::max(1, with_urn));
  int next_urn = 199010, next_ukprn = 10090100;
  std::unordered_set<std::string> used;
  std::array<double, kDistricts.size()> dw;
  for (std::size_t i = 0; i < dw.size(); ++i) dw[i] = kDistricts[i].weight;

  auto stem = [&] { return std::string(r.pick(kPlaceStems)); };
  auto saint = [&] { return "St " + std::string(r.pick(kSaints)) + "'s"; };
  for (const Want& w : wants) {
    for (int i = 0; i < w.count; ++i) {
      DemoEstablishment e;
      e.kind = kKindNames[w.kind];
      e.setting_type = std::string(w.type);
      int district = w.kind == KPrimary && i < static_cast<int>(kDistricts.size()) ? i : r.weighted(dw);
      e.district = kDistricts[static_cast<std::size_t>(district)].code;
      if (w.kind == KPrimary) e.setting_type = r.chance(0.5) ? "mainstream_la" : "mainstream_academy";
      if (w.kind == KSecondary) e.setting_type = r.chance(0.2) ? "mainstream_la" : "mainstream_academy";
      for (int attempt = 0;; ++attempt) {
        bool la = e.setting_type == "mainstream_la";
        std::string name;
        double u = r.real();
        switch (w.kind) {
          case KPrimary:
            name = u < 0.12   ? saint() + (la ? " CE Primary School" : " Catholic Primary Academy")
                   : u < 0.25 ? stem() + (la ? " Community Primary School" : " Primary Academy")
                   : u < 0.35 ? stem() + (la ? " Infant and Junior School" : " Junior Academy")
                              : stem() + (la ? " Primary School" : " Primary Academy");
            break;
          case KSecondary:
            name = u < 0.12 ? saint() + (la ? " Catholic High School" : " Catholic Academy")
                            : stem() + (la ? (u < 0.6 ? " High School" : " School") : " Academy");
            break;
          case KSpecial:
            if (e.setting_type == "special_la") name = stem() + (u < 0.5 ? " School" : " Park School");
            else if (e.setting_type == "special_academy") name = stem() + (u < 0.5 ? " Academy" : " Specialist Academy");
            else if (e.setting_type == "special_independent") name = stem() + (u < 0.5 ? " House School" : " Hall School");
            else name = stem() + " School for Sensory Needs";
            break;
          case KIndependent: name = stem() + (u < 0.5 ? " Grammar School" : " Preparatory School"); break;
          case KAp: name = stem() + (u < 0.5 ? " Pupil Referral Unit" : " Learning Centre"); break;
          case KCollege:
            name = i == 0 ? "Northmoor College" : i == 1 ? "Northmoor Sixth Form College" : stem() + " College";
            break;
          case KSpecialistCollege: name = stem() + " Specialist College"; break;
          case KTraining: name = stem() + (u < 0.5 ? " Training" : " Skills Centre"); break;
          case KNursery: name = stem() + (u < 0.5 ? " Day Nursery" : " Pre-School"); break;
          default: break;
        }
        if (attempt > 50) name.append(" ").append(std::to_string(attempt));  // never reached at realistic sizes
        if (used.insert(name).second) {
          e.name = std::move(name);
          break;
        }
      }
      if (w.kind < KCollege) {
        e.urn = std::to_string(next_urn);
        next_urn += r.uniform(1, urn_step);
      } else if (w.kind != KNursery) {
        e.ukprn = std::to_string(next_ukprn);
        next_ukprn += r.uniform(1, 40);
      }
      if (w.kind == KSecondary) e.sixth_form = r.chance(0.7) || i == 0;
      if (w.kind == KPrimary || w.kind == KSecondary) {
        // Every phase has at least one resourced provision and one SEN unit.
        e.resourced_provision = i % 5 == 1 || (i > 10 && r.chance(0.15));
        e.sen_unit = i % 7 == 2 || (i > 10 && r.chance(0.08));
      }
      int index = static_cast<int>(s.all.size());
      s.local[w.kind][static_cast<std::size_t>(district)].push_back(index);
      s.any[w.kind].push_back(index);
      s.all.push_back(std::move(e));
    }
  }
  return s;
}

// Setting groups in the order of setting_groups(), then "not recorded".
enum Group { GMainstream, GSpecial, GPost16, GAp, GEarlyYears, GElsewhere, GNotRecorded, GGroups };

// Phases by national-curriculum year: before reception, 0-6, 7-11, 12-13, 14-16, 17 and over.
enum Phase { PPre, PPrimary, PSecondary, PSixth, PFurther, PAdult, PPhases };

// Setting group by phase for plan holders (s5.6, all plans January 2025): weighted by the age
// profile they give mainstream ~43.5%, special ~30%, FE and post-16 ~14%, AP ~0.8%, elsewhere ~8%,
// early years ~0.7%, not recorded ~3%.
constexpr std::array<std::array<double, GGroups>, PPhases> kGroupPlan = {{
    {50, 17, 0, 0, 24, 0, 9},
    {63.5, 30, 0, 0.3, 0, 3.6, 2.6},
    {48, 39.5, 0, 1.7, 0, 7, 2.9},
    {12, 24, 52, 0.2, 0, 9, 2.8},
    {0, 13, 63, 0, 0, 21, 3},
    {0, 0, 62, 0, 0, 35, 3},
}};
// For children without a plan, the new-plans column (mainstream 75%, special 9%, early years 3.6%,
// AP 1.4%, elsewhere 4.5%, not recorded 3.3%) shaped by phase.
constexpr std::array<std::array<double, GGroups>, PPhases> kGroupNew = {{
    {40, 5, 0, 0, 45, 0, 10},
    {86, 5, 0, 1, 0, 4, 4},
    {78, 7, 0, 3, 0, 8, 4},
    {15, 5, 60, 0, 0, 15, 5},
    {0, 3, 57, 0, 0, 35, 5},
    {0, 0, 60, 0, 0, 35, 5},
}};

int school_year_of(Date d) { return d.month() >= 9 ? d.year() : d.year() - 1; }

class Placer {
 public:
  Placer(Rng& r, const Schools& s, Date dob, int district, Date today)
      : r_(r), s_(s), dob_(dob), district_(district), today_(today), y0_(reception_year(dob)),
        ncy_(school_year_of(today) - reception_year(dob)) {}

  Phase phase() const {
    return ncy_ < 0 ? PPre : ncy_ <= 6 ? PPrimary : ncy_ <= 11 ? PSecondary : ncy_ <= 13 ? PSixth : ncy_ <= 16 ? PFurther : PAdult;
  }

  // Places the child; returns the group of the current main placement.
  Group place(PlanStatus status, std::vector<Placement>& out) {
    Phase ph = phase();
    Group g = static_cast<Group>(r_.weighted(status == PlanStatus::None ? kGroupNew[ph] : kGroupPlan[ph]));
    out_ = &out;
    switch (g) {
      case GMainstream: mainstream(ph); break;
      case GSpecial: special(ph); break;
      case GPost16: post16(); break;
      case GAp: ap(ph); break;
      case GEarlyYears: early_years(); break;
      case GElsewhere: elsewhere(ph); break;
      default: return GNotRecorded;
    }
    // A few dual placements (rank 2) beside a school place.
    if ((ph == PPrimary || ph == PSecondary) && (g == GMainstream || g == GSpecial) && r_.chance(0.015)) {
      Date from = max(current().entry_date, today_.plus_days(-r_.uniform(20, 400)));
      Kind kind = g == GSpecial ? (ph == PPrimary ? KPrimary : KSecondary) : r_.chance(0.5) ? KAp : KSpecial;
      Placement dual = at(kind, "");
      dual.rank = 2;
      dual.entry_date = min(from, today_);
      out.push_back(std::move(dual));
    }
    return g;
  }

 private:
  Date sept(int y) { return min(today_, max(Date::from_ymd(y, 9, 1).plus_days(r_.uniform(2, 6)), dob_.plus_days(60))); }
  Date july(int y) { return Date::from_ymd(y, 7, 17).plus_days(r_.uniform(0, 6)); }
  // Before school: from the September before reception when that has come, else some months ago.
  Date pre_school_entry() {
    Date nursery = Date::from_ymd(y0_ - 1, 9, 1).plus_days(r_.uniform(2, 6));
    if (nursery <= today_) return max(nursery, dob_.plus_days(60));
    Date recent = today_.plus_days(-r_.uniform(20, 300));
    return min(today_, max(recent, dob_.plus_days(60)));
  }
  Placement& current() {
    for (auto& p : *out_)
      if (p.rank == 1 && p.current()) return p;
    throw std::logic_error("demo generator bug: no current placement");
  }

  // A placement at an establishment of `kind` (nearby for three in four), recorded with `type`
  // or the establishment's own setting type.
  Placement at(Kind kind, std::string_view type, bool need_sixth_form = false, int not_index = -1) {
    const auto& local = s_.local[kind][static_cast<std::size_t>(district_)];
    const auto& pool = !local.empty() && r_.chance(0.75) ? local : s_.any[kind];
    int index = -1;
    for (int attempt = 0; attempt < 30; ++attempt) {
      int i = pool[static_cast<std::size_t>(r_.uniform(0, static_cast<int>(pool.size()) - 1))];
      const DemoEstablishment& e = s_.all[static_cast<std::size_t>(i)];
      if (i == not_index || (need_sixth_form && !e.sixth_form) || (!type.empty() && kind == KSpecial && e.setting_type != type) ||
          (type == "resourced_provision" && !e.resourced_provision) || (type == "sen_unit" && !e.sen_unit))
        continue;
      index = i;
      break;
    }
    if (index < 0) {  // scan everything of the kind in order for one that fits
      for (int i : s_.any[kind]) {
        const DemoEstablishment& e = s_.all[static_cast<std::size_t>(i)];
        if (i == not_index || (need_sixth_form && !e.sixth_form) || (!type.empty() && kind == KSpecial && e.setting_type != type) ||
            (type == "resourced_provision" && !e.resourced_provision) || (type == "sen_unit" && !e.sen_unit))
          continue;
        index = i;
        break;
      }
      if (index < 0) index = s_.any[kind].front();
    }
    const DemoEstablishment& e = s_.all[static_cast<std::size_t>(index)];
    Placement p;
    p.setting_type = type.empty() || kind == KSpecial ? e.setting_type : std::string(type);
    p.urn = e.urn;
    p.ukprn = e.ukprn;
    p.name = e.name;
    last_index_ = index;
    return p;
  }
  Placement coded(std::string_view type) {
    Placement p;
    p.setting_type = std::string(type);
    return p;
  }
  // Adds `earlier` from `from`, left on a day between, then `now` from a few days after; when
  // there is no room for both, only `now` from `from`.
  void moved(Placement earlier, Date from, Placement now, int gap_max = 14) {
    Date latest = today_.plus_days(-3);
    if (latest - from < 45) {
      now.entry_date = min(from, today_);
      out_->push_back(std::move(now));
      return;
    }
    earlier.entry_date = from;
    Date left = from.plus_days(r_.uniform(30, latest - from));
    earlier.leaving_date = left;
    now.entry_date = min(today_, left.plus_days(r_.uniform(1, gap_max)));
    out_->push_back(std::move(earlier));
    out_->push_back(std::move(now));
  }
  // Moved at the end of the summer term of `y` (a phase transfer) to `now`.
  void transferred(Placement earlier, Date from, Placement now, int y) {
    Date left = july(y);
    if (left < from || left > today_) {
      now.entry_date = sept(y);
      out_->push_back(std::move(now));
      return;
    }
    earlier.entry_date = from;
    earlier.leaving_date = left;
    now.entry_date = max(left, sept(y));
    out_->push_back(std::move(earlier));
    out_->push_back(std::move(now));
  }
  Placement mainstream_school(Phase ph, bool sixth = false) {
    double u = r_.real() * 100;
    Kind k = ph == PPre || ph == PPrimary ? KPrimary : KSecondary;
    if (u < 2.8 && ph != PPre) return at(KIndependent, "mainstream_independent");
    if (u < 8.9) return at(k, "resourced_provision", sixth);
    if (u < 12.4) return at(k, "sen_unit", sixth);
    return at(k, "", sixth);
  }
  Placement special_school() {
    static constexpr std::array<double, 4> w = {44.4, 38.2, 15.3, 2.3};
    static constexpr std::array<std::string_view, 4> t = {"special_la", "special_academy", "special_independent",
                                                          "special_non_maintained"};
    return at(KSpecial, t[static_cast<std::size_t>(r_.weighted(w))]);
  }

  void mainstream(Phase ph) {
    if (ph == PPre) {  // a nursery class in a primary school
      Placement p = mainstream_school(ph);
      p.entry_date = pre_school_entry();
      out_->push_back(std::move(p));
      return;
    }
    if (ph == PPrimary) {
      Placement now = mainstream_school(ph);
      if (r_.chance(0.1)) {
        Placement before = at(KPrimary, "", false, last_index_);
        Date from = sept(y0_);
        moved(std::move(before), from, std::move(now));
      } else {
        now.entry_date = sept(y0_);
        out_->push_back(std::move(now));
      }
      return;
    }
    if (ph == PSecondary) {
      Placement now = mainstream_school(ph);
      if (r_.chance(0.08)) {
        Placement before = at(KSecondary, "", false, last_index_);
        Date from = sept(y0_ + 7);
        moved(std::move(before), from, std::move(now));
      } else if (r_.chance(0.85)) {
        Placement primary = at(KPrimary, "");
        Date from = sept(y0_);
        transferred(std::move(primary), from, std::move(now), y0_ + 7);
      } else {
        now.entry_date = sept(y0_ + 7);
        out_->push_back(std::move(now));
      }
      return;
    }
    // A school sixth form: most stayed on from Year 7, some joined at 16 from another school.
    Placement now = mainstream_school(PSecondary, true);
    if (r_.chance(0.7)) {
      now.entry_date = sept(y0_ + 7);
      out_->push_back(std::move(now));
    } else {
      Placement before = at(KSecondary, "", false, last_index_);
      Date from = sept(y0_ + 7);
      transferred(std::move(before), from, std::move(now), y0_ + 12);
    }
  }

  void special(Phase ph) {
    Placement now = special_school();
    if (ph == PPre) {
      now.entry_date = pre_school_entry();
      out_->push_back(std::move(now));
      return;
    }
    // About half at the special school since reception; the others came from a mainstream school,
    // many at the move to secondary.
    bool since_reception = r_.chance(ph == PPrimary ? 0.55 : 0.4);
    if (since_reception) {
      now.entry_date = sept(y0_);
      out_->push_back(std::move(now));
    } else if (ncy_ >= 7 && r_.chance(0.5)) {
      Placement primary = at(KPrimary, "");
      Date from = sept(y0_);
      transferred(std::move(primary), from, std::move(now), y0_ + 7);
    } else {
      bool from_secondary = ncy_ >= 8 && r_.chance(0.5);
      Placement before = at(from_secondary ? KSecondary : KPrimary, "");
      Date from = sept(from_secondary ? y0_ + 7 : y0_);
      moved(std::move(before), from, std::move(now));
    }
  }

  void post16() {
    static constexpr std::array<double, 3> w = {81, 11, 8.5};  // general FE, specialist, UKRLP (s5.6)
    static constexpr std::array<Kind, 3> k = {KCollege, KSpecialistCollege, KTraining};
    Kind kind = k[static_cast<std::size_t>(r_.weighted(w))];
    Placement now = at(kind, "");
    int latest = school_year_of(today_);
    int y = ncy_ <= 13 ? y0_ + 12 : r_.uniform(y0_ + 12, std::max(y0_ + 12, latest));
    if (r_.chance(0.15)) {  // the earlier school or college is not recorded
      now.entry_date = sept(y);
      out_->push_back(std::move(now));
    } else if (y == y0_ + 12) {
      Placement school = r_.chance(0.65) ? at(KSecondary, "") : special_school();
      Date from = sept(y0_ + 7);
      transferred(std::move(school), from, std::move(now), y);
    } else {
      Placement college = at(KCollege, "", false, kind == KCollege ? last_index_ : -1);
      Date from = sept(y0_ + 12);
      transferred(std::move(college), from, std::move(now), y);
    }
  }

  void ap(Phase ph) {
    Placement now = at(KAp, "");
    Placement school = at(ph == PPrimary ? KPrimary : KSecondary, "");
    Date from = sept(ph == PPrimary ? y0_ : y0_ + 7);
    moved(std::move(school), from, std::move(now));
  }

  void early_years() {
    Placement p = coded("early_years");
    p.name = s_.all[static_cast<std::size_t>(s_.any[KNursery][static_cast<std::size_t>(
                         r_.uniform(0, static_cast<int>(s_.any[KNursery].size()) - 1))])].name;
    Date earliest = dob_.plus_days(r_.uniform(120, 400));
    Date recent = today_.plus_days(-r_.uniform(30, 600));
    p.entry_date = min(today_, max(earliest, recent));
    out_->push_back(std::move(p));
  }

  // Educated elsewhere (s5.6 counts): at school age EOTAS 52%, EHE 32%, not in education 11%,
  // parents' arrangements 5%; after 16 mostly NEET, a few EOTAS or not in education.
  void elsewhere(Phase ph) {
    if (ph == PPre || ph == PPrimary || ph == PSecondary) {
      static constexpr std::array<double, 4> w = {52, 32, 11, 5};
      static constexpr std::array<std::string_view, 4> t = {"eotas", "ehe", "not_in_education_other", "parent_arrangements"};
      Placement now = coded(t[static_cast<std::size_t>(r_.weighted(w))]);
      if (ph == PPre) {
        now.entry_date = pre_school_entry();
        out_->push_back(std::move(now));
        return;
      }
      Placement school = r_.chance(0.75) ? at(ph == PPrimary ? KPrimary : KSecondary, "") : special_school();
      Date from = sept(ph == PPrimary ? y0_ : y0_ + 7);
      moved(std::move(school), from, std::move(now), 1);
      return;
    }
    static constexpr std::array<double, 4> w = {78, 8, 7, 7};
    static constexpr std::array<std::string_view, 4> t = {"neet", "eotas", "not_in_education_cease", "not_in_education_other"};
    Placement now = coded(t[static_cast<std::size_t>(r_.weighted(w))]);
    if (r_.chance(0.2)) {
      now.entry_date = sept(y0_ + 12);
      out_->push_back(std::move(now));
      return;
    }
    Placement college = at(r_.chance(0.8) ? KCollege : KTraining, "");
    Date from = sept(y0_ + 12);
    moved(std::move(college), from, std::move(now), 1);
  }

  Rng& r_;
  const Schools& s_;
  Date dob_;
  int district_;
  Date today_;
  int y0_, ncy_;
  int last_index_ = -1;
  std::vector<Placement>* out_ = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Checks and summary.

void check_case(const DemoCase& c, std::size_t index, Date today) {
  auto fail = [&](std::size_t i, const std::string& field, const std::string& reason) {
    const Event& e = c.events[i];
    throw std::logic_error("demo generator bug: case " + std::to_string(index + 1) + ", event " +
                           std::to_string(i + 1) + " (" + std::string(event_type_name(e.type)) + " " +
                           e.date.to_string() + ") rejected: " + field + ": " + reason);
  };
  std::vector<Event> prefix;
  prefix.reserve(c.events.size());
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    if (auto f = validate_fields(c.events[i])) fail(i, f->field, f->reason);
    if (auto rej = check_append(prefix, c.events[i], today)) fail(i, rej->field, rej->reason);
    prefix.push_back(c.events[i]);
  }
}

// Every needs record passes validate_needs with a plan type; every placement validate_placement;
// at most one current placement per rank.
void check_needs_and_placements(const DemoCase& c, std::size_t index, Date today) {
  auto fail = [&](const std::string& what, const std::string& field, const std::string& reason) {
    throw std::logic_error("demo generator bug: case " + std::to_string(index + 1) + ", " + what + " rejected: " +
                           field + ": " + reason);
  };
  if (c.needs.empty()) fail("needs", "primary", "none recorded");
  for (const DemoNeeds& n : c.needs) {
    SenNeeds copy = n.needs;
    auto errors = validate_needs(copy);
    if (!errors.empty()) fail("needs " + n.needs.primary, errors.front().field, errors.front().reason);
    if (!plan_sen_types().contains(copy.primary)) fail("needs", "primary", "not a plan type");
    if (n.recorded > today) fail("needs", "recorded", "after today");
  }
  std::array<int, 3> current{};
  for (const Placement& p : c.placements) {
    Placement copy = p;
    auto errors = validate_placement(copy, today);
    if (!errors.empty()) fail("placement " + p.setting_type + " " + p.entry_date.to_string(), errors.front().field, errors.front().reason);
    if (p.current() && ++current[static_cast<std::size_t>(p.rank)] > 1)
      fail("placement " + p.setting_type, "rank", "a second current placement of this rank");
    if (p.entry_date < c.child.date_of_birth) fail("placement " + p.setting_type, "entry_date", "before birth");
  }
}

// Needs and settings of plan holders.
void summarise_needs(DemoSummary& s, const DemoCase& c, PlanStatus status, Group group, Date today) {
  s.placements += static_cast<int>(c.placements.size());
  if (status != PlanStatus::Active) return;
  const SenNeeds& n = c.needs.back().needs;
  for (std::size_t i = 0; i < kDemoNeedCodes.size(); ++i)
    if (n.primary == kDemoNeedCodes[i]) ++s.primary_need[i];
  s.secondary_need += !n.secondary.empty();
  s.needs_changed += c.needs.size() > 1;
  int age = age_on(c.child.date_of_birth, today);
  bool slcn = n.primary == "SLCN";
  if (age <= 5) ++s.under_6, s.under_6_slcn += slcn;
  if (age >= 16) ++s.over_16, s.over_16_slcn += slcn;
  ++s.setting_group[static_cast<std::size_t>(group)];
  bool earlier = false, dual = false;
  for (const Placement& p : c.placements) {
    earlier = earlier || !p.current();
    dual = dual || (p.rank == 2 && p.current());
  }
  s.earlier_placements += earlier;
  s.dual_placements += dual;
}

bool in_year(Date d, Date today) { return d > today.plus_days(-365) && d <= today; }

// Adds one case to the summary (its clock is not kept: 20,000 plans' deadlines are large).
void summarise(DemoSummary& s, const DemoCase& c, const ClockResult& clock, Date today) {
  {
    ++s.cases;
    ++s.children;
    s.events += static_cast<int>(c.events.size());
    Stage stage = stage_of(c.events);
    std::optional<Date> request, meeting, final_plan, proposed;
    bool has_plan = false, exception = false;
    for (const Event& e : c.events) {
      switch (e.type) {
        case EventType::RequestReceived:
          request = e.date;
          if (in_year(e.date, today)) ++s.requests;
          break;
        case EventType::DecisionToAssess:
          if (in_year(e.date, today)) {
            ++(e.outcome == Outcome::Assess ? s.decided_assess : s.decided_refuse);
            if (e.date - *request <= 42) ++s.decided_within_6_weeks;
          }
          break;
        case EventType::Withdrawn:
          if (in_year(e.date, today)) ++s.withdrawn;
          break;
        case EventType::Exception: exception = true; break;
        case EventType::DecisionToIssue:
          if (in_year(e.date, today)) ++(e.outcome == Outcome::Issue ? s.issue_decisions : s.not_issue_decisions);
          break;
        case EventType::FinalPlanIssued:
          has_plan = true;
          final_plan = e.date;
          if (in_year(e.date, today)) {
            ++s.plans_issued;
            bool within = e.date <= request->plus_weeks(20);
            s.within_20_weeks += within;
            s.over_52_weeks += e.date > request->plus_weeks(52);
            if (exception) {
              ++s.with_exception;
            } else {
              ++s.plans_excl_exception;
              s.within_20_weeks_excl_exception += within;
            }
          }
          break;
        case EventType::ReviewMeeting:
          meeting = e.date;
          if (in_year(e.date, today)) ++s.review_meetings;
          break;
        case EventType::ReviewReport:
          if (in_year(e.date, today) && e.date <= meeting->plus_weeks(2)) ++s.reports_within_2_weeks;
          break;
        case EventType::ReviewDecision:
          if (in_year(e.date, today)) {
            ++s.review_decisions;
            s.reviews_within_4_weeks += e.date <= meeting->plus_weeks(4);
            ++(e.outcome == Outcome::Amend ? s.amend : e.outcome == Outcome::Maintain ? s.maintain : s.cease);
          }
          if (e.outcome == Outcome::Cease) ++s.ceased;
          break;
        case EventType::AmendmentsProposed: proposed = e.date; break;
        case EventType::AmendedPlanIssued:
          if (in_year(e.date, today)) {
            ++s.amended_plans;
            s.amended_within_8_weeks += e.date <= proposed->plus_weeks(8);
          }
          break;
        case EventType::PhaseTransfer: s.phase_transfers += in_year(e.date, today); break;
        case EventType::DecisionNotice: s.decision_notices += in_year(e.date, today); break;
        case EventType::MediationCertificate: s.mediation_certificates += in_year(e.date, today); break;
        default: break;
      }
    }
    (void)final_plan;
    for (const Deadline& d : clock.deadlines) {
      if (d.rule == "A3" && d.met_on && in_year(*d.met_on, today)) {
        ++s.advice_received;
        s.advice_within_6_weeks += d.status == DeadlineStatus::Met;
      }
      if ((d.rule == "R1" || d.rule == "R2") && d.open() && d.status == DeadlineStatus::Missed) ++s.reviews_overdue;
      if ((d.rule == "M2") && d.open()) ++s.amendments_pending;
    }
    if (auto next = next_council_due(clock); next && *next < today) ++s.overdue_cases;
    switch (stage) {
      case Stage::Request: ++s.open_requests; break;
      case Stage::Assessment: ++s.open_assessments; break;
      case Stage::Drafting: ++s.drafting; break;
      case Stage::Review: ++s.in_review; break;
      case Stage::Amendment: ++s.in_amendment; break;
      case Stage::Closed: ++s.closed; break;
      default: break;
    }
    if (has_plan && stage != Stage::Closed) {
      ++s.active_plans;
      int age = age_on(c.child.date_of_birth, today);
      s.min_age = std::min(s.min_age, age);
      s.max_age = std::max(s.max_age, age);
      s.male += c.child.sex == "M";
      ++s.age_band[age < 5 ? 0 : age <= 10 ? 1 : age <= 15 ? 2 : age <= 19 ? 3 : 4];
    }
  }
}

std::string pct(int n, int d) {
  if (d == 0) return "-";
  std::ostringstream o;
  o << std::fixed << std::setprecision(1) << 100.0 * n / d << "%";
  return o.str();
}

// A deterministic argon2id hash in the form crypto_pwhash_str writes, with a salt derived from the
// seed and the email, so that the same options give the same database. The password is public
// (it is the demo's), so a derived salt costs nothing here; real accounts use accounts.h.
std::string demo_password_hash(std::uint64_t seed, const std::string& email) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char salt[crypto_pwhash_SALTBYTES];
  std::string material = "golden-thread-demo:" + std::to_string(seed) + ":" + email;
  crypto_generichash(salt, sizeof salt, reinterpret_cast<const unsigned char*>(material.data()), material.size(),
                     nullptr, 0);
  unsigned char hash[32];
  std::string pw = kDemoPassword;
  if (crypto_pwhash(hash, sizeof hash, pw.data(), pw.size(), salt, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                    crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory hashing the demo password");
  auto b64 = [](const unsigned char* p, std::size_t n) {
    std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), p, n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
  };
  return "$argon2id$v=19$m=" + std::to_string(crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024) +
         ",t=" + std::to_string(crypto_pwhash_OPSLIMIT_INTERACTIVE) + ",p=1$" + b64(salt, sizeof salt) + "$" +
         b64(hash, sizeof hash);
}

// Recorded during the working day of the event's date, at a time fixed by the case and the event;
// events of one case on the same day are recorded minutes apart, in order.
std::string recorded_at(Date d, std::size_t case_index, std::size_t event_index, int& seconds, Date& day) {
  std::uint64_t h = splitmix64(case_index * 1000003ULL + event_index);
  if (event_index == 0 || d != day) seconds = (8 * 60 + static_cast<int>(h % 240)) * 60;  // 08:00-11:59
  else seconds += 60 + static_cast<int>(h % 1200);
  day = d;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.to_string().c_str(), std::min(seconds / 3600, 23),
                seconds / 60 % 60, seconds % 60);
  return buf;
}

// 13:00-16:59 on `d`, fixed by the case and the row.
std::string afternoon(Date d, std::size_t case_index, std::size_t row) {
  std::uint64_t h = splitmix64(case_index * 7919ULL + row + 0x61667465726e6f6fULL);
  int seconds = (13 * 60 + static_cast<int>(h % 240)) * 60 + static_cast<int>((h >> 8) % 60);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.to_string().c_str(), seconds / 3600, seconds / 60 % 60,
                seconds % 60);
  return buf;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

DemoCouncil generate_demo(const DemoOptions& options) {
  DemoCouncil council;
  council.options = options;
  const Date today = options.today;
  const int plans = options.plans;
  if (plans < 1) throw std::invalid_argument("the demo needs at least one plan");
  const Date epoch = Date::from_ymd(2014, 9, 1);  // EHC plans began with the SEND reforms
  if (today < Date::from_ymd(2019, 1, 1)) throw std::invalid_argument("the demo's today must be 2019-01-01 or later");

  // Staff: the two sign-in accounts, then caseworkers with invented names, 6-10 in all.
  council.staff.push_back({kDemoManagerEmail, "Morgan Fernsby", "manager"});
  council.staff.push_back({kDemoCaseworkerEmail, "Sam Ashcombe", "caseworker"});
  static constexpr std::array<std::pair<const char*, const char*>, 9> kStaff = {{
      {"priya.kettlewell", "Priya Kettlewell"}, {"daniel.okoro-marsh", "Daniel Okoro-Marsh"},
      {"hannah.brackley", "Hannah Brackley"},   {"imran.thistlewood", "Imran Thistlewood"},
      {"grace.mensah-hollins", "Grace Mensah-Hollins"}, {"tom.quarrington", "Tom Quarrington"},
      {"aisha.rookwood", "Aisha Rookwood"},     {"lucy.pebbleford", "Lucy Pebbleford"},
      {"chris.sorrelby", "Chris Sorrelby"},
  }};
  int caseworkers = std::clamp(5 + plans / 2000, 5, 9);  // plus the manager: 6-10 staff
  for (int i = 0; i < caseworkers - 1; ++i)
    council.staff.push_back({std::string(kStaff[static_cast<std::size_t>(i)].first) + "@northmoor.example",
                             kStaff[static_cast<std::size_t>(i)].second, "caseworker"});

  Rng root(splitmix64(options.seed));
  Ids ids;
  struct Draft {
    NewChild nc;
    Timeline t;
  };
  std::vector<Draft> drafts;
  std::array<double, 26> flow_ages{};  // active flow plans by age today
  int flow_plans = 0;

  // 1. The request flow of the last three years: ~770 a year per 3,300 plans in the latest year,
  //    growing ~12% a year (s5.2, s5.8).
  const double per_year = 0.99 * 770.0 * plans / 3300.0;  // young residual plans add the rest
  for (int k = 0; k < 3; ++k) {
    int n = static_cast<int>(per_year / (k == 0 ? 1.0 : k == 1 ? 1.12 : 1.2544) + 0.5);
    for (int i = 0; i < n; ++i) {
      Rng r(splitmix64(root.bits()));
      Date request = today.plus_days(-365 * k - r.uniform(0, 364));
      Draft d;
      Date dob;
      for (int attempt = 0;; ++attempt) {
        if (attempt > 200) throw std::logic_error("demo generator bug: no valid date of birth for a request");
        dob = dob_for_age(r, r.weighted(kNewPlanAge), request).plus_days(-r.uniform(0, 120));
        // Old enough to be asked about, young enough to hold a plan today (CFA 2014 s83).
        if (dob <= request.plus_days(-200) && last_day_of_plan_age(dob) >= today) break;
      }
      d.nc = make_child(r, dob, 0.69, today, ids);
      Initial in = initial_process(r, request, today, false, d.t);
      if (in.end == InitialEnd::Issued) {
        bool ceased = false;
        Date last = in.last;
        if (r.chance(0.04)) last = decision_notice(r, *in.final_plan, today, d.t);
        reviews(r, *in.final_plan, last, d.nc.child.date_of_birth, today, d.t, std::nullopt, ceased);
        ++flow_plans;
        flow_ages[static_cast<std::size_t>(age_on(d.nc.child.date_of_birth, today))] += 1;
      }
      drafts.push_back(std::move(d));
    }
  }

  // 2. Older plans, so that all plan holders follow the age profile (s5.5): ages are drawn from
  //    what the flow leaves of the target, years held from the tail of the published bands.
  std::array<double, 26> residual{};
  for (std::size_t a = 1; a < residual.size(); ++a)
    residual[a] = std::max(0.0, kPlanAge[a] / 633.4 * plans - flow_ages[a]);
  double residual_total = 0;
  for (double w : residual) residual_total += w;
  if (residual_total <= 0)
    for (std::size_t a = 5; a < residual.size(); ++a) residual[a] = kPlanAge[a];
  const double max_held = (today - epoch) / 365.25 - 0.6;
  auto old_plan = [&](Rng& r, bool to_cease, std::optional<Date> cease_from) {
    for (int attempt = 0;; ++attempt) {
      // A plan that ceases inside a given window is a rarer draw than any plan: allow more tries.
      if (attempt > (to_cease ? 5000 : 200))
        throw std::logic_error(to_cease ? "demo generator bug: no valid older plan to cease" : "demo generator bug: no valid older plan");
      int age = r.weighted(residual);
      if (to_cease) age = std::max(age, r.uniform(14, 24));
      double held = 0;
      // The youngest plan holders (s5.5: 4.3% under 5) are too young for the tail bands.
      if (age < 5) held = 0.3 + r.real() * (age - 0.8);
      for (int tries = 0; tries < 20 && held == 0; ++tries) {
        held = 3 + r.weighted(kHeldTail) + r.real();
        if (held <= max_held && held <= age - 1.5) break;
        held = 0;
      }
      if (held == 0) continue;
      Date dob = dob_for_age(r, age, today);
      if (last_day_of_plan_age(dob) < today) continue;
      Date request = max(epoch, today.plus_days(-static_cast<int>(held * 365.25) - r.uniform(100, 220)));
      if (request < dob.plus_days(age < 5 ? 150 : 400)) continue;
      Draft d;
      d.nc = make_child(r, dob, 0.72, today, ids);
      Initial in = initial_process(r, request, today, true, d.t);
      if (in.end != InitialEnd::Issued) continue;  // a young child's plan not issued yet: try again
      Date last = in.last;
      if (r.chance(0.04)) last = decision_notice(r, *in.final_plan, today, d.t);
      bool ceased = false;
      reviews(r, *in.final_plan, last, dob, today, d.t, cease_from, ceased);
      if (to_cease && !ceased) continue;
      return d;
    }
  };
  for (int i = flow_plans; i < plans; ++i) {
    Rng r(splitmix64(root.bits()));
    drafts.push_back(old_plan(r, false, std::nullopt));
  }

  // 3. A few plans ceased at review: 1.1% of review decisions (s5.7), over the last three years.
  int decisions = 0;
  for (const auto& d : drafts)
    for (const auto& rec : d.t.recs)
      decisions += rec.e.type == EventType::ReviewDecision && rec.e.date > today.plus_days(-365);
  int to_cease = static_cast<int>(decisions * 0.011 / 0.989 * 1.7 + 0.5);  // 1.7: ceases fall late in the window
  for (int i = 0; i < to_cease; ++i) {
    Rng r(splitmix64(root.bits()));
    Date from = today.plus_days(-r.uniform(0, 3 * 365 - 1));
    drafts.push_back(old_plan(r, true, from));
  }

  // 4. Cases in the order the requests arrived; caseworkers by patch (postcode district), a few
  //    requests of the last fortnight not yet allocated.
  for (auto& d : drafts) d.t.settle(today);
  std::stable_sort(drafts.begin(), drafts.end(),
                   [](const Draft& a, const Draft& b) { return a.t.recs.front().e.date < b.t.recs.front().e.date; });
  council.cases.reserve(drafts.size());
  Rng alloc(splitmix64(root.bits()));
  // Patches: each district to the caseworker with the lightest load so far, largest districts first.
  std::array<int, kDistricts.size()> patch{};
  {
    std::array<std::size_t, kDistricts.size()> order;
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [](std::size_t a, std::size_t b) { return kDistricts[a].weight > kDistricts[b].weight; });
    std::vector<double> load(static_cast<std::size_t>(caseworkers), 0.0);
    for (std::size_t i : order) {
      auto lightest = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
      patch[i] = static_cast<int>(lightest);
      load[lightest] += kDistricts[i].weight;
    }
  }
  // 5. Needs and placements, from a stream of their own (the chronologies above do not change).
  Schools schools = make_schools(options.seed, plans);
  council.establishments = schools.all;
  const std::uint64_t needs_seed = splitmix64(options.seed ^ 0x6e656564732d706cULL);
  for (auto& d : drafts) {
    DemoCase c;
    c.child = std::move(d.nc.child);
    c.district = kDistricts[static_cast<std::size_t>(d.nc.district)].code;
    c.caseworker = 1 + (alloc.chance(0.1) ? alloc.uniform(0, caseworkers - 1) : patch[static_cast<std::size_t>(d.nc.district)]);
    if (d.t.recs.size() == 1 && today - d.t.recs.front().e.date < 14 && alloc.chance(0.5)) c.caseworker = -1;
    for (auto& rec : d.t.recs) {
      c.events.push_back(rec.e);
      c.recorded_by.push_back(rec.manager || c.caseworker < 0 ? 0 : c.caseworker);
    }
    if (options.check) {
      Child copy = c.child;
      auto errors = validate_child(copy, today);
      if (!errors.empty())
        throw std::logic_error("demo generator bug: child of case " + std::to_string(council.cases.size() + 1) +
                               " rejected: " + errors.front().field + ": " + errors.front().reason);
      check_case(c, council.cases.size(), today);
    }
    CaseProjection p = project_case(c.events, today);
    c.stage = std::string(stage_name(p.stage));
    c.next_due = p.next_due;
    c.next_rule = p.next_rule;
    bool has_plan = std::any_of(c.events.begin(), c.events.end(),
                                [](const Event& e) { return e.type == EventType::FinalPlanIssued; });
    PlanStatus status = !has_plan ? PlanStatus::None : p.stage == Stage::Closed ? PlanStatus::Ceased : PlanStatus::Active;
    Rng nr(splitmix64(needs_seed + council.cases.size()));
    c.needs = make_needs(nr, c, status, today);
    Group group = Placer(nr, schools, c.child.date_of_birth, d.nc.district, today).place(status, c.placements);
    if (options.check) check_needs_and_placements(c, council.cases.size(), today);
    summarise(council.summary, c, p.clock, today);
    summarise_needs(council.summary, c, status, group, today);
    council.cases.push_back(std::move(c));
  }
  council.summary.staff = static_cast<int>(council.staff.size());
  council.summary.establishments = static_cast<int>(council.establishments.size());
  return council;
}

void write_demo(store::Database& db, const DemoCouncil& council) {
  store::Transaction tx(db);
  std::vector<std::int64_t> staff_ids;
  for (const auto& s : council.staff) {
    store::UserRow u{0, s.email, s.name, s.role, demo_password_hash(council.options.seed, s.email)};
    staff_ids.push_back(store::insert_user(db, u));
  }
  std::vector<std::int64_t> child_ids, case_ids;
  for (std::size_t ci = 0; ci < council.cases.size(); ++ci) {
    const DemoCase& c = council.cases[ci];
    std::int64_t child_id = store::insert_child(db, child_to_row(c.child), staff_ids[0]);
    child_ids.push_back(child_id);
    std::optional<std::int64_t> worker;
    if (c.caseworker >= 0) worker = staff_ids[static_cast<std::size_t>(c.caseworker)];
    std::int64_t case_id = store::insert_case(db, child_id, worker);
    case_ids.push_back(case_id);
    int seconds = 0;
    Date day;
    for (std::size_t ei = 0; ei < c.events.size(); ++ei) {
      const Event& e = c.events[ei];
      store::EventRow row;
      row.case_id = case_id;
      row.type = std::string(event_type_name(e.type));
      row.event_date = e.date.to_string();
      row.payload = event_to_json(e).dump();
      row.recorded_at = recorded_at(e.date, ci, ei, seconds, day);
      row.recorded_by = staff_ids[static_cast<std::size_t>(c.recorded_by[ei])];
      store::insert_event(db, row);
    }
    std::optional<std::string> next_due;
    if (c.next_due) next_due = c.next_due->to_string();
    store::update_case_projection(db, case_id, c.stage, next_due, c.next_rule, static_cast<int>(c.events.size()));
    // Needs and placements, recorded by the case's caseworker in the afternoon of their day.
    std::int64_t by = staff_ids[static_cast<std::size_t>(std::max(0, c.caseworker))];
    Date first = c.events.front().date;
    for (std::size_t ni = 0; ni < c.needs.size(); ++ni) {
      store::NeedsRow row;
      row.child_id = child_id;
      row.primary_type = c.needs[ni].needs.primary;
      if (!c.needs[ni].needs.secondary.empty()) row.secondary_type = c.needs[ni].needs.secondary;
      row.recorded_at = afternoon(c.needs[ni].recorded, ci, ni);
      row.recorded_by = by;
      store::insert_needs(db, row);
    }
    for (std::size_t pi = 0; pi < c.placements.size(); ++pi) {
      const Placement& p = c.placements[pi];
      store::PlacementRow row = placement_to_row(child_id, p);
      row.recorded_at = afternoon(max(first, p.leaving_date.value_or(p.entry_date)), ci, 100 + pi);
      row.recorded_by = by;
      store::insert_placement(db, row);
    }
  }
  std::string first = council.cases.empty() ? council.options.today.to_string()
                                            : council.cases.front().events.front().date.plus_days(-30).to_string();
  DemoPeople people = write_demo_people(db, council, child_ids, case_ids, staff_ids, demo_password_hash);
  // Structured plans for a sample of the cases (app/demo_plans.h), then what was delivered of the
  // SENCO's pupils' provision (app/demo_delivery.h). Quality audits of these plans go next, in their
  // own function taking `plans`.
  DemoPlans plans = write_demo_plans(db, council, child_ids, case_ids, staff_ids, people);
  write_demo_delivery(db, council, plans);
  store::stamp_demo_times(db, first + "T08:00:00Z");
  tx.commit();
  store::analyze(db);
}

DemoCouncil build_demo(const std::string& path, const DemoOptions& options) {
  if (std::filesystem::exists(path))
    throw DemoRefused(path + " already exists; the demo is written only into a new database file");
  DemoCouncil council = generate_demo(options);
  store::Database db(path);
  store::migrate(db);
  write_demo(db, council);
  return council;
}

std::string format_summary(const DemoCouncil& c) {
  const DemoSummary& s = c.summary;
  std::ostringstream o;
  o << kDemoCouncil << " (fictional): seed " << c.options.seed << ", today " << c.options.today.to_string() << "\n"
    << "  " << s.staff << " staff, " << s.children << " children and young people, " << s.cases << " cases, "
    << s.events << " chronology events\n"
    << "  active EHC plans: " << s.active_plans << " (male " << pct(s.male, s.active_plans) << "; national 70.6%)\n"
    << "  ages: under 5 " << pct(s.age_band[0], s.active_plans) << ", 5-10 " << pct(s.age_band[1], s.active_plans)
    << ", 11-15 " << pct(s.age_band[2], s.active_plans) << ", 16-19 " << pct(s.age_band[3], s.active_plans)
    << ", 20-25 " << pct(s.age_band[4], s.active_plans) << " (national 4.3 / 33.3 / 36.5 / 20.0 / 5.8%)\n"
    << "  in progress today: " << s.open_requests << " requests awaiting a decision, " << s.open_assessments
    << " assessments, " << s.drafting << " plans being drafted, " << s.in_review << " reviews awaiting a decision, "
    << s.in_amendment << " amendments\n"
    << "Last 12 months (national figures in brackets):\n"
    << "  requests received: " << s.requests << " (~770 per 3,300 plans)\n"
    << "  refusals: " << pct(s.decided_refuse, s.decided_refuse + s.decided_assess) << " of decisions ("
    << s.decided_refuse << " of " << s.decided_refuse + s.decided_assess << "; 27.8%); decided within 6 weeks "
    << pct(s.decided_within_6_weeks, s.decided_refuse + s.decided_assess) << " (84.8%); withdrawn " << s.withdrawn
    << "\n"
    << "  decisions after assessment: " << pct(s.issue_decisions, s.issue_decisions + s.not_issue_decisions)
    << " to issue (93.6%)\n"
    << "  new plans issued: " << s.plans_issued << "; within 20 weeks " << pct(s.within_20_weeks, s.plans_issued)
    << " (45.9%), excluding exceptions " << pct(s.within_20_weeks_excl_exception, s.plans_excl_exception)
    << " (46.4%); with an exception " << pct(s.with_exception, s.plans_issued) << " (6.1%); over a year "
    << pct(s.over_52_weeks, s.plans_issued) << " (7.2%)\n"
    << "  advice back within 6 weeks: " << pct(s.advice_within_6_weeks, s.advice_received) << "\n"
    << "  review decisions: " << s.review_decisions << "; within 4 weeks of the meeting "
    << pct(s.reviews_within_4_weeks, s.review_decisions) << " (44.4%); amend " << pct(s.amend, s.review_decisions)
    << " / maintain " << pct(s.maintain, s.review_decisions) << " / cease " << pct(s.cease, s.review_decisions)
    << " (61.2 / 37.7 / 1.1%); reports within 2 weeks " << pct(s.reports_within_2_weeks, s.review_meetings) << "\n"
    << "  amended plans issued: " << s.amended_plans << ", within 8 weeks of the proposals "
    << pct(s.amended_within_8_weeks, s.amended_plans) << "; phase transfers recorded " << s.phase_transfers
    << "; decision notices " << s.decision_notices << " (mediation certificates " << s.mediation_certificates
    << ")\n"
    << "Caseload today: " << s.overdue_cases << " cases with an overdue council deadline; " << s.reviews_overdue
    << " annual reviews overdue; " << s.amendments_pending << " amended plans awaited\n";
  o << "Needs of plan holders (national shares in brackets):\n  primary need:";
  for (std::size_t i = 0; i < kDemoNeedCodes.size(); ++i)
    o << (i ? ", " : " ") << kDemoNeedCodes[i] << " " << pct(s.primary_need[i], s.active_plans) << " ("
      << std::fixed << std::setprecision(1) << kNeedAll[i] << ")";
  o << "\n  SLCN the primary need at ages 0-5 " << pct(s.under_6_slcn, s.under_6) << " (~47-50% at 3-5), at 16-25 "
    << pct(s.over_16_slcn, s.over_16) << " (~11-12% at 16-18); a secondary need for "
    << pct(s.secondary_need, s.active_plans) << "; " << s.needs_changed << " with an earlier record of another need\n";
  static constexpr std::array<const char*, 7> kGroupLabels = {
      "mainstream", "special", "FE and post-16", "AP/PRU", "early years", "elsewhere", "not recorded"};
  static constexpr std::array<double, 7> kGroupNational = {43.6, 30.4, 13.8, 0.8, 0.7, 7.8, 3.0};
  o << "Settings of plan holders (current main placement):\n ";
  for (std::size_t i = 0; i < kGroupLabels.size(); ++i)
    o << (i ? ", " : " ") << kGroupLabels[i] << " " << pct(s.setting_group[i], s.active_plans) << " ("
      << std::fixed << std::setprecision(1) << kGroupNational[i] << "%)";
  o << "\n  " << s.establishments << " establishments; " << s.earlier_placements
    << " plan holders with an earlier placement, " << s.dual_placements << " with a dual placement; "
    << s.placements << " placements in all\n";
  return o.str();
}

}  // namespace gt::app
