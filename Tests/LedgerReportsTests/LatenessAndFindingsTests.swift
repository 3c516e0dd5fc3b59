import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerIngest
@testable import LedgerReports
@testable import LedgerStore

/// `report_status` and `feedback_status` (CONTRACT §7.4), the drafted findings and the
/// agency report (§7.5).
@Suite(.serialized)
struct LatenessAndFindingsTests {
    /// A ledger with the bundled plan, fed files each recorded at its own clock.
    final class Ledger {
        let folder = TemporaryDirectory("lateness")
        let store: LedgerDatabase
        var configuration = LedgerConfiguration()

        init() throws {
            store = try LedgerDatabase(path: folder.file("ledger.sqlite"), create: true)
            try ingest(BundledPlan.files(named: "soc-trang-2024"), agency: nil, at: "2024-01-02T08:00:00+07:00")
        }

        func ingest(_ paths: [String], agency: String?, at instant: String) throws {
            let ingestor = FileIngestor(
                store: store, options: IngestOptions(configuration: configuration), clock: FixedClock(EventTime.parseInstant(instant)!))
            for path in paths {
                let outcome = try ingestor.ingest(path: path, folderAgency: agency)
                precondition(outcome.status == .accepted, "\(path): \(outcome.problems.map { $0.message(in: .en) })")
            }
        }

        /// Drops one NDJSON line for `agency`, recorded at `instant`.
        func send(_ line: String, agency: String, at instant: String) throws {
            let path = folder.write("\(agency)/\(UUID().uuidString).ndjson", line + "\n")
            try ingest([path], agency: agency, at: instant)
        }

        func report(_ period: String) throws -> ConsolidatedReport {
            try ReportService(store: store, configuration: configuration).report(ReportPeriod.parse(period)!)
        }
    }

