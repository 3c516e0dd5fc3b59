import LedgerDomain
import Synchronization

/// The event store in memory: the same contract as `LedgerDatabase` (the chain, the
/// lineage fold of the projection, the read models), in Swift collections. The layers
/// above are tested against it without SQLite, and `EventStoreContractTests` holds the
/// two to the same answers.
///
/// A write session works on a copy of the log and replaces it on commit, which gives the
/// all-or-nothing of a transaction; sessions are serialised by one lock.
public final class InMemoryEventStore: EventStore {
    private let state = Mutex(MemoryLog())

    public init() {}

    public func head() throws -> LogHead { state.withLock { $0.head } }

    public func writeSession<T>(zone: LocalZone, _ body: (any LedgerWriteSession) throws -> (T, commit: Bool)) throws -> T {
        try state.withLock { log in
            let session = MemorySession(log: log, zone: zone)
            let (value, commit) = try body(session)
            if commit { log = session.log }
            return value
        }
    }

    public func readSession<T>(_ body: (any LedgerReadSession) throws -> T) throws -> T {
        let snapshot = state.withLock { $0 }
        return try body(MemorySession(log: snapshot, zone: .hoChiMinh))
    }

    @discardableResult
    public func appendSystemEvent(_ draft: EventDraft, recordedAt: Instant) throws -> Int64 {
        // `MemoryLog.append` refuses before it changes anything: no copy is needed.
        try state.withLock { log in try log.append(PendingAppend(draft: draft, source: .system, recordedAt: recordedAt.rfc3339UTC)) }
    }

    public func ingestedFile(sha256: String) throws -> IngestedFile? { state.withLock { $0.files[sha256] } }

    public func event(seq: Int64) throws -> StoredEvent? {
        state.withLock { log in seq >= 1 && seq <= log.events.count ? log.events[Int(seq - 1)] : nil }
    }

    public func forEachEvent(ofType type: EventType, _ body: (StoredEvent) throws -> Void) throws {
        for event in events() where event.type == type.rawValue { try body(event) }
    }

    public func forEachEvent(agency: String?, type: String?, _ body: (StoredEvent) throws -> Void) throws {
        for event in events() where (agency == nil || event.agency == agency) && (type == nil || event.type == type) { try body(event) }
    }

    public func forEachEventNewestFirst(_ filter: EventFilter, _ body: (StoredEvent) throws -> Bool) throws {
        for event in events().reversed() where filter.matches(event) {
            guard try body(event) else { return }
        }
    }

    public func forEachCorrection(_ body: (StoredEvent) throws -> Void) throws {
        for event in events() where event.corrects != nil { try body(event) }
    }

    public func statusCounts(coordinators: Set<String>, zone: LocalZone) throws -> StatusCounts {
        let log = state.withLock { $0 }
        var byType: [String: Int] = [:]
        for event in log.events { byType[event.type, default: 0] += 1 }
        let lastReport = log.events.last { $0.type == EventType.reportGenerated.rawValue }
            .flatMap { try? JSONParser().parse(Array($0.data.utf8)) }?.objectValue
        return StatusCounts(
            head: log.head, eventsByType: byType.sorted { $0.key < $1.key }.map { (type: $0.key, count: $0.value) },
            filesIngested: log.files.count, registry: log.registry(coordinators: coordinators, zone: zone),
            lastReport: lastReport)
    }

    public func seq(recordedAtOrBefore instant: Instant) throws -> Int64 {
        let text = instant.rfc3339UTC
        return events().filter { $0.recordedAt <= text }.map(\.seq).max() ?? 0
    }

    public func recordedAt(seq: Int64) throws -> String? { try event(seq: seq)?.recordedAt }

    public func earliestOccurredAt(count: Int) throws -> [String] {
        Array(Set(events().filter { $0.agency != AgencyCode.system }.map(\.occurredAt)).sorted().prefix(count))
    }

