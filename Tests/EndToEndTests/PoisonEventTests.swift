import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain

/// Values that were once accepted and then made every later command trap: each is now
/// refused at admission with a clear code, and the commands that read the log go on.
@Suite(.serialized)
struct PoisonEventTests {
    /// Ingests one NDJSON line as `agency` and returns the first error of `ingest --json`.
    func firstError(_ fixture: CLIFixture, agency: String, _ line: String) throws -> (status: Int32, code: String?, field: String?, message: String?) {
        let file = fixture.folder.write("drop/\(agency)/\(UUID().uuidString.prefix(6)).ndjson", line + "\n")
        let run = try fixture.run(["ingest", "--json", file])
        let document = try fixture.json(run.stdout)
        guard case .array(let files)? = document.objectValue?["files"], case .object(let first)? = files.first,
            case .array(let errors)? = first["errors"]
        else { return (run.status, nil, nil, nil) }
        let error = errors.first?.objectValue
        return (run.status, error?["code"]?.stringValue, error?["field"]?.stringValue, error?["message"]?.stringValue)
    }

    func article(_ id: String, date: String) -> String {
        #"{"id":"\#(id)","type":"article.published","occurred_at":"\#(date)","data":{"title":"Tin","channel":"website"}}"#
    }

    @Test(arguments: ["0001-01-01", "1999-12-31", "2101-01-01", "01/01/9999", "0001-01-01T00:00:00+07:00"])
    func aDateOutsideThePlanYearsIsRefusedWithTheRange(_ date: String) throws {
        let fixture = try CLIFixture()
        let error = try firstError(fixture, agency: "BST", article("old", date: date))
        #expect(error.status == 1 && error.code == "invalid_date" && error.field == "occurred_at")
        #expect(error.message?.contains("2000") == true && error.message?.contains("2100") == true, "\(error.message ?? "")")
        // Every command that reads the log still works.
        for command in [["status"], ["report", "--period", "2024-Q1"], ["verify"], ["serve", "--once", "--now", "2025-01-10T09:00:00+07:00"]] {
            #expect(try fixture.run(command).status == 0, "\(command)")
        }
    }

    @Test func datesInsideDataAndWindowsAreBoundedToo() throws {
        let fixture = try CLIFixture()
        let contest =
            #"{"id":"c1","type":"contest.held","occurred_at":"2024-05-01","data":{"title":"Hội thi","start":"0001-01-01","end":"2024-05-01","participants":3}}"#
        #expect(try firstError(fixture, agency: "BST", contest).code == "invalid_date")
        let task =
            #"{"id":"t1","type":"task.assigned","occurred_at":"2024-05-01","data":{"task":"KH2024-99","title":"x","plan":"p","lead":["BST"],"window":{"from":"1900-01","to":"2024-05"}}}"#
        let error = try firstError(fixture, agency: "UBND", task)
        #expect(error.code == "invalid_date" && error.field == "data.window.from")
        #expect(try fixture.run(["report", "--period", "1999-Q1"]).status == 2)
    }

    @Test func countsAboveOneBillionAreRefusedNamingTheRange() throws {
        let fixture = try CLIFixture()
        for (numerator, denominator) in [("9007199254740991", "9007199254740991"), ("1000000001", "1000000001"), ("1", "99999999999999999999")] {
            let line =
                #"{"id":"i-\#(numerator.count)-\#(denominator.count)","type":"indicator.reported","occurred_at":"2024-02-01","data":{"indicator":"staff-trained","numerator":\#(numerator),"denominator":\#(denominator)}}"#
            let error = try firstError(fixture, agency: "BST", line)
            #expect(error.code == "invalid_value", "\(numerator)/\(denominator)")
            #expect(error.message?.contains("1.000.000.000") == true && error.message?.contains("≥") == false, "\(error.message ?? "")")
        }
        let survey =
            #"{"id":"s1","type":"survey.submitted","occurred_at":"2024-02-01","data":{"kind":"awareness","audience":"citizens","respondents":460000000000000,"aware":460000000000000}}"#
        #expect(try firstError(fixture, agency: "BST", survey).code == "invalid_value")
    }

    @Test func theLargestAcceptedCountsSumAcrossAgenciesExactly() throws {
        let fixture = try CLIFixture()
        // Ten agencies at the bound: the sum (10^10) is past 32 bits and times 10^4 past 2^53.
        let agencies = ["BST", "DPTTH", "STTTT", "SVHTTDL", "SGDDT", "UBND-MX", "UBND-TD", "UBND-VC", "SNV", "UBND"]
        for (index, agency) in agencies.enumerated() {
            let aware = index == 0 ? 999_999_999 : 1_000_000_000
            let line =
                #"{"id":"big","type":"survey.submitted","occurred_at":"2024-02-01","data":{"kind":"awareness","audience":"citizens","respondents":1000000000,"aware":\#(aware)}}"#
            #expect(try firstError(fixture, agency: agency, line).status == 0, "\(agency)")
        }
        let run = try fixture.run(["report", "--period", "2024-Q1"])
        #expect(run.status == 0, "\(run.stderr)")
        let indicators = try fixture.json(run.stdout).objectValue?["indicators"]
        guard case .array(let lines)? = indicators,
            let citizens = lines.compactMap(\.objectValue).first(where: { $0["indicator"]?.stringValue == "awareness.citizens" })
        else {
            Issue.record("no awareness.citizens line: \(run.stdout.prefix(400))")
            return
        }
        #expect(citizens["numerator"] == .integer(9_999_999_999) && citizens["denominator"] == .integer(10_000_000_000))
        #expect(citizens["value"] == .string("1.0000") && citizens["met"] == .bool(true))  // 0.99999999990 rounds half-up
    }

