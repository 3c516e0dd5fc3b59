import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerIngest
@testable import LedgerReports
@testable import LedgerStore

/// The reporting loop in the report: SNV's decisions, a resubmission pending again, and
/// completeness (who was expected, who reported, on time, accepted, returned) equal to a
/// count by hand on the golden scenario.
struct ReviewLoopTests {
    func ingest(_ scenario: GoldenScenario, agency: String, day: String, _ lines: [String]) throws -> FileOutcome {
        let ingestor = FileIngestor(
            store: scenario.store, options: IngestOptions(configuration: scenario.configuration),
            clock: FixedClock(EventTime.parseInstant("\(day)T12:00:00+07:00")!))
        return try ingestor.ingest(path: scenario.folder.write("\(agency)-\(UUID().uuidString).ndjson", lines.joined(separator: "\n")), folderAgency: agency)
    }

    @Test func completenessOfTheGoldenScenarioIsItsHandCount() throws {
        let scenario = try GoldenScenario()
        let report = try scenario.report("2024-Q1")
        // The bundled plan registers 32 agencies, UBND and SNV among them (coordinators, who
        // receive the reports): 30 are expected. UBND-MX's report was recorded on 2024-03-16,
        // within Decree 09's due day (the 17th); BST's at the year's end, late. Nothing reviewed.
        let c = try #require(report.completeness.last)
        let counts: [Int] = [c.expected, c.submitted, c.onTime, c.late, c.missing, c.accepted, c.returned]
        #expect(counts == [30, 2, 1, 1, 28, 0, 0])
        #expect(c.rate == "0.0667" && c.onTimeRate == "0.0333")
        #expect(report.completeness.count == 1, "no earlier quarter had anyone expected")
        let json = String(decoding: try ReportFormat.json.render(report, language: .vi), as: UTF8.self)
        #expect(json.contains(#""rate": "0.0667""#) && json.contains(#""on_time_rate": "0.0333""#) && json.contains(#""expected": 30"#))
        #expect(report.agencies.first { $0.code == "BST" }?.review == .pending)
        #expect(report.agencies.first { $0.code == "STTTT" }?.review == nil)
    }

    @Test func aReturnedReportResubmittedIsPendingAgainAndAnAcceptanceCounts() throws {
        let scenario = try GoldenScenario()
        let returned = try ingest(
            scenario, agency: "SNV", day: "2024-04-01",
            [
                #"{"id":"RV-1","type":"report.reviewed","occurred_at":"2024-04-01","data":{"agency":"BST","period":"2024-Q1","decision":"returned","reason":"Thiếu số liệu tập huấn"}}"#,
                #"{"id":"RV-2","type":"report.reviewed","occurred_at":"2024-04-01","data":{"agency":"UBND-MX","period":"2024-Q1","decision":"accepted"}}"#,
            ])
        #expect(returned.status == .accepted, "\(returned.problems.map { $0.message(in: .en) })")
        var report = try scenario.report("2024-Q1")
        let bst = try #require(report.agencies.first { $0.code == "BST" })
        #expect(bst.review == .returned && bst.reviewReason == "Thiếu số liệu tập huấn")
        #expect(bst.articles == 11, "a returned report's figures are counted (and flagged)")
        var c = try #require(report.completeness.last)
        #expect(c.accepted == 1 && c.returned == 1)
        let markdown = String(decoding: try ReportFormat.md.render(report, language: .vi), as: UTF8.self)
        #expect(markdown.contains("— trả lại: Thiếu số liệu tập huấn |") && markdown.contains("Đúng hạn (16/03/2024) — đã tiếp nhận |"))
        #expect(markdown.contains("Báo cáo bị trả lại để hoàn thiện (số liệu vẫn được tổng hợp): Báo Sóc Trăng (Thiếu số liệu tập huấn)."))

        // BST comments and sends its report again: pending again, returned no more.
        let again = try ingest(
            scenario, agency: "BST", day: "2024-04-03",
            [
                #"{"id":"C-1","type":"comment.posted","occurred_at":"2024-04-03","data":{"agency":"BST","period":"2024-Q1","text":"Đã bổ sung số liệu."}}"#,
                #"{"id":"BC-Q1-2","type":"report.submitted","occurred_at":"2024-04-03","data":{"period":"2024-Q1"}}"#,
            ])
        #expect(again.status == .accepted, "\(again.problems.map { $0.message(in: .en) })")
        report = try scenario.report("2024-Q1")
        #expect(report.agencies.first { $0.code == "BST" }?.review == .pending)
        c = try #require(report.completeness.last)
        #expect(c.accepted == 1 && c.returned == 0 && c.submitted == 2)
        let registry = try scenario.database.readSession { try $0.registry(coordinators: ["UBND", "SNV"], zone: .hoChiMinh) }
        #expect(registry.comments(of: "BST", period: "2024-Q1").map(\.text) == ["Đã bổ sung số liệu."])

        // The next quarter carries Q1 in its history, and BST's last periods.
        let q2 = try scenario.report("2024-Q2")
        #expect(q2.completeness.map(\.period.description) == ["2024-Q1", "2024-Q2"])
        #expect(q2.completeness.first == c)
        #expect(
            q2.agencies.first { $0.code == "UBND-MX" }?.lastPeriods.map { "\($0.period) \($0.review?.rawValue ?? "-")" } == ["2024-Q1 accepted", "2024-Q2 -"])
    }

    @Test func aReturnWithoutAReasonAndAClerkReviewingOrCommentingForAnotherAreRefused() throws {
        let scenario = try GoldenScenario()
        let noReason = try ingest(
            scenario, agency: "SNV", day: "2024-04-01",
            [#"{"id":"RV-9","type":"report.reviewed","occurred_at":"2024-04-01","data":{"agency":"BST","period":"2024-Q1","decision":"returned"}}"#])
        #expect(noReason.problems.map(\.code) == [.missingField] && noReason.problems.first?.field == "data.reason")
        let clerkReviews = try ingest(
            scenario, agency: "BST", day: "2024-04-01",
            [#"{"id":"RV-8","type":"report.reviewed","occurred_at":"2024-04-01","data":{"agency":"BST","period":"2024-Q1","decision":"accepted"}}"#])
        #expect(clerkReviews.problems.map(\.code) == [.notPermitted])
        let otherThread = try ingest(
            scenario, agency: "BST", day: "2024-04-01",
            [#"{"id":"C-9","type":"comment.posted","occurred_at":"2024-04-01","data":{"agency":"STTTT","period":"2024-Q1","text":"x"}}"#])
        #expect(otherThread.problems.map(\.code) == [.notPermitted] && otherThread.problems.first?.field == "data.agency")
    }
}
