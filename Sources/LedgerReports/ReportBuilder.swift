import LedgerDomain
import LedgerStore

/// Computes a `ConsolidatedReport` from the activity projection and the registry
/// (CONTRACT §7.2 and the rules of §12: effective events, listed agencies and tasks,
/// task status, indicators, contest feedback).
public struct ReportBuilder {
    let registry: AgencyRegistry
    let mode: LedgerConfiguration.PeriodMode
    let language: Language
    /// When agencies' reports and contest feedback are due (CONTRACT §7.4).
    public var deadlines = Deadlines()
    /// Counts every fact one by one instead of summing tallies: the oracle the tests
    /// hold the tallies to.
    var countsEveryFact = false

    public init(registry: AgencyRegistry, mode: LedgerConfiguration.PeriodMode, language: Language) {
        self.registry = registry
        self.mode = mode
        self.language = language
    }

    /// `report_due_days`, `feedback_due` and the zone whose local day an arrival is counted in.
    public struct Deadlines: Sendable {
        public var reportDueDays = 3
        public var feedbackDue: LocalDate? = nil
        public var zone: LocalZone = .hoChiMinh

        public init(reportDueDays: Int = 3, feedbackDue: LocalDate? = nil, zone: LocalZone = .hoChiMinh) {
            self.reportDueDays = reportDueDays
            self.feedbackDue = feedbackDue
            self.zone = zone
        }

        public init(_ configuration: LedgerConfiguration) {
            self.init(reportDueDays: configuration.reportDueDays, feedbackDue: configuration.feedbackDue, zone: configuration.zone)
        }
    }

    /// The facts of a report from the projection's half-month tallies and the few facts
    /// read one by one (submitted reports, indicators, contest feedback): what a report
    /// costs is what its output costs. A range that is not whole half-months (`replay`'s
    /// whole history) is scanned instead.
    func gather(_ projection: ProjectionSnapshot, period: String, range: ClosedRange<LocalDate>, tracksFeedback: Bool = false) throws -> Facts {
        let first = range.lowerBound.description, last = range.upperBound.description
        guard HalfMonth.tiles(range), !countsEveryFact else {
            return try gatherByScanning(projection, period: period, first: first, last: last, tracksFeedback: tracksFeedback)
        }
        var facts = Facts()
        try projection.forEachTally(from: first, through: last) { tally in
            facts.count(
                agency: tally.agency, type: tally.type, measure: tally.measure, task: tally.task, times: tally.count,
                inPeriod: tally.bucket >= first, upToLast: true)
        }
        let single = { (row: EffectiveFact) in
            guard let day = row.day, let agency = row.agency, let type = row.type else { return }
            facts.note(
                row, agency: agency, measure: row.measure(of: type), period: period, inPeriod: day >= first && day <= last,
                tracksFeedback: tracksFeedback)
        }
        try projection.forEachEffectiveFact(.reportsFor(period: period), single)
        try projection.forEachEffectiveFact(.contestFeedback(tracksFeedback ? nil : first...last), single)
        try projection.forEachEffectiveFact(.indicators(first...last), single)
        return facts
    }

    /// The oracle: every effective fact of the log read and counted one by one.
    func gatherByScanning(
        _ projection: ProjectionSnapshot, period: String, first: String, last: String, tracksFeedback: Bool = false
    ) throws
        -> Facts
    {
        var facts = Facts()
        // The rows a report needs are those of the period, task-linked rows up to its last
        // day, every submitted report and (when tracked) all contest feedback; the test is
        // made here on `day`, read first.
        try projection.forEachEffectiveFact { row in
            guard let day = row.day else { return }
            let inPeriod = day >= first && day <= last
            if !inPeriod && (day > last || !row.hasTask) && !row.isReportSubmitted && !(tracksFeedback && row.isSurvey) { return }
            guard let agency = row.agency, let type = row.type else { return }
            let measure = row.measure(of: type)
            facts.count(agency: agency, type: type, measure: measure, task: row.task, times: 1, inPeriod: inPeriod, upToLast: day <= last)
            facts.note(row, agency: agency, measure: measure, period: period, inPeriod: inPeriod, tracksFeedback: tracksFeedback)
        }
        return facts
    }

