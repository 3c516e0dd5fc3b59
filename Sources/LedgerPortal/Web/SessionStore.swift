import Foundation
import Synchronization

/// Signed-in browsers. A session is a random 256-bit token in an HttpOnly, SameSite=Strict
/// cookie, with its own CSRF token that every form carries back. Sessions live in memory:
/// a restart signs everyone out, which costs a clerk one sign-in and keeps no session
/// secret on disk. Idle sessions end after `idle`, every session after `lifetime`.
///
/// Why not hummingbird-auth's sessions: they would need a persist driver and a cookie of
/// their own shape; this is forty lines the portal owns, with the CSRF token beside it.
public final class SessionStore: Sendable {
    public struct Session: Sendable, Equatable {
        public var login: String
        public var csrf: String
        /// The account's password hash at sign-in: a new password ends the session.
        var credential: String
        var started: ContinuousClock.Instant
        var lastSeen: ContinuousClock.Instant
    }

    private let sessions = Mutex<[String: Session]>([:])
    let idle: Duration
    let lifetime: Duration

    public init(idle: Duration = .seconds(8 * 3600), lifetime: Duration = .seconds(12 * 3600)) {
        self.idle = idle
        self.lifetime = lifetime
    }

    /// Starts a session for `login`: its cookie token and its CSRF token.
    func start(login: String, credential: String) -> (token: String, session: Session) {
        let now = ContinuousClock.now
        let session = Session(login: login, csrf: Self.randomToken(), credential: credential, started: now, lastSeen: now)
        let token = Self.randomToken()
        sessions.withLock { sessions in
            sessions = sessions.filter { now - $0.value.lastSeen < idle && now - $0.value.started < lifetime }
            sessions[token] = session
        }
        return (token, session)
    }

    /// The live session of a cookie token, touched; nil when unknown or expired.
    func session(token: String) -> Session? {
        let now = ContinuousClock.now
        return sessions.withLock { sessions in
            guard var session = sessions[token] else { return nil }
            guard now - session.lastSeen < idle, now - session.started < lifetime else {
                sessions[token] = nil
                return nil
            }
            session.lastSeen = now
            sessions[token] = session
            return session
        }
    }

    func end(token: String) { _ = sessions.withLock { $0.removeValue(forKey: token) } }

    /// 32 bytes from the system's cryptographic generator (getrandom), as 64 hex digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
