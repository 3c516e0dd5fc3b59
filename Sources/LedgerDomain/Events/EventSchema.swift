/// The `data` fields of every event type (CONTRACT §5), as one table.
public enum EventSchema {
    /// Fields of a type; for `survey.submitted` they depend on `kind`.
    public static func fields(for type: EventType, surveyKind: SurveyKind? = nil) -> [FieldSpec] {
        if type == .surveySubmitted {
            switch surveyKind {
            case .awareness: return tables.awareness
            case .contestFeedback: return tables.contestFeedback
            case nil: return tables.anySurvey
            }
        }
        return tables.byType[type] ?? []
    }

    /// Built once: validation asks for a table per event, a million times per large file.
    private static let tables = (
        byType: Dictionary(uniqueKeysWithValues: EventType.allCases.map { ($0, table(for: $0, surveyKind: nil)) }),
        awareness: table(for: .surveySubmitted, surveyKind: .awareness),
        contestFeedback: table(for: .surveySubmitted, surveyKind: .contestFeedback),
        anySurvey: table(for: .surveySubmitted, surveyKind: nil)
    )

    private static func table(for type: EventType, surveyKind: SurveyKind?) -> [FieldSpec] {
        switch type {
        case .taskAssigned:
            [
                FieldSpec("task", .identifier), FieldSpec("title", .text), FieldSpec("plan", .text),
                FieldSpec("lead", .agencyReferenceList(minimum: 1)),
                .optional("coordinating", .agencyReferenceList(minimum: 0)),
                FieldSpec("window", .window), .optional("contents", .textList),
                // A task of an earlier plan that this one carries on (CONTRACT §5.x plans).
                .optional("carried_from", .identifier),
            ]
        case .taskReported:
            [
                FieldSpec("task", .identifier), FieldSpec("status", .oneOf(ReportedTaskStatus.choices)),
                .optional("note", .text),
            ]
        case .articlePublished:
            [
                FieldSpec("title", .text), FieldSpec("channel", .oneOf(Channel.choices)),
                .optional("outlet", .text), .optional("url", .text), .optional("task", .identifier),
            ]
        case .contestHeld:
            [
                FieldSpec("title", .text), .optional("theme", .text), FieldSpec("start", .date), FieldSpec("end", .date),
                FieldSpec("participants", .count(minimum: 0)), .optional("entries", .count(minimum: 0)),
                .optional("awards", .awards), .optional("task", .identifier),
            ]
        case .surveySubmitted:
            surveyFields(surveyKind)
        case .activityHeld:
            [
                FieldSpec("form", .oneOf(ActivityForm.choices)), FieldSpec("title", .text),
                .optional("participants", .count(minimum: 0)), .optional("task", .identifier),
            ]
        case .indicatorReported:
            [
                FieldSpec("indicator", .oneOf(ReportedIndicator.choices)),
                FieldSpec("numerator", .count(minimum: 0)), FieldSpec("denominator", .count(minimum: 1)),
            ]
        case .reportSubmitted:
            [FieldSpec("period", .period), .optional("document", .text)]
        case .eventRetracted:
            [FieldSpec("event", .identifier), FieldSpec("reason", .text)]
        case .agencyRegistered:
            [
                FieldSpec("code", .agencyCode), FieldSpec("name", .text),
                FieldSpec("kind", .oneOf(AgencyKind.choices)), .optional("parent", .agencyCode),
            ]
        case .agencyRenamed:
            // `parent` and `kind` re-attach an agency (communes when the districts went, 2025).
            [
                FieldSpec("code", .agencyCode), FieldSpec("name", .text), .optional("parent", .agencyCode),
                .optional("kind", .oneOf(AgencyKind.choices)),
            ]
        case .agencyDissolved:
            [
                FieldSpec("code", .agencyCode), FieldSpec("effective", .date), .optional("successors", .agencyCodeList(minimum: 0)),
                .optional("note", .text),
            ]
        case .agencyMerged:
            [FieldSpec("from", .agencyCodeList(minimum: 1)), FieldSpec("into", .agencyCode), FieldSpec("effective", .date)]
        case .targetSet:
            [FieldSpec("indicator", .targetIndicator), FieldSpec("min", .decimal), .optional("plan", .identifier)]
        case .planAdopted:
            [
                FieldSpec("plan", .identifier), FieldSpec("title", .text),
                FieldSpec("year", .count(minimum: AcceptedDates.years.lowerBound, maximum: AcceptedDates.years.upperBound)),
                .optional("document", .text), .optional("signed", .date),
            ]
        case .initiativeShared:
            [
                FieldSpec("initiative", .identifier), FieldSpec("title", .text), .optional("origin", .text),
                .optional("description", .text), .optional("award", .text), .optional("url", .text),
                // The event id of the proposal (by the origin agency) this one takes up.
                .optional("proposal_id", .identifier),
            ]
        case .initiativeApplied:
            [
                FieldSpec("initiative", .identifier), FieldSpec("since", .date), .optional("result", .text),
                .optional("task", .identifier),
            ]
        case .initiativeProposed:
            [FieldSpec("title", .text), FieldSpec("description", .text), .optional("benefit", .text)]
        case .reportReviewed:
            [
                FieldSpec("agency", .agencyCode), FieldSpec("period", .period), FieldSpec("decision", .oneOf(ReviewDecision.choices)),
                // Required when returned (EventAdmission): the clerk must know what to fix.
                .optional("reason", .text),
            ]
        case .commentPosted:
            [FieldSpec("agency", .agencyCode), FieldSpec("period", .period), FieldSpec("text", .text)]
        case .reminderSent:
            [
                FieldSpec("agency", .agencyCode), FieldSpec("period", .period), FieldSpec("due", .date),
                FieldSpec("offset", .count(minimum: -60, maximum: 60)), FieldSpec("recipients", .textList),
            ]
        case .reportGenerated:
            [
                FieldSpec("period", .period), FieldSpec("edition", .count(minimum: 1)),
                FieldSpec("through_seq", .count(minimum: 0, maximum: JSONValue.maxExactInteger)), FieldSpec("head_hash", .text),
                FieldSpec("files", .reportFiles),
            ]
        }
    }

    private static func surveyFields(_ kind: SurveyKind?) -> [FieldSpec] {
        let kindField = FieldSpec("kind", .oneOf(SurveyKind.choices))
        let awareness = [
            FieldSpec("audience", .oneOf(Audience.choices)),
            FieldSpec("respondents", .count(minimum: 1)), FieldSpec("aware", .count(minimum: 0)),
        ]
        let feedback = [
            FieldSpec("contest", .text), FieldSpec("assessment", .text),
            FieldSpec("recommendation", .oneOf(Recommendation.choices)),
            .optional("proposal", .text), .optional("other", .text),
        ]
        switch kind {
        case .awareness: return [kindField] + awareness
        case .contestFeedback: return [kindField] + feedback
        case nil: return [kindField] + awareness.map { .optional($0.name, $0.kind) } + feedback.map { .optional($0.name, $0.kind) }
        }
    }

    /// The union of a type's fields, used to read CSV columns.
    public static func allFields(for type: EventType) -> [FieldSpec] {
        fields(for: type, surveyKind: nil)
    }
}
