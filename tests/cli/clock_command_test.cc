// `goldthread clock`: runs the real binary (GT_BINARY) and checks its JSON, its messages and exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

using nlohmann::json;

struct Outcome {
  int code = -1;
  std::string out, err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `goldthread clock ARGS`, with `input` written to a file and given on stdin.
Outcome run_clock(const std::string& args, const std::string& input = "") {
  static int n = 0;  // names unique per process and call: ctest runs tests in parallel
  std::string stem = ::testing::TempDir() + "/gt_clock_" + std::to_string(getpid()) + "_" + std::to_string(++n);
  std::string in = stem + "_in.json";
  std::string err = stem + "_err.txt";
  std::ofstream(in) << input;
  std::string cmd = std::string(GT_BINARY) + " clock " + args + " < " + in + " 2> " + err;
  Outcome r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t got;
  while ((got = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, got);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(err);
  std::remove(in.c_str());
  std::remove(err.c_str());
  return r;
}

Outcome run_file(const std::string& input) {
  std::string path = ::testing::TempDir() + "/gt_clock_" + std::to_string(getpid()) + "_file.json";
  std::ofstream(path) << input;
  Outcome r = run_clock(path);
  std::remove(path.c_str());
  return r;
}

const json* rule(const json& out, const std::string& name, size_t nth = 0) {
  for (const auto& d : out["deadlines"])
    if (d["rule"] == name && nth-- == 0) return &d;
  return nullptr;
}

TEST(ClockCommandTest, HelpPrintsUsage) {
  Outcome r = run_clock("--help");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Usage: goldthread clock FILE"), std::string::npos);
}

TEST(ClockCommandTest, WorkedExampleFromAFile) {
  Outcome r = run_file(R"({"today": "2025-01-06", "events": [{"type": "request_received", "date": "2025-01-06", "source": 1}]})");
  ASSERT_EQ(r.code, 0) << r.err;
  json out = json::parse(r.out);
  ASSERT_EQ(out["deadlines"].size(), 4u);
  // 6 Jan 2025: A1 17 Feb, A4 28 Apr, A6 26 May (bank holiday, not moved), A7 11 May.
  EXPECT_EQ(out["deadlines"][0]["rule"], "A1");
  EXPECT_EQ(out["deadlines"][0]["due"], "2025-02-17");
  EXPECT_EQ(out["deadlines"][0]["status"], "pending");
  EXPECT_TRUE(out["deadlines"][0]["met_on"].is_null());
  EXPECT_EQ(out["deadlines"][0]["basis"], "SEND Regulations 2014 reg 5(1)");
  EXPECT_EQ((*rule(out, "A4"))["due"], "2025-04-28");
  EXPECT_EQ((*rule(out, "A6"))["due"], "2025-05-26");
  EXPECT_EQ((*rule(out, "A7"))["due"], "2025-05-11");
  EXPECT_TRUE(out["within_20_weeks"].is_null());
  EXPECT_EQ(out["week20_exception"], false);
  EXPECT_NE(r.out.find("\n  \"deadlines\": [\n    {\n      \""), std::string::npos) << "2-space indent";
}

TEST(ClockCommandTest, ReviewAndTribunalFromStdin) {
  // Plan 20 Mar 2025; meeting 12 Mar 2026 -> R6 26 Mar, R7 9 Apr, M4 4 Jun 2026; amendments 16 Apr ->
  // M2 11 Jun. Notice with the plan 20 Mar 2025 (+ 2 months = 20 May) and certificate 2 May 2025
  // (+ 1 month = 2 Jun) -> T1 is the later, 2 Jun 2025.
  const char* input = R"({"today": "2026-04-20", "events": [
    {"type": "request_received", "date": "2024-11-04", "source": 2},
    {"type": "decision_to_assess", "date": "2024-12-09", "outcome": "assess"},
    {"type": "advice_requested", "date": "2024-12-10", "from": "educational_psychology", "id": "ep-1"},
    {"type": "advice_received", "date": "2025-01-20", "id": "ep-1"},
    {"type": "decision_to_issue", "date": "2025-02-10", "outcome": "issue"},
    {"type": "draft_plan_served", "date": "2025-02-24"},
    {"type": "final_plan_issued", "date": "2025-03-20"},
    {"type": "decision_notice", "date": "2025-03-20"},
    {"type": "mediation_certificate", "date": "2025-05-02"},
    {"type": "review_meeting", "date": "2026-03-12"},
    {"type": "review_report", "date": "2026-03-25"},
    {"type": "review_decision", "date": "2026-04-09", "outcome": "amend"},
    {"type": "amendments_proposed", "date": "2026-04-16"}
  ]})";
  Outcome r = run_clock("-", input);
  ASSERT_EQ(r.code, 0) << r.err;
  json out = json::parse(r.out);
  std::vector<std::string> rules;
  for (const auto& d : out["deadlines"]) rules.push_back(d["rule"]);
  EXPECT_EQ(rules, (std::vector<std::string>{"A1", "A3", "A5", "A6", "A7", "R1", "R2", "R6", "R7", "M2", "M4", "T1"}));
  EXPECT_EQ((*rule(out, "A3"))["id"], "ep-1");
  EXPECT_EQ((*rule(out, "A3"))["due"], "2025-01-21");  // 10 Dec 2024 + 42 = 21 Jan 2025
  EXPECT_EQ((*rule(out, "A3"))["status"], "met");
  EXPECT_FALSE(rule(out, "A1")->contains("id"));
  EXPECT_EQ((*rule(out, "R6"))["due"], "2026-03-26");
  EXPECT_EQ((*rule(out, "R7"))["due"], "2026-04-09");
  EXPECT_EQ((*rule(out, "R7"))["met_on"], "2026-04-09");
  EXPECT_EQ((*rule(out, "M4"))["due"], "2026-06-04");
  EXPECT_EQ((*rule(out, "M2"))["due"], "2026-06-11");
  EXPECT_EQ((*rule(out, "R1"))["status"], "missed");  // due 20 Mar 2026, decided 9 Apr
  EXPECT_EQ((*rule(out, "T1"))["due"], "2025-06-02");
  EXPECT_EQ((*rule(out, "T1"))["family"], true);
  EXPECT_EQ((*rule(out, "T1"))["status"], "met");  // the window closed long before today
  EXPECT_EQ(out["within_20_weeks"], true);        // 20 Mar 2025 <= 24 Mar 2025
}

