import AsyncAlgorithms
import Foundation
import LedgerDomain
import LedgerFiles
import LedgerPortal
import LedgerReports
import LedgerStore
import Logging
import ServiceLifecycle

/// Reminders of period reports (`reminders`, `mail`; CONTRACT §7.6): on each reminder day —
/// the due day minus `before_days`, plus `after_days` — every expected agency that has not
/// submitted its report of the period is written to, at the e-mail of each of its enabled
/// accounts, through `mail.sendmail -t -i`; each sending is a SYSTEM `reminder.sent`.
///
/// Once per agency, period and offset: what the log already holds is not sent again (also
/// after a restart or another `serve --once`), and the event's id is that triple, so it
/// cannot be recorded twice. A reminder whose day passed more than 24 hours ago is skipped,
/// so a daemon back after a long stop sends no flood of old ones. A program that fails or
/// hangs is logged and tried again at the next check; ingestion never waits on it (its own
/// queue, off the inbox's).
public struct ReminderService: Service {
    let layout: StateLayout
    let configuration: LedgerConfiguration
    let store: any EventStore
    let clock: any LedgerClock
    let tick: Duration
    let startup: StartupGate
    let logger: Logger
    private let work = BlockingWork(label: "reformledger.reminders")

    /// How often reminders are looked for (and failed ones tried again).
    static let checkSeconds: Int64 = 15 * 60

    public init(
        layout: StateLayout, configuration: LedgerConfiguration, store: any EventStore, clock: any LedgerClock, tick: Duration = .seconds(30),
        startup: StartupGate = StartupGate(), logger: Logger
    ) {
        self.layout = layout
        self.configuration = configuration
        self.store = store
        self.clock = clock
        self.tick = tick
        self.startup = startup
        self.logger = logger
    }

    public func run() async throws {
        // Not configured: nothing to do until the daemon stops (a service that returns ends the group).
        guard configuration.reminders != nil, configuration.mail != nil else { return try await gracefulShutdown() }
        await withGracefulShutdownHandler {
            await startup.wait()
        } onGracefulShutdown: {
            startup.open()
        }
        guard !Task.isCancelledOrShuttingDown else { return }
        _ = try? await work.run { [self] in sendDue() }
        var next = clock.now().adding(seconds: Self.checkSeconds)
        for await _ in AsyncTimerSequence.repeating(every: tick).cancelOnGracefulShutdown() {
            guard clock.now() >= next else { continue }
            _ = try? await work.run { [self] in sendDue() }
            next = clock.now().adding(seconds: Self.checkSeconds)
        }
    }

    /// One reminder to send: an agency, a period, its due day and the offset of today's reminder.
    struct Due: Equatable {
        var agency: String
        var period: ReportPeriod
        var due: LocalDate
        var offset: Int
    }

    /// The reminders whose day is today or yesterday (not older), by period and offset.
    static func days(today: LocalDate, configuration: LedgerConfiguration) -> [(period: ReportPeriod, due: LocalDate, offset: Int)] {
        guard let reminders = configuration.reminders else { return [] }
        var found: [(ReportPeriod, LocalDate, Int)] = []
        for year in (today.year - 1)...(today.year + 1) {
            for period in ReportPeriod.all(year: year, kinds: configuration.reportKinds) {
                let due = period.range(configuration.periods).upperBound.adding(days: configuration.reportDueDays)
                for offset in reminders.offsets {
                    let day = due.adding(days: offset)
                    if day <= today, today <= day.adding(days: 1) { found.append((period, due, offset)) }
                }
            }
        }
        return found
    }

    /// Sends every reminder due now that the log does not hold yet.
    /// - Returns: how many were sent.
    @discardableResult
    public func sendDue() -> Int {
        guard let mail = configuration.mail else { return 0 }
        let now = clock.now()
        let today = configuration.zone.localDate(of: now)
        let candidates = Self.days(today: today, configuration: configuration)
        guard !candidates.isEmpty else { return 0 }
        let registry: AgencyRegistry
        let accounts: [Account]
        do {
            registry = try store.readSession { try $0.registry(coordinators: Set(configuration.coordinators), zone: configuration.zone) }
            accounts = try AccountStore(path: layout.accounts).all().filter { !$0.disabled && $0.email != nil }
        } catch {
            logger.error("cannot look for reminders to send; trying again later", metadata: ["error": "\(error)"])
            return 0
        }
        let service = ReportService(store: store, configuration: configuration)
        let words = ReminderWords(language: configuration.language)
        var sent = 0
        for (period, due, offset) in candidates {
            if Task.isCancelledOrShuttingDown { return sent }
            let report: ConsolidatedReport
            do {
                report = try service.report(period)
            } catch {
                logger.error("cannot tell who has reported; reminders wait", metadata: ["report.period": "\(period)", "error": "\(error)"])
                continue
            }
            for line in report.agencies where !line.isCoordinator && !line.reportSubmitted {
                if registry.wasReminded(line.code, period: period.description, offset: offset) { continue }
                if let dissolved = registry.agencies[line.code]?.dissolvedOn, dissolved <= today { continue }
                let recipients = accounts.filter { $0.agency == line.code }
                guard !recipients.isEmpty else { continue }
                let link = (mail.portal.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "") + "/agency/\(line.code)?period=\(period)"
                let message = Sendmail.message(
                    from: mail.from, to: recipients.compactMap(\.email),
                    subject: words.subject(period: period, due: due, offset: offset),
                    body: words.body(agencyName: line.name, period: period, due: due, offset: offset, link: link),
                    date: Date(timeIntervalSince1970: TimeInterval(now.millisecondsSinceEpoch) / 1000))
                do {
                    try Sendmail(program: mail.sendmail, timeout: TimeInterval(mail.timeoutSeconds)).send(message)
                    try record(line.code, period: period, due: due, offset: offset, recipients: recipients.map(\.login), now: now)
                    sent += 1
                    logger.notice(
                        "reminder sent",
                        metadata: [
                            "agency": "\(line.code)", "report.period": "\(period)", "offset": "\(offset)", "recipients": "\(recipients.count)",
                        ])
                } catch {
                    logger.error(
                        "reminder not sent; it is tried again at the next check",
                        metadata: ["agency": "\(line.code)", "report.period": "\(period)", "offset": "\(offset)", "error": "\(error)"])
                }
            }
        }
        return sent
    }

    private func record(_ agency: String, period: ReportPeriod, due: LocalDate, offset: Int, recipients: [String], now: Instant) throws {
        let data = JSONObject([
            ("agency", .string(agency)), ("period", .string(period.description)), ("due", .string(due.description)),
            ("offset", .integer(offset)), ("recipients", .array(recipients.map(JSONValue.string))),
        ])
        let draft = try ReportIssuer.validated(
            .reminderSent, id: SentReminder.id(agency: agency, period: period.description, offset: offset),
            occurredAt: ReportIssuer.localTimestamp(now, zone: configuration.zone), data: data, zone: configuration.zone)
        _ = try store.appendSystemEvent(draft, recordedAt: now)
    }
}
