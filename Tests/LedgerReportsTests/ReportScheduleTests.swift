import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerIngest
@testable import LedgerReports
@testable import LedgerStore

/// `ReportSchedule` as a table: for a log whose earliest event is in February 2024, which
/// periods' first editions are due at each instant, in both modes (grace 5 days, at 01:00
/// local); and when the daemon looks next.
struct ReportScheduleTests {
    static func store() throws -> InMemoryEventStore {
        let store = InMemoryEventStore()
        let folder = TemporaryDirectory("schedule")
        let ingestor = FileIngestor(
            store: store, options: IngestOptions(configuration: LedgerConfiguration()),
            clock: FixedClock(EventTime.parseInstant("2024-02-11T09:00:00+07:00")!))
        for path in try BundledPlan.files(named: "soc-trang-2024") { _ = try ingestor.ingest(path: path, folderAgency: nil) }
        let article = #"{"id":"BST-1","type":"article.published","occurred_at":"2024-02-10","data":{"title":"Tin","channel":"zalo"}}"#
        #expect(try ingestor.ingest(path: folder.write("inbox/BST/a.ndjson", article), folderAgency: "BST").status == .accepted)
        return store
    }

    @Test(arguments: [
        // Calendar: Q1 ends 2024-03-31, due 2024-04-05 01:00 local.
        ("calendar", "2024-04-05T00:59:00+07:00", ""),
        ("calendar", "2024-04-05T01:00:00+07:00", "2024-Q1"),
        ("calendar", "2024-07-05T01:00:00+07:00", "2024-Q1 2024-Q2 2024-H1"),
        ("calendar", "2025-01-05T01:00:00+07:00", "2024-Q1 2024-Q2 2024-H1 2024-Q3 2024-9M 2024-Q4 2024"),
        // Decree 09: Q1 ends 2024-03-14, due 2024-03-19 01:00; Q4 of 2023 ends before the log.
        ("decree09", "2024-03-19T00:59:00+07:00", ""),
        ("decree09", "2024-03-19T01:00:00+07:00", "2024-Q1"),
        ("decree09", "2024-12-19T01:00:00+07:00", "2024-Q1 2024-Q2 2024-H1 2024-Q3 2024-9M 2024-Q4 2024"),
        // The clock before the log: nothing.
        ("calendar", "2023-06-01T12:00:00+07:00", ""),
    ])
    func firstEditionsAreDueAfterTheGraceDays(mode: String, now: String, expected: String) throws {
        var configuration = LedgerConfiguration()
        configuration.periods = LedgerConfiguration.PeriodMode(rawValue: mode)!
        configuration.graceDays = 5
        let due = try ReportSchedule(configuration: configuration).due(now: EventTime.parseInstant(now)!, store: Self.store())
        #expect(due.map(\.description).joined(separator: " ") == expected)
    }

    @Test(arguments: [
        ("2024-04-05T00:59:00+07:00", "2024-04-05T01:00:00+07:00"), ("2024-04-05T01:00:00+07:00", "2024-04-06T01:00:00+07:00"),
        ("2024-12-31T23:30:00+07:00", "2025-01-01T01:00:00+07:00"), ("2024-04-04T17:30:00Z", "2024-04-05T01:00:00+07:00"),
        ("2024-04-04T18:00:00Z", "2024-04-06T01:00:00+07:00"),
    ])
    func theDaemonLooksAgainAtTheNextOneOClockLocal(now: String, next: String) {
        let schedule = ReportSchedule(configuration: LedgerConfiguration())
        #expect(schedule.nextCheck(after: EventTime.parseInstant(now)!) == EventTime.parseInstant(next)!)
    }
}
