import Foundation
import LedgerDomain
import LedgerPortal
import LedgerReports

/// The daemon's answers to SNV's plan pages: the adopted plans, one plan's tasks with their
/// leads' status in the plan year's report at the head, and the plan workbook.
extension PortalIntake {
    func plans() async throws -> [PlanView] {
        let summary = PlanSummary(registry: try await read { [self] in try self.registry() })
        return summary.entries.map { entry in
            PlanView(
                plan: entry.plan.plan, title: entry.plan.title, year: entry.plan.year, document: entry.plan.document,
                signed: entry.plan.signed.map(Self.dayMonthYear), tasks: [], targets: [],
                taskCount: entry.tasks.count, targetCount: entry.targets.count)
        }
    }

    func plan(_ code: String) async throws -> PlanView? {
        let registry = try await read { [self] in try self.registry() }
        guard let adoption = registry.plans[code] else { return nil }
        let entry = PlanSummary(registry: registry).entry(adoption)
        let report = try await headReport(ReportPeriod(year: adoption.year, kind: .year))
        let language = configuration.language
        let tasks = ReportDigest(report, language: language).planTasks(entry.tasks).map {
            PlanView.Task(task: $0.task, title: $0.title, window: $0.window, carriedFrom: $0.carriedFrom, leads: $0.leads, linkedEvents: $0.linked)
        }
        let targets = entry.targets.map { target in
            PlanView.Target(
                indicator: target.indicator, label: TargetIndicator.parse(target.indicator)?.label(in: language) ?? target.indicator, min: target.min)
        }
        return PlanView(
            plan: adoption.plan, title: adoption.title, year: adoption.year, document: adoption.document,
            signed: adoption.signed.map(Self.dayMonthYear), tasks: tasks, targets: targets, taskCount: tasks.count, targetCount: targets.count)
    }

    func planTemplate(year: Int?) async throws -> [UInt8] {
        try await read { [self] in
            let registry = try registry()
            let today = configuration.zone.localDate(of: processor.ingestor.clock.now())
            return try PlanTemplate(registry: registry, year: year ?? PlanTemplate.defaultYear(registry: registry, today: today), today: today).render()
        }
    }

    static func dayMonthYear(_ date: LocalDate) -> String {
        String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
    }
}
