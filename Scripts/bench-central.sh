#!/usr/bin/env bash
# Benchmarks of the centre (CONTRACT §13), outside CI, on a throwaway PostgreSQL with
# fsync on. Prints each figure beside its limit, measured in the same run:
#   1. push: three real ledgers of N events each (default 1,000,000) pushed at once to
#      `central serve` — events per second, beside PostgreSQL's own COPY of the same rows
#      into a table with the same keys (the limit), and one ledger alone;
#   2. reports: LEDGERS ledgers (default 34) of PER events (default 600,000): one pushed for
#      real, the others copied inside PostgreSQL with their tallies (the benchmark may load
#      rows so, to reach ~20 M rows in minutes); a national year report (goal < 2 s) and a
#      regional one (goal < 0.5 s), the median of RUNS, with the peak memory of each.
# Usage: Scripts/bench-central.sh            (N=1000000 LEDGERS=34 PER=600000 RUNS=5)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${CENTRAL_TEST_PG:-}" ]; then
  CENTRAL_PG_FSYNC=on CENTRAL_PG_SETTINGS="-c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min" \
    exec Scripts/with-postgres.sh "$0" "$@"
fi
N=${N:-1000000}
LEDGERS=${LEDGERS:-34}
PER=${PER:-600000}
RUNS=${RUNS:-5}
source Benchmarks/prepare.sh
DB="$CENTRAL_TEST_PG"
ADMIN="$CENTRAL_TEST_PG_ADMIN"
SECONDS=0
phase() { echo "[$((SECONDS / 60))m$((SECONDS % 60))s] $*" >&2; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
row() { printf '| %-58s | %16s | %16s |\n' "$1" "$2" "$3"; }
q() { psql "$ADMIN" -Atq -v ON_ERROR_STOP=1 -c "$1"; }

# ledger NAME COUNT: a state folder of COUNT generated events under its own origin and key.
# The first is ingested; the others copy its ledger.sqlite and get a key of their own.
ledger() {
  local state="$WORK/$1"
  rm -rf "$state"
  if [ ! -f "$WORK/base-$2/ledger.sqlite" ]; then
    python3 Benchmarks/generate_drop.py "$2" "$WORK/drop-$2" >/dev/null
    "$BIN" init --state-dir "$WORK/base-$2" --with-plan soc-trang-2024 >/dev/null
    "$BIN" ingest --state-dir "$WORK/base-$2" "$WORK/drop-$2/registry.ndjson" >/dev/null
    "$BIN" ingest --state-dir "$WORK/base-$2" "$WORK/drop-$2/drop.ndjson" >/dev/null
  fi
  mkdir -p "$state"
  cp "$WORK/base-$2/ledger.sqlite" "$state/"
  echo "{\"log_origin\": \"$1.bench.example/ledger\"}" > "$state/reformledger.json"
  "$BIN" init --state-dir "$state" >/dev/null
  "$BIN" checkpoint --state-dir "$state" >/dev/null   # the tree witness, once, before timing
}

"$BIN" central init --db "$DB"
"$BIN" central key --key-file "$WORK/witness.key" --name bench.example/centre >/dev/null 2>&1
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$BIN" central serve --db "$DB" --key-file "$WORK/witness.key" --http "127.0.0.1:$PORT" >/dev/null 2>"$WORK/serve.log" &
SERVE=$!
trap 'kill $SERVE 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$PORT/v1/key" >/dev/null 2>&1 && break; sleep 0.1; done

phase "three ledgers of $N events…"
for name in p1 p2 p3; do
  ledger "$name" "$N"
  "$BIN" central ledger add --db "$DB" --origin "$name.bench.example/ledger" --key "$("$BIN" checkpoint --public-key --state-dir "$WORK/$name")" \
    --name "$name" --region R1 >/dev/null
done
# Each timed phase starts after a PostgreSQL checkpoint, so that none pays for the writes
# of the one before (a first run saw the lone push slowed 20-fold by the COPY's checkpoint).
q "CHECKPOINT"
phase "pushing the three at once…"
start=$(date +%s.%N)
for name in p1 p2 p3; do /usr/bin/time -f "%M" -o "$WORK/$name.mem" "$BIN" push --state-dir "$WORK/$name" --to "http://127.0.0.1:$PORT" >/dev/null & done
for job in $(jobs -p); do [ "$job" = "$SERVE" ] || wait "$job"; done
end=$(date +%s.%N)
HELD=$(q "SELECT count(*) FROM central_events")
PUSH_RATE=$(echo "$HELD $start $end" | awk '{ printf "%.0f", $1 / ($3 - $2) }')
PUSH_MEM=$(cat "$WORK"/p?.mem | sort -n | tail -1)

phase "PostgreSQL's own COPY of the same rows (the limit)…"
q "COPY (SELECT * FROM central_events) TO '$WORK/rows.copy'" 2>/dev/null || psql "$ADMIN" -Atq -c "\\copy (SELECT * FROM central_events) TO '$WORK/rows.copy'"
q "CREATE TABLE copy_limit (LIKE central_events INCLUDING ALL)"
q "CHECKPOINT"
start=$(date +%s.%N)
psql "$ADMIN" -Atq -c "\\copy copy_limit FROM '$WORK/rows.copy'"
end=$(date +%s.%N)
COPY_RATE=$(echo "$HELD $start $end" | awk '{ printf "%.0f", $1 / ($3 - $2) }')
q "DROP TABLE copy_limit"
q "CHECKPOINT"

phase "one ledger alone…"
ledger p4 "$N"
"$BIN" central ledger add --db "$DB" --origin p4.bench.example/ledger --key "$("$BIN" checkpoint --public-key --state-dir "$WORK/p4")" --name p4 --region R1 >/dev/null
q "CHECKPOINT"
start=$(date +%s.%N)
"$BIN" push --state-dir "$WORK/p4" --to "http://127.0.0.1:$PORT" >/dev/null
end=$(date +%s.%N)
ONE_RATE=$(echo "$N $start $end" | awk '{ printf "%.0f", $1 / ($3 - $2) }')

phase "$LEDGERS ledgers of $PER events: one pushed, the rest copied inside PostgreSQL…"
q "DELETE FROM central_checkpoints; DELETE FROM central_refusals; TRUNCATE central_tallies, central_lineage, central_indicators, central_indicator_keys, central_agencies;
   ALTER TABLE central_events DISABLE TRIGGER central_events_no_change; DELETE FROM central_events;
   ALTER TABLE central_events ENABLE TRIGGER central_events_no_change; DELETE FROM central_ledgers;"
ledger n1 "$PER"
"$BIN" central ledger add --db "$DB" --origin n1.bench.example/ledger --key "$("$BIN" checkpoint --public-key --state-dir "$WORK/n1")" --name "n1" --region R1 >/dev/null
"$BIN" push --state-dir "$WORK/n1" --to "http://127.0.0.1:$PORT" >/dev/null
FIRST=$(q "SELECT id FROM central_ledgers WHERE origin = 'n1.bench.example/ledger'")
for i in $(seq 2 "$LEDGERS"); do
  region="R$(( (i - 1) % 6 + 1 ))"
  q "INSERT INTO central_ledgers (origin, name, region, verifier_key, size, head_hash, frontier, checkpoint, cosigned, checkpoint_at, pushed_at, coordinators)
     SELECT 'n$i.bench.example/ledger', 'n$i', '$region', verifier_key, size, head_hash, frontier, checkpoint, cosigned, checkpoint_at, pushed_at, coordinators
     FROM central_ledgers WHERE origin = 'n1.bench.example/ledger';
     INSERT INTO central_events SELECT (SELECT id FROM central_ledgers WHERE origin = 'n$i.bench.example/ledger'), seq, agency, id, type, occurred_at,
       recorded_at, corrects, data, source_file, source_sha256, source_line, source_sheet, hash FROM central_events WHERE ledger = $FIRST;
     INSERT INTO central_tallies SELECT (SELECT id FROM central_ledgers WHERE origin = 'n$i.bench.example/ledger'), bucket, agency, type, measure, n, a, b
       FROM central_tallies WHERE ledger = $FIRST;
     INSERT INTO central_indicators SELECT (SELECT id FROM central_ledgers WHERE origin = 'n$i.bench.example/ledger'), root, agency, indicator, day, instant,
       seq, numerator, denominator FROM central_indicators WHERE ledger = $FIRST;
     INSERT INTO central_indicator_keys SELECT (SELECT id FROM central_ledgers WHERE origin = 'n$i.bench.example/ledger'), agency, indicator
       FROM central_indicator_keys WHERE ledger = $FIRST;
     INSERT INTO central_agencies SELECT (SELECT id FROM central_ledgers WHERE origin = 'n$i.bench.example/ledger'), code, name, since, until
       FROM central_agencies WHERE ledger = $FIRST;"
done
q "VACUUM ANALYZE"
q "CHECKPOINT"
ROWS=$(q "SELECT count(*) FROM central_events")
TALLIES=$(q "SELECT count(*) FROM central_tallies")
report_time() {  # report_time ARGS… → "median_seconds peak_kb"
  local times=() mem=0
  for _ in $(seq "$RUNS"); do
    read -r t m < <(timed "$BIN" central report --db "$DB" --period 2024 --format json "$@")
    times+=("$t"); [ "$m" -gt "$mem" ] && mem=$m
  done
  echo "$(printf '%s\n' "${times[@]}" | median) $mem"
}
phase "reports ($RUNS runs each)…"
read -r NATIONAL NATIONAL_MEM < <(report_time)
read -r REGIONAL REGIONAL_MEM < <(report_time --region R2)
REGION_LEDGERS=$(q "SELECT count(*) FROM central_ledgers WHERE region = 'R2'")
SERVE_MEM=$(awk '/VmHWM/ { print $2 }' "/proc/$SERVE/status")
kill "$SERVE"; wait "$SERVE" 2>/dev/null || true

echo
echo "Centre benchmark on $(nproc) cores, PostgreSQL $(psql "$ADMIN" -Atq -c 'SHOW server_version') with fsync=on"
row "figure" "measured" "limit / goal"
row "---" "---:" "---:"
row "push, 3 ledgers × $N at once (events/s)" "$PUSH_RATE" "COPY $COPY_RATE; goal ≥ 50000"
row "push, one ledger of $N alone (events/s)" "$ONE_RATE" "COPY $COPY_RATE"
row "peak memory: a push / central serve (KB)" "$PUSH_MEM / $SERVE_MEM" "—"
row "national year report, $LEDGERS × $PER = $ROWS rows, $TALLIES tallies (s)" "$NATIONAL" "< 2"
row "regional year report, $REGION_LEDGERS ledgers (s)" "$REGIONAL" "< 0.5"
row "peak memory: national / regional report (KB)" "$NATIONAL_MEM / $REGIONAL_MEM" "bounded"
