import ArgumentParser
import Foundation
import LedgerDomain
import LedgerIngest
import LedgerStore

/// `--state-dir` and `--config`, taken by every command (SPEC §8).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "State folder (default: $REFORMLEDGER_STATE_DIR, else ./reformledger-data).")
    var stateDir: String?

    @Option(name: .long, help: "Configuration file (default: <state>/reformledger.json when present).")
    var config: String?

    var layout: StateLayout {
        StateLayout(root: stateDir ?? ProcessInfo.processInfo.environment["REFORMLEDGER_STATE_DIR"] ?? "reformledger-data")
    }

    /// The configuration file (if any) with environment overrides applied.
    func loadConfiguration() throws -> LedgerConfiguration {
        let path = config ?? layout.defaultConfiguration
        var contents: [UInt8]?
        if FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure("cannot read the configuration file \(path)")
            }
            contents = Array(data)
        } else if config != nil {
            throw CommandFailure("the configuration file \(path) does not exist")
        }
        do {
            return try LedgerConfiguration.load(fileContents: contents, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CommandFailure("invalid configuration (\(path)): \(error)")
        }
    }

    /// Opens the ledger of an initialised state folder.
    func openDatabase() throws -> LedgerDatabase {
        do {
            return try LedgerDatabase(path: layout.database)
        } catch let error as StoreError where error.code == .notInitialised {
            throw CommandFailure("\(layout.root) is not initialised; run `reformledger init --state-dir \(layout.root)` first")
        }
    }
}
