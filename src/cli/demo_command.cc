// goldthread demo: placeholder until the command is built.
#include <iostream>

#include "cli/commands.h"

namespace gt::cli {
int demo_command(const Args&) {
  std::cerr << "goldthread demo: not built yet\n";
  return 1;
}
}  // namespace gt::cli
