/// A failure of the storage layer: a stable code, a message for people, and the cause.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        case notInitialised = "not_initialised"
        case openFailed = "open_failed"
        case corruptRow = "corrupt_row"
        /// An append whose `(agency, id)` is in the log already (the UNIQUE index of SQLite).
        case duplicateKey = "duplicate_key"
    }

    public var code: Code
    public var message: String
    public var cause: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        if let cause { return "\(message) (\(code.rawValue): \(cause))" }
        return "\(message) (\(code.rawValue))"
    }
}
