import Foundation
import LedgerCentral
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerPortal
import LedgerReports
import LedgerStore
import Logging
import ServiceLifecycle

/// The composition root of `serve`, used by the CLI and by tests alike.
public enum Daemon {
    /// Builds the service group: the inbox loop, the schedule of reports, and the systemd
    /// watchdog when asked for.
    ///
    /// - Parameters:
    ///   - clock: the "now" of events and reports (`--now` fixes it; a test moves it).
    ///   - scheduleTick: how often the schedule compares `clock` with its next check.
    public static func build(
        layout: StateLayout, configuration: LedgerConfiguration, clock: any LedgerClock, once: Bool,
        environment: [String: String], logger: Logger,
        scheduleTick: Duration = .seconds(30)
    ) throws -> ServiceGroup {
        try layout.createFolders()
        for path in StaleTemporaries.remove(under: [layout.reports, layout.processed, layout.rejected, layout.uploads]) {
            logger.notice("removed a temporary file left by a stopped process", metadata: ["file": "\(path)"])
        }
        UploadRecovery.requeue(layout, logger: logger)
        let database = try LedgerDatabase(path: layout.database)
        let checkpoints = Self.checkpointSigner(layout: layout, configuration: configuration, logger: logger)
        let ingestor = FileIngestor(store: database, options: IngestOptions(configuration: configuration), clock: clock)
        let notifier = SystemdNotifier(environment: environment)
        let heartbeat = Heartbeat()
        let startup = StartupGate()
        let portalOn = !once && configuration.httpListen != nil
        let readiness = Readiness(notifier: notifier, waitsForListener: portalOn)
        let metrics = LedgerMetrics()
        let inbox = InboxService(
            layout: layout, configuration: configuration, ingestor: ingestor,
            notifier: notifier, heartbeat: heartbeat, startup: startup, logger: logger, once: once,
            checkpoints: checkpoints, readiness: readiness, metrics: metrics)
        let reports = ReportService(store: database, configuration: configuration, checkpoints: checkpoints, witnessed: layout.witnessed)
        let schedule = ScheduleService(
            schedule: ReportSchedule(configuration: configuration),
            issuer: ReportIssuer(service: reports, reportsFolder: layout.reports, clock: clock),
            clock: clock, tick: scheduleTick, startup: startup, logger: logger)
        let reminders = ReminderService(
            layout: layout, configuration: configuration, store: database, clock: clock, tick: scheduleTick, startup: startup, logger: logger)
        // The inbox loop returning (after `--once`, or on shutdown) ends the whole daemon normally.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] =
            once
            ? [
                .init(
                    service: OnceService(inbox: inbox, schedule: schedule, reminders: reminders), successTerminationBehavior: .gracefullyShutdownGroup,
                    serviceName: "once")
            ]
            : [
                .init(service: inbox, successTerminationBehavior: .gracefullyShutdownGroup, serviceName: "inbox"),
                .init(service: schedule, serviceName: "schedule"),
            ]
        // Reminders only when configured: a service that returns would end the group.
        if !once, configuration.reminders != nil, configuration.mail != nil {
            services.append(.init(service: reminders, serviceName: "reminders"))
        }
        if !once, let target = configuration.pushTo, let url = URL(string: target), let signer = checkpoints {
            let push = LedgerPush(
                database: database,
                events: { range in
                    var rows: [StoredEvent] = []
                    try database.forEachEvent(in: range) { rows.append($0) }
                    return rows
                }, signer: signer, coordinators: configuration.coordinators, client: PushClient(centre: url), batchSize: 20_000,
                cosignedPath: layout.cosignedCheckpoint, witnessedFolder: layout.witnessed)
            services.append(.init(service: PushService(push: push, logger: logger), serviceName: "push"))
        }
        if portalOn, let listen = configuration.httpListen {
            let processor = InboxProcessor(
                layout: layout, ingestor: ingestor, configuration: configuration, checkpoints: checkpoints, logger: logger, metrics: metrics)
            let intake = PortalIntake(
                layout: layout, configuration: configuration, processor: processor, reports: reports, heartbeat: heartbeat, metrics: metrics)
            let portal = PortalService(
                settings: PortalSettings(
                    listen: listen, maxFileBytes: configuration.maxFileBytes, language: configuration.language, reportCSS: ReportPage.css),
                backend: intake, accounts: AccountStore(path: layout.accounts), metrics: metrics.registry, logger: logger,
                onListening: { _ in readiness.listening() })
            services.append(.init(service: portal, serviceName: "portal"))
        }
        if !once, let interval = SystemdNotifier.watchdogInterval(environment: environment) {
            services.append(
                .init(
                    service: WatchdogService(notifier: notifier, heartbeat: heartbeat, interval: interval, logger: logger),
                    serviceName: "watchdog"))
        }
        var groupConfiguration = ServiceGroupConfiguration(services: services, logger: logger)
        groupConfiguration.gracefulShutdownSignals = [.sigterm, .sigint]
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(8)
        return ServiceGroup(configuration: groupConfiguration)
    }

    /// The state folder's signing key, created when missing (a folder from before
    /// checkpoints). A key that cannot be read or made is logged; the daemon goes on
    /// without receipts or checkpoints rather than stop ingesting.
    static func checkpointSigner(layout: StateLayout, configuration: LedgerConfiguration, logger: Logger) -> CheckpointSigner? {
        do {
            let store = CheckpointKeyStore(folder: layout.keys)
            let (signer, created) = try store.loadOrCreate(name: configuration.logOrigin)
            if created { logger.notice("created the checkpoint signing key", metadata: ["key": "\(signer.verifier.encoded)"]) }
            return CheckpointSigner(origin: configuration.logOrigin, signer: signer, witnessFile: store.witnessPath)
        } catch {
            logger.error("no checkpoint signing key: receipts and reports carry no checkpoint", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
