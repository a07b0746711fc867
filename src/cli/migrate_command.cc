// goldthread migrate: placeholder until the command is built.
#include <iostream>

#include "cli/commands.h"

namespace gt::cli {
int migrate_command(const Args&) {
  std::cerr << "goldthread migrate: not built yet\n";
  return 1;
}
}  // namespace gt::cli
