import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain

/// Two plan years on one log, as SNV lives them: the bundled 2024 plan and its year's work;
/// the 2025 plan written in SNV's plan workbook (filled by openpyxl, saved again by
/// LibreOffice as Excel would) and dropped into SNV's inbox, with 2025 targets with and
/// without the plan, a commune registered, a district re-attached as a commune, and the
/// other district committees dissolved on 2025-07-01; then 2025's work.
struct TwoPlanYearsTests {
    static let dissolved = ["UBND-TPST", "UBND-VC", "UBND-NN", "UBND-CT", "UBND-KS", "UBND-MT", "UBND-CLD", "UBND-LP", "UBND-MX", "UBND-TT"]

    /// The figures a report's JSON gives for a period, without what names the log's head.
    func report(_ fixture: CLIFixture, _ period: String) throws -> [String: JSONValue] {
        let result = try fixture.run(["report", "--period", period, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try fixture.json(result.stdout).objectValue)
        let ignored: Set<String> = ["through_seq", "head_hash", "checkpoint", "edition"]
        return Dictionary(object.members.filter { !ignored.contains($0.key) }.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    func drop(_ fixture: CLIFixture, agency: String, _ name: String, _ lines: [String]) throws -> JSONValue {
        let file = fixture.folder.write(name, lines.joined(separator: "\n"))
        let result = try fixture.run(["ingest", "--agency", agency, "--json", file])
        return try fixture.json(result.stdout)
    }

    @Test func theSecondYearLeavesTheFirstAsItWasAndComparesWithIt() throws {
        let fixture = try CLIFixture()
        // 2024's work: two articles and an activity in Q3, a survey, and a district's article in Q1.
        _ = try drop(
            fixture, agency: "BST", "bst-2024.ndjson",
            [
                #"{"id":"b24-1","type":"article.published","occurred_at":"2024-07-10","data":{"title":"Một cửa liên thông","channel":"newspaper"}}"#,
                #"{"id":"b24-2","type":"article.published","occurred_at":"2024-08-02","data":{"title":"Dịch vụ công","channel":"portal"}}"#,
            ])
        _ = try drop(
            fixture, agency: "SNV", "snv-2024.ndjson",
            [
                #"{"id":"s24-1","type":"activity.held","occurred_at":"2024-09-01","data":{"title":"Hội nghị","form":"conference","participants":50}}"#,
                #"{"id":"s24-2","type":"survey.submitted","occurred_at":"2024-09-10","data":{"kind":"awareness","audience":"citizens","respondents":200,"aware":150}}"#,
            ])
        _ = try drop(
            fixture, agency: "UBND-VC", "vc-2024.ndjson",
            [#"{"id":"v24-1","type":"article.published","occurred_at":"2024-03-01","data":{"title":"Tin huyện","channel":"radio"}}"#])
        let year2024Before = try report(fixture, "2024")

        // SNV's 2025 plan workbook: made, filled, saved again by LibreOffice, dropped.
        let template = fixture.folder.file("ke-hoach-2025.xlsx"), filled = fixture.folder.file("filled.xlsx")
        let made = try fixture.run(["plan", "template", "--year", "2025", "--out", template])
        #expect(made.status == 0, "\(made.stderr)")
        let fill = try ProcessRunner.run(
            "/usr/bin/env",
            ["python3", RepositoryPaths.path("Tests/EndToEndTests/Workbooks/fill_plan.py"), template, filled, Self.dissolved.joined(separator: ",")])
        #expect(fill.status == 0, "\(fill.stderr)")
        let saved = fixture.folder.file("saved")
        let converted = try ProcessRunner.run(
            "/usr/bin/env", ["libreoffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", saved, filled],
            environment: ["HOME": fixture.folder.path])
        #expect(converted.status == 0, "\(converted.stderr)")
        try FileManager.default.copyItem(atPath: saved + "/filled.xlsx", toPath: fixture.state + "/inbox/SNV/ke-hoach-2025.xlsx")
        #expect(try fixture.run(["serve", "--once"]).status == 0)
        let list = try fixture.json(try fixture.run(["plan", "list", "--json"]).stdout)
        let plans = list.objectValue?["plans"]?.arrayValue ?? []
        #expect(plans.compactMap { $0.objectValue?["plan"]?.stringValue } == ["KH-TTCCHC-2024", "KH-TTCCHC-2025"], "\(list)")
        #expect(plans.last?.objectValue?["tasks"] == .integer(2) && plans.last?.objectValue?["targets"] == .integer(1))
        #expect(plans.last?.objectValue?["document"] == .string("05/KH-UBND"))

        // 2025's work. A dissolved district may still send what is dated before 2025-07-01,
        // and nothing dated on or after it.
        _ = try drop(
            fixture, agency: "BST", "bst-2025.ndjson",
            [
                #"{"id":"b25-1","type":"article.published","occurred_at":"2025-05-10","data":{"title":"Kết quả CCHC 2024","channel":"newspaper","task":"KH2025-01"}}"#,
                #"{"id":"b25-2","type":"article.published","occurred_at":"2025-07-15","data":{"title":"Chính quyền hai cấp","channel":"newspaper"}}"#,
                #"{"id":"b25-3","type":"article.published","occurred_at":"2025-08-20","data":{"title":"Dịch vụ công","channel":"newspaper"}}"#,
                #"{"id":"b25-4","type":"article.published","occurred_at":"2025-09-02","data":{"title":"Cổng thông tin","channel":"portal"}}"#,
            ])
        _ = try drop(
            fixture, agency: "SNV", "snv-2025.ndjson",
            [
                #"{"id":"s25-1","type":"survey.submitted","occurred_at":"2025-09-10","data":{"kind":"awareness","audience":"citizens","respondents":200,"aware":180}}"#
            ])
        let early = try drop(
            fixture, agency: "UBND-VC", "vc-early.ndjson",
            [#"{"id":"v25-1","type":"article.published","occurred_at":"2025-06-30","data":{"title":"Tin cuối cùng","channel":"radio"}}"#])
        #expect(early.objectValue?["files"]?.arrayValue?.first?.objectValue?["status"] == .string("accepted"), "\(early)")
        let late = try drop(
            fixture, agency: "UBND-VC", "vc-late.ndjson",
            [#"{"id":"v25-2","type":"article.published","occurred_at":"2025-07-01","data":{"title":"Sau giải thể","channel":"radio"}}"#])
        let refused = late.objectValue?["files"]?.arrayValue?.first?.objectValue
        #expect(refused?["status"] == .string("rejected"), "\(late)")
        #expect(refused?["errors"]?.arrayValue?.first?.objectValue?["code"] == .string("not_permitted"), "\(late)")

        // The 2024 year report is what it was.
        let year2024After = try report(fixture, "2024")
        let changed = Set(year2024After.keys).union(year2024Before.keys).filter { year2024After[$0] != year2024Before[$0] }
        #expect(changed.isEmpty, "the 2024 year report changed in \(changed.sorted())")

        // 2025-Q2 lists the 2025 tasks only, the carried one naming its 2024 task.
        let q2 = try report(fixture, "2025-Q2")
        let tasks = q2["tasks"]?.arrayValue?.compactMap { $0.objectValue } ?? []
        #expect(tasks.compactMap { $0["task"]?.stringValue } == ["KH2025-01", "KH2025-02"])
        #expect(tasks.first?["carried_from"] == .string("KH2024-01"))
        #expect(q2["plans"]?.arrayValue?.compactMap { $0.objectValue?["plan"]?.stringValue } == ["KH-TTCCHC-2025"])
        // Decree 09's Q3 (2025-06-15…09-14) starts before the dissolution: the districts are
        // expected in it; Q4 starts after: they are not. The re-attached one is in both.
        let q3 = try report(fixture, "2025-Q3")
        let q3Agencies = Set(q3["agencies"]?.arrayValue?.compactMap { $0.objectValue?["code"]?.stringValue } ?? [])
        let q4 = try report(fixture, "2025-Q4")
        let q4Agencies = Set(q4["agencies"]?.arrayValue?.compactMap { $0.objectValue?["code"]?.stringValue } ?? [])
        #expect(Set(Self.dissolved).isSubset(of: q3Agencies))
        #expect(q4Agencies.isDisjoint(with: Self.dissolved), "\(q4Agencies.intersection(Self.dissolved))")
        #expect(q4Agencies.contains("UBND-TD") && q4Agencies.contains("UBND-XPM"))
        let silent = Set(q4["silent_agencies"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        #expect(silent.isDisjoint(with: Self.dissolved) && silent.contains("UBND-XPM"))

        // Targets: the plan's 0.9 for citizens applies in 2025; the 2024 report kept its 0.8.
        let indicators = q3["indicators"]?.arrayValue?.compactMap { $0.objectValue } ?? []
        let citizens = indicators.first { $0["indicator"] == .string("awareness.citizens") }
        #expect(citizens?["target"] == .string("0.9"), "\(indicators)")
        let trained = indicators.first { $0["indicator"] == .string("staff-trained") }
        #expect(trained?["target"] == .string("0.95"), "the target without a plan applies from its date: \(indicators)")

        // Year over year, by hand: 2024-Q3 had two articles, one activity, one survey (150 of
        // 200); 2025-Q3 has three of BST's articles and the district's last, and a survey.
        let previous = try #require(q3["previous_year"]?.objectValue, "\(q3.keys)")
        let q3Of2024 = try report(fixture, "2024-Q3")
        #expect(previous["period"] == .string("2024-Q3") && previous["from"] == q3Of2024["from"] && previous["to"] == q3Of2024["to"])
        let before = previous["totals"]?.objectValue
        #expect(before?["articles"] == .integer(2) && before?["activities"] == .integer(1) && before?["surveys"] == .integer(1))
        #expect(before?["events"] == .integer(4) && before?["contests"] == .integer(0))
        #expect(q3["totals"]?.objectValue?["articles"] == .integer(4) && q3["totals"]?.objectValue?["surveys"] == .integer(1))
        let earlierCitizens = previous["indicators"]?.arrayValue?.compactMap { $0.objectValue }.first {
            $0["indicator"] == .string("awareness.citizens")
        }
        #expect(earlierCitizens?["value"] == .string("0.7500"), "\(previous)")
        // Q2 of 2024 had nothing: no comparison is made up.
        #expect(q2["previous_year"] == nil)
    }

    /// A plan workbook with a mistake is recorded not at all, and the mistake is named by
    /// sheet and cell.
    @Test func aPlanWorkbookWithAnUnknownLeadIsRefusedWholeNamingTheCell() throws {
        let fixture = try CLIFixture()
        let template = fixture.folder.file("ke-hoach.xlsx"), filled = fixture.folder.file("filled.xlsx")
        #expect(try fixture.run(["plan", "template", "--year", "2025", "--out", template]).status == 0)
        let script = """
            import datetime, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            plan = book["Kế hoạch"]
            plan["C3"], plan["D3"], plan["E3"], plan["F3"] = datetime.date(2025, 1, 6), "KH-TTCCHC-2025", "Kế hoạch 2025", 2025
            tasks = book["Nhiệm vụ"]
            tasks["C3"], tasks["D3"], tasks["E3"], tasks["F3"] = datetime.date(2025, 1, 6), "KH2025-01", "Nhiệm vụ", "KH-TTCCHC-2025"
            tasks["G3"], tasks["I3"] = "KHONG-CO", "Thường xuyên"
            tasks["C4"], tasks["D4"], tasks["E4"], tasks["F4"] = datetime.date(2025, 1, 6), "KH2025-02", "Nhiệm vụ", "KH-TTCCHC-2025"
            tasks["G4"], tasks["I4"], tasks["J4"] = "SNV", "13/2025", "05/2025"
            book.save(sys.argv[2])
            """
        let fill = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, template, filled])
        #expect(fill.status == 0, "\(fill.stderr)")
        let result = try fixture.run(["ingest", "--agency", "SNV", "--json", filled])
        let file = try #require(try fixture.json(result.stdout).objectValue?["files"]?.arrayValue?.first?.objectValue, "\(result.stdout)")
        #expect(file["status"] == .string("rejected") && file["appended"] == .integer(0), "\(file)")
        let errors = file["errors"]?.arrayValue?.compactMap { $0.objectValue } ?? []
        let cells = errors.map { "\($0["sheet"]?.stringValue ?? "")!\($0["cell"]?.stringValue ?? "") \($0["code"]?.stringValue ?? "")" }
        #expect(cells.contains("Nhiệm vụ!I4 invalid_value"), "\(cells)")
        #expect(try fixture.run(["plan", "list", "--json"]).stdout.contains("KH-TTCCHC-2025") == false, "nothing of the file is kept")
        // The unknown lead is found once the month is right: admission names its cell too.
        let fixed = try ProcessRunner.run(
            "/usr/bin/env",
            [
                "python3", "-c", "import sys, openpyxl; b = openpyxl.load_workbook(sys.argv[1]); b['Nhiệm vụ']['I4'] = '03/2025'; b.save(sys.argv[1])",
                filled,
            ])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        let again = try fixture.run(["ingest", "--agency", "SNV", "--json", filled])
        #expect(again.stdout.contains(#""cell": "G3""#) && again.stdout.contains("unknown_agency"), "\(again.stdout)")
        #expect(again.stdout.contains(#""appended": 0"#))
    }
}
