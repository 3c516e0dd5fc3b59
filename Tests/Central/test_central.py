"""The centre on a real PostgreSQL (Scripts/with-postgres.sh starts a throwaway cluster):
provinces push with the real binary to `central serve`, and what they get back and what
the centre keeps is checked from outside — the cosignature with Python's `cryptography`
(C2SP tlog-cosignature, nothing shared with the product), the rows with `psql`, the figures
against each province's own report. And the faults: the centre killed during a push and
PostgreSQL stopped during one, the same batch twice, the network gone while the daemon
works, a rewritten history, a row altered by hand, a wrong verifier key."""

import base64
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
import zipfile

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

BIN = os.environ["REFORMLEDGER_BIN"]
PG = os.environ["CENTRAL_TEST_PG"]
PG_ADMIN = os.environ["CENTRAL_TEST_PG_ADMIN"]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, "Examples", "inbox")
ENV = {k: v for k, v in os.environ.items() if not k.startswith("REFORMLEDGER_")}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*args, check=True, timeout=300):
    out = subprocess.run([BIN, *args], capture_output=True, text=True, env=ENV, timeout=timeout)
    if check and out.returncode != 0:
        raise AssertionError("%s exited %d\n%s\n%s" % (" ".join(args), out.returncode, out.stdout, out.stderr))
    return out


def psql(url, sql):
    out = subprocess.run(["psql", url, "-Atq", "-v", "ON_ERROR_STOP=1", "-c", sql], capture_output=True, text=True)
    if out.returncode != 0:
        raise AssertionError(out.stderr)
    return out.stdout.strip()


_databases = [0]


def new_database():
    """A database of its own per test, in the one throwaway cluster."""
    _databases[0] += 1
    name = "central_%d_%d" % (os.getpid(), _databases[0])
    psql(PG_ADMIN, "CREATE DATABASE %s OWNER reformledger" % name)
    return PG.rsplit("/", 1)[0] + "/" + name, PG_ADMIN.rsplit("/", 1)[0] + "/" + name


class Province:
    def __init__(self, folder, origin, agencies=None, extra=None):
        self.state = os.path.join(folder, origin.replace("/", "_"))
        self.origin = origin
        run("init", "--with-plan", "soc-trang-2024", "--state-dir", self.state)
        with open(os.path.join(self.state, "reformledger.json"), "w") as f:
            json.dump({"log_origin": origin}, f)
        # The key was made by init under the default name; a new one under this origin.
        shutil.rmtree(os.path.join(self.state, "keys"))
        run("init", "--state-dir", self.state)
        for agency in sorted(os.listdir(EXAMPLES)):
            if agency == "SNV" or agency in (agencies or os.listdir(EXAMPLES)):
                shutil.copytree(os.path.join(EXAMPLES, agency), os.path.join(self.state, "inbox", agency), dirs_exist_ok=True)
        for agency, name, lines in extra or []:
            folder = os.path.join(self.state, "inbox", agency)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, name), "w") as f:
                f.write("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
        self.serve_once()

    def serve_once(self):
        run("serve", "--once", "--state-dir", self.state, "--now", "2025-02-01T00:00:00+07:00")
        self.assert_inbox_empty()

    def assert_inbox_empty(self):
        left = [os.path.join(d, f) for d, _, files in os.walk(os.path.join(self.state, "inbox")) for f in files]
        assert not left, left
        # The examples hold one file refused on purpose (STTTT/sai-mau.json); nothing else is.
        rejected = [f for _, _, files in os.walk(os.path.join(self.state, "rejected")) for f in files if not f.endswith(".errors.json")]
        assert set(rejected) <= {"sai-mau.json"}, rejected

    def head(self):
        with sqlite3.connect("file:%s?mode=ro" % os.path.join(self.state, "ledger.sqlite"), uri=True) as db:
            return db.execute("SELECT COALESCE(MAX(seq), 0) FROM events").fetchone()[0]

    def key(self):
        return run("checkpoint", "--public-key", "--state-dir", self.state).stdout.strip()

    def push(self, url, *args, check=True):
        return run("push", "--to", url, "--state-dir", self.state, *args, check=check)

    def report(self, period):
        return json.loads(run("report", "--period", period, "--format", "json", "--state-dir", self.state).stdout)


class Centre:
    def __init__(self, folder, db, port=None):
        self.db = db
        self.key_file = os.path.join(folder, "witness.key")
        self.witness = run("central", "key", "--key-file", self.key_file, "--name", "bonoivu.example/centre").stdout.strip()
        run("central", "init", "--db", db)
        self.port = port or free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [BIN, "central", "serve", "--db", self.db, "--key-file", self.key_file, "--http", "127.0.0.1:%d" % self.port],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(os.path.dirname(self.key_file), "centre.log"), "ab"), env=ENV)
        deadline = time.time() + 30
        while True:
            try:
                urllib.request.urlopen(self.url + "/v1/key", timeout=2).read()
                return
            except OSError:
                if self.process.poll() is not None or time.time() > deadline:
                    raise AssertionError("the centre did not start")
                time.sleep(0.1)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError("the centre did not stop within 15 s of SIGTERM")

    def add(self, province, name, region, key=None):
        run("central", "ledger", "add", "--db", self.db, "--origin", province.origin, "--key", key or province.key(),
            "--name", name, "--region", region)

    def status(self):
        return {line["origin"]: line for line in json.loads(run("central", "status", "--db", self.db, "--json").stdout)["ledgers"]}


