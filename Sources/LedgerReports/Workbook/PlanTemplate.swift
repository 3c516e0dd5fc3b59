import Foundation
import LedgerDomain
import LedgerWorkbook

/// SNV's plan workbook (`reformledger plan template`): the plan, its tasks, its targets, and
/// the agencies to register, rename or re-attach, merge or dissolve, one sheet each, in the
/// clerk's template's style (`FormSheet`). Filled and dropped into SNV's inbox (or uploaded)
/// it is read like any workbook: every sheet's rows become `plan.adopted`, `task.assigned`,
/// `target.set` and the agency events, all or nothing, in the sheets' order — the plan and
/// the new agencies come before the tasks that name them.
///
/// What SNV picks from lists: the agencies standing now and the groups of a kind ("Tất cả
/// UBND cấp xã"), the months of the plan year (or "Thường xuyên"), the tasks of earlier
/// plans to carry on, the indicators, the agency kinds, the suggested plan code.
public struct PlanTemplate {
    public let registry: AgencyRegistry
    /// The plan year: the months offered, the suggested code `KH-TTCCHC-<year>`.
    public let year: Int
    /// The day it is made: the pre-filled ids' pattern.
    public let today: LocalDate
    public var rows = 100
    public var batch = ClerkTemplate.newBatch()

    public init(registry: AgencyRegistry, year: Int, today: LocalDate) {
        self.registry = registry
        self.year = year
        self.today = today
    }

    /// The year a template is for when none is asked: the year after the latest adopted
    /// plan, or this year when there is none.
    public static func defaultYear(registry: AgencyRegistry, today: LocalDate) -> Int {
        registry.plans.values.map(\.year).max().map { $0 + 1 } ?? today.year
    }

    public static func suggestedCode(year: Int) -> String { "KH-TTCCHC-\(year)" }

    var forms: [FormSheet] {
        let kinds: [(EventType, String)] = [
            (.planAdopted, "KH"), (.agencyRegistered, "CQ"), (.agencyRenamed, "DT"), (.agencyMerged, "HN"), (.agencyDissolved, "GT"),
            (.taskAssigned, "NV"), (.targetSet, "CT"), (.initiativeShared, "MH"),
        ]
        return kinds.map { type, prefix in
            FormSheet(
                type: type, surveyKind: nil, prefix: "\(prefix)\(year)", title: PlanTemplateWords.sheet(of: type).vi,
                splitsWindow: type == .taskAssigned)
        }
    }

    /// Agencies that stand now (not merged away or dissolved), as "CODE — name".
    var standingAgencies: [String] {
        registry.agencies.values.filter { $0.mergedInto == nil && $0.dissolvedOn == nil }
            .sorted { $0.code < $1.code }
            .map { TaskChoice.text(id: $0.code, title: $0.name) }
    }

    var lists: [DropDownList] {
        // Every group, even one with no agency yet: the same workbook may register its first.
        let groups = AgencyKind.allCases.map { PlanTemplateWords.group($0).vi }
        let months = (1...12).map { String(format: "%02d/%04d", $0, year) } + [PlanTemplateWords.ongoing.vi]
        let earlier = registry.tasks.values.filter { task in
            (registry.plans[task.plan]?.year ?? task.assignedOn.year) < year
        }.sorted { $0.task.localizedStandardCompare($1.task) == .orderedAscending }
        let plans =
            [Self.suggestedCode(year: year)]
            + registry.plans.values.filter { $0.year == year && $0.plan != Self.suggestedCode(year: year) }.map(\.plan).sorted()
        let indicators =
            Audience.allCases.map { TargetIndicator.awareness($0) } + ReportedIndicator.allCases.map { TargetIndicator.reported($0) }
        return [
            DropDownList(field: "plan", values: plans, strict: false),
            DropDownList(field: "lead", values: groups + standingAgencies, strict: false, alsoServes: ["coordinating"]),
            DropDownList(field: "window_from", values: months, strict: false, alsoServes: ["window_to"]),
            DropDownList(field: "carried_from", values: earlier.map { TaskChoice.text(id: $0.task, title: $0.title) }, strict: false),
            DropDownList(
                field: "indicator", values: indicators.map { TaskChoice.text(id: $0.description, title: $0.label(in: .vi)) }, strict: false),
            DropDownList(field: "kind", values: AgencyKind.allCases.map(\.label.vi), strict: true),
            // Proposals to take up, as "id — title (AGENCY)": the origin is then that agency.
            DropDownList(
                field: "proposal_id", values: registry.waitingProposals().map { TaskChoice.text(id: $0.id, title: "\($0.title) (\($0.agency))") }, strict: false
            ),
            DropDownList(
                field: "code", values: standingAgencies, strict: false, types: [.agencyRenamed, .agencyDissolved],
                alsoServes: ["parent", "successors", "from", "into"]),
        ].filter { !$0.values.isEmpty }
    }

    public func render() throws -> [UInt8] {
        try spreadsheet().package()
    }

    func spreadsheet() -> Spreadsheet {
        let lists = self.lists
        let forms = self.forms
        var sheets = [
            TemplateGuide.sheet(
                title: PlanTemplateWords.title.vi, lines: [PlanTemplateWords.yearLine(year).vi], steps: PlanTemplateWords.steps.map(\.vi),
                forms: forms)
        ]
        let day = String(format: "%04d%02d%02d", today.year, today.month, today.day)
        for form in forms {
            let rows = form.type == .planAdopted ? 3 : self.rows
            sheets.append(form.sheet(day: day, batch: batch, rows: rows, lists: lists, wide: ["title", "lead", "coordinating", "contents", "note"]))
        }
        sheets.append(DropDownList.sheet(lists))
        return Spreadsheet(sheets: sheets)
    }
}
