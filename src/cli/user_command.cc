// goldthread user: placeholder until the command is built.
#include <iostream>

#include "cli/commands.h"

namespace gt::cli {
int user_command(const Args&) {
  std::cerr << "goldthread user: not built yet\n";
  return 1;
}
}  // namespace gt::cli