def cosignature_holds(note, witness_key):
    """C2SP tlog-cosignature/v1, Ed25519, checked here from the spec alone."""
    name, key_id_hex, key_b64 = witness_key.split("+", 2)
    key = base64.b64decode(key_b64)
    assert key[0] == 0x04 and len(key) == 33
    assert hashlib.sha256(name.encode() + b"\n" + key).digest()[:4].hex() == key_id_hex
    text, signatures = note.rsplit("\n\n", 1)
    text += "\n"
    for line in signatures.strip("\n").split("\n"):
        dash, signer, blob = line.split(" ")
        raw = base64.b64decode(blob)
        if signer != name or raw[:4].hex() != key_id_hex:
            continue
        timestamp = int.from_bytes(raw[4:12], "big")
        message = b"cosignature/v1\ntime %d\n" % timestamp + text.encode()
        Ed25519PublicKey.from_public_bytes(key[1:]).verify(raw[12:], message)
        return timestamp
    raise AssertionError("no cosignature by %s" % name)


ARTICLE = {"type": "article.published", "occurred_at": "2024-05-06", "data": {"title": "Tin", "channel": "zalo"}}


def articles(prefix, count, day="2024-05-06"):
    return [dict(ARTICLE, id="%s-%06d" % (prefix, i), occurred_at=day) for i in range(count)]


class CentreTestCase(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="central-test-")
        self.db, self.db_admin = new_database()
        self.centres = []

    def tearDown(self):
        for centre in self.centres:
            centre.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def centre(self, port=None, start=True):
        centre = Centre(self.folder, self.db, port)
        self.centres.append(centre)
        if start:
            centre.start()
        return centre

    def rows(self, origin):
        return int(psql(self.db_admin, "SELECT count(*) FROM central_events e JOIN central_ledgers l ON l.id = e.ledger WHERE l.origin = '%s'" % origin))

    def assert_verified(self):
        out = run("central", "verify", "--db", self.db, "--json", check=False)
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        return json.loads(out.stdout)


