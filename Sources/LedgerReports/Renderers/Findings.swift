import LedgerDomain

/// The three sections an official report closes with — "Kết quả đạt được", "Tồn tại, hạn
/// chế", "Đề xuất, kiến nghị" — drafted as plain sentences from the report's own figures,
/// for the writer to review rather than compose from the tables.
///
/// Only what the figures show is said (targets met and missed with their values, tasks
/// done and overdue with their leads, silent, late and missing agencies by name, the
/// contest-feedback tally), in a fixed order, so the same report always drafts the same
/// words. Every format that shows it marks it as generated (`ReportLabels.draftNote`).
struct Findings: Equatable {
    var achieved: [String] = []
    var shortcomings: [String] = []
    var proposals: [String] = []

    /// The findings of the consolidated report.
    init(_ report: ConsolidatedReport, language: Language) {
        let w = ReportWords(report, language: language)
        let p = Phrases(language: language)
        let senders = report.agencies.filter { !$0.isCoordinator }
        let active = report.agencies.count - report.silentAgencies.count
        let t = report.totals

        // Kết quả đạt được
        if t.events > 0 {
            achieved.append(p.activity(active: active, listed: report.agencies.count, totals: t))
        }
        var channels: [String: Int] = [:]
        for agency in report.agencies { for (channel, count) in agency.articlesByChannel { channels[channel, default: 0] += count } }
        let topChannels = channels.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(3)
        if !topChannels.isEmpty { achieved.append(p.topChannels(topChannels.map { (w.channel($0.key), $0.value) })) }
        let (met, missed) = Self.split(report.indicators)
        for indicator in met { achieved.append(p.met(w.indicator(indicator.indicator), indicator)) }
        let done = report.tasks.filter { !$0.statusByLead.isEmpty && $0.statusByLead.allSatisfy { $0.1 == .done } }
        if !done.isEmpty { achieved.append(p.tasksDone(done.map { "\($0.task) «\($0.title)»" })) }
        let onTime = senders.filter { $0.report.status == .onTime }
        if !onTime.isEmpty { achieved.append(p.reportsOnTime(onTime.count, of: senders.count, due: report.reportDue)) }
        let f = report.contestFeedback
        if f.responses > 0 { achieved.append(p.feedbackTally(f)) }

        // Tồn tại, hạn chế
        if t.events == 0 { shortcomings.append(p.nothingRecorded) }
        for indicator in missed { shortcomings.append(p.missed(w.indicator(indicator.indicator), indicator)) }
        let overdue = report.tasks.filter { $0.statusByLead.contains { $0.1 == .overdue } }
        for task in overdue {
            let leads = task.statusByLead.filter { $0.1 == .overdue }.map(\.0)
            shortcomings.append(p.overdue(task: "\(task.task) «\(task.title)»", window: p.window(task.window), leads: w.agencies(leads)))
        }
        if !report.silentAgencies.isEmpty {
            shortcomings.append(p.silent(report.silentAgencies.count, names: w.agencies(report.silentAgencies)))
        }
        let late = senders.filter { $0.report.status == .late }
        if !late.isEmpty {
            shortcomings.append(p.reportsLate(due: report.reportDue, names: late.map { "\($0.name) (\(p.date($0.report.arrived)))" }))
        }
        let missing = senders.filter { $0.report.status == .missing }
        if !missing.isEmpty { shortcomings.append(p.reportsMissing(missing.count, names: w.agencies(missing.map(\.code)))) }
        if let due = f.due {
            let lateFeedback = senders.filter { $0.feedback?.status == .late }
            if !lateFeedback.isEmpty {
                shortcomings.append(p.feedbackLate(due: due, names: lateFeedback.map { "\($0.name) (\(p.date($0.feedback?.arrived)))" }))
            }
        }
        if !f.agenciesWithoutResponse.isEmpty {
            shortcomings.append(p.feedbackMissing(f.agenciesWithoutResponse.count, names: w.agencies(f.agenciesWithoutResponse)))
        }
        if shortcomings.isEmpty { shortcomings.append(p.noShortcomings) }

        // Đề xuất, kiến nghị
        if !overdue.isEmpty {
            var leads: [String] = []
            for task in overdue { for (lead, status) in task.statusByLead where status == .overdue && !leads.contains(lead) { leads.append(lead) } }
            proposals.append(p.finishOverdue(leads: w.agencies(leads), tasks: overdue.map(\.task)))
        }
        if !missed.isEmpty { proposals.append(p.raiseIndicators(missed.map { w.indicator($0.indicator) })) }
        if !missing.isEmpty || !late.isEmpty {
            proposals.append(p.sendReports(period: report.period, dueDays: report.reportDue.daysSinceEpoch - report.to.daysSinceEpoch))
        }
        if !report.silentAgencies.isEmpty { proposals.append(p.planActivities(report.silentAgencies.count)) }
        if f.responses > 0 { proposals.append(p.contestDecision(f)) }
        if proposals.isEmpty { proposals.append(p.noProposals) }
    }

