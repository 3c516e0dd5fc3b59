#!/usr/bin/env bash
# The store is sealed: only Sources/LedgerStore may import GRDB (or SQLite), so every other
# layer sees the log through named read models and a write session, never through SQL.
set -euo pipefail
cd "$(dirname "$0")/.."
leaks=$(grep -rlE '^\s*(@testable\s+)?import\s+(GRDB|GRDBSQLite|SQLite3)\b' Sources --include=*.swift | grep -v '^Sources/LedgerStore/' || true)
if [ -n "$leaks" ]; then
  echo "GRDB is imported outside Sources/LedgerStore:" >&2
  echo "$leaks" >&2
  exit 1
fi
echo "layers: GRDB is confined to Sources/LedgerStore"
