import Logging

/// One check of a login and password, the same for HTTP Basic and the sign-in form: the
/// throttle's place reserved first (per login and per client address), bcrypt on its own
/// thread (`PasswordChecks`), and a log line for every sign-in and every failure. Basic
/// credentials found right are remembered a few minutes (`VerifiedCredentials`).
struct SignIn: Sendable {
    let accounts: AccountStore
    let throttle: LoginThrottle
    let checks: PasswordChecks
    let verified = VerifiedCredentials()
    let logger: Logger

    init(accounts: AccountStore, throttle: LoginThrottle, checks: PasswordChecks = PasswordChecks(), logger: Logger) {
        self.accounts = accounts
        self.throttle = throttle
        self.checks = checks
        self.logger = logger
    }

    enum Outcome: Sendable {
        case signedIn(Account)
        case wrong
        case waiting(seconds: Int)
        /// Too many checks are waiting for the password thread: try again in a moment.
        case busy
        /// The accounts file cannot be read: nobody's password can be checked, and no
        /// failure is counted meanwhile.
        case unavailable
    }

    func check(login: String, password: String, client: String, via channel: String) async -> Outcome {
        if let seconds = throttle.waitSeconds(login: login, client: client) { return refused(login, client, channel, seconds) }
        if channel == "basic" {
            let known: Account?
            do {
                known = try accounts.account(login: login)
            } catch {
                logger.error("sign-in impossible: the accounts file cannot be read", metadata: ["error": "\(error)"])
                return .unavailable
            }
            if let known, verified.contains(login, password, account: known) { return .signedIn(known) }
        }
        let ticket: LoginThrottle.Ticket
        switch await throttle.admit(login: login, client: client) {
        case .admitted(let admitted): ticket = admitted
        case .waiting(let seconds): return refused(login, client, channel, seconds)
        case .busy:
            logger.warning("sign-in refused: too many checks of one login waiting", metadata: ["login": "\(login)", "client": "\(client)"])
            return .busy
        }
        let store = accounts
        guard let result = await checks.run({ Result { try store.authenticate(login: login, password: password) } }) else {
            throttle.finish(ticket, outcome: .unanswered)
            logger.warning("sign-in refused: too many password checks waiting", metadata: ["login": "\(login)", "client": "\(client)"])
            return .busy
        }
        let account: Account
        switch result {
        case .failure(let error):
            throttle.finish(ticket, outcome: .unanswered)
            logger.error("sign-in impossible: the accounts file cannot be read", metadata: ["error": "\(error)"])
            return .unavailable
        case .success(nil):
            throttle.finish(ticket, outcome: .failed)
            logger.warning("sign-in failed", metadata: ["login": "\(login)", "client": "\(client)", "via": "\(channel)"])
            return .wrong
        case .success(let found?):
            account = found
        }
        throttle.finish(ticket, outcome: .succeeded)
        if channel == "basic" { verified.remember(login, password, account: account) }
        if channel == "form" {
            logger.notice("signed in", metadata: ["login": "\(login)", "role": "\(account.role.rawValue)", "via": "\(channel)"])
        } else {
            logger.debug("signed in", metadata: ["login": "\(login)", "role": "\(account.role.rawValue)", "via": "\(channel)"])
        }
        return .signedIn(account)
    }

    private func refused(_ login: String, _ client: String, _ channel: String, _ seconds: Int) -> Outcome {
        logger.warning("sign-in refused: too many failures", metadata: ["login": "\(login)", "client": "\(client)", "via": "\(channel)"])
        return .waiting(seconds: seconds)
    }
}
