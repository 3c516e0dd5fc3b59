import Foundation
import GRDB
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerStore

struct EventAppenderTests {
    let folder = TemporaryDirectory("store")

    func draft(_ id: String, title: String = "Tin “CCHC” số 1\n") -> EventDraft {
        EventDraft(
            agency: "BST", id: id, type: .articlePublished, occurredAt: .date(LocalDate(year: 2024, month: 3, day: 14)!),
            corrects: nil, data: JSONObject([("title", .string(title)), ("channel", .string("zalo"))]))
    }

    /// Given a ledger with `count` events appended in one transaction.
    func givenLedger(count: Int) throws -> LedgerDatabase {
        let database = try LedgerDatabase(path: folder.file("ledger.sqlite"), create: true)
        try database.transaction { db in
            var appender = try EventAppender(db: db)
            for index in 1...count {
                try appender.append(
                    draft("e\(index)"), source: EventSource(file: "f.ndjson", sha256: "00ff", line: index),
                    recordedAt: Instant(millisecondsSinceEpoch: 1_710_000_000_000 + Int64(index)))
            }
            try appender.append(
                agency: "SYSTEM", id: "report-1", type: "report.generated", occurredAt: "2024-03-17",
                corrects: nil, canonicalData: #"{"edition":1}"#, source: .system,
                recordedAt: Instant(millisecondsSinceEpoch: 1_710_000_100_000))
            return ((), commit: true)
        }
        return database
    }

    @Test func appendsWithoutGapsAndTheChainVerifies() throws {
        let database = try givenLedger(count: 20)
        #expect(try database.head().seq == 21)
        guard case .intact(let events, let headHash) = try ChainVerifier(database: database).verify() else {
            Issue.record("chain should be intact")
            return
        }
        #expect(events == 21)
        #expect(headHash == (try database.head().hash))
    }

    @Test func anIndependentPythonImplementationAgreesOnEveryHash() throws {
        let database = try givenLedger(count: 20)
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", RepositoryPaths.path("Scripts/verify_chain.py"), database.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(try database.head().hash))
    }

    @Test func theChainStartsFromThirtyTwoZeroBytes() throws {
        let database = try givenLedger(count: 1)
        let first = try #require(try database.event(seq: 1))
        let expected = HashChain.next(previous: [UInt8](repeating: 0, count: 32), record: first.canonicalRecord().bytes())
        #expect(first.hash == HashChain.hex(expected))
        #expect(first.hash.count == 64 && first.hash == first.hash.lowercased())
    }

    @Test func triggersRefuseUpdateDeleteAndGaps() throws {
        let database = try givenLedger(count: 3)
        for sql in [
            "UPDATE events SET agency = 'X' WHERE seq = 2", "DELETE FROM events WHERE seq = 3",
            "INSERT INTO events VALUES (9, 'A', 'i', 't', 'o', 'r', NULL, '{}', NULL, NULL, NULL, 'h')",
        ] {
            #expect(throws: DatabaseError.self) {
                try database.transaction { db in
                    try db.execute(sql: sql)
                    return ((), commit: true)
                }
            }
        }
        #expect(try database.head().seq == 4)
    }

    @Test func aRolledBackTransactionLeavesNothing() throws {
        let database = try givenLedger(count: 2)
        let before = try database.head()
        try database.transaction { db in
            var appender = try EventAppender(db: db)
            try appender.append(draft("late"), source: EventSource(file: "g", sha256: "1", line: 1), recordedAt: Instant(millisecondsSinceEpoch: 0))
            return ((), commit: false)
        }
        #expect(try database.head() == before)
    }

    @Test(arguments: [
        ("UPDATE events SET data = replace(data, 'zalo', 'facebook') WHERE seq = 3", Int64(3)),
        ("UPDATE events SET hash = replace(hash, substr(hash, 1, 1), 'f') WHERE seq = 5", Int64(5)),
        ("UPDATE events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE seq = 7", Int64(7)),
        ("UPDATE events SET source_line = 99 WHERE seq = 2", Int64(2)),
        ("DELETE FROM events WHERE seq = 4", Int64(4)),
    ])
    func tamperingBehindTheTriggersIsFoundAtItsSeq(_ sql: String, _ seq: Int64) throws {
        let database = try givenLedger(count: 10)
        try database.transaction { db in
            try db.execute(sql: "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete; \(sql)")
            return ((), commit: true)
        }
        guard case .broken(let badSeq, _) = try ChainVerifier(database: database).verify() else {
            Issue.record("tampering must be detected")
            return
        }
        #expect(badSeq == seq)
    }

    @Test func reformattedButEquivalentDataStillVerifies() throws {
        // The chain covers the JSON value, not its spelling: an auditor's tools may pretty-print.
        let database = try givenLedger(count: 3)
        try database.transaction { db in
            try db.execute(
                sql:
                    "DROP TRIGGER events_no_update; UPDATE events SET data = '{ \"channel\": \"zalo\", \"title\": ' || json_quote(json_extract(data, '$.title')) || ' }' WHERE seq = 2"
            )
            return ((), commit: true)
        }
        #expect(try ChainVerifier(database: database).verify() == .intact(events: 4, headHash: try database.head().hash))
    }

    /// The record prepared ahead (cut at its seq) hashes exactly like the whole record.
    @Test func recordPartsHashLikeTheWholeRecord() {
        for corrects in [nil, "a-0"] as [String?] {
            let record = CanonicalRecord(
                seq: 1_234_567, agency: "BST", id: "a-1", type: "article.published", occurredAt: "2024-01-02",
                recordedAt: "2024-01-03T00:00:00.000Z", corrects: corrects, canonicalData: #"{"title":"Tin \"1\""}"#,
                sourceFile: "f.ndjson", sourceSHA256: "ab", sourceLine: 3)
            #expect(record.parts.bytes(seq: record.seq) == record.bytes())
            #expect(
                HashChain.next(previous: HashChain.genesis, record: record.parts, seq: record.seq)
                    == HashChain.next(previous: HashChain.genesis, record: record.bytes()))
        }
    }
}
