#!/usr/bin/env bash
# Peak memory of `ingest` on the largest file a clerk may send (64 MiB, the default
# max_file_bytes) in each encoding, against the 200 MB bar of every command. Prints a table.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/prepare.sh
unset REFORMLEDGER_MAX_FILE_BYTES
python3 Benchmarks/generate_max_files.py "$WORK"
printf '| %-16s | %10s | %8s | %14s |\n' "file" "MB" "seconds" "peak MB (≤200)"
for name in max.ndjson max.json max-utf16.json max-1258.csv; do
  rm -rf "$WORK/state"
  "$BIN" init --state-dir "$WORK/state" --with-plan soc-trang-2024 >/dev/null
  mkdir -p "$WORK/BST" && mv "$WORK/$name" "$WORK/BST/$name"
  read -r seconds kb < <(timed "$BIN" ingest --state-dir "$WORK/state" "$WORK/BST/$name")
  mb=$(( $(stat -c %s "$WORK/BST/$name") / 1000000 ))
  peak=$(( kb / 1024 ))
  verdict=$([ "$peak" -le 200 ] && echo ok || echo OVER)
  printf '| %-16s | %10s | %8s | %10s %s |\n' "$name" "$mb" "$seconds" "$peak" "$verdict"
done
