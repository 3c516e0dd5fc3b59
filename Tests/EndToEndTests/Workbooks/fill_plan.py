#!/usr/bin/env python3
"""Fills SNV's plan workbook (`reformledger plan template`) as SNV would in Excel: the 2025
plan, two tasks (one carried on from 2024), targets with and without the plan, a new
commune committee, a district committee re-attached by a rename, and the district
committees dissolved on 2025-07-01. Values are picked from each cell's own drop-down list
where it has one; dates are typed as dates. It knows no code of the product: only the
headers and lists it sees.

usage: fill_plan.py TEMPLATE.xlsx OUT.xlsx
"""
import datetime
import sys

import openpyxl

import workbook_cells

book = openpyxl.load_workbook(sys.argv[1])


def choices(sheet, letter):
    return workbook_cells.choices(book, sheet, letter)


def column(sheet, header):
    return workbook_cells.column(sheet, header)


def fill(sheet_name, row, values):
    workbook_cells.fill(book, sheet_name, row, values)


def pick(sheet_name, header, starts):
    """The entry of a column's list that starts with `starts`."""
    sheet = book[sheet_name]
    values = choices(sheet, column(sheet, header))
    for value in values:
        if value.startswith(starts):
            return value
    raise SystemExit(f"{starts!r} is not in the list of {sheet_name}/{header}: {values[:5]}")


issued = datetime.date(2025, 1, 6)
plan = pick("Kế hoạch", "Kế hoạch", "KH-TTCCHC-2025")
fill("Kế hoạch", 3, {"Ngày ban hành": issued, "Kế hoạch": plan, "Tiêu đề": "Kế hoạch tuyên truyền CCHC năm 2025 (thử nghiệm)",
                     "Năm kế hoạch": 2025, "Số, ký hiệu văn bản": "05/KH-UBND", "Ngày ký": issued})
fill("Thêm cơ quan", 3, {"Ngày ban hành": issued, "Mã cơ quan": "UBND-XPM", "Tên cơ quan": "UBND xã Phú Mỹ",
                         "Loại cơ quan": pick("Thêm cơ quan", "Loại cơ quan", "UBND cấp xã")})
fill("Đổi tên, sắp xếp lại", 3, {"Ngày ban hành": datetime.date(2025, 6, 20), "Mã cơ quan": pick("Đổi tên, sắp xếp lại", "Mã cơ quan", "UBND-TD "),
                                   "Tên cơ quan": "UBND phường Trần Đề (sau sắp xếp)",
                                   "Cơ quan cấp trên": pick("Đổi tên, sắp xếp lại", "Cơ quan cấp trên", "UBND "),
                                   "Loại cơ quan": pick("Đổi tên, sắp xếp lại", "Loại cơ quan", "UBND cấp xã")})
fill("Nhiệm vụ", 3, {"Ngày ban hành": issued, "Nhiệm vụ": "KH2025-01", "Tiêu đề": "Tiếp tục tuyên truyền kết quả CCHC năm 2024",
                     "Kế hoạch": plan, "Cơ quan chủ trì": pick("Nhiệm vụ", "Cơ quan chủ trì", "BST "),
                     "Cơ quan phối hợp": pick("Nhiệm vụ", "Cơ quan phối hợp", "SNV ") + "; " + pick("Nhiệm vụ", "Cơ quan phối hợp", "Tất cả UBND cấp xã"),
                     "Từ tháng": "03/2025", "Đến tháng": pick("Nhiệm vụ", "Đến tháng", "06/2025"),
                     "Nội dung": "Chỉ số CCHC; SIPAS",
                     "Chuyển tiếp từ nhiệm vụ": pick("Nhiệm vụ", "Chuyển tiếp từ nhiệm vụ", "KH2024-01 ")})
fill("Nhiệm vụ", 4, {"Ngày ban hành": issued, "Nhiệm vụ": "KH2025-02", "Tiêu đề": "Tuyên truyền chính quyền địa phương hai cấp",
                     "Kế hoạch": plan, "Cơ quan chủ trì": "SNV; UBND-XPM",
                     "Từ tháng": pick("Nhiệm vụ", "Từ tháng", "Thường xuyên")})
fill("Chỉ tiêu", 3, {"Ngày ban hành": issued, "Chỉ tiêu": pick("Chỉ tiêu", "Chỉ tiêu", "awareness.citizens"), "Mức chỉ tiêu": "0.9",
                     "Kế hoạch": plan})
fill("Chỉ tiêu", 4, {"Ngày ban hành": issued, "Chỉ tiêu": pick("Chỉ tiêu", "Chỉ tiêu", "staff-trained"), "Mức chỉ tiêu": "0.95"})
districts = [v for v in choices(book["Giải thể, kết thúc"], column(book["Giải thể, kết thúc"], "Mã cơ quan")) if v.startswith("UBND-")]
row = 3
for district in sys.argv[3].split(",") if len(sys.argv) > 3 else []:
    entry = next(v for v in districts if v.startswith(district + " "))
    fill("Giải thể, kết thúc", row, {"Ngày ban hành": datetime.date(2025, 6, 16), "Mã cơ quan": entry,
                                       "Ngày hiệu lực": datetime.date(2025, 7, 1), "Cơ quan kế thừa": "UBND",
                                       "Ghi chú": "Kết thúc hoạt động cấp huyện"})
    row += 1
book.save(sys.argv[2])
