import LedgerDomain
import LedgerReports
import LedgerStore
import Logging
import ServiceLifecycle

/// Writes report editions when they are due (SPEC §7.3): everything due at start-up (the
/// catch-up of generations missed while the daemon was down), then again at every 01:00
/// local. Time comes from the injected clock, so `--now` drills are exact.
public struct ScheduleService: Service {
    let schedule: ReportSchedule
    let issuer: ReportIssuer
    let clock: any LedgerClock
    let startup: StartupGate
    let logger: Logger

    public init(schedule: ReportSchedule, issuer: ReportIssuer, clock: any LedgerClock, startup: StartupGate = StartupGate(), logger: Logger) {
        self.schedule = schedule
        self.issuer = issuer
        self.clock = clock
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
        while !Task.isCancelledOrShuttingDown {
            try issueDue()
            let now = clock.now()
            let wait = schedule.nextCheck(after: now).millisecondsSinceEpoch - now.millisecondsSinceEpoch
            // Sleep until the next 01:00 check, waking at once on graceful shutdown.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(max(1000, wait))) }
        }
    }

    /// Issues every edition due now; returns how many.
    @discardableResult
    public func issueDue() throws -> Int {
        let due = try schedule.due(now: clock.now(), database: issuer.service.database)
        for period in due {
            // Stopping wins over catching up: what is not issued now is due at the next start.
            if Task.isCancelledOrShuttingDown { return 0 }
            let edition = try issuer.issue(period)
            logger.notice("report issued", metadata: [
                "report.period": "\(edition.period)", "report.edition": "\(edition.edition)", "event.seq": "\(edition.throughSeq)",
                "report.files": "\(edition.files.count)",
            ])
        }
        return due.count
    }
}

/// `serve --once`: the inbox first, then the reports due (SPEC §12).
struct OnceService: Service {
    let inbox: InboxService
    let schedule: ScheduleService

    func run() async throws {
        try await inbox.run()
        try schedule.issueDue()
    }
}
