/// What a lineage fold remembers between events. The registry keeps it in dictionaries;
/// the activity projection keeps it in its SQLite tables, because a log of millions of
/// events must not be held in memory. The fold itself (`LineageFold`) is the same for both.
public protocol LineageMemory {
    /// Notes that the event `key` is `seq` and belongs to this fold (the projection's
    /// memory finds it in the log instead, and ignores this).
    mutating func remember(_ key: EventKey, seq: Int64) throws
    /// The seq of an event of this fold (nil: unknown, or an event another fold keeps).
    mutating func seq(of key: EventKey) throws -> Int64?
    /// The root of the lineage `seq` has joined; nil for an event nothing has touched yet.
    mutating func root(of seq: Int64) throws -> Int64?
    mutating func join(_ seq: Int64, root: Int64) throws
    mutating func markRetracted(_ seq: Int64) throws
    /// The latest member of the lineage (by seq) that is not retracted.
    mutating func latestStanding(in root: Int64) throws -> Int64?
}

/// The lineage fold (CONTRACT §2): a correction replaces, a retraction removes exactly
/// the event it names, and retracting a correction brings back what it corrected.
///
/// Only events that a correction or retraction touches are recorded as members, so the
/// common case, a plain new event, costs nothing but its own upsert.
public enum LineageFold {
    /// Folds one event (appended at `seq`) and returns what now stands; nil when the event
    /// names an event this fold does not keep (the other fold handles it).
    public static func apply(
        seq: Int64, key: EventKey, step: LineageStep,
        to memory: inout some LineageMemory
    ) throws -> LineageAction? {
        switch step {
        case .new:
            try memory.remember(key, seq: seq)
            return .upsert(root: seq, effective: seq)
        case .correcting(let id):
            guard let target = try memory.seq(of: EventKey(agency: key.agency, id: id)) else { return nil }
            try memory.remember(key, seq: seq)
            let root = try joinedRoot(of: target, in: &memory)
            try memory.join(seq, root: root)
            return .upsert(root: root, effective: seq)
        case .retracting(let id):
            guard let target = try memory.seq(of: EventKey(agency: key.agency, id: id)) else { return nil }
            let root = try joinedRoot(of: target, in: &memory)
            try memory.markRetracted(target)
            guard let standing = try memory.latestStanding(in: root) else { return .delete(root: root) }
            return .upsert(root: root, effective: standing)
        }
    }

    /// The lineage root of `seq`; a plain event becomes a recorded lineage of its own
    /// first, so that later members are ordered against it.
    private static func joinedRoot(of seq: Int64, in memory: inout some LineageMemory) throws -> Int64 {
        if let root = try memory.root(of: seq) { return root }
        try memory.join(seq, root: seq)
        return seq
    }
}

/// Lineage memory in dictionaries, for folds small enough to hold (the registry) and for
/// the in-memory store.
public struct InMemoryLineage: LineageMemory, Sendable {
    private var seqByKey: [EventKey: Int64] = [:]
    private var rootBySeq: [Int64: Int64] = [:]
    /// Members of each recorded lineage in seq order.
    private var members: [Int64: [Int64]] = [:]
    private var retracted: Set<Int64> = []

    public init() {}

    public mutating func remember(_ key: EventKey, seq: Int64) { seqByKey[key] = seq }
    public func seq(of key: EventKey) -> Int64? { seqByKey[key] }
    public func root(of seq: Int64) -> Int64? { rootBySeq[seq] }

    public mutating func join(_ seq: Int64, root: Int64) {
        guard rootBySeq[seq] == nil else { return }
        rootBySeq[seq] = root
        members[root, default: []].append(seq)
    }

    public mutating func markRetracted(_ seq: Int64) { retracted.insert(seq) }

    public func latestStanding(in root: Int64) -> Int64? {
        members[root]?.last { !retracted.contains($0) }
    }
}