TEST(ClockCommandTest, ImpossibleOrderNamesTheEvent) {
  Outcome r = run_clock("-", R"({"today": "2025-06-01", "events": [
    {"type": "request_received", "date": "2025-01-06", "source": 1},
    {"type": "decision_to_assess", "date": "2025-02-10", "outcome": "assess"},
    {"type": "advice_requested", "date": "2025-02-11", "from": "health", "id": "h"},
    {"type": "final_plan_issued", "date": "2025-05-19"}]})");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("events[3] (final_plan_issued): a final plan needs a decision to issue first"),
            std::string::npos)
      << r.err;
}

TEST(ClockCommandTest, InvalidInputExitsTwo) {
  struct Case {
    const char* input;
    const char* words;
  };
  for (auto c : std::vector<Case>{
           {R"({"today": "2025-06-01", "events": [], "extra": 1})", "unknown key \"extra\""},
           {R"({"events": []})", "today: is required"},
           {R"({"today": "2025-02-29", "events": []})", "today: must be a real date"},
           {R"({"today": "2025-06-01"})", "events: is required"},
           {R"({"today": "2025-06-01", "events": [)", "not valid JSON"},
           {R"([1, 2])", "must be a JSON object"},
           {R"({"today": "2025-06-01", "events": [{"type": "request", "date": "2025-01-06"}]})",
            "events[0] (request): type: \"request\" is not a known event type"},
           {R"({"today": "2025-06-01", "events": [{"type": "request_received", "date": "2025-01-06"}]})",
            "events[0] (request_received): source: is required"},
           {R"({"today": "2025-06-01", "events": [{"type": "request_received", "date": "2025-01-06", "source": 1, "colour": "red"}]})",
            "events[0] (request_received): colour: is not a field"},
           {R"({"today": "2025-06-01", "events": [{"type": "request_received", "date": "2025-07-01", "source": 1}]})",
            "events[0] (request_received): date: cannot be after today (2025-06-01)"},
           {R"({"today": "2025-06-01", "events": [{"type": "request_received", "date": "2025-01-06", "source": 1},
               {"type": "request_received", "date": "2025-01-07", "source": 1}]})",
            "events[1] (request_received): a request is already open"},
           {R"({"today": "2025-06-01", "events": [{"type": "request_received", "date": "2025-01-06", "source": 1},
               {"type": "decision_to_assess", "date": "2025-02-10", "outcome": "assess"},
               {"type": "advice_received", "date": "2025-02-11", "id": "x"}]})",
            "events[2] (advice_received)"},
       }) {
    Outcome r = run_clock("-", c.input);
    EXPECT_EQ(r.code, 2) << c.input;
    EXPECT_NE(r.err.find(c.words), std::string::npos) << "stderr: " << r.err << "\nwanted: " << c.words;
  }
}

TEST(ClockCommandTest, BadUsageExitsTwo) {
  EXPECT_EQ(run_clock("").code, 2);
  EXPECT_EQ(run_clock("a b").code, 2);
  Outcome r = run_clock("/nonexistent/clock.json");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cannot read"), std::string::npos);
}

}  // namespace
