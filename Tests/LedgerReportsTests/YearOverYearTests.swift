import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerIngest
@testable import LedgerReports
@testable import LedgerStore

/// "So với cùng kỳ năm trước": every consolidated report carries the same period a year
/// earlier when the log has anything dated in it, and its figures equal a count by hand.
struct YearOverYearTests {
    let folder = TemporaryDirectory("year-over-year")

    @Test func theSamePeriodAYearEarlierEqualsACountByHand() throws {
        let database = try LedgerDatabase(path: folder.file("ledger.sqlite"), create: true)
        var configuration = LedgerConfiguration()
        configuration.periods = .calendar
        let ingestor = FileIngestor(
            store: database, options: IngestOptions(configuration: configuration),
            clock: FixedClock(EventTime.parseInstant("2024-06-30T12:00:00+07:00")!))
        for path in try BundledPlan.files(named: "soc-trang-2024") { _ = try ingestor.ingest(path: path, folderAgency: nil) }
        // 2023-Q1: 3 articles (one retracted), 1 activity, 1 awareness survey (40 of 50).
        // 2024-Q1: 5 articles, 2 activities, 1 contest. Anything dated outside a Q1 is not counted.
        let lines =
            [
                #"{"id":"a23-1","type":"article.published","occurred_at":"2023-01-10","data":{"title":"T","channel":"zalo"}}"#,
                #"{"id":"a23-2","type":"article.published","occurred_at":"2023-02-10","data":{"title":"T","channel":"radio"}}"#,
                #"{"id":"a23-3","type":"article.published","occurred_at":"2023-03-31","data":{"title":"T","channel":"radio"}}"#,
                #"{"id":"x23-3","type":"event.retracted","occurred_at":"2023-04-02","data":{"event":"a23-3","reason":"nhầm"}}"#,
                #"{"id":"h23-1","type":"activity.held","occurred_at":"2023-03-01","data":{"title":"H","form":"training"}}"#,
                #"{"id":"s23-1","type":"survey.submitted","occurred_at":"2023-03-02","data":{"kind":"awareness","audience":"citizens","respondents":50,"aware":40}}"#,
                #"{"id":"a23-4","type":"article.published","occurred_at":"2023-04-01","data":{"title":"T","channel":"zalo"}}"#,
            ]
            + (1...5).map {
                #"{"id":"a24-\#($0)","type":"article.published","occurred_at":"2024-0\#(1 + $0 % 3)-0\#($0)","data":{"title":"T","channel":"portal"}}"#
            }
            + [
                #"{"id":"h24-1","type":"activity.held","occurred_at":"2024-01-20","data":{"title":"H","form":"workshop"}}"#,
                #"{"id":"h24-2","type":"activity.held","occurred_at":"2024-02-20","data":{"title":"H","form":"workshop"}}"#,
                #"{"id":"c24-1","type":"contest.held","occurred_at":"2024-03-20","data":{"title":"Hội thi","start":"2024-03-01","end":"2024-03-20","participants":30}}"#,
            ]
        let outcome = try ingestor.ingest(path: folder.write("inbox/BST/two-years.ndjson", lines.joined(separator: "\n")), folderAgency: "BST")
        #expect(outcome.status == .accepted, "\(outcome.problems.prefix(2).map { $0.message(in: .en) })")

        let service = ReportService(store: database, configuration: configuration)
        let q1 = try service.report(ReportPeriod(year: 2024, kind: .quarter(1)))
        let previous = try #require(q1.previousYear)
        #expect(previous.period.description == "2023-Q1" && previous.from.description == "2023-01-01" && previous.to.description == "2023-03-31")
        var expected = ConsolidatedReport.Totals()
        expected.events = 4
        expected.articles = 2
        expected.activities = 1
        expected.surveys = 1
        #expect(previous.totals == expected)
        #expect(previous.indicators.first { $0.indicator == "awareness.citizens" }?.value == "0.8000")
        #expect(q1.totals.articles == 5 && q1.totals.events == 8)
        // The JSON carries it; the Markdown shows the change (+3 articles, +1 activity, +1 contest, −1 survey).
        let json = String(decoding: try ReportFormat.json.render(q1, language: .vi), as: UTF8.self)
        #expect(json.contains(#""previous_year": {"#) && json.contains(#""period": "2023-Q1""#))
        let markdown = String(decoding: try ReportFormat.md.render(q1, language: .vi), as: UTF8.self)
        #expect(markdown.contains("| Tăng (+), giảm (−) so với cùng kỳ | +4 | +3 | +1 | +1 | −1 |"), "\(markdown.prefix(1200))")
        // By channel, form and indicator: 2023-Q1 had zalo 1, radio 1 (one retracted), training 1,
        // citizens 80%; 2024-Q1 has portal 5, workshop 2, and no survey.
        #expect(previous.channels.map { "\($0.0)=\($0.1)" } == ["radio=1", "zalo=1"] && previous.forms.map { "\($0.0)=\($0.1)" } == ["training=1"])
        #expect(json.contains(#""by_channel": {"#) && json.contains(#""zalo": 1"#))
        let portal = ReportWords(q1, language: .vi).channel("portal"), radio = ReportWords(q1, language: .vi).channel("radio")
        #expect(markdown.contains("| Tin, bài — \(portal) | 5 | 0 | +5 |") && markdown.contains("| Tin, bài — \(radio) | 0 | 1 | −1 |"), "\(markdown)")
        #expect(markdown.contains("| 0 | 1 | −1 |") && markdown.contains(" | – | 80% | – |"), "the survey of a year earlier is shown against none now")
        let html = String(decoding: try ReportFormat.html.render(q1, language: .vi), as: UTF8.self)
        #expect(html.contains("<table class=\"year-over-year-details\">") && html.contains("<td>5</td><td>0</td><td>+5</td>"))
        // A ratio's change is in percentage points.
        #expect(YearOverYear.change(from: "0.7500", to: "0.9050", ratio: true, ReportLabels(.vi), HumanNumbers(.vi)) == "+15,5 điểm %")
        #expect(YearOverYear.change(from: "0.8", to: "0.75", ratio: true, ReportLabels(.en), HumanNumbers(.en)) == "−5 pp")
        // A period whose year before holds nothing has no comparison, and no key.
        let q2of2023 = try service.report(ReportPeriod(year: 2023, kind: .quarter(1)))
        #expect(q2of2023.previousYear == nil)
        #expect(!String(decoding: try ReportFormat.json.render(q2of2023, language: .vi), as: UTF8.self).contains("previous_year"))
    }
}
