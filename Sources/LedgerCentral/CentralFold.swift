import LedgerDomain
import LedgerStore

/// One row of `central_tallies`: what a report sums.
struct TallyKey: Hashable, Sendable {
    var bucket: String
    var agency: String
    var type: String
    var measure: String
}

/// An agency's standing report of one indicator (`central_indicators`).
struct IndicatorFact: Sendable, Equatable {
    var agency: String
    var indicator: String
    var day: String
    var instant: Int64
    var seq: Int64
    var numerator: Int64
    var denominator: Int64
}

struct TallyAmount: Sendable {
    var n: Int64 = 0
    var a: Int64 = 0
    var b: Int64 = 0
}

/// What the centre needs to know of the rows it already holds, to fold a batch: the
/// earlier events the batch corrects or retracts, the lineages they are in, and the rows
/// of those lineages' members (their facts are subtracted when another member takes over).
struct EarlierRows: Sendable {
    /// Activity events named by the batch, by key.
    var seqByKey: [EventKey: Int64] = [:]
    /// `central_lineage` rows of the touched lineages.
    var lineage: [Int64: (root: Int64, retracted: Bool)] = [:]
    var rows: [Int64: StoredEvent] = [:]
}

/// Folds a batch into tally deltas with the same lineage rule as the province's
/// projection (`LineageFold`: a correction replaces, a retraction removes the event it
/// names, retracting a correction brings back what it corrected), and the registry rows.
struct CentralFold {
    let zone: LocalZone
    private var memory: Memory
    private(set) var deltas: [TallyKey: TallyAmount] = [:]
    /// Standing member of each touched lineage (nil: none stands).
    private var effective: [Int64: Int64?] = [:]
    private var rows: [Int64: StoredEvent]
    /// The standing indicator report of each lineage this batch touched (nil: none stands).
    private(set) var indicators: [Int64: IndicatorFact?] = [:]
    private(set) var registered: [(code: String, name: String, since: String)] = []
    private(set) var ended: [(code: String, until: String)] = []

    init(earlier: EarlierRows, zone: LocalZone) {
        self.zone = zone
        memory = Memory(earlier: earlier)
        rows = earlier.rows
        for seq in earlier.seqByKey.values {
            if let root = earlier.lineage[seq]?.root {
                effective[root] = memory.latestStanding(in: root)
            } else {
                effective[seq] = seq
            }
        }
    }

    /// Lineage rows to write (seq, root, retracted).
    var lineageWrites: [(seq: Int64, root: Int64, retracted: Bool)] {
        memory.changed.sorted().compactMap { seq in memory.lineage[seq].map { (seq, $0.root, $0.retracted) } }
    }

    mutating func fold(_ event: StoredEvent) {
        guard let type = EventType(rawValue: event.type), let data = Self.object(event.data) else { return }
        registry(type, data: data, event: event)
        guard type.isActivity || type == .eventRetracted else { return }
        rows[event.seq] = event
        let key = EventKey(agency: event.agency, id: event.id)
        let step = LineageStep(type: type, corrects: event.corrects, data: data)
        // Only activity events belong to this fold: a retraction of a registry event is the registry's.
        if case .new = step, !type.isActivity { return }
        guard let action = try? LineageFold.apply(seq: event.seq, key: key, step: step, to: &memory) else { return }
        switch action {
        case .upsert(let root, let standing):
            if let old = effective[root] ?? nil { add(old, -1) }
            add(standing, 1)
            effective[root] = standing
            if let fact = indicator(standing) { indicators[root] = .some(fact) } else if indicators[root] != nil { indicators[root] = .some(nil) }
        case .delete(let root):
            if let old = effective[root] ?? nil {
                add(old, -1)
                if indicator(old) != nil { indicators[root] = .some(nil) }
            }
            effective[root] = .some(nil)
        }
    }

    private mutating func registry(_ type: EventType, data: JSONObject, event: StoredEvent) {
        let day = String(event.occurredAt.prefix(10))
        switch type {
        case .agencyRegistered:
            if let code = data["code"]?.stringValue { registered.append((code, data["name"]?.stringValue ?? code, day)) }
        case .agencyDissolved:
            if let code = data["code"]?.stringValue { ended.append((code, data["effective"]?.stringValue ?? day)) }
        case .agencyMerged:
            let until = data["effective"]?.stringValue ?? day
            for code in data["from"]?.arrayValue?.compactMap(\.stringValue) ?? [] { ended.append((code, until)) }
        default: break
        }
    }

    private func indicator(_ seq: Int64) -> IndicatorFact? {
        guard let row = rows[seq], row.type == EventType.indicatorReported.rawValue, let data = Self.object(row.data),
            let time = EventTime.parse(row.occurredAt), let fact = ActivityFact(type: .indicatorReported, occurredAt: time, data: data, zone: zone),
            case .indicator(let name, let numerator, let denominator) = fact.measure
        else { return nil }
        return IndicatorFact(
            agency: row.agency, indicator: name, day: fact.dayText, instant: fact.instant, seq: seq, numerator: Int64(numerator),
            denominator: Int64(denominator))
    }

    private mutating func add(_ seq: Int64, _ sign: Int64) {
        guard let row = rows[seq], let type = EventType(rawValue: row.type), let data = Self.object(row.data),
            let time = EventTime.parse(row.occurredAt), let fact = ActivityFact(type: type, occurredAt: time, data: data, zone: zone)
        else { return }
        let columns = fact.measure.columns
        // Reports across ledgers sum by ledger, not by agency: only a submitted report keeps
        // its agency (completeness counts agencies). So a batch touches hundreds of rows, not
        // one per agency, half-month and measure.
        let agency = type == .reportSubmitted ? row.agency : ""
        let key = TallyKey(bucket: HalfMonth.start(of: fact.dayText), agency: agency, type: row.type, measure: columns.label ?? "")
        deltas[key, default: TallyAmount()].n += sign
        deltas[key, default: TallyAmount()].a += sign * Int64(columns.first ?? 0)
        deltas[key, default: TallyAmount()].b += sign * Int64(columns.second ?? 0)
    }

    static func object(_ text: String) -> JSONObject? {
        if case .object(let object)? = try? JSONParser().parse(Array(text.utf8)) { object } else { nil }
    }

    /// The lineage memory of one batch: the earlier rows it was given, and what the batch adds.
    private struct Memory: LineageMemory {
        var seqByKey: [EventKey: Int64]
        var lineage: [Int64: (root: Int64, retracted: Bool)]
        var members: [Int64: [Int64]] = [:]
        var changed: Set<Int64> = []

        init(earlier: EarlierRows) {
            seqByKey = earlier.seqByKey
            lineage = earlier.lineage
            for (seq, row) in earlier.lineage { members[row.root, default: []].append(seq) }
            for root in members.keys { members[root]?.sort() }
        }

        mutating func remember(_ key: EventKey, seq: Int64) { seqByKey[key] = seq }
        func seq(of key: EventKey) -> Int64? { seqByKey[key] }
        func root(of seq: Int64) -> Int64? { lineage[seq]?.root }
        mutating func join(_ seq: Int64, root: Int64) {
            guard lineage[seq] == nil else { return }
            lineage[seq] = (root, false)
            members[root, default: []].append(seq)
            changed.insert(seq)
        }
        mutating func markRetracted(_ seq: Int64) {
            guard let row = lineage[seq] else { return }
            lineage[seq] = (row.root, true)
            changed.insert(seq)
        }
        func latestStanding(in root: Int64) -> Int64? {
            members[root]?.last { lineage[$0]?.retracted == false }
        }
    }
}
