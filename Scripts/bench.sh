#!/usr/bin/env bash
# Benchmarks of SPEC §11 at a million events. Prints one table of figures; each is the
# median of RUNS runs (INGEST_RUNS for the long ingests). Usage:
#   Scripts/bench.sh                 # N=1000000 events
#   N=100000 RUNS=3 Scripts/bench.sh # smaller, e.g. to see how cost grows
# Needs: a C compiler, libsqlite3-dev and libssl-dev (installed when missing), python3.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
RUNS=${RUNS:-3}
INGEST_RUNS=${INGEST_RUNS:-1}
source Benchmarks/prepare.sh

SECONDS=0
phase() { echo "[$((SECONDS / 60))m$((SECONDS % 60))s] $*" >&2; }
phase "generating $N events…"
python3 Benchmarks/generate_drop.py "$N" "$WORK/drop"
# An inbox folder takes only its agency's events: the daemon gets a one-agency drop of N.
python3 Benchmarks/generate_events.py "$N" BST > "$WORK/bst.ndjson"
BYTES=$(stat -c %s "$WORK/drop/drop.ndjson")

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
fresh_state() {  # a state folder with the plan and the extra agencies
  rm -rf "$1"
  "$BIN" init --state-dir "$1" --with-plan soc-trang-2024 >/dev/null
  "$BIN" ingest --state-dir "$1" "$WORK/drop/registry.ndjson" >/dev/null
}
row() { printf '| %-44s | %14s | %12s |\n' "$1" "$2" "$3"; }

phase "C limit and bare C ($RUNS runs each)…"
# 1. The limit: plain C, same rows, schema, hash and durability, one transaction.
# c_rate PROGRAM DB → the median rate of RUNS runs of a C program on fresh databases.
c_rate() {
  local rates=()
  for _ in $(seq "$RUNS"); do
    rm -f "$2"*
    read -r rows seconds < <("$1" "$2" "$WORK/drop/rows.tsv")
    rates+=("$(echo "$rows $seconds" | awk '{ printf "%.0f", $1 / $2 }')")
  done
  printf '%s\n' "${rates[@]}" | median
}
C_RATE=$(c_rate "$WORK/c_limit" "$WORK/c.db")
# 1b. The bare program: the same rows and chain into one table with only the UNIQUE
# (agency, id) index, no triggers, a commit every 10,000 rows.
BARE_RATE=$(c_rate "$WORK/c_bare" "$WORK/bare.db")

phase "reformledger ingest ($INGEST_RUNS runs)…"
# 2. reformledger ingest (CLI), fresh state each run.
rates=(); rss=()
for _ in $(seq "$INGEST_RUNS"); do
  fresh_state "$WORK/state"
  read -r seconds kb < <(timed "$BIN" ingest --state-dir "$WORK/state" "$WORK/drop/drop.ndjson")
  rates+=("$(echo "$N $seconds" | awk '{ printf "%.0f", $1 / $2 }')"); rss+=("$kb")
done
INGEST_RATE=$(printf '%s\n' "${rates[@]}" | median); INGEST_RSS=$(printf '%s\n' "${rss[@]}" | median)

