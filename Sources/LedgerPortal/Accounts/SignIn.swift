import Logging

/// One check of a login and password, the same for HTTP Basic and the sign-in form: the
/// throttle first (five failures make a login wait), bcrypt off the event loops, and a
/// log line for every sign-in and every failure.
struct SignIn: Sendable {
    let accounts: AccountStore
    let throttle: LoginThrottle
    let logger: Logger

    enum Outcome: Sendable {
        case signedIn(Account)
        case wrong
        case waiting(seconds: Int)
    }

    func check(login: String, password: String, via channel: String) async -> Outcome {
        if let wait = throttle.waitSeconds(for: login) {
            logger.warning("sign-in refused: too many failures", metadata: ["login": "\(login)", "via": "\(channel)"])
            return .waiting(seconds: wait)
        }
        let store = accounts
        // bcrypt costs tens of milliseconds: off the event loop.
        guard let account = await Task.detached(operation: { store.authenticate(login: login, password: password) }).value else {
            throttle.failed(login)
            logger.warning("sign-in failed", metadata: ["login": "\(login)", "via": "\(channel)"])
            return .wrong
        }
        throttle.succeeded(login)
        if channel == "form" {
            logger.notice("signed in", metadata: ["login": "\(login)", "role": "\(account.role.rawValue)", "via": "\(channel)"])
        } else {
            logger.debug("signed in", metadata: ["login": "\(login)", "role": "\(account.role.rawValue)", "via": "\(channel)"])
        }
        return .signedIn(account)
    }
}
