// `goldthread user add` and `goldthread totp`: the real binary (GT_BINARY). An account made with a
// known TOTP key signs in with the code `goldthread totp` prints for that key; the password policy
// applies; bad usage is exit code 2.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "app/accounts.h"
#include "app/storage.h"
#include "app/two_factor.h"
#include "store/users_store.h"
#include "support/run_command.h"
#include "support/temp_db.h"

namespace {

using Outcome = gt::testing::CommandOutcome;

Outcome run(const std::string& args, const std::string& stdin_text = "") {
  return gt::testing::run_command("printf '%s\\n' '" + stdin_text + "' | " + std::string(GT_BINARY) + " " + args +
                                  " 2>/dev/null");
}

constexpr const char* kKey = "GOLDENTHREADDEMOGOLDENTHREADDEMO";

TEST(TotpCommand, PrintsTheCodeForAKeyAndATime) {
  Outcome r = run(std::string("totp --secret ") + kKey + " --at 1800000000");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, gt::app::totp_code(kKey, 1800000000) + "\n");
  // RFC 6238's key and time 59: 94287082, of which an app shows 287082.
  EXPECT_EQ(run("totp --secret GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ --at 59").out, "287082\n");
  EXPECT_EQ(run("totp --secret - --at 59", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").out, "287082\n");
  EXPECT_EQ(run("totp --secret SHORT").code, 2);
  EXPECT_EQ(run("totp").code, 2);
}

TEST(UserCommand, AddsAnAccountWithAKnownKeyThatSignsInWithTheCommandsCode) {
  gt::testing::TempDb tmp;
  Outcome weak = run("user add --db " + tmp.path() + " --email cw@example.org --name 'Casey Worker'", "password1234");
  EXPECT_EQ(weak.code, 2) << "a common password is refused";
  Outcome ok = run("user add --db " + tmp.path() + " --email cw@example.org --name 'Casey Worker' --role manager "
                   "--totp-secret " + kKey,
                   "correct horse battery");
  ASSERT_EQ(ok.code, 0);
  EXPECT_NE(ok.out.find("two-factor set up"), std::string::npos);
  Outcome bad_key = run("user add --db " + tmp.path() + " --email x@example.org --name X --totp-secret nope",
                        "correct horse battery");
  EXPECT_EQ(bad_key.code, 2);

  gt::app::Storage storage(tmp.path());
  gt::app::Accounts accounts(storage);
  auto user = gt::store::find_user_by_email(storage.read(), "cw@example.org");
  ASSERT_TRUE(user);
  EXPECT_EQ(user->role, "manager");
  EXPECT_EQ(user->totp_secret, kKey);
  std::string code = run(std::string("totp --secret ") + kKey).out;
  ASSERT_EQ(code.size(), 7u);
  code.pop_back();
  auto r = accounts.sign_in(gt::app::SignInAttempt{"cw@example.org", "correct horse battery", "", code, false});
  EXPECT_EQ(r.status, gt::app::SignInStatus::SignedIn);
}

}  // namespace
