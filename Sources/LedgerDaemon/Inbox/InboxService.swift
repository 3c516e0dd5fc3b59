import AsyncAlgorithms
import Foundation
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerStore
import Logging
import ServiceLifecycle

/// The inbox loop of `serve`: a full scan at start-up, then on every inotify trigger, after
/// a queue overflow, and every `rescan_seconds` as a safety net. One file at a time, in
/// arrival order; a bad file never stops the loop.
public struct InboxService: Service {
    let layout: StateLayout
    let configuration: LedgerConfiguration
    let ingestor: FileIngestor
    let notifier: SystemdNotifier
    let heartbeat: Heartbeat
    /// Opened after the first drain of the inbox.
    let startup: StartupGate
    let logger: Logger
    /// With `once`, process what is there and return (`serve --once`).
    let once: Bool
    /// The wall clock that file modification times are compared with. Not the clock of
    /// events and reports, which `--now` fixes: files are written now, whatever the drill.
    let wallClock: any LedgerClock
    /// Signs the checkpoint of each accepted file's receipt; nil writes no receipts.
    let checkpoints: CheckpointSigner?
    /// Told when the first drain has begun; sends `READY=1` with the portal's listener.
    let readiness: Readiness
    let metrics: LedgerMetrics?
    /// How often the loop looks at its wake-up deadlines.
    static let tick = Duration.milliseconds(250)

    private let work = BlockingWork(label: "reformledger.ingest")

    public init(
        layout: StateLayout, configuration: LedgerConfiguration, ingestor: FileIngestor,
        notifier: SystemdNotifier, heartbeat: Heartbeat, startup: StartupGate = StartupGate(), logger: Logger, once: Bool,
        wallClock: any LedgerClock = SystemClock(), checkpoints: CheckpointSigner? = nil, readiness: Readiness? = nil,
        metrics: LedgerMetrics? = nil
    ) {
        self.metrics = metrics
        self.checkpoints = checkpoints
        self.readiness = readiness ?? Readiness(notifier: notifier, waitsForListener: false)
        self.layout = layout
        self.configuration = configuration
        self.ingestor = ingestor
        self.notifier = notifier
        self.heartbeat = heartbeat
        self.startup = startup
        self.logger = logger
        self.once = once
        self.wallClock = wallClock
    }

    public func run() async throws {
        let processor = InboxProcessor(
            layout: layout, ingestor: ingestor, configuration: configuration, checkpoints: checkpoints, logger: logger, metrics: metrics)
        let stop = StopFlag()
        var state = LoopState()
        if once {
            try await drain(processor, stop: stop, state: &state)
            return
        }
        // On a network share inotify sees only this host's writes: poll, and take a file
        // once it has stayed the same for `stable_seconds`.
        let fileSystem = configuration.inboxWatch == .poll ? .network("inbox_watch=poll") : FileSystemKind.of(layout.inbox)
        if case .network(let name) = fileSystem {
            logger.notice(
                "the inbox is on a network file system; polling it",
                metadata: [
                    "inbox.filesystem": "\(name)", "poll_seconds": "\(configuration.stableSeconds)",
                ])
        }
        state.polling = fileSystem.isNetwork
        let rescanSeconds = fileSystem.isNetwork ? configuration.stableSeconds : configuration.rescanSeconds
        let watcher = try InboxWatcher()
        let (triggers, continuation) = AsyncStream.makeStream(of: InboxWatcher.Trigger.self, bufferingPolicy: .bufferingNewest(16))
        watcher.watch(layout.inbox, forFolders: true)
        watcher.start { continuation.yield($0) }
        let wakes = WakeSchedule(rescanEvery: .seconds(rescanSeconds))
        state.wakes = wakes
        defer { watcher.stop() }
        try await withThrowingDiscardingTaskGroup { group in
            // One timer for every later scan: the periodic rescan and each wake-up asked for.
            group.addTask {
                for await now in AsyncTimerSequence(interval: Self.tick, clock: .continuous).cancelOnGracefulShutdown()
                where wakes.takeDue(at: now) {
                    continuation.yield(.overflow)
                }
            }
            try await watch(processor, triggers: triggers, continuation: continuation, stop: stop, state: &state, watcher: watcher)
            group.cancelAll()
        }
        notifier.notify("STOPPING=1")
        logger.info("stopped")
    }

