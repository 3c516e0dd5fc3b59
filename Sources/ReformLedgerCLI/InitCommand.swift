import ArgumentParser
import LedgerDomain
import LedgerIngest
import LedgerStore

/// `init [--with-plan soc-trang-2024]`: creates what is missing and loads a bundled plan.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the state folder, database and agency inboxes; optionally load a bundled plan.",
        discussion: "Examples:\n  reformledger init --state-dir /var/lib/reformledger --with-plan soc-trang-2024")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Load a bundled plan (\(BundledPlan.available.joined(separator: ", "))).")
    var withPlan: String?

    func validate() throws {
        if let withPlan, !BundledPlan.available.contains(withPlan) {
            throw ValidationError("unknown plan “\(withPlan)”; available: \(BundledPlan.available.joined(separator: ", "))")
        }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        let layout = global.layout
        try layout.createFolders()
        let database = try LedgerDatabase(path: layout.database, create: true)
        let options = IngestOptions(configuration: configuration)
        var rejected = false
        let ingestor = FileIngestor(store: database, options: options, clock: SystemClock())
        if let withPlan {
            for path in try BundledPlan.files(named: withPlan) {
                var outcome = try ingestor.ingest(path: path, folderAgency: nil)
                outcome.path = "\(withPlan)/\(outcome.fileName)"
                Terminal.print(OutcomeText.line(outcome, language: configuration.language))
                rejected = rejected || outcome.status == .rejected
            }
        }
        let registry = try ingestor.currentRegistry()
        try layout.createInboxFolders(for: registry)
        let head = try database.head()
        Terminal.print(
            "Initialised \(layout.root): \(head.seq) events, \(registry.agencies.count) agencies, \(registry.tasks.count) tasks; inboxes in \(layout.inbox)")
        let key: (signer: NoteSigner, created: Bool)
        do {
            key = try global.keys.loadOrCreate(name: configuration.logOrigin)
        } catch {
            throw CommandFailure("\(error)", status: .unexpected)
        }
        Terminal.print(
            "\(key.created ? "Created" : "Kept") the checkpoint signing key \(global.keys.privateKeyPath) (back it up; never share it); verifier key: \(key.signer.verifier.encoded)"
        )
        if rejected { throw ExitStatus.inputRejected.exitCode }
    }
}
