#!/usr/bin/env bash
# Browser tests: Playwright (playwright-core) with axe-core in Debian's headless Chromium.
#
#   bash tests/browser/run.sh path/to/goldthread [node --test options, e.g. --test-name-pattern=caseload]
#
# Builds a small database in a temporary directory (`goldthread demo --plans 40 --seed 7`, a staff
# account made with `goldthread user add` with a known TOTP key (GT_TOTP_SECRET), then children, cases and events appended through the JSON
# API by seed.mjs, so the ids and dates are known), serves it on 127.0.0.1 with a free port and --today 2026-11-25, runs
# `node --test tests/browser/` (the Node test runner, so ctest and CI see its summary) and stops the
# server on exit. Exits with the test runner's status. Registered with ctest as the `browser` test.
#
# Environment (optional): GT_CHROMIUM (default /usr/bin/chromium), GT_BROWSER_KEEP=1 keeps the
# temporary directory (database, server log) for a look afterwards.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: bash tests/browser/run.sh path/to/goldthread [node --test options]" >&2
  exit 2
fi
binary="$(realpath "$1")"
shift
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

today="2026-11-25"
chromium="${GT_CHROMIUM:-/usr/bin/chromium}"

fail_setup() { echo "browser tests: $*" >&2; exit 1; }
[[ -x "$binary" ]] || fail_setup "no goldthread binary at $binary"
command -v node >/dev/null || fail_setup "node is not installed (scripts/install-deps installs it)"
[[ -x "$chromium" ]] || fail_setup "no Chromium at $chromium (Debian package 'chromium')"
[[ -d node_modules/playwright-core && -d node_modules/@axe-core/playwright ]] ||
  fail_setup "node_modules lacks playwright-core or @axe-core/playwright: run 'npm ci' in $root"

work="$(mktemp -d "${TMPDIR:-/tmp}/gt-browser.XXXXXX")"
server_pid=""
cleanup() {
  local status=$?
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ $status -ne 0 && -f "$work/server.err" ]]; then
    echo "--- server log (last 40 lines of $work/server.err) ---" >&2
    tail -n 40 "$work/server.err" >&2 || true
  fi
  if [[ "${GT_BROWSER_KEEP:-}" == "1" ]]; then
    echo "browser tests: kept $work" >&2
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

db="$work/goldthread.db"
email="browser-tester@golden-thread.test"
password="browser-tests-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
# The tester's authenticator app: a fixed key, so the tests compute the codes (totp.mjs).
totp_secret="BROWSERTESTSBROWSERTESTSBROWSERT"

# The database: the fictional demo council (40 plans, seed 7, histories up to today), or an empty
# one if the demo generator fails (the tests then skip the demo case), plus our own caseworker.
if "$binary" demo --db "$db" --seed 7 --plans 40 --today "$today" >"$work/demo.log" 2>&1; then
  export GT_DEMO=1
else
  echo "browser tests: WARNING: 'goldthread demo' failed, testing on an empty council:" >&2
  tail -n 5 "$work/demo.log" >&2
  rm -f "$db" "$db-wal" "$db-shm"
  "$binary" migrate --db "$db" >/dev/null
  export GT_DEMO=0
fi
printf '%s\n' "$password" | "$binary" user add --db "$db" --email "$email" --name "Bea Browser" --role caseworker \
  --totp-secret "$totp_secret" >/dev/null

# The server, on a free port chosen by the kernel (--listen 127.0.0.1:0); it prints its address.
"$binary" serve --db "$db" --listen 127.0.0.1:0 --today "$today" --threads 1 --pool-threads 2 \
  >"$work/server.out" 2>"$work/server.err" &
server_pid=$!

base_url=""
for _ in $(seq 1 200); do
  if ! kill -0 "$server_pid" 2>/dev/null; then fail_setup "goldthread serve exited early"; fi
  base_url="$(grep -o 'http://127\.0\.0\.1:[0-9]\+' "$work/server.out" | head -n 1 || true)"
  [[ -n "$base_url" ]] && break
  sleep 0.05
done
[[ -n "$base_url" ]] || fail_setup "goldthread serve did not print its address"

# Wait until it answers (with node, which the tests need anyway; curl may not be installed).
answered=""
for _ in $(seq 1 100); do
  if node -e 'fetch(process.argv[1], {signal: AbortSignal.timeout(2000)}).then(() => process.exit(0), () => process.exit(1))' \
    "$base_url/sign-in"; then answered=1; break; fi
  sleep 0.1
done
[[ -n "$answered" ]] || fail_setup "goldthread serve at $base_url did not answer"

export GT_BASE_URL="$base_url"
export GT_EMAIL="$email"
export GT_PASSWORD="$password"
export GT_TOTP_SECRET="$totp_secret"
export GT_TOTP_STATE="$work/totp-steps.json"  # the codes already used, shared by every test file
export GT_TODAY="$today"
export GT_CHROMIUM="$chromium"
export GT_FIXTURES="$work/fixtures.json"
export GT_DB="$db"  # walk.test.mjs reads the parent's invitation email from email_outbox (sqlite3)

# Children, cases and events through the API (seed.mjs writes the ids to $GT_FIXTURES).
node "$here/seed.mjs" >"$GT_FIXTURES" || fail_setup "seeding through the API failed"

echo "browser tests: $base_url (today $today), fixtures $(tr -d '\n' <"$GT_FIXTURES")"
status=0
node --test --test-concurrency=1 "$@" "$here/" || status=$?
exit "$status"
