import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain

struct CommandLineTests {
    @Test func initCreatesFoldersLoadsThePlanAndIsIdempotent() throws {
        let fixture = try CLIFixture()
        for folder in ["inbox/SNV", "inbox/UBND", "inbox/BST", "inbox/UBND-TD", "processed", "rejected", "reports"] {
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: fixture.state + "/" + folder, isDirectory: &isDirectory) && isDirectory.boolValue, "\(folder)")
        }
        let again = try fixture.run(["init", "--with-plan", "soc-trang-2024"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("49 events, 31 agencies, 12 tasks"))
        let status = try fixture.json(try fixture.run(["status", "--json"]).stdout)
        #expect(status.objectValue?["events"] == .integer(49))
    }

    @Test func ingestPrintsTheContractsJSONAndExitsOneOnRejection() throws {
        let fixture = try CLIFixture()
        let good = fixture.folder.write(
            "drop/BST/good.ndjson", #"{"id":"a1","type":"article.published","occurred_at":"2024-01-10","data":{"title":"T","channel":"zalo"}}"#)
        let bad = fixture.folder.write("drop/BST/bad.json", #"[{"id":"b1","type":"article.published","occurred_at":"2024-01-10","data":{"channel":"tv"}}]"#)
        let result = try fixture.run(["ingest", "--json", good, bad], environment: ["REFORMLEDGER_LANGUAGE": "en"])
        #expect(result.status == 1)
        let files = try #require(try fixture.json(result.stdout).objectValue?["files"])
        guard case .array(let entries) = files, entries.count == 2 else {
            Issue.record("two entries expected")
            return
        }
        let first = try #require(entries[0].objectValue), second = try #require(entries[1].objectValue)
        #expect(first.keys == ["file", "status", "appended", "duplicates", "errors"])
        #expect(first["status"] == .string("accepted") && first["appended"] == .integer(1))
        #expect(second["status"] == .string("rejected") && second["appended"] == .integer(0))
        guard case .array(let errors)? = second["errors"], let error = errors.first?.objectValue else {
            Issue.record("errors expected")
            return
        }
        #expect(error.keys == ["line", "field", "code", "message"])
        #expect(errors.compactMap { $0.objectValue?["field"]?.stringValue }.sorted() == ["data.channel", "data.title"])
        #expect(error["message"]?.stringValue?.contains("invalid") == true || error["message"]?.stringValue?.contains("missing") == true)
        // Accepted again: the good file is now all duplicates, and a clean run exits 0.
        let rerun = try fixture.run(["ingest", good])
        #expect(rerun.status == 0 && rerun.stdout.contains("duplicates=1"))
    }

    @Test func messagesAreVietnameseByDefault() throws {
        let fixture = try CLIFixture()
        let bad = fixture.folder.write("drop/BST/bad.json", #"{"id":"b1","type":"article.published","occurred_at":"2024-01-10","data":{"channel":"zalo"}}"#)
        let result = try fixture.run(["ingest", bad])
        #expect(result.status == 1 && result.stdout.contains("Thiếu trường bắt buộc “data.title”"))
    }

    @Test(arguments: [
        ["ingest"], ["frobnicate"], ["events", "--since", "2024-13-01"], ["ingest", "--agency", "bst", "x.json"],
        ["events", "--type", "article.deleted"], ["init", "--with-plan", "hanoi-2030"], ["status", "--bogus"],
        ["report", "--period", "2024-Q1", "--through-seq", "-1"], ["replay", "--through-seq", "-3"],
    ])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let fixture = try CLIFixture(withPlan: false)
        let result = try fixture.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
    }

    @Test func aPathThatDoesNotExistIsRejectedSayingWhy() throws {
        let fixture = try CLIFixture()
        let result = try fixture.run(["ingest", fixture.folder.file("drop/BST/missing.json")], environment: ["REFORMLEDGER_LANGUAGE": "en"])
        #expect(result.status == 1 && result.stdout.contains("the file cannot be read (No such file or directory)"))
    }

    @Test func anUninitialisedStateFolderIsAUsageError() throws {
        let folder = TemporaryDirectory("cli-empty")
        let result = try ProcessRunner.reformledger(["status", "--state-dir", folder.file("nothing")])
        #expect(result.status == 2 && result.stderr.contains("reformledger init"))
    }

    @Test func stateFolderAndSettingsComeFromTheEnvironment() throws {
        let fixture = try CLIFixture()
        let file = fixture.folder.write(
            "drop/BST/a.ndjson", #"{"id":"a1","type":"article.published","occurred_at":"2024-01-10","data":{"title":"Một tin khá dài","channel":"zalo"}}"#)
        let result = try ProcessRunner.reformledger(
            ["ingest", "--json", file],
            environment: ["REFORMLEDGER_STATE_DIR": fixture.state, "REFORMLEDGER_MAX_FILE_BYTES": "50"])
        #expect(result.status == 1 && result.stdout.contains("too_large"))
        let badConfig = try ProcessRunner.reformledger(["status"], environment: ["REFORMLEDGER_STATE_DIR": fixture.state, "REFORMLEDGER_PERIODS": "lunar"])
        #expect(badConfig.status == 2 && badConfig.stderr.contains("periods"))
    }

    @Test func eventsShowsCorrectionsRetractionsAndProvenance() throws {
        let fixture = try CLIFixture()
        let file = fixture.folder.write(
            "drop/DPTTH/q1.ndjson",
            [
                #"{"id":"v1","type":"article.published","occurred_at":"2024-01-10","data":{"title":"Video","channel":"youtube"}}"#,
                #"{"id":"v2","type":"article.published","corrects":"v1","occurred_at":"2024-01-11","data":{"title":"Video (sửa)","channel":"youtube"}}"#,
                #"{"id":"v3","type":"event.retracted","occurred_at":"2024-01-12","data":{"event":"v2","reason":"nhầm"}}"#,
            ].joined(separator: "\n"))
        #expect(try fixture.run(["ingest", file]).status == 0)
        let listing = try fixture.run(["events", "--agency", "DPTTH", "--json"])
        guard case .array(let events) = try fixture.json(listing.stdout) else {
            Issue.record("a JSON array expected")
            return
        }
        #expect(events.count == 3)
        let v1 = try #require(events[0].objectValue), v2 = try #require(events[1].objectValue)
        #expect(v1["corrected_by"] == .array([.string("v2")]))
        #expect(v2["corrects"] == .string("v1") && v2["retracted_by"] == .string("v3"))
        #expect(v1["source"]?.objectValue?["file"] == .string("q1.ndjson") && v1["source"]?.objectValue?["line"] == .integer(1))
        let since = try fixture.run(["events", "--agency", "DPTTH", "--since", "11/01/2024"])
        #expect(since.stdout.split(separator: "\n").count == 2)
    }
}