    private func watch(
        _ processor: InboxProcessor, triggers: AsyncStream<InboxWatcher.Trigger>,
        continuation: AsyncStream<InboxWatcher.Trigger>.Continuation, stop: StopFlag,
        state: inout LoopState, watcher: InboxWatcher
    ) async throws {
        try await withTaskCancellationOrGracefulShutdownHandler {
            var deferred = try await drain(
                processor, stop: stop, state: &state, watcher: watcher,
                beforeProcessing: {
                    readiness.inboxReady()
                })
            // Files already waiting at start-up (their rename unseen) are taken once settled,
            // and before the first reports, so that those include them.
            while deferred > 0 && !stop.isStopped {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: settleTime) }
                deferred = try await drain(processor, stop: stop, state: &state, watcher: watcher)
            }
            startup.open()
            for await trigger in triggers.cancelOnGracefulShutdown() {
                if case .overflow = trigger { logger.debug("full rescan of the inbox") }
                try await drain(processor, stop: stop, state: &state, watcher: watcher)
                if stop.isStopped { break }
            }
        } onCancelOrGracefulShutdown: {
            stop.stop()
            continuation.finish()
            startup.open()
        }
    }

    /// What the loop remembers between scans.
    struct LoopState {
        /// Where to ask the loop for another scan (set when a watcher runs).
        var wakes: WakeSchedule?
        var reported: Set<String> = []
        var lastFile = "-"
        var registry: AgencyRegistry?
        /// Files that failed for a reason of the machine (a move into a read-only folder,
        /// a full disk): not tried again before their time, so the others go on.
        var backOff = BackOff()
        /// Size and modification time of each waiting file when first seen so, for the
        /// stability window.
        var sightings: [String: (size: Int64, modified: timespec, since: ContinuousClock.Instant)] = [:]
        /// True on a network file system, where inotify's word is not enough.
        var polling = false

        /// Whether the file has kept its size and modification time for `window` seconds.
        mutating func isStable(_ entry: InboxEntry, now: ContinuousClock.Instant, window: Duration) -> Bool {
            if let seen = sightings[entry.path], seen.size == entry.size, seen.modified.tv_sec == entry.modified.tv_sec,
                seen.modified.tv_nsec == entry.modified.tv_nsec
            {
                return now - seen.since >= window
            }
            sightings[entry.path] = (entry.size, entry.modified, now)
            return false
        }
    }

    /// Scans and processes everything waiting, rescanning until the inbox is empty.
    /// - Returns: how many files were left to settle (still possibly being written).
    @discardableResult
    private func drain(
        _ processor: InboxProcessor, stop: StopFlag, state: inout LoopState, watcher: InboxWatcher? = nil,
        beforeProcessing: () -> Void = {}
    ) async throws -> Int {
        var first = true
        while !stop.isStopped {
            heartbeat.beat()
            let registry = try await refreshRegistry(&state, watcher: watcher)
            let scan = InboxScanner(layout: layout).scan(knownAgencies: Set(registry.agencies.keys).union(registry.coordinators))
            report(scan, state: &state)
            state.backOff.keep(only: Set(scan.entries.map(\.path)))
            let waiting = scan.entries.filter { !(state.reported.contains($0.path) && $0.irregularKind == "directory") }
                .filter { !state.backOff.isWaiting($0.path, now: .now) }
            // A file is taken once complete (CONTRACT §4): renamed in or closed after writing, as
            // inotify saw, or unchanged for `stable_seconds` (present at start-up, an event
            // missed, or any file on a network share, whose clock may not be ours).
            let now = ContinuousClock.now
            let window = Duration.seconds(configuration.stableSeconds)
            let quietBefore = Double(wallClock.now().millisecondsSinceEpoch) / 1000 - Double(configuration.stableSeconds)
            let waitingPaths = Set(waiting.map(\.path))
            state.sightings = state.sightings.filter { waitingPaths.contains($0.key) }
            var pending: [InboxEntry] = []
            for entry in waiting {
                let stable = state.isStable(entry, now: now, window: window)
                let quiet = !state.polling && Double(entry.modified.tv_sec) + Double(entry.modified.tv_nsec) / 1e9 < quietBefore
                // Without a watcher (`--once`) everything waiting is taken.
                let completed = watcher.map { !state.polling && $0.isCompleted(entry.path) } ?? true
                if entry.irregularKind != nil || completed || stable || quiet { pending.append(entry) }
            }
            if pending.count < waiting.count { state.wakes?.request(after: settleTime) }
            notifier.notify("STATUS=backlog \(waiting.count) file(s), last \(state.lastFile)")
            if first {
                beforeProcessing()
                first = false
            }
            if pending.isEmpty {
                // Nothing waits: the moment for the store's housekeeping (a grown WAL cut back).
                let store = ingestor.store
                try await onWorkQueue { store.settle() }
                return waiting.count - pending.count
            }
            for entry in pending {
                if stop.isStopped { return 0 }
                let result: InboxProcessor.Result
                do {
                    result = try await onWorkQueue { try processor.process(entry, heartbeat: heartbeat, stop: stop) }
                } catch {
                    // A fault of the machine, not of the file: log it, try again later, go on.
                    let delay = state.backOff.failed(entry.path, now: .now)
                    logger.error(
                        "cannot process the file now; it stays in the inbox and is tried again",
                        metadata: [
                            "inbox.file": "\(entry.name)", "inbox.agency": "\(entry.agency)", "error": "\(error)",
                            "retry_in_seconds": "\(delay.components.seconds)",
                        ])
                    state.wakes?.request(after: delay)
                    heartbeat.beat()
                    continue
                }
                state.backOff.succeeded(entry.path)
                watcher?.forget(entry.path)
                heartbeat.beat()
                state.lastFile = "\(entry.agency)/\(entry.name)"
                switch result {
                case .leftInPlace: state.reported.insert(entry.path)
                case .accepted(let outcome) where outcome.appended > 0: state.registry = nil  // may have registered agencies
                case .changedWhileRead: state.wakes?.request(after: settleTime)
                default: break
                }
            }
            if pending.allSatisfy({ $0.irregularKind == "directory" || state.backOff.isWaiting($0.path, now: .now) }) {
                return waiting.count - pending.count
            }
        }
        return 0
    }

    /// How long a file written in place must stay unmodified before a rescan takes it.
    var settleTime: Duration { .seconds(configuration.stableSeconds) }

    /// The registry, reloaded after files that appended events; new agencies get their
    /// inbox folder and a watch.
    private func refreshRegistry(_ state: inout LoopState, watcher: InboxWatcher?) async throws -> AgencyRegistry {
        if let registry = state.registry { return registry }
        let registry = try ingestor.currentRegistry()
        do {
            for folder in try layout.createInboxFolders(for: registry) { logger.info("inbox folder created", metadata: ["inbox.folder": "\(folder)"]) }
        } catch {
            logger.error("cannot create an inbox folder; tried again at the next scan", metadata: ["error": "\(error)"])
        }
        if let watcher {
            for code in Set(registry.agencies.keys).union(registry.coordinators) { watcher.watch(layout.inbox(for: code)) }
        }
        state.registry = registry
        return registry
    }

    private func report(_ scan: InboxScanner.Scan, state: inout LoopState) {
        for folder in scan.unknownFolders where state.reported.insert(folder).inserted {
            logger.warning("a folder of no known agency is left alone", metadata: ["inbox.folder": "\(folder)"])
        }
        for file in scan.strayFiles where state.reported.insert(file).inserted {
            logger.warning("a file outside any agency folder is left alone", metadata: ["inbox.file": "\(file)"])
        }
    }

    /// Runs blocking SQLite and file work off the cooperative thread pool.
    private func onWorkQueue<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await work.run(body)
    }
}