phase "through the daemon ($INGEST_RUNS runs)…"
# 3. Through the running daemon: drop the file, wait until it is in processed/.
rates=(); rss=()
for _ in $(seq "$INGEST_RUNS"); do
  fresh_state "$WORK/daemon"
  "$BIN" serve --state-dir "$WORK/daemon" --now 2025-01-10T09:00:00+07:00 2>/dev/null &
  pid=$!
  sleep 2
  cp "$WORK/bst.ndjson" "$WORK/daemon/inbox/BST/.year.part"
  start=$(date +%s.%N)
  mv "$WORK/daemon/inbox/BST/.year.part" "$WORK/daemon/inbox/BST/year.ndjson"
  until ls "$WORK"/daemon/processed/BST/*/year.ndjson >/dev/null 2>&1 || ls "$WORK"/daemon/rejected/BST/*.errors.json >/dev/null 2>&1; do sleep 0.2; done
  end=$(date +%s.%N)
  rss+=("$(awk '/VmHWM/ { print $2 }' /proc/$pid/status)")
  kill -TERM $pid; wait $pid || true
  rates+=("$(echo "$N $start $end" | awk '{ printf "%.0f", $1 / ($3 - $2) }')")
done
DAEMON_RATE=$(printf '%s\n' "${rates[@]}" | median); DAEMON_RSS=$(printf '%s\n' "${rss[@]}" | median)

phase "rebuild, reports, verify, latency ($RUNS runs each)…"
# 4. Rebuild of the projections, reports, verify (on the CLI-ingested state).
measure() {  # measure LABEL CMD… → prints a table row with the median seconds and peak RSS
  local label="$1"; shift
  local times=() peaks=()
  for _ in $(seq "$RUNS"); do read -r s kb < <(timed "$@"); times+=("$s"); peaks+=("$kb"); done
  row "$label" "$(printf '%s\n' "${times[@]}" | median) s" "$(( $(printf '%s\n' "${peaks[@]}" | median) / 1024 )) MB"
}

echo
echo "reformledger benchmarks — $N events ($((BYTES / 1048576)) MiB NDJSON), $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "medians of $RUNS runs ($INGEST_RUNS for the ingests)"
echo
row "measure" "figure" "peak RSS"
row "--------------------------------------------" "--------------" "------------"
row "ingest, bare C (one table, UNIQUE, batches)" "$BARE_RATE ev/s" "–"
row "ingest, C limit (same rows, hash, durability)" "$C_RATE ev/s" "–"
row "ingest, reformledger ingest" "$INGEST_RATE ev/s" "$((INGEST_RSS / 1024)) MB"
row "ingest, through the daemon" "$DAEMON_RATE ev/s" "$((DAEMON_RSS / 1024)) MB"
row "ratio ours / C limit (bar >= 0.5)" "$(echo "$INGEST_RATE $C_RATE" | awk '{ printf "%.2f", $1 / $2 }')" "–"
row "ratio ours / bare C (goal >= 0.5)" "$(echo "$INGEST_RATE $BARE_RATE" | awk '{ printf "%.2f", $1 / $2 }')" "–"
measure "rebuild of projections (bar < 10 s)" "$BIN" rebuild --state-dir "$WORK/state"
for period in 2024 2024-Q2; do
  for format in json md html csv docx; do
    measure "report $period $format (bar < 2 s)" "$BIN" report --state-dir "$WORK/state" --period "$period" --format "$format" --out "$WORK/out"
  done
done
phase "reports from tallies, reads beside writes…"
source Benchmarks/reads_beside_writes.sh
measure "verify (chain and report files)" "$BIN" verify --state-dir "$WORK/state"
# 5. Checkpoints and proofs at the head: whole processes, 20 runs each, beside the same
# process doing no tree work (`checkpoint --public-key`: start, configuration, key).
per_run_ms() {  # per_run_ms CMD… → milliseconds per run, mean of 20
  local start; start=$(date +%s%N)
  for _ in $(seq 20); do "$@" >/dev/null; done
  echo $(( ($(date +%s%N) - start) / 20000000 ))
}
HEAD_SEQ=$(sqlite3 "$WORK/state/ledger.sqlite" "SELECT MAX(seq) FROM events")
VERIFY_CP="$WORK/checkpoint.txt"; "$BIN" checkpoint --state-dir "$WORK/state" --size $((HEAD_SEQ / 2)) > "$VERIFY_CP"
row "process start, config and key (no tree)" "$(per_run_ms "$BIN" checkpoint --state-dir "$WORK/state" --public-key) ms" "–"
row "checkpoint at the head (bar < 100 ms)" "$(per_run_ms "$BIN" checkpoint --state-dir "$WORK/state") ms" "–"
row "proof inclusion (goal < 10 ms + start)" "$(per_run_ms "$BIN" proof inclusion --state-dir "$WORK/state" --seq $((HEAD_SEQ / 3))) ms" "–"
row "proof consistency from half the log" "$(per_run_ms "$BIN" proof consistency --state-dir "$WORK/state" --from $((HEAD_SEQ / 2))) ms" "–"
measure "verify --checkpoint (chain + own tree)" "$BIN" verify --state-dir "$WORK/state" --checkpoint "$VERIFY_CP"
fresh_state "$WORK/latency"
row "drop-to-commit latency (bar < 200 ms)" "$(python3 Benchmarks/drop_latency.py "$BIN" "$WORK/latency" 50 | sed 's/.*: //')" "–"
phase "a 50,000-row workbook…"
source Benchmarks/workbook.sh
phase "hostile workbooks…"
BIN="$BIN" WORK="$WORK" bash Benchmarks/hostile_workbooks.sh
phase "the portal under load (wrk, 100 uploads at once)…"
source Benchmarks/portal.sh "$N"
phase "done"
