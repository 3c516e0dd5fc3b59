/// What reports need of one activity event, extracted once when it is projected.
///
/// `measure` is the field a report groups by: the channel of an article, the form of an
/// activity, the audience (or `contest-feedback`) of a survey, the indicator of an
/// indicator report, the period of a submitted report, the status of a task report.
public struct ActivityFact: Sendable, Equatable {
    public var type: EventType
    public let day: LocalDate
    /// `day` as `YYYY-MM-DD`, formatted once where the fact is made (off the database thread).
    public let dayText: String
    /// Milliseconds of the earliest instant of `occurred_at`: "latest report" ordering.
    public var instant: Int64
    public var measure: String?
    public var task: String?
    /// respondents / numerator.
    public var a: Int?
    /// aware / denominator.
    public var b: Int?
    /// The recommendation of a contest-feedback survey.
    public var note: String?

    /// Nil for events that are not activity events.
    public init?(type: EventType, occurredAt: EventTime, data: JSONObject, zone: LocalZone) {
        guard type.isActivity else { return nil }
        self.type = type
        day = occurredAt.localDate(in: zone)
        dayText = day.description
        instant = occurredAt.earliestInstant(in: zone).millisecondsSinceEpoch
        task = data["task"]?.stringValue
        func integer(_ key: String) -> Int? { if case .integer(let value)? = data[key] { value } else { nil } }
        switch type {
        case .articlePublished: measure = data["channel"]?.stringValue
        case .activityHeld: measure = data["form"]?.stringValue
        case .surveySubmitted:
            if data["kind"]?.stringValue == SurveyKind.contestFeedback.rawValue {
                measure = SurveyKind.contestFeedback.rawValue
                note = data["recommendation"]?.stringValue
            } else {
                measure = data["audience"]?.stringValue
                a = integer("respondents")
                b = integer("aware")
            }
        case .indicatorReported:
            measure = data["indicator"]?.stringValue
            a = integer("numerator")
            b = integer("denominator")
        case .reportSubmitted: measure = data["period"]?.stringValue
        case .taskReported: measure = data["status"]?.stringValue
        default: measure = nil
        }
    }
}
