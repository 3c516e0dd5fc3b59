import Dispatch

/// The one bridge from async code to blocking work (SQLite, the file system): a dispatch
/// queue of its own, off the cooperative thread pool and the event loops, which a blocked
/// read would otherwise starve. Serial for the inbox and the uploads (one writer at a time,
/// in arrival order), concurrent for the pages' reads (WAL readers beside the writer).
struct BlockingWork: Sendable {
    private let queue: DispatchQueue

    init(label: String, concurrent: Bool = false) {
        queue = DispatchQueue(label: label, attributes: concurrent ? .concurrent : [])
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
