import Foundation
import LedgerDomain
import LedgerWorkbook

/// The workbook a clerk fills in (`reformledger template`): an instruction sheet, one sheet
/// per kind of work her agency sends, and a hidden sheet of the drop-down lists.
///
/// Each form sheet is a `FormSheet` (headers over a hidden code row, pre-filled ids of the
/// template's `batch` so they never collide with an earlier template's, dates as
/// `DD/MM/YYYY`), with drop-down lists of labels for every closed vocabulary and of the
/// agency's own tasks. The columns are the schema table's (`EventSchema`), so a template
/// cannot ask for a field the reader refuses.
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

    /// The forms for this agency: `task.reported` only for an agency with tasks to report on.
    var forms: [FormSheet] {
        var forms = [
            FormSheet(type: .activityHeld, surveyKind: nil, prefix: "HD"), FormSheet(type: .articlePublished, surveyKind: nil, prefix: "TB"),
            FormSheet(type: .contestHeld, surveyKind: nil, prefix: "HT"), FormSheet(type: .surveySubmitted, surveyKind: .awareness, prefix: "KS"),
            FormSheet(type: .surveySubmitted, surveyKind: .contestFeedback, prefix: "GY"),
            FormSheet(type: .indicatorReported, surveyKind: nil, prefix: "CT"),
        ]
        if !tasks.isEmpty { forms.append(FormSheet(type: .taskReported, surveyKind: nil, prefix: "TD")) }
        // Models and initiatives: applying one SNV shared (its list), proposing a new one.
        if !registry.initiatives.isEmpty { forms.append(FormSheet(type: .initiativeApplied, surveyKind: nil, prefix: "AD")) }
        forms.append(FormSheet(type: .initiativeProposed, surveyKind: nil, prefix: "DX"))
        forms.append(FormSheet(type: .reportSubmitted, surveyKind: nil, prefix: "BC"))
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
    var lists: [DropDownList] {
        // The periods of the plan's years (the years its tasks were assigned) and of this year.
        let years = Set(registry.tasks.values.map(\.assignedOn.year)).union([today.year]).sorted()
        let periods = years.flatMap { ReportPeriod.all(year: $0, kinds: LedgerConfiguration.PeriodKind.allCases).map(\.description) }
        return [
            DropDownList(field: "channel", values: Channel.allCases.map(\.label.vi), strict: true),
            DropDownList(field: "form", values: ActivityForm.allCases.map(\.label.vi), strict: true),
            DropDownList(field: "audience", values: Audience.allCases.map(\.label.vi), strict: true),
            DropDownList(field: "recommendation", values: Recommendation.allCases.map(\.label.vi), strict: true),
            DropDownList(field: "status", values: ReportedTaskStatus.allCases.map(\.label.vi), strict: true),
            DropDownList(field: "indicator", values: ReportedIndicator.allCases.map(\.label.vi), strict: true),
            DropDownList(field: "task", values: tasks.map { TaskChoice.text(id: $0.task, title: $0.title) }, strict: false),
            DropDownList(field: "period", values: periods, strict: false),
            DropDownList(
                field: "initiative", values: registry.initiatives.values.sorted { $0.code < $1.code }.map { TaskChoice.text(id: $0.code, title: $0.title) },
                strict: false),
        ].filter { !$0.values.isEmpty }
    }

    public func render() throws -> [UInt8] {
        try spreadsheet().package()
    }

    func spreadsheet() -> Spreadsheet {
        let lists = self.lists
        let forms = self.forms
        let opening = agency.map { TemplateWords.agencyLine(name: $0.name, code: $0.code).vi } ?? TemplateWords.anyAgencyLine.vi
        var sheets = [TemplateGuide.sheet(title: TemplateWords.title.vi, lines: [opening], steps: TemplateWords.steps.map(\.vi), forms: forms)]
        let day = String(format: "%04d%02d%02d", today.year, today.month, today.day)
        for form in forms {
            sheets.append(form.sheet(day: day, batch: batch, rows: rows, lists: lists, wide: ["title", "assessment", "task"]))
        }
        sheets.append(DropDownList.sheet(lists))
        return Spreadsheet(sheets: sheets)
    }
}
