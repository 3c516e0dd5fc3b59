"""Every page of every role read by axe-core in headless Chromium (WCAG 2.1 A and AA rules;
a critical or serious violation fails), and the dashboard and a clerk's page on a phone-sized
screen (390×844): nothing scrolls sideways, the headline figures come before the lists.
axe.min.js comes from PyPI's axe-core-python and is injected through Selenium, so the
page's own Content-Security-Policy (no script at all) stays as it is.
With SCREENSHOTS=<folder> the phone pages are saved there as PNG."""

import os
import re
import unittest

import axe_core_python
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from portal_fixture import ACCOUNTS, Portal

AXE = open(os.path.join(os.path.dirname(axe_core_python.__file__), "axe.min.js"), encoding="utf-8").read()
SHOTS = os.environ.get("SCREENSHOTS")

PAGES = {
    None: ["/login"],
    "lan.bst": ["/agency/BST?period=2024-Q4", "/initiatives", "/initiatives?apply=MH-2023-03",
                "/agency/BST/entry?form=survey.submitted:awareness"],
    "snv": ["/dashboard?period=2024", "/dashboard/agency/BST?period=2024", "/dashboard/agency/UBND-MX?period=2024-H1", "/agency/UBND-MX?period=2024", "/plans",
            "/plans/KH-TTCCHC-2024"],
    "kiemtoan": ["/audit", "/audit/event/1", "/audit/trace?period=2024&figure=total.articles", "/audit/verify"],
}


class AccessibleEverywhere(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.portal = Portal()

    @classmethod
    def tearDownClass(cls):
        cls.portal.stop()

    def browser(self, width, height):
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}", "--lang=vi"]:
            options.add_argument(argument)
        if width < 500:
            # A phone: Chromium's windows are no narrower than 500 px, its emulation is.
            options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 3}})
        options.binary_location = "/usr/bin/chromium"
        browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        browser.implicitly_wait(5)
        self.addCleanup(browser.quit)
        return browser

    def sign_in(self, browser, login):
        browser.get(self.portal.base + "/login")
        browser.find_element(By.ID, "login").send_keys(login)
        browser.find_element(By.ID, "password").send_keys(ACCOUNTS[login][2])
        browser.find_element(By.ID, "sign-in").click()
        self.assertEqual(browser.find_element(By.ID, "who").text, login)

    def violations(self, browser):
        browser.set_script_timeout(60)
        return browser.execute_async_script(
            AXE + """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
               .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
               .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
            """)

    def test_no_page_of_any_role_has_a_critical_or_serious_violation(self):
        found = []
        for login, paths in PAGES.items():
            browser = self.browser(1366, 768)
            if login:
                self.sign_in(browser, login)
            for path in paths:
                browser.get(self.portal.base + path)
                for violation in self.violations(browser):
                    if violation["impact"] in ("critical", "serious"):
                        found.append((login, path, violation["id"], violation["help"], violation["nodes"]))
        self.assertEqual(found, [], "\n".join(map(str, found)))

    def test_a_phone_never_scrolls_sideways_and_reads_the_headline_first(self):
        for login, path in [("snv", "/dashboard?period=2024"), ("lan.bst", "/agency/BST?period=2024-Q4")]:
            browser = self.browser(390, 844)
            self.sign_in(browser, login)
            browser.get(self.portal.base + path)
            inner = browser.execute_script("return window.innerWidth")
            wide = browser.execute_script("return document.documentElement.scrollWidth")
            self.assertLessEqual(wide, inner, f"{path} is {wide} px wide in a {inner} px screen")
            if SHOTS:
                height = browser.execute_script("return document.documentElement.scrollHeight")
                browser.set_window_size(390, min(height + 120, 6000))
                browser.save_screenshot(os.path.join(SHOTS, "portal-phone-%s.png" % ("dashboard" if "dashboard" in path else "clerk")))
        # On the dashboard the headline figures and what needs action open the page.
        browser = self.browser(390, 844)
        self.sign_in(browser, "snv")
        browser.get(self.portal.base + "/dashboard?period=2024")
        # Figures as a Vietnamese reader writes them: no ratio as 0.dddd anywhere on the page.
        self.assertIsNone(re.search(r"(?<![\d.,])0\.\d{4}(?!\d)", browser.find_element(By.TAG_NAME, "main").text))
        first = browser.find_element(By.CSS_SELECTOR, "main > section")
        self.assertEqual(first.get_attribute("id"), "headline", first.get_attribute("outerHTML")[:300])
        top = first.rect["y"]
        self.assertLess(top, 844, "the headline is on the first screen")


if __name__ == "__main__":
    unittest.main(verbosity=2)
