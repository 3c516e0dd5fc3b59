import Foundation
import LedgerTestSupport
import Testing

/// The report schedule at fixed `--now` instants (CONTRACT §7.3, §12).
@Suite(.serialized)
struct ScheduleTests {
    func serveOnce(_ fixture: CLIFixture, now: String) throws -> ProcessResult {
        let result = try fixture.run(["serve", "--once", "--now", now])
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    func drop(_ fixture: CLIFixture, _ line: String, agency: String = "BST", name: String) {
        fixture.folder.write("state/inbox/\(agency)/\(name)", line + "\n")
    }

    static func article(_ id: String, _ date: String) -> String {
        #"{"id":"\#(id)","type":"article.published","occurred_at":"\#(date)","data":{"title":"Tin \#(id)","channel":"website"}}"#
    }

    @Test func editionOneAtCloseAndGraceThenARevisionForALateEvent() throws {
        let fixture = try CLIFixture()
        drop(fixture, Self.article("a1", "2024-03-10"), name: "a1.ndjson")
        _ = try serveOnce(fixture, now: "2024-03-17T00:59:00+07:00")
        #expect(fixture.entries(under: "reports").isEmpty, "nothing before 01:00 on the third day after 14 March")

        _ = try serveOnce(fixture, now: "2024-03-17T01:00:00+07:00")
        let formats = ["csv", "docx", "html", "json", "md"]
        #expect(consolidated(fixture) == formats.map { "2024-Q1/consolidated-2024-Q1-e1.\($0)" })
        // Every agency but the coordinators (UBND, SNV) gets its own report, docx and html.
        let agencies = fixture.entries(under: "reports/2024-Q1/agencies")
        #expect(agencies.count == 29 * 2 && agencies.contains("BST-e1.docx") && agencies.contains("BST-e1.html"))
        #expect(!agencies.contains { $0.hasPrefix("SNV-") || $0.hasPrefix("UBND-e") })
        let own = try String(contentsOfFile: fixture.state + "/reports/2024-Q1/agencies/BST-e1.html", encoding: .utf8)
        #expect(own.contains("Báo Sóc Trăng") && own.contains("Kết quả đạt được"))
        let first = try String(contentsOfFile: fixture.state + "/reports/2024-Q1/consolidated-2024-Q1-e1.json", encoding: .utf8)
        #expect(first.contains(#""edition": 1"#) && first.contains(#""articles": 1"#))

        // A late event the same day waits for the next daily check; nothing else is due.
        drop(fixture, Self.article("a2", "2024-03-11"), name: "a2.ndjson")
        _ = try serveOnce(fixture, now: "2024-03-17T09:00:00+07:00")
        #expect(consolidated(fixture).count == 5)
        _ = try serveOnce(fixture, now: "2024-03-18T01:00:00+07:00")
        #expect(
            consolidated(fixture) == formats.map { "2024-Q1/consolidated-2024-Q1-e1.\($0)" }
                + formats.map { "2024-Q1/consolidated-2024-Q1-e2.\($0)" })
        #expect(try String(contentsOfFile: fixture.state + "/reports/2024-Q1/consolidated-2024-Q1-e1.json", encoding: .utf8) == first)
        let second = try String(contentsOfFile: fixture.state + "/reports/2024-Q1/consolidated-2024-Q1-e2.json", encoding: .utf8)
        #expect(second.contains(#""edition": 2"#) && second.contains(#""articles": 2"#))
        // No new events: no third edition the day after.
        _ = try serveOnce(fixture, now: "2024-03-19T01:00:00+07:00")
        #expect(consolidated(fixture).count == 10)
        #expect(fixture.entries(under: "reports/2024-Q1/agencies").count == 2 * 29 * 2)
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE type = 'report.generated' AND agency = 'SYSTEM'") == "2")
        #expect(try fixture.run(["verify"]).status == 0)
    }

    @Test func aDaemonDownFromMarchToDecemberCatchesUpEveryClosedPeriodOnce() throws {
        let fixture = try CLIFixture()
        drop(fixture, Self.article("m1", "2024-03-01"), name: "march.ndjson")
        _ = try serveOnce(fixture, now: "2024-03-05T10:00:00+07:00")
        #expect(fixture.entries(under: "reports").isEmpty)
        let december = try serveOnce(fixture, now: "2024-12-20T10:00:00+07:00")
        let folders = Set(fixture.entries(under: "reports").map { String($0.split(separator: "/")[0]) })
        #expect(folders == ["2024-Q1", "2024-Q2", "2024-H1", "2024-Q3", "2024-9M", "2024-Q4", "2024"])
        #expect(fixture.entries(under: "reports").allSatisfy { $0.contains("-e1.") })
        #expect(december.stderr.components(separatedBy: "report issued").count - 1 == 7)
        _ = try serveOnce(fixture, now: "2024-12-21T10:00:00+07:00")
        #expect(consolidated(fixture).count == 35)
    }

