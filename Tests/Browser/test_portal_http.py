"""The portal's security rules (issue item 7) over plain HTTP, against the real daemon:
cookies, CSRF on every form that changes something, the policy headers, escaping, the
sign-in throttle, the size limit before the body, paths that never reach the disk
unchecked, sign-ins in the log; and the API's events and /metrics. Standard library only."""

import http.client
import json
import re
import socket
import time
import unittest
import uuid

from portal_fixture import ACCOUNTS, BAD, GOOD, Portal


class Client:
    """A browser without a browser: keeps cookies, follows no redirect."""

    def __init__(self, portal):
        self.portal = portal
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.portal.port, timeout=30)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % item for item in self.cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";")[0].split("=", 1)
            if "Max-Age=0" in header:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        connection.close()
        return response, data.decode("utf-8", "replace")

    def form(self, path, fields):
        from urllib.parse import urlencode
        return self.request("POST", path, urlencode(fields), {"Content-Type": "application/x-www-form-urlencoded"})

    def multipart(self, path, fields, files):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (boundary, name, value)).encode())
        for name, data in files:
            parts.append(('--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\nContent-Type: application/octet-stream\r\n\r\n'
                          % (boundary, name)).encode() + data + b"\r\n")
        body = b"".join(parts) + ("--%s--\r\n" % boundary).encode()
        return self.request("POST", path, body, {"Content-Type": "multipart/form-data; boundary=" + boundary})

    def csrf(self, path):
        _, page = self.request("GET", path)
        return re.search(r'name="csrf" value="([0-9a-f]{64})"', page).group(1)

    def sign_in(self, login, password=None):
        token = self.csrf("/login")
        return self.form("/login", {"csrf": token, "login": login, "password": password or ACCOUNTS[login][2]})


