#!/usr/bin/env bash
# The README's first command: builds reformledger, creates a demo state folder with the
# bundled Sóc Trăng 2024 plan, starts the daemon, drops the agencies' example files into
# their inboxes as a clerk would (write under a temporary name, then rename), waits until
# they are processed, shows the result, and stops the daemon with SIGTERM.
# The demo state lives in ./reformledger-demo and is recreated on every run.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup.sh
swift build -c release --product reformledger
BIN="$PWD/.build/release/reformledger"
STATE="$PWD/reformledger-demo"
rm -rf "$STATE"

echo "== 1. init with the bundled plan (31 agencies, 12 tasks, 5 targets)"
"$BIN" init --state-dir "$STATE" --with-plan soc-trang-2024

echo
echo "== 2. start the daemon (log: $STATE/daemon.log)"
"$BIN" serve --state-dir "$STATE" 2>"$STATE/daemon.log" &
DAEMON=$!
trap 'kill -TERM $DAEMON 2>/dev/null || true' EXIT
sleep 1

echo
echo "== 3. agencies drop their files (one of them, STTTT/sai-mau.json, is wrong on purpose)"
count=0
for file in $(cd Examples/inbox && find . -type f | sort); do
  agency=$(dirname "$file" | cut -c3-); name=$(basename "$file")
  cp "Examples/inbox/$file" "$STATE/inbox/$agency/.$name.part"
  mv "$STATE/inbox/$agency/.$name.part" "$STATE/inbox/$agency/$name"
  echo "  dropped inbox/$agency/$name"
  count=$((count + 1))
done
for _ in $(seq 1 100); do
  done_files=$( (find "$STATE/processed" -type f; find "$STATE/rejected" -type f ! -name '*.errors.json') | wc -l)
  [ "$done_files" -ge "$count" ] && break
  sleep 0.1
done
echo
sed -e 's/^[^ ]* //' "$STATE/daemon.log" | cut -c1-160

echo
echo "== 4. status, and why the wrong file was rejected"
"$BIN" status --state-dir "$STATE"
echo
cat "$STATE/rejected/STTTT/sai-mau.json.errors.json"

echo
echo "== 5. the audit trail of Đài PT-TH (with a correction)"
"$BIN" events --state-dir "$STATE" --agency DPTTH

echo
echo "== 6. stop the daemon (SIGTERM) and verify the hash chain, in Swift and with the auditor's Python recipe"
kill -TERM $DAEMON; wait $DAEMON; trap - EXIT
"$BIN" verify --state-dir "$STATE"
python3 Scripts/verify_chain.py "$STATE/ledger.sqlite"
echo
echo "Everything is in $STATE: inbox/, processed/, rejected/ and ledger.sqlite"
echo "(try: sqlite3 $STATE/ledger.sqlite 'SELECT seq, agency, type FROM events ORDER BY seq DESC LIMIT 5')"
