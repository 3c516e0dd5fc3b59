/// The sentences of a report's findings (`Findings` in LedgerReports), in Vietnamese or
/// English, from figures already written as people read them.
public struct FindingPhrases: Bilingual, Sendable {
    public let language: Language
    var vi: Bool { language == .vi }
    var labels: ReportLabels { ReportLabels(language) }

    public init(language: Language) {
        self.language = language
    }

    public func date(_ day: LocalDate?) -> String { day.map(labels.date) ?? "–" }
    public func window(_ window: TaskWindow) -> String { labels.window(window) }

    /// "0.8333" → "83,33%" (vi) / "83.33%"; "0.8" → "80%": a ratio written as people do.
    public func percent(_ decimal: String) -> String { HumanNumbers(language).percent(decimal) }

    public func activity(active: Int, listed: Int, totals: (events: Int, articles: Int, activities: Int, contests: Int, surveys: Int)) -> String {
        vi
            ? "Trong kỳ, \(active)/\(listed) cơ quan, đơn vị có hoạt động tuyên truyền cải cách hành chính, với \(totals.events) sự kiện được ghi nhận: \(totals.articles) tin, bài; \(totals.activities) hoạt động; \(totals.contests) hội thi; \(totals.surveys) phiếu khảo sát."
            : "In the period, \(active) of \(listed) agencies communicated on administrative reform, with \(totals.events) events recorded: \(totals.articles) articles, \(totals.activities) activities, \(totals.contests) contests, \(totals.surveys) surveys."
    }

    /// "Công tác nhân rộng mô hình, sáng kiến: …" from a period's counts.
    public func initiatives(shared: Int, applying: Int, models: Int, applied: Int, proposed: Int) -> String {
        vi
            ? "Về mô hình, sáng kiến cải cách hành chính: \(models) mô hình, sáng kiến đã được chia sẻ (\(shared) trong kỳ), \(applying) cơ quan, đơn vị đang áp dụng; trong kỳ có \(applied) lượt áp dụng mới và \(proposed) đề xuất mới."
            : "On reform initiatives: \(models) shared (\(shared) in the period), applied by \(applying) agencies; in the period \(applied) new applications and \(proposed) new proposals."
    }

    public func reviewProposals(_ titles: [String]) -> String {
        vi
            ? "Sở Nội vụ xem xét, chia sẻ các đề xuất mô hình, sáng kiến mới có khả năng nhân rộng: \(titles.joined(separator: "; "))."
            : "SNV to review and share the new proposals that can be replicated: \(titles.joined(separator: "; "))."
    }

    public func ownInitiatives(applied: [String], proposed: [String]) -> String {
        vi
            ? "Về mô hình, sáng kiến: đang áp dụng \(applied.isEmpty ? "không có" : applied.joined(separator: "; ")); đề xuất trong kỳ \(proposed.isEmpty ? "không có" : proposed.joined(separator: "; "))."
            : "Initiatives: applying \(applied.isEmpty ? "none" : applied.joined(separator: "; ")); proposed in the period \(proposed.isEmpty ? "none" : proposed.joined(separator: "; "))."
    }

    public func completeness(submitted: Int, expected: Int, onTime: Int, rate: String) -> String {
        vi
            ? "\(submitted)/\(expected) cơ quan, đơn vị đã gửi báo cáo kỳ (\(percent(rate))), trong đó \(onTime) đúng hạn."
            : "\(submitted) of \(expected) agencies sent their period report (\(percent(rate))), \(onTime) on time."
    }

    public func returned(_ names: [String]) -> String {
        vi
            ? "Báo cáo bị trả lại để hoàn thiện (số liệu vẫn được tổng hợp): \(names.joined(separator: "; "))."
            : "Reports returned for completion (their figures are still counted): \(names.joined(separator: "; "))."
    }

    public func ownActivity(articles: Int, activities: Int, contests: Int, surveys: Int) -> String {
        vi
            ? "Trong kỳ, cơ quan, đơn vị đã thực hiện \(articles) tin, bài; \(activities) hoạt động; \(contests) hội thi; \(surveys) phiếu khảo sát về cải cách hành chính."
            : "In the period, the agency published \(articles) articles and held \(activities) activities, \(contests) contests and \(surveys) surveys on administrative reform."
    }

