#!/usr/bin/env python3
"""Writes workbooks at and past every bound of the workbook reader (CONTRACT §6.3), as a
hostile or careless sender would, with Python's zipfile and raw SpreadsheetML — nothing
shared with the product. Each is named for what it tries:

  widest-within-limits.xlsx   99,999 rows × 6 columns of inline text, just under the
                              unpacked bound: the memory case (must be taken, < 200 MB)
  shared-within-limits.xlsx   ~52 MiB of unique shared strings (held whole, cells look them up; the bound is 64 MiB)
  thousands-of-sheets.xlsx    4,000 sheets listed in ~350 KB (refused: too many sheets)
  thousands-of-parts.xlsx     3,000 tiny parts in the package (refused: too many parts)
  past-last-column.xlsx       a cell at XFE2 (refused, naming the cell)
  huge-shared-index.xlsx      a shared-string index of 40 digits (refused, showing it)
  old-format.xlsx             an OLE2 compound file, as a .xls renamed .xlsx
  password.xlsx               an OLE2 file holding an EncryptedPackage stream
  endless-cell.xlsx           one cell whose text runs 8 MiB without an end tag
  at-the-bounds.xlsx          256 sheets, 1,990 parts, a (formatted, empty) cell in column 512 (SR), the
                              last row 100,000: taken
  column-513.xlsx             a cell in column 513 (SS): refused, naming it
  row-100001.xlsx             a row numbered 100,001: refused
  shared-past-limit.xlsx      ~70 MiB of unique shared strings: refused

usage: generate_hostile_workbooks.py FOLDER
"""
import hashlib
import os
import sys
import zipfile

HEAD = ["id", "type", "occurred_at", "form", "title", "participants"]
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def package(path, sheets, shared=None, extra_parts=0):
    """sheets: [(name, xml bytes or a generator of byte chunks)]"""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        entries = "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (name, i + 1, i + 1) for i, (name, _) in enumerate(sheets))
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook %s><sheets>%s</sheets></workbook>' % (NS, entries))
        rels = "".join('<Relationship Id="rId%d" Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1) for i in range(len(sheets)))
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships>%s</Relationships>' % rels)
        if shared is not None:
            with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
                f.write(b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
                for text in shared:
                    f.write(b"<si><t>" + text + b"</t></si>")
                f.write(b"</sst>")
        for i, (_, body) in enumerate(sheets):
            if body is None:
                continue
            with z.open("xl/worksheets/sheet%d.xml" % (i + 1), "w", force_zip64=True) as f:
                if isinstance(body, bytes):
                    f.write(body)
                else:
                    for chunk in body:
                        f.write(chunk)
        for i in range(extra_parts):
            z.writestr("xl/media/part%d.xml" % i, "<x/>")


def letters(column):
    out = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out


def header_row():
    cells = "".join('<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>' % (letters(i), h) for i, h in enumerate(HEAD))
    return ('<row r="1">%s</row>' % cells).encode()


def wide_rows(rows, title_bytes, shared):
    yield ('<?xml version="1.0"?><worksheet %s><sheetData>' % NS).encode() + header_row()
    pad = "x" * title_bytes
    for r in range(2, rows + 2):
        if shared:
            title = '<c r="E%d" t="s"><v>%d</v></c>' % (r, r - 2)
        else:
            title = '<c r="E%d" t="inlineStr"><is><t>Bài %d %s</t></is></c>' % (r, r, pad)
        yield ('<row r="%d"><c r="A%d" t="inlineStr"><is><t>W-%06d</t></is></c><c r="B%d" t="inlineStr"><is><t>activity.held</t></is></c>'
               '<c r="C%d"><v>%d</v></c><c r="D%d" t="inlineStr"><is><t>training</t></is></c>%s<c r="F%d"><v>%d</v></c></row>'
               % (r, r, r, r, r, 45292 + r % 300, r, title, r, 10 + r % 90)).encode()
    yield b"</sheetData></worksheet>"


def event_row(r, extra=""):
    return ('<row r="%d"><c r="A%d" t="inlineStr"><is><t>B-%d</t></is></c><c r="B%d" t="inlineStr"><is><t>activity.held</t></is></c>'
            '<c r="C%d"><v>45300</v></c><c r="D%d" t="inlineStr"><is><t>training</t></is></c>'
            '<c r="E%d" t="inlineStr"><is><t>Biên</t></is></c>%s</row>' % (r, r, r, r, r, r, r, extra))


def simple_sheet(rows_xml):
    return ('<?xml version="1.0"?><worksheet %s><sheetData>' % NS).encode() + header_row() + rows_xml.encode() + b"</sheetData></worksheet>"


def ole2(payload):
    # A compound file's header signature, then whatever streams: enough for a reader to know it.
    return bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b"\0" * 504 + payload + b"\0" * 4096


def main(folder):
    os.makedirs(folder, exist_ok=True)
    j = lambda name: os.path.join(folder, name)
    # ~1,150 bytes a row: 99,999 rows stay just under 120 MiB unpacked (the bound is 128 MiB).
    package(j("widest-within-limits.xlsx"), [("activity.held", wide_rows(99_999, 1_000, shared=False))])
    package(j("shared-within-limits.xlsx"), [("activity.held", wide_rows(99_999, 0, shared=True))],
            shared=(("Bài %d " % i).encode() + hashlib.sha512(b"%d" % i).hexdigest().encode() * 4 for i in range(99_999)))
    package(j("thousands-of-sheets.xlsx"), [("S%d" % i, None) for i in range(4000)])
    package(j("thousands-of-parts.xlsx"), [("activity.held", simple_sheet(""))], extra_parts=3000)
    package(j("past-last-column.xlsx"), [("activity.held", simple_sheet('<row r="2"><c r="XFE2"><v>1</v></c></row>'))])
    package(j("huge-shared-index.xlsx"), [("activity.held", simple_sheet('<row r="2"><c r="A2" t="s"><v>%s</v></c></row>' % ("9" * 40)))],
            shared=[b"x"])
    with open(j("old-format.xlsx"), "wb") as f:
        f.write(ole2("Workbook".encode("utf-16-le")))
    with open(j("password.xlsx"), "wb") as f:
        f.write(ole2("EncryptionInfo".encode("utf-16-le") + b"\0\0" + "EncryptedPackage".encode("utf-16-le")))
    at_bounds = simple_sheet(event_row(2, '<c r="SR2" s="1"/>') + event_row(100_000))
    package(j("at-the-bounds.xlsx"), [("activity.held", at_bounds)] + [("Trống %d" % i, simple_sheet("")) for i in range(255)],
            extra_parts=1_990 - 256 - 3)
    package(j("column-513.xlsx"), [("activity.held", simple_sheet(event_row(2, '<c r="SS2"><v>1</v></c>')))])
    package(j("row-100001.xlsx"), [("activity.held", simple_sheet(event_row(100_001)))])
    package(j("shared-past-limit.xlsx"), [("activity.held", wide_rows(99_999, 0, shared=True))],
            shared=(("Bài %d " % i).encode() + hashlib.sha512(b"%d" % i).hexdigest().encode() * 6 for i in range(99_999)))
    package(j("endless-cell.xlsx"), [("activity.held", iter([
        ('<?xml version="1.0"?><worksheet %s><sheetData>' % NS).encode() + header_row() + b'<row r="2"><c r="E2" t="inlineStr"><is><t>',
        *([b"z" * 1048576] * 8)]))])


if __name__ == "__main__":
    main(sys.argv[1])
