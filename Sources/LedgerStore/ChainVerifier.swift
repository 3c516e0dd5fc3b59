import LedgerDomain

/// Recomputes the whole hash chain from seq 1 and names the first row that does not match.
public struct ChainVerifier {
    public enum Outcome: Sendable, Equatable {
        case intact(events: Int64, headHash: String)
        case broken(seq: Int64, reason: String)
    }

    private let database: LedgerDatabase

    public init(database: LedgerDatabase) {
        self.database = database
    }

    public func verify(progress: ((Int64) -> Void)? = nil) throws -> Outcome {
        var previous = HashChain.genesis
        var expectedSeq: Int64 = 1
        var failure: Outcome?
        try database.forEachEvent { event in
            guard failure == nil else { return }
            if event.seq != expectedSeq {
                failure = .broken(seq: expectedSeq, reason: "seq \(expectedSeq) is missing (next row is seq \(event.seq))")
                return
            }
            let computed = HashChain.next(previous: previous, record: event.canonicalRecord().bytes())
            if HashChain.hex(computed) != event.hash {
                failure = .broken(seq: event.seq, reason: "the stored hash does not match the recomputed hash of the row")
                return
            }
            previous = computed
            expectedSeq += 1
            if expectedSeq % 50_000 == 0 { progress?(expectedSeq) }
        }
        return failure ?? .intact(events: expectedSeq - 1, headHash: HashChain.hex(previous))
    }
}
