// goldthread serve: placeholder until the command is built.
#include <iostream>

#include "cli/commands.h"

namespace gt::cli {
int serve_command(const Args&) {
  std::cerr << "goldthread serve: not built yet\n";
  return 1;
}
}  // namespace gt::cli
