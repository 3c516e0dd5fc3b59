import Foundation
import LedgerDomain
import LedgerPortal
import LedgerStore

/// The daemon's answers to the library of models and initiatives, and a clerk's "apply"
/// from it: an `initiative.applied` written as a one-line file and taken through the same
/// inbox rules as any upload (`upload(agency:fileName:staged:)`), so it is checked, kept
/// in `processed/` with its receipt, and named in the log's provenance like a file.
extension PortalIntake {
    func initiativeLibrary() async throws -> InitiativeLibrary {
        let registry = try registry()
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

    /// One event written as a one-line file (`id` `WEB-<date>-<token>`, `occurred_at` today)
    /// and taken through the inbox rules as an upload of `agency`. The token is drawn from
    /// the content (agency, type, data, day): a form sent twice — a double click, a reload —
    /// is the same event, a duplicate the log skips, not a second comment or application.
    func submit(_ type: EventType, data: JSONObject, as agency: String, fileStem: String) async throws -> UploadVerdict {
        let today = configuration.zone.localDate(of: processor.ingestor.clock.now())
        let stamp = String(format: "%04d%02d%02d", today.year, today.month, today.day)
        let token = Self.contentToken(agency, type.rawValue, JSONWriter.string(.object(data)), today.description)
        let event = JSONValue.object(
            JSONObject([
                ("id", .string("WEB-\(stamp)-\(token)")), ("type", .string(type.rawValue)), ("occurred_at", .string(today.description)),
                ("data", .object(data)),
            ]))
        let staged = (try uploadStagingFolder() as NSString).appendingPathComponent("web-\(token).ndjson")
        try Data((JSONWriter.string(event) + "\n").utf8).write(to: URL(fileURLWithPath: staged))
        return try await upload(agency: agency, fileName: "\(fileStem)-\(stamp)-\(token).ndjson", staged: staged)
    }

    /// Twelve hex digits of the SHA-256 of the parts: the same parts, the same token.
    static func contentToken(_ parts: String...) -> String {
        String(HashChain.sha256Hex(Array(parts.joined(separator: "\u{1F}").utf8)).prefix(12))
    }
}
