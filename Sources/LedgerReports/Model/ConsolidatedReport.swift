import LedgerDomain

/// The consolidated report of one period (SPEC §7.2). Every format renders this value;
/// `json` is the reference shape.
public struct ConsolidatedReport: Sendable, Equatable {
    public var period: ReportPeriod
    public var mode: LedgerConfiguration.PeriodMode
    public var from: LocalDate
    public var to: LocalDate
    /// nil for an ad hoc report (`report` without `--issue`).
    public var edition: Int?
    public var throughSeq: Int64
    public var headHash: String
    public var totals: Totals
    public var agencies: [AgencyLine]
    public var tasks: [TaskLine]
    public var indicators: [IndicatorLine]
    public var contestFeedback: ContestFeedback
    public var silentAgencies: [String]

    public struct Totals: Sendable, Equatable {
        public var events = 0, articles = 0, activities = 0, contests = 0, surveys = 0
    }

    public struct AgencyLine: Sendable, Equatable {
        public var code: String
        public var name: String
        public var articlesByChannel: [(String, Int)]
        public var activitiesByForm: [(String, Int)]
        public var contests: Int
        public var surveys: Int
        public var tasks: [AgencyTask]
        public var reportSubmitted: Bool

        public var articles: Int { articlesByChannel.reduce(0) { $0 + $1.1 } }
        public var activities: Int { activitiesByForm.reduce(0) { $0 + $1.1 } }

        public static func == (lhs: AgencyLine, rhs: AgencyLine) -> Bool {
            lhs.code == rhs.code && lhs.name == rhs.name && lhs.articlesByChannel.elementsEqual(rhs.articlesByChannel, by: ==)
                && lhs.activitiesByForm.elementsEqual(rhs.activitiesByForm, by: ==) && lhs.contests == rhs.contests
                && lhs.surveys == rhs.surveys && lhs.tasks == rhs.tasks && lhs.reportSubmitted == rhs.reportSubmitted
        }
    }

    public struct AgencyTask: Sendable, Equatable {
        public var task: String
        public var role: String
        public var status: TaskStatus
    }

    public struct TaskLine: Sendable, Equatable {
        public var task: String
        public var title: String
        public var window: TaskWindow
        public var lead: [String]
        public var statusByLead: [(String, TaskStatus)]
        public var linkedEvents: Int

        public static func == (lhs: TaskLine, rhs: TaskLine) -> Bool {
            lhs.task == rhs.task && lhs.title == rhs.title && lhs.window == rhs.window && lhs.lead == rhs.lead
                && lhs.statusByLead.elementsEqual(rhs.statusByLead, by: ==) && lhs.linkedEvents == rhs.linkedEvents
        }
    }

    public struct IndicatorLine: Sendable, Equatable {
        public var indicator: String
        public var numerator: Int
        /// nil for a count target (`task:<id>:<form or channel>`).
        public var denominator: Int?
        public var target: String?
        /// Whether any data exists for it in the period.
        public var hasData: Bool

        /// numerator/denominator rounded half-up to 4 places; nil without data or for counts.
        public var value: String? {
            guard hasData, let denominator, denominator > 0 else { return nil }
            return Ratio.fourPlaces(numerator, denominator)
        }

        /// numerator ≥ min × denominator, exactly; false without data or target.
        public var met: Bool {
            guard hasData, let target else { return false }
            return Ratio.meets(numerator: numerator, denominator: denominator ?? 1, minimum: target)
        }
    }

    public struct ContestFeedback: Sendable, Equatable {
        public var responses = 0, continueContest = 0, otherForm = 0
        public var agenciesWithoutResponse: [String] = []
    }
}

/// Task status of one lead as of a day (SPEC §12, first match wins).
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

/// Exact decimal arithmetic for indicator values and targets.
public enum Ratio {
    /// `n/d` rounded half-up to 4 decimal places, as text ("0.8300").
    public static func fourPlaces(_ numerator: Int, _ denominator: Int) -> String {
        let scaled = (numerator * 20_000 + denominator) / (2 * denominator)   // half-up of n*10^4/d
        let fraction = String(scaled % 10_000)
        return "\(scaled / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    /// numerator ≥ minimum × denominator, with `minimum` a decimal string.
    public static func meets(numerator: Int, denominator: Int, minimum: String) -> Bool {
        let parts = minimum.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        guard let whole = Int(parts[0]), let digits = Int(fraction.isEmpty ? "0" : fraction) else { return false }
        var scale = 1
        for _ in 0..<fraction.count { scale *= 10 }
        return numerator * scale >= (whole * scale + digits) * denominator
    }
}
