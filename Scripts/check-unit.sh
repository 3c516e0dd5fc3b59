#!/usr/bin/env bash
# Checks the systemd units (systemd/reformledger.service, the daemon, and
# systemd/reformledger-central.service, the centre): `systemd-analyze verify` passes, and
# the offline security exposure of each is 2.0 or less. Usage: check-unit.sh BINARY (the
# built reformledger, substituted for the installed path because verify checks that
# ExecStart exists).
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$1"

command -v systemd-analyze >/dev/null 2>&1 || Scripts/setup.sh systemd

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for unit in reformledger.service reformledger-central.service; do
  sed "s|/opt/reformledger/bin/reformledger|$binary|" "systemd/$unit" > "$work/$unit"
  systemd-analyze verify "$work/$unit"
  echo "systemd-analyze verify $unit: OK"
  exposure=$(systemd-analyze security --offline=yes "$work/$unit" | sed -n "s/.*Overall exposure level for $unit: \([0-9.]*\).*/\1/p")
  echo "systemd-analyze security exposure of $unit: $exposure (limit 2.0)"
  python3 -c "import sys; sys.exit(0 if float('$exposure') <= 2.0 else 1)"
done
