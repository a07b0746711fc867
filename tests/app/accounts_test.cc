// Accounts: sign-in in one or two steps, rotation of the session token, idle and absolute time-outs,
// throttling per account and per address, TOTP (wrong, reused and drifted codes, enrolment),
// removed accounts, and the password policy as create_user applies it. Time is a fake clock, so
// nothing sleeps.
#include "app/accounts.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include "app/errors.h"
#include "app/storage.h"
#include "app/two_factor.h"
#include "store/users_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

constexpr const char* kSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
constexpr const char* kStaffPassword = "correct horse battery";
constexpr const char* kParentPassword = "kettle orchard lantern";

class AccountsTest : public ::testing::Test {
 protected:
  AccountsTest() : storage(tmp.path()), accounts(storage, [this] { return now; }) {
    staff = accounts.create_user("cw@example.org", "Casey Worker", "caseworker", kStaffPassword);
    accounts.set_totp_secret(staff.user_id, kSecret);
    parent = accounts.create_user("parent@example.org", "Pat Parent", "parent", kParentPassword);
  }

  SignInResult attempt(const std::string& email, const std::string& password, const std::string& address = "10.0.0.1",
                       std::optional<std::string> totp = std::nullopt, bool allow_pending = true) {
    return accounts.sign_in(SignInAttempt{email, password, address, std::move(totp), allow_pending});
  }
  // A full session for the caseworker: password, then the code of the current step.
  Session staff_session() {
    auto r = attempt("cw@example.org", kStaffPassword);
    EXPECT_EQ(r.status, SignInStatus::SecondStep);
    auto done = accounts.complete_two_factor(r.session->token, totp_code(kSecret, now), "", "10.0.0.1");
    EXPECT_EQ(done.status, SignInStatus::SignedIn);
    return *done.session;
  }

  gt::testing::TempDb tmp;
  Storage storage;
  std::int64_t now = 1'800'000'000;  // 2027-01-15, a whole number of 30-second steps
  Accounts accounts;
  Actor staff;
  Actor parent;
};

TEST_F(AccountsTest, FamiliesSignInWithThePasswordAloneAndStaffNeedASecondStep) {
  auto p = attempt("parent@example.org", kParentPassword);
  ASSERT_EQ(p.status, SignInStatus::SignedIn);
  EXPECT_FALSE(p.session->pending);
  auto s = accounts.session(p.session->token);
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->pending);

  auto c = attempt("cw@example.org", kStaffPassword);
  ASSERT_EQ(c.status, SignInStatus::SecondStep);
  ASSERT_TRUE(c.session);
  EXPECT_TRUE(c.session->pending);
  auto pending = accounts.session(c.session->token);
  ASSERT_TRUE(pending);
  EXPECT_TRUE(pending->pending) << "the web layer lets a pending session reach only the two-factor pages";
}

TEST_F(AccountsTest, TheTokenRotatesAtTheSecondStepAndThePendingOneStopsWorking) {
  auto c = attempt("cw@example.org", kStaffPassword);
  std::string pending = c.session->token;
  auto done = accounts.complete_two_factor(pending, totp_code(kSecret, now), "", "10.0.0.1");
  ASSERT_EQ(done.status, SignInStatus::SignedIn);
  EXPECT_NE(done.session->token, pending);
  EXPECT_NE(done.session->csrf, c.session->csrf);
  EXPECT_FALSE(accounts.session(pending)) << "the pending token no longer works";
  auto full = accounts.session(done.session->token);
  ASSERT_TRUE(full);
  EXPECT_FALSE(full->pending);
  EXPECT_TRUE(full->actor.two_factor);

  // Every sign-in gives a fresh token.
  auto again = attempt("parent@example.org", kParentPassword);
  auto again2 = attempt("parent@example.org", kParentPassword);
  EXPECT_NE(again.session->token, again2.session->token);
}

