/// A registered agency as the registry knows it, with its history of names and merges.
public struct Agency: Sendable, Equatable {
    public var code: String
    public var kind: AgencyKind
    public var parent: String?
    public var registeredOn: LocalDate
    /// Names in effect from each date, oldest first.
    public var names: [DatedName]
    public var mergedInto: String?
    public var mergeEffective: LocalDate?
    /// `agency.dissolved`: the day it ceased to exist, and who took over.
    public var dissolvedOn: LocalDate?
    public var successors: [String] = []

    /// Kinds in effect from each date, oldest first: an `agency.renamed` with `kind` (a
    /// district committee re-attached as a commune in 2025) changes it from its date on,
    /// so the groups of a period before it (`kind:district`) stay what they were.
    public var kinds: [DatedKind] = []

    public struct DatedName: Sendable, Equatable {
        public var from: LocalDate
        public var name: String
    }

    public struct DatedKind: Sendable, Equatable {
        public var from: LocalDate
        public var kind: AgencyKind
    }

    /// The kind in effect on a date (the registration kind before any change).
    public func kind(on date: LocalDate) -> AgencyKind {
        kinds.last { $0.from <= date }?.kind ?? kinds.first?.kind ?? kind
    }

    public var name: String { names.last?.name ?? code }

    /// The name in effect on a date (the registration name before any rename).
    public func name(on date: LocalDate) -> String {
        names.last { $0.from <= date }?.name ?? names.first?.name ?? code
    }

    /// True once the agency has been merged away by this date.
    public func isMergedAway(on date: LocalDate) -> Bool {
        guard let mergeEffective else { return false }
        return date >= mergeEffective
    }
}
