import Foundation
import LedgerTestSupport

@testable import LedgerDomain
@testable import LedgerIngest
@testable import LedgerReports
@testable import LedgerStore

/// The golden scenario: the bundled plan plus the files of `Fixtures/golden/inbox`
/// (every channel and form, surveys of each audience, indicator reports, a correction, a
/// retraction, a merge, events on 2024-03-14 and 2024-03-15), ingested with a fixed clock
/// so that hashes, and so every output, are the same on every machine. A file named
/// `…@YYYY-MM-DD.ndjson` is recorded at noon of that day instead (an on-time report and
/// on-time contest feedback, against the late ones recorded at the year's end).
final class GoldenScenario {
    static let fixtures = RepositoryPaths.path("Tests/LedgerReportsTests/Fixtures/golden")
    let folder = TemporaryDirectory("golden")
    let database: LedgerDatabase
    /// The store the reports read: the SQLite `database`, or an in-memory store fed the
    /// same files.
    let store: any EventStore
    let configuration: LedgerConfiguration
    let clock = FixedClock(EventTime.parseInstant("2024-12-31T12:00:00+07:00")!)

    init(configuration: LedgerConfiguration = LedgerConfiguration(), inMemory: Bool = false) throws {
        self.configuration = configuration
        database = try LedgerDatabase(path: folder.file("ledger.sqlite"), create: true)
        store = inMemory ? InMemoryEventStore() : database
        let ingestor = FileIngestor(store: store, options: IngestOptions(configuration: configuration), clock: clock)
        for path in try BundledPlan.files(named: "soc-trang-2024") {
            let outcome = try ingestor.ingest(path: path, folderAgency: nil)
            precondition(outcome.status == .accepted)
        }
        let inbox = Self.fixtures + "/inbox"
        let files = (FileManager.default.enumerator(atPath: inbox)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".ndjson") }.sorted()
        for file in files {
            let recordedOn = file.split(separator: "@").dropFirst().first.map { String($0.prefix(10)) }
            let fileIngestor =
                recordedOn.map {
                    FileIngestor(
                        store: store, options: IngestOptions(configuration: configuration),
                        clock: FixedClock(EventTime.parseInstant("\($0)T12:00:00+07:00")!))
                } ?? ingestor
            let outcome = try fileIngestor.ingest(path: inbox + "/" + file, folderAgency: String(file.split(separator: "/")[0]))
            precondition(outcome.status == .accepted, "\(file): \(outcome.problems.map { $0.message(in: .en) })")
        }
    }

    var service: ReportService { ReportService(store: store, configuration: configuration) }

    func report(_ period: String, throughSeq: Int64? = nil) throws -> ConsolidatedReport {
        try service.report(ReportPeriod.parse(period)!, throughSeq: throughSeq)
    }
}
