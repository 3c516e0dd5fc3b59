import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerIngest
@testable import LedgerReports
@testable import LedgerStore

/// Plans by year (CONTRACT §12, plans): a second year's plan, targets with and without a
/// plan, and a task carried over leave the first year's report as it was; a period of the
/// second year lists only that year's tasks (a carried one with its history) and takes
/// that year's targets.
struct PlanYearTests {
    let folder = TemporaryDirectory("plan-years")

    func ingest(_ ingestor: FileIngestor, _ name: String, agency: String?, _ lines: [String]) throws {
        let outcome = try ingestor.ingest(path: folder.write("inbox/\(name)", lines.joined(separator: "\n")), folderAgency: agency)
        #expect(outcome.status == .accepted, "\(name): \(outcome.problems.prefix(3).map { $0.message(in: .en) })")
    }

    /// The report's JSON without what moves with the head.
    func body(_ report: ConsolidatedReport) throws -> String {
        var report = report
        report.throughSeq = 0
        report.headHash = ""
        report.checkpoint = nil
        return String(decoding: try ReportFormat.json.render(report, language: .vi), as: UTF8.self)
    }

    @Test func aSecondYearLeavesTheFirstAsItWasAndHasItsOwnTasksAndTargets() throws {
        let database = try LedgerDatabase(path: folder.file("ledger.sqlite"), create: true)
        var configuration = LedgerConfiguration()
        configuration.periods = .calendar
        let ingestor = FileIngestor(
            store: database, options: IngestOptions(configuration: configuration),
            clock: FixedClock(EventTime.parseInstant("2025-06-30T12:00:00+07:00")!))
        // The bundled plan adopts KH-TTCCHC-2024 for 2024 itself (02-plan.ndjson).
        for path in try BundledPlan.files(named: "soc-trang-2024") { _ = try ingestor.ingest(path: path, folderAgency: nil) }
        try ingest(
            ingestor, "BST/2024.ndjson", agency: "BST",
            [
                #"{"id":"a1","type":"article.published","occurred_at":"2024-02-10","data":{"title":"Tin 1","channel":"portal","task":"KH2024-01"}}"#,
                #"{"id":"s1","type":"survey.submitted","occurred_at":"2024-05-10","data":{"kind":"awareness","audience":"citizens","respondents":100,"aware":85}}"#,
            ])
        let service = ReportService(store: database, configuration: configuration)
        let year2024 = ReportPeriod(year: 2024, kind: .year)
        let before = try body(service.report(year2024))

        try ingest(
            ingestor, "UBND/plan-2025.ndjson", agency: "UBND",
            [
                #"{"id":"plan-2025","type":"plan.adopted","occurred_at":"2025-01-02","data":{"plan":"KH-TTCCHC-2025","title":"Kế hoạch 2025","year":2025,"document":"12/KH-UBND"}}"#,
                #"{"id":"t25-1","type":"task.assigned","occurred_at":"2025-01-02","data":{"task":"KH2025-01","title":"Tiếp tục","plan":"KH-TTCCHC-2025","lead":["BST"],"window":{"from":"2025-01","to":"2025-06"},"carried_from":"KH2024-01"}}"#,
                #"{"id":"t25-2","type":"task.assigned","occurred_at":"2025-01-02","data":{"task":"KH2025-02","title":"Mới","plan":"KH-TTCCHC-2025","lead":["SNV"],"window":"ongoing"}}"#,
                #"{"id":"g25-1","type":"target.set","occurred_at":"2025-01-05","data":{"indicator":"awareness.citizens","min":"0.9","plan":"KH-TTCCHC-2025"}}"#,
                #"{"id":"g25-2","type":"target.set","occurred_at":"2025-01-10","data":{"indicator":"awareness.officials","min":"0.95"}}"#,
            ])
        try ingest(
            ingestor, "BST/2025.ndjson", agency: "BST",
            [
                #"{"id":"a25","type":"article.published","occurred_at":"2025-04-01","data":{"title":"Tin 2025","channel":"zalo","task":"KH2025-01"}}"#
            ])

        // The first year reads as it did.
        #expect(try body(service.report(year2024)) == before)
        // The second year's quarter: its plan, its tasks (one carried with its history), its targets.
        let q2 = try service.report(ReportPeriod(year: 2025, kind: .quarter(2)))
        #expect(q2.plans.map(\.plan) == ["KH-TTCCHC-2025"])
        #expect(q2.tasks.map(\.task) == ["KH2025-01", "KH2025-02"])
        let carried = try #require(q2.tasks.first)
        #expect(carried.carriedFrom == "KH2024-01" && carried.linkedEvents == 2)
        #expect(carried.statusByLead.map(\.1) == [.inProgress])
        let targets = Dictionary(uniqueKeysWithValues: q2.indicators.map { ($0.indicator, $0.target) })
        #expect(targets["awareness.citizens"] == .some("0.9"))
        #expect(targets["awareness.officials"] == .some("0.95"))
        #expect(targets["staff-trained"] == .some("1.0"))
        let json = String(decoding: try ReportFormat.json.render(q2, language: .vi), as: UTF8.self)
        #expect(json.contains(#""carried_from": "KH2024-01""#) && json.contains(#""document": "12/KH-UBND""#))
        // 2024's own targets stayed 2024's.
        let first = try service.report(year2024)
        #expect(first.indicators.first { $0.indicator == "awareness.citizens" }?.target == "0.8")
        #expect(first.plans.map(\.plan) == ["KH-TTCCHC-2024"])
        #expect(!first.tasks.contains { $0.task.hasPrefix("KH2025") })
    }
}
