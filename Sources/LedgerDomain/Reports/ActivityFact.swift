/// What reports need of one activity event, extracted once when it is projected.
public struct ActivityFact: Sendable, Equatable {
    public var type: EventType
    public let day: LocalDate
    /// `day` as `YYYY-MM-DD`, formatted once where the fact is made (off the database thread).
    public let dayText: String
    /// Milliseconds of the earliest instant of `occurred_at`: "latest report" ordering.
    public var instant: Int64
    public var task: String?
    /// What a report groups or sums the event by.
    public var measure: ActivityMeasure

    /// Nil for events that are not activity events.
    public init?(type: EventType, occurredAt: EventTime, data: JSONObject, zone: LocalZone) {
        guard type.isActivity else { return nil }
        self.type = type
        day = occurredAt.localDate(in: zone)
        dayText = day.description
        instant = occurredAt.earliestInstant(in: zone).millisecondsSinceEpoch
        task = data["task"]?.stringValue
        measure = ActivityMeasure(type: type, data: data)
    }
}

/// The payload of an activity event that reports read, by type. Admission guarantees the
/// fields; an event of an older log that lacks one is `.unrecorded`.
public enum ActivityMeasure: Sendable, Equatable {
    /// `article.published`.
    case channel(String)
    /// `activity.held`.
    case form(String)
    /// An awareness `survey.submitted`.
    case awareness(audience: String, respondents: Int, aware: Int)
    /// A contest-feedback `survey.submitted`.
    case contestFeedback(recommendation: String)
    /// `indicator.reported`.
    case indicator(String, numerator: Int, denominator: Int)
    /// `report.submitted`: the period reported on.
    case period(String)
    /// `task.reported`.
    case status(String)
    /// `contest.held`, or a payload without its field.
    case unrecorded

    public init(type: EventType, data: JSONObject) {
        func text(_ key: String) -> String? { data[key]?.stringValue }
        func integer(_ key: String) -> Int? { if case .integer(let value)? = data[key] { value } else { nil } }
        switch type {
        case .articlePublished: self = text("channel").map { .channel($0) } ?? .unrecorded
        case .activityHeld: self = text("form").map { .form($0) } ?? .unrecorded
        case .surveySubmitted:
            if text("kind") == SurveyKind.contestFeedback.rawValue {
                self = text("recommendation").map { .contestFeedback(recommendation: $0) } ?? .unrecorded
            } else if let audience = text("audience"), let respondents = integer("respondents"), let aware = integer("aware") {
                self = .awareness(audience: audience, respondents: respondents, aware: aware)
            } else {
                self = .unrecorded
            }
        case .indicatorReported:
            if let indicator = text("indicator"), let numerator = integer("numerator"), let denominator = integer("denominator") {
                self = .indicator(indicator, numerator: numerator, denominator: denominator)
            } else {
                self = .unrecorded
            }
        case .reportSubmitted: self = text("period").map { .period($0) } ?? .unrecorded
        case .taskReported: self = text("status").map { .status($0) } ?? .unrecorded
        default: self = .unrecorded
        }
    }

    /// The projection's columns (`measure`, two counts, `note`), and back: one row per
    /// fact, with what the type gives each column meaning.
    public var columns: (label: String?, first: Int?, second: Int?, note: String?) {
        switch self {
        case .channel(let label), .form(let label), .period(let label), .status(let label): (label, nil, nil, nil)
        case .awareness(let audience, let respondents, let aware): (audience, respondents, aware, nil)
        case .contestFeedback(let recommendation): (SurveyKind.contestFeedback.rawValue, nil, nil, recommendation)
        case .indicator(let indicator, let numerator, let denominator): (indicator, numerator, denominator, nil)
        case .unrecorded: (nil, nil, nil, nil)
        }
    }

    public init(type: EventType, label: String?, first: Int?, second: Int?, note: String?) {
        switch (type, label, first, second) {
        case (.articlePublished, let label?, _, _): self = .channel(label)
        case (.activityHeld, let label?, _, _): self = .form(label)
        case (.surveySubmitted, SurveyKind.contestFeedback.rawValue, _, _):
            self = note.map { .contestFeedback(recommendation: $0) } ?? .unrecorded
        case (.surveySubmitted, let label?, let first?, let second?): self = .awareness(audience: label, respondents: first, aware: second)
        case (.indicatorReported, let label?, let first?, let second?): self = .indicator(label, numerator: first, denominator: second)
        case (.reportSubmitted, let label?, _, _): self = .period(label)
        case (.taskReported, let label?, _, _): self = .status(label)
        default: self = .unrecorded
        }
    }
}
