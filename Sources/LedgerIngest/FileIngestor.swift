import LedgerDomain
import LedgerFiles
import LedgerStore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Applies the ingestion rules of CONTRACT §6 to one file: all or nothing, every problem
/// listed, idempotent, with provenance. It never moves files; the daemon does.
public struct FileIngestor: Sendable {
    /// Problems listed per file; more are counted, so a file of a million bad lines
    /// cannot exhaust memory.
    public static let problemLimit = 10_000

    public let store: any EventStore
    public let options: IngestOptions
    public let clock: any LedgerClock
    /// The registry as of a head seq, so that consecutive files do not reload it.
    private let registryCache = RegistryCache()

    public init(store: any EventStore, options: IngestOptions, clock: any LedgerClock) {
        self.store = store
        self.options = options
        self.clock = clock
    }

    /// The registry at the head of the log, from the cache when nothing was appended since.
    public func currentRegistry() throws -> AgencyRegistry {
        try store.readSession { session in try registryCache.registry(session, options: options) }
    }

    /// Thrown when `shouldStop` asked to abandon a file; its transaction was rolled back.
    public struct Interrupted: Error, Sendable {}

    /// - Parameters:
    ///   - folderAgency: the agency the file speaks for (its inbox folder, or `--agency`).
    ///   - progress: called with the number of records read so far, now and then.
    public func ingest(path: String, folderAgency: String?, progress: ((Int) -> Void)? = nil) throws -> FileOutcome {
        switch try open(path: path) {
        case .refused(let outcome): return outcome
        case .opened(let file, let sha256): return try ingest(file, sha256: sha256, folderAgency: folderAgency, progress: progress)
        }
    }

    /// The result of opening a path safely and hashing it.
    public enum Opening {
        case opened(SafeFile, sha256: String)
        /// Not a regular file, or unreadable: the outcome to report, nothing read.
        case refused(FileOutcome)
    }

    public func open(path: String) throws -> Opening {
        let file: SafeFile
        do {
            file = try SafeFile(path: path)
        } catch .notRegular(let kind) {
            return .refused(Self.rejection(path: path, sha256: nil, problem: .notRegularFile(kind: kind)))
        } catch .unreadable(let code) {
            let reason = String(cString: strerror(code))
            return .refused(Self.rejection(path: path, sha256: nil, problem: .malformed(ProblemDetail.unreadable(reason))))
        }
        return .opened(file, sha256: try file.sha256())
    }

    /// Ingests an opened file in one transaction.
    ///
    /// - Parameter shouldStop: polled between records; when it answers true the transaction
    ///   is rolled back and `Interrupted` is thrown (graceful shutdown on a long file).
    public func ingest(
        _ file: SafeFile, sha256: String, folderAgency: String?, progress: ((Int) -> Void)? = nil,
        shouldStop: () -> Bool = { false }
    ) throws -> FileOutcome {
        let path = file.path
        if file.size > options.maxFileBytes {
            return Self.rejection(path: path, sha256: sha256, problem: .tooLarge(size: file.size, limit: options.maxFileBytes))
        }
        var outcome = Self.rejection(path: path, sha256: sha256, problem: nil)
        guard let format = FileFormat(fileName: outcome.fileName) else {
            return Self.rejection(path: path, sha256: sha256, problem: .unsupportedFormat(name: outcome.fileName))
        }
        return try store.writeSession(zone: options.zone) { session in
            var run = FileRun(session: session, options: options, now: clock.now())
            try run.start(registry: try registryCache.registry(session, options: options))
            var records = 0
            let preparation = EventPreparation(
                decoder: EnvelopeDecoder(zone: options.zone), folderAgency: folderAgency,
                source: (outcome.fileName, sha256), recordedAt: run.now.rfc3339UTC)
            let pipeline = DecodePipeline(reader: reader(for: format), preparation: preparation)
            try pipeline.run(file) { record in
                try run.handle(record)
                records += 1
                if records % 1000 == 0 {
                    if shouldStop() { throw Interrupted() }
                    if records % 10_000 == 0 { progress?(records) }
                }
            }
            outcome.problems = run.problems
            outcome.unlistedProblems = run.unlistedProblems
            let accepted = run.problems.isEmpty
            if accepted {
                let head = try run.lastSeq ?? session.head().seq
                registryCache.store(run.admission!.registry, at: head)
                outcome.status = .accepted
                outcome.appended = run.appended
                outcome.duplicates = run.duplicates
                outcome.firstSeq = run.firstSeq
                outcome.lastSeq = run.lastSeq
                try session.record(
                    IngestedFile(
                        sha256: sha256, name: outcome.fileName, agency: folderAgency, appended: run.appended,
                        duplicates: run.duplicates, firstSeq: run.firstSeq, lastSeq: run.lastSeq,
                        recordedAt: run.now.rfc3339UTC))
            }
            return (outcome, commit: accepted)
        }
    }

