import AsyncAlgorithms
import LedgerDomain
import LedgerReports
import LedgerStore
import Logging
import ServiceLifecycle

/// Writes report editions when they are due (CONTRACT §7.3): everything due at start-up (the
/// catch-up of generations missed while the daemon was down), then again at every 01:00
/// local. Time comes from the injected clock, so `--now` drills are exact.
///
/// It does not sleep until 01:00 in one go: a timer ticks every `tick` and each tick
/// compares the clock with the next check. A wall clock that jumps (NTP, a suspended
/// virtual machine) is then followed within one tick, and a test moves an injected clock.
public struct ScheduleService: Service {
    let schedule: ReportSchedule
    let issuer: ReportIssuer
    let clock: any LedgerClock
    let tick: Duration
    let startup: StartupGate
    let logger: Logger

    public init(
        schedule: ReportSchedule, issuer: ReportIssuer, clock: any LedgerClock, tick: Duration = .seconds(30),
        startup: StartupGate = StartupGate(), logger: Logger
    ) {
        self.schedule = schedule
        self.issuer = issuer
        self.clock = clock
        self.tick = tick
        self.startup = startup
        self.logger = logger
    }

    public func run() async throws {
        // Shutdown may come before the inbox's first drain: stop waiting then.
        await withGracefulShutdownHandler {
            await startup.wait()
        } onGracefulShutdown: {
            startup.open()
        }
        guard !Task.isCancelledOrShuttingDown else { return }
        var next = nextCheck(afterFailures: issueDue())
        for await _ in AsyncTimerSequence.repeating(every: tick).cancelOnGracefulShutdown() {
            guard clock.now() >= next else { continue }
            next = nextCheck(afterFailures: issueDue())
        }
    }

    /// The next 01:00 local, or sooner when an edition could not be written.
    private func nextCheck(afterFailures failures: Int) -> Instant {
        let now = clock.now()
        let daily = schedule.nextCheck(after: now)
        return failures > 0 ? min(daily, now.adding(seconds: Self.retrySeconds)) : daily
    }

    /// How soon an edition that failed (full or read-only `reports/`) is tried again.
    static let retrySeconds: Int64 = 5 * 60

    /// Issues every edition due now. A period that cannot be computed or written is
    /// logged and left due; the others go on (a report never stops the daemon).
    /// - Returns: how many editions failed.
    @discardableResult
    public func issueDue() -> Int {
        let due: [ReportPeriod]
        do {
            due = try schedule.due(now: clock.now(), store: issuer.service.store)
        } catch {
            logger.error("cannot tell which reports are due; trying again later", metadata: ["error": "\(error)"])
            return 1
        }
        var failures = 0
        for period in due {
            // Stopping wins over catching up: what is not issued now is due at the next start.
            if Task.isCancelledOrShuttingDown { return failures }
            do {
                let edition = try issuer.issue(period)
                logger.notice(
                    "report issued",
                    metadata: [
                        "report.period": "\(edition.period)", "report.edition": "\(edition.edition)", "event.seq": "\(edition.throughSeq)",
                        "report.files": "\(edition.files.count)",
                    ])
            } catch {
                failures += 1
                logger.error(
                    "report not issued; it stays due and is tried again",
                    metadata: [
                        "report.period": "\(period)", "error": "\(error)",
                    ])
            }
        }
        return failures
    }
}

/// `serve --once`: the inbox first, then the reports due (CONTRACT §12), then the
/// reminders due (when configured).
struct OnceService: Service {
    let inbox: InboxService
    let schedule: ScheduleService
    let reminders: ReminderService

    func run() async throws {
        try await inbox.run()
        schedule.issueDue()
        if reminders.configuration.reminders != nil, reminders.configuration.mail != nil { reminders.sendDue() }
    }
}
