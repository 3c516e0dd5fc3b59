#!/usr/bin/env python3
"""Writes a clerk's workbook of N activity rows, as Excel would save a filled template:
Vietnamese headers, Excel dates, labels from the lists, shared strings (openpyxl's
write-only mode, so that the generator itself stays small).

usage: generate_workbook.py N OUT.xlsx
"""
import datetime
import sys

import openpyxl

n, out = int(sys.argv[1]), sys.argv[2]
book = openpyxl.Workbook(write_only=True)
sheet = book.create_sheet("Hoạt động tuyên truyền")
sheet.append(["Mã sự kiện", "Ngày thực hiện", "Hình thức", "Tên hoạt động", "Số người tham gia", "Nhiệm vụ"])
forms = ["Tập huấn, bồi dưỡng", "Hội nghị", "Tuyên truyền lưu động", "Hội thảo, tọa đàm"]
start = datetime.date(2024, 1, 1)
for i in range(n):
    sheet.append([f"HD-{i:06d}", start + datetime.timedelta(days=i % 360), forms[i % len(forms)],
                  f"Hoạt động tuyên truyền CCHC số {i} tại xã {i % 97}", 20 + i % 300, "KH2024-05" if i % 3 == 0 else None])
book.save(out)