    @Test(arguments: ["0.8000000000000001", "0.80001", "1234567890"])
    func targetsBeyondTheirPrecisionAreRefused(_ minimum: String) throws {
        let fixture = try CLIFixture()
        let indicator = minimum.contains(".") ? "awareness.officials" : "task:KH2024-02:performance"
        let line = #"{"id":"t-\#(minimum)","type":"target.set","occurred_at":"2024-01-02","data":{"indicator":"\#(indicator)","min":"\#(minimum)"}}"#
        let error = try firstError(fixture, agency: "UBND", line)
        #expect(error.code == "invalid_value" && error.field == "data.min", "\(error)")
    }

    @Test func aTargetAtFourPlacesIsComparedExactly() throws {
        let fixture = try CLIFixture()
        let target = #"{"id":"t-exact","type":"target.set","occurred_at":"2024-01-02","data":{"indicator":"awareness.officials","min":"0.8001"}}"#
        #expect(try firstError(fixture, agency: "UBND", target).status == 0)
        // 8001/10000 meets 0.8001 exactly; 8000/10000 (0.8000) does not.
        let survey =
            #"{"id":"s-exact","type":"survey.submitted","occurred_at":"2024-02-01","data":{"kind":"awareness","audience":"officials","respondents":10000,"aware":8001}}"#
        #expect(try firstError(fixture, agency: "BST", survey).status == 0)
        let report = try fixture.json(try fixture.run(["report", "--period", "2024-Q1"]).stdout)
        guard case .array(let lines)? = report.objectValue?["indicators"],
            let officials = lines.compactMap(\.objectValue).first(where: { $0["indicator"]?.stringValue == "awareness.officials" })
        else {
            Issue.record("no awareness.officials line")
            return
        }
        #expect(officials["target"] == .string("0.8001") && officials["value"] == .string("0.8001") && officials["met"] == .bool(true))
    }

    @Test(arguments: ["\u{FFFE}", "\u{FFFF}", "\u{01}", "\u{0B}", "\u{1F}"])
    func aNameWithACharacterXMLForbidsIsRefused(_ character: String) throws {
        let fixture = try CLIFixture()
        let name = "Sở Nội\(character) vụ"
        let line = #"{"id":"r1","type":"agency.renamed","occurred_at":"2024-02-01","data":{"code":"SNV","name":\#(JSONWriter.string(.string(name)))}}"#
        let error = try firstError(fixture, agency: "UBND", line)
        #expect(error.code == "invalid_value" && error.field == "data.name" && error.message?.contains("U+") == true, "\(error)")
        // The DOCX still opens: nothing was stored.
        let out = fixture.folder.file("out")
        #expect(try fixture.run(["report", "--period", "2024-Q1", "--format", "docx", "--out", out]).status == 0)
    }

    @Test func aClerkSendingASystemTypeIsNotPermittedBeforeAnySchemaCheck() throws {
        let fixture = try CLIFixture()
        for data in [#"{}"#, #"{"period":"2024-Q1","edition":1,"through_seq":1,"head_hash":"00","files":[]}"#] {
            let line = #"{"id":"fake","type":"report.generated","occurred_at":"2024-02-01","data":\#(data)}"#
            let file = fixture.folder.write("drop/BST/fake-\(data.count).ndjson", line + "\n")
            let run = try fixture.run(["ingest", "--json", file])
            let errors = try fixture.json(run.stdout).objectValue?["files"]
            guard case .array(let files)? = errors, case .array(let list)? = files.first?.objectValue?["errors"] else {
                Issue.record("no errors: \(run.stdout)")
                continue
            }
            #expect(list.compactMap { $0.objectValue?["code"]?.stringValue } == ["not_permitted"], "\(data): \(list)")
        }
    }

    @Test func aTruncatedJSONFileIsAnErrorOfTheWholeFile() throws {
        let fixture = try CLIFixture()
        let file = fixture.folder.write("drop/BST/cut.json", #"{"id":"a","type":"article.published","occurred_at":"2024-01-0"#)
        let run = try fixture.run(["ingest", "--json", file])
        #expect(run.status == 1)
        guard case .array(let files)? = try fixture.json(run.stdout).objectValue?["files"],
            case .array(let errors)? = files.first?.objectValue?["errors"], let first = errors.first?.objectValue
        else {
            Issue.record("no errors: \(run.stdout)")
            return
        }
        #expect(first["code"] == .string("malformed") && first["line"] == .null)
    }
}
