#!/usr/bin/env bash
# The demo's level above the province (run by Scripts/demo.sh under Scripts/with-postgres.sh,
# which gives a throwaway PostgreSQL in CENTRAL_TEST_PG): a local centre takes the demo's
# ledger and a second example ledger (Hậu Giang, from part of the example inbox), cosigns
# their checkpoints, and prints the report of their region — the city of Cần Thơ after the
# 2025 merger.
# Usage: demo-central.sh BINARY STATE
set -euo pipefail
BIN="$1" STATE="$2"
DB="$CENTRAL_TEST_PG"
SECOND="$STATE-haugiang"
CENTRE="$STATE-centre"
rm -rf "$SECOND" "$CENTRE"
mkdir -p "$CENTRE"

echo "-- a second province's ledger (Hậu Giang, its own origin and key)"
"$BIN" init --with-plan soc-trang-2024 --state-dir "$SECOND" >/dev/null
echo '{"log_origin": "sonoivu.haugiang.example/reformledger"}' > "$SECOND/reformledger.json"
rm -rf "$SECOND/keys" && "$BIN" init --state-dir "$SECOND" >/dev/null
cp -r Examples/inbox/SNV Examples/inbox/BST Examples/inbox/UBND-MX Examples/inbox/DPTTH "$SECOND/inbox/"
"$BIN" serve --once --state-dir "$SECOND" --now 2025-02-01T00:00:00+07:00 2>/dev/null

echo "-- the centre: schema, witness key, the two ledgers registered in region CT"
"$BIN" central init --db "$DB"
WITNESS=$("$BIN" central key --key-file "$CENTRE/witness.key" --name centre.demo.example/reformledger 2>/dev/null)
echo "  witness key: $WITNESS"
"$BIN" central ledger add --db "$DB" --origin "$(head -1 <("$BIN" checkpoint --state-dir "$STATE"))" \
  --key "$("$BIN" checkpoint --public-key --state-dir "$STATE")" --name "Sóc Trăng" --region CT
"$BIN" central ledger add --db "$DB" --origin sonoivu.haugiang.example/reformledger \
  --key "$("$BIN" checkpoint --public-key --state-dir "$SECOND")" --name "Hậu Giang" --region CT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$BIN" central serve --db "$DB" --key-file "$CENTRE/witness.key" --http "127.0.0.1:$PORT" 2>"$CENTRE/serve.log" &
SERVE=$!
trap 'kill $SERVE 2>/dev/null || true; wait $SERVE 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$PORT/v1/key" >/dev/null 2>&1 && break; sleep 0.1; done

echo "-- push both (batches of 500, each with its signed checkpoint; the centre re-chains them)"
"$BIN" push --state-dir "$STATE" --to "http://127.0.0.1:$PORT" --batch 500 | tail -1
"$BIN" push --state-dir "$SECOND" --to "http://127.0.0.1:$PORT" | tail -1
echo "-- the cosigned checkpoint the province keeps, checked against its own log and the centre's key"
sed 's/^/  /' "$STATE/witnessed-checkpoint.txt"
"$BIN" verify --state-dir "$STATE" --checkpoint "$STATE/witnessed-checkpoint.txt" --witness-key "$WITNESS" | grep checkpoint
echo "-- central status, central verify"
"$BIN" central status --db "$DB"
"$BIN" central verify --db "$DB"
echo "-- the region's first-quarter 2024 report (every format in $CENTRE/reports)"
"$BIN" central report --db "$DB" --period 2024-Q1 --region CT --format json,md,html,csv,docx --out "$CENTRE/reports" >/dev/null
sed -n '1,/^## Theo tỉnh/{/^## Theo tỉnh/!p}' "$CENTRE/reports/central-2024-Q1-CT.md" | sed '/^$/d'
awk '/^## Theo tỉnh/{f=1; print; next} /^## /{f=0} f' "$CENTRE/reports/central-2024-Q1-CT.md" | sed '/^$/d'
