# Sourced by Scripts/bench.sh and Scripts/bench-growth.sh: a work folder, the release
# binary ($BIN), the C limit ($WORK/c_limit), the bare C program ($WORK/c_bare), and `timed`.
if [ -z "${WORK:-}" ]; then  # a folder of our own, removed at the end; a given WORK is kept
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"

Scripts/setup.sh libssl-dev
swift build -c release --product reformledger >/dev/null
BIN="$PWD/.build/release/reformledger"
cc -O2 -Wno-deprecated-declarations Benchmarks/c_limit.c -lsqlite3 -lcrypto -o "$WORK/c_limit"
cc -O2 -Wno-deprecated-declarations -DBARE Benchmarks/c_limit.c -lsqlite3 -lcrypto -o "$WORK/c_bare"
export REFORMLEDGER_MAX_FILE_BYTES=4000000000

timed() {  # timed CMD… → "seconds peak_kb" of the command (GNU time)
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  cat "$WORK/time"
}
