import Foundation
import HummingbirdBcrypt
import LedgerDomain
import LedgerFiles
import Synchronization

/// The accounts file, `<state>/accounts.json` (mode 0600, written atomically). The CLI
/// changes it while the daemon runs; the daemon reads it again whenever its modification
/// time or size changes, so a new or disabled account counts at the next sign-in.
public final class AccountStore: Sendable {
    public let path: String
    private let cache = Mutex<(stamp: String, accounts: [Account])>(("", []))

    public init(path: String) {
        self.path = path
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Every account, sorted by login.
    public func all() throws -> [Account] {
        let stamp = Self.stamp(path)
        if let cached = cache.withLock({ $0.stamp == stamp ? $0.accounts : nil }) { return cached }
        let accounts: [Account]
        if stamp.isEmpty {
            accounts = []
        } else {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                accounts = try JSONDecoder().decode(File.self, from: data).accounts
            } catch {
                throw Failure(description: "\(path) is not a valid accounts file: \(error)")
            }
        }
        cache.withLock { $0 = (stamp, accounts) }
        return accounts
    }

    public func account(login: String) throws -> Account? {
        try all().first { $0.login == login }
    }

    /// The account if the password is right and the account enabled; nil otherwise. The
    /// hash is checked even for an unknown login, so the answer takes the same time.
    /// - Throws: `Failure` naming the file when it cannot be read: then no answer about
    ///   the password is right, and none is given.
    public func authenticate(login: String, password: String) throws -> Account? {
        let found = try account(login: login)
        let valid = Bcrypt.verify(password, hash: found?.passwordHash ?? Self.decoyHash)
        guard valid, let found, !found.disabled else { return nil }
        return found
    }

    public func add(login: String, agency: String, role: Account.Role, password: String) throws {
        guard Account.isValidLogin(login) else {
            throw Failure(description: "a login is 2–64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit")
        }
        try Self.checkPassword(password)
        var accounts = try all()
        guard !accounts.contains(where: { $0.login == login }) else { throw Failure(description: "the login \(login) exists") }
        accounts.append(Account(login: login, agency: agency, role: role, passwordHash: Bcrypt.hash(password, cost: 12)))
        try save(accounts)
    }

    public func setPassword(login: String, password: String) throws {
        try Self.checkPassword(password)
        try update(login) { $0.passwordHash = Bcrypt.hash(password, cost: 12) }
    }

    /// Sets (or, with nil, removes) the account's e-mail address for reminders.
    public func setEmail(login: String, email: String?) throws {
        if let email, !MailSettings.isValidAddress(email) { throw Failure(description: "\(email) is not an e-mail address such as lan@soctrang.gov.vn") }
        try update(login) { $0.email = email }
    }

    public func disable(login: String) throws {
        try update(login) { $0.disabled = true }
    }

    /// Undoes `disable`: the account signs in again with its password.
    public func enable(login: String) throws {
        try update(login) { $0.disabled = false }
    }

    private func update(_ login: String, _ change: (inout Account) -> Void) throws {
        var accounts = try all()
        guard let index = accounts.firstIndex(where: { $0.login == login }) else { throw Failure(description: "no account \(login)") }
        change(&accounts[index])
        try save(accounts)
    }

    private func save(_ accounts: [Account]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(File(accounts: accounts.sorted { $0.login < $1.login }))
        try AtomicFile.write(Array(data) + [0x0A], to: path, permissions: 0o600)
        cache.withLock { $0 = ("", []) }
    }

    static func checkPassword(_ password: String) throws {
        // bcrypt reads at most 72 bytes; longer would silently be cut.
        guard (10...72).contains(password.utf8.count) else { throw Failure(description: "a password is 10 to 72 bytes long") }
    }

    private static func stamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "" }
        return "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec).\(info.st_size).\(info.st_ino)"
    }

    /// A valid hash of a random text, compared against when the login is unknown.
    private static let decoyHash = Bcrypt.hash(UUID().uuidString, cost: 12)

    private struct File: Codable {
        var accounts: [Account]
    }
}
