import ArgumentParser
import Foundation
import LedgerDomain
import LedgerFiles
import LedgerReports
import LedgerStore

/// `plan list` and `plan show PLAN`: the adopted plans, and one plan's tasks (with their
/// status by lead in the plan year's report now) and targets.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "List the adopted plans, show one plan's tasks and targets, or write SNV's plan workbook.",
        subcommands: [List.self, Show.self, Template.self])

    static func summary(_ global: GlobalOptions) throws -> (PlanSummary, LedgerConfiguration, LedgerDatabase) {
        let configuration = try global.loadConfiguration()
        let database = try global.openDatabase()
        let registry = try database.readSession { session in
            try session.registry(coordinators: Set(configuration.coordinators), zone: configuration.zone)
        }
        return (PlanSummary(registry: registry), configuration, database)
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each adopted plan with its year, document, and task and target counts.",
            discussion: "Examples:\n  reformledger plan list\n  reformledger plan list --json")
        @OptionGroup var global: GlobalOptions
        @Flag(name: .long, help: "Print JSON: {\"plans\":[{\"plan\",\"title\",\"year\",\"document\",\"tasks\",\"targets\"}]}.")
        var json = false

        func run() throws {
            let (summary, _, _) = try PlanCommand.summary(global)
            if json {
                Terminal.print(JSONWriter.string(summary.listJSON, pretty: true))
                return
            }
            if summary.entries.isEmpty { Terminal.print("no plan adopted (plan.adopted) yet") }
            for entry in summary.entries {
                Terminal.print(
                    "\(entry.plan.plan)\t\(entry.plan.year)\t\(entry.plan.document ?? "-")\t\(entry.tasks.count) task(s)\t\(entry.targets.count) target(s)\t\(entry.plan.title)"
                )
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One plan: its tasks with leads, window and status by lead now, and its targets.",
            discussion: "Examples:\n  reformledger plan show KH-TTCCHC-2025\n  reformledger plan show KH-TTCCHC-2025 --json")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan's code (plan.adopted's plan).") var plan: String
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() throws {
            let (summary, configuration, database) = try PlanCommand.summary(global)
            guard let adoption = summary.registry.plans[plan] else {
                throw CommandFailure("no plan \(plan) is adopted; `reformledger plan list` shows those that are")
            }
            let entry = summary.entry(adoption)
            let report = try ReportService(store: database, configuration: configuration).report(ReportPeriod(year: adoption.year, kind: .year))
            if json {
                Terminal.print(JSONWriter.string(summary.showJSON(entry, report: report), pretty: true))
                return
            }
            Terminal.print("\(adoption.plan) (\(adoption.year)) \(adoption.title)\(adoption.document.map { " — \($0)" } ?? "")")
            for task in entry.tasks {
                let statuses = report.tasks.first { $0.task == task.task }?.statusByLead.map { "\($0.0): \($0.1.rawValue)" } ?? []
                let carried = task.carriedFrom.map { " (carried from \($0))" } ?? ""
                Terminal.print("  \(task.task)\(carried)\t\(statuses.joined(separator: ", "))\t\(task.title)")
            }
            for target in entry.targets { Terminal.print("  target \(target.indicator) ≥ \(target.min)") }
        }
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write SNV's plan workbook: the plan, its tasks, targets and agency changes, with drop-down lists.",
            discussion: """
                Filled in and dropped into SNV's inbox (or uploaded in the portal), it becomes plan.adopted,
                task.assigned, target.set and agency events, all or nothing; errors name the sheet and cell.
                --year defaults to the year after the latest adopted plan (this year when none is).
                Examples:
                  reformledger plan template --out ke-hoach-2025.xlsx --year 2025
                """)
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: "The .xlsx file to write.") var out: String
        @Option(name: .long, help: "The plan year (its months in the lists, the suggested code KH-TTCCHC-<year>).") var year: Int?

        func validate() throws {
            if !out.lowercased().hasSuffix(".xlsx") { throw ValidationError("--out names an .xlsx file") }
            if let year, !AcceptedDates.years.contains(year) {
                throw ValidationError("--year must be within \(AcceptedDates.years.lowerBound)…\(AcceptedDates.years.upperBound)")
            }
        }

        func run() throws {
            let configuration = try global.loadConfiguration()
            let database = try global.openDatabase()
            let registry = try database.readSession { session in
                try session.registry(coordinators: Set(configuration.coordinators), zone: configuration.zone)
            }
            let today = configuration.zone.localDate(of: SystemClock().now())
            let year = self.year ?? PlanTemplate.defaultYear(registry: registry, today: today)
            let path = URL(fileURLWithPath: out).standardizedFileURL.path
            try AtomicFile.write(try PlanTemplate(registry: registry, year: year, today: today).render(), to: path)
            Terminal.print(out)
        }
    }
}
