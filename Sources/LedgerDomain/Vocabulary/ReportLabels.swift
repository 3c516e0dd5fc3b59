/// The words of the human formats, in Vietnamese (default) or English.
public struct ReportLabels: Bilingual, Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    public var title: String { pick("Báo cáo kết quả công tác tuyên truyền cải cách hành chính", "Report on administrative-reform communication") }
    public var period: String { pick("Kỳ báo cáo", "Period") }
    public var mode: String { pick("Cách tính kỳ", "Period boundaries") }
    public var edition: String { pick("Lần ban hành", "Edition") }
    public var adHoc: String { pick("không ban hành (tra cứu)", "not issued (ad hoc)") }
    public var throughSeq: String { pick("Dữ liệu đến sự kiện số", "Data through seq") }
    public var headHash: String { pick("Mã băm sự kiện cuối", "Head hash") }
    public var checkpoint: String { pick("Điểm kiểm tra có chữ ký của sổ sự kiện", "Signed checkpoint of the event log") }
    public var witnessedCheckpoint: String { pick("Điểm kiểm tra được Trung tâm đồng ký", "Checkpoint cosigned by the centre") }
    public var witnessedCheckpointNote: String {
        pick(
            "Điểm kiểm tra mới nhất của sổ sự kiện đã được Trung tâm tiếp nhận, kiểm tra và đồng ký (C2SP tlog-cosignature); đối chiếu bằng reformledger verify --checkpoint … --witness-key ….",
            "The latest checkpoint of the event log that the centre accepted, checked and cosigned (C2SP tlog-cosignature); check it with reformledger verify --checkpoint … --witness-key …."
        )
    }
    public var checkpointNote: String {
        pick(
            "Bản ghi dưới đây do hệ thống ký số (Ed25519) tại thời điểm lập báo cáo; bất kỳ ai giữ bản này đều có thể đối chiếu để phát hiện việc sửa đổi lịch sử dữ liệu (reformledger verify --checkpoint).",
            "Signed (Ed25519) by the system when the report was made; anyone holding this copy can check that the history was not rewritten (reformledger verify --checkpoint)."
        )
    }
    public var totals: String { pick("Tổng hợp", "Totals") }
    public var events: String { pick("Sự kiện", "Events") }
    public var articles: String { pick("Tin, bài", "Articles") }
    public var activities: String { pick("Hoạt động", "Activities") }
    public var contests: String { pick("Hội thi", "Contests") }
    public var surveys: String { pick("Khảo sát", "Surveys") }
    public var agencies: String { pick("Kết quả của các cơ quan, đơn vị", "Agencies") }
    public var code: String { pick("Mã", "Code") }
    public var name: String { pick("Cơ quan, đơn vị", "Agency") }
    public var byChannel: String { pick("Theo kênh", "By channel") }
    public var byForm: String { pick("Theo hình thức", "By form") }
    public var reportSubmitted: String { pick("Đã gửi báo cáo", "Report submitted") }
    /// The agency table's column of `report_status`, with the due day.
    public func periodReport(due: LocalDate) -> String { pick("Báo cáo kỳ (hạn \(date(due)))", "Period report (due \(date(due)))") }
    public func feedbackDue(_ due: LocalDate) -> String { pick("Hạn gửi ý kiến: \(date(due))", "Feedback due: \(date(due))") }
    public var feedbackOnTime: String { pick("Gửi ý kiến đúng hạn", "Feedback on time") }
    public var feedbackLate: String { pick("Gửi ý kiến trễ hạn", "Feedback late") }
    public var findings: String { pick("Nhận xét, đánh giá và đề xuất (dự thảo)", "Findings and proposals (draft)") }
    public var achieved: String { pick("Kết quả đạt được", "Results achieved") }
    public var shortcomings: String { pick("Tồn tại, hạn chế", "Shortcomings") }
    public var proposals: String { pick("Đề xuất, kiến nghị", "Proposals") }
    public var agencyTitle: String { pick("Báo cáo của cơ quan, đơn vị", "Agency report") }
    public var results: String { pick("Kết quả thực hiện", "Results") }
    public var roleHeader: String { pick("Vai trò", "Role") }
    public var status: String { pick("Tình trạng", "Status") }
    public var total: String { pick("Tổng số", "Total") }
    public var details: String { pick("Chi tiết", "Details") }
    public var noTasks: String { pick("Không có nhiệm vụ được giao chủ trì hoặc phối hợp.", "No task is assigned to it.") }
    public func feedbackArrival(due: LocalDate) -> String { pick("Ý kiến về Hội thi (hạn \(date(due)))", "Contest feedback (due \(date(due)))") }
    public func reportArrival(due: LocalDate) -> String { pick("Báo cáo kỳ (hạn \(date(due)))", "Period report (due \(date(due)))") }
    /// "Kính gửi: Ủy ban nhân dân tỉnh Sóc Trăng (qua Sở Nội vụ)."
    public func addressee(_ superior: String, through: String) -> String {
        pick("Kính gửi: \(superior) (qua \(through)).", "To: \(superior), through \(through).")
    }
    /// The opening sentence of an agency's report.
    public func agencyOpening(_ agency: String, period: ReportPeriod, from: LocalDate, to: LocalDate) -> String {
        pick(
            "Thực hiện kế hoạch tuyên truyền cải cách hành chính của Ủy ban nhân dân tỉnh, \(agency) báo cáo kết quả thực hiện \(periodInWords(period)) (số liệu từ ngày \(date(from)) đến ngày \(date(to))) như sau:",
            "Under the province's administrative-reform communication plan, \(agency) reports its results for \(periodInWords(period)) (\(date(from)) to \(date(to))):"
        )
    }

    /// Says that the findings are drafted by the system, for a person to review.
    public var draftNote: String {
        pick(
            "Phần này do hệ thống tự động soạn từ số liệu của báo cáo; người soạn thảo rà soát, chỉnh sửa trước khi trình ký.",
            "Drafted automatically from the report's figures; the writer reviews and edits it before signature.")
    }
    public var tasks: String { pick("Tình hình thực hiện nhiệm vụ", "Tasks") }
    public var task: String { pick("Nhiệm vụ", "Task") }
    public var window: String { pick("Thời gian", "Window") }
    public var lead: String { pick("Chủ trì", "Lead") }
    public var statusByLead: String { pick("Tình trạng theo cơ quan chủ trì", "Status by lead") }
    public var linkedEvents: String { pick("Sự kiện liên quan", "Linked events") }
    public var indicators: String { pick("Chỉ tiêu", "Indicators") }
    public var indicator: String { pick("Chỉ tiêu", "Indicator") }
    public var numerator: String { pick("Tử số", "Numerator") }
    public var denominator: String { pick("Mẫu số", "Denominator") }
    public var value: String { pick("Giá trị", "Value") }
    public var target: String { pick("Mục tiêu", "Target") }
    public var met: String { pick("Đạt", "Met") }
    public var targetMet: String { pick("Đạt mục tiêu", "Target met") }
    public var targetMissed: String { pick("Chưa đạt mục tiêu", "Target not met") }
    /// A successor of a merge with the agencies it was: "X (trước đây: A, B)".
    public func formerly(_ name: String, names: String) -> String { pick("\(name) (trước đây: \(names))", "\(name) (formerly \(names))") }
    /// "Cùng kỳ năm trước (2023-Q1)": the row of the same period a year earlier.
    public func previousYear(_ period: String) -> String { pick("Cùng kỳ năm trước (\(period))", "Same period a year earlier (\(period))") }
    /// "Tăng, giảm so với cùng kỳ": the row of the change.
    public var change: String { pick("Tăng (+), giảm (−) so với cùng kỳ", "Change on a year earlier") }
    public var currentPeriod: String { pick("Kỳ này", "This period") }
    public var initiatives: String { pick("Mô hình, sáng kiến", "Models and initiatives") }
    public var completeness: String { pick("Tình hình gửi báo cáo", "Who reported") }
    public var expected: String { pick("Phải gửi", "Expected") }
    public var submittedCount: String { pick("Đã gửi", "Submitted") }
    public var onTimeCount: String { pick("Đúng hạn", "On time") }
    public var lateCount: String { pick("Muộn", "Late") }
    public var missingCount: String { pick("Chưa gửi", "Missing") }
    public var acceptedCount: String { pick("Đã tiếp nhận", "Accepted") }
    public var returnedCount: String { pick("Trả lại", "Returned") }
    public var submittedRate: String { pick("Tỷ lệ đã gửi", "Reporting rate") }
    public var onTimeRate: String { pick("Tỷ lệ đúng hạn", "On-time rate") }
    public var reviewPending: String { pick("chờ xem xét", "awaiting review") }
    public var reviewAccepted: String { pick("đã tiếp nhận", "accepted") }
    public func reviewReturned(_ reason: String?) -> String {
        pick("trả lại" + (reason.map { ": \($0)" } ?? ""), "returned" + (reason.map { ": \($0)" } ?? ""))
    }
    public func initiativesSummary(shared: Int, applied: Int, proposed: Int) -> String {
        pick(
            "Trong kỳ: \(shared) mô hình, sáng kiến được chia sẻ; \(applied) lượt áp dụng mới; \(proposed) đề xuất mới.",
            "In the period: \(shared) initiatives shared; \(applied) new applications; \(proposed) new proposals.")
    }
    public var initiativeCode: String { pick("Mã", "Code") }
    public var initiative: String { pick("Mô hình, sáng kiến", "Initiative") }
    public var initiativeOrigin: String { pick("Nơi khởi xướng", "Originated by") }
    public var appliedBy: String { pick("Cơ quan đang áp dụng", "Applied by") }
    public var proposalsInPeriod: String { pick("Đề xuất trong kỳ", "Proposed in the period") }
    public var appliedInitiatives: String { pick("Mô hình, sáng kiến đang áp dụng", "Initiatives applied") }
    public func appliedSince(_ day: LocalDate) -> String { pick("từ ngày \(date(day))", "since \(date(day))") }
    public var sameTimeLastYear: String { pick("Cùng kỳ năm trước", "A year earlier") }
    public var changeShort: String { pick("Tăng, giảm", "Change") }
    public var comparedItem: String { pick("Nội dung so sánh", "Compared") }
    public func articlesBy(_ channel: String) -> String { pick("Tin, bài — \(channel)", "Articles — \(channel)") }
    public func activitiesBy(_ form: String) -> String { pick("Hoạt động — \(form)", "Activities — \(form)") }
    /// A change of a ratio, in percentage points: "+5 điểm %", "−2,5 điểm %".
    public func points(_ change: String) -> String { pick("\(change) điểm %", "\(change) pp") }
    public var chartFigures: String { pick("Số liệu của biểu đồ", "The chart's figures") }

    /// How the period's days were cut: by the cut-off dates of Decree 09/2019 or the calendar.
    public func mode(_ mode: LedgerConfiguration.PeriodMode) -> String {
        switch mode {
        case .decree09: pick("mốc số liệu theo Nghị định 09/2019/NĐ-CP", "cut-off dates of Decree 09/2019")
        case .calendar: pick("theo lịch", "calendar")
        }
    }

    /// A day as Vietnamese documents write it (15/12/2023); ISO in English.
    public func date(_ day: LocalDate) -> String {
        guard language == .vi else { return day.description }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(day.day))/\(two(day.month))/\(day.year)"
    }

    /// A month on a chart's axis: "T3/24" (tháng 3 năm 2024), "3/24".
    public func month(_ month: Int, year: Int) -> String { pick("T\(month)/\(year % 100)", "\(month)/\(year % 100)") }
    public var contestFeedback: String {
        pick("Ý kiến về Hội thi cải cách hành chính (Công văn 118/UBND-TH)", "Feedback on the reform contest (letter 118/UBND-TH)")
    }
    public var responses: String { pick("Số phiếu", "Responses") }
    public var continueContest: String { pick("Đề nghị tiếp tục tổ chức Hội thi", "Continue the contest") }
    public var otherForm: String { pick("Đề nghị hình thức tuyên truyền khác", "Another form") }
    public var withoutResponse: String { pick("Chưa gửi ý kiến", "Without response") }
    public var silent: String { pick("Cơ quan chưa có hoạt động trong kỳ", "Agencies silent in the period") }
    public var none: String { pick("không có", "none") }
    public var yes: String { pick("có", "yes") }
    public var no: String { pick("không", "no") }
    public var ongoing: String { pick("thường xuyên", "ongoing") }

    public func role(_ role: String) -> String { role == "lead" ? pick("chủ trì", "lead") : pick("phối hợp", "coordinating") }

    public func window(_ window: TaskWindow) -> String {
        switch window {
        case .ongoing: ongoing
        case .months(let from, let to): from == to ? month(from) : "\(month(from)) – \(month(to))"
        }
    }

    /// "06/2024" as Vietnamese documents write a month; ISO in English.
    public func month(_ month: YearMonth) -> String {
        guard language == .vi else { return month.description }
        return (month.month < 10 ? "0" : "") + "\(month.month)/\(month.year)"
    }

    /// "quý I năm 2024", "6 tháng đầu năm 2024", … as administrative documents write them.
    public func periodInWords(_ period: ReportPeriod) -> String {
        switch (period.kind, language) {
        case (.quarter(let q), .vi): "quý \(["I", "II", "III", "IV"][q - 1]) năm \(period.year)"
        case (.firstHalf, .vi): "6 tháng đầu năm \(period.year)"
        case (.nineMonths, .vi): "9 tháng năm \(period.year)"
        case (.year, .vi): "năm \(period.year)"
        case (.quarter(let q), .en): "Q\(q) \(period.year)"
        case (.firstHalf, .en): "first half of \(period.year)"
        case (.nineMonths, .en): "first nine months of \(period.year)"
        case (.year, .en): "year \(period.year)"
        }
    }
}
