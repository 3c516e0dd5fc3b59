import Foundation

/// The source of "now": the wall clock in production, a fixed instant for `--now` and tests.
public protocol LedgerClock: Sendable {
    func now() -> Instant
}

public struct SystemClock: LedgerClock {
    public init() {}

    public func now() -> Instant {
        Instant(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}

/// A clock that always answers the same instant (`serve --now`, drills, tests).
public struct FixedClock: LedgerClock {
    public let instant: Instant

    public init(_ instant: Instant) {
        self.instant = instant
    }

    public func now() -> Instant { instant }
}
