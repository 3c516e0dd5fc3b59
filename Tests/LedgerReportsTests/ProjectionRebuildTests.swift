import Foundation
import GRDB
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerIngest
@testable import LedgerStore

/// The projection is derived only from the log: rebuilt from seq 1 it is identical to the
/// one maintained event by event, on a large random log full of corrections and retractions.
struct ProjectionRebuildTests {
    @Test func rebuiltModelEqualsTheIncrementalOne() throws {
        let folder = TemporaryDirectory("rebuild")
        let database = try LedgerDatabase(path: folder.file("ledger.sqlite"), create: true)
        let clock = FixedClock(EventTime.parseInstant("2024-12-31T12:00:00+07:00")!)
        let ingestor = FileIngestor(store: database, options: IngestOptions(configuration: LedgerConfiguration()), clock: clock)
        for path in try BundledPlan.files(named: "soc-trang-2024") { _ = try ingestor.ingest(path: path, folderAgency: nil) }

        var random = SeededRandom(seed: 2024)
        let agencies = ["BST", "DPTTH", "SNV", "UBND-MX", "SVHTTDL"]
        var written: [String: [String]] = [:]  // agency → ids that may be corrected or retracted
        for batch in 0..<20 {
            for agency in agencies {
                var lines: [String] = []
                for index in 0..<100 {
                    let id = "\(agency)-\(batch)-\(index)"
                    let date = "2024-\(String(format: "%02d", 1 + random.next(12)))-\(String(format: "%02d", 1 + random.next(28)))"
                    let roll = random.next(10)
                    if roll == 0, let target = written[agency]?.randomElement(using: &random) {
                        lines.append(#"{"id":"\#(id)","type":"event.retracted","occurred_at":"\#(date)","data":{"event":"\#(target)","reason":"r"}}"#)
                        written[agency]?.removeAll { $0 == target }
                    } else if roll == 1, let target = written[agency]?.randomElement(using: &random) {
                        lines.append(
                            #"{"id":"\#(id)","type":"article.published","corrects":"\#(target)","occurred_at":"\#(date)","data":{"title":"sửa","channel":"zalo"}}"#
                        )
                        written[agency, default: []].append(id)
                    } else if roll < 6 {
                        lines.append(
                            #"{"id":"\#(id)","type":"article.published","occurred_at":"\#(date)","data":{"title":"Tin","channel":"\#(["zalo", "radio", "website"][random.next(3)])"}}"#
                        )
                        written[agency, default: []].append(id)
                    } else {
                        lines.append(
                            #"{"id":"\#(id)","type":"survey.submitted","occurred_at":"\#(date)","data":{"kind":"awareness","audience":"citizens","respondents":10,"aware":\#(random.next(11))}}"#
                        )
                    }
                }
                let outcome = try ingestor.ingest(path: folder.write("inbox/\(agency)/b\(batch).ndjson", lines.joined(separator: "\n")), folderAgency: agency)
                #expect(outcome.status == .accepted, "\(outcome.problems.prefix(3).map { $0.message(in: .en) })")
            }
        }
        let incremental = try dump(database)
        #expect(incremental.count > 5000)
        // Folded on this thread, then with the log read on a second thread (as large folds are).
        for threshold: Int64 in [.max, 1] {
            try database.transaction { db in
                var writer = ProjectionWriter(db: db, zone: .hoChiMinh)
                writer.backgroundFoldThreshold = threshold
                try writer.rebuild(from: db)
                return ((), commit: true)
            }
            #expect(try dump(database) == incremental, "threshold \(threshold)")
        }
    }

    private func dump(_ database: LedgerDatabase) throws -> [String] {
        try database.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT root || '|' || agency || '|' || seq || '|' || type || '|' || day || '|' || IFNULL(measure, '') || '|' || IFNULL(a, '') || '|' || IFNULL(b, '')
                    FROM proj_effective ORDER BY root
                    """) + String.fetchAll(db, sql: "SELECT seq || '|' || root || '|' || retracted FROM proj_member ORDER BY seq")
        }
    }
}

/// A small deterministic generator (SplitMix64), so the random log is the same every run.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
