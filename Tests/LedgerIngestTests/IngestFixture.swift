import Foundation
import GRDB
import LedgerTestSupport

@testable import LedgerDomain
@testable import LedgerIngest
@testable import LedgerStore

/// A ledger in a temporary folder with the bundled plan loaded, and a clock fixed at the
/// end of 2024 so that every 2024 date is in the past.
final class IngestFixture {
    let folder = TemporaryDirectory("ingest")
    let database: LedgerDatabase
    var configuration = LedgerConfiguration()
    let clock = FixedClock(EventTime.parseInstant("2024-12-31T12:00:00+07:00")!)

    init(withPlan: Bool = true) throws {
        database = try LedgerDatabase(path: folder.file("ledger.sqlite"), create: true)
        if withPlan {
            for path in try BundledPlan.files(named: "soc-trang-2024") {
                let outcome = try ingestor.ingest(path: path, folderAgency: nil)
                precondition(outcome.status == .accepted, "the bundled plan must load: \(outcome.problems)")
            }
        }
    }

    var ingestor: FileIngestor {
        FileIngestor(store: database, options: IngestOptions(configuration: configuration), clock: clock)
    }

    /// Writes a file into `inbox/<agency>/` and ingests it as that agency's.
    func ingest(_ name: String, _ text: String, agency: String = "BST") throws -> FileOutcome {
        try ingest(name, bytes: Array(text.utf8), agency: agency)
    }

    func ingest(_ name: String, bytes: [UInt8], agency: String = "BST") throws -> FileOutcome {
        let path = folder.write("inbox/\(agency)/\(name)", bytes: bytes)
        return try ingestor.ingest(path: path, folderAgency: agency)
    }

    var headSeq: Int64 { try! database.head().seq }

    func storedEvents(agency: String) throws -> [StoredEvent] {
        var events: [StoredEvent] = []
        try database.forEachEvent(where: "agency = ?", arguments: [agency]) { events.append($0) }
        return events
    }

    static func article(_ id: String, title: String = "Tin CCHC", channel: String = "newspaper", date: String = "2024-02-01", extra: String = "") -> String {
        #"{"id":"\#(id)","type":"article.published","occurred_at":"\#(date)","data":{"title":"\#(title)","channel":"\#(channel)"\#(extra)}}"#
    }
}

extension FileOutcome {
    var codes: [ErrorCode] { problems.map(\.code) }
    var places: [String] { problems.map { "\($0.line.map(String.init) ?? "-"):\($0.field ?? "-"):\($0.code.rawValue)" } }
}
