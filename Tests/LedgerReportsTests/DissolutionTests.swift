import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerIngest
@testable import LedgerReports
@testable import LedgerStore

/// The 2025 reorganisation (CONTRACT §5 `agency.dissolved`): a district committee
/// dissolved on 2025-07-01 may send what happened before that day and nothing after; it is
/// expected in the periods that start before it (its history stays under its name) and in
/// none after; a rename re-attaches an agency to a new parent and kind.
struct DissolutionTests {
    let folder = TemporaryDirectory("dissolution")

    @Test func aDissolvedAgencyIsNotExpectedAfterItsDayNorMaySendAfterIt() throws {
        let database = try LedgerDatabase(path: folder.file("ledger.sqlite"), create: true)
        var configuration = LedgerConfiguration()
        configuration.periods = .calendar
        let ingestor = FileIngestor(
            store: database, options: IngestOptions(configuration: configuration),
            clock: FixedClock(EventTime.parseInstant("2025-10-20T12:00:00+07:00")!))
        for path in try BundledPlan.files(named: "soc-trang-2024") { _ = try ingestor.ingest(path: path, folderAgency: nil) }
        func ingest(_ name: String, _ agency: String, _ lines: [String]) throws -> FileOutcome {
            try ingestor.ingest(path: folder.write("inbox/\(agency)/\(name)", lines.joined(separator: "\n")), folderAgency: agency)
        }
        let reorganised = try ingest(
            "sap-xep.ndjson", "UBND",
            [
                #"{"id":"ds-1","type":"agency.dissolved","occurred_at":"2025-06-20","data":{"code":"UBND-MX","effective":"2025-07-01","successors":["UBND"],"note":"Sắp xếp đơn vị hành chính"}}"#,
                #"{"id":"rn-1","type":"agency.renamed","occurred_at":"2025-07-01","data":{"code":"UBND-TD","name":"UBND phường Trần Đề","parent":"UBND","kind":"commune"}}"#,
            ])
        #expect(reorganised.status == .accepted, "\(reorganised.problems.map { $0.message(in: .en) })")
        // Before its day: taken. On its day: refused, naming the date.
        #expect(
            try ingest(
                "truoc.ndjson", "UBND-MX", [#"{"id":"mx-1","type":"article.published","occurred_at":"2025-06-30","data":{"title":"Tin","channel":"zalo"}}"#]
            ).status == .accepted)
        let late = try ingest(
            "sau.ndjson", "UBND-MX", [#"{"id":"mx-2","type":"article.published","occurred_at":"2025-07-01","data":{"title":"Tin","channel":"zalo"}}"#])
        #expect(late.status == .rejected)
        #expect(late.problems.first?.code == .notPermitted && late.problems.first?.message(in: .vi).contains("2025-07-01") == true)

        let service = ReportService(store: database, configuration: configuration)
        let q2 = try service.report(ReportPeriod(year: 2025, kind: .quarter(2)))
        let q3 = try service.report(ReportPeriod(year: 2025, kind: .quarter(3)))
        let year = try service.report(ReportPeriod(year: 2025, kind: .year))
        #expect(q2.agencies.contains { $0.code == "UBND-MX" })
        #expect(!q3.agencies.contains { $0.code == "UBND-MX" } && !q3.silentAgencies.contains("UBND-MX"))
        #expect(year.agencies.first { $0.code == "UBND-MX" }?.articlesByChannel.first?.1 == 1)
        // The rename re-attached the former district committee as a commune under UBND.
        let registry = try ingestor.currentRegistry()
        #expect(registry.agencies["UBND-TD"]?.parent == "UBND" && registry.agencies["UBND-TD"]?.kind == .commune)
        #expect(registry.agencies["UBND-MX"]?.successors == ["UBND"])
    }
}
