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
        let p = FindingPhrases(language: language)
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
        if let c = report.completeness.last, c.submitted > 0 {
            achieved.append(p.completeness(submitted: c.submitted, expected: c.expected, onTime: c.onTime, rate: c.rate))
        }
        let returned = senders.filter { $0.review == .returned }
        if !returned.isEmpty { shortcomings.append(p.returned(returned.map { "\($0.name)" + ($0.reviewReason.map { " (\($0))" } ?? "") })) }
        let initiatives = report.initiatives
        if !initiatives.isEmpty {
            achieved.append(
                p.initiatives(
                    shared: initiatives.shared, applying: Set(initiatives.byInitiative.flatMap(\.appliedBy)).count,
                    models: initiatives.byInitiative.count, applied: initiatives.applied, proposed: initiatives.proposed))
        }

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
        if !initiatives.waiting.isEmpty { proposals.append(p.reviewProposals(initiatives.waiting.map { "\($0.title) (\(w.agency($0.agency)))" })) }
        if proposals.isEmpty { proposals.append(p.noProposals) }
    }

    /// The findings of one agency's own report.
    init(_ report: AgencyReport, language: Language) {
        let p = FindingPhrases(language: language)
        let w = ReportWords(report.consolidated, language: language)
        let a = report.agency
        let events = a.articles + a.activities + a.contests + a.surveys
        if events > 0 {
            achieved.append(p.ownActivity(articles: a.articles, activities: a.activities, contests: a.contests, surveys: a.surveys))
        } else {
            shortcomings.append(p.ownNothing)
        }
        let titles = Dictionary(report.consolidated.initiatives.byInitiative.map { ($0.initiative, $0.title) }, uniquingKeysWith: { first, _ in first })
        let applying = report.consolidated.initiatives.applications.filter { $0.agency == a.code }.map { application in
            "\(application.initiative) «\(titles[application.initiative] ?? application.initiative)» \(ReportLabels(language).appliedSince(application.since))"
        }
        let proposing = report.consolidated.initiatives.proposals.filter { $0.agency == a.code }.map(\.title)
        if !applying.isEmpty || !proposing.isEmpty { achieved.append(p.ownInitiatives(applied: applying, proposed: proposing)) }
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

/// `FindingPhrases` fed from a report's own types.
extension FindingPhrases {
    /// The value and target of an indicator: "83,33% (50/60), mục tiêu 80%", or counts.
    func figures(_ line: ConsolidatedReport.IndicatorLine) -> (value: String, target: String) {
        guard line.denominator != nil else {
            return (HumanNumbers(language).count(line.numerator), HumanNumbers(language).indicator(line.target, isRatio: false))
        }
        let value = line.value.map { "\(percent($0)) (\(line.numerator)/\(line.denominator ?? 0))" } ?? "–"
        return (value, line.target.map(percent) ?? "–")
    }

    func activity(active: Int, listed: Int, totals t: ConsolidatedReport.Totals) -> String {
        activity(
            active: active, listed: listed,
            totals: (events: t.events, articles: t.articles, activities: t.activities, contests: t.contests, surveys: t.surveys))
    }

    func met(_ name: String, _ line: ConsolidatedReport.IndicatorLine) -> String {
        let (value, target) = figures(line)
        return met(name, value: value, target: target)
    }

    func missed(_ name: String, _ line: ConsolidatedReport.IndicatorLine) -> String {
        let (value, target) = figures(line)
        return missed(name, value: value, target: target, hasData: line.hasData)
    }

    func feedbackTally(_ f: ConsolidatedReport.ContestFeedback) -> String {
        feedbackTally((responses: f.responses, continueContest: f.continueContest, otherForm: f.otherForm))
    }

    func contestDecision(_ f: ConsolidatedReport.ContestFeedback) -> String {
        contestDecision((responses: f.responses, continueContest: f.continueContest, otherForm: f.otherForm))
    }
}
