/// The reporting loop as the registry knows it: SNV's decision on an agency's report of a
/// period (`report.reviewed`) and the thread of comments on it (`comment.posted`). Few per
/// period, so folded with the registry (corrections and retractions alike), never tallied.
public struct ReportReview: Sendable, Equatable {
    public var agency: String
    public var period: String
    public var decision: ReviewDecision
    public var reason: String?
    /// The coordinator that decided.
    public var by: String
    public var decidedOn: LocalDate
    public var seq: Int64
}

/// One comment of an agency's thread for a period.
public struct PostedComment: Sendable, Equatable {
    public var agency: String
    public var period: String
    public var text: String
    /// Who wrote it: the agency itself or a coordinator.
    public var by: String
    public var postedOn: LocalDate
    public var seq: Int64
}

extension AgencyRegistry {
    /// The latest decision (by seq) on an agency's report of a period.
    public func latestReview(of agency: String, period: String) -> ReportReview? {
        reviews.last { $0.agency == agency && $0.period == period }
    }

    /// The thread of an agency's period, oldest first.
    public func comments(of agency: String, period: String) -> [PostedComment] {
        comments.filter { $0.agency == agency && $0.period == period }
    }
}
