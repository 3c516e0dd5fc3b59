#!/usr/bin/env bash
# Two seals of the layers, checked on the sources:
# - the store is sealed: only Sources/LedgerStore may import GRDB (or SQLite), so every
#   other layer sees the log through named read models and a write session, never SQL;
# - words live in one catalogue, Sources/LedgerDomain/Vocabulary: messages (LocalizedText),
#   labels, the pages' and the reports' words and sentences. Bilingual text written anywhere
#   else — `LocalizedText(`, a `pick(`, an inline `vi ? … : …` or `language == .vi ?` — fails,
#   so that both languages are reviewed in one place.
set -euo pipefail
cd "$(dirname "$0")/.."

# forbid PATTERN ALLOWED_PREFIXES WHAT: fails listing the files outside ALLOWED_PREFIXES (an
# extended regex of path prefixes) that match.
forbid() {
  local found
  found=$(grep -rlE "$1" Sources --include=*.swift | grep -vE "^($2)" || true)
  if [ -n "$found" ]; then
    echo "$3 outside $2:" >&2
    echo "$found" >&2
    exit 1
  fi
  echo "layers: $3 only in $2"
}

forbid '^\s*(@testable\s+)?import\s+(GRDB|GRDBSQLite|SQLite3)\b' 'Sources/LedgerStore/' 'GRDB imported'
forbid 'LocalizedText\(' 'Sources/LedgerDomain/Vocabulary/' 'messages and labels written'
forbid '(\bvi|\.vi|vietnamese) \?|\bpick\(' 'Sources/LedgerDomain/Vocabulary/' 'bilingual text written'
