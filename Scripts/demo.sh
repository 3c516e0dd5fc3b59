#!/usr/bin/env bash
# The README's first command. Builds reformledger, creates ./reformledger-demo with the
# bundled Sóc Trăng 2024 plan, drops the agencies' example files into their inboxes the
# way clerks do (temporary name, then rename), and runs the daemon as a drill on
# 10 January 2025 (--now): it ingests the files, then writes the report editions of every
# 2024 period that has closed (quarters, half-year, nine months, year) in json, md, html,
# csv and docx. A last file dropped while it runs shows live pickup; SIGTERM stops it.
# Then a second plan year (an example): the 2025 plan, the districts dissolved, 2025-Q3;
# and a local centre on a throwaway PostgreSQL that takes this ledger and a second one.
# The demo folder is recreated on every run.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup.sh
swift build -c release --product reformledger
BIN="$PWD/.build/release/reformledger"
STATE="$PWD/reformledger-demo"
NOW="2025-01-10T09:00:00+07:00"
rm -rf "$STATE"

echo "== 1. init with the bundled plan (31 agencies, 12 tasks, 5 targets)"
"$BIN" init --state-dir "$STATE" --with-plan soc-trang-2024

drop() {  # drop FILE AGENCY: write under a temporary name, then rename into place
  cp "$1" "$STATE/inbox/$2/.$(basename "$1").part"
  mv "$STATE/inbox/$2/.$(basename "$1").part" "$STATE/inbox/$2/$(basename "$1")"
}

echo
echo "== 2. agencies drop their files (STTTT/sai-mau.json is wrong on purpose)"
for file in $(cd Examples/inbox && find . -type f | sort); do
  agency=$(dirname "$file" | cut -c3-)
  drop "Examples/inbox/$file" "$agency"
  echo "  inbox/$agency/$(basename "$file")"
done

echo
echo "== 2b. portal accounts: BST's clerk, an SNV coordinator, an auditor (passwords read from standard input)"
DEMO_LOGIN="lan.bst" DEMO_PASSWORD="demo-mat-khau-2024"
SNV_LOGIN="snv.demo" SNV_PASSWORD="demo-snv-2024"
AUDIT_LOGIN="kiemtoan.demo" AUDIT_PASSWORD="demo-kiem-toan-2024"
printf '%s\n' "$DEMO_PASSWORD" | "$BIN" user add --state-dir "$STATE" --login "$DEMO_LOGIN" --agency BST --role clerk --password-stdin
printf '%s\n' "$SNV_PASSWORD" | "$BIN" user add --state-dir "$STATE" --login "$SNV_LOGIN" --agency SNV --role coordinator --password-stdin
printf '%s\n' "$AUDIT_PASSWORD" | "$BIN" user add --state-dir "$STATE" --login "$AUDIT_LOGIN" --agency SNV --role auditor --password-stdin
PORTAL="127.0.0.1:8470"

echo
echo "== 3. start the daemon (drill: the clock says $NOW), portal and API on http://$PORTAL; log in $STATE/daemon.log"
"$BIN" serve --state-dir "$STATE" --now "$NOW" --http "$PORTAL" 2>"$STATE/daemon.log" &
DAEMON=$!
trap 'kill -TERM $DAEMON 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  [ -f "$STATE/reports/2024/consolidated-2024-e1.docx" ] && break
  sleep 0.1
done
echo
echo "== 4. a late file, dropped while the daemon runs"
printf '%s\n' '{"id":"BST-2024-099","type":"article.published","occurred_at":"2024-12-30","data":{"title":"Tổng kết năm 2024: công tác tuyên truyền CCHC","channel":"newspaper","outlet":"Báo Sóc Trăng"}}' > "$STATE/late.ndjson"
drop "$STATE/late.ndjson" BST
for _ in $(seq 1 50); do [ -f "$STATE/processed/BST/2025-01/late.ndjson" ] && break; sleep 0.1; done
echo
echo "== 4c. the clerk sends a file through the API and reads the verdict at once"
printf '%s\n' '{"id":"BST-2024-100","type":"article.published","occurred_at":"2024-12-31","data":{"title":"Bài gửi qua cổng thông tin","channel":"radio"}}' > "$STATE/qua-cong.ndjson"
curl -s -u "$DEMO_LOGIN:$DEMO_PASSWORD" -F "file=@$STATE/qua-cong.ndjson" "http://$PORTAL/api/v1/inbox/BST" \
  || echo "(the portal is not listening: is $PORTAL taken? see $STATE/daemon.log)"
