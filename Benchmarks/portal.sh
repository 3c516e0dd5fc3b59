#!/usr/bin/env bash
# The portal under load (issue: on a 1,000,000-event ledger the dashboard answers at p99
# < 100 ms with 32 concurrent connections; 100 concurrent small uploads all get their
# verdict). Builds the ledger with the CLI, lets `serve --once` issue the due editions, then
# serves it and runs wrk (loopback, 4 threads, 32 connections, bounded run) on the
# dashboard and the audit trail, and 100 uploads at once. Sourced by Scripts/bench.sh, or
# alone: bash Benchmarks/portal.sh [EVENTS].
set -euo pipefail
[ -n "${BIN:-}" ] || source "$(dirname "${BASH_SOURCE[0]}")/standalone.sh"
command -v wrk >/dev/null 2>&1 || Scripts/setup.sh wrk
EVENTS=${1:-${PORTAL_EVENTS:-1000000}}
SECONDS_PER_RUN=${WRK_SECONDS:-20}
NOW="2025-01-10T09:00:00+07:00"
state="$WORK/portal-state"
rm -rf "$state" "$WORK/portal-drop"
python3 Benchmarks/generate_drop.py "$EVENTS" "$WORK/portal-drop" >/dev/null
"$BIN" init --state-dir "$state" --with-plan soc-trang-2024 >/dev/null
"$BIN" ingest --state-dir "$state" "$WORK/portal-drop/registry.ndjson" >/dev/null
"$BIN" ingest --state-dir "$state" "$WORK/portal-drop/drop.ndjson" >/dev/null
"$BIN" serve --state-dir "$state" --now "$NOW" --once 2>/dev/null  # issues every due edition now, not under load
printf 'mat-khau-do-tai\n' | "$BIN" user add --state-dir "$state" --login snv --agency SNV --role coordinator --password-stdin >/dev/null
printf 'mat-khau-do-tai\n' | "$BIN" user add --state-dir "$state" --login lan.bst --agency BST --role clerk --password-stdin >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$BIN" serve --state-dir "$state" --now "$NOW" --http "127.0.0.1:$port" 2>"$WORK/portal-daemon.log" &
daemon=$!
for _ in $(seq 1 600); do curl -s -o /dev/null "$base/healthz" && break; sleep 0.1; done
head_seq=$(sqlite3 "$state/ledger.sqlite" "SELECT MAX(seq) FROM events")

session() {  # session LOGIN → "cookie csrf" of a signed-in browser
  local jar="$WORK/jar-$1" token
  token=$(curl -s -c "$jar" "$base/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | grep -o '[0-9a-f]\{64\}')
  curl -s -o /dev/null -b "$jar" -c "$jar" --data "csrf=$token&login=$1&password=mat-khau-do-tai" "$base/login"
  local cookie; cookie="rl_session=$(awk '$6 == "rl_session" { print $7 }' "$jar")"
  local csrf; csrf=$(curl -s -H "Cookie: $cookie" "$base/agency/BST" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | grep -o '[0-9a-f]\{64\}')
  echo "$cookie $csrf"
}
read -r snv_cookie _ < <(session snv)

# The first view of a period builds its report (once per head seq); wrk then measures what
# everyone after gets.
cold=$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $snv_cookie" "$base/dashboard?period=2024")
row "dashboard 2024, first view ($head_seq events)" "$(awk -v t="$cold" 'BEGIN { printf "%.0f ms", t * 1000 }')" "–"
p99() {  # p99 PATH → "p99_ms requests_per_second" from wrk --latency (after one warming view)
  curl -s -o /dev/null -H "Cookie: $snv_cookie" "$base$1"
  wrk -t4 -c32 -d"${SECONDS_PER_RUN}s" --latency -H "Cookie: $snv_cookie" "$base$1" > "$WORK/wrk.txt"
  grep -q "Non-2xx" "$WORK/wrk.txt" && { echo "wrk: answers other than 2xx on $1" >&2; cat "$WORK/wrk.txt" >&2; exit 1; }
  awk '$1 == "99%" { v = $2; if (v ~ /us$/) ms = v / 1000; else if (v ~ /ms$/) ms = v + 0; else ms = v * 1000 }
       $1 == "Requests/sec:" { rps = $2 } END { printf "%.1f %.0f\n", ms, rps }' "$WORK/wrk.txt"
}
read -r dash_p99 dash_rps < <(p99 "/dashboard?period=2024")
row "dashboard p99, 32 connections (bar < 100 ms)" "$dash_p99 ms $(awk -v p="$dash_p99" 'BEGIN { print (p < 100) ? "within" : "OVER" }')" "$dash_rps req/s"
read -r quarter_p99 quarter_rps < <(p99 "/dashboard?period=2024-Q4")
row "dashboard 2024-Q4 p99, 32 connections" "$quarter_p99 ms" "$quarter_rps req/s"
read -r audit_p99 audit_rps < <(p99 "/audit?agency=BST")
row "audit trail (BST, newest 100) p99" "$audit_p99 ms" "$audit_rps req/s"
rss=$(awk '/VmHWM/ { print $2 }' "/proc/$daemon/status")
row "daemon peak RSS after the load" "–" "$((rss / 1024)) MB"

read -r clerk_cookie clerk_csrf < <(session lan.bst)
uploads=$(python3 Benchmarks/concurrent_uploads.py "$base" BST "$clerk_cookie" "$clerk_csrf" 100) || { echo "uploads: $uploads" >&2; exit 1; }
row "100 concurrent uploads, all verdicts" "${uploads%%,*}" "–"
row "  (wall, median, slowest)" "$(sed 's/.*wall \([0-9.]*\) s, median \([0-9]*\) ms, slowest \([0-9]*\) ms/\1 s, \2 ms, \3 ms/' <<<"$uploads")" "–"
kill -TERM "$daemon"; wait "$daemon" || true