class PushWitnessReport(CentreTestCase):
    def test_two_provinces_pushed_cosigned_and_reported_as_their_own_reports_sum(self):
        corrections = [
            {"id": "TT-IND-1", "type": "indicator.reported", "occurred_at": "2024-03-01",
             "data": {"indicator": "staff-trained", "numerator": 10, "denominator": 20}},
            {"id": "TT-IND-2", "type": "indicator.reported", "occurred_at": "2024-09-01",
             "data": {"indicator": "staff-trained", "numerator": 18, "denominator": 20}},
            {"id": "TT-A1", "type": "article.published", "occurred_at": "2024-04-02", "data": {"title": "A", "channel": "zalo"}},
            {"id": "TT-A2", "type": "article.published", "occurred_at": "2024-04-03", "data": {"title": "B", "channel": "zalo"}},
            {"id": "TT-A1-sua", "type": "article.published", "occurred_at": "2024-04-02", "corrects": "TT-A1",
             "data": {"title": "A sửa", "channel": "website"}},
            {"id": "TT-A2-rut", "type": "event.retracted", "occurred_at": "2024-04-05", "data": {"event": "TT-A2", "reason": "trùng"}},
        ]
        cantho = Province(self.folder, "sonoivu.cantho.example/ledger", agencies=["BST", "STTTT", "UBND-MX"],
                          extra=[("STTTT", "sua-rut.ndjson", corrections)])
        soctrang = Province(self.folder, "sonoivu.soctrang.example/ledger")
        centre = self.centre()
        centre.add(soctrang, "Sóc Trăng", "CT")
        centre.add(cantho, "Cần Thơ", "CT")
        for province in (soctrang, cantho):
            out = province.push(centre.url, "--batch", "9", "--json")
            summary = json.loads(out.stdout)
            self.assertEqual(summary["size"], province.head())
            self.assertEqual(summary["appended"], province.head())
            self.assertEqual(self.rows(province.origin), province.head())
            # Kept in the state folder, and cosigned: checked here from the spec alone.
            with open(os.path.join(province.state, "witnessed-checkpoint.txt")) as f:
                note = f.read()
            self.assertEqual(note, summary["cosigned"])
            self.assertGreater(cosignature_holds(note, centre.witness), 1_700_000_000)
            witnessed = os.path.join(province.state, "witnessed-checkpoint.txt")
            ok = run("verify", "--state-dir", province.state, "--checkpoint", witnessed, "--witness-key", centre.witness)
            self.assertIn("cosigned by bonoivu.example/centre", ok.stdout)
            stranger = run("central", "key", "--key-file", os.path.join(self.folder, "other.key"), "--name", "bonoivu.example/centre").stdout.strip()
            bad = run("verify", "--state-dir", province.state, "--checkpoint", witnessed, "--witness-key", stranger, check=False)
            self.assertEqual(bad.returncode, 3, bad.stdout)
            # The editions issued afterwards print it, and a backup keeps it for the auditor.
            self.assertEqual(province.report("2024")["witnessed_checkpoint"], note)
            copy = os.path.join(self.folder, "backup-" + province.origin.replace("/", "_"))
            run("backup", copy, "--state-dir", province.state)
            run("verify", "--state-dir", copy, "--checkpoint", os.path.join(copy, "witnessed-checkpoint.txt"), "--witness-key", centre.witness)
            self.assertEqual(sorted(os.listdir(os.path.join(copy, "witnessed"))), sorted(os.listdir(os.path.join(province.state, "witnessed"))))
        status = centre.status()
        self.assertEqual(status[soctrang.origin]["size"], soctrang.head())
        self.assertEqual(status[cantho.origin]["region"], "CT")
        self.assertLess(status[cantho.origin]["lag"], 120)
        checks = self.assert_verified()
        self.assertEqual([l["ok"] for l in checks["ledgers"]], [True, True])

        for period in ("2024", "2024-Q1", "2024-Q2", "2024-H1"):
            out_dir = os.path.join(self.folder, "central-" + period)
            run("central", "report", "--db", self.db, "--period", period, "--region", "CT", "--format", "json,md,html,csv,docx", "--out", out_dir)
            with open(os.path.join(out_dir, "central-%s-CT.json" % period)) as f:
                central = json.load(f)
            own = [soctrang.report(period), cantho.report(period)]
            for key in ("articles", "activities", "contests", "surveys"):
                self.assertEqual(central["totals"][key], sum(r["totals"][key] for r in own), "%s %s" % (period, key))
            by_ledger = {line["origin"]: line for line in central["by_ledger"]}
            for province, report in zip((soctrang, cantho), own):
                line = by_ledger[province.origin]
                self.assertEqual(line["figures"]["articles"], report["totals"]["articles"])
                indicators = {i["indicator"]: i for i in report["indicators"] if i.get("denominator")}
                for name, value in line["figures"]["indicators"].items():
                    self.assertEqual((value["numerator"], value["denominator"]),
                                     (indicators[name]["numerator"], indicators[name]["denominator"]), "%s %s" % (period, name))
                for audience, value in line["figures"]["awareness"].items():
                    self.assertEqual((value["aware"], value["respondents"]),
                                     (indicators["awareness." + audience]["numerator"], indicators["awareness." + audience]["denominator"]))
                submitted = report["completeness"]["submitted"]
                self.assertEqual(line["completeness"]["submitted"], submitted, period)
                self.assertEqual(line["completeness"]["expected"], report["completeness"]["expected"], period)
                self.assertTrue(all(m.startswith(province.origin + ":") for m in line["missing"]))
            with zipfile.ZipFile(os.path.join(out_dir, "central-%s-CT.docx" % period)) as docx:
                self.assertIn("Cần Thơ", docx.read("word/document.xml").decode())
            with open(os.path.join(out_dir, "central-%s-CT.csv" % period)) as f:
                self.assertEqual(len(f.read().strip().split("\n")), 3)
        self.assert_accessible(os.path.join(self.folder, "central-2024", "central-2024-CT.html"))
        # Channel by channel, as the province's agencies' lines sum them: the correction
        # moved TT-A1 from zalo to website, the retraction took TT-A2 away.
        for province in (soctrang, cantho):
            own = province.report("2024-Q2")
            expected = {}
            for agency in own["agencies"]:
                for channel, count in agency["articles"]["by_channel"].items():
                    expected[channel] = expected.get(channel, 0) + count
            with open(os.path.join(self.folder, "central-2024-Q2", "central-2024-Q2-CT.json")) as f:
                line = {l["origin"]: l for l in json.load(f)["by_ledger"]}[province.origin]
            self.assertEqual({k: v for k, v in line["figures"]["by_channel"].items() if v}, expected)
        with sqlite3.connect(os.path.join(cantho.state, "ledger.sqlite")) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM events WHERE id IN ('TT-A1-sua', 'TT-A2-rut')").fetchone()[0], 2)

    def assert_accessible(self, path):
        """axe-core (WCAG 2.1 A and AA) in headless Chromium finds no critical or serious
        violation, on a desktop and on a phone, where nothing but a table scrolls sideways."""
        import axe_core_python
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        axe = open(os.path.join(os.path.dirname(axe_core_python.__file__), "axe.min.js"), encoding="utf-8").read()
        for width, height in ((1366, 768), (390, 844)):
            options = webdriver.ChromeOptions()
            for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=%d,%d" % (max(width, 500), height)]:
                options.add_argument(argument)
            if width < 500:
                options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 3}})
            options.binary_location = "/usr/bin/chromium"
            browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
            try:
                browser.get("file://" + path)
                browser.set_script_timeout(60)
                violations = browser.execute_async_script(axe + """
                    const done = arguments[arguments.length - 1];
                    axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                       .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact}))))
                       .catch(e => done([{id: 'axe-error', impact: 'critical'}]));""")
                self.assertEqual([v for v in violations if v["impact"] in ("critical", "serious")], [], path)
                self.assertLessEqual(browser.execute_script("return document.documentElement.scrollWidth"),
                                     browser.execute_script("return window.innerWidth"), "width %d" % width)
            finally:
                browser.quit()

    def test_a_ledger_that_is_not_registered_or_a_wrong_key_is_refused_with_its_reason(self):
        first = Province(self.folder, "a.example/ledger", agencies=["BST"])
        second = Province(self.folder, "b.example/ledger", agencies=["BST"])
        centre = self.centre()
        out = first.push(centre.url, check=False)
        self.assertEqual(out.returncode, 2, out.stderr)
        self.assertIn("unknown_ledger", out.stderr)
        # --batch: 1 and 200,000 are the bounds; past them, a usage error before anything is sent.
        for batch in ("0", "200001"):
            out = first.push(centre.url, "--batch", batch, check=False)
            self.assertEqual(out.returncode, 2, out.stderr)
            self.assertIn("--batch", out.stderr)
        for batch in ("1", "200000"):  # taken, and sent: the centre refuses the unregistered ledger
            self.assertIn("unknown_ledger", first.push(centre.url, "--batch", batch, check=False).stderr)
        centre.add(first, "A", "X", key=second.key())
        out = first.push(centre.url, check=False)
        self.assertEqual(out.returncode, 3, out.stderr)
        self.assertIn("bad_signature", out.stderr)
        self.assertEqual(self.rows(first.origin), 0)
        self.assertEqual(psql(self.db_admin, "SELECT code FROM central_refusals"), "bad_signature")
        # Registering the same origin again with another key is refused too.
        again = run("central", "ledger", "add", "--db", self.db, "--origin", first.origin, "--key", first.key(), "--name", "A", check=False)
        self.assertEqual(again.returncode, 2)
        self.assertIn("key_differs", again.stderr)


