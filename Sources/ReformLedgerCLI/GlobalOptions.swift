import ArgumentParser
import Foundation
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerStore

/// `--state-dir` and `--config`, taken by every command (CONTRACT §8).
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
        let environment = ProcessInfo.processInfo.environment
        for unknown in LedgerConfiguration.unknownEnvironmentNames(environment) {
            FileHandle.standardError.write(
                Data("reformledger: warning: \(unknown.name) is not a configuration variable and is ignored; did you mean \(unknown.closest)?\n".utf8))
        }
        do {
            return try LedgerConfiguration.load(fileContents: contents, environment: environment)
        } catch {
            // Name where the bad value is: the variable, or the file (only when there is one).
            let source = error.fromEnvironment ? "environment" : contents == nil ? "defaults" : path
            throw CommandFailure("invalid configuration (\(source)): \(error)")
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

    /// The key store of the state folder (`<state>/keys/`).
    var keys: CheckpointKeyStore { CheckpointKeyStore(folder: layout.keys) }

    /// The verifier key of the state folder, when it has one; a key file that cannot be
    /// read is a fault named with its path (exit 4), not "no key".
    func loadVerifier() throws -> NoteVerifier? {
        do {
            return try keys.loadVerifier()
        } catch {
            throw CommandFailure("\(error)", status: .unexpected)
        }
    }

    /// The signer of checkpoints, when the state folder has its key.
    func checkpointSigner(_ configuration: LedgerConfiguration) throws -> CheckpointSigner? {
        do {
            return try keys.load().map { CheckpointSigner(origin: configuration.logOrigin, signer: $0, witnessFile: keys.witnessPath) }
        } catch {
            throw CommandFailure("\(error)", status: .unexpected)
        }
    }
}