    /// - Parameter projection: the projection (and its seq and hash) the report is of.
    public func build(_ period: ReportPeriod, range: ClosedRange<LocalDate>, projection: ProjectionSnapshot) throws -> ConsolidatedReport {
        let listed = registry.listedAgencies(first: range.lowerBound, last: range.upperBound)
        // Contest feedback is tracked in the reports of the periods its due day falls in.
        let feedbackDue = deadlines.feedbackDue.flatMap { range.contains($0) ? $0 : nil }
        let facts = try gather(projection, period: period.description, range: range, tracksFeedback: feedbackDue != nil)
        let reportDue = range.upperBound.adding(days: deadlines.reportDueDays)
        var report = ConsolidatedReport(
            period: period, mode: mode, from: range.lowerBound, to: range.upperBound, edition: nil,
            throughSeq: projection.throughSeq, headHash: projection.headHash, reportDue: reportDue, totals: facts.totals, agencies: [],
            tasks: [], indicators: [], contestFeedback: .init(due: feedbackDue), silentAgencies: [])
        /// The local day the log recorded the event `seq`.
        func arrivalDay(_ seq: Int64?) throws -> LocalDate? {
            guard let seq, let text = try projection.recordedAt(seq: seq), let instant = EventTime.parseInstant(text) else { return nil }
            return deadlines.zone.localDate(of: instant)
        }
        // The period's own plan year decides its tasks and targets (CONTRACT §12 plans).
        let targets = registry.targets(ofYear: period.year, through: range.upperBound)
        report.plans = registry.plans(ofYear: period.year).map {
            ConsolidatedReport.PlanLine(plan: $0.plan, title: $0.title, year: $0.year, document: $0.document)
        }
        report.initiatives = ConsolidatedReport.Initiatives(registry: registry, range: range)
        let (taskLines, agencyTasks) = tasks(facts, year: period.year, last: range.upperBound, listed: listed)
        report.tasks = taskLines
        for code in listed {
            let line = facts.byAgency[code]
            report.agencies.append(
                ConsolidatedReport.AgencyLine(
                    code: code, name: name(of: code, on: range.upperBound),
                    articlesByChannel: (line?.channels ?? [:]).filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                    activitiesByForm: (line?.forms ?? [:]).filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                    contests: line?.contests ?? 0, surveys: line?.surveys ?? 0,
                    tasks: agencyTasks[code] ?? [], reportSubmitted: facts.submitted.contains(code),
                    report: .of(recordedOn: try arrivalDay(facts.firstSubmitted[code]), due: reportDue),
                    feedback: try feedbackDue.flatMap { due in
                        registry.isCoordinator(code) ? nil : .of(recordedOn: try arrivalDay(facts.firstFeedback[code]), due: due)
                    }, isCoordinator: registry.isCoordinator(code),
                    initiativesApplied: registry.initiativesApplied(by: code, through: range.upperBound)))
            if let (review, reason) = review(of: code, period: period.description, lastSubmitted: facts.lastSubmitted[code]) {
                report.agencies[report.agencies.count - 1].review = review
                report.agencies[report.agencies.count - 1].reviewReason = reason
            }
            if (line?.events ?? 0) == 0 { report.silentAgencies.append(code) }
            report.agencyIndicators[code] = agencyIndicators(facts, agency: code, targets: targets)
        }
        report.indicators = indicators(facts, targets: targets)
        // Completeness: this period from its own lines, the three before read the same way.
        var current = ConsolidatedReport.Completeness(period: period)
        for line in report.agencies where !line.isCoordinator { current.count(line.report.status, review: line.review) }
        var history: [ConsolidatedReport.Completeness] = []
        var past: [String: [ConsolidatedReport.PastReport]] = [:]
        if range == period.range(mode) {
            for earlier in Self.earlier(period) {
                let (completeness, reports) = try pastReports(earlier, projection: projection, arrivalDay: arrivalDay)
                // A period in which nobody was expected (before the log began) says nothing.
                if completeness.expected > 0 { history.append(completeness) }
                for (code, report) in reports { past[code, default: []].append(report) }
            }
        }
        report.completeness = history + [current]
        for index in report.agencies.indices where !report.agencies[index].isCoordinator {
            let line = report.agencies[index]
            report.agencies[index].lastPeriods =
                (past[line.code] ?? []) + [ConsolidatedReport.PastReport(period: period, status: line.report.status, review: line.review)]
        }
        report.previousYear = try previousYear(of: period, range: range, projection: projection)
        report.contestFeedback = contestFeedback(facts, listed: listed, due: feedbackDue)
        return report
    }