    /// The findings of one agency's own report.
    init(_ report: AgencyReport, language: Language) {
        let p = Phrases(language: language)
        let w = ReportWords(report.consolidated, language: language)
        let a = report.agency
        let events = a.articles + a.activities + a.contests + a.surveys
        if events > 0 {
            achieved.append(p.ownActivity(articles: a.articles, activities: a.activities, contests: a.contests, surveys: a.surveys))
        } else {
            shortcomings.append(p.ownNothing)
        }
        if !a.articlesByChannel.isEmpty { achieved.append(p.topChannels(a.articlesByChannel.map { (w.channel($0.0), $0.1) })) }
        let (met, missed) = Self.split(report.indicators)
        for indicator in met { achieved.append(p.met(w.indicator(indicator.indicator), indicator)) }
        let done = report.tasks.filter { $0.status == .done }
        if !done.isEmpty { achieved.append(p.tasksDone(done.map { "\($0.line.task) «\($0.line.title)»" })) }
        for indicator in missed { shortcomings.append(p.missed(w.indicator(indicator.indicator), indicator)) }
        let overdue = report.tasks.filter { $0.status == .overdue }
        for task in overdue { shortcomings.append(p.ownOverdue(task: "\(task.line.task) «\(task.line.title)»", window: p.window(task.line.window))) }
        if shortcomings.isEmpty { shortcomings.append(p.noShortcomings) }
        if !overdue.isEmpty { proposals.append(p.ownFinish(overdue.map(\.line.task))) }
        if !missed.isEmpty { proposals.append(p.ownRaise(missed.map { w.indicator($0.indicator) })) }
        if proposals.isEmpty { proposals.append(p.noProposals) }
    }

    /// Indicators with a target, as met and not met (no data counts as not met).
    static func split(_ indicators: [ConsolidatedReport.IndicatorLine]) -> (met: [ConsolidatedReport.IndicatorLine], missed: [ConsolidatedReport.IndicatorLine])
    {
        let targeted = indicators.filter { $0.target != nil }
        return (targeted.filter(\.met), targeted.filter { !$0.met })
    }
}

/// The sentences of `Findings`, in Vietnamese or English.
private struct Phrases {
    let language: Language
    var vi: Bool { language == .vi }
    var labels: ReportLabels { ReportLabels(language) }

    func date(_ day: LocalDate?) -> String { day.map(labels.date) ?? "–" }
    func window(_ window: TaskWindow) -> String { labels.window(window) }

    /// "0.8333" → "83,33%" (vi) / "83.33%"; "0.8" → "80%": a ratio written as people do.
    func percent(_ decimal: String) -> String { HumanNumbers(language).percent(decimal) }

    /// The value and target of an indicator: "83,33% (50/60), mục tiêu 80%", or counts.
    func figures(_ line: ConsolidatedReport.IndicatorLine) -> (value: String, target: String) {
        guard line.denominator != nil else {
            return (HumanNumbers(language).count(line.numerator), HumanNumbers(language).indicator(line.target, isRatio: false))
        }
        let value = line.value.map { "\(percent($0)) (\(line.numerator)/\(line.denominator ?? 0))" } ?? "–"
        return (value, line.target.map(percent) ?? "–")
    }

