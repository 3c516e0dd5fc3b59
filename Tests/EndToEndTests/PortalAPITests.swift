import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain

/// The portal's API driven as a script would: the real daemon with `--http`, real curl,
/// real multipart bodies; the folders and the log looked at afterwards.
@Suite(.serialized)
struct PortalAPITests {
    static let password = "mat-khau-rat-dai"

    /// A daemon with a clerk of BST, a coordinator and an auditor, listening on a free port.
    final class Portal {
        let fixture: CLIFixture
        let scratch = TemporaryDirectory("portal")
        let port = Int.random(in: 20_000...40_000)
        let daemon: DaemonProcess
        var base: String { "http://127.0.0.1:\(port)" }

        init(configuration: String? = nil) throws {
            fixture = try CLIFixture()
            if let configuration { try configuration.write(toFile: fixture.state + "/reformledger.json", atomically: true, encoding: .utf8) }
            for (login, agency, role) in [("lan.bst", "BST", "clerk"), ("snv", "SNV", "coordinator"), ("kt", "SNV", "auditor")] {
                let added = try ProcessRunner.run(
                    RepositoryPaths.binary,
                    ["user", "add", "--login", login, "--agency", agency, "--role", role, "--password-stdin", "--state-dir", fixture.state],
                    stdin: PortalAPITests.password + "\n")
                precondition(added.status == 0, added.stderr)
            }
            // READY=1 is sent only once the listener is bound.
            daemon = try DaemonProcess(state: fixture.state, scratch: scratch, arguments: ["--http", "127.0.0.1:\(port)"])
        }

        /// curl's body and status code.
        func curl(_ arguments: [String]) throws -> (status: Int, body: String, headers: String) {
            let headers = scratch.file("headers-\(UUID().uuidString.prefix(6))")
            let result = try ProcessRunner.run("/usr/bin/curl", ["-s", "-D", headers, "-w", "\n%{http_code}"] + arguments)
            var lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let status = Int(lines.popLast() ?? "") ?? -1
            return (status, lines.joined(separator: "\n"), (try? String(contentsOfFile: headers, encoding: .utf8)) ?? "")
        }

        func upload(
            _ text: String, name: String, agency: String, login: String = "lan.bst", password: String = PortalAPITests.password
        ) throws -> (
            status: Int, body: String, headers: String
        ) {
            let path = scratch.file(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return try curl(["-u", "\(login):\(password)", "-F", "file=@\(path)", "\(base)/api/v1/inbox/\(agency)"])
        }
    }

    static let good = #"{"id":"web-1","type":"article.published","occurred_at":"2024-02-10","data":{"title":"Bài viết gửi qua cổng","channel":"radio"}}"# + "\n"
    static let bad = #"{"id":"web-2","type":"article.published","occurred_at":"2024-02-10","data":{"title":"x","channel":"kênh lạ"}}"# + "\n"

    @Test func anUploadGetsTheInboxVerdictAndLandsWhereAFolderFileWould() throws {
        let portal = try Portal()
        let accepted = try portal.upload(Self.good, name: "bai-viet.ndjson", agency: "BST")
        #expect(accepted.status == 200, "\(accepted.body)")
        let entry = try portal.fixture.json(accepted.body)
        #expect(entry.objectValue?["file"]?.stringValue == "bai-viet.ndjson")
        #expect(entry.objectValue?["status"]?.stringValue == "accepted")
        #expect(entry.objectValue?["appended"] == .integer(1))
        let processed = try FileManager.default.subpathsOfDirectory(atPath: portal.fixture.state + "/processed/BST")
        #expect(processed.contains { $0.hasSuffix("/bai-viet.ndjson") })
        // Same provenance as the folder: the uploaded name, the agency of the URL.
        let events = try portal.fixture.run(["events", "--agency", "BST", "--json"])
        #expect(events.stdout.contains(#""source":{"file":"bai-viet.ndjson""#), "\(events.stdout.suffix(600))")

        let rejected = try portal.upload(Self.bad, name: "loi.ndjson", agency: "BST")
        #expect(rejected.status == 422)
        let errors = try portal.fixture.json(rejected.body).objectValue?["errors"]
        guard case .array(let list)? = errors, let first = list.first?.objectValue else {
            Issue.record("no errors in \(rejected.body)")
            return
        }
        #expect(first["code"]?.stringValue == "invalid_value")
        #expect(first["field"]?.stringValue == "data.channel")
        #expect(first["line"] == .integer(1))
        #expect(first["message"]?.stringValue?.contains("không hợp lệ") == true)
        #expect(FileManager.default.fileExists(atPath: portal.fixture.state + "/rejected/BST/loi.ndjson.errors.json"))

        // Idempotent: the same bytes again are all duplicates.
        let again = try portal.upload(Self.good, name: "bai-viet.ndjson", agency: "BST")
        #expect(again.status == 200)
        #expect(try portal.fixture.json(again.body).objectValue?["duplicates"] == .integer(1))
        // Nothing is left where uploads are staged and taken.
        #expect(portal.fixture.entries(under: "uploads").isEmpty, "\(portal.fixture.entries(under: "uploads"))")
    }