    @Test func anAuditorReproducesAnEditionByteForByteAndVerifyCatchesAnAlteredFile() throws {
        let fixture = try CLIFixture()
        drop(fixture, Self.article("a1", "2024-02-01"), name: "a1.ndjson")
        _ = try serveOnce(fixture, now: "2024-03-17T01:00:00+07:00")
        let issued = try fixture.json(try fixture.run(["events", "--type", "report.generated", "--json"]).stdout)
        guard case .array(let events) = issued, let data = events.first?.objectValue?["data"]?.objectValue,
            case .integer(let through)? = data["through_seq"]
        else {
            Issue.record("report.generated expected")
            return
        }
        // Later events must not change the reproduction.
        drop(fixture, Self.article("a2", "2024-02-02"), name: "a2.ndjson")
        _ = try serveOnce(fixture, now: "2024-03-17T02:00:00+07:00")
        let out = fixture.folder.file("audit")
        let reproduce = try fixture.run([
            "report", "--period", "2024-Q1", "--through-seq", String(through), "--edition", "1",
            "--format", "json,md,html,csv,docx", "--out", out,
        ])
        #expect(reproduce.status == 0, "\(reproduce.stderr)")
        for ext in ["json", "md", "html", "csv", "docx"] {
            let original = FileManager.default.contents(atPath: fixture.state + "/reports/2024-Q1/consolidated-2024-Q1-e1.\(ext)")
            let again = FileManager.default.contents(atPath: out + "/consolidated-2024-Q1-e1.\(ext)")
            #expect(original != nil && original == again, "\(ext) not reproduced")
        }
        #expect(try fixture.run(["verify"]).status == 0)
        fixture.folder.write("state/reports/2024-Q1/consolidated-2024-Q1-e1.md", "# altered\n")
        let verify = try fixture.run(["verify"])
        #expect(verify.status == 3 && verify.stdout.contains("2024-Q1/consolidated-2024-Q1-e1.md"))
    }

    @Test func reportCommandUsageAndOutputs() throws {
        let fixture = try CLIFixture()
        #expect(try fixture.run(["report", "--period", "2024-Q5"]).status == 2)
        #expect(try fixture.run(["report", "--period", "2024-Q1", "--format", "json,md"]).status == 2)
        #expect(try fixture.run(["report", "--period", "2024-Q1", "--through-seq", "999"]).status == 2)
        let json = try fixture.run(["report", "--period", "2024-Q1"])
        #expect(json.status == 0 && json.stdout.contains(#""edition": null"#) && json.stdout.contains(#""through_seq": 49"#))
        let english = try fixture.run(["report", "--period", "2024-Q1", "--format", "md"], environment: ["REFORMLEDGER_LANGUAGE": "en"])
        #expect(english.stdout.contains("# Report on administrative-reform communication — Q1 2024"))
        let replay = try fixture.run(["replay", "--as-of", "2000-01-01T00:00:00Z"])
        #expect(replay.status == 0 && replay.stdout.contains(#""through_seq": 0"#))
        // One agency's own report: printed, written, refused for an unknown agency or as CSV.
        let own = try fixture.run(["report", "--period", "2024-Q1", "--agency", "BST", "--format", "md"])
        #expect(own.status == 0 && own.stdout.contains("# Báo cáo của cơ quan, đơn vị: Báo Sóc Trăng — quý I năm 2024"))
        #expect(own.stdout.contains("Báo cáo kỳ (hạn 17/03/2024): Chưa gửi") && own.stdout.contains("### Đề xuất, kiến nghị"))
        #expect(try fixture.run(["report", "--period", "2024-Q1", "--agency", "NOPE"]).status == 2)
        #expect(try fixture.run(["report", "--period", "2024-Q1", "--agency", "BST", "--format", "csv"]).status == 2)
        let written = try fixture.run(["report", "--period", "2024-Q1", "--agency", "BST", "--format", "docx,json", "--out", fixture.state + "/own"])
        #expect(written.status == 0 && fixture.entries(under: "own") == ["BST-2024-Q1.docx", "BST-2024-Q1.json"])
        let issue = try fixture.run(["report", "--period", "2024-Q1", "--issue"])
        #expect(issue.status == 0 && consolidated(fixture).count == 5)
    }

    /// The consolidated files under `reports/` (each edition's agency reports sit beside them).
    private func consolidated(_ fixture: CLIFixture) -> [String] {
        fixture.entries(under: "reports").filter { !$0.contains("/agencies/") }
    }
}
