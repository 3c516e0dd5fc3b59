#!/usr/bin/env python3
"""Fills SNV's plan workbook (`reformledger plan template --year 2025`) with the example
2025 plan that `ke-hoach-2025-vi-du.xlsx` holds: how that file was made, to make it again
after the template changes. An example, not an official document: every title says "ví dụ".

usage: make_example_workbook.py TEMPLATE.xlsx OUT.xlsx
"""
import datetime
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])


def column(sheet, header):
    for cell in sheet[1]:
        if cell.value == header:
            return cell.column_letter
    raise SystemExit(f"no column {header!r} on {sheet.title}")


def fill(sheet_name, row, values):
    sheet = book[sheet_name]
    for header, value in values.items():
        sheet[f"{column(sheet, header)}{row}"] = value


PLAN = "KH-TTCCHC-2025-VD"
issued = datetime.date(2025, 1, 2)
fill("Kế hoạch", 3, {"Ngày ban hành": issued, "Kế hoạch": PLAN,
                     "Tiêu đề": "Kế hoạch tuyên truyền cải cách hành chính năm 2025 (VÍ DỤ — không phải văn bản chính thức)",
                     "Năm kế hoạch": 2025, "Số, ký hiệu văn bản": "00/KH-VD", "Ngày ký": issued})
fill("Nhiệm vụ", 3, {"Ngày ban hành": issued, "Nhiệm vụ": "KH2025-01", "Kế hoạch": PLAN,
                     "Tiêu đề": "Tiếp tục tuyên truyền kết quả cải cách hành chính, Chỉ số CCHC, SIPAS (ví dụ)",
                     "Cơ quan chủ trì": "DPTTH — Đài Phát thanh và Truyền hình; BST — Báo Sóc Trăng",
                     "Cơ quan phối hợp": "SNV — Sở Nội vụ", "Từ tháng": "01/2025", "Đến tháng": "06/2025",
                     "Chuyển tiếp từ nhiệm vụ": "KH2024-01 — Kết quả CCHC năm 2023"})
fill("Nhiệm vụ", 4, {"Ngày ban hành": issued, "Nhiệm vụ": "KH2025-02", "Kế hoạch": PLAN,
                     "Tiêu đề": "Tuyên truyền việc sắp xếp đơn vị hành chính và chính quyền địa phương hai cấp (ví dụ)",
                     "Cơ quan chủ trì": "SNV — Sở Nội vụ",
                     "Cơ quan phối hợp": "Tất cả UBND cấp xã; Tất cả cơ quan báo chí", "Từ tháng": "Thường xuyên"})
fill("Chỉ tiêu", 3, {"Ngày ban hành": issued, "Chỉ tiêu": "awareness.citizens — Tỷ lệ người dân", "Mức chỉ tiêu": "0.85",
                     "Kế hoạch": PLAN})
districts = ["UBND-TPST", "UBND-VC", "UBND-NN", "UBND-CT", "UBND-KS", "UBND-MT", "UBND-CLD", "UBND-LP", "UBND-MX", "UBND-TT",
             "UBND-TD"]
for row, district in enumerate(districts, start=3):
    fill("Giải thể, kết thúc", row, {"Ngày ban hành": datetime.date(2025, 6, 16), "Mã cơ quan": district,
                                       "Ngày hiệu lực": datetime.date(2025, 7, 1), "Cơ quan kế thừa": "UBND",
                                       "Ghi chú": "Kết thúc hoạt động của chính quyền cấp huyện (ví dụ)"})
book.save(sys.argv[2])
