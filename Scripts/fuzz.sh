#!/usr/bin/env bash
# Fuzzes one decoder with libFuzzer for SECONDS: Scripts/fuzz.sh TARGET SECONDS
# TARGET: json, csv, envelope, text (or `all`). Builds one instrumented binary
# (swiftc -sanitize=fuzzer,address) from the product's sources and Fuzz/; seeds come from
# Fuzz/corpus/TARGET (committed), new inputs go to .build/fuzz/corpus/TARGET, and a crash
# leaves its input in .build/fuzz/artifacts/ and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${1:?usage: Scripts/fuzz.sh TARGET SECONDS}
SECONDS_TO_RUN=${2:?usage: Scripts/fuzz.sh TARGET SECONDS}
OUT=.build/fuzz
BIN=$OUT/reformledger-fuzz
mkdir -p "$OUT/src" "$OUT/artifacts"

# The harnesses see the domain and the decoders as one module: `import LedgerDomain`
# lines are dropped, everything else is the product's code as it ships.
SOURCES=(Sources/LedgerDomain/*/*.swift Sources/LedgerIngest/Encoding/*.swift
         Sources/LedgerIngest/Formats/CSVParser.swift Sources/LedgerIngest/Formats/CSVRowConverter.swift)
newest=$(ls -t "${SOURCES[@]}" Fuzz/*.swift Fuzz/Targets/*.swift Scripts/fuzz.sh | head -1)
if [ ! -x "$BIN" ] || [ "$newest" -nt "$BIN" ]; then
  rm -f "$OUT"/src/*.swift
  for file in "${SOURCES[@]}"; do sed '/^import LedgerDomain$/d' "$file" > "$OUT/src/$(basename "$(dirname "$file")")-$(basename "$file")"; done
  echo "building $BIN…" >&2
  swiftc -sanitize=fuzzer,address -O -g -parse-as-library -module-name ReformLedgerFuzz \
    "$OUT"/src/*.swift Fuzz/*.swift Fuzz/Targets/*.swift -o "$BIN" 2> "$OUT/build.log" \
    || { cat "$OUT/build.log" >&2; exit 1; }
fi

run() {
  local target=$1
  mkdir -p "$OUT/corpus/$target" "Fuzz/corpus/$target"
  echo "fuzzing $target for $SECONDS_TO_RUN s…" >&2
  FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$BIN" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$target-" \
    "$OUT/corpus/$target" "Fuzz/corpus/$target" 2> "$OUT/$target.log" \
    || { tail -40 "$OUT/$target.log" >&2; echo "fuzz $target: FAILED (input in $OUT/artifacts/)" >&2; return 1; }
  echo "fuzz $target: $(grep -E '^stat::number_of_executed_units' "$OUT/$target.log" | awk '{print $2}') runs, no failure" >&2
}

if [ "$TARGET" = all ]; then
  for target in json csv envelope text; do run "$target"; done
else
  run "$TARGET"
fi
