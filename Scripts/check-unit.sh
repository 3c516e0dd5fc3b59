#!/usr/bin/env bash
# Checks systemd/reformledger.service: `systemd-analyze verify` passes, and the offline
# security exposure is 2.0 or less. Usage: check-unit.sh BINARY (the built reformledger,
# substituted for the installed path because verify checks that ExecStart exists).
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$1"

command -v systemd-analyze >/dev/null 2>&1 || Scripts/setup.sh systemd

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed "s|/opt/reformledger/bin/reformledger|$binary|" systemd/reformledger.service > "$work/reformledger.service"

systemd-analyze verify "$work/reformledger.service"
echo "systemd-analyze verify: OK"

exposure=$(systemd-analyze security --offline=yes "$work/reformledger.service" | sed -n 's/.*Overall exposure level for reformledger.service: \([0-9.]*\).*/\1/p')
echo "systemd-analyze security exposure: $exposure (limit 2.0)"
python3 -c "import sys; sys.exit(0 if float('$exposure') <= 2.0 else 1)"
