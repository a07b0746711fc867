// goldthread clock FILE|-: reads {"today", "events"}, checks every event against the chronology
// rules and prints the statutory deadlines as JSON (2-space indent). Exit 0 on success; exit 2, with
// a message on stderr naming the offending event by index and type, on bad usage or invalid input.
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "app/event_json.h"
#include "cli/commands.h"
#include "domain/chronology.h"
#include "domain/clock.h"

namespace gt::cli {

namespace {

constexpr const char* kUsage =
    "Usage: goldthread clock FILE\n"
    "       goldthread clock -        (read from stdin)\n\n"
    "Reads {\"today\": \"YYYY-MM-DD\", \"events\": [{\"type\": ..., \"date\": ..., ...}, ...]}, checks the\n"
    "events against the chronology rules and prints every statutory deadline as JSON:\n"
    "{\"deadlines\": [...], \"within_20_weeks\": true|false|null, \"week20_exception\": true|false}.\n"
    "Exit status: 0 success, 2 bad usage or invalid input (the message names the event).\n"
    "See docs/clock.md for the event types, the rules and worked examples.\n";

int fail(const std::string& msg) {
  std::cerr << "goldthread clock: " << msg << "\n";
  return 2;
}

}  // namespace

int clock_command(const Args& args) {
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << kUsage;
    return 0;
  }
  if (args.size() != 1) {
    std::cerr << kUsage;
    return 2;
  }
  std::string text;
  if (args[0] == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(args[0], std::ios::binary);
    if (!in) return fail("cannot read " + args[0]);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return fail(std::string("input is not valid JSON: ") + e.what());
  }
  if (!doc.is_object()) return fail("input must be a JSON object {\"today\": ..., \"events\": [...]}");
  for (auto it = doc.begin(); it != doc.end(); ++it)
    if (it.key() != "today" && it.key() != "events")
      return fail("unknown key \"" + it.key().substr(0, 40) + "\": only \"today\" and \"events\" are allowed");
  if (!doc.contains("today") || !doc["today"].is_string())
    return fail("today: is required, a date written YYYY-MM-DD");
  auto today = Date::parse(doc["today"].get<std::string>());
  if (!today) return fail("today: must be a real date written YYYY-MM-DD");
  if (!doc.contains("events") || !doc["events"].is_array()) return fail("events: is required, a JSON array");

  std::vector<Event> events;
  const auto& arr = doc["events"];
  for (size_t i = 0; i < arr.size(); ++i) {
    const auto& j = arr[i];
    std::string type = "?";
    if (j.is_object() && j.contains("type") && j["type"].is_string()) type = j["type"].get<std::string>().substr(0, 40);
    std::string where = "events[" + std::to_string(i) + "] (" + type + "): ";
    Event e;
    try {
      e = event_from_json(j);
    } catch (const EventJsonError& err) {
      return fail(where + err.field + ": " + err.reason);
    } catch (const nlohmann::json::exception& err) {
      return fail(where + err.what());
    }
    if (auto rej = check_append(events, e, *today)) {
      if (rej->field == "type" || rej->field.empty()) return fail(where + rej->reason);
      return fail(where + rej->field + ": " + rej->reason);
    }
    events.push_back(std::move(e));
  }

  std::cout << clock_result_to_json(compute_deadlines(events, *today)).dump(2) << "\n";
  return 0;
}

}  // namespace gt::cli
