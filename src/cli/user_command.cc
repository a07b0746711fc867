// goldthread user add --db PATH --email E --name N [--role R]: adds a staff account, reading the
// password from the first line of standard input (so it never appears in a process list).
#include <iostream>
#include <string>

#include "app/accounts.h"
#include "app/errors.h"
#include "app/storage.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace gt::cli {

int user_command(const Args& args) {
  try {
    Options o(args, {"db", "email", "name", "role"}, {"help"});
    if (o.flag("help") || o.positional().empty()) {
      std::cout << "Usage: goldthread user add --db PATH --email EMAIL --name NAME [--role caseworker|manager|admin]\n"
                   "Reads the password (at least 10 characters) from standard input.\n";
      return o.flag("help") ? 0 : 2;
    }
    if (o.positional() != std::vector<std::string>{"add"}) throw UsageError("the only action is 'add'");
    auto path = o.get("db");
    if (!path) throw UsageError("--db PATH is required");
    std::string password;
    std::getline(std::cin, password);
    app::Storage storage(*path);
    app::Accounts accounts(storage);
    auto actor = accounts.create_user(o.get_or("email", ""), o.get_or("name", ""), o.get_or("role", "caseworker"),
                                      password);
    std::cout << "added user " << actor.user_id << " (" << actor.role << ")\n";
    return 0;
  } catch (const UsageError& e) {
    std::cerr << "goldthread user: " << e.what() << "\n";
    return 2;
  } catch (const app::Error& e) {
    std::cerr << "goldthread user: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace gt::cli
