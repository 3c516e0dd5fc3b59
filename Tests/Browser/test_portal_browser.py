"""The portal in real headless Chromium, driven by Selenium through Debian's
chromium-driver: a clerk signs in, sends a good and a bad file and reads both verdicts,
is refused another agency; SNV reads the dashboard and follows a figure to its events;
an auditor filters the trail, opens an event and runs "verify now". No page may trip the
Content-Security-Policy. With SCREENSHOTS=<folder> each page is saved as a PNG there."""

import json
import os
import re
import tempfile
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

from portal_fixture import ACCOUNTS, BAD, GOOD, Portal

SHOTS = os.environ.get("SCREENSHOTS")


class PortalInChromium(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.portal = Portal()
        cls.files = tempfile.mkdtemp(prefix="portal-files-")
        for name, data in [("bai-viet.ndjson", GOOD), ("sai-kenh.ndjson", BAD)]:
            with open(os.path.join(cls.files, name), "wb") as f:
                f.write(data)

    @classmethod
    def tearDownClass(cls):
        cls.portal.stop()

    def setUp(self):
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1400", "--lang=vi"]:
            options.add_argument(argument)
        options.binary_location = "/usr/bin/chromium"
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.browser.implicitly_wait(5)

    def tearDown(self):
        self.browser.quit()

    def open(self, path):
        self.browser.get(self.portal.base + path)

    def sign_in(self, login):
        self.open("/login")
        self.browser.find_element(By.ID, "login").send_keys(login)
        self.browser.find_element(By.ID, "password").send_keys(ACCOUNTS[login][2])
        self.browser.find_element(By.ID, "sign-in").click()
        self.assertEqual(self.browser.find_element(By.ID, "who").text, login)

    def shot(self, name):
        if SHOTS:
            # The whole page, not only the window: as tall as the document.
            height = self.browser.execute_script("return document.documentElement.scrollHeight")
            self.browser.set_window_size(1280, min(max(height, 900), 6000))
            self.browser.save_screenshot(os.path.join(SHOTS, "portal-%s.png" % name))
            self.browser.set_window_size(1280, 1400)

    def assert_no_policy_violation(self):
        """Nothing refused by the policy, and the style sheet applied (it is a file, not inline)."""
        problems = [entry["message"] for entry in self.browser.get_log("browser") if "Content Security Policy" in entry["message"] or "Refused" in entry["message"]]
        self.assertEqual(problems, [])
        border = self.browser.execute_script("return getComputedStyle(document.querySelector('nav.top')).borderBottomStyle")
        self.assertEqual(border, "solid")

    def wait_text(self, element, text):
        """Waits for the page after a click: until the element holds the text."""
        try:
            # The page changes under the wait (the old document's node goes): every
            # driver error inside it is a "not yet", tried again until the timeout.
            WebDriverWait(self.browser, 15, ignored_exceptions=(WebDriverException,)).until(
                lambda b: text in b.find_element(By.ID, element).text)
        except Exception:
            raise AssertionError("waited for %r in #%s on %s:\n%s" % (text, element, self.browser.current_url, self.browser.page_source[-3000:]))

    def test_snv_returns_a_report_the_clerk_comments_and_resubmits_and_snv_accepts(self):
        report = os.path.join(self.files, "bao-cao-q3.ndjson")
        with open(report, "w") as f:
            f.write('{"id":"BC-2024-Q3","type":"report.submitted","occurred_at":"2024-09-16","data":{"period":"2024-Q3"}}\n')
        self.sign_in("lan.bst")
        self.open("/agency/BST?period=2024-Q3")
        self.browser.find_element(By.ID, "upload-files").send_keys(report)
        self.browser.find_element(By.ID, "send").click()
        WebDriverWait(self.browser, 15, ignored_exceptions=(WebDriverException,)).until(
            lambda b: b.find_element(By.CSS_SELECTOR, ".verdict.accepted"))
        self.open("/agency/BST?period=2024-Q3")
        self.assertIn("chờ Sở Nội vụ xem xét", self.browser.find_element(By.ID, "review").text)
        self.browser.delete_all_cookies()
        # SNV returns it with a reason.
        self.sign_in("snv")
        self.open("/dashboard/agency/BST?period=2024-Q3")
        self.browser.find_element(By.ID, "reason").send_keys("Thiếu số liệu tập huấn quý III")
        self.browser.find_element(By.ID, "return").click()
        self.assertIn("/dashboard/agency/BST", self.browser.current_url)
        self.wait_text("review", "Thiếu số liệu tập huấn quý III")
        self.assert_no_policy_violation()
        self.browser.delete_all_cookies()
        # The clerk reads the reason, comments, and sends the report again.
        self.sign_in("lan.bst")
        self.open("/agency/BST?period=2024-Q3")
        self.assertIn("trả lại báo cáo: Thiếu số liệu tập huấn quý III", self.browser.find_element(By.ID, "review").text)
        self.browser.find_element(By.ID, "comment-text").send_keys("Đã bổ sung số liệu tập huấn, xin gửi lại <b>ngay</b>.")
        self.browser.find_element(By.ID, "post-comment").click()
        self.wait_text("loop", "Đã bổ sung số liệu tập huấn, xin gửi lại <b>ngay</b>.")
        again = os.path.join(self.files, "bao-cao-q3-lan-2.ndjson")
        with open(again, "w") as f:
            f.write('{"id":"BC-2024-Q3-2","type":"report.submitted","occurred_at":"2024-09-20","data":{"period":"2024-Q3"}}\n')
        self.browser.find_element(By.ID, "upload-files").send_keys(again)
        self.browser.find_element(By.ID, "send").click()
        WebDriverWait(self.browser, 15, ignored_exceptions=(WebDriverException,)).until(
            lambda b: b.find_element(By.CSS_SELECTOR, ".verdict.accepted"))
        self.open("/agency/BST?period=2024-Q3")
        self.assertIn("chờ Sở Nội vụ xem xét", self.browser.find_element(By.ID, "review").text)
        self.shot("review-clerk")
        self.browser.delete_all_cookies()
        # SNV reads the comment and accepts.
        self.sign_in("snv")
        self.open("/dashboard/agency/BST?period=2024-Q3")
        self.assertIn("Đã bổ sung số liệu tập huấn", self.browser.find_element(By.ID, "loop").text)
        self.browser.find_element(By.ID, "accept").click()
        self.wait_text("review", "đã tiếp nhận")
        self.shot("review-snv")
        report = json.loads(self.portal.run("report", "--period", "2024-Q3", "--format", "json"))
        bst = next(a for a in report["agencies"] if a["code"] == "BST")
        self.assertEqual((bst["review"], bst["review_reason"]), ("accepted", None))
        self.assertEqual(report["completeness"]["accepted"], 1)
        types = [e["type"] for e in json.loads(self.portal.run("events", "--json")) if e["agency"] in ("BST", "SNV")]
        self.assertEqual([t for t in types if t in ("report.reviewed", "comment.posted")], ["report.reviewed", "comment.posted", "report.reviewed"])

    def test_a_clerk_applies_a_shared_model_in_two_clicks(self):
        self.sign_in("hoa.stttt")
        self.open("/initiatives")
        self.assertIn("MH-2023-02", self.browser.page_source)
        self.browser.find_element(By.ID, "apply-MH-2023-02").click()
        self.browser.find_element(By.ID, "confirm-MH-2023-02").click()
        self.assertIn("MH-2023-02", self.browser.find_element(By.ID, "applied").text)
        section = self.browser.find_element(By.ID, "mh-MH-2023-02").text
        self.assertIn("(STTTT,", section)
        self.assertEqual(self.browser.find_elements(By.ID, "apply-MH-2023-02"), [], "no second apply of the same model")
        self.assert_no_policy_violation()
        self.shot("initiatives")
        # In the log as the agency's event, sent from the page.
        events = self.portal.run("events", "--agency", "STTTT", "--type", "initiative.applied", "--json")
        self.assertIn('"initiative":"MH-2023-02"', events.replace(" ", ""))

    def test_a_clerk_sends_files_and_reads_each_verdict(self):
        self.sign_in("lan.bst")
        self.assertTrue(self.browser.current_url.endswith("/agency/BST"))
        self.assertIn("Nhiệm vụ của cơ quan", self.browser.page_source)
        self.assertTrue(self.browser.find_element(By.ID, "template").get_attribute("href").endswith("/agency/BST/template.xlsx"))
        # Both files in one send: one accepted with its count, one rejected with its line.
        self.browser.find_element(By.ID, "upload-files").send_keys(
            os.path.join(self.files, "bai-viet.ndjson") + "\n" + os.path.join(self.files, "sai-kenh.ndjson"))
        self.browser.find_element(By.ID, "send").click()
        accepted = self.browser.find_element(By.CSS_SELECTOR, ".verdict[data-status=accepted]")
        self.assertIn("bai-viet.ndjson", accepted.text)
        self.assertIn("1 sự kiện mới", accepted.text)
        rejected = self.browser.find_element(By.CSS_SELECTOR, ".verdict[data-status=rejected]")
        self.assertIn("sai-kenh.ndjson", rejected.text)
        error = rejected.find_element(By.CSS_SELECTOR, "li")
        self.assertIn("dòng 2", error.text)
        self.assertEqual(error.get_attribute("data-code"), "invalid_value")
        self.shot("clerk-verdicts")
        # The same copies as a folder file: processed/ and rejected/ with errors.json.
        state = self.portal.state
        self.assertTrue(os.path.exists(os.path.join(state, "rejected", "BST", "sai-kenh.ndjson.errors.json")))
        self.assertTrue(any("bai-viet.ndjson" in names for _, _, names in os.walk(os.path.join(state, "processed", "BST"))))
        history = self.browser.find_element(By.ID, "file-history").text
        self.assertIn("bai-viet.ndjson", history)
        self.assertIn("sai-kenh.ndjson", history)
        self.assert_no_policy_violation()
        # Another agency's page is refused, with the reason in Vietnamese.
        self.open("/agency/STTTT")
        refusal = self.browser.find_element(By.CSS_SELECTOR, ".problem")
        self.assertEqual(refusal.get_attribute("data-code"), "forbidden_agency")
        self.assertIn("không được", refusal.text)
        self.open("/dashboard")
        self.assertEqual(self.browser.find_element(By.CSS_SELECTOR, ".problem").get_attribute("data-code"), "forbidden_agency")
        self.open("/agency/BST")
        self.shot("clerk")

    def test_snv_reads_the_period_and_traces_a_figure_to_its_events(self):
        self.sign_in("snv")
        self.assertTrue(self.browser.current_url.endswith("/dashboard"))
        self.open("/dashboard?period=2024")
        page = self.browser.page_source
        self.assertIn("năm 2024", page)
        # The headline comes first; the long lists are folded, and open at a touch.
        self.assertIn("Sở Tài chính", self.browser.find_element(By.ID, "silent").get_attribute("textContent"))
        self.browser.find_element(By.CSS_SELECTOR, "#silent summary").click()
        silent = self.browser.find_element(By.ID, "silent").text
        self.assertIn("Sở Tài chính", silent)
        self.assertGreaterEqual(len(self.browser.find_elements(By.CSS_SELECTOR, ".charts svg")), 3)
        self.assertTrue(self.browser.find_elements(By.CSS_SELECTOR, "#editions a[href*='consolidated-2024-e1.docx']"))
        self.assert_no_policy_violation()
        self.shot("dashboard")
        # The articles tile: its number is a link to exactly that many events.
        tile = self.browser.find_element(By.CSS_SELECTOR, ".totals .tile a[href*='figure=total.articles']")
        articles = int(tile.text)
        tile.click()
        WebDriverWait(self.browser, 10).until(lambda browser: "/audit/trace" in browser.current_url)
        count = self.browser.find_element(By.ID, "trace-count")
        self.assertIn("Tin, bài — tổng số", self.browser.find_element(By.TAG_NAME, "h1").text)
        self.assertEqual(int(count.get_attribute("data-count")), articles)
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, "#events tr[data-seq]")), articles)
        self.shot("trace")
        self.open("/dashboard/agency/UBND-MX?period=2024")
        self.assertIn("UBND huyện Mỹ Xuyên", self.browser.find_element(By.TAG_NAME, "h1").text)
        self.assert_no_policy_violation()
        self.shot("agency")

    def test_an_auditor_filters_the_trail_opens_an_event_and_verifies(self):
        self.sign_in("kiemtoan")
        self.assertTrue(self.browser.current_url.endswith("/audit"))
        self.browser.find_element(By.CSS_SELECTOR, "#agency option[value=UBND-MX]").click()
        self.browser.find_element(By.ID, "filter").click()
        # The filtered page, not the rows of the one before it.
        WebDriverWait(self.browser, 10).until(lambda browser: "agency=UBND-MX" in browser.current_url)
        rows = self.browser.find_elements(By.CSS_SELECTOR, "#events tr[data-seq]")
        self.assertTrue(rows)
        self.assertTrue(all(row.find_elements(By.TAG_NAME, "td")[2].text == "UBND-MX" for row in rows))
        self.shot("audit")
        rows[0].find_element(By.TAG_NAME, "a").click()
        self.assertRegex(self.browser.find_element(By.ID, "hash").text, r"^[0-9a-f]{64}$")
        self.assertIn("my-xuyen-6-thang.jsonl", self.browser.find_element(By.ID, "event").text)
        self.shot("event")
        self.open("/audit/verify")
        self.browser.find_element(By.ID, "verify-now").click()
        result = self.browser.find_element(By.ID, "verify-result")
        self.assertEqual(result.get_attribute("data-ok"), "true")
        self.assertIn("Toàn vẹn", result.text)
        self.assert_no_policy_violation()
        self.shot("verify")
        # An auditor reads an agency's page but gets no upload form.
        self.open("/agency/BST")
        self.assertFalse(self.browser.find_elements(By.ID, "upload"))

    def test_the_sign_in_page(self):
        self.open("/audit")
        self.assertTrue(self.browser.current_url.endswith("/login"))
        self.browser.find_element(By.ID, "login").send_keys("snv")
        self.browser.find_element(By.ID, "password").send_keys("sai-mat-khau")
        self.browser.find_element(By.ID, "sign-in").click()
        self.assertEqual(self.browser.find_element(By.CSS_SELECTOR, ".problem").get_attribute("data-code"), "sign_in_failed")
        self.assert_no_policy_violation()
        self.shot("login")


if __name__ == "__main__":
    unittest.main(verbosity=2)