    @Test func credentialsAgencyAndRoleAreChecked() throws {
        let portal = try Portal()
        let anonymous = try portal.curl(["-F", "file=@/dev/null", "\(portal.base)/api/v1/inbox/BST"])
        #expect(anonymous.status == 401)
        #expect(anonymous.headers.lowercased().contains("www-authenticate: basic"))
        #expect(try portal.fixture.json(anonymous.body).objectValue?["error"]?.objectValue?["code"]?.stringValue == "authentication_required")

        let otherAgency = try portal.upload(Self.good, name: "x.ndjson", agency: "SNV")
        #expect(otherAgency.status == 403)
        #expect(otherAgency.body.contains("forbidden_agency"))
        let auditor = try portal.upload(Self.good, name: "x.ndjson", agency: "BST", login: "kt")
        #expect(auditor.status == 403)
        #expect(auditor.body.contains("read_only_role"))
        let unknown = try portal.upload(Self.good, name: "x.ndjson", agency: "KHONGCO", login: "snv")
        #expect(unknown.status == 404)
        // A coordinator sends for any agency.
        #expect(try portal.upload(Self.good, name: "tu-snv.ndjson", agency: "BST", login: "snv").status == 200)
        // Nothing refused reached a folder.
        #expect(!FileManager.default.fileExists(atPath: portal.fixture.state + "/rejected/SNV"))

        let status = try portal.curl(["-u", "kt:\(Self.password)", "\(portal.base)/api/v1/status"])
        #expect(status.status == 200)
        let cli = try portal.fixture.json(try portal.fixture.run(["status", "--json"]).stdout)
        #expect(try portal.fixture.json(status.body).objectValue?.keys == cli.objectValue?.keys)
        #expect(status.headers.contains("Content-Security-Policy: default-src 'none'"))

        let report = try portal.curl(["-u", "snv:\(Self.password)", "\(portal.base)/api/v1/reports/2024-Q1"])
        #expect(report.status == 200)
        #expect(try portal.fixture.json(report.body).objectValue?["period"]?.stringValue == "2024-Q1")
        #expect(try portal.curl(["-u", "snv:\(Self.password)", "\(portal.base)/api/v1/reports/2024-Q7"]).status == 404)

        let openAPI = try portal.curl(["\(portal.base)/api/v1/openapi.json"])
        let paths = try portal.fixture.json(openAPI.body).objectValue?["paths"]?.objectValue?.keys ?? []
        #expect(
            Set(paths) == [
                "/healthz", "/api/v1/openapi.json", "/api/v1/status", "/api/v1/reports/{period}", "/api/v1/inbox/{agency}", "/api/v1/events", "/metrics",
            ])
        #expect(try portal.curl(["\(portal.base)/healthz"]).status == 200)
        #expect(try portal.curl(["\(portal.base)/metrics"]).body.contains("reformledger_head_seq"))
        let events = try portal.curl(["-u", "kt:\(Self.password)", "\(portal.base)/api/v1/events?limit=3"])
        #expect(events.status == 200)
        guard case .array(let page)? = try portal.fixture.json(events.body).objectValue?["events"] else {
            Issue.record("no events in \(events.body)")
            return
        }
        #expect(page.count == 3)
    }

