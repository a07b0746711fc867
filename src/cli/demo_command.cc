// goldthread demo --db PATH [--seed S] [--plans N] [--today YYYY-MM-DD]: builds the fictional
// Northmoor City Council into a new database file (app/demo.h) and prints how its figures compare
// with the national ones. Exit 0 on success; 2 for bad usage or when PATH already exists (the demo
// never writes into an existing database); 1 if generation fails (a generator bug).
#include <chrono>
#include <iostream>

#include "app/demo.h"
#include "app/today.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace gt::cli {

namespace {
constexpr const char* kUsage =
    "Usage: goldthread demo --db PATH [--seed S] [--plans N] [--today YYYY-MM-DD]\n"
    "Builds a fictional council (Northmoor City Council) with realistic EHC casework into a NEW\n"
    "database file; refuses a PATH that already exists.\n\n"
    "  --db PATH      the database file to create (required)\n"
    "  --seed S       random seed (default 1); the same seed and today give the same database\n"
    "  --plans N      active EHC plans (default 3300, a median council; 1 to 50000)\n"
    "  --today DATE   the date the histories run up to (default: today's date in England)\n\n"
    "Sign-in (password demo-password-2026; staff and professionals also a code from\n"
    "`goldthread totp --secret GOLDENTHREADDEMOGOLDENTHREADDEMO`): caseworker@, manager@, admin@,\n"
    "analyst@, senco@, ep@, health@, parent@ and young.person@northmoor.example (see README.md)\n";
}  // namespace

int demo_command(const Args& args) {
  try {
    Options o(args, {"db", "seed", "plans", "today"}, {"help"});
    if (o.flag("help")) {
      std::cout << kUsage;
      return 0;
    }
    if (!o.positional().empty()) throw UsageError("unexpected argument '" + o.positional().front() + "'");
    auto path = o.get("db");
    if (!path || path->empty()) throw UsageError("--db PATH is required");
    app::DemoOptions opt;
    opt.seed = static_cast<std::uint64_t>(o.get_int("seed", 1, 0, 2147483647L));
    opt.plans = static_cast<int>(o.get_int("plans", 3300, 1, 50000));
    std::optional<Date> fixed;
    if (auto t = o.get("today")) {
      fixed = Date::parse(*t);
      if (!fixed) throw UsageError("--today must be a date written YYYY-MM-DD");
      if (*fixed < Date::from_ymd(2019, 1, 1) || *fixed > Date::from_ymd(2100, 12, 31))
        throw UsageError("--today must be from 2019-01-01 to 2100-12-31");
    }
    opt.today = app::Today(fixed)();
    auto start = std::chrono::steady_clock::now();
    app::DemoCouncil council = app::build_demo(*path, opt);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << app::format_summary(council);
    std::cout << "Written to " << *path << " in " << static_cast<int>(secs * 10 + 0.5) / 10.0 << " s.\n"
              << "Sign in as caseworker@, manager@, admin@, analyst@, senco@, ep@, health@, parent@ or "
                 "young.person@northmoor.example with password "
              << app::kDemoPassword << " (staff and professionals: and the code from goldthread totp --secret "
              << "GOLDENTHREADDEMOGOLDENTHREADDEMO)\n";
    return 0;
  } catch (const UsageError& e) {
    std::cerr << "goldthread demo: " << e.what() << "\n\n" << kUsage;
    return 2;
  } catch (const app::DemoRefused& e) {
    std::cerr << "goldthread demo: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace gt::cli
