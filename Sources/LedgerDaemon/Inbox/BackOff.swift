/// When to try again a file that failed for a reason of the machine: 1 s, 2 s, 4 s, …
/// up to 5 minutes, forgotten once the file is processed or gone from the inbox. Measured
/// on the monotonic clock, so a wall clock set back does not hold a file for hours.
struct BackOff {
    static let first = Duration.seconds(1)
    static let longest = Duration.seconds(300)

    private var entries: [String: (failures: Int, next: ContinuousClock.Instant)] = [:]

    /// Records a failure; returns the delay before the next attempt.
    mutating func failed(_ path: String, now: ContinuousClock.Instant) -> Duration {
        let failures = (entries[path]?.failures ?? 0) + 1
        let delay = min(Self.longest, Self.first * (1 << min(failures - 1, 20)))
        entries[path] = (failures, now + delay)
        return delay
    }

    mutating func succeeded(_ path: String) { entries[path] = nil }

    func isWaiting(_ path: String, now: ContinuousClock.Instant) -> Bool {
        guard let entry = entries[path] else { return false }
        return entry.next > now
    }

    /// Forgets files no longer in the inbox.
    mutating func keep(only paths: Set<String>) {
        entries = entries.filter { paths.contains($0.key) }
    }
}