echo
echo "== 4d. SNV signs in to the portal, as a browser does, and reads the 2024 dashboard"
JAR="$STATE/.demo-cookies"
TOKEN=$(curl -s -c "$JAR" "http://$PORTAL/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | grep -o '[0-9a-f]\{64\}' || true)
curl -s -o /dev/null -b "$JAR" -c "$JAR" --data "csrf=$TOKEN&login=$SNV_LOGIN&password=$SNV_PASSWORD" "http://$PORTAL/login" || true
curl -s -b "$JAR" "http://$PORTAL/dashboard?period=2024" | grep -o '<h3>[^<]*</h3>' | head -4 | sed 's/<[^>]*>//g; s/^/  /' \
  || echo "(the portal did not answer; see $STATE/daemon.log)"
rm -f "$JAR"
echo
echo "== 4e. the library of models (SNV shared three in inbox/SNV): BST's clerk applies one in two clicks"
JAR="$STATE/.demo-cookies"
TOKEN=$(curl -s -c "$JAR" "http://$PORTAL/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | grep -o '[0-9a-f]\{64\}' || true)
curl -s -o /dev/null -b "$JAR" -c "$JAR" --data "csrf=$TOKEN&login=$DEMO_LOGIN&password=$DEMO_PASSWORD" "http://$PORTAL/login" || true
# Click 1: "Áp dụng mô hình này" opens the form; click 2 confirms it (the day: today unless changed).
TOKEN=$(curl -s -b "$JAR" "http://$PORTAL/initiatives?apply=MH-2023-01" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | grep -o '[0-9a-f]\{64\}' || true)
curl -s -b "$JAR" --data "csrf=$TOKEN&initiative=MH-2023-01&since=2024-03-01" "http://$PORTAL/agency/BST/initiatives/apply" \
  | grep -o '<p class="ok"[^>]*>[^<]*</p>\|<b>Cơ quan đang áp dụng[^<]*</b>[^<]*' | sed 's/<[^>]*>//g; s/^/  /' | head -4 \
  || echo "(the portal did not answer; see $STATE/daemon.log)"
rm -f "$JAR"
kill -TERM $DAEMON; wait $DAEMON; trap - EXIT
sed -e 's/^[^ ]* //' "$STATE/daemon.log" | cut -c1-170

echo
echo "== 4b. a clerk's Excel workbook: the template of UBND-TD, filled in, ingested"
"$BIN" template --state-dir "$STATE" --agency UBND-TD --out "$STATE/mau-bao-cao-UBND-TD.xlsx"
if python3 -c 'import openpyxl' 2>/dev/null; then
  # Filled as a clerk would in Excel: values picked from each cell's drop-down list.
  python3 Tests/EndToEndTests/Workbooks/fill_template.py "$STATE/mau-bao-cao-UBND-TD.xlsx" "$STATE/bao-cao-UBND-TD.xlsx"
  "$BIN" ingest --state-dir "$STATE" --agency UBND-TD "$STATE/bao-cao-UBND-TD.xlsx"
else
  echo "(install openpyxl to fill the template in this demo: python3 -m pip install openpyxl)"
fi
echo "Open the template in Excel or LibreOffice: $STATE/mau-bao-cao-UBND-TD.xlsx"

echo
echo "== 5. status, and why the wrong file was rejected"
"$BIN" status --state-dir "$STATE"
echo
cat "$STATE/rejected/STTTT/sai-mau.json.errors.json"

echo
echo "== 6. verify the hash chain and every report file (and the chain again with the auditor's Python recipe)"
"$BIN" verify --state-dir "$STATE"
python3 Scripts/verify_chain.py "$STATE/ledger.sqlite"

echo
echo "== 6b. a signed checkpoint, a clerk's receipt, and the auditor's checks of both in Python"
"$BIN" checkpoint --state-dir "$STATE" | tee "$STATE/demo-checkpoint.txt"
KEY=$("$BIN" checkpoint --state-dir "$STATE" --public-key)
echo "verifier key: $KEY"
RECEIPT=$(ls "$STATE"/processed/BST/*/*.receipt.json | head -1)
echo "receipt: $RECEIPT"
# The clerk's receipt is a checkpoint too: the log still holds what it acknowledged.
"$BIN" verify --state-dir "$STATE" --checkpoint "$STATE/demo-checkpoint.txt" --checkpoint "$RECEIPT" | grep checkpoint
if python3 -c 'import cryptography' 2>/dev/null; then
  python3 Scripts/audit_checkpoint.py checkpoint "$KEY" "$STATE/demo-checkpoint.txt" "$STATE/ledger.sqlite"
  TREE=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tree_size"])' "$RECEIPT")
  "$BIN" proof consistency --state-dir "$STATE" --from "$TREE" > "$STATE/demo-consistency.json"
  python3 Scripts/audit_checkpoint.py consistency "$KEY" "$RECEIPT" "$STATE/demo-checkpoint.txt" "$STATE/demo-consistency.json"
else
  echo "(install python3-cryptography to run Scripts/audit_checkpoint.py)"
fi

echo
echo "== 6c. the reporting loop: SNV accepts UBND-TD's first-quarter report and returns BST's with a reason"
"$BIN" review --state-dir "$STATE" --period 2024-Q1 --agency UBND-TD --accept
"$BIN" review --state-dir "$STATE" --period 2024-Q1 --agency BST --return --reason "Thiếu số liệu tập huấn quý I"
"$BIN" report --state-dir "$STATE" --period 2024-Q1 --format md --out "$STATE/reports-loop" >/dev/null
grep -E "^\| (BST|UBND-TD) \|" "$STATE/reports-loop/consolidated-2024-Q1.md" | sed 's/^| \([^|]*\) |.*| \([^|]*\) |$/  \1: \2/'
awk '/^## Tình hình gửi báo cáo/{f=1} /^## Mô hình/{f=0} f && /^[|#]/' "$STATE/reports-loop/consolidated-2024-Q1.md"

echo
echo "== 7. back up (safe while the daemon runs) and verify the copy, as the restore drill does"
rm -rf "$STATE-backup"
"$BIN" backup "$STATE-backup" --state-dir "$STATE"

echo
echo "== 7b. a second plan year (an example: Examples/plans/README.md): the 2025 plan, the districts dissolved on 2025-07-01"
# SNV's plan workbook (plan template, filled in), as SNV would drop it in its folder; then 2025's work.
"$BIN" plan template --state-dir "$STATE" --year 2026 --out "$STATE/ke-hoach-2026-mau.xlsx"
"$BIN" ingest --state-dir "$STATE" --agency SNV Examples/plans/ke-hoach-2025-vi-du.xlsx
"$BIN" ingest --state-dir "$STATE" Examples/plans/hoat-dong-2025-vi-du.ndjson
"$BIN" plan list --state-dir "$STATE"
"$BIN" plan show --state-dir "$STATE" KH-TTCCHC-2025-VD
# 2025-Q3: only 2025's tasks (one carried from 2024), no district committee expected, and 2024-Q3 beside it.
"$BIN" report --state-dir "$STATE" --period 2025-Q3 --format md --out "$STATE/reports-2025"
sed -n '/^## /,/^## .*\(Kết quả\|Agencies\)/p' "$STATE/reports-2025/consolidated-2025-Q3.md" | sed -n '1,24p'

echo
echo "== 7c. reminders: 12 March 2025, five days before the 2025-Q1 report is due, to agencies that have not sent it"
# A sendmail stand-in keeps each message in a folder (Examples/mail/); on a server, Postfix's or msmtp's sendmail.
"$BIN" user email --state-dir "$STATE" --login "$DEMO_LOGIN" --email lan@baosoctrang.example >/dev/null
printf '{"reminders": {"before_days": [5, 1], "after_days": [1, 3]}, "mail": {"sendmail": "%s", "from": "snv@soctrang.example", "portal": "https://cchc.soctrang.example"}}\n' \
  "$PWD/Examples/mail/sendmail-to-folder.sh" > "$STATE/reformledger.json"
OUTBOX="$STATE/outbox" "$BIN" serve --once --state-dir "$STATE" --now 2025-03-12T09:00:00+07:00 2>/dev/null
for message in "$STATE"/outbox/*.eml; do
  python3 -c 'import email,email.header,sys; m=email.message_from_binary_file(open(sys.argv[1],"rb")); print("  To:", m["To"]); print("  Subject:", email.header.make_header(email.header.decode_header(m["Subject"])))' "$message"
done
"$BIN" events --state-dir "$STATE" --type reminder.sent --json | grep -o '"id":"reminder-[^"]*"\|"recipients":\[[^]]*\]' | paste -sd' ' | sed 's/^/  log: /'
rm "$STATE/reformledger.json"

echo
echo "== 7d. the level above: a local centre on PostgreSQL takes this ledger and a second one, cosigns, reports the region"
Scripts/with-postgres.sh Scripts/demo-central.sh "$BIN" "$STATE"

echo
echo "== 8. the reports — open them:"
ls "$STATE"/reports/*/consolidated-*.html "$STATE"/reports/*/consolidated-*.docx | sed 's/^/  /'
echo
echo "For example: xdg-open $STATE/reports/2024/consolidated-2024-e1.html"
echo
echo "== 9. the portal — start it again and open it in a browser:"
echo "  $BIN serve --state-dir $STATE --now $NOW --http $PORTAL"
echo "  http://$PORTAL/   sign in as"
echo "    $DEMO_LOGIN / $DEMO_PASSWORD        (clerk of BST: send files, read verdicts, the Excel template, the models: http://$PORTAL/initiatives)"
echo "    $SNV_LOGIN / $SNV_PASSWORD             (SNV: http://$PORTAL/dashboard?period=2024, the plans: http://$PORTAL/plans)"
echo "    $AUDIT_LOGIN / $AUDIT_PASSWORD  (auditor: the trail, a figure's events, verify now)"
echo "  API: curl -u $DEMO_LOGIN:$DEMO_PASSWORD -F file=@FILE http://$PORTAL/api/v1/inbox/BST; http://$PORTAL/api/v1/openapi.json"
