"""What the workbook-filling scripts share: a column found by its Vietnamese header, the
values of a column's drop-down list read from the workbook's own data validations, and
cells written by header. They know no code of the product, only what a person sees."""

import openpyxl


def column(sheet, header):
    """The letter of the column whose row-1 header is `header`."""
    for cell in sheet[1]:
        if cell.value == header:
            return cell.column_letter
    raise SystemExit(f"no column {header!r} on {sheet.title}")


def choices(book, sheet, letter):
    """The values of the drop-down list on a column of a sheet."""
    index = openpyxl.utils.column_index_from_string(letter)
    for validation in sheet.data_validations.dataValidation:
        if any(r.min_col == index for r in validation.sqref.ranges):
            name, cells = validation.formula1.rsplit("!", 1)
            return [row[0].value for row in book[name.strip("'")][cells.replace("$", "")]]
    raise SystemExit(f"no drop-down list on {sheet.title}!{letter}")


def fill(book, sheet_name, row, values):
    """Writes `values` (header → value) into `row` of a sheet."""
    sheet = book[sheet_name]
    for header, value in values.items():
        sheet[f"{column(sheet, header)}{row}"] = value
