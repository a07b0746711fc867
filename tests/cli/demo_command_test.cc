// goldthread demo, run as a process: builds a new database file (exit 0), refuses the same path
// again (exit 2, never writing into an existing database) and rejects bad usage (exit 2).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <string>

#include "support/temp_db.h"

namespace {

int run(const std::string& args) {
  int rc = std::system((std::string(GT_BINARY) + " demo " + args + " > /dev/null 2>&1").c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

TEST(DemoCommand, BuildsOnceThenRefusesTheSameFile) {
  gt::testing::TempDb tmp;
  std::string args = "--db " + tmp.path() + " --seed 3 --plans 60 --today 2025-11-20";
  EXPECT_EQ(run(args), 0);
  EXPECT_EQ(run(args), 2);
}

TEST(DemoCommand, RejectsBadUsage) {
  gt::testing::TempDb tmp;
  EXPECT_EQ(run("--plans 10"), 2);                                         // no --db
  EXPECT_EQ(run("--db " + tmp.path() + " --plans 0"), 2);                  // out of range
  EXPECT_EQ(run("--db " + tmp.path() + " --today 2025-02-30"), 2);         // not a date
  EXPECT_EQ(run("--db " + tmp.path() + " --colour blue"), 2);              // unknown option
  EXPECT_EQ(run("--help"), 0);
}

}  // namespace
