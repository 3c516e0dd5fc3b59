import LedgerDomain

/// One person who signs in to the portal. Kept in `<state>/accounts.json`, never in the
/// event log: the chain holds no personal data, and an account can be disabled without
/// rewriting history.
public struct Account: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// Acts for her own agency only: uploads, its template, its tasks and files.
        case clerk
        /// UBND and SNV staff: see every agency.
        case coordinator
        /// Reads everything, writes nothing.
        case auditor
        /// Everything a coordinator may, and the accounts.
        case admin
    }

    public var login: String
    public var agency: String
    public var role: Role
    /// bcrypt (`$2b$…`), cost 12.
    public var passwordHash: String
    public var disabled: Bool
    /// Where the daemon's reminders go (`user add --email`, `user email`); none without it.
    public var email: String?

    enum CodingKeys: String, CodingKey {
        case login, agency, role, disabled, email
        case passwordHash = "password_hash"
    }

    public init(login: String, agency: String, role: Role, passwordHash: String, disabled: Bool = false) {
        self.login = login
        self.agency = agency
        self.role = role
        self.passwordHash = passwordHash
        self.disabled = disabled
    }

    /// Logins are what people type: 2–64 of `a-z 0-9 . _ -`, starting with a letter or digit.
    public static func isValidLogin(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard (2...64).contains(scalars.count), let first = scalars.first, first.properties.isLowercase || ("0"..."9").contains(first) else {
            return false
        }
        return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// Whether this account may send files and see the private pages of `code`.
    public func mayActFor(agency code: String) -> Bool {
        switch role {
        case .clerk: agency == code
        case .coordinator, .admin: true
        case .auditor: false
        }
    }

    /// Whether this account may read every agency's data.
    public var readsEverything: Bool { role != .clerk }
}
