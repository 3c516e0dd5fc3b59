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

extension TaskStatus: LabelledCode {
    public var label: LocalizedText {
        switch self {
        case .done: LocalizedText(vi: "Hoàn thành", en: "Done")
        case .overdue: LocalizedText(vi: "Quá hạn", en: "Overdue")
        case .inProgress: LocalizedText(vi: "Đang thực hiện", en: "In progress")
        case .ongoing: LocalizedText(vi: "Thường xuyên", en: "Ongoing")
        case .notStarted: LocalizedText(vi: "Chưa thực hiện", en: "Not started")
        }
    }
}
