import Foundation
import LedgerDomain
import LedgerPortal

/// The daemon's answers to the library of models and initiatives, and a clerk's "apply"
/// from it: an `initiative.applied` written as a one-line file and taken through the same
/// inbox rules as any upload (`submit`), so it is checked, kept in `processed/` with its
/// receipt, and named in the log's provenance like a file.
extension PortalIntake {
    func initiativeLibrary() async throws -> InitiativeLibrary {
        try await read { [self] in try library(registry()) }
    }

    private func library(_ registry: AgencyRegistry) -> InitiativeLibrary {
        func name(_ code: String) -> String { registry.agencies[code]?.name ?? code }
        let entries = registry.initiatives.values.sorted { $0.code < $1.code }.map { initiative in
            InitiativeLibrary.Entry(
                code: initiative.code, title: initiative.title, origin: initiative.origin.map(name), award: initiative.award,
                description: initiative.description, url: initiative.url, sharedOn: Self.dayMonthYear(initiative.sharedOn),
                appliers: registry.initiativeApplications.filter { $0.initiative == initiative.code }.sorted { ($0.since, $0.agency) < ($1.since, $1.agency) }
                    .map { (code: $0.agency, name: name($0.agency), since: Self.dayMonthYear($0.since)) })
        }
        let waiting = registry.waitingProposals().map {
            InitiativeLibrary.Proposal(agency: name($0.agency), title: $0.title, description: $0.description, proposedOn: Self.dayMonthYear($0.proposedOn))
        }
        return InitiativeLibrary(initiatives: entries, waiting: waiting)
    }

    func applyInitiative(agency: String, initiative: String, since: String?, result: String?) async throws -> UploadVerdict {
        let today = configuration.zone.localDate(of: processor.ingestor.clock.now())
        var data = JSONObject([("initiative", .string(initiative)), ("since", .string(since ?? today.description))])
        if let result, !result.isEmpty { data.append("result", .string(result)) }
        return try await submit(.initiativeApplied, data: data, as: agency, fileStem: "ap-dung")
    }
}
