import Foundation
import Synchronization

/// Holds back password guessing, per login and per client address.
///
/// A check takes a place first: the login's failures so far plus the checks still running
/// may not pass the allowance, so thirty guesses sent at once for one login are not thirty
/// checks. The sixth waits until a running check ends — then, if the five failed, it is
/// told to wait the pause (a right password among the guesses too); if one succeeded, it
/// goes on. A script that sends eight requests at once with the right password is only
/// delayed, never refused. Five failures for a login, or twenty from one address, make
/// the next attempts wait until `pause` has passed since the last failure; a success
/// clears the login's count (the address keeps its own).
///
/// Counted in memory: a restart forgives, which costs a guesser a restart per five tries.
public final class LoginThrottle: Sendable {
    public static let allowedFailures = 5
    /// An office behind one address has many people: more room than one login has.
    public static let allowedClientFailures = 20
    /// Checks of one login waiting for a place; past this, refused at once as busy.
    static let maxWaitingPerLogin = 64
    let pause: Duration

    struct Entry {
        var failures = 0
        var running = 0
        var last = ContinuousClock.now
        var waiting: [CheckedContinuation<Step, Never>] = []
    }

    struct Table {
        var logins: [String: Entry] = [:]
        var clients: [String: Entry] = [:]
    }

    enum Step: Sendable {
        case admitted(Ticket)
        case waiting(seconds: Int)
        case busy
        /// A running check ended: decide again.
        case again
    }

    private let table = Mutex(Table())

    public init(pause: Duration = .seconds(60)) {
        self.pause = pause
    }

    /// A place reserved for one check; give it back with `finish`.
    public struct Ticket: Sendable {
        let login: String
        let client: String
    }

    public enum Admission: Sendable {
        case admitted(Ticket)
        case waiting(seconds: Int)
        /// Too many checks of this login are waiting already.
        case busy
    }

    /// Seconds `login` or `client` must wait now, or nil; reserves nothing.
    public func waitSeconds(login: String, client: String) -> Int? {
        let now = ContinuousClock.now
        return table.withLock { table in
            [
                wait(fresh(table.logins[login], now: now), limit: Self.allowedFailures, now: now),
                wait(fresh(table.clients[client], now: now), limit: Self.allowedClientFailures, now: now),
            ].compactMap { $0 }.max()
        }
    }

    /// Reserves a check of `login` from `client`, waiting for running checks of the same
    /// login when they fill its allowance; or says how long to wait.
    public func admit(login: String, client: String) async -> Admission {
        while true {
            let step = await withCheckedContinuation { (continuation: CheckedContinuation<Step, Never>) in
                let now = ContinuousClock.now
                let decided: Step? = table.withLock { table in
                    var loginEntry = fresh(table.logins[login], now: now)
                    var clientEntry = fresh(table.clients[client], now: now)
                    let seconds = [
                        wait(loginEntry, limit: Self.allowedFailures, now: now),
                        wait(clientEntry, limit: Self.allowedClientFailures, now: now),
                    ].compactMap { $0 }.max()
                    if let seconds { return .waiting(seconds: seconds) }
                    if loginEntry.failures + loginEntry.running >= Self.allowedFailures {
                        guard loginEntry.waiting.count < Self.maxWaitingPerLogin else { return .busy }
                        loginEntry.waiting.append(continuation)
                        table.logins[login] = loginEntry
                        return nil
                    }
                    loginEntry.running += 1
                    clientEntry.running += 1
                    table.logins[login] = loginEntry
                    table.clients[client] = clientEntry
                    return .admitted(Ticket(login: login, client: client))
                }
                if let decided { continuation.resume(returning: decided) }
            }
            switch step {
            case .admitted(let ticket): return .admitted(ticket)
            case .waiting(let seconds): return .waiting(seconds: seconds)
            case .busy: return .busy
            case .again: continue
            }
        }
    }

    /// Ends a check: a failure counts against both, a success clears the login, and an
    /// unanswered check (the accounts file unreadable) counts against neither. Checks
    /// waiting for a place decide again.
    public func finish(_ ticket: Ticket, outcome: Outcome) {
        let now = ContinuousClock.now
        let waiting = table.withLock { table -> [CheckedContinuation<Step, Never>] in
            var loginEntry = table.logins[ticket.login] ?? Entry()
            var clientEntry = table.clients[ticket.client] ?? Entry()
            loginEntry.running = max(0, loginEntry.running - 1)
            clientEntry.running = max(0, clientEntry.running - 1)
            switch outcome {
            case .failed:
                loginEntry.failures += 1
                loginEntry.last = now
                clientEntry.failures += 1
                clientEntry.last = now
            case .succeeded:
                loginEntry.failures = 0
            case .unanswered:
                break
            }
            let waiting = loginEntry.waiting
            loginEntry.waiting = []
            table.logins[ticket.login] = loginEntry.failures == 0 && loginEntry.running == 0 ? nil : loginEntry
            table.clients[ticket.client] = clientEntry.failures == 0 && clientEntry.running == 0 ? nil : clientEntry
            // Bounded memory under a spray of invented logins: keep the ones that count.
            if table.logins.count > 10_000 {
                table.logins = table.logins.filter { $0.value.failures >= Self.allowedFailures || $0.value.running > 0 }
            }
            if table.clients.count > 10_000 {
                table.clients = table.clients.filter { $0.value.failures >= Self.allowedClientFailures || $0.value.running > 0 }
            }
            return waiting
        }
        for continuation in waiting { continuation.resume(returning: .again) }
    }

    public enum Outcome: Sendable {
        case succeeded, failed, unanswered
    }

    /// An entry whose last failure is older than the pause starts again from nothing.
    private func fresh(_ entry: Entry?, now: ContinuousClock.Instant) -> Entry {
        guard var entry else { return Entry(last: now) }
        if entry.failures > 0, now - entry.last >= pause { entry.failures = 0 }
        return entry
    }

    /// Seconds to wait when the failures fill the allowance.
    private func wait(_ entry: Entry, limit: Int, now: ContinuousClock.Instant) -> Int? {
        guard entry.failures >= limit else { return nil }
        let remaining = pause - (now - entry.last)
        return max(1, Int(remaining.components.seconds) + 1)
    }
}
