import Crypto
import Foundation
import Synchronization

/// Basic credentials that bcrypt found right a little while ago, so that a script's
/// every request does not cost a quarter of a second of the password thread. Kept in
/// memory only, as an HMAC of login and password under a key drawn at start (never the
/// password), with the account's hash at the time: a new password, a disabled account or
/// five minutes end an entry. The way Apache's `mod_authn_socache` does it.
final class VerifiedCredentials: Sendable {
    /// The HMAC key's bytes (SymmetricKey itself is not Sendable).
    private let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    private let entries = Mutex<[Data: (passwordHash: String, until: ContinuousClock.Instant)]>([:])
    let lifetime: Duration

    init(lifetime: Duration = .seconds(300)) {
        self.lifetime = lifetime
    }

    private func digest(_ login: String, _ password: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data("\(login)\u{0}\(password)".utf8), using: SymmetricKey(data: key)))
    }

    /// Whether `login` and `password` were verified against `account`'s present hash.
    func contains(_ login: String, _ password: String, account: Account) -> Bool {
        let key = digest(login, password), now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[key], entry.until > now, entry.passwordHash == account.passwordHash, !account.disabled else {
                entries[key] = nil
                return false
            }
            return true
        }
    }

    func remember(_ login: String, _ password: String, account: Account) {
        let key = digest(login, password), until = ContinuousClock.now + lifetime
        entries.withLock { entries in
            if entries.count >= 10_000 {
                let now = ContinuousClock.now
                entries = entries.filter { $0.value.until > now }
                if entries.count >= 10_000 { entries.removeAll() }
            }
            entries[key] = (account.passwordHash, until)
        }
    }
}
