import Foundation

/// Runs a producer on a thread of its own and hands what it makes to the calling thread
/// in batches, in order, through a bounded queue.
///
/// Ingest and rebuild are two-stage loops: work that needs only the input (parsing,
/// validation, extracting facts) and work that needs the database connection, which
/// stays on the caller's thread. On two cores the stages overlap. The queue holds at
/// most `inFlight` batches, so memory stays flat whatever the input's size; batches the
/// consumer is done with go back to the producer's thread to be freed.
///
/// When `consume` throws, the producer is told to stop and is waited for before the
/// error goes on: nothing the producer reads is touched after `run` returns.
public enum BackgroundBatches {
    // Inlinable so that callers get it specialised for their element type: unspecialised,
    // the per-element loop paid for generic metadata and witness calls.
    @inlinable
    public static func run<Element: Sendable>(
        name: String, batchSize: Int = 256, inFlight: Int = 8,
        produce: @escaping @Sendable (_ emit: (Element) throws -> Void) throws -> Void,
        consume: (Element) throws -> Void
    ) throws {
        let queue = BatchQueue<Element>(capacity: inFlight)
        let thread = Thread {
            var batch: [Element] = []
            batch.reserveCapacity(batchSize)
            do {
                try produce { element in
                    batch.append(element)
                    if batch.count == batchSize {
                        guard queue.send(batch) else { throw Stopped() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { _ = queue.send(batch) }
                queue.finish(throwing: nil)
            } catch is Stopped {
                queue.finish(throwing: nil)
            } catch {
                // What was made before the error still arrives, in order, then the error.
                if !batch.isEmpty { _ = queue.send(batch) }
                queue.finish(throwing: error)
            }
        }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
        defer { queue.stopAndWait() }
        while let batch = try queue.receive() {
            for element in batch { try consume(element) }
            queue.recycle(batch)
        }
    }

    @usableFromInline
    struct Stopped: Error {
        @usableFromInline init() {}
    }
}

/// A bounded, single-producer single-consumer queue of batches.
@usableFromInline
final class BatchQueue<Element: Sendable>: @unchecked Sendable {
    // Every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private let capacity: Int
    private var batches: [[Element]] = []
    /// Batches the consumer is done with, freed by the producer.
    private var spent: [[Element]] = []
    private var finished = false
    private var stopped = false
    private var failure: (any Error)?

    @usableFromInline
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Blocks while the queue is full; false once the consumer has stopped listening.
    @usableFromInline
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
    @usableFromInline
    func recycle(_ batch: [Element]) {
        condition.lock()
        defer { condition.unlock() }
        spent.append(batch)
    }

    /// Called once by the producer, last.
    @usableFromInline
    func finish(throwing error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// The next batch; nil after the last one; the producer's error, if it failed.
    @usableFromInline
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
    @usableFromInline
    func stopAndWait() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
    }
}
