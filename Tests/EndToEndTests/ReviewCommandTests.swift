import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain

/// `reformledger review`: a return needs its reason (usage error 2, nothing recorded); a
/// decision is SNV's event in the log with a file name as provenance, and the report says it.
struct ReviewCommandTests {
    @Test func aReturnNeedsAReasonAndADecisionReachesTheReport() throws {
        let fixture = try CLIFixture()
        let report = fixture.folder.write("bc.ndjson", #"{"id":"BC1","type":"report.submitted","occurred_at":"2024-03-10","data":{"period":"2024-Q1"}}"#)
        #expect(try fixture.run(["ingest", "--agency", "BST", report]).status == 0)
        let noReason = try fixture.run(["review", "--period", "2024-Q1", "--agency", "BST", "--return"])
        #expect(noReason.status == 2 && noReason.stderr.contains("--reason"), "\(noReason.stderr)")
        let both = try fixture.run(["review", "--period", "2024-Q1", "--agency", "BST", "--accept", "--return", "--reason", "x"])
        #expect(both.status == 2)
        #expect(try fixture.json(try fixture.run(["events", "--type", "report.reviewed", "--json"]).stdout).arrayValue?.isEmpty == true)

        let returned = try fixture.run(["review", "--period", "2024-Q1", "--agency", "BST", "--return", "--reason", "Thiếu số liệu tập huấn"])
        #expect(returned.status == 0, "\(returned.stdout) \(returned.stderr)")
        let events = try fixture.json(try fixture.run(["events", "--type", "report.reviewed", "--json"]).stdout).arrayValue ?? []
        let event = try #require(events.first?.objectValue)
        #expect(event["agency"] == .string("SNV"))
        #expect(event["source"]?.objectValue?["file"]?.stringValue?.hasPrefix("xem-xet-BST-2024-Q1-") == true)
        var json = try fixture.json(try fixture.run(["report", "--period", "2024-Q1", "--format", "json"]).stdout)
        var bst = json.objectValue?["agencies"]?.arrayValue?.compactMap { $0.objectValue }.first { $0["code"] == .string("BST") }
        #expect(bst?["review"] == .string("returned") && bst?["review_reason"] == .string("Thiếu số liệu tập huấn"))
        #expect(json.objectValue?["completeness"]?.objectValue?["returned"] == .integer(1))

        let unknown = try fixture.run(["review", "--period", "2024-Q1", "--agency", "KHONGCO", "--accept"])
        #expect(unknown.status == 1, "an unknown agency is refused by the inbox rules: \(unknown.stdout)")
        #expect(try fixture.run(["review", "--period", "2024-Q1", "--agency", "BST", "--accept"]).status == 0)
        json = try fixture.json(try fixture.run(["report", "--period", "2024-Q1", "--format", "json"]).stdout)
        bst = json.objectValue?["agencies"]?.arrayValue?.compactMap { $0.objectValue }.first { $0["code"] == .string("BST") }
        #expect(bst?["review"] == .string("accepted") && bst?["review_reason"] == .null)
    }
}
