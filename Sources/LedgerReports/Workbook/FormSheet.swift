import LedgerDomain
import LedgerWorkbook

/// One form sheet of a template workbook (the clerk's or SNV's plan workbook): the
/// Vietnamese headers in row 1 over the field codes in hidden row 2 (which the readers go
/// by), hidden `type` and `kind` columns pre-filled, an `id` pre-filled on every row with
/// the sheet's prefix, the day, the template's batch and the row (`HD-20240305-K7Q2-001`),
/// date columns formatted `DD/MM/YYYY`, and drop-down lists from the hidden lists sheet.
struct FormSheet {
    let type: EventType
    let surveyKind: SurveyKind?
    let prefix: String
    /// The sheet's name; the type's words when nil.
    var title: String?
    /// The plan workbook writes `window` as two month columns, `window_from` and `window_to`.
    var splitsWindow = false

    var name: String {
        if let title { return title }
        switch surveyKind {
        case .awareness: return TemplateWords.awarenessSheet.vi
        case .contestFeedback: return TemplateWords.feedbackSheet.vi
        case nil: return type.label.vi
        }
    }

    /// `id`, `type`, (`kind`), `occurred_at`, then the data fields a person writes in a cell.
    var columns: [String] {
        let data = EventSchema.fields(for: type, surveyKind: surveyKind).filter { spec in
            if case .awards = spec.kind { return false }
            // A survey's kind is the sheet's own, in a hidden column; an agency's kind is asked.
            return !(spec.name == "kind" && type == .surveySubmitted)
        }
        let names = data.flatMap { spec in splitsWindow && spec.name == "window" ? ["window_from", "window_to"] : [spec.name] }
        return ["id", "type"] + (surveyKind == nil ? [] : ["kind"]) + ["occurred_at"] + names
    }

    /// Columns the sheet itself fills in, hidden from the person.
    var hiddenColumns: Set<String> { surveyKind == nil ? ["type"] : ["type", "kind"] }

    func isRequired(_ column: String) -> Bool {
        if ["id", "type", "kind", "occurred_at"].contains(column) { return true }
        let field = column.hasPrefix("window_") ? "window" : column
        return EventSchema.fields(for: type, surveyKind: surveyKind).first { $0.name == field }?.required ?? false
    }

    func isDate(_ column: String) -> Bool {
        if column == "occurred_at" { return true }
        guard let spec = EventSchema.fields(for: type, surveyKind: surveyKind).first(where: { $0.name == column }) else { return false }
        if case .date = spec.kind { return true }
        return false
    }

    /// The sheet with `rows` pre-filled rows, its lists' drop-downs on their columns.
    func sheet(day: String, batch: String, rows: Int, lists: [DropDownList], wide: Set<String>) -> Spreadsheet.Sheet {
        let columns = self.columns
        var sheet = Spreadsheet.Sheet(name: name, frozenRows: 2, printsWide: true)
        sheet.columns = columns.map { code in
            let style: Spreadsheet.Style = isDate(code) ? .date : (code == "id" || code.hasPrefix("window_") ? .text : .plain)
            return Spreadsheet.Column(width: wide.contains(code) ? 44 : 20, hidden: hiddenColumns.contains(code), style: style)
        }
        sheet.rows.append(
            Spreadsheet.Row(
                number: 1,
                cells: columns.enumerated().map { index, code in
                    Spreadsheet.Cell(column: index, value: .text(FieldLabels.label(of: code, type: type).vi), style: .header)
                }))
        sheet.rows.append(
            Spreadsheet.Row(number: 2, cells: columns.enumerated().map { Spreadsheet.Cell(column: $0.offset, value: .text($0.element)) }, hidden: true))
        let firstRow = 3
        let lastRow = firstRow + rows - 1
        for number in firstRow...lastRow {
            var cells = [
                Spreadsheet.Cell(column: 0, value: .text(String(format: "%@-%@-%@-%03d", prefix, day, batch, number - firstRow + 1)), style: .text),
                Spreadsheet.Cell(column: 1, value: .text(type.rawValue)),
            ]
            if let kind = surveyKind { cells.append(Spreadsheet.Cell(column: 2, value: .text(kind.rawValue))) }
            sheet.rows.append(Spreadsheet.Row(number: number, cells: cells))
        }
        for (index, code) in columns.enumerated() {
            guard let column = lists.firstIndex(where: { $0.serves(code, of: type) }) else { continue }
            let list = lists[column]
            let letters = SheetColumns.letters(of: index)
            sheet.validations.append(
                Spreadsheet.ListValidation(
                    range: "\(letters)\(firstRow):\(letters)\(lastRow)",
                    source: Spreadsheet.absoluteRange(sheet: TemplateWords.listsSheet.vi, column: column, rows: 2...(list.values.count + 1)),
                    strict: list.strict, errorTitle: TemplateWords.listErrorTitle.vi, error: TemplateWords.listError.vi))
        }
        return sheet
    }
}

