import Foundation
import Synchronization

/// After five failed sign-ins for one login, that login waits: every further attempt is
/// answered 429 until `pause` has passed since the last failure. A success clears it.
/// Counted in memory: a restart forgives, which costs a guesser a restart per five tries.
public final class LoginThrottle: Sendable {
    public static let allowedFailures = 5
    let pause: Duration
    private let failures = Mutex<[String: (count: Int, last: ContinuousClock.Instant)]>([:])

    public init(pause: Duration = .seconds(60)) {
        self.pause = pause
    }

    /// Seconds to wait before `login` may try again, or nil when it may try now.
    public func waitSeconds(for login: String) -> Int? {
        failures.withLock { table in
            guard let entry = table[login], entry.count >= Self.allowedFailures else { return nil }
            let remaining = pause - (ContinuousClock.now - entry.last)
            if remaining <= .zero { return nil }
            return max(1, Int(remaining.components.seconds) + 1)
        }
    }

    public func failed(_ login: String) {
        failures.withLock { table in
            let count = (table[login]?.count ?? 0) + 1
            table[login] = (count, ContinuousClock.now)
            // Bounded memory under a spray of invented logins.
            if table.count > 10_000 { table = table.filter { $0.value.count >= Self.allowedFailures } }
        }
    }

    public func succeeded(_ login: String) {
        _ = failures.withLock { $0.removeValue(forKey: login) }
    }
}
