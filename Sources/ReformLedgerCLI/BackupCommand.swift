import ArgumentParser
import Foundation
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerReports
import LedgerStore

/// `backup DEST`: a consistent copy of the ledger (SQLite's online backup API, safe while
/// the daemon runs), the issued report files and the configuration, then `verify` of the
/// copy. DEST is a new folder laid out like a state folder, so `verify --state-dir DEST`
/// and a restore (copy it back) need nothing else.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the ledger, the issued reports and the configuration into a new folder, then verify the copy.",
        discussion: """
            Safe while `serve` runs: the ledger is copied through SQLite's backup API as of one instant.

            Examples:
              reformledger backup /backup/reformledger-2025-01-10 --state-dir /var/lib/reformledger
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A folder that does not exist yet (or is empty).")
    var destination: String

    func run() throws {
        _ = try global.loadConfiguration()
        let source = try global.openDatabase()
        let manager = FileManager.default
        // A copy inside the folder it copies (`reports/` say) would copy itself into itself.
        let state = Self.resolved(global.layout.root), resolvedDestination = Self.resolved(destination)
        if resolvedDestination == state || resolvedDestination.hasPrefix(state.hasSuffix("/") ? state : state + "/") {
            throw CommandFailure("\(destination) is inside the state folder \(global.layout.root); a backup goes outside it")
        }
        if manager.fileExists(atPath: destination), !((try? manager.contentsOfDirectory(atPath: destination))?.isEmpty ?? false) {
            throw CommandFailure("\(destination) is not empty; a backup goes into a new folder")
        }
        let target = StateLayout(root: destination)
        do {
            try manager.createDirectory(atPath: destination, withIntermediateDirectories: true)
            try source.backup(to: target.database) { done, total in Terminal.progress("ledger: \(done) of \(total) pages") }
            Terminal.endProgress()
            // Reports after the ledger: every file its report.generated names already exists.
            if manager.fileExists(atPath: global.layout.reports) { try manager.copyItem(atPath: global.layout.reports, toPath: target.reports) }
            // The verifier key only: a backup may be handed to an auditor, and the signing
            // key is backed up apart from it (README "Checkpoints").
            let verifier = CheckpointKeyStore(folder: global.layout.keys).publicKeyPath
            if manager.fileExists(atPath: verifier) {
                try manager.createDirectory(atPath: target.keys, withIntermediateDirectories: true)
                try manager.copyItem(atPath: verifier, toPath: CheckpointKeyStore(folder: target.keys).publicKeyPath)
            }
            if manager.fileExists(atPath: global.layout.defaultConfiguration) {
                try manager.copyItem(atPath: global.layout.defaultConfiguration, toPath: target.defaultConfiguration)
            }
            // The centre's cosignatures (CONTRACT §13): an edition reproduced from the copy
            // prints the same witnessed checkpoint, and an auditor can check them.
            if manager.fileExists(atPath: global.layout.witnessed) { try manager.copyItem(atPath: global.layout.witnessed, toPath: target.witnessed) }
            if manager.fileExists(atPath: global.layout.cosignedCheckpoint) {
                try manager.copyItem(atPath: global.layout.cosignedCheckpoint, toPath: target.cosignedCheckpoint)
            }
        } catch {
            throw CommandFailure("the backup into \(destination) failed: \(error)", status: .unexpected)
        }
        Terminal.print("backup written to \(destination); verifying the copy:")
        try VerifyCommand.verify(target, json: false)
    }

    /// The absolute path with every link resolved: of the nearest existing ancestor, with
    /// the missing rest appended.
    static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = (absolute as NSString).standardizingPath
        var rest: [String] = []
        while !existing.isEmpty, existing != "/", realpath(existing, nil) == nil {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        var base = existing
        if let real = realpath(existing, nil) {
            base = String(cString: real)
            free(real)
        }
        return rest.reduce(base) { ($0 as NSString).appendingPathComponent($1) }
    }
}
