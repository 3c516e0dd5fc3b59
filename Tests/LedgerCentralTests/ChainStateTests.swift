import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerCentral
@testable import LedgerDomain
@testable import LedgerStore

/// A real ledger's rows, re-chained by the centre from nothing: the hash of each row and
/// the Merkle root at every size are the province's; one changed byte anywhere, or a row
/// out of order, is refused with the seq named.
struct ChainStateTests {
    let folder = TemporaryDirectory("central-chain")

    static func ledger(_ path: String, count: Int, agency: (Int) -> String = { $0 % 3 == 0 ? "DPTTH" : "BST" }) throws -> LedgerDatabase {
        let database = try LedgerDatabase(path: path, create: true)
        try database.transaction { db in
            var appender = try EventAppender(db: db)
            for index in 1...count {
                let draft = EventDraft(
                    agency: agency(index), id: "e\(index)", type: .articlePublished,
                    occurredAt: .date(LocalDate(year: 2025, month: 3, day: 1 + index % 28)!), corrects: nil,
                    data: JSONObject([("title", .string("Tin “CCHC” số \(index)\ttab")), ("channel", .string("zalo"))]))
                try appender.append(
                    draft, source: EventSource(file: "tệp \(index).ndjson", sha256: "00ff", line: index),
                    recordedAt: Instant(millisecondsSinceEpoch: 1_740_000_000_000 + Int64(index)))
            }
            return ((), commit: true)
        }
        return database
    }

    static func rows(_ database: LedgerDatabase) throws -> [StoredEvent] {
        var rows: [StoredEvent] = []
        try database.forEachEvent(agency: nil, type: nil) { rows.append($0) }
        return rows
    }

    @Test func theCentreFindsTheProvincesRootAtEverySize() throws {
        let database = try Self.ledger(folder.file("ledger.sqlite"), count: 70)
        let rows = try Self.rows(database)
        var state = ChainState.empty
        for row in rows {
            try state.append(row)
            let root = try database.readTree { try $0.root(size: state.size) }
            #expect(state.root == root, "size \(state.size)")
            #expect(HashChain.hex(state.headHash) == row.hash)
        }
        // The stored form reads back to the same state (what a second batch starts from).
        let stored = try #require(ChainState(size: state.size, headHashHex: HashChain.hex(state.headHash), frontierText: state.frontierText))
        #expect(stored.root == state.root)
        #expect(ChainState(size: state.size, headHashHex: "00", frontierText: state.frontierText) == nil)
        #expect(ChainState(size: state.size + 1, headHashHex: HashChain.hex(state.headHash), frontierText: state.frontierText) == nil)
    }

    @Test func aChangedRowOrAGapIsRefusedNamingTheSeq() throws {
        let rows = try Self.rows(try Self.ledger(folder.file("ledger.sqlite"), count: 5))
        var state = ChainState.empty
        try state.append(rows[0])
        var altered = rows[1]
        altered.data = altered.data.replacingOccurrences(of: "zalo", with: "web")
        #expect(throws: CentralError.self) { try state.append(altered) }
        do {
            try state.append(altered)
        } catch {
            #expect(error.code == "not_extending")
            #expect(error.description.contains("seq 2"))
        }
        do {
            try state.append(rows[2])
            Issue.record("a gap was taken")
        } catch {
            #expect(error.code == "gap")
        }
        // Nothing of the refused rows moved the state.
        #expect(state.size == 1)
        try state.append(rows[1])
        #expect(state.size == 2)
    }
}
