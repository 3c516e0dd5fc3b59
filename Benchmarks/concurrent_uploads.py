#!/usr/bin/env python3
"""N uploads of small files at once, each on its own connection, through the API with a
clerk's session cookie (and its CSRF token, as the pages send it). Prints one line:
verdicts received, accepted, wall time, median and slowest answer.

Usage: concurrent_uploads.py BASE_URL AGENCY COOKIE CSRF N"""
import http.client, json, sys, threading, time, urllib.parse, uuid

base, agency, cookie, csrf, n = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
url = urllib.parse.urlsplit(base)
results = [None] * n
ready = threading.Barrier(n)


def upload(i):
    line = {"id": "BENCH-UP-%04d-%s" % (i, uuid.uuid4().hex[:8]), "type": "article.published", "occurred_at": "2024-11-%02d" % (i % 28 + 1),
            "data": {"title": "Tin tải lên đồng thời số %d" % i, "channel": "portal"}}
    boundary = uuid.uuid4().hex
    body = ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dong-thoi-%04d.ndjson\"\r\n\r\n" % (boundary, i)).encode() \
        + (json.dumps(line, ensure_ascii=False) + "\n").encode() + ("\r\n--%s--\r\n" % boundary).encode()
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    ready.wait()
    started = time.perf_counter()
    connection.request("POST", "/api/v1/inbox/" + agency, body,
                       {"Content-Type": "multipart/form-data; boundary=" + boundary, "Cookie": cookie, "X-CSRF-Token": csrf})
    response = connection.getresponse()
    verdict = json.loads(response.read())
    results[i] = (response.status, time.perf_counter() - started, verdict.get("status"))


threads = [threading.Thread(target=upload, args=(i,)) for i in range(n)]
began = time.perf_counter()
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
wall = time.perf_counter() - began
answered = [r for r in results if r is not None]
accepted = sum(1 for status, _, verdict in answered if status == 200 and verdict == "accepted")
times = sorted(t for _, t, _ in answered)
print("%d/%d verdicts, %d accepted, wall %.2f s, median %.0f ms, slowest %.0f ms"
      % (len(answered), n, accepted, wall, times[len(times) // 2] * 1000, times[-1] * 1000))
sys.exit(0 if accepted == n else 1)
