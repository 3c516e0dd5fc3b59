import Foundation
import LedgerTestSupport
import Testing

/// The smaller defects of the reliability issue, each through the real binary.
struct SmallDefectTests {
    @Test func ingestFromInsideAnAgencyFolderTakesItsAgency() throws {
        let fixture = try CLIFixture()
        fixture.folder.write(
            "state/inbox/BST/plain.ndjson", #"{"id":"p1","type":"article.published","occurred_at":"2024-02-01","data":{"title":"Tin","channel":"zalo"}}"# + "\n"
        )
        for path in ["plain.ndjson", "./plain.ndjson", "../BST/plain.ndjson"] {
            let run = try ProcessRunner.shell("cd '\(fixture.inbox)/BST' && '\(RepositoryPaths.binary)' ingest \(path) --state-dir '\(fixture.state)'")
            #expect(run.status == 0, "\(path): \(run.stdout) \(run.stderr)")
        }
        #expect(try fixture.sql("SELECT agency FROM events WHERE id = 'p1'") == "BST")
    }

    @Test func aBadVariableIsBlamedOnTheEnvironmentNotOnAFileThatDoesNotExist() throws {
        let fixture = try CLIFixture()
        let run = try fixture.run(["status"], environment: ["REFORMLEDGER_GRACE_DAYS": "many"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("environment") && run.stderr.contains("REFORMLEDGER_GRACE_DAYS"), "\(run.stderr)")
        #expect(!run.stderr.contains("reformledger.json"), "\(run.stderr)")
    }

    @Test func aMisspeltVariableIsReportedWithTheClosestKey() throws {
        let fixture = try CLIFixture()
        let run = try fixture.run(["status"], environment: ["REFORMLEDGER_MAX_FILE_BYTE": "10"])
        #expect(run.status == 0)
        #expect(
            run.stderr.contains("REFORMLEDGER_MAX_FILE_BYTE is not a configuration variable") && run.stderr.contains("REFORMLEDGER_MAX_FILE_BYTES?"),
            "\(run.stderr)")
    }
}

/// The command line helps: help for every command exits 0 and shows examples.
struct HelpTests {
    static let commands = ["init", "ingest", "serve", "report", "replay", "events", "verify", "status", "rebuild", "backup", "checkpoint", "proof"]

    @Test(arguments: [["--help"], ["help"], [], ["-h"]])
    func theRootHelpPrintsAndExitsZero(_ arguments: [String]) throws {
        let run = try ProcessRunner.reformledger(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        #expect(run.stdout.contains("SUBCOMMANDS:") && run.stdout.contains("backup") && !run.stderr.contains("CommandError"))
    }

    @Test(arguments: commands)
    func everyCommandHasHelpWithExamples(_ command: String) throws {
        for arguments in [[command, "--help"], ["help", command]] {
            let run = try ProcessRunner.reformledger(arguments)
            #expect(
                run.status == 0 && run.stdout.contains("USAGE: reformledger \(command)") && run.stdout.contains("Examples:"),
                "\(arguments): \(run.stdout.prefix(200)) \(run.stderr)")
        }
    }

    @Test func versionAndCompletionScripts() throws {
        let version = try ProcessRunner.reformledger(["--version"])
        #expect(version.status == 0 && version.stdout.split(separator: ".").count == 3)
        for shell in ["bash", "zsh", "fish"] {
            let script = try ProcessRunner.reformledger(["--generate-completion-script", shell])
            #expect(script.status == 0 && script.stdout.contains("ingest") && script.stdout.contains("state-dir"), "\(shell)")
        }
    }

    @Test func aBadOptionIsAUsageError() throws {
        let run = try ProcessRunner.reformledger(["status", "--bogus"])
        #expect(run.status == 2 && run.stderr.contains("--bogus"))
    }
}
