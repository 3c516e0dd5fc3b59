import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerReports

/// Committed expected outputs of the golden scenario, one per format; any difference fails.
/// Regenerate after an intended change with `Scripts/update-golden.sh` and review the diff.
@Suite(.serialized)
struct GoldenReportTests {
    @Test(arguments: ReportFormat.allCases)
    func reportMatchesTheCommittedGolden(_ format: ReportFormat) throws {
        let scenario = try GoldenScenario()
        var report = try scenario.report("2024-Q1")
        report.edition = 1
        let bytes = try format.render(report, language: .vi)
        let path = GoldenScenario.fixtures + "/expected/consolidated-2024-Q1-e1.\(format.rawValue)"
        if ProcessInfo.processInfo.environment["REFORMLEDGER_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: GoldenScenario.fixtures + "/expected", withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
        }
        let expected = try #require(FileManager.default.contents(atPath: path), "missing \(path); run Scripts/update-golden.sh")
        #expect(Array(expected) == bytes, "\(format.rawValue) differs from \(path)")
    }

    /// The agency report of UBND-MX (an on-time period report, late contest feedback, tasks
    /// it leads and coordinates) in its four formats.
    @Test(arguments: ReportFormat.agencyFormats)
    func agencyReportMatchesTheCommittedGolden(_ format: ReportFormat) throws {
        let scenario = try GoldenScenario()
        var report = try scenario.report("2024-Q1")
        report.edition = 1
        let own = try #require(AgencyReport(report, agency: "UBND-MX"))
        let bytes = try format.render(own, language: .vi)
        let path = GoldenScenario.fixtures + "/expected/agencies/UBND-MX-e1.\(format.rawValue)"
        if ProcessInfo.processInfo.environment["REFORMLEDGER_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: GoldenScenario.fixtures + "/expected/agencies", withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
        }
        let expected = try #require(FileManager.default.contents(atPath: path), "missing \(path); run Scripts/update-golden.sh")
        #expect(Array(expected) == bytes, "\(format.rawValue) differs from \(path)")
    }

    @Test func everyFormatIsByteIdenticalWhenComputedAgainAndAsOfTheSameSeq() throws {
        let scenario = try GoldenScenario()
        let live = try scenario.report("2024-Q1")
        let again = try scenario.report("2024-Q1")
        let replayed = try scenario.report("2024-Q1", throughSeq: live.throughSeq)
        for format in ReportFormat.allCases {
            let bytes = try format.render(live, language: .vi)
            #expect(bytes == (try format.render(again, language: .vi)), "\(format.rawValue)")
            #expect(bytes == (try format.render(replayed, language: .vi)), "\(format.rawValue) as of the same seq")
        }
    }

    /// The in-memory store, fed the same files, gives the same reports byte for byte: the
    /// SQL of the projection and the domain's fold agree.
    @Test func theInMemoryStoreGivesTheSameReports() throws {
        let sqlite = try GoldenScenario(), memory = try GoldenScenario(inMemory: true)
        #expect(try sqlite.store.head() == memory.store.head())
        let head = try sqlite.store.head().seq
        for (period, seq) in [("2024-Q1", nil), ("2024-H1", nil), ("2024", nil), ("2024-Q1", head - 5), ("2024", head / 2)] as [(String, Int64?)] {
            let expected = try ReportFormat.json.render(try sqlite.report(period, throughSeq: seq), language: .vi)
            #expect(
                try ReportFormat.json.render(try memory.report(period, throughSeq: seq), language: .vi) == expected,
                "\(period) as of \(seq.map(String.init) ?? "the head")")
        }
    }
}
