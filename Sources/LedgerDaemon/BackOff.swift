import Foundation

/// When to try again a file that failed for a reason of the machine: 1 s, 2 s, 4 s, …
/// up to 5 minutes, forgotten once the file is processed or gone from the inbox.
struct BackOff {
    static let first: TimeInterval = 1
    static let longest: TimeInterval = 300

    private var entries: [String: (failures: Int, next: Date)] = [:]

    /// Records a failure; returns the delay before the next attempt.
    mutating func failed(_ path: String, now: Date) -> TimeInterval {
        let failures = (entries[path]?.failures ?? 0) + 1
        let delay = min(Self.longest, Self.first * pow(2, Double(min(failures - 1, 20))))
        entries[path] = (failures, now.addingTimeInterval(delay))
        return delay
    }

    mutating func succeeded(_ path: String) { entries[path] = nil }

    func isWaiting(_ path: String, now: Date) -> Bool {
        guard let entry = entries[path] else { return false }
        return entry.next > now
    }

    /// Forgets files no longer in the inbox.
    mutating func keep(only paths: Set<String>) {
        entries = entries.filter { paths.contains($0.key) }
    }
}