class Faults(CentreTestCase):
    def test_the_centre_killed_during_a_push_and_postgres_stopped_during_one_lose_and_double_nothing(self):
        province = Province(self.folder, "big.example/ledger", agencies=["BST"], extra=[("BST", "nhieu.ndjson", articles("N", 30000))])
        centre = self.centre()
        centre.add(province, "Big", "X")
        push = subprocess.Popen([BIN, "push", "--to", centre.url, "--state-dir", province.state, "--batch", "500"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, text=True)
        deadline = time.time() + 60
        while self.rows(province.origin) < 3000 and time.time() < deadline:
            time.sleep(0.05)
        centre.kill()
        _, err = push.communicate(timeout=60)
        self.assertEqual(push.returncode, 4, err)
        held = self.rows(province.origin)
        self.assertGreater(held, 0)
        self.assertLess(held, province.head())
        self.assert_verified()
        centre.start()
        # PostgreSQL itself stopped at once (as a power cut would) in the middle of the next push.
        push = subprocess.Popen([BIN, "push", "--to", centre.url, "--state-dir", province.state, "--batch", "500"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, text=True)
        while self.rows(province.origin) < held + 5000 and push.poll() is None:
            time.sleep(0.05)
        pg_as = os.environ.get("CENTRAL_TEST_PG_AS", "").split()
        ctl = os.environ["CENTRAL_TEST_PG_CTL"]
        data = os.environ["CENTRAL_TEST_PG_DATA"]
        subprocess.run(pg_as + [ctl, "-D", data, "-m", "immediate", "stop"], check=True, capture_output=True)
        _, err = push.communicate(timeout=120)
        self.assertNotEqual(push.returncode, 0)
        subprocess.run(pg_as + [ctl, "-D", data, "-l", os.path.join(os.path.dirname(data), "server.log"), "-w",
                                "-o", os.environ["CENTRAL_TEST_PG_OPTIONS"], "start"], check=True, capture_output=True)
        # The centre's pool finds PostgreSQL again after its back-off; the push is run
        # again until then, as the daemon's push service does.
        deadline = time.time() + 120
        while True:
            out = province.push(centre.url, "--json", check=False)
            if out.returncode == 0 or time.time() > deadline:
                break
            self.assertEqual(out.returncode, 4, out.stderr)
            time.sleep(2)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(json.loads(out.stdout)["size"], province.head())
        self.assertEqual(self.rows(province.origin), province.head())
        self.assertEqual(psql(self.db_admin, "SELECT count(DISTINCT seq) = count(*) AND max(seq) = count(*) FROM central_events"), "t")
        self.assert_verified()
        central = json.loads(run("central", "report", "--db", self.db, "--period", "2024", "--format", "json").stdout)
        self.assertEqual(central["totals"]["articles"], province.report("2024")["totals"]["articles"])

    def test_the_same_batch_twice_is_taken_once(self):
        province = Province(self.folder, "twice.example/ledger", agencies=["BST", "STTTT"])
        centre = self.centre()
        centre.add(province, "Twice", "X")
        head = province.head()
        note = run("checkpoint", "--size", str(head), "--state-dir", province.state).stdout
        with sqlite3.connect(os.path.join(province.state, "ledger.sqlite")) as db:
            db.row_factory = sqlite3.Row
            rows = db.execute("SELECT * FROM events ORDER BY seq").fetchall()
        lines = [json.dumps({"origin": province.origin, "checkpoint": note, "coordinators": ["SNV", "UBND"]}, ensure_ascii=False)]
        for row in rows:
            lines.append(json.dumps({key: row[key] for key in row.keys()}, ensure_ascii=False))
        body = ("\n".join(lines) + "\n").encode()
        answers = []
        for _ in range(2):
            request = urllib.request.Request(centre.url + "/v1/push", data=body, headers={"Content-Type": "application/x-ndjson"})
            answers.append(json.loads(urllib.request.urlopen(request, timeout=60).read()))
        self.assertEqual((answers[0]["appended"], answers[0]["duplicates"]), (head, 0))
        self.assertEqual((answers[1]["appended"], answers[1]["duplicates"]), (0, head))
        self.assertEqual(self.rows(province.origin), head)
        central = json.loads(run("central", "report", "--db", self.db, "--period", "2024", "--format", "json").stdout)
        self.assertEqual(central["totals"]["articles"], province.report("2024")["totals"]["articles"])
        before = psql(self.db_admin, "SELECT sum(n), sum(a), sum(b) FROM central_tallies")
        request = urllib.request.Request(centre.url + "/v1/push", data=body, headers={"Content-Type": "application/x-ndjson"})
        urllib.request.urlopen(request, timeout=60).read()
        self.assertEqual(psql(self.db_admin, "SELECT sum(n), sum(a), sum(b) FROM central_tallies"), before)
        # A batch past the bound is refused before it is read.
        huge = urllib.request.Request(centre.url + "/v1/push", data=b"x" * (64 * 1024 * 1024 + 1))
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(huge, timeout=60)
        self.assertEqual(refused.exception.code, 413)
        self.assert_verified()

    def test_clients_that_hold_every_batch_place_get_busy_answers_and_the_centre_goes_on(self):
        province = Province(self.folder, "busy.example/ledger", agencies=["BST"])
        centre = self.centre()
        centre.add(province, "Busy", "X")
        holders = []
        for _ in range(4):  # CentralServer.concurrentBatches: heads sent, bodies never
            s = socket.create_connection(("127.0.0.1", centre.port))
            s.sendall(b"POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n{")
            holders.append(s)
        time.sleep(0.5)
        request = urllib.request.Request(centre.url + "/v1/push", data=b"{}\n")
        with self.assertRaises(urllib.error.HTTPError) as busy:
            urllib.request.urlopen(request, timeout=30)
        self.assertEqual(busy.exception.code, 503)
        self.assertEqual(busy.exception.headers["Retry-After"], "1")
        self.assertEqual(json.loads(busy.exception.read())["code"], "busy")
        # A push meanwhile waits its turn instead of failing; the places free as the holders go.
        push = subprocess.Popen([BIN, "push", "--to", centre.url, "--state-dir", province.state], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=ENV, text=True)
        time.sleep(2)
        for s in holders:
            s.close()
        _, err = push.communicate(timeout=60)
        self.assertEqual(push.returncode, 0, err)
        self.assertEqual(self.rows(province.origin), province.head())

    def test_the_network_gone_the_daemon_keeps_working_and_catches_up(self):
        province = Province(self.folder, "away.example/ledger", agencies=["BST"])
        port = free_port()
        centre = self.centre(port=port, start=False)
        centre.add(province, "Away", "X")
        with open(os.path.join(province.state, "reformledger.json"), "w") as f:
            json.dump({"log_origin": province.origin, "push_to": centre.url, "rescan_seconds": 1, "stable_seconds": 1}, f)
        daemon = subprocess.Popen([BIN, "serve", "--state-dir", province.state], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, env=ENV, text=True)
        try:
            time.sleep(3)
            # The centre is away: the province ingests and reports as ever.
            os.makedirs(os.path.join(province.state, "inbox", "STTTT"), exist_ok=True)
            with open(os.path.join(province.state, "inbox", "STTTT", "tin.ndjson"), "w") as f:
                f.write("".join(json.dumps(a) + "\n" for a in articles("AWAY", 50)))
            deadline = time.time() + 60
            while province.head() < 50 or os.listdir(os.path.join(province.state, "inbox", "STTTT")):
                self.assertLess(time.time(), deadline)
                time.sleep(0.2)
            self.assertGreaterEqual(province.report("2024")["totals"]["articles"], 50)
            self.assertNotIn(province.origin, [o for o, s in centre.status().items() if s["size"] > 0])
            centre.start()
            deadline = time.time() + 90
            while centre.status()[province.origin]["size"] != province.head():
                self.assertLess(time.time(), deadline, "the daemon did not catch up")
                time.sleep(0.5)
            self.assertTrue(os.path.exists(os.path.join(province.state, "witnessed-checkpoint.txt")))
        finally:
            daemon.send_signal(signal.SIGTERM)
            _, err = daemon.communicate(timeout=30)
        self.assertEqual(daemon.returncode, 0, err)
        self.assertIn("push to the centre failed; trying again", err)
        self.assert_verified()

    def test_a_rewritten_history_is_refused_and_the_evidence_kept(self):
        province = Province(self.folder, "rewrite.example/ledger", agencies=["BST"])
        copy = os.path.join(self.folder, "copy")
        shutil.copytree(province.state, copy)
        centre = self.centre()
        centre.add(province, "Rewrite", "X")
        os.makedirs(os.path.join(province.state, "inbox", "STTTT"), exist_ok=True)
        with open(os.path.join(province.state, "inbox", "STTTT", "a.ndjson"), "w") as f:
            f.write("".join(json.dumps(a) + "\n" for a in articles("TRUE", 5)))
        province.serve_once()
        province.push(centre.url)
        accepted = province.head()
        # The copy (same key, same origin) writes other events in the same places.
        rewritten = Province.__new__(Province)
        rewritten.state, rewritten.origin = copy, province.origin
        os.makedirs(os.path.join(copy, "inbox", "STTTT"), exist_ok=True)
        with open(os.path.join(copy, "inbox", "STTTT", "b.ndjson"), "w") as f:
            f.write("".join(json.dumps(a) + "\n" for a in articles("FALSE", 8)))
        rewritten.serve_once()
        out = rewritten.push(centre.url, check=False)
        self.assertEqual(out.returncode, 3, out.stdout + out.stderr)
        self.assertIn("not_extending", out.stderr)
        self.assertEqual(self.rows(province.origin), accepted)
        evidence = psql(self.db_admin, "SELECT code, accepted_checkpoint IS NOT NULL, offered_checkpoint FROM central_refusals")
        code, has_accepted, offered = evidence.split("|", 2)
        self.assertEqual((code, has_accepted), ("not_extending", "t"))
        self.assertTrue(offered.startswith(province.origin + "\n" + str(rewritten.head()) + "\n") or offered.startswith(province.origin + "\n"))
        # A copy restored from before what the centre holds is refused by the push itself.
        older = os.path.join(self.folder, "older")
        shutil.copytree(copy, older)
        stale = Province.__new__(Province)
        stale.state, stale.origin = older, province.origin
        os.remove(os.path.join(older, "ledger.sqlite"))
        for suffix in ("-wal", "-shm"):
            if os.path.exists(os.path.join(older, "ledger.sqlite" + suffix)):
                os.remove(os.path.join(older, "ledger.sqlite" + suffix))
        shutil.rmtree(os.path.join(older, "keys"))
        shutil.copytree(os.path.join(province.state, "keys"), os.path.join(older, "keys"))
        run("init", "--with-plan", "soc-trang-2024", "--state-dir", older)
        out = stale.push(centre.url, check=False)
        self.assertEqual(out.returncode, 3, out.stderr)
        self.assert_verified()

    def test_a_row_altered_by_hand_is_found_by_central_verify(self):
        province = Province(self.folder, "altered.example/ledger", agencies=["BST", "STTTT"])
        centre = self.centre()
        centre.add(province, "Altered", "X")
        province.push(centre.url, "--batch", "10")
        self.assert_verified()
        # The table refuses it as it is…
        with self.assertRaises(AssertionError):
            psql(self.db_admin, "UPDATE central_events SET data = data WHERE seq = 12")
        # …so the operator who wants to forge a figure lifts the guard first.
        changed = psql(self.db_admin, "ALTER TABLE central_events DISABLE TRIGGER central_events_no_change; "
                                      "UPDATE central_events SET data = regexp_replace(data, '\":\"', '\":\"X') WHERE seq = 12 RETURNING seq; "
                                      "ALTER TABLE central_events ENABLE TRIGGER central_events_no_change")
        self.assertEqual(changed, "12")
        out = run("central", "verify", "--db", self.db, check=False)
        self.assertEqual(out.returncode, 3, out.stdout)
        self.assertIn("FAILED: %s seq 12" % province.origin, out.stdout)
        data = json.loads(run("central", "verify", "--db", self.db, "--json", check=False).stdout)
        self.assertEqual((data["ok"], data["ledgers"][0]["bad_seq"]), (False, 12))


if __name__ == "__main__":
    unittest.main(verbosity=2)
