import Synchronization
import Testing

@testable import LedgerStore

/// The two-stage loop of ingest and rebuild: order kept, errors from either side surface,
/// and the producer is always finished when `run` returns.
struct BackgroundBatchesTests {
    struct Failure: Error, Equatable { let at: Int }

    @Test(arguments: [1, 7, 256])
    func everyElementArrivesInOrderWhateverTheBatchSize(batchSize: Int) throws {
        var received: [Int] = []
        try BackgroundBatches.run(
            name: "test", batchSize: batchSize, inFlight: 2,
            produce: { emit in
                for value in 0..<10_000 { try emit(value) }
            }, consume: { received.append($0) })
        #expect(received == Array(0..<10_000))
    }

    @Test func aConsumerErrorStopsTheProducerBeforeRunReturns() throws {
        let produced = Shared(0)
        let finished = Shared(false)
        #expect(throws: Failure(at: 300)) {
            try BackgroundBatches.run(
                name: "test", batchSize: 10, inFlight: 2,
                produce: { emit in
                    defer { finished.set(true) }
                    for value in 0..<1_000_000 {
                        try emit(value)
                        produced.set(value + 1)
                    }
                },
                consume: { value in
                    if value == 300 { throw Failure(at: value) }
                })
        }
        #expect(finished.get())
        // Bounded: the queue holds two batches, so the producer got little further.
        #expect(produced.get() < 400)
    }

    @Test func aProducerErrorArrivesAfterTheElementsBeforeIt() throws {
        var received: [Int] = []
        #expect(throws: Failure(at: 55)) {
            try BackgroundBatches.run(
                name: "test", batchSize: 8, inFlight: 2,
                produce: { emit in
                    for value in 0..<100 {
                        if value == 55 { throw Failure(at: value) }
                        try emit(value)
                    }
                }, consume: { received.append($0) })
        }
        #expect(received == Array(0..<55))
    }
}

/// A value both threads of a test may touch.
private final class Shared<Value: Sendable>: Sendable {
    private let value: Mutex<Value>
    init(_ value: Value) { self.value = Mutex(value) }
    func get() -> Value { value.withLock { $0 } }
    func set(_ newValue: Value) { value.withLock { $0 = newValue } }
}
