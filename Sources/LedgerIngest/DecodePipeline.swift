import Foundation
import LedgerDomain
import LedgerStore

/// Runs the half of ingestion that needs nothing but the file — reading, UTF-8 checks,
/// JSON parsing, envelope and data validation, canonical form, the hashed record up to
/// its seq, the projected fact — on a second thread, so that the database thread only
/// admits, hashes and appends. On two cores this is what brings ingest near SQLite's
/// own rate; the reading thread also frees the batches the database thread is done with.
///
/// Records reach `consume` in file order, in batches through a bounded queue (a few
/// thousand records at most are in flight, whatever the file's size). When `consume`
/// throws, the reading thread is stopped and waited for before the error goes on, so
/// the file is never read after `run` returns.
struct DecodePipeline {
    static let batchSize = 256
    static let batchesInFlight = 8

    let reader: any RecordReader
    let preparation: EventPreparation

    func run(_ file: SafeFile, consume: (DecodedRecord) throws -> Void) throws {
        let queue = BatchQueue<DecodedRecord>(capacity: Self.batchesInFlight)
        let work = ReadingWork(file: file, reader: reader, preparation: preparation)
        let thread = Thread { work.produce(into: queue) }
        thread.name = "reformledger-decode"
        thread.stackSize = 8 << 20
        thread.start()
        defer { queue.stopAndWait() }
        while let batch = try queue.receive() {
            for record in batch { try consume(record) }
            queue.recycle(batch)
        }
    }
}

/// Everything about an event that does not depend on the log.
struct EventPreparation: Sendable {
    let decoder: EnvelopeDecoder
    let folderAgency: String?
    let source: (name: String, sha256: String)
    /// `recorded_at` of every event of the file, as stored.
    let recordedAt: String

    func prepare(_ record: FileRecord) -> DecodedRecord {
        switch record {
        case .problem(let problem):
            return .problems([problem])
        case .value(let value, let line):
            switch decoder.decode(value, folderAgency: folderAgency) {
            case .failure(let failure):
                return .problems(failure.problems.map { $0.at(line: line) })
            case .success(let draft):
                let source = EventSource(file: source.name, sha256: source.sha256, line: line)
                return .event(DecodedEvent(draft: draft, pending: PendingAppend(draft: draft, source: source, recordedAt: recordedAt),
                                           fact: ActivityFact(type: draft.type, occurredAt: draft.occurredAt, data: draft.data, zone: decoder.zone)))
            }
        }
    }
}

/// A record after the file-only checks.
enum DecodedRecord: Sendable {
    case event(DecodedEvent)
    /// Problems of one record, with their line; never empty.
    case problems([Problem])
}

/// A valid event, prepared for admission and appending.
struct DecodedEvent: Sendable {
    let draft: EventDraft
    let pending: PendingAppend
    /// What the projection keeps of it; nil for events that are not activity events.
    let fact: ActivityFact?

    var line: Int { pending.source.line ?? 0 }
}

/// What the reading thread owns while it runs. `SafeFile` and the reader are not
/// `Sendable`; they are handed over whole and the caller does not touch them until
/// `BatchQueue.stopAndWait` has seen the thread finish.
private struct ReadingWork: @unchecked Sendable {
    let file: SafeFile
    let reader: any RecordReader
    let preparation: EventPreparation

    private struct Stopped: Error {}

    func produce(into queue: BatchQueue<DecodedRecord>) {
        var batch: [DecodedRecord] = []
        batch.reserveCapacity(DecodePipeline.batchSize)
        do {
            try reader.read(file) { record in
                batch.append(preparation.prepare(record))
                if batch.count == DecodePipeline.batchSize {
                    guard queue.send(batch) else { throw Stopped() }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { _ = queue.send(batch) }
            queue.finish(throwing: nil)
        } catch is Stopped {
            queue.finish(throwing: nil)
        } catch {
            queue.finish(throwing: error)
        }
    }
}

/// A bounded, single-producer single-consumer queue of batches.
private final class BatchQueue<Element: Sendable>: @unchecked Sendable {
    // Every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private let capacity: Int
    private var batches: [[Element]] = []
    /// Batches the consumer is done with, freed by the producer.
    private var spent: [[Element]] = []
    private var finished = false
    private var stopped = false
    private var failure: (any Error)?

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Blocks while the queue is full; false once the consumer has stopped listening.
    func send(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !stopped { condition.wait() }
        guard !stopped else { return false }
        batches.append(batch)
        spent.removeAll()
        condition.broadcast()
        return true
    }

    /// Hands a consumed batch back, so that freeing its values costs the producer's time.
    func recycle(_ batch: [Element]) {
        condition.lock()
        defer { condition.unlock() }
        spent.append(batch)
    }

    /// Called once by the producer, last.
    func finish(throwing error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// The next batch; nil after the last one; the producer's error, if it failed.
    func receive() throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Tells the producer to stop and waits until it has finished.
    func stopAndWait() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
    }
}
