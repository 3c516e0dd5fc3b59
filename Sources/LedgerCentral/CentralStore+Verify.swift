import Foundation
import LedgerDomain
import LedgerStore
import PostgresNIO

extension CentralStore {
    /// What `central verify` found for one ledger.
    public struct LedgerCheck: Sendable {
        public var origin: String
        public var size: Int64
        public var checkpoints: Int
        /// The first seq whose row is not what the accepted checkpoints cover (nil: none).
        public var badSeq: Int64?
        public var reason: String?
        public var ok: Bool { reason == nil }
    }

    /// Re-reads every stored row of every ledger in seq order, re-computes the chain and
    /// the Merkle tree, and holds them to each accepted checkpoint (its root, and its
    /// signature by the registered key) and to the ledger's head.
    public func verify(origins: [String] = []) async throws -> [LedgerCheck] {
        var checks: [LedgerCheck] = []
        for ledger in try await ledgers() where origins.isEmpty || origins.contains(ledger.origin) {
            checks.append(try await verify(ledger))
        }
        return checks
    }

    private func verify(_ ledger: Ledger) async throws -> LedgerCheck {
        var check = LedgerCheck(origin: ledger.origin, size: 0, checkpoints: 0)
        guard let key = NoteVerifier(encoded: ledger.key), let head = ledger.state else {
            check.reason = "the centre's row of the ledger is damaged (its key or chain state does not read)"
            return check
        }
        var kept: [Int64: (root: String, note: String)] = [:]
        let rows = try await client.query(
            "SELECT size, root, note FROM central_checkpoints WHERE ledger = \(ledger.id)", logger: logger)
        for try await (size, root, note) in rows.decode((Int64, String, String).self) { kept[size] = (root, note) }
        check.checkpoints = kept.count
        var state = ChainState.empty
        func holds(_ state: ChainState) -> String? {
            guard let (root, note) = kept[state.size] else { return nil }
            guard root == HashChain.hex(state.root) else { return "the events do not give the accepted checkpoint's root at size \(state.size)" }
            do {
                let checkpoint = try Checkpoint(body: try key.verifiedText(of: note))
                guard checkpoint.root == state.root, checkpoint.size == state.size else { return "the checkpoint at size \(state.size) was altered" }
            } catch {
                return "the checkpoint at size \(state.size) does not verify with the registered key: \(error)"
            }
            return nil
        }
        let events = try await client.query(
            "SELECT \(unescaped: Self.eventColumns) FROM central_events WHERE ledger = \(ledger.id) ORDER BY seq", logger: logger)
        for try await row in events.decode(EventRow.self) {
            let event = Self.event(row)
            do {
                try state.append(event)
            } catch {
                check.badSeq = event.seq
                check.reason = event.seq == state.size + 1 ? "its row does not hash to the chain the centre accepted" : error.description
                return check
            }
            if let reason = holds(state) {
                check.badSeq = event.seq
                check.reason = reason
                return check
            }
        }
        check.size = state.size
        if state.size != head.size || state.headHash != head.headHash || state.root != head.root {
            check.badSeq = min(state.size, head.size) + 1
            check.reason = "the centre holds \(state.size) rows but accepted \(head.size) events"
        }
        return check
    }
}
