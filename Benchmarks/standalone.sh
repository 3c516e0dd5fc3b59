# Sourced by a benchmark run on its own (not from Scripts/bench.sh, which provides these):
# the repository as the working folder, a work folder removed at the end, the release
# binary ($BIN), `timed` and `row`.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
swift build -c release --product reformledger >/dev/null
BIN="$PWD/.build/release/reformledger"
timed() { /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; cat "$WORK/time"; }
row() { printf '| %-44s | %14s | %12s |\n' "$1" "$2" "$3"; }
export REFORMLEDGER_MAX_FILE_BYTES=4000000000