TEST_F(AccountsTest, UnknownEmailWrongPasswordAndRemovedAccountGetTheSameAnswer) {
  auto unknown = attempt("nobody@example.org", kParentPassword);
  auto wrong = attempt("parent@example.org", "not the password at all");
  EXPECT_EQ(unknown.status, SignInStatus::Refused);
  EXPECT_EQ(wrong.status, SignInStatus::Refused);
  EXPECT_FALSE(unknown.session);
  EXPECT_FALSE(wrong.session);

  auto live = attempt("parent@example.org", kParentPassword);
  ASSERT_TRUE(live.session);
  storage.write([&](store::Database& db) { store::set_user_active(db, parent.user_id, false); });
  EXPECT_FALSE(accounts.session(live.session->token)) << "a removed account's sessions end";
  EXPECT_EQ(attempt("parent@example.org", kParentPassword).status, SignInStatus::Refused);
}

TEST_F(AccountsTest, IdleTimeOutAfterThirtyMinutesUnused) {
  Session s = staff_session();
  now += 29 * 60;
  ASSERT_TRUE(accounts.session(s.token)) << "29 minutes idle is fine (and marks it used)";
  now += 29 * 60;
  ASSERT_TRUE(accounts.session(s.token)) << "used 29 minutes ago";
  now += 30 * 60;
  EXPECT_FALSE(accounts.session(s.token)) << "30 minutes unused ends it";
}

TEST_F(AccountsTest, LastSeenIsWrittenAtMostOnceAMinute) {
  Session s = staff_session();
  const std::int64_t start = now;
  auto last_seen = [&] {
    unsigned char h[32];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(s.token.data()), s.token.size(), nullptr, 0);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return store::find_session(storage.read(), hex)->last_seen;
  };
  ASSERT_EQ(last_seen(), start);
  now += 50;
  ASSERT_TRUE(accounts.session(s.token));
  EXPECT_EQ(last_seen(), start) << "used 50 seconds after the last write: no write";
  now += 60;
  ASSERT_TRUE(accounts.session(s.token));
  EXPECT_EQ(last_seen(), start + 110);
}

TEST_F(AccountsTest, AbsoluteTimeOutAfterTwelveHoursEvenWhenInUse) {
  Session s = staff_session();
  for (int i = 0; i < 35; ++i) {  // 35 x 20 minutes = 11 h 40 min, used throughout
    now += 20 * 60;
    ASSERT_TRUE(accounts.session(s.token)) << i;
  }
  now += 20 * 60;  // 12 h
  EXPECT_FALSE(accounts.session(s.token));
}

TEST_F(AccountsTest, APendingSessionExpiresAfterTenMinutes) {
  auto c = attempt("cw@example.org", kStaffPassword);
  now += 10 * 60;
  EXPECT_FALSE(accounts.session(c.session->token));
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, totp_code(kSecret, now), "", "10.0.0.1").status,
            SignInStatus::Refused);
}

TEST_F(AccountsTest, FiveFailuresLockTheAccountForFifteenMinutesEvenWithTheRightPassword) {
  for (int i = 0; i < 4; ++i) EXPECT_EQ(attempt("parent@example.org", "wrong password " + std::to_string(i)).status, SignInStatus::Refused);
  EXPECT_EQ(attempt("parent@example.org", "wrong password 5").status, SignInStatus::Refused);
  EXPECT_EQ(attempt("parent@example.org", kParentPassword).status, SignInStatus::Locked);
  EXPECT_EQ(attempt("PARENT@example.org", kParentPassword, "10.9.9.9").status, SignInStatus::Locked)
      << "per account, whatever the address or the email's case";
  now += 14 * 60;
  EXPECT_EQ(attempt("parent@example.org", kParentPassword).status, SignInStatus::Locked);
  now += 60;
  EXPECT_EQ(attempt("parent@example.org", kParentPassword).status, SignInStatus::SignedIn);
}

TEST_F(AccountsTest, AnUnknownEmailLocksJustLikeAKnownOne) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(attempt("nobody@example.org", "some password").status, SignInStatus::Refused);
  EXPECT_EQ(attempt("nobody@example.org", "some password").status, SignInStatus::Locked)
      << "so the lock does not reveal which emails have accounts";
}

TEST_F(AccountsTest, ASuccessfulSignInClearsTheAccountsCount) {
  for (int i = 0; i < 4; ++i) attempt("parent@example.org", "wrong password");
  EXPECT_EQ(attempt("parent@example.org", kParentPassword).status, SignInStatus::SignedIn);
  for (int i = 0; i < 4; ++i) attempt("parent@example.org", "wrong password");
  EXPECT_EQ(attempt("parent@example.org", kParentPassword).status, SignInStatus::SignedIn)
      << "4 + 4 failures with a success between: never 5 in a row";
}

