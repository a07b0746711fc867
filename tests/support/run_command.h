// run_command: runs a shell command line (the real goldthread binary, in CLI tests) and gives its
// exit code and standard output. Header-only test support.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace gt::testing {

struct CommandOutcome {
  int code = -1;
  std::string out;
};

inline CommandOutcome run_command(const std::string& command_line) {
  CommandOutcome r;
  FILE* p = popen(command_line.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t got;
  while ((got = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, got);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace gt::testing