    @Test func afterFiveFailuresALoginWaitsEvenWithTheRightPassword() throws {
        let portal = try Portal()
        for _ in 1...5 {
            #expect(try portal.curl(["-u", "lan.bst:sai-mat-khau-123", "\(portal.base)/api/v1/status"]).status == 401)
        }
        let throttled = try portal.curl(["-u", "lan.bst:\(Self.password)", "\(portal.base)/api/v1/status"])
        #expect(throttled.status == 429)
        #expect(throttled.headers.lowercased().contains("retry-after:"))
        // Another login is not held up by it.
        #expect(try portal.curl(["-u", "snv:\(Self.password)", "\(portal.base)/api/v1/status"]).status == 200)
        #expect(portal.daemon.log.contains("sign-in failed"))
    }

    @Test func anUploadOverTheLimitIsRefusedBeforeItsBodyIsRead() throws {
        let portal = try Portal(configuration: #"{"max_file_bytes": 2048}"#)
        let big = String(repeating: "x", count: 64 * 1024)
        let refused = try portal.upload(big, name: "to.ndjson", agency: "BST")
        #expect(refused.status == 413)
        #expect(refused.body.contains("payload_too_large"))
        let hidden = try portal.upload(Self.good, name: ".an.ndjson", agency: "BST")
        #expect(hidden.status == 400)
        #expect(hidden.body.contains("invalid_upload_name"))
        // A traversal in the sent name keeps only its last component.
        let path = portal.scratch.file("plain.ndjson")
        try Self.good.write(toFile: path, atomically: true, encoding: .utf8)
        let traversal = try portal.curl([
            "-u", "lan.bst:\(Self.password)", "-F", "file=@\(path);filename=../../escape.ndjson", "\(portal.base)/api/v1/inbox/BST",
        ])
        #expect(traversal.status == 200, "\(traversal.body)")
        #expect(try portal.fixture.json(traversal.body).objectValue?["file"]?.stringValue == "escape.ndjson")
        #expect(!FileManager.default.fileExists(atPath: portal.fixture.state + "/escape.ndjson"))
    }

    @Test func theUserCommandRefusesBadInputAndADisabledAccountIsOut() throws {
        let portal = try Portal()
        func add(_ login: String, agency: String = "BST", role: String = "clerk", password: String = PortalAPITests.password) throws -> ProcessResult {
            try ProcessRunner.run(
                RepositoryPaths.binary,
                ["user", "add", "--login", login, "--agency", agency, "--role", role, "--password-stdin", "--state-dir", portal.fixture.state],
                stdin: password + "\n")
        }
        for (result, words) in [
            (try add("ngan", password: "ngan"), "10 to 72 bytes"), (try add("lan.bst"), "exists"),
            (try add("x2", agency: "KHONGCO"), "no agency KHONGCO"), (try add("x3", role: "boss"), "--role"),
            (try add("Sai Ten"), "a login is"),
        ] {
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains(words), "\(result.stderr)")
        }
        #expect(try portal.fixture.run(["user", "disable", "--login", "khongco"]).status == 2)
        let listed = try portal.fixture.run(["user", "list", "--json"])
        #expect(listed.status == 0)
        #expect(!listed.stdout.contains("$2"), "no hash is ever printed")
        #expect(try portal.fixture.run(["user", "disable", "--login", "lan.bst"]).status == 0)
        // The running daemon sees the change at the next request.
        #expect(try portal.curl(["-u", "lan.bst:\(Self.password)", "\(portal.base)/api/v1/status"]).status == 401)
        let mode = try FileManager.default.attributesOfItem(atPath: portal.fixture.state + "/accounts.json")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aTakenPortIsRetriedWhileTheInboxGoesOn() throws {
        let first = try Portal()
        let second = try CLIFixture()
        let scratch = TemporaryDirectory("portal-second")
        // Not ready (the port is the first daemon's), but ingesting.
        let daemon = try DaemonProcess(state: second.state, scratch: scratch, arguments: ["--http", "127.0.0.1:\(first.port)"], waitForReady: false)
        dropFile(Self.good, into: second.state + "/inbox/BST", name: "thu-muc.ndjson")
        let moved = waitUntil(timeout: 20) {
            ((try? FileManager.default.subpathsOfDirectory(atPath: second.state + "/processed/BST")) ?? []).contains { $0.hasSuffix("thu-muc.ndjson") }
        }
        #expect(moved != nil, "\(daemon.log)")
        #expect(waitUntil(timeout: 10) { daemon.log.contains("the portal cannot listen; trying again") } != nil)
        #expect(daemon.process.isRunning)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 15) == 0)
    }
}
