/// Every event type of CONTRACT §5, with its stored name in one place.
public enum EventType: String, Sendable, CaseIterable, Codable {
    case taskAssigned = "task.assigned"
    case taskReported = "task.reported"
    case articlePublished = "article.published"
    case contestHeld = "contest.held"
    case surveySubmitted = "survey.submitted"
    case activityHeld = "activity.held"
    case indicatorReported = "indicator.reported"
    case reportSubmitted = "report.submitted"
    case eventRetracted = "event.retracted"
    case agencyRegistered = "agency.registered"
    case agencyRenamed = "agency.renamed"
    case agencyMerged = "agency.merged"
    case agencyDissolved = "agency.dissolved"
    case targetSet = "target.set"
    case planAdopted = "plan.adopted"
    case initiativeShared = "initiative.shared"
    case initiativeApplied = "initiative.applied"
    case initiativeProposed = "initiative.proposed"
    case reportReviewed = "report.reviewed"
    case commentPosted = "comment.posted"
    case reminderSent = "reminder.sent"
    case reportGenerated = "report.generated"

    /// Who may send an event of this type.
    public enum Sender: Sendable {
        case anyAgency
        case coordinator
        case leadOrCoordinatingAgency
        case system
    }

    public var sender: Sender {
        switch self {
        case .taskAssigned, .targetSet, .planAdopted, .agencyRegistered, .agencyRenamed, .agencyMerged, .agencyDissolved, .initiativeShared,
            .reportReviewed:
            .coordinator
        case .taskReported: .leadOrCoordinatingAgency
        case .reportGenerated, .reminderSent: .system
        default: .anyAgency
        }
    }

    /// Activity events: the ones that make an agency not silent (CONTRACT §12).
    public var isActivity: Bool {
        switch self {
        case .articlePublished, .activityHeld, .contestHeld, .surveySubmitted, .indicatorReported, .reportSubmitted, .taskReported: true
        default: false
        }
    }

    /// Types that shape the registry of agencies, tasks and targets, which validation and
    /// reports need.
    public var isRegistryEvent: Bool {
        switch self {
        case .taskAssigned, .agencyRegistered, .agencyRenamed, .agencyMerged, .agencyDissolved, .targetSet, .planAdopted: true
        // Models and initiatives are few: folded with the registry, not tallied.
        case .initiativeShared, .initiativeApplied, .initiativeProposed: true
        // So are the reporting loop's decisions and comments.
        case .reportReviewed, .commentPosted, .reminderSent: true
        default: false
        }
    }
}
