import ArgumentParser
import Foundation
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerStore

/// `review --period P --agency A (--accept | --return --reason TEXT)`: SNV's decision on an
/// agency's report of a period, recorded as a `report.reviewed` of the deciding coordinator
/// through the same checks as a file: a one-line file (`xem-xet-<AGENCY>-<PERIOD>-….ndjson`,
/// the name its provenance keeps) written in a private temporary folder, ingested, removed.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Accept an agency's report of a period, or return it with a reason.",
        discussion: """
            The clerk sees the decision and the reason on her page; a returned report sent again is pending again.
            Examples:
              reformledger review --period 2024-Q1 --agency BST --accept
              reformledger review --period 2024-Q1 --agency BST --return --reason "Thiếu số liệu tập huấn"
            """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The period of the report (2024-Q1, 2024-H1, 2024-9M, 2024).") var period: String
    @Option(name: .long, help: "The agency whose report it is.") var agency: String
    @Flag(name: .customLong("accept"), help: "Accept the report.") var accept = false
    @Flag(name: .customLong("return"), help: "Return it, with --reason.") var giveBack = false
    @Option(name: .long, help: "Why it is returned: what to fix (required with --return).") var reason: String?
    @Option(name: .long, help: "The deciding coordinator (default: SNV when it is one, else the first coordinator).") var by: String?

    func validate() throws {
        guard ReportPeriod.parse(period) != nil else { throw ValidationError("--period must be a period such as 2024-Q1, 2024-H1, 2024-9M or 2024") }
        if !AgencyCode.isValid(agency) { throw ValidationError("--agency must be an agency code of [A-Z0-9-]{2,16}") }
        if accept == giveBack { throw ValidationError("give exactly one of --accept and --return") }
        if giveBack, (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--return needs --reason: the clerk must know what to fix")
        }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        let database = try global.openDatabase()
        let reviewer = by ?? (configuration.coordinators.contains("SNV") ? "SNV" : configuration.coordinators.first ?? "SNV")
        let today = configuration.zone.localDate(of: SystemClock().now())
        var data = JSONObject([("agency", .string(agency)), ("period", .string(period)), ("decision", .string(accept ? "accepted" : "returned"))])
        if giveBack, let reason { data.append("reason", .string(reason)) }
        let stamp = String(format: "%04d%02d%02d", today.year, today.month, today.day)
        let token = UUID().uuidString.lowercased().prefix(8)
        let event = JSONValue.object(
            JSONObject([
                ("id", .string("RV-\(stamp)-\(token)")), ("type", .string(EventType.reportReviewed.rawValue)),
                ("occurred_at", .string(today.description)), ("data", .object(data)),
            ]))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reformledger-review-\(token)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("xem-xet-\(agency)-\(period)-\(stamp)-\(token).ndjson")
        try AtomicFile.write(Array((JSONWriter.string(event) + "\n").utf8), to: path)
        let ingestor = FileIngestor(store: database, options: IngestOptions(configuration: configuration), clock: SystemClock())
        let outcome = try ingestor.ingest(path: path, folderAgency: reviewer)
        Terminal.print(OutcomeText.line(outcome, language: configuration.language))
        if outcome.status == .rejected { throw ExitStatus.inputRejected.exitCode }
    }
}
