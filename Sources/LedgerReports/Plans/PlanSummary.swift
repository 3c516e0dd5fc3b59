import LedgerDomain
import LedgerStore

/// The plans of the log as SNV asks about them (`reformledger plan list`, `plan show`):
/// each adopted plan with its tasks and targets, and a plan's tasks with their status by
/// lead, as the plan year's report has it now.
public struct PlanSummary: Sendable {
    public let registry: AgencyRegistry

    public init(registry: AgencyRegistry) {
        self.registry = registry
    }

    public struct Entry: Sendable, Equatable {
        public var plan: PlanAdoption
        public var tasks: [TaskAssignment]
        public var targets: [TargetRecord]
    }

    /// Every adopted plan, by year then code.
    public var entries: [Entry] {
        registry.plans.values.sorted { ($0.year, $0.plan) < ($1.year, $1.plan) }.map(entry)
    }

    public func entry(_ plan: PlanAdoption) -> Entry {
        Entry(
            plan: plan, tasks: registry.tasks.values.filter { $0.plan == plan.plan }.sorted { $0.task < $1.task },
            targets: registry.targetRecords.filter { $0.plan == plan.plan })
    }

    /// `plan list --json`: `{"plans":[{"plan","title","year","document","tasks","targets"}]}`.
    public var listJSON: JSONValue {
        .object([
            "plans": .array(
                entries.map { entry in
                    .object([
                        "plan": .string(entry.plan.plan), "title": .string(entry.plan.title), "year": .integer(entry.plan.year),
                        "document": entry.plan.document.map(JSONValue.string) ?? .null, "tasks": .integer(entry.tasks.count),
                        "targets": .integer(entry.targets.count),
                    ])
                })
        ])
    }

    /// `plan show PLAN --json`: the plan, its tasks with leads, window and status by lead
    /// (from `report`, the plan year's report at the head), and its targets.
    public func showJSON(_ entry: Entry, report: ConsolidatedReport?) -> JSONValue {
        let lines = Dictionary((report?.tasks ?? []).map { ($0.task, $0) }, uniquingKeysWith: { first, _ in first })
        return .object([
            "plan": .string(entry.plan.plan), "title": .string(entry.plan.title), "year": .integer(entry.plan.year),
            "document": entry.plan.document.map(JSONValue.string) ?? .null,
            "signed": entry.plan.signed.map { .string($0.description) } ?? .null,
            "tasks": .array(
                entry.tasks.map { task in
                    let line = lines[task.task]
                    return .object([
                        "task": .string(task.task), "title": .string(task.title),
                        "window": line?.windowJSON ?? .null,
                        "lead": .array((line?.lead ?? task.lead.map(\.description)).map(JSONValue.string)),
                        "carried_from": task.carriedFrom.map(JSONValue.string) ?? .null,
                        "status_by_lead": .object(JSONObject((line?.statusByLead ?? []).map { (key: $0.0, value: .string($0.1.rawValue)) })),
                        "linked_events": .integer(line?.linkedEvents ?? 0),
                    ])
                }),
            "targets": .array(entry.targets.map { .object(["indicator": .string($0.indicator), "min": .string($0.min)]) }),
        ])
    }
}