    static func rejection(path: String, sha256: String?, problem: Problem?) -> FileOutcome {
        .rejection(path: path, sha256: sha256, problem: problem)
    }

    private func reader(for format: FileFormat) -> any RecordReader {
        switch format {
        case .json: JSONFileReader()
        case .ndjson: NDJSONReader()
        case .csv: CSVFileReader(isTSV: false, fallback: options.csvFallback == .none ? .none : .windows1258)
        case .tsv: CSVFileReader(isTSV: true, fallback: options.csvFallback == .none ? .none : .windows1258)
        case .xlsx: XLSXFileReader(zone: options.zone)
        }
    }
}

/// The state of one file's transaction: the chain head, the registry as the file
/// changes it, and the tallies.
private struct FileRun {
    let session: any LedgerWriteSession
    let options: IngestOptions
    let now: Instant
    var admission: EventAdmission?
    var lookup: (any EventLookup)?
    var problems: [Problem] = []
    var unlistedProblems = 0
    var appended = 0
    var duplicates = 0
    var firstSeq: Int64?
    var lastSeq: Int64?

    init(session: any LedgerWriteSession, options: IngestOptions, now: Instant) {
        self.session = session
        self.options = options
        self.now = now
    }

    mutating func start(registry: AgencyRegistry) throws {
        lookup = try session.lookup()
        admission = EventAdmission(registry: registry, now: now, zone: options.zone)
    }

    mutating func report(_ problem: Problem) {
        if problems.count < FileIngestor.problemLimit { problems.append(problem) } else { unlistedProblems += 1 }
    }

    mutating func handle(_ record: DecodedRecord) throws {
        switch record {
        case .problems(let found):
            for problem in found { report(problem) }
        case .event(let event):
            try admit(event)
        }
    }

    private mutating func admit(_ event: DecodedEvent) throws {
        let draft = event.draft
        switch try admission!.admit(draft, lookup: lookup!) {
        case .duplicate:
            duplicates += 1
        case .reject(let found):
            for problem in found { report(event.place(problem)) }
        case .append:
            // Events after a bad one are still appended (and rolled back with the file)
            // so that later references to them are checked like in a good file.
            let step = LineageStep(type: draft.type, corrects: draft.corrects, data: draft.data)
            let seq = try session.append(event.pending, step: step, fact: event.fact)
            appended += 1
            if firstSeq == nil { firstSeq = seq }
            lastSeq = seq
            updateRegistry(with: draft, seq: seq, step: step)
        }
    }

    private mutating func updateRegistry(with draft: EventDraft, seq: Int64, step: LineageStep) {
        var registry = admission!.registry
        if draft.type.isRegistryEvent {
            registry.record(
                RegistryEvent(
                    key: draft.key, seq: seq, type: draft.type, corrects: draft.corrects,
                    occurredOn: draft.occurredAt.localDate(in: options.zone), data: draft.data))
        } else if case .retracting(let target) = step {
            guard registry.recordRetraction(of: EventKey(agency: draft.agency, id: target)) else { return }
        } else {
            return
        }
        admission = EventAdmission(registry: registry, now: now, zone: options.zone)
    }
}

/// The registry as it stood at one head seq. Only this ingestor's commits move the head
/// while it holds the write lock, so a cached registry is valid exactly while the head
/// is still the seq it was stored at; anything else (another process, a report) reloads it.
private final class RegistryCache: Sendable {
    private let entry = Mutex<(seq: Int64, registry: AgencyRegistry)?>(nil)

    func registry(_ session: any LedgerReadSession, options: IngestOptions) throws -> AgencyRegistry {
        let head = try session.head().seq
        if let cached = entry.withLock({ $0 }), cached.seq == head { return cached.registry }
        let registry = try session.registry(coordinators: options.coordinators, zone: options.zone)
        store(registry, at: head)
        return registry
    }

    func store(_ registry: AgencyRegistry, at seq: Int64) {
        entry.withLock { $0 = (seq, registry) }
    }
}
