#!/usr/bin/env python3
"""Drop-to-commit latency of a small file under the running daemon.

Usage: drop_latency.py BINARY STATE_DIR [N]
Starts `reformledger serve` on an initialised STATE_DIR, drops N one-event files into
inbox/BST the way clerks do (temporary name, then rename), and measures the time from the
rename to the moment the event is readable in ledger.sqlite. Prints median and p95 in ms.
"""
import os, sqlite3, statistics, subprocess, sys, time

binary, state = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 50
daemon = subprocess.Popen([binary, "serve", "--state-dir", state], stderr=subprocess.DEVNULL)
try:
    time.sleep(1.5)
    db = sqlite3.connect(f"file:{state}/ledger.sqlite?mode=ro", uri=True)
    inbox = os.path.join(state, "inbox", "BST")
    samples = []
    for i in range(n):
        event_id = f"latency-{os.getpid()}-{i}"
        body = ('{"id":"%s","type":"article.published","occurred_at":"2024-05-01",'
                '"data":{"title":"Tin đo độ trễ","channel":"website"}}\n') % event_id
        temporary, final = os.path.join(inbox, f".{event_id}.part"), os.path.join(inbox, f"{event_id}.ndjson")
        with open(temporary, "w", encoding="utf-8") as f:
            f.write(body)
        start = time.perf_counter()
        os.rename(temporary, final)
        while db.execute("SELECT 1 FROM events WHERE agency = 'BST' AND id = ?", (event_id,)).fetchone() is None:
            if time.perf_counter() - start > 10:
                sys.exit(f"event {event_id} not committed within 10 s")
            time.sleep(0.0005)
        samples.append((time.perf_counter() - start) * 1000)
        time.sleep(0.05)
    samples.sort()
    print(f"drop-to-commit latency over {n} files: median {statistics.median(samples):.1f} ms, "
          f"p95 {samples[int(0.95 * (n - 1))]:.1f} ms, max {samples[-1]:.1f} ms")
finally:
    daemon.terminate()
    daemon.wait(timeout=15)
