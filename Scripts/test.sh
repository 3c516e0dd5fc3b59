#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every test
# (domain, storage, ingestion, and the real binary driven as a user would), then checks
# the systemd unit, that LibreOffice and Chromium open the reports, the portal in Chromium
# and behind nginx, and fuzzes each
# decoder briefly.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup.sh
# The auditor's checkpoint recipe needs Python's `cryptography` (Debian's build of it).
python3 -c 'import cryptography' 2>/dev/null || Scripts/setup.sh python3-cryptography
# The workbook tests fill spreadsheets with openpyxl, as a clerk's Excel would (PyPI first,
# Debian's build when pip cannot reach it).
python3 -c 'import openpyxl' 2>/dev/null || python3 -m pip install -q openpyxl 2>/dev/null || Scripts/setup.sh python3-openpyxl
Scripts/check-layers.sh
# The house format (.swift-format), checked before anything is built; warnings are errors
# in every target of ours (Package.swift), so the build below fails on one.
swift format lint --strict --recursive Sources Tests Fuzz Package.swift
# The workbook tests have LibreOffice save a filled template as CSV, as a clerk would.
command -v libreoffice >/dev/null 2>&1 && dpkg -s libreoffice-calc >/dev/null 2>&1 || Scripts/setup.sh libreoffice-calc libreoffice-writer
swift build --build-tests
# The process tests (daemon, SIGKILL on a 200,000-event file) run the optimised binary.
swift build -c release --product reformledger
export REFORMLEDGER_BIN="$PWD/.build/release/reformledger"
swift test --skip-build
Scripts/check-unit.sh "$REFORMLEDGER_BIN"
Scripts/check-reports.sh
# The hostile workbooks, each within the memory bound and refused with its code and cell,
# and the daemon stopping at once under SIGTERM while it reads one.
BIN="$REFORMLEDGER_BIN" WORK=$(mktemp -d) bash Benchmarks/hostile_workbooks.sh
# The portal in real Chromium (clerk, SNV, auditor), its security rules over HTTP, and
# the nginx example in front of it.
Scripts/check-portal.sh "$REFORMLEDGER_BIN"
# Reminders through a real mail agent: msmtp (Debian) into an aiosmtpd sink (PyPI).
Scripts/check-mail.sh "$REFORMLEDGER_BIN"
# The centre on a throwaway PostgreSQL cluster: pushes, cosignatures, reports, and faults.
Scripts/check-central.sh "$REFORMLEDGER_BIN"
# Each decoder's libFuzzer harness for 30 s (long runs: Scripts/fuzz.sh TARGET SECONDS).
Scripts/fuzz.sh all 30
