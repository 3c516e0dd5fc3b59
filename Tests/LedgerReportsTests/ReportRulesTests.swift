import Foundation
import GRDB
import Testing

@testable import LedgerDomain
@testable import LedgerReports
@testable import LedgerStore

/// The rules of CONTRACT §7.2 and §12, checked figure by figure on the golden scenario.
struct ReportRulesTests {
    let scenario: GoldenScenario
    let q1: ConsolidatedReport

    init() throws {
        scenario = try GoldenScenario()
        q1 = try scenario.report("2024-Q1")
    }

    func agency(_ code: String, in report: ConsolidatedReport? = nil) throws -> ConsolidatedReport.AgencyLine {
        try #require((report ?? q1).agencies.first { $0.code == code })
    }

    @Test func theLastDayIsInAndTheNextDayIsOut() throws {
        let bst = try agency("BST")
        #expect(bst.articles == 11)  // ten in January–February, one on 14 March; not the one of 15 March
        #expect(
            bst.articlesByChannel.map(\.0) == [
                "bulletin", "facebook", "loudspeaker", "newspaper", "portal", "publication",
                "radio", "television", "website", "youtube", "zalo",
            ])
        let q2 = try scenario.report("2024-Q2")
        #expect(try agency("BST", in: q2).articlesByChannel.map(\.0) == ["other"])
    }

    @Test func correctionsReplaceAndRetractionsRemove() throws {
        let svh = try agency("SVHTTDL")
        let forms = Dictionary(uniqueKeysWithValues: svh.activitiesByForm)
        #expect(forms["training"] == nil)  // SVH-01 was corrected into a workshop
        #expect(forms["workshop"] == 1)  // … and SVH-02, the other workshop, was retracted
        #expect(svh.activities == 13)
    }

    @Test func indicatorsUseSumsLatestReportsAndExactTargets() throws {
        let indicators = Dictionary(uniqueKeysWithValues: q1.indicators.map { ($0.indicator, $0) })
        let citizens = try #require(indicators["awareness.citizens"])
        #expect(citizens.numerator == 800 && citizens.denominator == 1000 && citizens.value == "0.8000" && citizens.met)
        let officials = try #require(indicators["awareness.officials"])
        #expect(officials.value == "0.8300" && officials.met)
        let businesses = try #require(indicators["awareness.businesses"])
        #expect(businesses.target == nil && !businesses.met && businesses.value == "0.6667")
        // The latest staff-trained report of SNV (14 March 22:00 local) replaces the January one.
        let trained = try #require(indicators["staff-trained"])
        #expect(trained.numerator == 40 && trained.denominator == 40 && trained.met)
        let online = try #require(indicators["online-procedures"])
        #expect(online.value == "0.9500" && !online.met)
        let performances = try #require(indicators["task:KH2024-02:performance"])
        #expect(performances.numerator == 1 && performances.denominator == nil && performances.value == nil && !performances.met)
    }

    @Test func tasksHaveStatusByLeadAndCoordinatorsSeeTheOverallOne() throws {
        let tasks = Dictionary(uniqueKeysWithValues: q1.tasks.map { ($0.task, $0) })
        let first = try #require(tasks["KH2024-01"])
        #expect(first.lead == ["DPTTH", "BST"])
        #expect(first.statusByLead.map { "\($0.0)=\($0.1.rawValue)" } == ["DPTTH=overdue", "BST=done"])
        #expect(try agency("SNV").tasks.first { $0.task == "KH2024-01" }?.status == .overdue)
        #expect(tasks["KH2024-02"]?.statusByLead.map(\.1) == [.inProgress])
        #expect(tasks["KH2024-12"]?.statusByLead.map(\.1) == [.ongoing, .ongoing])
        #expect(tasks["KH2024-03"]?.statusByLead.map(\.1) == [.notStarted, .notStarted])
        #expect(q1.tasks.map(\.task) == (1...12).map { String(format: "KH2024-%02d", $0) })
    }

    @Test func mergedAgenciesKeepTheirHistoryAndTheSuccessorSaysFormerly() throws {
        // Q1 began before the merge took effect (1 March): both are listed.
        #expect(q1.agencies.contains { $0.code == "UBND-TD" })
        #expect(try agency("UBND-CT").name == "UBND huyện Châu Thành (trước đây: UBND huyện Trần Đề)")
        #expect(try agency("UBND-TD").activities == 1)
        let q2 = try scenario.report("2024-Q2")
        #expect(!q2.agencies.contains { $0.code == "UBND-TD" })
        // Task 5's group "kind:district" no longer lists the merged district.
        #expect(q2.tasks.first { $0.task == "KH2024-05" }?.lead.contains("UBND-TD") == false)
    }

    @Test func contestFeedbackSilentAgenciesAndSubmittedReports() throws {
        #expect(q1.contestFeedback.responses == 2 && q1.contestFeedback.continueContest == 1 && q1.contestFeedback.otherForm == 1)
        #expect(!q1.contestFeedback.agenciesWithoutResponse.contains("UBND-MX") && !q1.contestFeedback.agenciesWithoutResponse.contains("SNV"))
        #expect(q1.contestFeedback.agenciesWithoutResponse.contains("BST"))
        #expect(q1.silentAgencies.contains("CAT") && !q1.silentAgencies.contains("BST"))
        #expect(try agency("BST").reportSubmitted && !(try agency("SNV").reportSubmitted))
        // Besides articles, activities, contests and surveys: BST-13 and SVH-17 (task reports),
        // BST-14 (report submitted), SNV-05, SNV-06 and MX-02 (indicator reports).
        #expect(q1.totals.events == q1.agencies.reduce(0) { $0 + $1.articles + $1.activities + $1.contests + $1.surveys } + 6)
    }

    @Test func anEarlierSeqShowsTheLogAsItStoodThen() throws {
        let beforeRetraction =
            try scenario.database.read { db in
                try Int64.fetchOne(db, sql: "SELECT seq FROM events WHERE id = 'SVH-16'")!
            } - 1
        let then = try scenario.report("2024-Q1", throughSeq: beforeRetraction)
        #expect(Dictionary(uniqueKeysWithValues: try agency("SVHTTDL", in: then).activitiesByForm)["workshop"] == 2)
        #expect(then.throughSeq == beforeRetraction)
        #expect(then.headHash != q1.headHash)
    }
}