    public func topChannels(_ items: [(String, Int)]) -> String {
        let list = items.map { "\($0.0) (\($0.1))" }.joined(separator: ", ")
        return vi ? "Tin, bài được đăng trên các kênh: \(list)." : "Articles by channel: \(list)."
    }

    public func met(_ name: String, value: String, target: String) -> String {
        vi ? "\(name): đạt \(value), đạt mục tiêu \(target)." : "\(name): \(value), target \(target) met."
    }

    public func missed(_ name: String, value: String, target: String, hasData: Bool) -> String {
        guard hasData else {
            return vi ? "\(name): chưa có số liệu trong kỳ (mục tiêu \(target))." : "\(name): no data in the period (target \(target))."
        }
        return vi ? "\(name): mới đạt \(value), chưa đạt mục tiêu \(target)." : "\(name): only \(value), below the target of \(target)."
    }

    public func tasksDone(_ tasks: [String]) -> String {
        vi ? "Đã hoàn thành \(tasks.count) nhiệm vụ: \(tasks.joined(separator: "; "))." : "\(tasks.count) tasks done: \(tasks.joined(separator: "; "))."
    }

    public func reportsOnTime(_ count: Int, of total: Int, due: LocalDate) -> String {
        vi
            ? "\(count)/\(total) cơ quan, đơn vị gửi báo cáo kỳ đúng hạn (hạn gửi: hết ngày \(date(due)))."
            : "\(count) of \(total) agencies sent their period report on time (by the end of \(date(due)))."
    }

    public func feedbackTally(_ f: (responses: Int, continueContest: Int, otherForm: Int)) -> String {
        vi
            ? "Đã nhận \(f.responses) phiếu ý kiến về Hội thi cải cách hành chính: \(f.continueContest) ý kiến đề nghị tiếp tục tổ chức Hội thi, \(f.otherForm) ý kiến đề nghị hình thức tuyên truyền khác."
            : "\(f.responses) responses on the reform contest: \(f.continueContest) to continue it, \(f.otherForm) for another form."
    }

    public var nothingRecorded: String { vi ? "Trong kỳ chưa ghi nhận sự kiện tuyên truyền nào." : "No communication event was recorded in the period." }

    public var ownNothing: String {
        vi ? "Trong kỳ, cơ quan, đơn vị chưa có hoạt động tuyên truyền nào được ghi nhận." : "The agency recorded no communication in the period."
    }

    public func overdue(task: String, window: String, leads: String) -> String {
        vi
            ? "Nhiệm vụ \(task) (thời gian \(window)) đã quá hạn nhưng chưa hoàn thành; cơ quan chủ trì: \(leads)."
            : "Task \(task) (\(window)) is overdue and not done; lead: \(leads)."
    }

    public func ownOverdue(task: String, window: String) -> String {
        vi ? "Nhiệm vụ \(task) (thời gian \(window)) đã quá hạn nhưng chưa hoàn thành." : "Task \(task) (\(window)) is overdue and not done."
    }

    public func silent(_ count: Int, names: String) -> String {
        vi ? "\(count) cơ quan, đơn vị chưa có hoạt động tuyên truyền nào trong kỳ: \(names)." : "\(count) agencies were silent in the period: \(names)."
    }

    public func reportsLate(due: LocalDate, names: [String]) -> String {
        vi
            ? "Gửi báo cáo kỳ trễ hạn (hạn \(date(due))): \(names.joined(separator: "; "))."
            : "Period reports sent late (due \(date(due))): \(names.joined(separator: "; "))."
    }

    public func reportsMissing(_ count: Int, names: String) -> String {
        vi ? "\(count) cơ quan, đơn vị chưa gửi báo cáo kỳ: \(names)." : "\(count) agencies have not sent their period report: \(names)."
    }

    public func feedbackLate(due: LocalDate, names: [String]) -> String {
        vi
            ? "Gửi ý kiến về Hội thi trễ hạn (hạn \(date(due))): \(names.joined(separator: "; "))."
            : "Contest feedback sent late (due \(date(due))): \(names.joined(separator: "; "))."
    }

