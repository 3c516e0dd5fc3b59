/// Models and initiatives (mô hình, sáng kiến) as the registry knows them: those SNV shared
/// (`initiative.shared`), who applies which since when (`initiative.applied`), and what
/// agencies proposed (`initiative.proposed`). Few and small, so they are folded with the
/// registry (corrections and retractions alike) rather than tallied.
public struct Initiative: Sendable, Equatable {
    public var code: String
    public var title: String
    /// An agency code, or words for a model from outside the province.
    public var origin: String?
    public var description: String?
    public var award: String?
    public var url: String?
    /// The proposal it takes up, when SNV named one (`proposal_id`, an event id of the origin).
    public var proposal: String?
    public var sharedOn: LocalDate
    public var seq: Int64
}

/// One agency applying a shared initiative from a date.
public struct InitiativeApplication: Sendable, Equatable {
    public var agency: String
    public var initiative: String
    public var since: LocalDate
    public var result: String?
    public var task: String?
    public var seq: Int64
}

/// A new model an agency proposes.
public struct InitiativeProposal: Sendable, Equatable {
    public var agency: String
    /// The proposal's event id (what `initiative.shared`'s `proposal` names).
    public var id: String
    public var title: String
    public var description: String
    public var benefit: String?
    public var proposedOn: LocalDate
    public var seq: Int64
}

extension AgencyRegistry {
    /// The initiatives shared on or before `last`, by code.
    public func initiatives(through last: LocalDate) -> [Initiative] {
        initiatives.values.filter { $0.sharedOn <= last }.sorted { $0.code < $1.code }
    }

    /// Who applies `code` as of `last` (an application since that day or earlier), by agency.
    public func appliers(of code: String, through last: LocalDate) -> [String] {
        Set(initiativeApplications.filter { $0.initiative == code && $0.since <= last }.map(\.agency)).sorted()
    }

    /// The initiatives `agency` applies as of `last`, by code.
    public func initiativesApplied(by agency: String, through last: LocalDate) -> [String] {
        Set(initiativeApplications.filter { $0.agency == agency && $0.since <= last }.map(\.initiative)).sorted()
    }

    /// Proposals no initiative shared (by `last`, or ever) has taken up: none from its
    /// agency names it (`proposal_id`) or bears its title.
    public func waitingProposals(through last: LocalDate? = nil) -> [InitiativeProposal] {
        initiativeProposals.filter { proposal in
            !initiatives.values.contains { shared in
                shared.origin == proposal.agency && last.map { shared.sharedOn <= $0 } ?? true
                    && (shared.proposal == proposal.id || Choices.key(shared.title) == Choices.key(proposal.title))
            }
        }.sorted { ($0.proposedOn, $0.seq) < ($1.proposedOn, $1.seq) }
    }
}
