import Dispatch
import Synchronization

/// Where bcrypt runs: one thread of its own, with a bounded line of checks waiting for it.
/// A bcrypt of cost 12 is a quarter of a second of one core; on the shared concurrency pool,
/// sixteen clients inventing logins would hold every thread of it and slow every page and
/// the inbox behind them. Here they use one core at most, and past `maxWaiting` a check is
/// refused at once (503, try again) instead of queueing without end.
final class PasswordChecks: Sendable {
    private let queue = DispatchQueue(label: "reformledger.passwords", qos: .utility)
    private let waiting = Atomic<Int>(0)
    let maxWaiting: Int

    init(maxWaiting: Int = 16) {
        self.maxWaiting = maxWaiting
    }

    /// Runs `check` on the password thread; nil when too many checks are waiting already.
    func run<T: Sendable>(_ check: @escaping @Sendable () -> T) async -> T? {
        guard waiting.add(1, ordering: .relaxed).newValue <= maxWaiting else {
            waiting.subtract(1, ordering: .relaxed)
            return nil
        }
        defer { waiting.subtract(1, ordering: .relaxed) }
        return await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: check()) }
        }
    }
}