    public func feedbackMissing(_ count: Int, names: String) -> String {
        vi ? "\(count) cơ quan, đơn vị chưa gửi ý kiến về Hội thi: \(names)." : "\(count) agencies sent no contest feedback: \(names)."
    }

    public var noShortcomings: String { vi ? "Số liệu của kỳ không cho thấy tồn tại, hạn chế." : "The period's figures show no shortcoming." }

    public func finishOverdue(leads: String, tasks: [String]) -> String {
        vi
            ? "Đề nghị \(leads) khẩn trương hoàn thành các nhiệm vụ quá hạn (\(tasks.joined(separator: ", "))) và báo cáo kết quả về Sở Nội vụ."
            : "\(leads) should finish the overdue tasks (\(tasks.joined(separator: ", "))) without delay and report to the Department of Home Affairs."
    }

    public func ownFinish(_ tasks: [String]) -> String {
        vi
            ? "Khẩn trương hoàn thành các nhiệm vụ quá hạn (\(tasks.joined(separator: ", "))) và báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Nội vụ)."
            : "Finish the overdue tasks (\(tasks.joined(separator: ", "))) without delay and report to the Provincial People's Committee through the Department of Home Affairs."
    }

    public func raiseIndicators(_ names: [String]) -> String {
        vi
            ? "Đề nghị các cơ quan, đơn vị tăng cường tuyên truyền và tổ chức khảo sát để đạt các chỉ tiêu: \(names.joined(separator: "; "))."
            : "Agencies should communicate more and run surveys to reach: \(names.joined(separator: "; "))."
    }

    public func ownRaise(_ names: [String]) -> String {
        vi
            ? "Tăng cường tuyên truyền và tổ chức khảo sát để đạt các chỉ tiêu: \(names.joined(separator: "; "))."
            : "Communicate more and run surveys to reach: \(names.joined(separator: "; "))."
    }

    public func sendReports(period: ReportPeriod, dueDays: Int) -> String {
        vi
            ? "Đề nghị các cơ quan, đơn vị chưa gửi báo cáo \(labels.periodInWords(period)) khẩn trương gửi về Sở Nội vụ; các kỳ sau gửi đúng hạn (trong \(dueDays) ngày sau ngày chốt số liệu)."
            : "Agencies that have not sent their report for \(labels.periodInWords(period)) should send it to the Department of Home Affairs; later reports are due within \(dueDays) days of the cut-off."
    }

    public func planActivities(_ count: Int) -> String {
        vi
            ? "Đề nghị \(count) cơ quan, đơn vị chưa có hoạt động xây dựng kế hoạch và triển khai tuyên truyền cải cách hành chính trong kỳ tới."
            : "The \(count) silent agencies should plan and carry out communication in the next period."
    }

    public func contestDecision(_ f: (responses: Int, continueContest: Int, otherForm: Int)) -> String {
        if f.continueContest > f.otherForm {
            return vi
                ? "Đa số ý kiến (\(f.continueContest)/\(f.responses)) đề nghị tiếp tục tổ chức Hội thi; đề nghị Ủy ban nhân dân tỉnh xem xét tiếp tục tổ chức."
                : "Most responses (\(f.continueContest) of \(f.responses)) ask to continue the contest; the Provincial People's Committee may continue it."
        }
        if f.otherForm > f.continueContest {
            return vi
                ? "Đa số ý kiến (\(f.otherForm)/\(f.responses)) đề nghị hình thức tuyên truyền khác; đề nghị Ủy ban nhân dân tỉnh xem xét thay đổi hình thức."
                : "Most responses (\(f.otherForm) of \(f.responses)) ask for another form; the Provincial People's Committee may change the form."
        }
        return vi
            ? "Ý kiến về Hội thi chia đều (\(f.continueContest) tiếp tục, \(f.otherForm) hình thức khác); đề nghị Ủy ban nhân dân tỉnh xem xét, quyết định."
            : "Contest feedback is evenly split (\(f.continueContest) continue, \(f.otherForm) another form); for the Provincial People's Committee to decide."
    }

    public var noProposals: String { vi ? "Không có đề xuất phát sinh từ số liệu của kỳ." : "The figures raise no proposal." }
}
