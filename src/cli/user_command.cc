// goldthread user add --db PATH --email E --name N [--role R] [--organisation ID] [--org-admin]
//                     [--totp-secret BASE32]
// adds an account, reading the password from the first line of standard input (so it never
// appears in a process list). Staff and professionals sign in with a second factor: with
// --totp-secret the account starts with that authenticator secret (32 base32 characters; for demos,
// tests and support); without it the person sets up their app at their first sign-in on the web.
#include <cstdint>
#include <iostream>
#include <string>

#include "app/accounts.h"
#include "app/errors.h"
#include "app/passwords.h"
#include "app/storage.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "domain/roles.h"

namespace gt::cli {

int user_command(const Args& args) {
  try {
    Options o(args, {"db", "email", "name", "role", "organisation", "totp-secret"}, {"help", "org-admin"});
    if (o.flag("help") || o.positional().empty()) {
      std::cout << "Usage: goldthread user add --db PATH --email EMAIL --name NAME [--role ROLE]\n"
                   "                           [--organisation ID] [--org-admin] [--totp-secret BASE32]\n"
                   "Roles: caseworker (default), manager, admin, senco, advice_giver, parent, young_person, analyst.\n"
                   "Reads the password from standard input: at least 12 characters for staff and professionals,\n"
                   "10 for families, not a common password. Staff and professionals also sign in with a code from\n"
                   "an authenticator app: --totp-secret sets its key (32 characters A-Z, 2-7), otherwise they set\n"
                   "it up at their first sign-in.\n";
      return o.flag("help") ? 0 : 2;
    }
    if (o.positional() != std::vector<std::string>{"add"}) throw UsageError("the only action is 'add'");
    auto path = o.get("db");
    if (!path) throw UsageError("--db PATH is required");
    std::optional<std::int64_t> organisation;
    if (o.get("organisation")) organisation = o.get_int("organisation", 0, 1, INT64_MAX);
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    app::Storage storage(*path);
    app::Accounts accounts(storage);
    auto actor = accounts.create_user(o.get_or("email", ""), o.get_or("name", ""), o.get_or("role", "caseworker"),
                                      password, organisation, o.flag("org-admin"));
    if (auto secret = o.get("totp-secret")) accounts.set_totp_secret(actor.user_id, *secret);
    auto role = parse_role(actor.role);
    std::cout << "added user " << actor.user_id << " (" << actor.role << ")";
    if (role && needs_two_factor(*role))
      std::cout << (o.get("totp-secret") ? ", two-factor set up" : ", two-factor set up at first sign-in");
    std::cout << "\n";
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
