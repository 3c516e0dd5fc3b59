"""Writes one event file of each encoding at the default size limit (64 MiB), the largest
a clerk may send: UTF-8 JSON array, NDJSON, UTF-16 JSON (Excel's "Unicode text" path) and
a Windows-1258 CSV (Excel's plain CSV on Vietnamese Windows). Usage: OUT_DIR"""
import json
import sys
import unicodedata

LIMIT = 64 * 1024 * 1024 - 4096
out = sys.argv[1]


def event(prefix, i):
    return json.dumps({"id": f"{prefix}-{i}", "type": "article.published", "occurred_at": f"2024-0{i % 9 + 1}-1{i % 9}",
                       "data": {"title": f"Tin cải cách hành chính số {i}", "channel": "website"}}, ensure_ascii=False)


def fill(prefix, budget, separator, per_char=1):
    lines, size, i = [], 0, 0
    while True:
        line = event(prefix, i)
        size += (len(line.encode()) + len(separator)) * per_char
        if size > budget:
            return lines
        lines.append(line)
        i += 1


with open(f"{out}/max.ndjson", "w") as f:
    f.write("\n".join(fill("n", LIMIT, "\n")) + "\n")
with open(f"{out}/max.json", "w") as f:
    f.write("[" + ",\n".join(fill("j", LIMIT, ",\n")) + "]\n")
with open(f"{out}/max-utf16.json", "wb") as f:
    f.write(("[" + ",\n".join(fill("u", LIMIT // 2, ",\n")) + "]\n").encode("utf-16"))
rows, size, i = ["id;type;occurred_at;title;channel"], 0, 0
while True:
    row = f"w-{i};article.published;1{i % 9}/0{i % 9 + 1}/2024;Tin cải cách hành chính số {i};website"
    encoded = bytearray()
    for ch in unicodedata.normalize("NFD", row):
        encoded += ch.encode("cp1258", errors="replace")
    size += len(encoded) + 2
    if size > LIMIT:
        break
    rows.append(bytes(encoded))
    i += 1
with open(f"{out}/max-1258.csv", "wb") as f:
    f.write(b"\r\n".join(r if isinstance(r, bytes) else r.encode() for r in rows) + b"\r\n")
