/// What the portal's API answers when a request itself is wrong (before any inbox rule
/// applies): a stable code, the HTTP status, and a message in both languages. A file that
/// reaches the inbox rules is answered with their own codes instead.
public enum PortalProblem: String, Sendable, CaseIterable {
    case authenticationRequired = "authentication_required"
    case tooManyAttempts = "too_many_attempts"
    case forbiddenAgency = "forbidden_agency"
    case readOnlyRole = "read_only_role"
    case unknownAgency = "unknown_agency"
    case payloadTooLarge = "payload_too_large"
    case malformedUpload = "malformed_upload"
    case invalidUploadName = "invalid_upload_name"
    case unknownPeriod = "unknown_period"
    case notFound = "not_found"
    case unavailable = "unavailable"
    case invalidCSRFToken = "invalid_csrf_token"
    case signInFailed = "sign_in_failed"
    case noFileChosen = "no_file_chosen"
    case invalidQuery = "invalid_query"
    case signInBusy = "sign_in_busy"
    case accountsUnavailable = "accounts_unavailable"
    case uploadsBusy = "uploads_busy"

    public var status: Int {
        switch self {
        case .authenticationRequired: 401
        case .tooManyAttempts: 429
        case .forbiddenAgency, .readOnlyRole, .invalidCSRFToken: 403
        case .signInFailed: 401
        case .noFileChosen, .invalidQuery: 400
        case .unknownAgency, .unknownPeriod, .notFound: 404
        case .payloadTooLarge: 413
        case .malformedUpload, .invalidUploadName: 400
        case .unavailable, .signInBusy, .accountsUnavailable, .uploadsBusy: 503
        }
    }
}
