#!/usr/bin/env bash
# A 50,000-row workbook (issue: under 5 s and under 200 MB peak), ingested by the release
# binary into a fresh state folder. Sourced by Scripts/bench.sh (which has $BIN, $WORK,
# `timed`, `row`), or run alone: bash Benchmarks/workbook.sh [ROWS].
set -euo pipefail
[ -n "${BIN:-}" ] || source "$(dirname "${BASH_SOURCE[0]}")/standalone.sh"
python3 -c 'import openpyxl' 2>/dev/null || python3 -m pip install -q openpyxl
ROWS=${1:-${WORKBOOK_ROWS:-50000}}
python3 Benchmarks/generate_workbook.py "$ROWS" "$WORK/book.xlsx"
rm -rf "$WORK/wb-state"
"$BIN" init --state-dir "$WORK/wb-state" --with-plan soc-trang-2024 >/dev/null
read -r seconds peak < <(timed "$BIN" ingest --state-dir "$WORK/wb-state" --agency UBND-TD "$WORK/book.xlsx")
appended=$(sqlite3 "$WORK/wb-state/ledger.sqlite" "select count(*) from events where agency = 'UBND-TD'")
[ "$appended" -eq "$ROWS" ] || { echo "workbook: $appended of $ROWS rows were appended" >&2; exit 1; }
verdict=$(awk -v s="$seconds" -v m="$peak" 'BEGIN { print (s < 5 && m < 200 * 1024) ? "within" : "OVER" }')
row "workbook of $ROWS rows (bar < 5 s, < 200 MB)" "$seconds s $verdict" "$((peak / 1024)) MB"
