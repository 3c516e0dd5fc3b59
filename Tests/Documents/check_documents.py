#!/usr/bin/env python3
"""Opens every kind of document the product writes with readers that share nothing with
it — python-docx and docx2python for the DOCX, plain text for HTML and Markdown — and checks
what their readers hold them to (issue: Decree 30 layout, Vietnamese numbers):

- both DOCX readers open the consolidated and the agency report;
- the page number is a PAGE field centred in the header, and the first page has none
  (`titlePg`); margins 20/20/30/15 mm; every table at 12 pt or more;
- no human-facing output prints a ratio as `0.dddd` (the JSON and CSV keep that form).

usage: check_documents.py FILE...   (exit 1 with the reason on the first failure)
"""
import re
import sys
import zipfile

import docx
from docx2python import docx2python

RATIO = re.compile(r"(?<![\d.,])0\.\d{4}(?![\d])")


def fail(message):
    print("document check: " + message)
    sys.exit(1)


def check_docx(path):
    document = docx.Document(path)
    section = document.sections[0]
    if not section.different_first_page_header_footer:
        fail(f"{path}: no titlePg (the first page must carry no page number)")
    margins = [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)]
    if margins != [20, 20, 30, 15]:
        fail(f"{path}: margins {margins} mm, not 20/20/30/15")
    header = section.header
    xml = header._element.xml
    if "PAGE" not in "".join(header._element.itertext()) and " PAGE " not in xml:
        fail(f"{path}: the header has no PAGE field")
    if not any(p.alignment is not None and p.alignment == 1 for p in header.paragraphs):
        fail(f"{path}: the page number is not centred")
    with zipfile.ZipFile(path) as package:
        body = package.read("word/document.xml").decode()
    for table in re.findall(r"<w:tbl>.*?</w:tbl>", body, re.S):
        for size in re.findall(r'<w:sz w:val="(\d+)"/>', table):
            # The heading table's motto and issuer are 12–13 pt; "Nơi nhận" lists are 11 pt by
            # the decree and sit in a borderless table, which is not a data table.
            if int(size) < 24 and 'w:val="nil"' not in table:
                fail(f"{path}: a table at {int(size) / 2} pt")
    with docx2python(path) as read:
        text = read.text
    if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text:
        fail(f"{path}: docx2python finds no national motto")
    if RATIO.search(text):
        fail(f"{path}: a ratio printed as {RATIO.search(text).group(0)}")
    print(f"document check: {path} opens in python-docx and docx2python; page number, titlePg, margins and tables as Decree 30 sets")


def check_text(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # The checkpoint block and hashes are machine text; figures are not.
    text = re.sub(r"<pre class=\"checkpoint\">.*?</pre>|```.*?```", "", text, flags=re.S)
    found = RATIO.search(text)
    if found:
        fail(f"{path}: a ratio printed as {found.group(0)}")
    print(f"document check: {path} prints every ratio as a Vietnamese reader writes it")


for path in sys.argv[1:]:
    if path.endswith(".docx"):
        check_docx(path)
    else:
        check_text(path)
