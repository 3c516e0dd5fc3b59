#!/usr/bin/env bash
# The hostile workbooks (Benchmarks/generate_hostile_workbooks.py), each ingested by the
# release binary into a fresh state folder: peak memory and CPU per file beside the
# contract's bound (200 MB for any command; no file may spin the daemon), each refusal's
# code and cell checked; then the daemon stopped by SIGTERM while it reads the largest,
# and the time it took. Run by Scripts/test.sh (CI) and Scripts/bench.sh, or alone:
#   bash Benchmarks/hostile_workbooks.sh
# Exits 1 when a bound is passed or a file gets another verdict.
set -euo pipefail
[ -n "${BIN:-}" ] || source "$(dirname "${BASH_SOURCE[0]}")/standalone.sh"
unset REFORMLEDGER_MAX_FILE_BYTES
python3 Benchmarks/generate_hostile_workbooks.py "$WORK/hostile"
failed=0
cpu() { /usr/bin/time -f "%e %U %M" -o "$WORK/hostile-time" "$@" >"$WORK/hostile-out" 2>&1 || true; tail -1 "$WORK/hostile-time"; }

# file, expected status, expected first code (or -), expected cell (or -)
while read -r name status code cell; do
  rm -rf "$WORK/hw-state"
  "$BIN" init --state-dir "$WORK/hw-state" --with-plan soc-trang-2024 >/dev/null
  read -r seconds user peak < <(cpu "$BIN" ingest --json --state-dir "$WORK/hw-state" --agency UBND-TD "$WORK/hostile/$name")
  verdict=$(python3 - "$WORK/hostile-out" <<'EOF'
import json, sys
text = open(sys.argv[1]).read()
entry = json.loads(text[text.index("{"):])["files"][0]
first = (entry.get("errors") or [{}])[0]
print(entry["status"], first.get("code", "-"), first.get("cell") or "-")
EOF
)
  ok=$(awk -v m="$peak" -v u="$user" 'BEGIN { print (m < 200 * 1024 && u < 10) ? "within" : "OVER" }')
  [ "$verdict" = "$status $code $cell" ] || { ok="WRONG: $verdict"; }
  [ "$ok" = "within" ] || failed=1
  printf '| %-28s | %-44s | %5s s CPU | %4d MB | %s\n' "$name" "$status $code $cell" "$user" "$((peak / 1024))" "$ok"
done <<'LIST'
widest-within-limits.xlsx accepted - -
shared-within-limits.xlsx accepted - -
thousands-of-sheets.xlsx rejected too_large -
thousands-of-parts.xlsx rejected too_large -
past-last-column.xlsx rejected malformed XFE2
huge-shared-index.xlsx rejected malformed A2
old-format.xlsx rejected malformed -
password.xlsx rejected malformed -
endless-cell.xlsx rejected too_large -
at-the-bounds.xlsx accepted - -
column-513.xlsx rejected malformed SS2
row-100001.xlsx rejected too_large -
shared-past-limit.xlsx rejected too_large -
LIST

# SIGTERM while the daemon reads the widest workbook: it stops within seconds, the file
# stays in the inbox, nothing of it is recorded.
rm -rf "$WORK/hw-state"
"$BIN" init --state-dir "$WORK/hw-state" --with-plan soc-trang-2024 >/dev/null
"$BIN" serve --state-dir "$WORK/hw-state" 2>"$WORK/hw-daemon.log" &
daemon=$!
# Started, and the editions due at start-up written (their last line stops changing).
for _ in $(seq 100); do grep -q "started" "$WORK/hw-daemon.log" 2>/dev/null && break; sleep 0.1; done
previous=-1
while [ "$(wc -l <"$WORK/hw-daemon.log")" != "$previous" ]; do previous=$(wc -l <"$WORK/hw-daemon.log"); sleep 1; done
cp "$WORK/hostile/widest-within-limits.xlsx" "$WORK/hw-state/inbox/UBND-TD/.big.tmp"
mv "$WORK/hw-state/inbox/UBND-TD/.big.tmp" "$WORK/hw-state/inbox/UBND-TD/big.xlsx"
sleep 1.5
start=$(date +%s.%N)
kill -TERM "$daemon"
wait "$daemon" || true
stop=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
recorded=$(sqlite3 "$WORK/hw-state/ledger.sqlite" "select count(*) from events where agency = 'UBND-TD'")
ok=$(awk -v s="$stop" 'BEGIN { print (s < 5) ? "within" : "OVER" }')
grep -q "rolled back" "$WORK/hw-daemon.log" && [ -f "$WORK/hw-state/inbox/UBND-TD/big.xlsx" ] && [ "$recorded" -eq 0 ] || { ok="WRONG: recorded $recorded, file $(ls "$WORK/hw-state/inbox/UBND-TD")"; }
[ "$ok" = "within" ] || failed=1
printf '| %-28s | %-44s | %10s s | %7s | %s\n' "SIGTERM while reading" "stops, file stays, nothing recorded" "$stop" "" "$ok (bar 5 s)"
exit "$failed"
