#!/usr/bin/env python3
"""Recompute the reformledger hash chain with nothing but Python's standard library.

This is the auditor's recipe of README "Verifying the chain yourself", and a second,
independent implementation that the test suite runs against the Swift one.
Usage: verify_chain.py STATE_DIR/ledger.sqlite   (exit 0 intact, 3 broken)
"""
import hashlib, json, sqlite3, sys

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
# A workbook row's sheet: a column of later ledgers, in "source" only when not null.
sheet = "source_sheet" if any(c[1] == "source_sheet" for c in db.execute("PRAGMA table_info(events)")) else "NULL"
prev, expected = bytes(32), 1
for seq, agency, id_, type_, occ, rec, corr, data, sfile, ssha, sline, stored, ssheet in db.execute(
        "SELECT seq, agency, id, type, occurred_at, recorded_at, corrects, data, source_file, source_sha256, "
        f"source_line, hash, {sheet} FROM events ORDER BY seq"):
    record = {"seq": seq, "agency": agency, "id": id_, "type": type_, "occurred_at": occ, "recorded_at": rec,
              "data": json.loads(data), "source": {"file": sfile, "sha256": ssha, "line": sline}}
    if ssheet is not None:
        record["source"]["sheet"] = ssheet
    if corr is not None:
        record["corrects"] = corr
    # RFC 8785 for this data (strings, whole numbers, no floats) is exactly this:
    canonical = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    prev = hashlib.sha256(prev + canonical).digest()
    if seq != expected or prev.hex() != stored:
        print(f"BROKEN at seq {seq}")
        sys.exit(3)
    expected += 1
print(f"OK {expected - 1} events, head {prev.hex()}")
