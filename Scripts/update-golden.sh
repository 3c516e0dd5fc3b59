#!/usr/bin/env bash
# Regenerates the committed golden reports (Tests/LedgerReportsTests/Fixtures/golden/expected)
# after an intended change to a renderer or a rule; review `git diff` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
REFORMLEDGER_UPDATE_GOLDEN=1 swift test --filter GoldenReportTests
git status --short Tests/LedgerReportsTests/Fixtures/golden/expected
