#!/usr/bin/env bash
# The portal as its users meet it: Tests/Browser/test_portal_http.py (the security rules
# over HTTP), test_portal_hostile.py (a raced throttle, a flood of logins, big uploads at
# once with the daemon's memory read from /proc, damaged accounts, clients that send
# nothing), test_portal_browser.py (clerk, SNV and auditor in headless Chromium through
# Selenium and Debian's chromium-driver), test_portal_accessibility.py (axe-core on every
# page of every role, a phone-sized screen), then the shipped nginx example in front of a real
# daemon (check-proxy.sh). Installs chromium, chromium-driver and Selenium when missing.
# Usage: check-portal.sh BINARY; SCREENSHOTS=docs saves a PNG of each page there.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$1"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
[ ${#missing[@]} -eq 0 ] || Scripts/setup.sh "${missing[@]}"
# Selenium from PyPI (Debian's build when pip cannot reach it), pointed at Debian's driver.
python3 -c 'import selenium' 2>/dev/null || python3 -m pip install -q selenium 2>/dev/null || Scripts/setup.sh python3-selenium
# axe-core for the accessibility test: PyPI's axe-core-python bundles axe.min.js.
python3 -c 'import axe_core_python' 2>/dev/null || python3 -m pip install -q axe-core-python

export REFORMLEDGER_BIN="$binary"
[ -z "${SCREENSHOTS:-}" ] || SCREENSHOTS=$(cd "$SCREENSHOTS" && pwd)
cd Tests/Browser
python3 -m unittest -v test_portal_http test_portal_hostile test_portal_browser test_portal_accessibility
cd ../..
Scripts/check-proxy.sh "$binary"
