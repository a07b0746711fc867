// goldthread: the one binary. Dispatches to a subcommand; `goldthread --help` lists them.
#include <cstring>
#include <iostream>
#include <string>

#include "cli/commands.h"

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const gt::cli::Args&);
};

constexpr Command kCommands[] = {
    {"serve", "serve the web pages and JSON API (--db PATH --listen 127.0.0.1:8080 --threads N)",
     gt::cli::serve_command},
    {"demo", "build a fictional council's casework (--db PATH --seed S --plans N)", gt::cli::demo_command},
    {"clock", "compute the statutory deadlines of a chronology (FILE, or - for stdin)", gt::cli::clock_command},
    {"migrate", "create or upgrade a database to the current schema (--db PATH)", gt::cli::migrate_command},
    {"user", "add an account (user add --db PATH --email E --name N [--role R] [--totp-secret K]; password on stdin)",
     gt::cli::user_command},
    {"totp", "print the current two-factor code for an authenticator key (--secret BASE32)", gt::cli::totp_command},
    {"audit", "check the audit log's hash chain (audit verify --db PATH)", gt::cli::audit_command},
};

void usage(std::ostream& out) {
  out << "Golden Thread: EHC casework on the statutory clock\n\n"
         "Usage: goldthread COMMAND [OPTIONS]\n\nCommands:\n";
  for (const auto& c : kCommands) out << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.summary << "\n";
  out << "\nRun 'goldthread COMMAND --help' for a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(std::cerr);
    return 2;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    usage(std::cout);
    return 0;
  }
  gt::cli::Args args(argv + 2, argv + argc);
  for (const auto& c : kCommands)
    if (name == c.name) {
      try {
        return c.run(args);
      } catch (const std::exception& e) {
        std::cerr << "goldthread " << name << ": " << e.what() << "\n";
        return 1;
      }
    }
  std::cerr << "goldthread: unknown command '" << name << "'\n\n";
  usage(std::cerr);
  return 2;
}
