import LedgerDomain

/// The forms of browser entry (`/agency/{CODE}/entry`): one per kind of work the clerk's
/// template has a sheet for, with the same fields (`EventSchema`) and labels (`FieldLabels`),
/// so a form cannot ask for what the inbox refuses.
struct EntryForm: Sendable {
    let type: EventType
    let surveyKind: SurveyKind?

    /// The form's key in `?form=`: the type, or the type and survey kind.
    var key: String { surveyKind.map { "\(type.rawValue):\($0.rawValue)" } ?? type.rawValue }

    var title: String {
        switch surveyKind {
        case .awareness: TemplateWords.awarenessSheet.vi
        case .contestFeedback: TemplateWords.feedbackSheet.vi
        case nil: type.label.vi
        }
    }

    /// The data fields a person fills (not `kind` of a survey, not `awards`, JSON only).
    var fields: [FieldSpec] {
        EventSchema.fields(for: type, surveyKind: surveyKind).filter { spec in
            if case .awards = spec.kind { return false }
            return !(spec.name == "kind" && type == .surveySubmitted)
        }
    }

    static let all: [EntryForm] = [
        EntryForm(type: .articlePublished, surveyKind: nil), EntryForm(type: .activityHeld, surveyKind: nil),
        EntryForm(type: .contestHeld, surveyKind: nil), EntryForm(type: .surveySubmitted, surveyKind: .awareness),
        EntryForm(type: .surveySubmitted, surveyKind: .contestFeedback), EntryForm(type: .indicatorReported, surveyKind: nil),
        EntryForm(type: .taskReported, surveyKind: nil), EntryForm(type: .reportSubmitted, surveyKind: nil),
        EntryForm(type: .initiativeApplied, surveyKind: nil), EntryForm(type: .initiativeProposed, surveyKind: nil),
    ]

    static func named(_ key: String?) -> EntryForm? {
        guard let key else { return all.first }
        return all.first { $0.key == key }
    }
}

/// What the entry forms offer in their lists for one agency: its tasks, the shared
/// initiatives, the periods.
public struct EntryChoices: Sendable {
    public var tasks: [(id: String, title: String)]
    public var initiatives: [(code: String, title: String)]
    public var periods: [String]
    public init(tasks: [(id: String, title: String)], initiatives: [(code: String, title: String)], periods: [String]) {
        self.tasks = tasks
        self.initiatives = initiatives
        self.periods = periods
    }
}
