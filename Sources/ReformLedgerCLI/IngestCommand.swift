import ArgumentParser
import Foundation
import LedgerDomain
import LedgerIngest
import LedgerStore

/// `ingest [--agency CODE] [--json] FILE…`: the rules of CONTRACT §6, without moving files.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Validate and append event files (all or nothing per file); files are not moved.",
        discussion: """
            Examples:
              reformledger ingest inbox/BST/q1.ndjson
              reformledger ingest --agency BST --json bao-cao.csv
              reformledger ingest --agency UBND-TD mau-bao-cao.xlsx
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The agency the files speak for (default: each file's parent folder name).")
    var agency: String?

    @Flag(name: .long, help: "Print {\"files\":[…]} as JSON.")
    var json = false

    @Argument(help: "Event files (.json, .ndjson, .jsonl, .csv, .tsv, .xlsx).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file") }
        if let agency, !AgencyCode.isValid(agency) { throw ValidationError("--agency must be an agency code of [A-Z0-9-]{2,16}") }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        let database = try global.openDatabase()
        let options = IngestOptions(configuration: configuration)
        let ingestor = FileIngestor(store: database, options: options, clock: SystemClock())
        var outcomes: [FileOutcome] = []
        for path in files {
            let outcome = try ingestor.ingest(path: path, folderAgency: agency ?? Self.folderAgency(of: path)) { count in
                Terminal.progress("\(path): \(count) events read")
            }
            Terminal.endProgress()
            outcomes.append(outcome)
            if !json { Terminal.print(OutcomeText.line(outcome, language: configuration.language)) }
        }
        if json {
            Terminal.print(JSONWriter.string(.object(["files": .array(outcomes.map { $0.summary(language: configuration.language) })]), pretty: true))
        }
        if FileManager.default.fileExists(atPath: global.layout.inbox) { try global.layout.createInboxFolders(for: try ingestor.currentRegistry()) }
        if outcomes.contains(where: { $0.status == .rejected }) { throw ExitStatus.inputRejected.exitCode }
    }

    /// The parent folder's name when it looks like an agency code; otherwise each event
    /// must name its agency.
    static func folderAgency(of path: String) -> String? {
        // Resolved, so that `cd inbox/BST && reformledger ingest plain.ndjson` (or `./x`,
        // `../BST/x`) names the folder the file is really in.
        let absolute = (path as NSString).isAbsolutePath ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        let folder = ((absolute as NSString).deletingLastPathComponent as NSString).resolvingSymlinksInPath
        let parent = (((folder as NSString).standardizingPath) as NSString).lastPathComponent
        return AgencyCode.isValid(parent) ? parent : nil
    }
}