/// A drop-down list: one column of the hidden lists sheet, named in row 1 by the field it serves.
struct DropDownList {
    let field: String
    let values: [String]
    /// A closed vocabulary stops a value outside the list; a list of tasks or agencies only warns.
    let strict: Bool
    /// The event types whose `field` it serves (every type when nil); `alsoServes` is for any type.
    var types: Set<EventType>? = nil
    /// Other columns that take the same values (`coordinating` beside `lead`).
    var alsoServes: Set<String> = []

    func serves(_ column: String, of type: EventType) -> Bool {
        column == field ? types?.contains(type) ?? true : alsoServes.contains(column)
    }

    /// The hidden sheet of the lists, one column each.
    static func sheet(_ lists: [DropDownList]) -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: TemplateWords.listsSheet.vi, hidden: true)
        sheet.columns = lists.map { _ in Spreadsheet.Column(width: 40) }
        let longest = lists.map(\.values.count).max() ?? 0
        sheet.rows.append(
            Spreadsheet.Row(number: 1, cells: lists.enumerated().map { Spreadsheet.Cell(column: $0.offset, value: .text($0.element.field), style: .header) }))
        for index in 0..<longest {
            let cells = lists.enumerated().compactMap { column, list in
                index < list.values.count ? Spreadsheet.Cell(column: column, value: .text(list.values[index])) : nil
            }
            sheet.rows.append(Spreadsheet.Row(number: index + 2, cells: cells))
        }
        return sheet
    }
}

/// The instruction sheet of a template: a title, lines, the steps, then a table of each
/// form's columns and whether they are required.
enum TemplateGuide {
    static func sheet(title: String, lines opening: [String], steps: [String], forms: [FormSheet]) -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: TemplateWords.guideSheet.vi)
        sheet.columns = [Spreadsheet.Column(width: 30), Spreadsheet.Column(width: 36), Spreadsheet.Column(width: 12)]
        var lines: [(String, Spreadsheet.Style)] = [(title, .title)]
        lines += opening.map { ($0, .plain) }
        lines.append(("", .plain))
        lines += steps.map { ($0, .wrapped) }
        lines.append(("", .plain))
        lines.append((TemplateWords.columnsHeading.vi, .title))
        var number = 0
        for (text, style) in lines {
            number += 1
            var row = Spreadsheet.Row(number: number, cells: text.isEmpty ? [] : [Spreadsheet.Cell(column: 0, value: .text(text), style: style)])
            // A step is one wrapped cell across the three columns, two lines high.
            if style == .wrapped {
                sheet.merged.append("A\(number):C\(number)")
                row.height = 32
            }
            sheet.rows.append(row)
        }
        number += 1
        sheet.rows.append(
            Spreadsheet.Row(
                number: number,
                cells: [TemplateWords.sheetColumn, TemplateWords.fieldColumn, TemplateWords.requiredColumn].enumerated().map {
                    Spreadsheet.Cell(column: $0.offset, value: .text($0.element.vi), style: .header)
                }))
        for form in forms {
            for code in form.columns where !form.hiddenColumns.contains(code) {
                number += 1
                let required = form.isRequired(code) ? TemplateWords.yes.vi : TemplateWords.no.vi
                sheet.rows.append(
                    Spreadsheet.Row(
                        number: number,
                        cells: [
                            Spreadsheet.Cell(column: 0, value: .text(form.name)),
                            Spreadsheet.Cell(column: 1, value: .text(FieldLabels.label(of: code, type: form.type).vi)),
                            Spreadsheet.Cell(column: 2, value: .text(required)),
                        ]))
            }
        }
        return sheet
    }
}
