#!/usr/bin/env python3
"""Writes the workbooks WorkbookTests ingests, as a clerk's Excel would: openpyxl for the
ordinary ones, and hand-made ZIP packages for the hostile ones (a ZIP bomb, a DTD with
entities, a row at Excel's last row, a shared string that does not exist).

usage: make_workbooks.py OUT_DIR
"""
import datetime
import sys
import zipfile
from pathlib import Path

import openpyxl

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)

# A filled workbook: instructions, a sheet named after its type with Vietnamese headers,
# dates as real Excel dates and as text, labels in any case; a sheet of code headers.
book = openpyxl.Workbook()
guide = book.active
guide.title = "Hướng dẫn"
guide["A1"] = "Điền mỗi hoạt động vào một dòng của trang tương ứng."
activities = book.create_sheet("Hoạt động tuyên truyền")
activities.append(["Mã sự kiện", "Ngày thực hiện", "Hình thức", "Tên hoạt động", "Số người tham gia", "Nhiệm vụ"])
activities.append(["HD-001", datetime.date(2024, 3, 5), "Tập huấn, bồi dưỡng", "Tập huấn CCHC cho công chức", 45, "KH2024-05"])
activities.append([])
activities.append(["HD-002", "12/03/2024", "tuyên truyền  LƯU ĐỘNG", "Xe loa tuyên truyền", None, None])
hidden = book.create_sheet("Danh mục")
hidden.append(["id", "occurred_at", "type"])
hidden.append(["never", "2024-01-01", "activity.held"])
hidden.sheet_state = "hidden"
articles = book.create_sheet("codes")
articles.append(["id", "type", "occurred_at", "title", "channel"])
articles.append(["TB-001", "article.published", datetime.datetime(2024, 3, 6, 9, 30), "Bài viết về dịch vụ công", "Zalo"])
book.save(out / "filled.xlsx")

# The same sheet with an impossible date and a form that is an English word, not a code.
bad = openpyxl.Workbook()
sheet = bad.active
sheet.title = "Hoạt động tuyên truyền"
sheet.append(["Mã sự kiện", "Ngày thực hiện", "Hình thức", "Tên hoạt động"])
sheet.append(["X-1", "31/02/2024", "Tập huấn, bồi dưỡng", "T"])
sheet.append(["X-2", "01/03/2024", "Training course", "T"])
bad.save(out / "bad-date.xlsx")

RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="activity.held" sheetId="1" r:id="rId1"/></sheets></workbook>')
HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>occurred_at</t></is></c></row>'


def package(name, sheet, shared=None, compress=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(out / name, "w", compress) as z:
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/worksheets/sheet1.xml", sheet)


def worksheet(rows):
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{rows}</sheetData></worksheet>')


# 200 MiB of spaces inside the sheet: 200 KiB packed.
with zipfile.ZipFile(out / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/_rels/workbook.xml.rels", RELS)
    z.writestr("xl/workbook.xml", WORKBOOK)
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
        part.write(worksheet(HEADER).encode()[:-len("</sheetData></worksheet>")])
        block = b" " * (1 << 20)
        for _ in range(200):
            part.write(block)
        part.write(b"</sheetData></worksheet>")

laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>')
package("entities.xlsx", worksheet(HEADER), shared=laughs)
package("last-row.xlsx", worksheet(HEADER + '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'))
package("shared-string.xlsx", worksheet(HEADER + '<row r="2"><c r="A2" t="s"><v>7</v></c></row>'),
        shared='<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>only</t></si></sst>')
(out / "not-a-zip.xlsx").write_bytes(b"id,occurred_at\n")

# A date written as an ISO 8601 cell (t="d"), as some tools save it instead of a serial.
ISO_HEADER = ('<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>occurred_at</t></is></c>'
              '<c r="C1" t="inlineStr"><is><t>form</t></is></c><c r="D1" t="inlineStr"><is><t>title</t></is></c></row>')
package("iso-date.xlsx", worksheet(ISO_HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>D-1</t></is></c><c r="B2" t="d"><v>2024-03-07T00:00:00</v></c>'
                                   '<c r="C2" t="inlineStr"><is><t>training</t></is></c><c r="D2" t="inlineStr"><is><t>Tập huấn</t></is></c></row>'))

# An article at 23:30 on the last day of a quarter, typed as an Excel date-time.
evening = openpyxl.Workbook()
sheet = evening.active
sheet.title = "codes"
sheet.append(["id", "type", "occurred_at", "title", "channel"])
sheet.append(["TOI-1", "article.published", datetime.datetime(2024, 3, 31, 23, 30), "Bài đăng buổi tối", "Zalo"])
evening.save(out / "evening.xlsx")
