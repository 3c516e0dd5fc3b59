#!/usr/bin/env python3
"""The RFC 9162 Merkle tree root of a reformledger log, with Python's standard library only.

Leaf i is the canonical record of event seq i+1 (the bytes the hash chain hashes; see
verify_chain.py); leaf hash SHA-256(0x00 || record), node SHA-256(0x01 || left || right),
split at the largest power of two below the size. A second implementation that shares
nothing with the product's, for the tests and for an auditor.
Usage: merkle_root.py STATE_DIR/ledger.sqlite [SIZE ...]   prints "SIZE ROOT_HEX" per size
"""
import hashlib, json, sqlite3, sys


def records(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    sheet = "source_sheet" if any(c[1] == "source_sheet" for c in db.execute("PRAGMA table_info(events)")) else "NULL"
    for seq, agency, id_, type_, occ, rec, corr, data, sfile, ssha, sline, ssheet in db.execute(
            "SELECT seq, agency, id, type, occurred_at, recorded_at, corrects, data, source_file, source_sha256, "
            f"source_line, {sheet} FROM events ORDER BY seq"):
        record = {"seq": seq, "agency": agency, "id": id_, "type": type_, "occurred_at": occ, "recorded_at": rec,
                  "data": json.loads(data), "source": {"file": sfile, "sha256": ssha, "line": sline}}
        if ssheet is not None:
            record["source"]["sheet"] = ssheet
        if corr is not None:
            record["corrects"] = corr
        yield json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def mth(leaves):
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b"\x01" + mth(leaves[:k]) + mth(leaves[k:])).digest()


def leaf_hashes(path):
    return [hashlib.sha256(b"\x00" + r).digest() for r in records(path)]


if __name__ == "__main__":
    leaves = leaf_hashes(sys.argv[1])
    for size in [int(s) for s in sys.argv[2:]] or [len(leaves)]:
        print(size, mth(leaves[:size]).hex())
