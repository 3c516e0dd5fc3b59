"""The portal against a stranger and a careless operator, over real HTTP against the real
daemon: the sign-in throttle raced, a flood of invented logins, big uploads at once
(the daemon's peak memory read from /proc), bodies past their bound, a password changed
under an open session, a damaged accounts file, and clients that send nothing.
Standard library only; nothing here shares code with the product."""

import base64
import concurrent.futures
import http.client
import json
import os
import socket
import threading
import time
import unittest

from portal_fixture import ACCOUNTS, GOOD, Portal
from test_portal_http import Client


def basic(login, password):
    return {"Authorization": "Basic " + base64.b64encode(("%s:%s" % (login, password)).encode()).decode()}


def peak_rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise AssertionError("no VmHWM for pid %d" % pid)


def reset_peak(pid):
    """Linux ≥ 4.0: writing 5 to clear_refs resets the peak RSS (VmHWM) of a process."""
    with open("/proc/%d/clear_refs" % pid, "w") as f:
        f.write("5")


class HostileClients(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Room for the 60 MiB bodies of the memory test.
        cls.portal = Portal(configuration={"max_file_bytes": 64 * 1048576})

    @classmethod
    def tearDownClass(cls):
        cls.portal.stop()

    def api(self, method, path, headers=None, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.portal.port, timeout=60)
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response, data.decode("utf-8", "replace")

    def test_thirty_guesses_at_once_are_five_checks_and_the_right_password_among_them_waits(self):
        wrong = basic("dua.tranh", "khong-phai-mat-khau")
        # Each from its own address (behind the proxy), so only the login's own count holds them.
        def guess(i):
            headers = dict(wrong, **{"X-Forwarded-For": "10.9.0.%d" % (i + 1)})
            return self.api("GET", "/api/v1/status", headers)[0].status

        with concurrent.futures.ThreadPoolExecutor(max_workers=31) as pool:
            guesses = [pool.submit(guess, i) for i in range(30)]
            time.sleep(0.3)
            right = pool.submit(lambda: self.api("GET", "/api/v1/status", dict(basic("dua.tranh", ACCOUNTS["dua.tranh"][2]),
                                                                                 **{"X-Forwarded-For": "10.9.1.1"}))[0].status)
            statuses = [g.result() for g in guesses]
        self.assertLessEqual(statuses.count(401), 5, statuses)
        self.assertEqual(statuses.count(401) + statuses.count(429), 30, statuses)
        self.assertEqual(right.result(), 429, "the right password sent among the guesses must wait")
        failures = [line for line in self.portal.daemon_log().splitlines() if "sign-in failed" in line and "login=dua.tranh" in line]
        self.assertLessEqual(len(failures), 5)

    def test_invented_logins_cost_the_pages_and_the_inbox_nothing(self):
        snv = Client(self.portal)
        self.assertEqual(snv.sign_in("snv")[0].status, 303)
        stop = threading.Event()
        answers = []

        def flood(worker):
            n = 0
            while not stop.is_set():
                n += 1
                headers = dict(basic("khong-co-%d-%d" % (worker, n), "mat-khau-bay-ba"), **{"X-Forwarded-For": "10.8.%d.%d" % (worker, n % 250)})
                try:
                    answers.append(self.api("GET", "/api/v1/status", headers)[0].status)
                except OSError:
                    pass

        threads = [threading.Thread(target=flood, args=(w,)) for w in range(16)]
        for t in threads:
            t.start()
        try:
            time.sleep(1.5)
            # A page by session cookie checks no password: it must not wait behind the guesses.
            started = time.time()
            response, _ = snv.request("GET", "/api/v1/status")
            page_seconds = time.time() - started
            self.assertEqual(response.status, 200)
            # Nor does the inbox.
            name = "flood-%d.ndjson" % os.getpid()
            inbox = os.path.join(self.portal.state, "inbox", "BST")
            with open(os.path.join(inbox, "." + name + ".tmp"), "wb") as f:
                f.write(GOOD.replace(b"BST-WEB-001", b"BST-FLOOD-001"))
            started = time.time()
            os.rename(os.path.join(inbox, "." + name + ".tmp"), os.path.join(inbox, name))
            Portal.wait_for(lambda: not os.path.exists(os.path.join(inbox, name)), "the dropped file to be taken", 30)
            inbox_seconds = time.time() - started
        finally:
            stop.set()
            for t in threads:
                t.join()
        print("\n  flood of invented logins: page %.3f s, drop-to-commit %.3f s, answers %s" % (
            page_seconds, inbox_seconds, {s: answers.count(s) for s in sorted(set(answers))}))
        # Before the password thread and its bounded line: 6.4 s and 1.4 s.
        self.assertLess(page_seconds, 1.5)
        self.assertLess(inbox_seconds, 1.5)
        self.assertTrue(set(answers) <= {401, 429, 503}, answers)

    def test_eight_big_uploads_at_once_stay_on_disk_not_in_memory(self):
        clerk = basic("lan.bst", ACCOUNTS["lan.bst"][2])
        size = 60 * 1048576
        boundary = "ranh-gioi-0123456789"
        head = ('--%s\r\nContent-Disposition: form-data; name="file"; filename="lon-%%d.bin"\r\n'
                'Content-Type: application/octet-stream\r\n\r\n' % boundary)
        tail = ("\r\n--%s--\r\n" % boundary).encode()
        chunk = b"x" * 1048576
        pid = self.portal.daemon.pid
        reset_peak(pid)
        before = peak_rss_kib(pid)

        def send(i):
            first = (head % i).encode()
            connection = http.client.HTTPConnection("127.0.0.1", self.portal.port, timeout=300)
            connection.putrequest("POST", "/api/v1/inbox/BST")
            for key, value in clerk.items():
                connection.putheader(key, value)
            connection.putheader("Content-Type", "multipart/form-data; boundary=" + boundary)
            connection.putheader("Content-Length", str(len(first) + size + len(tail)))
            connection.endheaders()
            connection.send(first)
            for _ in range(size // len(chunk)):
                connection.send(chunk)
            connection.send(tail)
            response = connection.getresponse()
            body = response.read()
            connection.close()
            return response.status, json.loads(body)

        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(send, range(8)))
        peak = peak_rss_kib(pid)
        print("\n  8 uploads of 60 MiB at once: daemon peak RSS %d MB (before %d MB)" % (peak // 1024, before // 1024))
        for status, body in results:
            # A .bin is refused by its format: the whole body was received and staged first.
            self.assertEqual(status, 422, body)
            self.assertEqual(body["errors"][0]["code"], "unsupported_format")
        # Before streaming: 749 MB. The bound is the contract's 200 MB for any command.
        self.assertLess(peak, 200 * 1024)
        staging = os.path.join(self.portal.state, "uploads", ".incoming")
        self.assertEqual(os.listdir(staging) if os.path.exists(staging) else [], [], "no staged body stays behind")

    def test_bodies_past_their_bound_get_a_worded_refusal_with_the_policy_headers(self):
        # A chunked upload (no Content-Length) past max_file_bytes.
        clerk = basic("lan.bst", ACCOUNTS["lan.bst"][2])
        connection = http.client.HTTPConnection("127.0.0.1", self.portal.port, timeout=120)
        connection.putrequest("POST", "/api/v1/inbox/BST")
        for key, value in clerk.items():
            connection.putheader(key, value)
        connection.putheader("Content-Type", "multipart/form-data; boundary=b")
        connection.putheader("Transfer-Encoding", "chunked")
        connection.endheaders()
        start = b'--b\r\nContent-Disposition: form-data; name="file"; filename="x.ndjson"\r\n\r\n'
        connection.send(b"%x\r\n%s\r\n" % (len(start), start))
        block = b"y" * 1048576
        try:
            for _ in range(80):
                connection.send(b"%x\r\n%s\r\n" % (len(block), block))
            connection.send(b"0\r\n\r\n")
        except OSError:
            pass  # the daemon may answer and close before the rest is sent
        response = connection.getresponse()
        body = response.read().decode()
        connection.close()
        self.assertEqual(response.status, 413)
        self.assertEqual(json.loads(body)["error"]["code"], "payload_too_large")
        self.assertIn("default-src", response.headers.get("Content-Security-Policy", ""))
        self.assertEqual(response.headers.get("X-Content-Type-Options"), "nosniff")
        # A sign-in form over 16 KiB, and a sign-out form.
        for path in ("/login", "/logout"):
            response, page = Client(self.portal).request(
                "POST", path, "login=a&password=" + "p" * 20000, {"Content-Type": "application/x-www-form-urlencoded"})
            self.assertEqual(response.status, 413, path)
            self.assertIn('data-code="payload_too_large"', page)
            self.assertIn("default-src", response.headers.get("Content-Security-Policy", ""))

    def test_a_new_password_ends_the_open_sessions_and_an_account_can_be_enabled_again(self):
        login, first = "doi.mat.khau", ACCOUNTS["doi.mat.khau"][2]
        browser = Client(self.portal)
        self.assertEqual(browser.sign_in(login, first)[0].status, 303)
        self.assertEqual(browser.request("GET", "/agency/BST")[0].status, 200)
        self.portal.run("user", "passwd", "--login", login, "--password-stdin", stdin="mat-khau-doi-hai\n")
        response, _ = browser.request("GET", "/agency/BST")
        self.assertEqual((response.status, response.headers["Location"]), (303, "/login"), "a stolen cookie stops working")
        self.assertEqual(Client(self.portal).sign_in(login, "mat-khau-doi-hai")[0].status, 303)
        self.portal.run("user", "disable", "--login", login)
        self.assertEqual(Client(self.portal).sign_in(login, "mat-khau-doi-hai")[0].status, 401)
        self.portal.run("user", "enable", "--login", login)
        self.assertEqual(Client(self.portal).sign_in(login, "mat-khau-doi-hai")[0].status, 303)
        self.portal.run("user", "passwd", "--login", login, "--password-stdin", stdin=first + "\n")

    def test_a_damaged_accounts_file_is_named_and_answered_503_and_costs_nobody_a_lockout(self):
        path = os.path.join(self.portal.state, "accounts.json")
        with open(path, "rb") as f:
            good = f.read()
        signed_in = Client(self.portal)
        self.assertEqual(signed_in.sign_in("snv")[0].status, 303)
        try:
            with open(path, "wb") as f:
                f.write(good[: len(good) // 2])
            for _ in range(7):
                response, page = Client(self.portal).sign_in("kiemtoan")
                self.assertEqual(response.status, 503)
                self.assertIn('data-code="accounts_unavailable"', page)
            response, body = self.api("GET", "/api/v1/status", basic("kiemtoan", ACCOUNTS["kiemtoan"][2]))
            self.assertEqual((response.status, json.loads(body)["error"]["code"]), (503, "accounts_unavailable"))
            response, page = signed_in.request("GET", "/dashboard")
            self.assertEqual(response.status, 503, "an open session is not thrown out either")
            self.assertIn("accounts.json", self.portal.daemon_log())
        finally:
            with open(path + ".tmp", "wb") as f:
                f.write(good)
            os.rename(path + ".tmp", path)
        # The seven tries meanwhile were no failures: the right password works at once.
        self.assertEqual(Client(self.portal).sign_in("kiemtoan")[0].status, 303)
        self.assertEqual(signed_in.request("GET", "/dashboard")[0].status, 200)

    def test_clients_that_send_nothing_are_let_go(self):
        sockets = []
        for _ in range(3):
            s = socket.create_connection(("127.0.0.1", self.portal.port), timeout=60)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # the head never ends
            sockets.append(s)
        started = time.time()
        for s in sockets:
            self.assertEqual(s.recv(1024), b"", "the daemon closes the connection")
            s.close()
        self.assertLess(time.time() - started, 50)


if __name__ == "__main__":
    unittest.main(verbosity=2)
