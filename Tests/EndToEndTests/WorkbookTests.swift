import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain

/// Excel workbooks as clerks send them: written by openpyxl (no code of the product), or
/// built by hand to be hostile, and ingested by the real binary.
struct WorkbookTests {
    /// The workbooks of `Workbooks/make_workbooks.py`, in a fresh folder.
    private func workbooks() throws -> TemporaryDirectory {
        let folder = TemporaryDirectory("workbooks")
        let script = RepositoryPaths.path("Tests/EndToEndTests/Workbooks/make_workbooks.py")
        let made = try ProcessRunner.run("/usr/bin/env", ["python3", script, folder.path])
        #expect(made.status == 0, "\(made.stderr)")
        return folder
    }

    private func errors(_ fixture: CLIFixture, _ file: String) throws -> [JSONObject] {
        let result = try fixture.run(["ingest", "--agency", "UBND-TD", "--json", file])
        #expect(result.status == 1, "\(file) was not refused: \(result.stdout)")
        let document = try fixture.json(result.stdout).objectValue
        guard case .array(let files)? = document?["files"], let first = files.first?.objectValue, case .array(let errors)? = first["errors"] else {
            Issue.record("no errors in \(result.stdout)")
            return []
        }
        return errors.compactMap(\.objectValue)
    }

    @Test func aFilledWorkbookIngestsWithCodesStoredAndHiddenSheetsIgnored() throws {
        let books = try workbooks()
        let fixture = try CLIFixture()
        let result = try fixture.run(["ingest", "--agency", "UBND-TD", "--json", books.file("filled.xlsx")])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        let events = try fixture.run(["events", "--agency", "UBND-TD", "--json"]).stdout
        guard case .array(let stored) = try fixture.json(events) else {
            Issue.record("events --json is not an array: \(events)")
            return
        }
        #expect(stored.count == 3, "\(events)")
        #expect(events.contains(#""form":"training""#) && events.contains(#""participants":45"#) && events.contains(#""task":"KH2024-05""#))
        #expect(events.contains(#""occurred_at":"2024-03-05""#), "an Excel date is a date")
        #expect(events.contains(#""form":"mobile-propaganda""#) && events.contains(#""occurred_at":"2024-03-12""#))
        #expect(events.contains(#""channel":"zalo""#) && events.contains(#""occurred_at":"2024-03-06T09:30:00+07:00""#))
        #expect(!events.contains("never"), "a hidden sheet is not read")
        // Dropping it again changes nothing.
        let again = try fixture.run(["ingest", "--agency", "UBND-TD", "--json", books.file("filled.xlsx")])
        #expect(again.status == 0 && again.stdout.contains(#""duplicates": 3"#), "\(again.stdout)")
    }

    /// The clerk's round trip: the template of her agency, filled by openpyxl from the
    /// cells' own drop-down lists, dropped into her inbox and taken by the daemon.
    @Test func aTemplateFilledFromItsDropDownListsIsTakenFromTheInbox() throws {
        let fixture = try CLIFixture()
        let template = fixture.folder.file("mau-UBND-TD.xlsx")
        let made = try fixture.run(["template", "--agency", "UBND-TD", "--out", template])
        #expect(made.status == 0, "\(made.stderr)")
        let filled = fixture.folder.file("filled.xlsx")
        let script = RepositoryPaths.path("Tests/EndToEndTests/Workbooks/fill_template.py")
        let fill = try ProcessRunner.run("/usr/bin/env", ["python3", script, template, filled])
        #expect(fill.status == 0, "\(fill.stderr)")
        try FileManager.default.copyItem(atPath: filled, toPath: fixture.state + "/inbox/UBND-TD/bao-cao-quy-1.xlsx")
        #expect(try fixture.run(["serve", "--once"]).status == 0)
        let events = try fixture.run(["events", "--agency", "UBND-TD", "--json"]).stdout
        guard case .array(let stored) = try fixture.json(events) else {
            Issue.record("events --json is not an array: \(events)")
            return
        }
        let data = stored.compactMap { $0.objectValue?["data"].map { JSONWriter.string($0) } }
        // The script picked the first form, the seventh channel, the second audience and the
        // first period of the lists: the codes of those labels are stored.
        #expect(data.count == 5, "\(events)")
        #expect(data.contains { $0.contains(#""form":"\#(ActivityForm.allCases[0].rawValue)""#) && $0.contains(#""participants":45"#) })
        #expect(data.contains { $0.contains(#""form":"\#(ActivityForm.allCases[5].rawValue)""#) })
        #expect(data.contains { $0.contains(#""channel":"\#(Channel.allCases[6].rawValue)""#) })
        #expect(data.contains { $0.contains(#""audience":"\#(Audience.allCases[1].rawValue)""#) && $0.contains(#""aware":333"#) })
        #expect(data.contains { $0.contains(#""period":"2024-Q1""#) }, "the plan's year is offered first")
        // The task list holds the agency's own tasks: the one picked is one UBND-TD leads or coordinates.
        #expect(data.contains { $0.contains(#""task":"KH2024-"#) })
        #expect(!events.contains("—"), "the task's title is not stored, only its id")
        #expect(events.contains(#""file":"bao-cao-quy-1.xlsx""#), "the provenance is the dropped file")
    }

