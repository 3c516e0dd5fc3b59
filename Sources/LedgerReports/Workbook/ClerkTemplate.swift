import Foundation
import LedgerDomain
import LedgerWorkbook

/// The workbook a clerk fills in (`reformledger template`): an instruction sheet, one sheet
/// per kind of work her agency sends, and a hidden sheet of the drop-down lists.
///
/// Each form sheet has the Vietnamese headers in row 1 and the field codes in hidden row 2
/// (which `XLSXFileReader` and a CSV saved from the sheet read by); hidden `type` and `kind`
/// columns pre-filled on every row; an `id` column pre-filled with a pattern of the sheet,
/// the day the template was made, its `batch`, and the row (`HD-20240305-K7Q2-001`), so ids never collide
/// with an earlier template's; date columns formatted `DD/MM/YYYY`; and drop-down lists of
/// labels for every closed vocabulary and of the agency's own tasks. The columns are the
/// schema table's (`EventSchema`), so a template cannot ask for a field the reader refuses.
public struct ClerkTemplate {
    /// The agency the template is for; nil for a template any agency may use.
    public let agency: Agency?
    public let registry: AgencyRegistry
    /// The day it is made: the ids' pattern and the periods offered.
    public let today: LocalDate
    /// Rows pre-filled with ids on each sheet.
    public var rows = 200
    /// Four characters drawn afresh for each template (`K7Q2`), in every pre-filled id:
    /// two templates made the same day never share an id, so the second filled workbook
    /// is not refused as `id_conflict` for the first's.
    public var batch = ClerkTemplate.newBatch()

