// The cost of a sign-in (Google Benchmark): one argon2id password hash and one verify at the limits
// accounts use (app/passwords.h: libsodium crypto_pwhash, interactive limits), and one TOTP check
// (app/two_factor.h, liboath). Results are recorded in docs/benchmarks.md with what they mean for
// sign-ins per second per core and for a guessing attacker; tests never assert timings.
//
// Each benchmark reports the limits it ran at as counters (opslimit passes, memlimit in MiB), read
// from libsodium at run time, so the figures in the doc name the parameters they were measured at.
#include <benchmark/benchmark.h>
#include <sodium.h>

#include <cstdint>
#include <string>

#include "app/passwords.h"
#include "app/two_factor.h"

namespace {

void limits(benchmark::State& state) {
  state.counters["opslimit"] = static_cast<double>(crypto_pwhash_OPSLIMIT_INTERACTIVE);
  state.counters["memlimit_MiB"] = static_cast<double>(crypto_pwhash_MEMLIMIT_INTERACTIVE) / (1024.0 * 1024.0);
}

// What setting or resetting a password costs (a new random salt each time).
void BM_HashPassword(benchmark::State& state) {
  const std::string pw = "correct horse battery staple";
  for (auto _ : state) benchmark::DoNotOptimize(gt::app::hash_password(pw));
  limits(state);
}
BENCHMARK(BM_HashPassword)->Unit(benchmark::kMillisecond)->UseRealTime();

// What every sign-in attempt costs the server: the right password...
void BM_VerifyPasswordRight(benchmark::State& state) {
  const std::string pw = "correct horse battery staple";
  const std::string hash = gt::app::hash_password(pw);
  for (auto _ : state) {
    bool ok = gt::app::verify_password(hash, pw);
    if (!ok) state.SkipWithError("the right password was refused");
    benchmark::DoNotOptimize(ok);
  }
  limits(state);
}
BENCHMARK(BM_VerifyPasswordRight)->Unit(benchmark::kMillisecond)->UseRealTime();

// ...and a wrong one (the same work: argon2id has no early exit).
void BM_VerifyPasswordWrong(benchmark::State& state) {
  const std::string hash = gt::app::hash_password("correct horse battery staple");
  const std::string guess = "correct horse battery stapler";
  for (auto _ : state) {
    bool ok = gt::app::verify_password(hash, guess);
    if (ok) state.SkipWithError("a wrong password was accepted");
    benchmark::DoNotOptimize(ok);
  }
  limits(state);
}
BENCHMARK(BM_VerifyPasswordWrong)->Unit(benchmark::kMillisecond)->UseRealTime();

// The second factor: a typed 6-digit code checked against steps t-30s, t, t+30s.
void BM_TotpAcceptRight(benchmark::State& state) {
  const std::string secret = gt::app::kDemoTotpSecret;
  const std::int64_t now = 1795600000;  // 2026-11-25, a fixed time so every run does the same work
  const std::string code = gt::app::totp_code(secret, now);
  for (auto _ : state) {
    auto step = gt::app::totp_accept(secret, code, now, 0);
    if (!step) state.SkipWithError("the right code was refused");
    benchmark::DoNotOptimize(step);
  }
}
BENCHMARK(BM_TotpAcceptRight)->Unit(benchmark::kMicrosecond);

// A wrong code: all three steps are computed and compared.
void BM_TotpAcceptWrong(benchmark::State& state) {
  const std::string secret = gt::app::kDemoTotpSecret;
  const std::int64_t now = 1795600000;
  std::string code = gt::app::totp_code(secret, now);
  code[0] = code[0] == '9' ? '0' : static_cast<char>(code[0] + 1);
  for (auto _ : state) {
    auto step = gt::app::totp_accept(secret, code, now, 0);
    benchmark::DoNotOptimize(step);
  }
}
BENCHMARK(BM_TotpAcceptWrong)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
