import Foundation
import LedgerDomain
import LedgerFiles
import LedgerReports
import LedgerStore

/// The province's push: asks the centre how far it holds the ledger, sends the rest in
/// batches, each with the signed checkpoint at its last seq, and keeps the centre's latest
/// cosigned checkpoint in the state folder. Every step can be cut (a kill, the network):
/// the next run asks again and sends from where the centre is, and a batch the centre
/// already took is taken again as duplicates.
public struct LedgerPush: Sendable {
    public let database: any EventStore
    public let events: @Sendable (ClosedRange<Int64>) throws -> [StoredEvent]
    public let signer: CheckpointSigner
    public let coordinators: [String]
    public let client: PushClient
    public let batchSize: Int
    /// `<state>/witnessed-checkpoint.txt`.
    public let cosignedPath: String
    /// `<state>/witnessed/`: the first cosignature of every size.
    public let witnessedFolder: String

    public init(
        database: any EventStore, events: @escaping @Sendable (ClosedRange<Int64>) throws -> [StoredEvent], signer: CheckpointSigner,
        coordinators: [String], client: PushClient, batchSize: Int, cosignedPath: String,
        witnessedFolder: String
    ) {
        self.witnessedFolder = witnessedFolder
        self.database = database
        self.events = events
        self.signer = signer
        self.coordinators = coordinators
        self.client = client
        self.batchSize = max(1, batchSize)
        self.cosignedPath = cosignedPath
    }

    public struct Summary: Sendable {
        public var appended = 0
        public var duplicates = 0
        public var batches = 0
        public var size: Int64 = 0
        public var cosigned: String?
    }

    public func run(progress: @Sendable (PushReceipt) -> Void = { _ in }) async throws(CentralError) -> Summary {
        let head: Int64
        do { head = try database.head().seq } catch { throw CentralError(.fault, "the ledger cannot be read: \(error)") }
        var summary = Summary()
        var centre = try await client.head(origin: signer.origin).size
        guard centre <= head else {
            throw CentralError(
                .verification,
                "the centre holds \(centre) events of \(signer.origin), this ledger only \(head): it was restored from an older copy or rewritten",
                code: "not_extending")
        }
        var retries = 0
        repeat {
            let last = min(head, centre + Int64(batchSize))
            let batch: PushBatch
            do {
                let rows = centre < last ? try events((centre + 1)...last) : []
                let note = try signer.note(of: database, size: last)
                batch = PushBatch(origin: signer.origin, checkpoint: note, coordinators: coordinators, events: rows)
            } catch {
                throw CentralError(.fault, "the batch up to seq \(last) cannot be read or signed: \(error)")
            }
            let receipt: PushReceipt
            do {
                receipt = try await client.send(batch)
            } catch let error where error.code == "busy" && retries < 60 {
                // The centre is taking other provinces' batches: the same batch again shortly.
                retries += 1
                try? await Task.sleep(for: .seconds(1))
                continue
            } catch let error where error.code == "gap" && retries < 3 {
                // Another push moved the centre meanwhile: ask again and go on from there.
                retries += 1
                centre = try await client.head(origin: signer.origin).size
                continue
            }
            guard receipt.cosigned.hasPrefix(batch.checkpoint) else {
                throw CentralError(.verification, "the centre's cosigned checkpoint is not the checkpoint sent", code: "bad_cosignature")
            }
            do {
                try AtomicFile.write(Array(receipt.cosigned.utf8), to: cosignedPath)
                try WitnessedCheckpoints(folder: witnessedFolder).keep(receipt.cosigned, size: receipt.size)
            } catch {
                throw CentralError(.fault, "\(cosignedPath) cannot be written: \(error)")
            }
            summary.appended += receipt.appended
            summary.duplicates += receipt.duplicates
            summary.batches += 1
            summary.size = receipt.size
            summary.cosigned = receipt.cosigned
            progress(receipt)
            centre = receipt.size
        } while centre < head
        return summary
    }
}
