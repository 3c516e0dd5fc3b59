import LedgerDomain

extension ConsolidatedReport {
    /// Models and initiatives in a period (CONTRACT §7.2): how many were shared, applied
    /// (an application whose `since` falls in the period) and proposed in it; each shared
    /// by the period's last day with who applies it then; and, for the words, the
    /// applications standing then and the period's proposals.
    public struct Initiatives: Sendable, Equatable {
        public var shared = 0
        public var applied = 0
        public var proposed = 0
        public var byInitiative: [Line] = []
        public var applications: [InitiativeApplication] = []
        public var proposals: [InitiativeProposal] = []
        /// The period's proposals no shared initiative has taken up yet.
        public var waiting: [InitiativeProposal] = []

        public struct Line: Sendable, Equatable {
            public var initiative: String
            public var title: String
            public var origin: String?
            public var award: String?
            public var appliedBy: [String]
        }

        /// Whether there is anything to say: the human formats leave the section out otherwise.
        public var isEmpty: Bool { byInitiative.isEmpty && proposals.isEmpty }

        public init() {}

        init(registry: AgencyRegistry, range: ClosedRange<LocalDate>) {
            let shared = registry.initiatives(through: range.upperBound)
            self.shared = shared.filter { range.contains($0.sharedOn) }.count
            applications = registry.initiativeApplications.filter { $0.since <= range.upperBound }
                .sorted { ($0.initiative, $0.since, $0.agency) < ($1.initiative, $1.since, $1.agency) }
            applied = applications.filter { range.contains($0.since) }.count
            proposals = registry.initiativeProposals.filter { range.contains($0.proposedOn) }.sorted { ($0.proposedOn, $0.seq) < ($1.proposedOn, $1.seq) }
            proposed = proposals.count
            let open = Set(registry.waitingProposals(through: range.upperBound).map(\.seq))
            waiting = proposals.filter { open.contains($0.seq) }
            byInitiative = shared.map { initiative in
                Line(
                    initiative: initiative.code, title: initiative.title, origin: initiative.origin, award: initiative.award,
                    appliedBy: registry.appliers(of: initiative.code, through: range.upperBound))
            }
        }

        var json: JSONValue {
            .object([
                "shared": .integer(shared), "applied": .integer(applied), "proposed": .integer(proposed),
                "by_initiative": .array(
                    byInitiative.map { line in
                        .object([
                            "initiative": .string(line.initiative), "title": .string(line.title),
                            "origin": line.origin.map(JSONValue.string) ?? .null, "applied_by": .array(line.appliedBy.map(JSONValue.string)),
                        ])
                    }),
            ])
        }
    }
}
