// goldthread totp --secret BASE32 [--at UNIX_SECONDS]: prints the 6-digit TOTP code (RFC 6238,
// SHA-1, 30 s) an authenticator app holding this key shows now (or at the time given) - for the
// demo's published key and for tests. "--secret -" reads the key from standard input.
#include <cstdint>
#include <iostream>
#include <string>

#include "app/accounts.h"
#include "app/two_factor.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace gt::cli {

int totp_command(const Args& args) {
  try {
    Options o(args, {"secret", "at"}, {"help"});
    if (o.flag("help") || !o.get("secret")) {
      std::cout << "Usage: goldthread totp --secret BASE32 [--at UNIX_SECONDS]\n"
                   "Prints the code an authenticator app with this key shows now. '--secret -' reads stdin.\n";
      return o.flag("help") ? 0 : 2;
    }
    std::string secret = *o.get("secret");
    if (secret == "-") std::getline(std::cin, secret);
    secret = app::normalise_totp_secret(secret);
    if (!app::valid_totp_secret(secret)) throw UsageError("the secret must be 32 characters of base32 (A-Z, 2-7)");
    std::int64_t at = o.get("at") ? o.get_int("at", 0, 0, INT64_MAX / 2) : app::system_seconds();
    std::cout << app::totp_code(secret, at) << "\n";
    return 0;
  } catch (const UsageError& e) {
    std::cerr << "goldthread totp: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace gt::cli
