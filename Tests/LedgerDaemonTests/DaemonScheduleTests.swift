import Foundation
import LedgerFiles
import LedgerIngest
import LedgerReports
import LedgerStore
import LedgerTestSupport
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@testable import LedgerDaemon
@testable import LedgerDomain

/// The schedule in-process, through `Daemon.build` as `serve` builds it, with a clock the
/// test moves: editions at start-up, nothing more until 01:00, then the revision that a
/// late event asks for.
@Suite(.serialized)
struct DaemonScheduleTests {
    /// A clock the test sets, standing for the wall clock of the days a daemon lives through.
    final class MovingClock: LedgerClock {
        private let instant: Mutex<Instant>
        init(_ text: String) { instant = Mutex(EventTime.parseInstant(text)!) }
        func now() -> Instant { instant.withLock { $0 } }
        func set(_ text: String) { instant.withLock { $0 = EventTime.parseInstant(text)! } }
    }

    @Test func editionsAtStartThenARevisionAtTheNextOneOClock() async throws {
        let folder = TemporaryDirectory("schedule")
        let layout = StateLayout(root: folder.path)
        try layout.createFolders()
        let database = try LedgerDatabase(path: layout.database, create: true)
        let configuration = LedgerConfiguration()
        let loader = FileIngestor(
            store: database, options: IngestOptions(configuration: configuration),
            clock: FixedClock(EventTime.parseInstant("2024-12-31T12:00:00+07:00")!))
        for path in try BundledPlan.files(named: "soc-trang-2024") { #expect(try loader.ingest(path: path, folderAgency: nil).status == .accepted) }

        let clock = MovingClock("2025-01-10T09:00:00+07:00")
        let group = try Daemon.build(
            layout: layout, configuration: configuration, clock: clock, once: false, environment: [:],
            logger: Logger(label: "test"), scheduleTick: .milliseconds(50))
        let running = Task { try await group.run() }
        func editions(_ period: String) throws -> [Int] {
            try IssuedEditions.load(database).entries.filter { $0.period == period }.map(\.edition)
        }
        // Everything of 2024 is due at start-up.
        // Generous waits: the parallel suites share two cores with this daemon.
        #expect(await eventually(within: 120) { (try? editions("2024")) == [1] })
        #expect(try editions("2024-Q4") == [1])

        // A late event of 10 December (Q4 runs to 14 December): ingested at once, but no
        // revision before 01:00.
        try FileManager.default.createDirectory(atPath: layout.inbox(for: "BST"), withIntermediateDirectories: true)
        dropFile(
            #"{"id":"late","type":"article.published","occurred_at":"2024-12-10","data":{"title":"Muộn","channel":"radio"}}"#,
            into: layout.inbox(for: "BST"), name: "late.ndjson")
        #expect(await eventually(within: 60) { FileManager.default.fileExists(atPath: layout.processed + "/BST/2025-01/late.ndjson") })
        try await Task.sleep(for: .milliseconds(400))
        #expect(try editions("2024-Q4") == [1])

        // The night passes: the 01:00 check revises the periods the event belongs to.
        clock.set("2025-01-11T01:00:30+07:00")
        #expect(await eventually(within: 120) { (try? editions("2024")) == [1, 2] })
        #expect(try editions("2024-Q4") == [1, 2])
        #expect(try editions("2024-Q3") == [1])

        await group.triggerGracefulShutdown()
        try await running.value
    }

    /// Polls `condition` without blocking a thread of the cooperative pool the daemon runs on.
    private func eventually(within seconds: Double, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }
}
