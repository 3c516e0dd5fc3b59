import LedgerDomain
import LedgerStore

/// Computes reports from a ledger: at the head from the live projection, or as of an
/// earlier seq by folding the log into a temporary projection, so that any edition can be
/// reproduced later byte for byte.
public struct ReportService: Sendable {
    public let store: any EventStore
    public let configuration: LedgerConfiguration
    /// Signs the checkpoint that every report carries at its `through_seq`; without a key
    /// (a state folder copied without `keys/`) reports carry none.
    public let checkpoints: CheckpointSigner?
    /// `<state>/witnessed/`: the centre's cosigned checkpoints, of which a report prints
    /// the largest at or below its `through_seq` (none when nil or empty).
    public let witnessed: String?

    public init(store: any EventStore, configuration: LedgerConfiguration, checkpoints: CheckpointSigner? = nil, witnessed: String? = nil) {
        self.store = store
        self.configuration = configuration
        self.checkpoints = checkpoints
        self.witnessed = witnessed
    }

    public typealias UnknownSeq = LedgerStore.UnknownSeq

    public func report(_ period: ReportPeriod, throughSeq requested: Int64? = nil) throws -> ConsolidatedReport {
        try report(period: period, range: period.range(configuration.periods), throughSeq: requested, progress: nil)
    }

    /// A report over any range of days (`replay` uses the whole history).
    public func report(range: ClosedRange<LocalDate>, throughSeq requested: Int64?, progress: ((Int64) -> Void)?) throws -> ConsolidatedReport {
        try report(period: ReportPeriod(year: range.upperBound.year, kind: .year), range: range, throughSeq: requested, progress: progress)
    }

    private func report(
        period: ReportPeriod, range: ClosedRange<LocalDate>, throughSeq requested: Int64?,
        progress: ((Int64) -> Void)?
    ) throws -> ConsolidatedReport {
        var report = try store.withProjection(
            throughSeq: requested, zone: configuration.zone, coordinators: Set(configuration.coordinators),
            progress: progress
        ) { projection in
            var builder = ReportBuilder(registry: projection.registry, mode: configuration.periods, language: configuration.language)
            builder.deadlines = .init(configuration)
            return try builder.build(period, range: range, projection: projection)
        }
        report.checkpoint = try checkpoints?.note(of: store, size: report.throughSeq)
        report.witnessedCheckpoint = witnessed.flatMap { WitnessedCheckpoints(folder: $0).latest(atOrBelow: report.throughSeq) }
        return report
    }
}
