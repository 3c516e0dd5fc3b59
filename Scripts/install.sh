#!/usr/bin/env bash
# Installs reformledger as a systemd service (run as root):
#   - builds a release binary and copies it, with its bundled plans, to /opt/reformledger/bin
#   - creates the system user and group `reformledger`
#   - installs systemd/reformledger.service, initialises /var/lib/reformledger (optionally
#     with a bundled plan: PLAN=soc-trang-2024 Scripts/install.sh), enables and starts it.
# Give each agency write access to its inbox with Scripts/grant-inbox.sh (README).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "run as root"; exit 2; }

Scripts/setup.sh
swift build -c release --product reformledger

install -d -m 0755 /opt/reformledger/bin
install -m 0755 .build/release/reformledger /opt/reformledger/bin/reformledger
rm -rf /opt/reformledger/bin/reformledger_LedgerIngest.resources
cp -r .build/release/reformledger_LedgerIngest.resources /opt/reformledger/bin/
cp README.md /opt/reformledger/README.md

getent group reformledger >/dev/null || groupadd --system reformledger
getent passwd reformledger >/dev/null || useradd --system --gid reformledger --home-dir /var/lib/reformledger \
  --no-create-home --shell /usr/sbin/nologin reformledger

install -d -o reformledger -g reformledger -m 0751 /var/lib/reformledger
# umask 027: the ledger is readable by the reformledger group (auditors), not by everyone.
runuser -u reformledger -- sh -c "umask 027; /opt/reformledger/bin/reformledger init --state-dir /var/lib/reformledger ${PLAN:+--with-plan $PLAN}"

install -m 0644 systemd/reformledger.service /etc/systemd/system/reformledger.service
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable --now reformledger.service
  systemctl --no-pager status reformledger.service || true
else
  echo "systemd is not running here; the unit is installed in /etc/systemd/system"
fi
