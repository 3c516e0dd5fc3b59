/// The stable error codes of the inbox contract (CONTRACT §6.2).
///
/// Clerks, scripts and auditors match on these strings; they never change meaning.
/// `ErrorCodeTests` pins the full list.
public enum ErrorCode: String, Sendable, CaseIterable, Codable {
    case malformed
    case encoding
    case tooLarge = "too_large"
    case unsupportedFormat = "unsupported_format"
    case unknownType = "unknown_type"
    case unknownField = "unknown_field"
    case missingField = "missing_field"
    case invalidValue = "invalid_value"
    case invalidDate = "invalid_date"
    case unknownAgency = "unknown_agency"
    case agencyMismatch = "agency_mismatch"
    case notPermitted = "not_permitted"
    case unknownTask = "unknown_task"
    /// `initiative.applied` names a code no `initiative.shared` has shared.
    case unknownInitiative = "unknown_initiative"
    case unknownEvent = "unknown_event"
    case idConflict = "id_conflict"
    case notRegularFile = "not_regular_file"
    /// A file name that is not UTF-8: no message or listing could name it faithfully.
    case invalidFileName = "invalid_file_name"
}

/// The language of user-facing messages (`language` in configuration).
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi
    case en
}