    /// Letters and digits that cannot be misread for one another (no 0/O, 1/I/L).
    public static func newBatch() -> String {
        let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        var generator = SystemRandomNumberGenerator()
        return String((0..<4).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    public init(agency: Agency?, registry: AgencyRegistry, today: LocalDate) {
        self.agency = agency
        self.registry = registry
        self.today = today
    }

    /// One sheet of the workbook: a type (and survey kind), its id prefix, its columns.
    struct Form {
        let type: EventType
        let surveyKind: SurveyKind?
        let prefix: String

        var name: String {
            switch surveyKind {
            case .awareness: TemplateWords.awarenessSheet.vi
            case .contestFeedback: TemplateWords.feedbackSheet.vi
            case nil: type.label.vi
            }
        }

        /// `id`, `type`, (`kind`), `occurred_at`, then the data fields a clerk writes in a cell.
        var columns: [String] {
            let data = EventSchema.fields(for: type, surveyKind: surveyKind).filter { spec in
                if case .awards = spec.kind { return false }
                return spec.name != "kind"
            }
            return ["id", "type"] + (surveyKind == nil ? [] : ["kind"]) + ["occurred_at"] + data.map(\.name)
        }

        func isRequired(_ column: String) -> Bool {
            if ["id", "type", "kind", "occurred_at"].contains(column) { return true }
            return EventSchema.fields(for: type, surveyKind: surveyKind).first { $0.name == column }?.required ?? false
        }

        func isDate(_ column: String) -> Bool {
            if column == "occurred_at" { return true }
            guard let spec = EventSchema.fields(for: type, surveyKind: surveyKind).first(where: { $0.name == column }) else { return false }
            if case .date = spec.kind { return true }
            return false
        }
    }

    /// The forms for this agency: `task.reported` only for an agency with tasks to report on.
    var forms: [Form] {
        var forms = [
            Form(type: .activityHeld, surveyKind: nil, prefix: "HD"), Form(type: .articlePublished, surveyKind: nil, prefix: "TB"),
            Form(type: .contestHeld, surveyKind: nil, prefix: "HT"), Form(type: .surveySubmitted, surveyKind: .awareness, prefix: "KS"),
            Form(type: .surveySubmitted, surveyKind: .contestFeedback, prefix: "GY"),
            Form(type: .indicatorReported, surveyKind: nil, prefix: "CT"),
        ]
        if !tasks.isEmpty { forms.append(Form(type: .taskReported, surveyKind: nil, prefix: "TD")) }
        forms.append(Form(type: .reportSubmitted, surveyKind: nil, prefix: "BC"))
        return forms
    }

    /// The agency's tasks (those it leads or coordinates; every task for a template of any agency).
    var tasks: [TaskAssignment] {
        registry.tasks.values.filter { task in
            guard let agency else { return true }
            return registry.resolve(task.lead + task.coordinating).contains(agency.code)
        }.sorted { $0.task.localizedStandardCompare($1.task) == .orderedAscending }
    }

    /// The drop-down lists, one column each of the hidden lists sheet, by the field they serve.
    var lists: [(field: String, values: [String], strict: Bool)] {
        // The periods of the plan's years (the years its tasks were assigned) and of this year.
        let years = Set(registry.tasks.values.map(\.assignedOn.year)).union([today.year]).sorted()
        let periods = years.flatMap { ReportPeriod.all(year: $0, kinds: LedgerConfiguration.PeriodKind.allCases).map(\.description) }
        return [
            ("channel", Channel.allCases.map(\.label.vi), true), ("form", ActivityForm.allCases.map(\.label.vi), true),
            ("audience", Audience.allCases.map(\.label.vi), true), ("recommendation", Recommendation.allCases.map(\.label.vi), true),
            ("status", ReportedTaskStatus.allCases.map(\.label.vi), true), ("indicator", ReportedIndicator.allCases.map(\.label.vi), true),
            ("task", tasks.map { TaskChoice.text(id: $0.task, title: $0.title) }, false), ("period", periods, false),
        ].filter { !$0.values.isEmpty }
    }

    public func render() throws -> [UInt8] {
        try spreadsheet().package()
    }

    func spreadsheet() -> Spreadsheet {
        let lists = self.lists
        var sheets = [guide()]
        let day = String(format: "%04d%02d%02d", today.year, today.month, today.day)
        for form in forms {
            sheets.append(sheet(form, day: day, lists: lists))
        }
        var listSheet = Spreadsheet.Sheet(name: TemplateWords.listsSheet.vi, hidden: true)
        listSheet.columns = lists.map { _ in Spreadsheet.Column(width: 40) }
        let longest = lists.map(\.values.count).max() ?? 0
        listSheet.rows.append(
            Spreadsheet.Row(number: 1, cells: lists.enumerated().map { Spreadsheet.Cell(column: $0.offset, value: .text($0.element.field), style: .header) }))
        for index in 0..<longest {
            let cells = lists.enumerated().compactMap { column, list in
                index < list.values.count ? Spreadsheet.Cell(column: column, value: .text(list.values[index])) : nil
            }
            listSheet.rows.append(Spreadsheet.Row(number: index + 2, cells: cells))
        }
        sheets.append(listSheet)
        return Spreadsheet(sheets: sheets)
    }

    private func sheet(_ form: Form, day: String, lists: [(field: String, values: [String], strict: Bool)]) -> Spreadsheet.Sheet {
        let columns = form.columns
        var sheet = Spreadsheet.Sheet(name: form.name, frozenRows: 2, printsWide: true)
        sheet.columns = columns.map { code in
            let hidden = code == "type" || code == "kind"
            let style: Spreadsheet.Style = form.isDate(code) ? .date : (code == "id" ? .text : .plain)
            return Spreadsheet.Column(width: code == "title" || code == "assessment" || code == "task" ? 44 : 20, hidden: hidden, style: style)
        }
        sheet.rows.append(
            Spreadsheet.Row(
                number: 1,
                cells: columns.enumerated().map { index, code in
                    Spreadsheet.Cell(column: index, value: .text(FieldLabels.label(of: code, type: form.type).vi), style: .header)
                }))
        sheet.rows.append(
            Spreadsheet.Row(number: 2, cells: columns.enumerated().map { Spreadsheet.Cell(column: $0.offset, value: .text($0.element)) }, hidden: true))
        let firstRow = 3
        let lastRow = firstRow + rows - 1
        for number in firstRow...lastRow {
            var cells = [
                Spreadsheet.Cell(column: 0, value: .text(String(format: "%@-%@-%@-%03d", form.prefix, day, batch, number - firstRow + 1)), style: .text),
                Spreadsheet.Cell(column: 1, value: .text(form.type.rawValue)),
            ]
            if let kind = form.surveyKind { cells.append(Spreadsheet.Cell(column: 2, value: .text(kind.rawValue))) }
            sheet.rows.append(Spreadsheet.Row(number: number, cells: cells))
        }
        for (index, code) in columns.enumerated() {
            guard let column = lists.firstIndex(where: { $0.field == code }) else { continue }
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

    private func guide() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: TemplateWords.guideSheet.vi)
        sheet.columns = [Spreadsheet.Column(width: 30), Spreadsheet.Column(width: 36), Spreadsheet.Column(width: 12)]
        var lines: [(String, Spreadsheet.Style)] = [(TemplateWords.title.vi, .title)]
        if let agency {
            lines.append((TemplateWords.agencyLine(name: agency.name, code: agency.code).vi, .plain))
        } else {
            lines.append((TemplateWords.anyAgencyLine.vi, .plain))
        }
        lines.append(("", .plain))
        lines += TemplateWords.steps.map { ($0.vi, .wrapped) }
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
            for code in form.columns where code != "type" && code != "kind" {
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
