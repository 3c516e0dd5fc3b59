"""Reminders through a real mail transfer agent: the daemon hands each message to msmtp
(Debian's, as `mail.sendmail -t -i`), which delivers it over SMTP to aiosmtpd (PyPI) on a
free local port, keeping it in a Maildir that this test reads with Python's `mailbox`. It
checks the right agencies on the right days with `serve --now`, the Vietnamese subject and
body as a mail reader decodes them, and once each — across a second `serve --once` and a
daemon stopped with SIGTERM and started again."""

import email.header
import json
import mailbox
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

BIN = os.environ["REFORMLEDGER_BIN"]
MSMTP = shutil.which("msmtp") or "/usr/bin/msmtp"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RemindersThroughMsmtp(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.mkdtemp(prefix="reminders-mta-")
        self.state = os.path.join(self.scratch, "state")
        self.maildir = os.path.join(self.scratch, "Maildir")
        self.home = os.path.join(self.scratch, "home")
        os.makedirs(self.home)
        port = free_port()
        self.sink = subprocess.Popen(
            [sys.executable, "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:%d" % port, "-c", "aiosmtpd.handlers.Mailbox", self.maildir],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.1)
        rc = os.path.join(self.home, ".msmtprc")
        with open(rc, "w") as f:
            f.write("defaults\nauth off\ntls off\nlogfile %s/msmtp.log\n\naccount local\nhost 127.0.0.1\nport %d\n"
                    "from snv@soctrang.example\n\naccount default : local\n" % (self.home, port))
        os.chmod(rc, 0o600)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("REFORMLEDGER_")}
        self.env["HOME"] = self.home
        self.run_cli("init", "--with-plan", "soc-trang-2024")
        with open(os.path.join(self.state, "reformledger.json"), "w") as f:
            f.write('{"reminders": {"before_days": [5, 1], "after_days": [1, 3]}, '
                    '"mail": {"sendmail": "%s", "from": "snv@soctrang.example", "portal": "https://cchc.soctrang.example"}}' % MSMTP)
        for login, agency, address in [("hoa.stttt", "STTTT", "hoa@stttt.example"), ("an.td", "UBND-TD", "an@trande.example"),
                                       ("lan.bst", "BST", "lan@baosoctrang.example")]:
            self.run_cli("user", "add", "--login", login, "--agency", agency, "--role", "clerk", "--password-stdin",
                         "--email", address, stdin="mat-khau-du-dai\n")
        report = os.path.join(self.scratch, "bc.ndjson")
        with open(report, "w") as f:
            f.write('{"id":"BC1","type":"report.submitted","occurred_at":"2024-03-01","data":{"period":"2024-Q1"}}\n')
        self.run_cli("ingest", "--agency", "BST", report)

    def tearDown(self):
        self.sink.terminate()
        self.sink.wait(timeout=10)
        shutil.rmtree(self.scratch, ignore_errors=True)

    def run_cli(self, *arguments, stdin=None):
        result = subprocess.run([BIN, *arguments, "--state-dir", self.state], input=stdin, capture_output=True, text=True, env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result

    def messages(self, expected=None):
        """The delivered messages; with `expected`, waits (up to 10 s) for that many."""
        deadline = time.time() + 10
        while True:
            found = list(mailbox.Maildir(self.maildir, create=True)) if os.path.isdir(self.maildir) else []
            if expected is None or len(found) >= expected or time.time() > deadline:
                return found
            time.sleep(0.2)

    @staticmethod
    def subject(message):
        return str(email.header.make_header(email.header.decode_header(message["Subject"])))

    def test_reminders_reach_the_right_inboxes_once(self):
        self.run_cli("serve", "--once", "--now", "2024-03-11T09:00:00+07:00")
        self.assertEqual(self.messages(), [], "nothing before the first reminder day")
        self.run_cli("serve", "--once", "--now", "2024-03-12T09:00:00+07:00")
        delivered = self.messages(expected=2)
        self.assertEqual(sorted(m["To"] for m in delivered), ["an@trande.example", "hoa@stttt.example"], "BST has reported")
        for message in delivered:
            self.assertEqual(self.subject(message), "Nhắc hạn gửi báo cáo kỳ quý I năm 2024 (hạn 17/03/2024)")
            body = message.get_payload(decode=True).decode("utf-8")
            self.assertIn("Hạn gửi: 17/03/2024 (còn 5 ngày)", body)
        stttt = next(m for m in delivered if m["To"] == "hoa@stttt.example")
        self.assertIn("https://cchc.soctrang.example/agency/STTTT?period=2024-Q1", stttt.get_payload(decode=True).decode("utf-8"))
        # Once: another run the same day delivers nothing more.
        self.run_cli("serve", "--once", "--now", "2024-03-12T16:00:00+07:00")
        time.sleep(1)
        self.assertEqual(len(self.messages()), 2)
        # The daemon itself on the 16th, stopped with SIGTERM, then started again: one each.
        with open(os.path.join(self.scratch, "daemon.log"), "w") as log:
            daemon = subprocess.Popen([BIN, "serve", "--now", "2024-03-16T09:00:00+07:00", "--state-dir", self.state],
                                      stdout=subprocess.DEVNULL, stderr=log, env=self.env)
            self.assertEqual(len(self.messages(expected=4)), 4)
            daemon.send_signal(signal.SIGTERM)
            self.assertEqual(daemon.wait(timeout=20), 0)
        self.run_cli("serve", "--once", "--now", "2024-03-16T10:00:00+07:00")
        time.sleep(1)
        delivered = self.messages()
        self.assertEqual(len(delivered), 4)
        self.assertEqual(sorted(self.subject(m) for m in delivered).count("Nhắc hạn gửi báo cáo kỳ quý I năm 2024 (hạn 17/03/2024)"), 4)
        events = json.loads(self.run_cli("events", "--type", "reminder.sent", "--json").stdout)
        self.assertEqual(len(events), 4)
        self.assertEqual(sorted((e["data"]["agency"], e["data"]["offset"]) for e in events),
                         [("STTTT", -5), ("STTTT", -1), ("UBND-TD", -5), ("UBND-TD", -1)])
        self.assertTrue(all(e["agency"] == "SYSTEM" for e in events))
        self.assertNotIn("@", json.dumps(events), "the log holds logins, never addresses")


if __name__ == "__main__":
    unittest.main(verbosity=2)
