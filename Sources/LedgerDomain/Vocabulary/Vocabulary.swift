/// Closed vocabularies of CONTRACT §5; their raw values are what files and reports carry.

public enum Channel: String, Sendable, CaseIterable, Codable {
    case portal, website, newspaper, radio, television, loudspeaker, zalo, facebook, youtube, bulletin, publication, other
}

public enum ActivityForm: String, Sendable, CaseIterable, Codable {
    case training, workshop, conference, performance, video
    case mobilePropaganda = "mobile-propaganda"
    case businessDialogue = "business-dialogue"
    case studyTour = "study-tour"
    case poster, leaflet
    case procedureListing = "procedure-listing"
    case meetingIntegration = "meeting-integration"
    case contestLaunch = "contest-launch"
    case other
}

public enum AgencyKind: String, Sendable, CaseIterable, Codable {
    case department, district, commune, press
    case massOrganisation = "mass-organisation"
    case central
    case publicUnit = "public-unit"
    case school, other
}

public enum Audience: String, Sendable, CaseIterable, Codable {
    case officials, citizens, businesses
}

/// SNV's decision on an agency's report of a period (`report.reviewed`).
public enum ReviewDecision: String, Sendable, CaseIterable, Codable {
    case accepted, returned
}

public enum SurveyKind: String, Sendable, CaseIterable, Codable {
    case awareness
    case contestFeedback = "contest-feedback"
}

public enum Recommendation: String, Sendable, CaseIterable, Codable {
    case continueContest = "continue-contest"
    case otherForm = "other-form"
}

public enum ReportedTaskStatus: String, Sendable, CaseIterable, Codable {
    case inProgress = "in_progress"
    case done
}

/// Indicators an agency reports as a fraction (`indicator.reported`).
public enum ReportedIndicator: String, Sendable, CaseIterable, Codable {
    case staffTrained = "staff-trained"
    case onlineProcedures = "online-procedures"
}

/// What a `target.set` may aim at.
public enum TargetIndicator: Sendable, Hashable, CustomStringConvertible {
    case awareness(Audience)
    case reported(ReportedIndicator)
    /// `task:<task id>:<form or channel>`: a count of linked events.
    case taskCount(task: String, measure: String)

    public var description: String {
        switch self {
        case .awareness(let audience): "awareness.\(audience.rawValue)"
        case .reported(let indicator): indicator.rawValue
        case .taskCount(let task, let measure): "task:\(task):\(measure)"
        }
    }

    public static func parse(_ text: String) -> TargetIndicator? {
        if text.hasPrefix("awareness."), let audience = Audience(rawValue: String(text.dropFirst("awareness.".count))) {
            return .awareness(audience)
        }
        if let reported = ReportedIndicator(rawValue: text) { return .reported(reported) }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0] == "task", Identifier.isValid(String(parts[1])),
            ActivityForm(rawValue: String(parts[2])) != nil || Channel(rawValue: String(parts[2])) != nil
        {
            return .taskCount(task: String(parts[1]), measure: String(parts[2]))
        }
        return nil
    }
}