/// Every format escapes what agencies wrote (an agency named `=HYPERLINK(…) <b>…</b> & "…"`).
struct ReportEscapingTests {
    @Test func hostileNamesAreEscapedInEveryFormat() throws {
        let scenario = try GoldenScenario()
        let report = try scenario.report("2024-Q1")
        let html = String(decoding: try ReportFormat.html.render(report, language: .vi), as: UTF8.self)
        #expect(html.contains("=HYPERLINK(&quot;http://x&quot;) &lt;b&gt;Đơn vị&lt;/b&gt; &amp; &quot;thử&quot;"))
        #expect(!html.contains("<b>Đơn vị</b>"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href=\"http"))
        let csv = String(decoding: try ReportFormat.csv.render(report, language: .vi), as: UTF8.self)
        #expect(csv.contains(#""'=HYPERLINK(""http://x"") <b>Đơn vị</b> & ""thử""""#))
        let markdown = String(decoding: try ReportFormat.md.render(report, language: .vi), as: UTF8.self)
        // Markdown viewers render HTML: escaped as the HTML report is (a title `<script>` shows as text).
        #expect(markdown.contains("| TEST-1 | =HYPERLINK(&quot;http://x&quot;) &lt;b&gt;Đơn vị&lt;/b&gt; &amp; &quot;thử&quot; |"))
        #expect(!markdown.contains("<b>"))
        let json = try JSONParser().parse(try ReportFormat.json.render(report, language: .vi))
        guard case .array(let agencies)? = json.objectValue?["agencies"] else {
            Issue.record("agencies expected")
            return
        }
        #expect(agencies.contains { $0.objectValue?["name"] == .string("=HYPERLINK(\"http://x\") <b>Đơn vị</b> & \"thử\"") })
    }

    @Test(arguments: [("=1+1", "'=1+1"), ("+84", "'+84"), ("-5", "'-5"), ("@x", "'@x"), ("a,b", "\"a,b\""), ("plain", "plain")])
    func csvCellsAreNeutralisedAndQuoted(_ raw: String, _ expected: String) {
        #expect(CSVReport.cell(raw) == expected)
    }
}