    func activity(active: Int, listed: Int, totals: ConsolidatedReport.Totals) -> String {
        vi
            ? "Trong kỳ, \(active)/\(listed) cơ quan, đơn vị có hoạt động tuyên truyền cải cách hành chính, với \(totals.events) sự kiện được ghi nhận: \(totals.articles) tin, bài; \(totals.activities) hoạt động; \(totals.contests) hội thi; \(totals.surveys) phiếu khảo sát."
            : "In the period, \(active) of \(listed) agencies communicated on administrative reform, with \(totals.events) events recorded: \(totals.articles) articles, \(totals.activities) activities, \(totals.contests) contests, \(totals.surveys) surveys."
    }

    func ownActivity(articles: Int, activities: Int, contests: Int, surveys: Int) -> String {
        vi
            ? "Trong kỳ, cơ quan, đơn vị đã thực hiện \(articles) tin, bài; \(activities) hoạt động; \(contests) hội thi; \(surveys) phiếu khảo sát về cải cách hành chính."
            : "In the period, the agency published \(articles) articles and held \(activities) activities, \(contests) contests and \(surveys) surveys on administrative reform."
    }

    func topChannels(_ items: [(String, Int)]) -> String {
        let list = items.map { "\($0.0) (\($0.1))" }.joined(separator: ", ")
        return vi ? "Tin, bài được đăng trên các kênh: \(list)." : "Articles by channel: \(list)."
    }

    func met(_ name: String, _ line: ConsolidatedReport.IndicatorLine) -> String {
        let (value, target) = figures(line)
        return vi ? "\(name): đạt \(value), đạt mục tiêu \(target)." : "\(name): \(value), target \(target) met."
    }

    func missed(_ name: String, _ line: ConsolidatedReport.IndicatorLine) -> String {
        let (value, target) = figures(line)
        guard line.hasData else {
            return vi ? "\(name): chưa có số liệu trong kỳ (mục tiêu \(target))." : "\(name): no data in the period (target \(target))."
        }
        return vi ? "\(name): mới đạt \(value), chưa đạt mục tiêu \(target)." : "\(name): only \(value), below the target of \(target)."
    }

    func tasksDone(_ tasks: [String]) -> String {
        vi ? "Đã hoàn thành \(tasks.count) nhiệm vụ: \(tasks.joined(separator: "; "))." : "\(tasks.count) tasks done: \(tasks.joined(separator: "; "))."
    }

    func reportsOnTime(_ count: Int, of total: Int, due: LocalDate) -> String {
        vi
            ? "\(count)/\(total) cơ quan, đơn vị gửi báo cáo kỳ đúng hạn (hạn gửi: hết ngày \(date(due)))."
            : "\(count) of \(total) agencies sent their period report on time (by the end of \(date(due)))."
    }

    func feedbackTally(_ f: ConsolidatedReport.ContestFeedback) -> String {
        vi
            ? "Đã nhận \(f.responses) phiếu ý kiến về Hội thi cải cách hành chính: \(f.continueContest) ý kiến đề nghị tiếp tục tổ chức Hội thi, \(f.otherForm) ý kiến đề nghị hình thức tuyên truyền khác."
            : "\(f.responses) responses on the reform contest: \(f.continueContest) to continue it, \(f.otherForm) for another form."
    }

    var nothingRecorded: String { vi ? "Trong kỳ chưa ghi nhận sự kiện tuyên truyền nào." : "No communication event was recorded in the period." }

    var ownNothing: String {
        vi ? "Trong kỳ, cơ quan, đơn vị chưa có hoạt động tuyên truyền nào được ghi nhận." : "The agency recorded no communication in the period."
    }

    func overdue(task: String, window: String, leads: String) -> String {
        vi
            ? "Nhiệm vụ \(task) (thời gian \(window)) đã quá hạn nhưng chưa hoàn thành; cơ quan chủ trì: \(leads)."
            : "Task \(task) (\(window)) is overdue and not done; lead: \(leads)."
    }

    func ownOverdue(task: String, window: String) -> String {
        vi ? "Nhiệm vụ \(task) (thời gian \(window)) đã quá hạn nhưng chưa hoàn thành." : "Task \(task) (\(window)) is overdue and not done."
    }

