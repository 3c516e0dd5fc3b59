import AsyncAlgorithms
import Logging
import ServiceLifecycle

/// Sends `WATCHDOG=1` at half of `$WATCHDOG_USEC` while the ingest loop's heartbeat is fresh.
public struct WatchdogService: Service {
    let notifier: SystemdNotifier
    let heartbeat: Heartbeat
    let interval: Duration
    /// How long the loop may go without a beat (a big file beats as it is read).
    let tolerance: Duration
    let logger: Logger

    public init(notifier: SystemdNotifier, heartbeat: Heartbeat, interval: Duration, logger: Logger) {
        self.notifier = notifier
        self.heartbeat = heartbeat
        self.interval = interval
        self.tolerance = interval * 2
        self.logger = logger
    }

    public func run() async throws {
        ping()
        for await _ in AsyncTimerSequence.repeating(every: interval).cancelOnGracefulShutdown() { ping() }
    }

    private func ping() {
        if heartbeat.isFresh(within: tolerance) {
            notifier.notify("WATCHDOG=1")
        } else {
            logger.warning("the ingest loop has not beaten for a while; not pinging the watchdog")
        }
    }
}

extension Task where Success == Never, Failure == Never {
    static var isCancelledOrShuttingDown: Bool { Task.isCancelled || Task.isShuttingDownGracefully }
}
