import Foundation
import LedgerDomain
import LedgerPortal

/// The daemon's side of entry in the browser: the lists of an agency's forms, and a sent
/// form written as a one-row CSV file (the template's field codes as its header) and taken
/// through the inbox rules as an upload — the same decoding, admission and provenance
/// (`nhap-<date>-<token>.csv`, line 2) as a file the clerk made.
extension PortalIntake {
    func entryChoices(agency code: String) async throws -> EntryChoices {
        let registry = try await read { [self] in try self.registry() }
        let tasks = registry.tasks.values.filter { registry.resolve($0.lead + $0.coordinating).contains(code) }
            .sorted { $0.task.localizedStandardCompare($1.task) == .orderedAscending }.map { (id: $0.task, title: $0.title) }
        let initiatives = registry.initiatives.values.sorted { $0.code < $1.code }.map { (code: $0.code, title: $0.title) }
        let year = configuration.zone.localDate(of: processor.ingestor.clock.now()).year
        let periods = [year, year - 1].flatMap { ReportPeriod.all(year: $0, kinds: configuration.reportKinds).sorted(by: >) }.map(\.description)
        return EntryChoices(tasks: tasks, initiatives: initiatives, periods: periods)
    }

    func enter(agency: String, type: EventType, fields: [String: String]) async throws -> UploadVerdict {
        let today = configuration.zone.localDate(of: processor.ingestor.clock.now())
        let stamp = String(format: "%04d%02d%02d", today.year, today.month, today.day)
        // From the content, as `submit`'s: the same form sent twice records once.
        let token = Self.contentToken(
            agency, type.rawValue, fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1E}"), today.description)
        var cells = fields
        if (cells["id"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty { cells["id"] = "WEB-\(stamp)-\(token)" }
        cells["type"] = type.rawValue
        let leading = ["id", "type", "kind", "occurred_at"].filter { cells[$0] != nil }
        let columns = leading + cells.keys.filter { !leading.contains($0) }.sorted()
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let csv = columns.joined(separator: ",") + "\r\n" + columns.map { quoted(cells[$0] ?? "") }.joined(separator: ",") + "\r\n"
        let staged = (try uploadStagingFolder() as NSString).appendingPathComponent("entry-\(token).csv")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: staged))
        return try await upload(agency: agency, fileName: "nhap-\(stamp)-\(token).csv", staged: staged)
    }
}
