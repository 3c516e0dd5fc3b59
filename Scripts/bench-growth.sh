#!/usr/bin/env bash
# How cost grows with the size of the log: the core figures of Scripts/bench.sh, measured
# once each at several sizes (the same generator, C limit and release binary). Usage:
#   Scripts/bench-growth.sh                       # 100k, 1M and 3M events (about 25 min on 2 cores)
#   SIZES="100000 300000" Scripts/bench-growth.sh
# Needs what Scripts/bench.sh needs, and about 4 GB of disk per million events at the largest size.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"100000 1000000 3000000"}
source Benchmarks/prepare.sh

row() { printf '| %9s | %11s | %11s | %5s | %9s | %9s | %9s | %9s | %9s | %8s |\n' "$@"; }

echo
echo "reformledger growth — $(nproc) cores, $(date -u +%Y-%m-%d), one run per figure"
echo
row "events" "C limit/s" "ingest/s" "ratio" "ingest MB" "rebuild s" "rebuild MB" "year rpt s" "verify s" "ledger MB"
row "---------" "-----------" "-----------" "-----" "---------" "---------" "---------" "---------" "---------" "--------"
for N in $SIZES; do
  echo "generating $N events…" >&2
  rm -rf "$WORK/drop" "$WORK/state" "$WORK"/c.db*
  python3 Benchmarks/generate_drop.py "$N" "$WORK/drop"
  read -r rows seconds < <("$WORK/c_limit" "$WORK/c.db" "$WORK/drop/rows.tsv")
  rm -f "$WORK"/c.db*
  c_rate=$(echo "$rows $seconds" | awk '{ printf "%.0f", $1 / $2 }')
  "$BIN" init --state-dir "$WORK/state" --with-plan soc-trang-2024 >/dev/null
  "$BIN" ingest --state-dir "$WORK/state" "$WORK/drop/registry.ndjson" >/dev/null
  read -r ingest_s ingest_kb < <(timed "$BIN" ingest --state-dir "$WORK/state" "$WORK/drop/drop.ndjson")
  rm -f "$WORK/drop/rows.tsv" "$WORK/drop/drop.ndjson"   # disk: the drop is in the ledger now
  read -r rebuild_s rebuild_kb < <(timed "$BIN" rebuild --state-dir "$WORK/state")
  read -r report_s _ < <(timed "$BIN" report --state-dir "$WORK/state" --period 2024 --format json --out "$WORK/out")
  read -r verify_s _ < <(timed "$BIN" verify --state-dir "$WORK/state")
  rate=$(echo "$N $ingest_s" | awk '{ printf "%.0f", $1 / $2 }')
  row "$N" "$c_rate" "$rate" "$(echo "$rate $c_rate" | awk '{ printf "%.2f", $1 / $2 }')" "$((ingest_kb / 1024))" \
      "$rebuild_s" "$((rebuild_kb / 1024))" "$report_s" "$verify_s" "$(( $(stat -c %s "$WORK/state/ledger.sqlite") / 1048576 ))"
done
