#!/usr/bin/env bash
# The centre on a real PostgreSQL: Tests/Central/test_central.py drives `push`,
# `central serve` and the other central commands against a throwaway cluster that
# Scripts/with-postgres.sh starts (installing Debian's postgresql when missing) and removes.
# Usage: check-central.sh BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$1"
command -v psql >/dev/null 2>&1 || Scripts/setup.sh postgresql-client
python3 -c 'import cryptography' 2>/dev/null || Scripts/setup.sh python3-cryptography
# The centre's HTML report is read by axe-core in Chromium, as the portal's pages are.
command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || Scripts/setup.sh chromium chromium-driver
python3 -c 'import selenium, axe_core_python' 2>/dev/null || python3 -m pip install -q selenium axe-core-python
REFORMLEDGER_BIN="$binary" Scripts/with-postgres.sh python3 -W ignore::ResourceWarning Tests/Central/test_central.py
