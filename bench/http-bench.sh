#!/usr/bin/env bash
# HTTP benchmark: wrk against the case API on the 20,000-plan demo council, beside nginx serving a
# static file of the same size on the same machine (the ceiling). Everything on 127.0.0.1.
# Usage: bench/http-bench.sh [BUILD_DIR]   (needs wrk and nginx-light: apt-get install wrk nginx-light)
# Prints requests/s and latency percentiles; copy the results into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
BIN=$BUILD/goldthread
WORK=$(mktemp -d)
DB=$WORK/bench.db
PORT=18080
NGINX_PORT=18081
DURATION=${DURATION:-20s}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
cleanup() { [[ -n "${SERVER:-}" ]] && kill "$SERVER" 2>/dev/null; [[ -f $WORK/nginx.pid ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

echo "== building the 20,000-plan demo council"
/usr/bin/time -f "demo build: %e s, %M KiB max RSS" "$BIN" demo --db "$DB" --seed 1 --plans 20000 --today 2026-11-25 >/dev/null
CASES=$(sqlite3 "$DB" "SELECT count(*) FROM cases")
"$BIN" serve --db "$DB" --listen 127.0.0.1:$PORT --today 2026-11-25 >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -fs -o /dev/null http://127.0.0.1:$PORT/api/v1/openapi.json && break; sleep 0.1; done
# Demo staff sign in with the demo password and a code from the demo's published TOTP key.
TOTP=$("$BIN" totp --secret GOLDENTHREADDEMOGOLDENTHREADDEMO)
TOKEN=$(curl -fs -H 'Content-Type: application/json' \
  -d '{"email":"caseworker@northmoor.example","password":"demo-password-2026","totp":"'"$TOTP"'"}' \
  http://127.0.0.1:$PORT/api/v1/session | sed -E 's/.*"token" *: *"([0-9a-f]+)".*/\1/')
export GT_TOKEN=$TOKEN GT_CASES=$CASES

size_case=$(curl -fs -H "Authorization: Bearer $TOKEN" http://127.0.0.1:$PORT/api/v1/cases/1 | wc -c)
size_caseload=$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/caseload?due_within=14" | wc -c)
echo "response sizes: case $size_case bytes, caseload $size_caseload bytes"

echo "== wrk GET /api/v1/cases/{id} ($CONNS connections, $THREADS threads, $DURATION)"
wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s bench/wrk/case.lua http://127.0.0.1:$PORT/ | sed -n '1,20p'
echo "== wrk GET /api/v1/caseload?due_within=14"
wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s bench/wrk/caseload.lua http://127.0.0.1:$PORT/ | sed -n '1,20p'
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=

echo "== nginx ceiling: static files of the same sizes"
mkdir -p "$WORK/www"; chmod 755 "$WORK" "$WORK/www"  # nginx workers run as www-data
head -c "$size_case" /dev/zero | tr '\0' 'x' >"$WORK/www/case.json"
head -c "$size_caseload" /dev/zero | tr '\0' 'x' >"$WORK/www/caseload.json"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
CONF
nginx -c "$WORK/nginx.conf"
sleep 0.5
echo "-- nginx case-sized file"
wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency http://127.0.0.1:$NGINX_PORT/case.json | sed -n '1,20p'
echo "-- nginx caseload-sized file"
wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency http://127.0.0.1:$NGINX_PORT/caseload.json | sed -n '1,20p'