    public func hasEvent(after seq: Int64, datedIn isInRange: (String) -> Bool) throws -> Bool {
        let log = state.withLock { $0 }
        for event in log.events where event.seq > seq && event.agency != AgencyCode.system {
            if isInRange(event.occurredAt) { return true }
            if let target = event.lineageStep.target, let named = log.event(EventKey(agency: event.agency, id: target)), isInRange(named.occurredAt) {
                return true
            }
        }
        return false
    }

    public func withProjection<T>(
        throughSeq requested: Int64?, zone: LocalZone, coordinators: Set<String>,
        progress: ((Int64) -> Void)?, _ body: (ProjectionSnapshot) throws -> T
    ) throws -> T {
        let log = state.withLock { $0 }
        let seq = requested ?? log.head.seq
        guard seq >= 0, seq <= log.head.seq else { throw UnknownSeq(requested: seq, head: log.head.seq) }
        var projection = MemoryProjection(zone: zone)
        for event in log.events.prefix(Int(seq)) { try projection.fold(event) }
        let hash = seq == 0 ? LogHead.empty.hash : log.events[Int(seq - 1)].hash
        return try body(
            ProjectionSnapshot(
                facts: .values(projection.effectiveFacts),
                registry: log.registry(
                    coordinators: coordinators, zone: zone, throughSeq: seq), throughSeq: seq, headHash: hash,
                recordedAt: { $0 >= 1 && $0 <= seq ? log.events[Int($0 - 1)].recordedAt : nil }))
    }

    public func readTree<T>(_ body: (any MerkleTreeReader) throws -> T) throws -> T {
        let leaves = events().map { MerkleTree.leafHash($0.canonicalRecord().parts, seq: $0.seq) }
        return try body(MemoryTree(leaves: leaves))
    }

    /// The projection is folded afresh for every snapshot, so there is nothing to drop.
    public func rebuildProjections(zone: LocalZone, progress: ((Int64) -> Void)?) throws -> Int64 { try head().seq }

    private func events() -> [StoredEvent] { state.withLock { $0.events } }
}

/// The log of an `InMemoryEventStore`, a value so that a session can work on a copy.
private struct MemoryLog: Sendable {
    var events: [StoredEvent] = []
    var seqByKey: [EventKey: Int64] = [:]
    var files: [String: IngestedFile] = [:]

    var head: LogHead { events.last.map { LogHead(seq: $0.seq, hash: $0.hash) } ?? .empty }

    func event(_ key: EventKey) -> StoredEvent? { seqByKey[key].map { events[Int($0 - 1)] } }

    mutating func append(_ pending: PendingAppend) throws -> Int64 {
        let columns = pending.columns
        let key = EventKey(agency: columns.agency, id: columns.id)
        guard seqByKey[key] == nil else { throw StoreError(.duplicateKey, "\(key) is in the log already.") }
        let seq = Int64(events.count + 1)
        let previous = events.last.flatMap { HashChain.bytes(hex: $0.hash) } ?? HashChain.genesis
        let hash = HashChain.hex(HashChain.next(previous: previous, record: pending.record, seq: seq))
        events.append(
            StoredEvent(
                seq: seq, agency: columns.agency, id: columns.id, type: columns.type, occurredAt: columns.occurredAt,
                recordedAt: columns.recordedAt, corrects: columns.corrects, data: columns.canonicalData,
                sourceFile: columns.sourceFile, sourceSHA256: columns.sourceSHA256, sourceLine: columns.sourceLine,
                hash: hash, sourceSheet: columns.sourceSheet))
        seqByKey[key] = seq
        return seq
    }

    /// The registry folded from the registry events and their retractions.
    func registry(coordinators: Set<String>, zone: LocalZone, throughSeq: Int64 = .max) -> AgencyRegistry {
        var registry = AgencyRegistry(coordinators: coordinators)
        for event in events where event.seq <= throughSeq {
            guard let type = EventType(rawValue: event.type), let data = event.parsedData else { continue }
            if case .retracting(let target) = LineageStep(type: type, corrects: nil, data: data) {
                registry.recordRetraction(of: EventKey(agency: event.agency, id: target))
            } else if type.isRegistryEvent, let time = EventTime.parse(event.occurredAt) {
                registry.record(
                    RegistryEvent(
                        key: event.key, seq: event.seq, type: type, corrects: event.corrects,
                        occurredOn: time.localDate(in: zone), data: data))
            }
        }
        return registry
    }
}

