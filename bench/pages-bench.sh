#!/usr/bin/env bash
# Page latency with sessions and the read audit on: wrk against signed-in reads of a child's record
# on the 20,000-plan demo council, at the same load as bench/http-bench.sh (2 threads, 64
# connections, 15 s), counting audit_log rows before and after each run so the audit is seen to be
# on. Then the sign-in cost (bench/sign_in_bench.cc: argon2id and TOTP) if that binary is built.
# Usage: bench/pages-bench.sh [BUILD_DIR]   (needs wrk and sqlite3; everything on 127.0.0.1)
# Build first: make -C BUILD_DIR goldthread sign_in_bench. Copy the results into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
BIN=$BUILD/goldthread
WORK=$(mktemp -d)
DB=$WORK/bench.db
PORT=${PORT:-18090}
DURATION=${DURATION:-15s}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
cleanup() { [[ -n "${SERVER:-}" ]] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

echo "== machine: $(nproc) cores; $(uptime)"
echo "== building the 20,000-plan demo council"
"$BIN" demo --db "$DB" --seed 1 --plans 20000 --today 2026-11-25 >/dev/null
CASES=$(sqlite3 "$DB" "SELECT count(*) FROM cases")
CHILDREN=$(sqlite3 "$DB" "SELECT group_concat(fl.child_id) FROM family_links fl JOIN users u ON u.id = fl.user_id WHERE u.email = 'parent@northmoor.example'")
echo "cases: $CASES; parent@northmoor.example's children: $CHILDREN"
"$BIN" serve --db "$DB" --listen 127.0.0.1:$PORT --today 2026-11-25 >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -fs -o /dev/null http://127.0.0.1:$PORT/api/v1/openapi.json && break; sleep 0.1; done

# Sign in through the API (the same sessions table serves the cookie): staff with the demo password
# and a code from the demo's published TOTP key; the parent with a password only.
sign_in() {  # email [totp]
  local body='{"email":"'"$1"'","password":"demo-password-2026"'
  [[ -n "${2:-}" ]] && body+=',"totp":"'"$2"'"'
  curl -fs -H 'Content-Type: application/json' -d "$body}" http://127.0.0.1:$PORT/api/v1/session |
    sed -E 's/.*"token" *: *"([0-9a-f]+)".*/\1/'
}
STAFF=$(sign_in caseworker@northmoor.example "$("$BIN" totp --secret GOLDENTHREADDEMOGOLDENTHREADDEMO)")
PARENT=$(sign_in parent@northmoor.example)

server_cpu() { awk '{ print $14 + $15 }' /proc/"$SERVER"/stat; }  # clock ticks, user + system
audit_rows() { sqlite3 "$DB" "SELECT count(*) FROM audit_log"; }
status() { curl -s -o /dev/null -w '%{http_code} %{size_download} bytes' "$@"; }
run() {  # label, lua script, then environment for the script
  local label=$1 script=$2; shift 2
  local before after
  sleep 1; before=$(audit_rows); local cpu0; cpu0=$(server_cpu)
  echo "== wrk $label ($CONNS connections, $THREADS threads, $DURATION)"
  env "$@" wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s "$script" http://127.0.0.1:$PORT/ |
    tee "$WORK/wrk.out" | sed -n '1,20p'
  local cpu1; cpu1=$(server_cpu); sleep 1; after=$(audit_rows)
  local reqs
  reqs=$(awk '/requests in/ {print $1}' "$WORK/wrk.out")
  echo "server CPU: $(awk -v c=$((cpu1 - cpu0)) -v n="$reqs" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.2f s user+system, %.3f ms a request", c / hz, 1000 * c / hz / n }')"
  echo "audit_log rows: $before before, $after after: $((after - before)) written for $reqs requests"
  sqlite3 "$DB" "SELECT '  ' || count(*) || ' x ' || action || ' ' || subject || ' (' || route || ')'
                 FROM audit_log WHERE rowid > $before GROUP BY action, subject, route ORDER BY 1 DESC"
}

echo "first responses: case page $(status -H "Cookie: gt_session=$STAFF" http://127.0.0.1:$PORT/cases/1);" \
  "case API $(status -H "Authorization: Bearer $STAFF" http://127.0.0.1:$PORT/api/v1/cases/1);" \
  "family page $(status -H "Cookie: gt_session=$PARENT" http://127.0.0.1:$PORT/family/children/${CHILDREN%%,*})"

run "GET /cases/{id} (caseworker, cookie)" bench/wrk/page.lua GT_TOKEN="$STAFF" GT_PATH=/cases/ GT_CASES="$CASES"
run "GET /api/v1/cases/{id} (caseworker, bearer)" bench/wrk/case.lua GT_TOKEN="$STAFF" GT_CASES="$CASES"
run "GET /family/children/{id} (parent, cookie)" bench/wrk/page.lua GT_TOKEN="$PARENT" GT_PATH=/family/children/ GT_IDS="$CHILDREN"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=

if [[ -x $BUILD/sign_in_bench ]]; then
  echo "== sign-in cost (one core)"
  "$BUILD/sign_in_bench"
fi
echo "== machine after: $(uptime)"
