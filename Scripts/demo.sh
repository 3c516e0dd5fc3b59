#!/usr/bin/env bash
# The README's first command: builds reformledger, creates a demo state folder with the
# bundled Sóc Trăng 2024 plan, and ingests the example files that agencies send.
# The demo state lives in ./reformledger-demo and is recreated on every run.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup.sh
swift build
BIN="$PWD/.build/debug/reformledger"
STATE="$PWD/reformledger-demo"
rm -rf "$STATE"

echo "== 1. init with the bundled plan (31 agencies, 12 tasks, 5 targets)"
"$BIN" init --state-dir "$STATE" --with-plan soc-trang-2024

echo
echo "== 2. the agencies' files (one of them, STTTT/sai-mau.json, is wrong on purpose)"
for file in $(find Examples/inbox -type f | sort); do
  "$BIN" ingest --state-dir "$STATE" "$file" || true
done

echo
echo "== 3. dropping the same file again changes nothing"
"$BIN" ingest --state-dir "$STATE" Examples/inbox/BST/bao-soc-trang-quy-1.ndjson

echo
echo "== 4. status and the audit trail of Đài PT-TH (a correction) and UBND Mỹ Xuyên (a retraction)"
"$BIN" status --state-dir "$STATE"
"$BIN" events --state-dir "$STATE" --agency DPTTH
"$BIN" events --state-dir "$STATE" --agency UBND-MX --type event.retracted

echo
echo "== 5. verify the hash chain, in Swift and with the auditor's Python recipe"
"$BIN" verify --state-dir "$STATE"
python3 Scripts/verify_chain.py "$STATE/ledger.sqlite"
echo
echo "The ledger is $STATE/ledger.sqlite; try: sqlite3 $STATE/ledger.sqlite 'SELECT seq, agency, type FROM events LIMIT 5'"
