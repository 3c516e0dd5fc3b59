import LedgerDomain

/// Which events a page of the audit trail asks for, newest first: of one agency and/or
/// type, before a seq (the next page), whose id, data or source file contains a text.
/// Dates are left to the caller, which knows the zone an `occurred_at` is read in.
public struct EventFilter: Sendable, Equatable {
    public var agency: String?
    public var type: String?
    /// Only events with a smaller seq: where the previous page stopped.
    public var beforeSeq: Int64?
    /// Compared as is with the id, the canonical data and the source file's name.
    public var text: String?

    public init(agency: String? = nil, type: String? = nil, beforeSeq: Int64? = nil, text: String? = nil) {
        self.agency = agency
        self.type = type
        self.beforeSeq = beforeSeq
        self.text = text.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The test in memory, the same as the SQL's (`instr`, so case counts in both).
    public func matches(_ event: StoredEvent) -> Bool {
        if let agency, event.agency != agency { return false }
        if let type, event.type != type { return false }
        if let beforeSeq, event.seq >= beforeSeq { return false }
        if let text {
            return event.id.contains(text) || event.data.contains(text) || (event.sourceFile?.contains(text) ?? false)
        }
        return true
    }
}
