#!/usr/bin/env python3
"""The auditor's checks of reformledger's signed checkpoints, outside the server.

Standard library plus the `cryptography` package (pip install cryptography, or Debian's
python3-cryptography); nothing is shared with the product's code. Formats: C2SP
tlog-checkpoint inside a C2SP signed-note (Ed25519), RFC 9162 proofs as printed by
`reformledger proof`.

  audit_checkpoint.py checkpoint KEY NOTE [LEDGER]     signature; with LEDGER (a copy of
                                                       ledger.sqlite) also the root at its size
  audit_checkpoint.py inclusion KEY NOTE PROOF LEDGER SEQ
                                                       event SEQ (read from LEDGER) is in
                                                       the tree of NOTE, by PROOF
  audit_checkpoint.py consistency KEY OLD NEW PROOF    the log of NEW extends that of OLD
                                                       (needs no ledger at all)
KEY is the verifier key `name+hexid+base64` (`reformledger checkpoint --public-key`) or a
file holding it; NOTE, OLD, NEW a checkpoint file, or a receipt or report JSON with a
"checkpoint" field. Exit 0 when it holds, 3 when it does not.
"""
import base64, hashlib, json, os, sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from merkle_root import leaf_hashes, mth, records  # noqa: E402


def fail(why):
    print(f"FAILED: {why}")
    sys.exit(3)


def read_text(arg):
    return open(arg, encoding="utf-8").read() if os.path.exists(arg) else arg


def verifier(arg):
    name, key_id, key = read_text(arg).strip().split("+", 2)
    raw = base64.b64decode(key)
    assert raw[0] == 1 and len(raw) == 33, "not an Ed25519 verifier key"
    computed = hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4]
    assert computed.hex() == key_id, "the key id does not match the key"
    return name, computed, Ed25519PublicKey.from_public_bytes(raw[1:])


def checkpoint(key, arg):
    """(origin, size, root) of a note whose signature by `key` verifies."""
    note = read_text(arg)
    if note.lstrip().startswith("{"):
        note = json.loads(note)["checkpoint"]
    name, key_id, public = key
    text, _, signatures = note.rpartition("\n\n")
    text += "\n"
    for line in signatures.splitlines():
        dash, signer, blob = line.split(" ")
        raw = base64.b64decode(blob)
        if dash == "\u2014" and signer == name and raw[:4] == key_id:
            try:
                public.verify(raw[4:], text.encode())
            except InvalidSignature:
                fail(f"{arg}: the signature by {name} does not verify")
            origin, size, root = text.split("\n")[:3]
            return origin, int(size), base64.b64decode(root)
    fail(f"{arg}: no signature by {name}")


def hashes(proof):
    return [bytes.fromhex(h) for h in proof["hashes"]]


def root_from_inclusion(index, size, leaf, path):
    """RFC 9162 §2.1.3.2."""
    if index >= size:
        return None
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = hashlib.sha256(b"\x01" + p + r).digest()
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = hashlib.sha256(b"\x01" + r + p).digest()
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


def consistent(first, second, first_root, second_root, path):
    """RFC 9162 §2.1.4.2."""
    if first == second:
        return not path and first_root == second_root
    if first == 0 or first > second or not path:
        return False
    if first & (first - 1) == 0:  # a power of two: the old root starts the path
        path = [first_root] + path
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = hashlib.sha256(b"\x01" + c + fr).digest()
            sr = hashlib.sha256(b"\x01" + c + sr).digest()
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = hashlib.sha256(b"\x01" + sr + c).digest()
        fn >>= 1
        sn >>= 1
    return fr == first_root and sr == second_root and sn == 0


def main(argv):
    command, key = argv[1], verifier(argv[2])
    if command == "checkpoint":
        origin, size, root = checkpoint(key, argv[3])
        if len(argv) > 4:
            leaves = leaf_hashes(argv[4])
            if size > len(leaves):
                fail(f"the checkpoint is of {size} events; the ledger has {len(leaves)}")
            if mth(leaves[:size]) != root:
                fail(f"the ledger's first {size} events do not have the checkpoint's root")
        print(f"OK {origin} {size} {root.hex()}")
    elif command == "inclusion":
        _, size, root = checkpoint(key, argv[3])
        proof = json.load(open(argv[4]))
        seq = int(argv[6])
        record = next(r for i, r in enumerate(records(argv[5]), 1) if i == seq)
        leaf = hashlib.sha256(b"\x00" + record).digest()
        if proof["tree_size"] != size or proof["leaf_index"] != seq - 1:
            fail("the proof is for another tree size or event")
        if root_from_inclusion(seq - 1, size, leaf, hashes(proof)) != root:
            fail(f"the proof does not put event {seq} in the tree of {size}")
        print(f"OK event {seq} is in the tree of {size} events")
    elif command == "consistency":
        _, old_size, old_root = checkpoint(key, argv[3])
        _, new_size, new_root = checkpoint(key, argv[4])
        proof = json.load(open(argv[5]))
        if (proof["from"], proof["to"]) != (old_size, new_size):
            fail("the proof is for other tree sizes")
        if not consistent(old_size, new_size, old_root, new_root, hashes(proof)):
            fail(f"the log of {new_size} events does not extend the log of {old_size}")
        print(f"OK the log of {new_size} events extends the log of {old_size}")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
