# Sourced by Scripts/bench.sh after the reports (needs BIN, WORK, RUNS, `row`, `median`,
# `timed` and $WORK/state holding the N-event log). Prints:
#   - the year report from the projection's tallies, a whole process, beside a C program
#     reading the same tallies (its floor) and a process doing no report work;
#   - the latency of a small `reformledger ingest` alone, and while reports run beside it
#     (a long one folding the whole log as of an earlier seq, and year reports at the head
#     one after another): readers never hold back the writer.
cc -O2 Benchmarks/c_tallies.c -lsqlite3 -o "$WORK/c_tallies"
STATE="$WORK/state"
"$BIN" report --state-dir "$STATE" --period 2024 --format json --out "$WORK/out" >/dev/null  # the signer's frontier, once
times=()
for _ in $(seq "$RUNS"); do read -r s _ < <(timed "$BIN" report --state-dir "$STATE" --period 2024 --format json --out "$WORK/out"); times+=("$s"); done
row "year report from tallies (goal <= 0.15 s)" "$(printf '%s\n' "${times[@]}" | median) s" "–"
times=()
for _ in $(seq "$RUNS"); do read -r s _ < <(timed "$WORK/c_tallies" "$STATE/ledger.sqlite" 2024-01-01 2024-12-31 2024); times+=("$s"); done
row "  the same tallies read by C (floor)" "$(printf '%s\n' "${times[@]}" | median) s" "–"

# small_ingests LABEL → the median seconds of 7 ingests of a 20-event file, each new.
INGESTED=0
small_ingests() {
  local times=()
  for _ in $(seq 7); do
    INGESTED=$((INGESTED + 1))
    python3 - "$WORK/small-$INGESTED.ndjson" "$INGESTED" <<'PY'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(20):
        f.write(json.dumps({"id": f"small-{sys.argv[2]}-{i}", "type": "article.published", "agency": "BST", "occurred_at": "2024-06-03",
                            "data": {"title": f"Tin nhỏ {i}", "channel": "zalo"}}, ensure_ascii=False) + "\n")
PY
    local start end
    start=$(date +%s.%N)
    "$BIN" ingest --state-dir "$STATE" "$WORK/small-$INGESTED.ndjson" >/dev/null
    end=$(date +%s.%N)
    times+=("$(echo "$start $end" | awk '{ printf "%.3f", $2 - $1 }')")
  done
  printf '%s\n' "${times[@]}" | median
}
row "small ingest (20 events), alone" "$(small_ingests) s" "–"
HEAD_SEQ=$(sqlite3 "$STATE/ledger.sqlite" "SELECT MAX(seq) FROM events")
(
  # Readers for as long as the ingests last: the as-of report reads the whole log.
  while true; do "$BIN" report --state-dir "$STATE" --period 2024 --through-seq $((HEAD_SEQ - 1000)) --format json >/dev/null 2>&1; done
) &
LONG=$!
(while true; do "$BIN" report --state-dir "$STATE" --period 2024 --format json >/dev/null 2>&1; done) &
HEAD_LOOP=$!
sleep 1
row "small ingest while reports run (goal < 0.1 s)" "$(small_ingests) s" "–"
kill "$LONG" "$HEAD_LOOP" 2>/dev/null; wait "$LONG" "$HEAD_LOOP" 2>/dev/null || true
pkill -f -- "--through-seq $((HEAD_SEQ - 1000))" 2>/dev/null || true
