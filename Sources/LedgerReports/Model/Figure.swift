import LedgerDomain

/// One figure of a consolidated report that can be traced to the events it counts: a total,
/// an agency's count, a task's linked events, an indicator's numerator. Its `code` is what
/// the portal puts in a link (`figure=agency.BST.articles`).
public enum Figure: Sendable, Hashable, CustomStringConvertible {
    /// What a total or an agency's count counts.
    public enum Count: String, Sendable, CaseIterable {
        case events, articles, activities, contests, surveys

        /// The event type a count is made of; nil for `events` (all of them).
        var type: EventType? {
            switch self {
            case .events: nil
            case .articles: .articlePublished
            case .activities: .activityHeld
            case .contests: .contestHeld
            case .surveys: .surveySubmitted
            }
        }
    }

    case total(Count)
    case agency(String, Count)
    case task(String)
    case indicator(String)

    public var code: String {
        switch self {
        case .total(let count): "total.\(count.rawValue)"
        case .agency(let code, let count): "agency.\(code).\(count.rawValue)"
        case .task(let id): "task.\(id)"
        case .indicator(let name): "indicator.\(name)"
        }
    }

    public var description: String { code }

    /// The figure a `code` names; nil for anything else (the portal answers 404).
    public init?(code: String) {
        if code.hasPrefix("total."), let count = Count(rawValue: String(code.dropFirst(6))) {
            self = .total(count)
        } else if code.hasPrefix("agency."), let dot = code.lastIndex(of: "."), let count = Count(rawValue: String(code[code.index(after: dot)...])) {
            let agency = String(code.dropFirst(7)[..<dot])
            guard AgencyCode.isValid(agency) else { return nil }
            self = .agency(agency, count)
        } else if code.hasPrefix("task."), Identifier.isValid(String(code.dropFirst(5))) {
            self = .task(String(code.dropFirst(5)))
        } else if code.hasPrefix("indicator."), TargetIndicator.parse(String(code.dropFirst(10))) != nil {
            self = .indicator(String(code.dropFirst(10)))
        } else {
            return nil
        }
    }
}