    func silent(_ count: Int, names: String) -> String {
        vi ? "\(count) cơ quan, đơn vị chưa có hoạt động tuyên truyền nào trong kỳ: \(names)." : "\(count) agencies were silent in the period: \(names)."
    }

    func reportsLate(due: LocalDate, names: [String]) -> String {
        vi
            ? "Gửi báo cáo kỳ trễ hạn (hạn \(date(due))): \(names.joined(separator: "; "))."
            : "Period reports sent late (due \(date(due))): \(names.joined(separator: "; "))."
    }

    func reportsMissing(_ count: Int, names: String) -> String {
        vi ? "\(count) cơ quan, đơn vị chưa gửi báo cáo kỳ: \(names)." : "\(count) agencies have not sent their period report: \(names)."
    }

    func feedbackLate(due: LocalDate, names: [String]) -> String {
        vi
            ? "Gửi ý kiến về Hội thi trễ hạn (hạn \(date(due))): \(names.joined(separator: "; "))."
            : "Contest feedback sent late (due \(date(due))): \(names.joined(separator: "; "))."
    }

    func feedbackMissing(_ count: Int, names: String) -> String {
        vi ? "\(count) cơ quan, đơn vị chưa gửi ý kiến về Hội thi: \(names)." : "\(count) agencies sent no contest feedback: \(names)."
    }

    var noShortcomings: String { vi ? "Số liệu của kỳ không cho thấy tồn tại, hạn chế." : "The period's figures show no shortcoming." }

    func finishOverdue(leads: String, tasks: [String]) -> String {
        vi
            ? "Đề nghị \(leads) khẩn trương hoàn thành các nhiệm vụ quá hạn (\(tasks.joined(separator: ", "))) và báo cáo kết quả về Sở Nội vụ."
            : "\(leads) should finish the overdue tasks (\(tasks.joined(separator: ", "))) without delay and report to the Department of Home Affairs."
    }

    func ownFinish(_ tasks: [String]) -> String {
        vi
            ? "Khẩn trương hoàn thành các nhiệm vụ quá hạn (\(tasks.joined(separator: ", "))) và báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Nội vụ)."
            : "Finish the overdue tasks (\(tasks.joined(separator: ", "))) without delay and report to the Provincial People's Committee through the Department of Home Affairs."
    }

    func raiseIndicators(_ names: [String]) -> String {
        vi
            ? "Đề nghị các cơ quan, đơn vị tăng cường tuyên truyền và tổ chức khảo sát để đạt các chỉ tiêu: \(names.joined(separator: "; "))."
            : "Agencies should communicate more and run surveys to reach: \(names.joined(separator: "; "))."
    }

    func ownRaise(_ names: [String]) -> String {
        vi
            ? "Tăng cường tuyên truyền và tổ chức khảo sát để đạt các chỉ tiêu: \(names.joined(separator: "; "))."
            : "Communicate more and run surveys to reach: \(names.joined(separator: "; "))."
    }

    func sendReports(period: ReportPeriod, dueDays: Int) -> String {
        vi
            ? "Đề nghị các cơ quan, đơn vị chưa gửi báo cáo \(labels.periodInWords(period)) khẩn trương gửi về Sở Nội vụ; các kỳ sau gửi đúng hạn (trong \(dueDays) ngày sau ngày chốt số liệu)."
            : "Agencies that have not sent their report for \(labels.periodInWords(period)) should send it to the Department of Home Affairs; later reports are due within \(dueDays) days of the cut-off."
    }

    func planActivities(_ count: Int) -> String {
        vi
            ? "Đề nghị \(count) cơ quan, đơn vị chưa có hoạt động xây dựng kế hoạch và triển khai tuyên truyền cải cách hành chính trong kỳ tới."
            : "The \(count) silent agencies should plan and carry out communication in the next period."
    }

    func contestDecision(_ f: ConsolidatedReport.ContestFeedback) -> String {
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

    var noProposals: String { vi ? "Không có đề xuất phát sinh từ số liệu của kỳ." : "The figures raise no proposal." }
}
