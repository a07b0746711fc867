// goldthread clock: placeholder until the command is built.
#include <iostream>

#include "cli/commands.h"

namespace gt::cli {
int clock_command(const Args&) {
  std::cerr << "goldthread clock: not built yet\n";
  return 1;
}
}  // namespace gt::cli
