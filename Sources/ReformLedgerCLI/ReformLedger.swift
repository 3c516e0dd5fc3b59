import ArgumentParser
import Foundation

/// `reformledger`: the system of record of the administrative-reform communication plan.
@main
struct ReformLedger: AsyncParsableCommand {
    /// The release, printed by `--version`.
    static let version = "1.1.0"

    static let configuration = CommandConfiguration(
        commandName: "reformledger",
        abstract: "The event log, reports and audit trail of the administrative-reform communication plan.",
        discussion: """
            Agencies drop event files into <state>/inbox/<AGENCY>/; `serve` ingests them into a hash-chained SQLite log and writes the consolidated reports on schedule. Exit status: 0 success, 1 input rejected, 2 usage error, 3 verification failed, 4 a fault of the machine.

            Examples:
              reformledger init --with-plan soc-trang-2024 --state-dir st
              reformledger serve --state-dir st
              reformledger report --period 2024-Q1 --format html --out out/
              reformledger verify --state-dir /backup/reformledger
              reformledger --generate-completion-script bash
            """,
        version: ReformLedger.version,
        subcommands: [
            InitCommand.self, IngestCommand.self, ServeCommand.self, ReportCommand.self, ReplayCommand.self, EventsCommand.self,
            VerifyCommand.self, StatusCommand.self, RebuildCommand.self, BackupCommand.self, CheckpointCommand.self, ProofCommand.self,
            TemplateCommand.self, UserCommand.self, PlanCommand.self, ReviewCommand.self, PushCommand.self, CentralCommand.self,
        ]
    )

    /// Maps outcomes to the exit statuses of CONTRACT §8: 0 success, 1 input rejected,
    /// 2 usage error, 3 verification failed.
    static func main() async {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data(("reformledger: " + failure.message + "\n").utf8))
            Foundation.exit(failure.status.rawValue)
        } catch let error as ValidationError {
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        } catch  where exitCode(for: error) == .success {
            // `help`, `--help` and a bare `reformledger` arrive here as the parser's own
            // clean exits: it prints the help and exits 0.
            exit(withError: error)
        } catch {
            // Not the user's input (that is 1) but a fault of the machine or a defect.
            FileHandle.standardError.write(Data("reformledger: \(error)\n".utf8))
            Foundation.exit(ExitStatus.unexpected.rawValue)
        }
    }
}