    @Test func aBlankTemplateRecordsNothingAndAnUnknownAgencyHasNone() throws {
        let fixture = try CLIFixture()
        let blank = fixture.folder.file("blank.xlsx")
        #expect(try fixture.run(["template", "--out", blank]).status == 0, "a template for any agency")
        let result = try fixture.run(["ingest", "--agency", "UBND-TD", "--json", blank])
        #expect(result.status == 0 && result.stdout.contains(#""appended": 0"#), "pre-filled ids alone are not events: \(result.stdout)")
        let unknown = try fixture.run(["template", "--agency", "NOPE", "--out", fixture.folder.file("x.xlsx")])
        #expect(unknown.status == 1 && unknown.stderr.contains("NOPE"))
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.file("x.xlsx")))
    }

    /// LibreOffice's "save as CSV" of one sheet of a filled template ingests too.
    @Test func aFilledTemplateSavedAsCSVByLibreOfficeIngests() throws {
        let fixture = try CLIFixture()
        let template = fixture.folder.file("mau.xlsx")
        #expect(try fixture.run(["template", "--agency", "UBND-TD", "--out", template]).status == 0)
        let filled = fixture.folder.file("filled.xlsx")
        let script = RepositoryPaths.path("Tests/EndToEndTests/Workbooks/fill_template.py")
        #expect(try ProcessRunner.run("/usr/bin/env", ["python3", script, template, filled]).status == 0)
        // Sheet 2 (the activities), comma-separated, UTF-8 (76), as LibreOffice's dialog does.
        let out = fixture.folder.file("csv")
        let converted = try ProcessRunner.run(
            "/usr/bin/env",
            [
                "libreoffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
                "--outdir", out, filled,
            ], environment: ["HOME": fixture.folder.path])
        #expect(converted.status == 0, "\(converted.stderr)")
        let csv = try #require(try FileManager.default.contentsOfDirectory(atPath: out).first { $0.hasSuffix(".csv") })
        let result = try fixture.run(["ingest", "--agency", "UBND-TD", "--json", out + "/" + csv])
        #expect(result.status == 0 && result.stdout.contains(#""appended": 2"#), "\(result.stdout)")
    }

    @Test func aBadDateAndAnUnknownWordAreShownWithTheirSheetAndCell() throws {
        let books = try workbooks()
        let fixture = try CLIFixture()
        let errors = try self.errors(fixture, books.file("bad-date.xlsx"))
        #expect(errors.count == 2)
        #expect(errors.first?["sheet"] == .string("Hoạt động tuyên truyền"))
        #expect(errors.first?["cell"] == .string("B2") && errors.first?["line"] == .integer(2))
        #expect(errors.first?["code"] == .string("invalid_date"))
        #expect(errors.last?["cell"] == .string("C3") && errors.last?["code"] == .string("invalid_value"))
        let kept = try fixture.run(["events", "--agency", "UBND-TD", "--json"]).stdout
        #expect(!kept.contains("X-1") && !kept.contains("X-2"), "nothing of the file is kept: \(kept)")
    }

    @Test(arguments: [
        ("bomb.xlsx", "too_large"), ("entities.xlsx", "malformed"), ("last-row.xlsx", "too_large"),
        ("shared-string.xlsx", "malformed"), ("not-a-zip.xlsx", "malformed"),
    ])
    func hostileWorkbooksAreRefusedWithAClearCode(file: String, code: String) throws {
        let books = try workbooks()
        let fixture = try CLIFixture()
        let errors = try self.errors(fixture, books.file(file))
        #expect(errors.count == 1 && errors.first?["code"] == .string(code), "\(errors)")
        if file == "shared-string.xlsx" { #expect(errors.first?["cell"] == .string("A2")) }
    }

    @Test func anISODateCellIsADate() throws {
        let books = try workbooks()
        let fixture = try CLIFixture()
        let result = try fixture.run(["ingest", "--agency", "UBND-TD", "--json", books.file("iso-date.xlsx")])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(try fixture.run(["events", "--agency", "UBND-TD", "--json"]).stdout.contains(#""occurred_at":"2024-03-07""#))
    }

    /// An Excel date-time is a wall-clock time of the configured `timezone`, not of Vietnam's.
    @Test func anExcelTimeIsReadInTheConfiguredZone() throws {
        let books = try workbooks()
        let fixture = try CLIFixture()
        try #"{"timezone": "Asia/Tokyo"}"#.write(toFile: fixture.state + "/reformledger.json", atomically: true, encoding: .utf8)
        let result = try fixture.run(["ingest", "--agency", "UBND-TD", "--json", books.file("evening.xlsx")])
        #expect(result.status == 0, "\(result.stdout)")
        let events = try fixture.run(["events", "--agency", "UBND-TD", "--json"]).stdout
        #expect(events.contains(#""occurred_at":"2024-03-31T23:30:00+09:00""#), "\(events)")
    }

    /// Two templates made the same day carry different ids: both filled workbooks are taken.
    @Test func twoTemplatesOfOneDayAreBothTaken() throws {
        let fixture = try CLIFixture()
        let script = RepositoryPaths.path("Tests/EndToEndTests/Workbooks/fill_template.py")
        for office in ["mot", "hai"] {
            let template = fixture.folder.file("mau-\(office).xlsx"), filled = fixture.folder.file("filled-\(office).xlsx")
            #expect(try fixture.run(["template", "--agency", "UBND-TD", "--out", template]).status == 0)
            #expect(try ProcessRunner.run("/usr/bin/env", ["python3", script, template, filled]).status == 0)
            let result = try fixture.run(["ingest", "--agency", "UBND-TD", "--json", filled])
            #expect(result.status == 0 && result.stdout.contains(#""appended": 5"#), "\(office): \(result.stdout)")
        }
    }

    /// A workbook's rows name their sheet in `source`, so two sheets' row 2 are told apart;
    /// the chain and the Merkle root still agree with the auditor's scripts, which share no
    /// code with the product.
    @Test func aWorkbookRowNamesItsSheetAndTheChainStillVerifiesOutside() throws {
        let books = try workbooks()
        let fixture = try CLIFixture()
        #expect(try fixture.run(["ingest", "--agency", "UBND-TD", books.file("filled.xlsx")]).status == 0)
        let events = try fixture.run(["events", "--agency", "UBND-TD", "--json"]).stdout
        #expect(events.contains(#""sheet":"Hoạt động tuyên truyền""#), "\(events)")
        #expect(events.contains(#""sheet":"codes""#), "\(events)")
        #expect(try fixture.sql("SELECT COUNT(DISTINCT source_sheet) FROM events WHERE agency = 'UBND-TD'") == "2")
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE source_sheet IS NOT NULL AND agency <> 'UBND-TD'") == "0")
        #expect(try fixture.run(["verify"]).status == 0)
        let chain = try ProcessRunner.run("/usr/bin/env", ["python3", RepositoryPaths.path("Scripts/verify_chain.py"), fixture.state + "/ledger.sqlite"])
        #expect(chain.status == 0 && chain.stdout.hasPrefix("OK"), "\(chain.stdout) \(chain.stderr)")
        let note = try fixture.run(["checkpoint"]).stdout.split(separator: "\n").map(String.init)
        let root = try #require(Data(base64Encoded: note[2])).map { String(format: "%02x", $0) }.joined()
        let outside = try ProcessRunner.run(
            "/usr/bin/env", ["python3", RepositoryPaths.path("Scripts/merkle_root.py"), fixture.state + "/ledger.sqlite", note[1]])
        #expect(outside.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(note[1]) \(root)", "\(outside.stdout) \(outside.stderr)")
    }
}