/// A transaction of the in-memory store: a copy of the log, replaced on commit.
private final class MemorySession: LedgerWriteSession {
    var log: MemoryLog
    let zone: LocalZone

    init(log: MemoryLog, zone: LocalZone) {
        self.log = log
        self.zone = zone
    }

    func head() throws -> LogHead { log.head }

    func registry(coordinators: Set<String>, zone: LocalZone) throws -> AgencyRegistry {
        log.registry(coordinators: coordinators, zone: zone)
    }

    func lookup() throws -> any EventLookup { MemoryLookup(session: self) }

    /// The projection is folded from the events when a snapshot is asked for; `step` and
    /// `fact` are what the event itself yields (`MemoryProjection.fold`).
    func append(_ event: PendingAppend, step: LineageStep, fact: ActivityFact?) throws -> Int64 {
        try log.append(event)
    }

    func record(_ file: IngestedFile) throws {
        if log.files[file.sha256] == nil { log.files[file.sha256] = file }
    }
}

/// Sees the session's own appends, like the SQL lookup inside its transaction.
private struct MemoryLookup: EventLookup {
    let session: MemorySession

    func content(of key: EventKey) throws -> StoredEventContent? {
        session.log.event(key).map { StoredEventContent(type: $0.type, occurredAt: $0.occurredAt, corrects: $0.corrects, data: $0.data) }
    }
}

/// The activity projection folded in memory with the domain's `LineageFold`.
private struct MemoryProjection {
    let zone: LocalZone
    var lineage = InMemoryLineage()
    var facts: [Int64: EffectiveFact.Value] = [:]
    /// Root → seq of the standing member.
    var standing: [Int64: Int64] = [:]

    init(zone: LocalZone) {
        self.zone = zone
    }

    mutating func fold(_ event: StoredEvent) throws {
        guard let type = EventType(rawValue: event.type), type.isActivity || type == .eventRetracted,
            let time = EventTime.parse(event.occurredAt)
        else { return }
        guard let data = event.parsedData else { throw StoreError(.corruptRow, "The data of event seq \(event.seq) is not a JSON object.") }
        if let fact = ActivityFact(type: type, occurredAt: time, data: data, zone: zone) {
            facts[event.seq] = EffectiveFact.Value(fact, agency: event.agency, seq: event.seq)
        }
        let step = LineageStep(type: type, corrects: event.corrects, data: data)
        switch try LineageFold.apply(seq: event.seq, key: event.key, step: step, to: &lineage) {
        case .upsert(let root, let effective)?: standing[root] = effective
        case .delete(let root)?: standing[root] = nil
        case nil: break
        }
    }

    /// The standing facts in the order of their lineage roots.
    var effectiveFacts: [EffectiveFact.Value] {
        standing.sorted { $0.key < $1.key }.compactMap { root, seq in
            facts[seq].map {
                var fact = $0
                fact.root = root
                return fact
            }
        }
    }
}

extension StoredEvent {
    var parsedData: JSONObject? { (try? JSONParser().parse(Array(data.utf8)))?.objectValue }

    var lineageStep: LineageStep {
        guard let type = EventType(rawValue: type), let data = parsedData else { return corrects.map { .correcting($0) } ?? .new }
        return LineageStep(type: type, corrects: corrects, data: data)
    }
}

/// The tree of an in-memory log: every subtree hashed again from its leaves, as the RFC
/// defines it.
private struct MemoryTree: MerkleTreeReader {
    let leaves: [[UInt8]]
    var size: Int64 { Int64(leaves.count) }
    func subtree(_ range: Range<Int>) throws -> [UInt8] { MerkleTree.root(of: leaves[range]) }
    func leafHashes(_ range: Range<Int>, _ body: ([UInt8]) throws -> Void) throws { for leaf in leaves[range] { try body(leaf) } }
}
