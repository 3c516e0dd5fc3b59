import ArgumentParser
import Foundation
import LedgerDaemon
import LedgerDomain
import LedgerFiles
import Logging
import ServiceLifecycle

/// `serve [--once] [--now RFC3339]`: the daemon.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the daemon: watch the inboxes, ingest files, move them to processed/ or rejected/.",
        discussion:
            "Examples:\n  reformledger serve --state-dir /var/lib/reformledger\n  reformledger serve --once --now 2025-01-10T09:00:00+07:00\n  reformledger serve --http 127.0.0.1:8470"
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Process what is waiting, then exit.")
    var once = false

    @Option(name: .long, help: "Fix the clock at this RFC 3339 instant (tests, drills).")
    var now: String?

    @Option(name: .long, help: "Serve the portal and API on HOST:PORT (overrides http_listen; `off` for none).")
    var http: String?

    func validate() throws {
        if let now, EventTime.parseInstant(now) == nil {
            throw ValidationError("--now takes an RFC 3339 date-time with an offset, e.g. 2024-03-17T01:00:00+07:00")
        }
        if let http, http != "off", ListenAddress(http) == nil {
            throw ValidationError("--http takes HOST:PORT, e.g. 127.0.0.1:8470, or off")
        }
    }

    func run() async throws {
        var configuration = try global.loadConfiguration()
        if let http { configuration.httpListen = ListenAddress(http) }
        let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = LineSafeLogHandler(wrapping: StreamLogHandler.standardError(label: label))
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "reformledger")
        let clock: any LedgerClock = now.flatMap(EventTime.parseInstant).map { FixedClock($0) } ?? SystemClock()
        _ = try global.openDatabase()  // a clear "run init first" before anything starts
        let lock: StateLock
        do {
            lock = try StateLock(stateFolder: global.layout.root)
        } catch let held as FileSystemError where held.code == .lockHeld {
            throw CommandFailure(held.description)
        }
        let group = try Daemon.build(
            layout: global.layout, configuration: configuration, clock: clock, once: once,
            environment: ProcessInfo.processInfo.environment, logger: logger)
        logger.info("started", metadata: ["state": "\(global.layout.root)", "once": "\(once)"])
        defer { withExtendedLifetime(lock) {} }  // held until the daemon has stopped
        try await group.run()
    }
}
