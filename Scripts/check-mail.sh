#!/usr/bin/env bash
# Reminders through a real mail transfer agent: Tests/Mail/test_reminders_mta.py has the
# daemon hand its messages to Debian's msmtp (`sendmail -t -i`), which delivers them over
# SMTP to aiosmtpd (PyPI) on a free local port. Installs both when missing.
# Usage: check-mail.sh BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$1"
command -v msmtp >/dev/null 2>&1 || Scripts/setup.sh msmtp
python3 -c 'import aiosmtpd' 2>/dev/null || python3 -m pip install -q aiosmtpd 2>/dev/null || Scripts/setup.sh python3-aiosmtpd
REFORMLEDGER_BIN="$binary" python3 Tests/Mail/test_reminders_mta.py
