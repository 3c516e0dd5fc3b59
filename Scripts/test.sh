#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every test
# (domain, storage, ingestion, and the real binary driven as a user would).
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup.sh
swift build --build-tests
# The CLI tests run this binary as real processes.
export REFORMLEDGER_BIN="$PWD/.build/debug/reformledger"
swift test --skip-build
