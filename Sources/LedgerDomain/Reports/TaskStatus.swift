/// Task status of one lead as of a day (CONTRACT §12, first match wins).
public enum TaskStatus: String, Sendable, CaseIterable {
    case done, overdue
    case inProgress = "in_progress"
    case ongoing
    case notStarted = "not_started"

    /// The overall status a coordinating agency sees: done when every lead is done, else
    /// the first of overdue, in_progress, ongoing, not_started that any lead has.
    public static func overall(_ statuses: [TaskStatus]) -> TaskStatus {
        if !statuses.isEmpty, statuses.allSatisfy({ $0 == .done }) { return .done }
        for candidate in [TaskStatus.overdue, .inProgress, .ongoing, .notStarted] where statuses.contains(candidate) { return candidate }
        return .notStarted
    }
}