TEST_F(AccountsTest, FailuresOutsideTheWindowDoNotAddUp) {
  for (int i = 0; i < 4; ++i) attempt("parent@example.org", "wrong password");
  now += 15 * 60;
  for (int i = 0; i < 4; ++i) attempt("parent@example.org", "wrong password");
  EXPECT_EQ(attempt("parent@example.org", kParentPassword).status, SignInStatus::SignedIn);
}

TEST_F(AccountsTest, TwentyFailuresFromOneAddressLockThatAddressOnly) {
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(attempt("guess" + std::to_string(i) + "@example.org", "some password", "192.0.2.7").status,
              SignInStatus::Refused);
  EXPECT_EQ(attempt("parent@example.org", kParentPassword, "192.0.2.7").status, SignInStatus::Locked);
  EXPECT_EQ(attempt("parent@example.org", kParentPassword, "192.0.2.8").status, SignInStatus::SignedIn);
}

TEST_F(AccountsTest, WrongReusedAndDriftedCodes) {
  auto code_at = [&](std::int64_t offset) { return totp_code(kSecret, now + offset); };
  // Wrong.
  auto c = attempt("cw@example.org", kStaffPassword);
  std::string wrong = code_at(0) == "000000" ? "111111" : "000000";
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, wrong, "", "10.0.0.1").status, SignInStatus::WrongCode);
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, "12345", "", "10.0.0.1").status, SignInStatus::WrongCode);
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, "abcdef", "", "10.0.0.1").status, SignInStatus::WrongCode);
  // Two steps away either side: refused.
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, code_at(-60), "", "10.0.0.1").status,
            SignInStatus::WrongCode);
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, code_at(60), "", "10.0.0.1").status,
            SignInStatus::WrongCode);
  now += 15 * 60;  // past the failures' window
  c = attempt("cw@example.org", kStaffPassword);
  // One step behind (a slow phone): accepted.
  auto ok = accounts.complete_two_factor(c.session->token, code_at(-30), "", "10.0.0.1");
  EXPECT_EQ(ok.status, SignInStatus::SignedIn);
  // The same code again, and an earlier one: refused (a code works once).
  c = attempt("cw@example.org", kStaffPassword);
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, code_at(-30), "", "10.0.0.1").status,
            SignInStatus::WrongCode);
  // The current step and one ahead: each once.
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, code_at(0), "", "10.0.0.1").status, SignInStatus::SignedIn);
  c = attempt("cw@example.org", kStaffPassword);
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, code_at(0), "", "10.0.0.1").status, SignInStatus::WrongCode);
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, code_at(30), "", "10.0.0.1").status,
            SignInStatus::SignedIn);
}

TEST_F(AccountsTest, WrongCodesCountTowardsTheLock) {
  auto c = attempt("cw@example.org", kStaffPassword);
  std::string wrong = totp_code(kSecret, now) == "000000" ? "111111" : "000000";
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(accounts.complete_two_factor(c.session->token, wrong, "", "10.0.0.1").status, SignInStatus::WrongCode);
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, totp_code(kSecret, now), "", "10.0.0.1").status,
            SignInStatus::Locked);
}

TEST_F(AccountsTest, TheApiGivesTheCodeInTheSameCallAndGetsNoPendingSession) {
  auto none = attempt("cw@example.org", kStaffPassword, "10.0.0.1", std::nullopt, false);
  EXPECT_EQ(none.status, SignInStatus::SecondStep);
  EXPECT_FALSE(none.session);
  auto ok = attempt("cw@example.org", kStaffPassword, "10.0.0.1", totp_code(kSecret, now), false);
  ASSERT_EQ(ok.status, SignInStatus::SignedIn);
  EXPECT_FALSE(ok.session->pending);
  auto reused = attempt("cw@example.org", kStaffPassword, "10.0.0.1", totp_code(kSecret, now), false);
  EXPECT_EQ(reused.status, SignInStatus::WrongCode);
  auto wrong_password = attempt("cw@example.org", "not the password!", "10.0.0.1", totp_code(kSecret, now + 30), false);
  EXPECT_EQ(wrong_password.status, SignInStatus::Refused) << "the code is not even looked at";
}

