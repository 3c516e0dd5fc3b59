import Foundation
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerPortal
import LedgerReports
import LedgerStore
import Logging
import Synchronization

/// The daemon's side of the portal: an upload is written to
/// `uploads/<token>/<AGENCY>/<name>` and taken by the same `InboxProcessor` as a file of
/// the agency's folder — same checks, same provenance (`source_file` is the uploaded
/// name), same copy in `processed/` or `rejected/` beside its `errors.json`, idempotent.
/// Uploads run one at a time on their own queue; SQLite serialises them with the inbox.
final class PortalIntake: PortalBackend {
    let layout: StateLayout
    let configuration: LedgerConfiguration
    let processor: InboxProcessor
    let reports: ReportService
    let heartbeat: Heartbeat
    let metrics: LedgerMetrics?
    /// The pages' views and reads (see `PortalPages`).
    let views = ViewCache()
    private let work = BlockingWork(label: "reformledger.uploads")

    init(
        layout: StateLayout, configuration: LedgerConfiguration, processor: InboxProcessor, reports: ReportService, heartbeat: Heartbeat,
        metrics: LedgerMetrics? = nil
    ) {
        self.metrics = metrics
        self.layout = layout
        self.configuration = configuration
        self.processor = processor
        self.reports = reports
        self.heartbeat = heartbeat
    }

    func status() throws -> JSONValue {
        try LedgerStatus.current(processor.ingestor.store, layout: layout, configuration: configuration, now: processor.ingestor.clock.now()).json
    }

    func knowsAgency(_ code: String) throws -> Bool {
        let registry = try registry()
        return registry.isCoordinator(code) || registry.agencies[code] != nil
    }

    func report(_ period: ReportPeriod) async throws -> JSONValue {
        let reports = self.reports
        return try await run { try reports.report(period).json }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T { try await views.read(body) }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await work.run(body)
    }
}
