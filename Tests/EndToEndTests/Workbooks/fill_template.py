#!/usr/bin/env python3
"""Fills a template written by `reformledger template` as a clerk would in Excel: picks
values from each cell's drop-down list (read from the workbook's own data validations),
types dates as dates, and saves. It knows no code of the product: only the headers it sees.

usage: fill_template.py TEMPLATE.xlsx OUT.xlsx
"""
import datetime
import sys

import openpyxl

import workbook_cells

book = openpyxl.load_workbook(sys.argv[1])


def choices(sheet, column_letter):
    return workbook_cells.choices(book, sheet, column_letter)


column = workbook_cells.column


def fill(sheet_name, row, values):
    sheet = book[sheet_name]
    for header, value in values.items():
        letter = column(sheet, header)
        if isinstance(value, int) and header not in ("Số người tham gia", "Số người được khảo sát", "Số người nắm được"):
            value = choices(sheet, letter)[value]  # an index into the cell's list
        sheet[f"{letter}{row}"] = value


fill("Hoạt động tuyên truyền", 3, {"Ngày thực hiện": datetime.date(2024, 3, 5), "Hình thức": 0,
                                    "Tên hoạt động": "Tập huấn nghiệp vụ CCHC", "Số người tham gia": 45, "Nhiệm vụ": 0})
fill("Hoạt động tuyên truyền", 5, {"Ngày thực hiện": datetime.date(2024, 3, 12), "Hình thức": 5,
                                    "Tên hoạt động": "Xe loa tuyên truyền lưu động"})
fill("Tin, bài tuyên truyền", 3, {"Ngày thực hiện": datetime.date(2024, 3, 6), "Tiêu đề": "Dịch vụ công trực tuyến",
                                   "Kênh tuyên truyền": 6})
fill("Khảo sát nhận thức", 3, {"Ngày thực hiện": datetime.date(2024, 3, 20), "Đối tượng khảo sát": 1,
                                "Số người được khảo sát": 400, "Số người nắm được": 333})
fill("Gửi báo cáo định kỳ", 3, {"Ngày thực hiện": datetime.date(2024, 3, 15), "Kỳ báo cáo": 0})
book.save(sys.argv[2])
