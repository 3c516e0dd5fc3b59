import Synchronization

/// When the inbox loop wants another scan: every `rescan` as a safety net, and at the
/// moments asked for (a file to settle, a failed file's back-off). One timer sequence reads
/// it on every tick (`InboxService`), instead of a sleeping task per request.
final class WakeSchedule: Sendable {
    private struct Deadlines {
        var rescan: ContinuousClock.Instant
        var requested: [ContinuousClock.Instant] = []
    }

    let rescanInterval: Duration
    private let deadlines: Mutex<Deadlines>

    init(rescanEvery interval: Duration, from now: ContinuousClock.Instant = .now) {
        rescanInterval = interval
        deadlines = Mutex(Deadlines(rescan: now + interval))
    }

    /// Asks for a scan `delay` from `now`.
    func request(after delay: Duration, from now: ContinuousClock.Instant = .now) {
        deadlines.withLock { $0.requested.append(now + delay) }
    }

    /// Whether a scan is due at `now`; the deadlines it answers for are used up.
    func takeDue(at now: ContinuousClock.Instant) -> Bool {
        deadlines.withLock { deadlines in
            var due = false
            if deadlines.rescan <= now {
                deadlines.rescan = now + rescanInterval
                due = true
            }
            let before = deadlines.requested.count
            deadlines.requested.removeAll { $0 <= now }
            return due || deadlines.requested.count < before
        }
    }
}
