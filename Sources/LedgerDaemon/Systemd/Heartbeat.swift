import Synchronization

/// The ingest loop's sign of life. The watchdog pings systemd only while it is fresh, so a
/// loop that hangs is restarted by systemd instead of being vouched for by a timer.
public final class Heartbeat: Sendable {
    private let last = Mutex<ContinuousClock.Instant>(.now)

    public init() {}

    public func beat() { last.withLock { $0 = .now } }

    public func isFresh(within limit: Duration) -> Bool {
        last.withLock { .now - $0 <= limit }
    }
}