    /// The same period a year earlier, counted by the same rules from the same projection;
    /// nil when nothing is dated in it. (A range that is not a period — `replay`'s whole
    /// history — has none.)
    private func previousYear(
        of period: ReportPeriod, range: ClosedRange<LocalDate>, projection: ProjectionSnapshot
    ) throws
        -> ConsolidatedReport.PreviousYear?
    {
        let earlier = ReportPeriod(year: period.year - 1, kind: period.kind)
        guard range == period.range(mode) else { return nil }
        let earlierRange = earlier.range(mode)
        let facts = try gather(projection, period: earlier.description, range: earlierRange)
        let lines = indicators(facts, targets: registry.targets(ofYear: earlier.year, through: earlierRange.upperBound))
        let measured = lines.filter(\.hasData)
        guard facts.totals.events > 0 else { return nil }
        var channels: [String: Int] = [:], forms: [String: Int] = [:]
        for tally in facts.byAgency.values {
            channels.merge(tally.channels, uniquingKeysWith: +)
            forms.merge(tally.forms, uniquingKeysWith: +)
        }
        return ConsolidatedReport.PreviousYear(
            period: earlier, from: earlierRange.lowerBound, to: earlierRange.upperBound, totals: facts.totals,
            indicators: measured.map { (indicator: $0.indicator, value: $0.value ?? String($0.numerator)) },
            channels: channels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, forms: forms.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// The agency's name on a day; a successor of a merge says which agencies it was.
    func name(of code: String, on day: LocalDate) -> String {
        let base = registry.agencies[code]?.name(on: day) ?? code
        let former = registry.predecessors(of: code, on: day)
        guard !former.isEmpty else { return base }
        let names = former.map { registry.agencies[$0]?.name(on: day) ?? $0 }.joined(separator: ", ")
        return ReportLabels(language).formerly(base, names: names)
    }

    private func tasks(
        _ facts: Facts, year: Int, last: LocalDate, listed: [String]
    )
        -> ([ConsolidatedReport.TaskLine], [String: [ConsolidatedReport.AgencyTask]])
    {
        let done = facts.done, progressed = facts.progressed, linked = facts.linked
        let listedSet = Set(listed)
        var lines: [ConsolidatedReport.TaskLine] = []
        var byAgency: [String: [ConsolidatedReport.AgencyTask]] = [:]
        for assignment in registry.tasks(ofYear: year, through: last) {
            let leads = expand(assignment.lead, listed: listedSet, on: last)
            let windowEnded: Bool = if case .months(_, let to) = assignment.window { last > to.lastDay } else { false }
            // A carried task's history is its own and that of the task it carries on.
            let history = [assignment.task] + (assignment.carriedFrom.map { [$0] } ?? [])
            let statuses: [(String, TaskStatus)] = leads.map { lead in
                let keys = history.map { Pair(first: $0, second: lead) }
                if keys.contains(where: done.contains) { return (lead, .done) }
                if windowEnded { return (lead, .overdue) }
                if keys.contains(where: progressed.contains) { return (lead, .inProgress) }
                if assignment.window == .ongoing { return (lead, .ongoing) }
                return (lead, .notStarted)
            }
            lines.append(
                ConsolidatedReport.TaskLine(
                    task: assignment.task, title: assignment.title, window: assignment.window, lead: leads,
                    statusByLead: statuses, linkedEvents: history.reduce(0) { $0 + (linked[$1] ?? 0) }, carriedFrom: assignment.carriedFrom))
            let overall = TaskStatus.overall(statuses.map(\.1))
            for (lead, status) in statuses { byAgency[lead, default: []].append(.init(task: assignment.task, role: "lead", status: status)) }
            for code in expand(assignment.coordinating, listed: listedSet, on: last) where !leads.contains(code) {
                byAgency[code, default: []].append(.init(task: assignment.task, role: "coordinating", status: overall))
            }
        }
        return (lines, byAgency)
    }

    /// Agency references as codes, groups expanded to the listed agencies of that kind.
    /// The agencies a task's references name in a period: groups (`kind:district`) as they
    /// stood on the period's last day, among the period's roster.
    private func expand(_ references: [AgencyReference], listed: Set<String>, on last: LocalDate) -> [String] {
        var codes: [String] = []
        for reference in references {
            switch reference {
            case .agency(let code): if !codes.contains(code) { codes.append(code) }
            case .kind(let kind):
                for code in registry.codes(ofKind: kind, on: last) where listed.contains(code) && !codes.contains(code) { codes.append(code) }
            }
        }
        return codes
    }

    private func indicators(_ facts: Facts, targets: [String: String]) -> [ConsolidatedReport.IndicatorLine] {
        var lines: [String: ConsolidatedReport.IndicatorLine] = [:]
        func line(_ name: String) -> ConsolidatedReport.IndicatorLine {
            lines[name] ?? .init(indicator: name, numerator: 0, denominator: 0, target: targets[name], hasData: false)
        }
        for name in targets.keys { lines[name] = line(name) }
        // Awareness: Σaware / Σrespondents over the period's surveys of each audience.
        for (audience, sums) in facts.awareness {
            var current = line("awareness.\(audience)")
            current.numerator = sums.aware
            current.denominator = sums.respondents
            current.hasData = true
            lines[current.indicator] = current
        }
        // staff-trained, online-procedures: each agency's latest report in the period, summed.
        for (key, latest) in facts.latestIndicator {
            var current = line(key.first)
            current.numerator += Int128(latest.numerator)
            current.denominator = (current.denominator ?? 0) + Int128(latest.denominator)
            current.hasData = true
            lines[current.indicator] = current
        }
        // task:<id>:<form or channel>: linked effective events up to the last day.
        for name in targets.keys {
            guard case .taskCount(let task, let measure)? = TargetIndicator.parse(name) else { continue }
            lines[name] = .init(
                indicator: name, numerator: Int128(facts.linkedByMeasure[Pair(first: task, second: measure)] ?? 0), denominator: nil,
                target: targets[name], hasData: true)
        }
        return lines.values.sorted { $0.indicator < $1.indicator }
    }

    /// One agency's own indicators: its awareness surveys and its latest reports of
    /// `staff-trained` and `online-procedures`, against the province's targets (the
    /// task-count targets are the province's and stay in the consolidated report).
    private func agencyIndicators(_ facts: Facts, agency: String, targets: [String: String]) -> [ConsolidatedReport.IndicatorLine] {
        var lines: [String: ConsolidatedReport.IndicatorLine] = [:]
        for name in targets.keys where TargetIndicator.parse(name).map({ if case .taskCount = $0 { false } else { true } }) ?? true {
            lines[name] = .init(indicator: name, numerator: 0, denominator: 0, target: targets[name], hasData: false)
        }
        for (key, sums) in facts.awarenessByAgency where key.second == agency {
            let name = "awareness.\(key.first)"
            lines[name] = .init(
                indicator: name, numerator: sums.aware, denominator: sums.respondents, target: targets[name], hasData: true)
        }
        for (key, latest) in facts.latestIndicator where key.second == agency {
            lines[key.first] = .init(
                indicator: key.first, numerator: Int128(latest.numerator), denominator: Int128(latest.denominator),
                target: targets[key.first], hasData: true)
        }
        return lines.values.sorted { $0.indicator < $1.indicator }
    }

    private func contestFeedback(_ facts: Facts, listed: [String], due: LocalDate?) -> ConsolidatedReport.ContestFeedback {
        var feedback = ConsolidatedReport.ContestFeedback(due: due)
        var responded = Set<String>()
        for (agency, recommendation) in facts.feedback {
            feedback.responses += 1
            responded.insert(agency)
            switch Recommendation(rawValue: recommendation ?? "") {
            case .continueContest?: feedback.continueContest += 1
            case .otherForm?: feedback.otherForm += 1
            case nil: break
            }
        }
        feedback.agenciesWithoutResponse = listed.filter { !registry.isCoordinator($0) && !responded.contains($0) }
        return feedback
    }
}
