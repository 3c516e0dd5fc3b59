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
        let script = RepositoryPaths.path("Tests/ReformLedgerCLITests/Workbooks/make_workbooks.py")
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
}
