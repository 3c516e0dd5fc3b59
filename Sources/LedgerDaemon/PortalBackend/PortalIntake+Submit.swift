import Foundation
import LedgerDomain
import LedgerPortal
import LedgerStore

/// The events the portal itself writes — a clerk's application of a model, SNV's decision
/// on a report, a comment — each as a one-line file taken through the inbox rules as an
/// upload of the visitor's agency: the same checks, receipt and provenance as a file.
extension PortalIntake {
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