class PortalSecurity(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.portal = Portal()

    @classmethod
    def tearDownClass(cls):
        cls.portal.stop()

    def test_the_session_cookie_is_httponly_samesite_strict_and_secure_behind_https(self):
        client = Client(self.portal)
        token = client.csrf("/login")
        response, _ = client.form("/login", {"csrf": token, "login": "snv", "password": ACCOUNTS["snv"][2]})
        self.assertEqual(response.status, 303)
        cookie = [c for c in response.headers.get_all("Set-Cookie") if c.startswith("rl_session=")][0]
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Strict", cookie)
        self.assertNotIn("Secure", cookie)
        self.assertRegex(cookie, r"^rl_session=[0-9a-f]{64};")
        # Behind the TLS proxy (X-Forwarded-Proto: https) the cookie is Secure as well.
        other = Client(self.portal)
        token = other.csrf("/login")
        from urllib.parse import urlencode
        response, _ = other.request("POST", "/login", urlencode({"csrf": token, "login": "snv", "password": ACCOUNTS["snv"][2]}),
                                    {"Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-Proto": "https"})
        self.assertIn("Secure", [c for c in response.headers.get_all("Set-Cookie") if c.startswith("rl_session=")][0])
        # Signed out, the old cookie opens nothing.
        stolen = dict(client.cookies)
        csrf = client.csrf("/dashboard")
        response, _ = client.form("/logout", {"csrf": csrf})
        self.assertEqual(response.status, 303)
        replay = Client(self.portal)
        replay.cookies = stolen
        response, _ = replay.request("GET", "/dashboard")
        self.assertEqual((response.status, response.headers["Location"]), (303, "/login"))

    def test_every_form_that_changes_something_needs_its_csrf_token(self):
        # Sign-in: the form's token must match the browser's own rl_login cookie.
        stranger = Client(self.portal)
        response, page = stranger.form("/login", {"csrf": "0" * 64, "login": "snv", "password": ACCOUNTS["snv"][2]})
        self.assertEqual(response.status, 403)
        self.assertIn('data-code="invalid_csrf_token"', page)
        self.assertNotIn("rl_session", stranger.cookies)
        clerk = Client(self.portal)
        clerk.sign_in("lan.bst")
        # Upload without the token: refused, and nothing reaches the inbox rules.
        response, page = clerk.multipart("/agency/BST/upload", {}, [("khong-token.ndjson", GOOD)])
        self.assertEqual(response.status, 403)
        self.assertIn('data-code="invalid_csrf_token"', page)
        response, _ = clerk.multipart("/agency/BST/upload", {"csrf": "f" * 64}, [("khong-token.ndjson", GOOD)])
        self.assertEqual(response.status, 403)
        self.assertNotIn("khong-token", self.portal.run("events", "--agency", "BST"))
        # The session's own token works.
        token = clerk.csrf("/agency/BST")
        response, page = clerk.multipart("/agency/BST/upload", {"csrf": token}, [("co-token.ndjson", GOOD)])
        self.assertEqual(response.status, 200, page[:400])
        # The API by cookie: a write needs the token too (X-CSRF-Token or the csrf field).
        response, body = clerk.multipart("/api/v1/inbox/BST", {}, [("api.ndjson", GOOD)])
        self.assertEqual((response.status, json.loads(body)["error"]["code"]), (403, "invalid_csrf_token"))
        # Sign-out and "verify now" as well.
        auditor = Client(self.portal)
        auditor.sign_in("kiemtoan")
        response, _ = auditor.form("/audit/verify", {"csrf": "1" * 64})
        self.assertEqual(response.status, 403)
        response, _ = auditor.form("/logout", {})
        self.assertEqual(response.status, 403)
        response, _ = auditor.request("GET", "/audit")
        self.assertEqual(response.status, 200, "a refused sign-out leaves the session")

    def test_pages_carry_the_policy_no_script_no_inline_style_and_escape_every_value(self):
        # An event whose text is markup: accepted as data, shown as text.
        hostile = (b'{"id":"BST-XSS-1","type":"article.published","occurred_at":"2024-12-01","data":'
                   b'{"title":"<script>alert(1)</script><img src=x onerror=alert(2)>","channel":"radio"}}\n')
        clerk = Client(self.portal)
        clerk.sign_in("lan.bst")
        token = clerk.csrf("/agency/BST")
        response, page = clerk.multipart("/agency/BST/upload", {"csrf": token}, [("<i>ten<i>.ndjson", hostile)])
        self.assertEqual(response.status, 200, re.sub(r"(?s).*<main>", "", page)[:1500])
        self.assertNotIn("<i>ten", page)
        self.assertIn("&lt;i&gt;ten&lt;i&gt;.ndjson", page)
        auditor = Client(self.portal)
        auditor.sign_in("kiemtoan")
        _, trail = auditor.request("GET", "/audit?q=BST-XSS-1")
        seq = re.search(r'<tr data-seq="(\d+)">', trail).group(1)
        for path in ["/login", "/audit?q=BST-XSS-1", "/audit/event/" + seq, "/dashboard?period=2024", "/agency/BST", "/audit/verify",
                     "/audit/trace?period=2024&figure=total.articles", "/dashboard/agency/BST?period=2024"]:
            response, page = auditor.request("GET", path)
            self.assertEqual(response.status, 200, path)
            policy = response.headers["Content-Security-Policy"]
            self.assertIn("default-src 'none'", policy)
            self.assertIn("script-src 'self'", policy)
            self.assertNotIn("unsafe-inline", policy)
            self.assertEqual(response.headers["X-Content-Type-Options"], "nosniff")
            self.assertEqual(response.headers["X-Frame-Options"], "DENY")
            self.assertNotIn("<script", page, path)
            self.assertNotRegex(page, r"<[^>]+\sstyle=", path)
            self.assertNotRegex(page, r"<[^>]+\son\w+=", path)
            self.assertNotIn("<img", page, path)
        _, detail = auditor.request("GET", "/audit/event/" + seq)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", detail)

    def test_a_login_that_fails_five_times_waits_even_with_the_right_password(self):
        client = Client(self.portal)
        for _ in range(5):
            response, page = client.sign_in("thu.sai", "sai-mat-khau")
            self.assertEqual(response.status, 401)
            self.assertIn('data-code="sign_in_failed"', page)
        response, page = client.sign_in("thu.sai")
        self.assertEqual(response.status, 429)
        self.assertTrue(response.headers["Retry-After"].isdigit())
        self.assertNotIn("rl_session", client.cookies)
        # Another login is not held up, and sign-ins and failures are in the log.
        response, _ = Client(self.portal).sign_in("kiemtoan")
        self.assertEqual(response.status, 303)
        log = self.portal.daemon_log()
        self.assertRegex(log, r"sign-in failed.*login=thu.sai|login=thu.sai.*sign-in failed")
        self.assertIn("signed in", log)
        self.assertIn("login=kiemtoan", log)

    def test_an_upload_larger_than_allowed_is_refused_before_its_body_is_read(self):
        clerk = Client(self.portal)
        clerk.sign_in("lan.bst")
        token = clerk.csrf("/agency/BST")
        with socket.create_connection(("127.0.0.1", self.portal.port), timeout=10) as s:
            cookie = "; ".join("%s=%s" % item for item in clerk.cookies.items())
            s.sendall(("POST /agency/BST/upload HTTP/1.1\r\nHost: x\r\nCookie: %s\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                       "Content-Length: 900000000\r\n\r\n" % cookie).encode())
            started = time.time()
            answer = s.recv(65536).decode("utf-8", "replace")
        self.assertTrue(answer.startswith("HTTP/1.1 413"), answer[:200])
        self.assertLess(time.time() - started, 10)
        self.assertIn("payload_too_large", answer)
        self.assertTrue(token)

    def test_no_path_from_a_request_reaches_the_disk_unchecked(self):
        snv = Client(self.portal)
        snv.sign_in("snv")
        for path in ["../ledger.sqlite", "2024/../../ledger.sqlite", "/etc/passwd", "2024/consolidated-2024-e9.docx", "..%2Faccounts.json"]:
            response, page = snv.request("GET", "/reports/file?path=" + path)
            self.assertEqual(response.status, 404, path)
        response, _ = snv.request("GET", "/reports/file?path=2024/consolidated-2024-e1.docx")
        self.assertEqual(response.status, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        # An uploaded name keeps only its last part.
        clerk = Client(self.portal)
        clerk.sign_in("lan.bst")
        token = clerk.csrf("/agency/BST")
        response, page = clerk.multipart("/agency/BST/upload", {"csrf": token}, [("../../../tmp/thoat.ndjson", BAD)])
        self.assertEqual(response.status, 422)
        import os
        self.assertTrue(os.path.exists(os.path.join(self.portal.state, "rejected", "BST", "thoat.ndjson")))
        for bad in ["/agency/..%2F..%2Fetc/upload", "/audit/event/..%2F1", "/agency/bst"]:
            response, _ = clerk.request("GET", bad)
            self.assertIn(response.status, (403, 404), bad)

    def test_a_bad_query_or_form_gets_its_reason_in_words(self):
        snv = Client(self.portal)
        snv.sign_in("snv")
        for path, status, code in [("/dashboard?period=2024-Q7", 404, "unknown_period"), ("/audit?from=32/01/2024", 400, "invalid_query"),
                                   ("/audit?type=bai-viet", 400, "invalid_query"), ("/audit/trace?period=2024&figure=total.tweets", 404, "not_found"),
                                   ("/audit/trace?figure=total.articles", 404, "unknown_period"), ("/audit/event/999999", 404, "not_found"),
                                   ("/dashboard/agency/KHONGCO?period=2024", 404, "unknown_agency"), ("/agency/KHONGCO", 404, "unknown_agency")]:
            response, page = snv.request("GET", path)
            self.assertEqual(response.status, status, path)
            self.assertIn('data-code="%s"' % code, page, path)
            self.assertIn('lang="vi"', page)
        token = snv.csrf("/agency/BST")
        response, page = snv.multipart("/agency/BST/upload", {"csrf": token}, [])
        self.assertEqual(response.status, 400)
        self.assertIn('data-code="no_file_chosen"', page)
        # A body of another kind carries no token where a form would: refused before
        # anything is read; with the token in X-CSRF-Token it is a malformed upload.
        response, page = snv.request("POST", "/agency/BST/upload", "x", {"Content-Type": "text/plain"})
        self.assertEqual(response.status, 403)
        self.assertIn('data-code="invalid_csrf_token"', page)
        response, page = snv.request("POST", "/agency/BST/upload", "x", {"Content-Type": "text/plain", "X-CSRF-Token": token})
        self.assertEqual(response.status, 400)
        self.assertIn('data-code="malformed_upload"', page)

    def test_roles_open_only_their_pages(self):
        clerk = Client(self.portal)
        clerk.sign_in("lan.bst")
        for path in ["/dashboard", "/audit", "/audit/verify", "/agency/STTTT", "/reports/file?path=2024/consolidated-2024-e1.docx",
                     "/agency/STTTT/template.xlsx"]:
            response, page = clerk.request("GET", path)
            self.assertEqual(response.status, 403, path)
            self.assertIn("forbidden_agency", page)
        token = clerk.csrf("/agency/BST")
        response, page = clerk.multipart("/agency/STTTT/upload", {"csrf": token}, [("x.ndjson", GOOD)])
        self.assertEqual(response.status, 403)
        self.assertFalse(__import__("os").path.exists(__import__("os").path.join(self.portal.state, "rejected", "STTTT", "x.ndjson")))
        connection = http.client.HTTPConnection("127.0.0.1", self.portal.port, timeout=30)
        connection.request("GET", "/agency/BST/template.xlsx", headers={"Cookie": "rl_session=" + clerk.cookies["rl_session"]})
        response = connection.getresponse()
        workbook = response.read()
        connection.close()
        self.assertEqual(response.status, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        self.assertIn('filename="mau-BST.xlsx"', response.headers["Content-Disposition"])
        import io
        import openpyxl
        sheets = openpyxl.load_workbook(io.BytesIO(workbook)).sheetnames
        self.assertIn("Tin, bài", " ".join(sheets))
        auditor = Client(self.portal)
        auditor.sign_in("kiemtoan")
        token = auditor.csrf("/audit")
        response, page = auditor.multipart("/agency/BST/upload", {"csrf": token}, [("x.ndjson", GOOD)])
        self.assertEqual(response.status, 403)
        self.assertIn("read_only_role", page)
        # A disabled account is out at its next request.
        self.portal.run("user", "disable", "--login", "kiemtoan")
        response, _ = auditor.request("GET", "/audit")
        self.assertEqual((response.status, response.headers["Location"]), (303, "/login"))
        self.portal.run("user", "passwd", "--login", "kiemtoan", "--password-stdin", stdin=ACCOUNTS["kiemtoan"][2] + "\n")

    def test_snv_reads_each_plan_and_sends_back_the_plan_workbook(self):
        import io
        import datetime
        import openpyxl
        snv = Client(self.portal)
        snv.sign_in("snv")
        response, page = snv.request("GET", "/plans")
        self.assertEqual(response.status, 200)
        self.assertIn('href="/plans/KH-TTCCHC-2024"', page)
        self.assertIn("12 nhiệm vụ", page)
        response, page = snv.request("GET", "/plans/KH-TTCCHC-2024")
        self.assertEqual(response.status, 200)
        self.assertEqual(page.count("<tr><td><b>KH2024-"), 12)
        self.assertIn('class="s-', page)
        response, page = snv.request("GET", "/plans/KH-KHONG-CO")
        self.assertEqual(response.status, 404)
        response, _ = snv.request("GET", "/plans/template.xlsx?year=abc")
        self.assertEqual(response.status, 404)
        # The workbook, filled as SNV would and sent on SNV's own page, adopts the plan.
        connection = http.client.HTTPConnection("127.0.0.1", self.portal.port, timeout=30)
        connection.request("GET", "/plans/template.xlsx?year=2025", headers={"Cookie": "rl_session=" + snv.cookies["rl_session"]})
        response = connection.getresponse()
        workbook = response.read()
        connection.close()
        self.assertEqual(response.status, 200)
        self.assertIn('filename="ke-hoach-2025.xlsx"', response.headers["Content-Disposition"])
        book = openpyxl.load_workbook(io.BytesIO(workbook))
        plan, tasks = book["Kế hoạch"], book["Nhiệm vụ"]
        plan["C3"], plan["D3"], plan["E3"], plan["F3"] = datetime.date(2025, 1, 6), "KH-TTCCHC-2025", "Kế hoạch năm 2025 <b>", 2025
        tasks["C3"], tasks["D3"], tasks["E3"], tasks["F3"] = datetime.date(2025, 1, 6), "KH2025-01", "Nhiệm vụ mới", "KH-TTCCHC-2025"
        tasks["G3"], tasks["I3"], tasks["J3"] = "SNV — Sở Nội vụ", "03/2025", "06/2025"
        out = io.BytesIO()
        book.save(out)
        token = snv.csrf("/agency/SNV")
        response, page = snv.multipart("/agency/SNV/upload", {"csrf": token}, [("ke-hoach-2025.xlsx", out.getvalue())])
        self.assertEqual(response.status, 200, page[:2000])
        response, page = snv.request("GET", "/plans/KH-TTCCHC-2025")
        self.assertEqual(response.status, 200)
        self.assertIn("Kế hoạch năm 2025 &lt;b&gt;", page)
        self.assertIn("KH2025-01", page)

    def test_the_library_of_models_and_a_clerks_apply_from_it(self):
        clerk = Client(self.portal)
        clerk.sign_in("lan.bst")
        response, page = clerk.request("GET", "/initiatives")
        self.assertEqual(response.status, 200)
        self.assertEqual(page.count('class="card initiative"'), 3)
        self.assertIn('href="/initiatives?apply=MH-2023-01#mh-MH-2023-01"', page)
        self.assertIn("UBND huyện Trần Đề", page, "the origin by name")
        token = clerk.csrf("/initiatives?apply=MH-2023-01")
        response, page = clerk.form("/agency/BST/initiatives/apply", {"initiative": "MH-2023-01", "since": "2024-03-01"})
        self.assertEqual(response.status, 403, "no token, no write")
        response, page = clerk.form("/agency/BST/initiatives/apply", {"csrf": token, "initiative": "MH-KHONG-CO"})
        self.assertEqual(response.status, 422)
        self.assertIn("MH-KHONG-CO", page)
        self.assertIn("chưa được Sở Nội vụ chia sẻ", page)
        response, page = clerk.form("/agency/BST/initiatives/apply",
                                    {"csrf": token, "initiative": "MH-2023-01", "since": "2024-03-01", "result": "<b>nhanh hơn</b>"})
        self.assertEqual(response.status, 200, page[:1500])
        self.assertIn('id="applied"', page)
        self.assertIn("Báo Sóc Trăng (BST, từ 01/03/2024)", page)
        self.assertNotIn("<b>nhanh hơn</b>", page)
        response, _ = clerk.form("/agency/STTTT/initiatives/apply", {"csrf": token, "initiative": "MH-2023-01"})
        self.assertEqual(response.status, 403, "only for her own agency")
        stored = json.loads(self.portal.run("events", "--agency", "BST", "--type", "initiative.applied", "--json"))
        self.assertEqual([(e["data"]["initiative"], e["data"]["since"], e["data"]["result"]) for e in stored],
                         [("MH-2023-01", "2024-03-01", "<b>nhanh hơn</b>")])
        self.assertTrue(stored[0]["source"]["file"].startswith("ap-dung-"))
        report = json.loads(self.portal.run("report", "--period", "2024-Q1", "--format", "json"))
        self.assertEqual(report["initiatives"]["by_initiative"][0]["applied_by"], ["BST"])
        # SNV reads the library; applying is for an agency's clerk (the auditor account is
        # disabled by test_roles_open_only_their_pages, which runs first).
        snv = Client(self.portal)
        snv.sign_in("snv")
        response, page = snv.request("GET", "/initiatives")
        self.assertEqual(response.status, 200)
        self.assertNotIn('id="apply-', page, "SNV reads, applies nothing here")

    def test_a_clerk_enters_an_article_in_the_browser(self):
        clerk = Client(self.portal)
        clerk.sign_in("lan.bst")
        response, page = clerk.request("GET", "/agency/BST/entry?form=article.published")
        self.assertEqual(response.status, 200)
        self.assertIn('<label for="f-title">', page)
        self.assertIn('<select id="f-channel" name="channel"', page)
        response, page = clerk.request("GET", "/agency/BST/entry?form=survey.submitted:awareness")
        self.assertIn('name="respondents"', page)
        self.assertNotIn('name="kind"', page, "the survey's kind is the form's own")
        before = json.loads(self.portal.run("report", "--period", "2024-Q4", "--format", "json"))
        articles = next(a for a in before["agencies"] if a["code"] == "BST")["articles"]["total"]
        token = clerk.csrf("/agency/BST/entry")
        response, page = clerk.form("/agency/BST/entry", {"csrf": token, "entry_form": "article.published", "occurred_at": "2024-11-05",
                                                          "title": "", "channel": "khong-co"})
        self.assertEqual(response.status, 422)
        self.assertIn('id="entry-errors"', page)
        self.assertIn('aria-describedby="f-title-error"', page)
        self.assertIn('id="f-channel-error"', page)
        response, page = clerk.form("/agency/BST/entry", {"csrf": token, "entry_form": "article.published", "occurred_at": "2024-11-05",
                                                          "title": "Tọa đàm \"CCHC\" <trực tuyến>", "channel": "radio", "id": ""})
        self.assertEqual(response.status, 200, page[-2000:])
        self.assertIn('id="entered"', page)
        events = json.loads(self.portal.run("events", "--agency", "BST", "--type", "article.published", "--json"))
        entered = [e for e in events if e["data"]["title"] == "Tọa đàm \"CCHC\" <trực tuyến>"]
        self.assertEqual(len(entered), 1)
        self.assertTrue(entered[0]["id"].startswith("WEB-"))
        self.assertTrue(entered[0]["source"]["file"].startswith("nhap-") and entered[0]["source"]["file"].endswith(".csv"))
        self.assertEqual(entered[0]["source"]["line"], 2)
        after = json.loads(self.portal.run("report", "--period", "2024-Q4", "--format", "json"))
        self.assertEqual(next(a for a in after["agencies"] if a["code"] == "BST")["articles"]["total"], articles + 1)
        response, _ = clerk.form("/agency/STTTT/entry", {"csrf": token, "entry_form": "article.published", "occurred_at": "2024-11-05",
                                                         "title": "x", "channel": "radio"})
        self.assertEqual(response.status, 403, "only for her own agency")

    def test_a_comment_at_and_past_its_bound(self):
        clerk = Client(self.portal)
        clerk.sign_in("lan.bst")
        token = clerk.csrf("/agency/BST?period=2024-H1")
        response, _ = clerk.form("/agency/BST/comments", {"csrf": token, "period": "2024-H1", "text": "a" * 4000})
        self.assertEqual(response.status, 303, "4,000 characters, the bound of a text, are taken")
        response, page = clerk.form("/agency/BST/comments", {"csrf": token, "period": "2024-H1", "text": "b" * 4001})
        self.assertEqual(response.status, 422)
        self.assertIn('id="refused"', page)
        self.assertIn("data.text", page)
        response, page = clerk.form("/agency/BST/comments", {"csrf": token, "period": "2024-H1", "text": ""})
        self.assertEqual(response.status, 422, "an empty comment is refused, not recorded")
        response, _ = clerk.form("/agency/BST/comments", {"csrf": token, "period": "2024-H1", "text": "c" * 17000})
        self.assertEqual(response.status, 413, "a form past 16 KiB is refused before it is read")
        comments = json.loads(self.portal.run("events", "--agency", "BST", "--type", "comment.posted", "--json"))
        lengths = sorted(len(c["data"]["text"]) for c in comments if c["data"]["period"] == "2024-H1")
        self.assertEqual(lengths, [4000])

    def test_a_form_sent_twice_records_once(self):
        clerk = Client(self.portal)
        clerk.sign_in("lan.bst")
        token = clerk.csrf("/agency/BST?period=2024-Q4")
        for _ in range(2):
            response, _ = clerk.form("/agency/BST/comments", {"csrf": token, "period": "2024-Q4", "text": "Gửi hai lần do bấm đúp"})
            self.assertEqual(response.status, 303)
        comments = json.loads(self.portal.run("events", "--agency", "BST", "--type", "comment.posted", "--json"))
        self.assertEqual([c["data"]["text"] for c in comments].count("Gửi hai lần do bấm đúp"), 1)
        # An activity has a field named "form" (its kind) beside the page's own choice of form.
        fields = {"csrf": token, "entry_form": "activity.held", "occurred_at": "2024-11-20", "form": "training",
                  "title": "Hội nghị gửi hai lần", "id": ""}
        statuses = []
        for _ in range(2):
            response, page = clerk.form("/agency/BST/entry", fields)
            statuses.append(response.status)
            self.assertIn('id="entered"', page, page[-1500:])
        self.assertEqual(statuses, [200, 200])
        self.assertIn("Đã có trong sổ", page, "the second send is a duplicate, said so")
        held = json.loads(self.portal.run("events", "--agency", "BST", "--type", "activity.held", "--json"))
        same = [e for e in held if e["data"]["title"] == "Hội nghị gửi hai lần"]
        self.assertEqual(len(same), 1)
        self.assertEqual(same[0]["data"]["form"], "training")

    def test_the_api_lists_events_and_metrics_count_what_happened(self):
        import base64
        auth = {"Authorization": "Basic " + base64.b64encode(("snv:" + ACCOUNTS["snv"][2]).encode()).decode()}
        client = Client(self.portal)
        response, body = client.request("GET", "/api/v1/events?agency=UBND-MX&limit=2", headers=auth)
        self.assertEqual(response.status, 200)
        page = json.loads(body)
        self.assertEqual(len(page["events"]), 2)
        self.assertTrue(all(e["agency"] == "UBND-MX" for e in page["events"]))
        self.assertGreater(page["events"][0]["seq"], page["events"][1]["seq"])
        response, body = client.request("GET", "/api/v1/events?agency=UBND-MX&limit=2&before=%d" % page["next_before"], headers=auth)
        self.assertLess(json.loads(body)["events"][0]["seq"], page["events"][1]["seq"])
        cli = json.loads(self.portal.run("events", "--agency", "UBND-MX", "--json"))
        self.assertEqual(set(page["events"][0].keys()), set(cli[0].keys()))
        self.assertIn(page["events"][0], cli)
        response, body = client.request("GET", "/api/v1/events?from=31/02/2024", headers=auth)
        self.assertEqual((response.status, json.loads(body)["error"]["code"]), (400, "invalid_query"))
        clerk = {"Authorization": "Basic " + base64.b64encode(("lan.bst:" + ACCOUNTS["lan.bst"][2]).encode()).decode()}
        response, _ = client.request("GET", "/api/v1/events", headers=clerk)
        self.assertEqual(response.status, 403)
        response, metrics = client.request("GET", "/metrics")
        self.assertEqual(response.status, 200)
        self.assertIn("text/plain", response.headers["Content-Type"])
        head = self.portal.status()["head"]["seq"]
        self.assertRegex(metrics, r"(?m)^reformledger_head_seq %s(\.0)?$" % head)
        self.assertRegex(metrics, r'(?m)^reformledger_files_total\{agency="UBND-MX",outcome="accepted"\} 1$')
        self.assertRegex(metrics, r'(?m)^reformledger_files_total\{agency="STTTT",outcome="rejected"\} 1$')
        self.assertRegex(metrics, r'(?m)^reformledger_events_appended_total\{agency="UBND-MX"\} [1-9]')
        self.assertRegex(metrics, r"(?m)^reformledger_inbox_backlog_files 0(\.0)?$")
        self.assertRegex(metrics, r"(?m)^reformledger_last_report_seq [1-9]")
        self.assertRegex(metrics, r'(?m)^reformledger_http_requests_total\{route="/api/v1/events",status="200"\} [1-9]')


if __name__ == "__main__":
    unittest.main(verbosity=2)