    static func submitted(_ id: String, period: String = "2024-Q1", corrects: String? = nil) -> String {
        let correction = corrects.map { #""corrects": "\#($0)", "# } ?? ""
        return #"{"id": "\#(id)", \#(correction)"type": "report.submitted", "occurred_at": "2024-03-14", "data": {"period": "\#(period)", "document": "1/BC"}}"#
    }

    static let feedback =
        #"{"id": "GY-1", "type": "survey.submitted", "occurred_at": "2024-01-20", "data": {"kind": "contest-feedback", "contest": "HT-CCHC-2023", "assessment": "Thiết thực", "recommendation": "continue-contest"}}"#

    @Test func aReportIsOnTimeByTheEndOfTheDueDayLateAfterAndMissingWithoutOne() throws {
        let ledger = try Ledger()
        // 2024-Q1 (decree09) ends 14 March; due 17 March, 23:59 local.
        try ledger.send(Self.submitted("R1"), agency: "BST", at: "2024-03-17T23:59:00+07:00")
        try ledger.send(Self.submitted("R2"), agency: "CAT", at: "2024-03-18T00:01:00+07:00")
        // A report for another period does not count for this one.
        try ledger.send(Self.submitted("R3", period: "2024-Q2"), agency: "STC", at: "2024-03-16T09:00:00+07:00")
        let report = try ledger.report("2024-Q1")
        #expect(report.reportDue.description == "2024-03-17")
        func status(_ code: String) -> Arrival? { report.agencies.first { $0.code == code }?.report }
        #expect(status("BST") == Arrival(status: .onTime, arrived: LocalDate.parse("2024-03-17")))
        #expect(status("CAT") == Arrival(status: .late, arrived: LocalDate.parse("2024-03-18")))
        #expect(status("STC") == .missing)
        let json = JSONWriter.string(report.json)
        #expect(json.contains(#""report_due":"2024-03-17""#))
        #expect(json.contains(#""report_status":"on_time","report_arrived":"2024-03-17""#))
        #expect(json.contains(#""report_status":"late","report_arrived":"2024-03-18""#))
    }

    @Test func aCorrectionOfAnOnTimeReportKeepsItOnTimeAndReportDueDaysMovesTheDay() throws {
        let ledger = try Ledger()
        try ledger.send(Self.submitted("R1"), agency: "BST", at: "2024-03-16T09:00:00+07:00")
        try ledger.send(Self.submitted("R1b", corrects: "R1"), agency: "BST", at: "2024-04-20T09:00:00+07:00")
        try ledger.send(Self.submitted("R2"), agency: "CAT", at: "2024-03-20T09:00:00+07:00")
        var report = try ledger.report("2024-Q1")
        #expect(report.agencies.first { $0.code == "BST" }?.report == Arrival(status: .onTime, arrived: LocalDate.parse("2024-03-16")))
        #expect(report.agencies.first { $0.code == "CAT" }?.report.status == .late)
        ledger.configuration.reportDueDays = 10
        report = try ledger.report("2024-Q1")
        #expect(report.reportDue.description == "2024-03-24")
        #expect(report.agencies.first { $0.code == "CAT" }?.report.status == .onTime)
    }

    @Test func contestFeedbackIsTrackedInThePeriodsThatHoldItsDueDay() throws {
        let ledger = try Ledger()
        try ledger.send(Self.feedback, agency: "UBND-MX", at: "2024-01-31T22:00:00+07:00")
        try ledger.send(Self.feedback.replacingOccurrences(of: "GY-1", with: "GY-2"), agency: "UBND-TD", at: "2024-02-01T08:00:00+07:00")
        let q1 = try ledger.report("2024-Q1")
        #expect(q1.contestFeedback.due?.description == "2024-01-31")
        #expect(q1.agencies.first { $0.code == "UBND-MX" }?.feedback?.status == .onTime)
        #expect(q1.agencies.first { $0.code == "UBND-TD" }?.feedback == Arrival(status: .late, arrived: LocalDate.parse("2024-02-01")))
        #expect(q1.agencies.first { $0.code == "BST" }?.feedback == .missing)
        #expect(q1.agencies.first { $0.code == "SNV" }?.feedback == nil, "a coordinator is not asked")
        #expect(try ledger.report("2024").contestFeedback.due != nil)
        let q2 = try ledger.report("2024-Q2")
        #expect(q2.contestFeedback.due == nil && q2.agencies.allSatisfy { $0.feedback == nil })
        #expect(JSONWriter.string(q2.json).contains(#""feedback_status":null,"feedback_arrived":null"#))
        ledger.configuration.feedbackDue = nil
        #expect(try ledger.report("2024-Q1").agencies.allSatisfy { $0.feedback == nil })
    }

    @Test func theDraftedFindingsNameWhatTheFiguresShow() throws {
        let scenario = try GoldenScenario()
        let report = try scenario.report("2024-Q1")
        let findings = Findings(report, language: .vi)
        #expect(findings == Findings(try scenario.report("2024-Q1"), language: .vi), "deterministic")
        let achieved = findings.achieved.joined(separator: "\n"), shortcomings = findings.shortcomings.joined(separator: "\n")
        let proposals = findings.proposals.joined(separator: "\n")
        // Targets met and missed, with their values.
        #expect(achieved.contains("nắm vững mục tiêu, nhiệm vụ CCHC: đạt 83% (249/300), đạt mục tiêu 80%"))
        #expect(shortcomings.contains("dịch vụ công trực tuyến: mới đạt 95% (95/100), chưa đạt mục tiêu 100%"))
        // The overdue task with its lead by name, and the proposal to finish it.
        #expect(shortcomings.contains("KH2024-01") && shortcomings.contains("cơ quan chủ trì: Đài Phát thanh và Truyền hình Sóc Trăng"))
        #expect(proposals.contains("Đề nghị Đài Phát thanh và Truyền hình Sóc Trăng khẩn trương hoàn thành các nhiệm vụ quá hạn (KH2024-01)"))
        // Late and missing by name, with the day a late one arrived; coordinators not among them.
        #expect(shortcomings.contains("Gửi báo cáo kỳ trễ hạn (hạn 17/03/2024): Báo Sóc Trăng (31/12/2024)."))
        #expect(shortcomings.contains("Gửi ý kiến về Hội thi trễ hạn (hạn 31/01/2024): UBND huyện Mỹ Xuyên (31/12/2024)."))
        let missing = try #require(findings.shortcomings.first { $0.contains("chưa gửi báo cáo kỳ") })
        #expect(!missing.contains("Sở Nội vụ") && !missing.contains("Ủy ban nhân dân tỉnh Sóc Trăng") && !missing.contains("UBND huyện Mỹ Xuyên"))
        // The contest tally and what it asks for.
        #expect(achieved.contains("Đã nhận 2 phiếu ý kiến về Hội thi"))
        #expect(proposals.contains("Ý kiến về Hội thi chia đều (1 tiếp tục, 1 hình thức khác)"))
        let english = Findings(report, language: .en)
        #expect(english.shortcomings.contains { $0.hasPrefix("Period reports sent late (due 2024-03-17): Báo Sóc Trăng (2024-12-31)") })
    }

    @Test func anAgencyReportIsCutFromTheConsolidatedOne() throws {
        let scenario = try GoldenScenario()
        let report = try scenario.report("2024-Q1")
        let own = try #require(AgencyReport(report, agency: "UBND-MX"))
        #expect(own.agency.report.status == .onTime && own.agency.feedback?.status == .late)
        #expect(own.tasks.contains { $0.line.task == "KH2024-05" && $0.role == "lead" })
        #expect(own.tasks.contains { $0.line.task == "KH2024-02" && $0.role == "coordinating" })
        // Its own awareness survey (100 of 100 citizens), not the province's sum.
        let citizens = try #require(own.indicators.first { $0.indicator == "awareness.citizens" })
        #expect(citizens.numerator == 100 && citizens.denominator == 100 && citizens.met)
        #expect(!own.indicators.contains { $0.indicator.hasPrefix("task:") })
        guard case .object(let json) = own.json else {
            Issue.record("not an object")
            return
        }
        #expect(json["agency"]?.objectValue?["name"]?.stringValue == "UBND huyện Mỹ Xuyên")
        #expect(json["report_status"]?.stringValue == "on_time" && json["through_seq"] == .integer(Int(report.throughSeq)))
        #expect(AgencyReport(report, agency: "NOPE") == nil)
        #expect(throws: ReportFormat.RenderFailure.self) { try ReportFormat.csv.render(own, language: .vi) }
        let docx = AgencyDocxReport(report: own, labels: ReportLabels(.vi)).document()
        for text in [
            "UBND HUYỆN MỸ XUYÊN", "Số: …/BC-UBND-MX", "Kính gửi: Ủy ban nhân dân tỉnh Sóc Trăng (qua Sở Nội vụ).", "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ",
            "Tồn tại, hạn chế",
        ] {
            #expect(docx.contains(text), "\(text)")
        }
        // A people's committee heads its own document; a department sits under "UBND TỈNH …".
        #expect(!docx.contains("UBND TỈNH SÓC TRĂNG"))
        let newspaper = AgencyDocxReport(report: try #require(AgencyReport(report, agency: "BST")), labels: ReportLabels(.vi)).document()
        #expect(newspaper.contains("UBND TỈNH SÓC TRĂNG") && newspaper.contains("BÁO SÓC TRĂNG") && newspaper.contains("Số: …/BC-BST"))
    }

    /// Codes stay in JSON and CSV; md, html and docx show words (CONTRACT §7.2, issue's
    /// "no raw codes left"). Checked on the visible text: tags and class names removed.
    @Test func noRawCodeIsLeftInTheHumanFormats() throws {
        let scenario = try GoldenScenario()
        var report = try scenario.report("2024-Q1")
        report.edition = 1
        let own = try #require(AgencyReport(report, agency: "UBND-MX"))
        let labels = ReportLabels(.vi)
        let texts: [(String, String)] = [
            ("md", MarkdownReport(report: report, labels: labels).render()),
            ("html", Self.visible(try HTMLReport(report: report, labels: labels).render())),
            ("docx", Self.visible(DocxReport(report: report, labels: labels).document())),
            ("agency md", AgencyMarkdownReport(report: own, labels: labels).render()),
            ("agency html", Self.visible(AgencyHTMLReport(report: own, labels: labels).render())),
            ("agency docx", Self.visible(AgencyDocxReport(report: own, labels: labels).document())),
        ]
        // "video" is a Vietnamese word too (the plan's task KH2024-04 says "video tuyên truyền").
        var codes = Channel.allCases.map(\.rawValue) + ActivityForm.allCases.map(\.rawValue).filter { $0 != "video" }
        codes += AgencyKind.allCases.map(\.rawValue)
        codes += Audience.allCases.map(\.rawValue) + SurveyKind.allCases.map(\.rawValue) + Recommendation.allCases.map(\.rawValue)
        codes += TaskStatus.allCases.map(\.rawValue) + Arrival.Status.allCases.map(\.rawValue) + EventType.allCases.map(\.rawValue)
        codes += ["awareness.officials", "awareness.citizens", "awareness.businesses", "staff-trained", "online-procedures", "task:KH2024", "decree09"]
        for (format, text) in texts {
            for code in codes {
                #expect(!Self.containsWord(text, code), "\(format) shows the code “\(code)”")
            }
            // Silent agencies by name: no list of bare codes.
            #expect(!text.contains("BHXH, BQLDA2") && !text.contains("BHXH; BQLDA2"), "\(format)")
        }
    }

    /// The text a reader sees: markup removed, entities decoded.
    static func visible(_ markup: String) -> String {
        var text = markup.replacingOccurrences(of: "<style>[^<]*</style>", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// `word` in `text` not inside a longer identifier (letters, digits, `-`, `_`, `.`).
    static func containsWord(_ text: String, _ word: String) -> Bool {
        var start = text.startIndex
        while let range = text.range(of: word, range: start..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            func joins(_ character: Character?) -> Bool {
                guard let character else { return false }
                return character.isLetter || character.isNumber || "-_.".contains(character)
            }
            if !joins(before) && !joins(after) { return true }
            start = range.upperBound
        }
        return false
    }
}
