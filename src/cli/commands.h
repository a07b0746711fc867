// The `goldthread` subcommands. Each takes its arguments (after the subcommand name) and returns
// the process exit code: 0 success, 1 failure at run time, 2 bad usage or invalid input.
// Messages go to stderr and never contain personal data.
#pragma once

#include <string>
#include <vector>

namespace gt::cli {

using Args = std::vector<std::string>;

int clock_command(const Args& args);    // goldthread clock FILE|-
int serve_command(const Args& args);    // goldthread serve --db PATH --listen HOST:PORT
int demo_command(const Args& args);     // goldthread demo --db PATH --seed S --plans N
int migrate_command(const Args& args);  // goldthread migrate --db PATH
int user_command(const Args& args);     // goldthread user add --db PATH --email E --name N --role R
int audit_command(const Args& args);    // goldthread audit verify --db PATH
int totp_command(const Args& args);     // goldthread totp --secret BASE32: the code an authenticator shows

}  // namespace gt::cli