TEST_F(AccountsTest, ANewMemberOfStaffSetsUpTheirAppAtTheFirstSignIn) {
  auto fresh = accounts.create_user("new@example.org", "New Starter", "manager", kStaffPassword);
  EXPECT_FALSE(fresh.two_factor);
  EXPECT_EQ(attempt("new@example.org", kStaffPassword, "10.0.0.1", "123456", false).status, SignInStatus::NotEnrolled);
  auto c = attempt("new@example.org", kStaffPassword);
  ASSERT_EQ(c.status, SignInStatus::SecondStep);
  EXPECT_FALSE(c.session->actor.two_factor);
  std::string secret = new_totp_secret();
  EXPECT_TRUE(valid_totp_secret(secret));
  // A weak secret is refused; a code from another secret is refused.
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, totp_code("AAAAAAAAAAAAAAAA", now), "AAAAAAAAAAAAAAAA",
                                         "10.0.0.1")
                .status,
            SignInStatus::WrongCode);
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, totp_code(kSecret, now), secret, "10.0.0.1").status,
            SignInStatus::WrongCode);
  auto done = accounts.complete_two_factor(c.session->token, totp_code(secret, now), secret, "10.0.0.1");
  ASSERT_EQ(done.status, SignInStatus::SignedIn);
  auto stored = store::find_user(storage.read(), fresh.user_id);
  EXPECT_EQ(stored->totp_secret, secret);
  // From now on the stored secret is the one: a chosen secret in the form is ignored.
  now += 60;
  c = attempt("new@example.org", kStaffPassword);
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, totp_code(kSecret, now), kSecret, "10.0.0.1").status,
            SignInStatus::WrongCode);
  EXPECT_EQ(accounts.complete_two_factor(c.session->token, totp_code(secret, now), "", "10.0.0.1").status,
            SignInStatus::SignedIn);
}

TEST_F(AccountsTest, SetTotpSecretRefusesAMalformedSecret) {
  try {
    accounts.set_totp_secret(staff.user_id, "not base32!");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field, "totp_secret");
  }
  EXPECT_THROW(accounts.set_totp_secret(9999, kSecret), Error);
  accounts.set_totp_secret(staff.user_id, "jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp");  // as an app shows it
  EXPECT_EQ(store::find_user(storage.read(), staff.user_id)->totp_secret, kSecret);
}

TEST_F(AccountsTest, PasswordPolicyAppliesAtCreation) {
  auto refused = [&](const std::string& role, const std::string& password) -> std::string {
    try {
      accounts.create_user("someone@example.org", "Some One", role, password);
    } catch (const Error& e) {
      EXPECT_EQ(e.field, "password");
      return e.reason;
    }
    return "";
  };
  EXPECT_NE(refused("caseworker", "elevenchars").find("at least 12 characters"), std::string::npos);
  EXPECT_NE(refused("parent", "ninechars").find("at least 10 characters"), std::string::npos);
  EXPECT_NE(refused("parent", "basketball").find("too common"), std::string::npos);
  EXPECT_NE(refused("parent", "Password2024!").find("too common"), std::string::npos);
  EXPECT_NE(refused("parent", "someone@example.org").find("email"), std::string::npos);
  EXPECT_EQ(refused("parent", "ten chars!"), "") << "10 characters are enough for a family account";
}

TEST_F(AccountsTest, ChangingThePasswordChecksTheCurrentOneAndEndsOtherSessions) {
  Session here = staff_session();
  now += 60;
  Session elsewhere = staff_session();
  try {
    accounts.change_password(here.token, "not my password", "a brand new passphrase");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field, "current_password");
  }
  try {
    accounts.change_password(here.token, kStaffPassword, "password123");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field, "password");
  }
  accounts.change_password(here.token, kStaffPassword, "a brand new passphrase");
  EXPECT_TRUE(accounts.session(here.token));
  EXPECT_FALSE(accounts.session(elsewhere.token));
  EXPECT_EQ(attempt("cw@example.org", kStaffPassword).status, SignInStatus::Refused);
  EXPECT_EQ(attempt("cw@example.org", "a brand new passphrase").status, SignInStatus::SecondStep);
}

}  // namespace
}  // namespace gt::app
