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

    /// Everything a report needs from `proj_effective`, gathered in one sequential scan
    /// (no SQL GROUP BY: sorting a million rows is what made reports slow).
    struct Facts {
        var byAgency: [String: AgencyTally] = [:]
        var totals = ConsolidatedReport.Totals()
        var awareness: [String: (aware: Int128, respondents: Int128)] = [:]
        /// (indicator, agency) → the latest report (by instant, then seq) in the period.
        var latestIndicator: [Pair: (instant: Int64, seq: Int64, numerator: Int, denominator: Int)] = [:]
        var feedback: [(agency: String, recommendation: String?)] = []
        var submitted = Set<String>()
        /// Agency → the root seq of its first `report.submitted` for the period, and of its
        /// first contest-feedback survey (when feedback is tracked): arrivals are when they
        /// first reached the log, whatever corrections followed.
        var firstSubmitted: [String: Int64] = [:], firstFeedback: [String: Int64] = [:]
        /// (audience, agency) → the agency's own awareness sums (its report, §7.5).
        var awarenessByAgency: [Pair: (aware: Int128, respondents: Int128)] = [:]
        /// (task, agency) pairs.
        var done = Set<Pair>(), progressed = Set<Pair>()
        var linked: [String: Int] = [:]
        /// (task, channel or form) → linked articles and activities of that channel or form.
        var linkedByMeasure: [Pair: Int] = [:]
    }

    /// Two strings as one dictionary key, without joining them into a new string per row.
    struct Pair: Hashable {
        var first: String
        var second: String
    }

    /// One agency's counts; a class so that a row updates it in place.
    final class AgencyTally {
        var channels: [String: Int] = [:]
        var forms: [String: Int] = [:]
        var contests = 0, surveys = 0, events = 0
    }

    func gather(_ projection: ProjectionSnapshot, period: String, first: String, last: String, tracksFeedback: Bool = false) throws -> Facts {
        var facts = Facts()
        // The rows a report needs are those of the period, task-linked rows up to its last
        // day, every submitted report and (when tracked) all contest feedback; the test is
        // made here on `day`, read first.
        try projection.forEachEffectiveFact { row in
            guard let day = row.day else { return }
            let inPeriod = day >= first && day <= last
            if !inPeriod && (day > last || !row.hasTask) && !row.isReportSubmitted && !(tracksFeedback && row.isSurvey) { return }
            guard let agency = row.agency, let type = row.type else { return }
            let measure = row.measure(of: type), task = row.task
            if case .period(let reported) = measure, reported == period {
                facts.submitted.insert(agency)
                facts.firstSubmitted[agency] = min(facts.firstSubmitted[agency] ?? .max, row.root)
            }
            if tracksFeedback, case .contestFeedback = measure {
                facts.firstFeedback[agency] = min(facts.firstFeedback[agency] ?? .max, row.root)
            }
            if let task, day <= last {
                let pair = Pair(first: task, second: agency)
                if case .status(let status) = measure, status == ReportedTaskStatus.done.rawValue { facts.done.insert(pair) }
                facts.progressed.insert(pair)
                facts.linked[task, default: 0] += 1  // task reports are activity events too
                switch measure {
                case .channel(let label), .form(let label): facts.linkedByMeasure[Pair(first: task, second: label), default: 0] += 1
                default: break
                }
            }
            guard inPeriod else { return }
            let line: AgencyTally
            if let known = facts.byAgency[agency] {
                line = known
            } else {
                line = AgencyTally()
                facts.byAgency[agency] = line
            }
            line.events += 1
            facts.totals.events += 1
            switch (type, measure) {
            case (.articlePublished, _):
                if case .channel(let channel) = measure { line.channels[channel, default: 0] += 1 } else { line.channels["other", default: 0] += 1 }
                facts.totals.articles += 1
            case (.activityHeld, _):
                if case .form(let form) = measure { line.forms[form, default: 0] += 1 } else { line.forms["other", default: 0] += 1 }
                facts.totals.activities += 1
            case (.contestHeld, _):
                line.contests += 1
                facts.totals.contests += 1
            case (.surveySubmitted, _):
                line.surveys += 1
                facts.totals.surveys += 1
                if case .contestFeedback(let recommendation) = measure {
                    facts.feedback.append((agency, recommendation))
                } else if case .awareness(let audience, let respondents, let aware) = measure {
                    let sums = facts.awareness[audience] ?? (0, 0)
                    facts.awareness[audience] = (sums.aware + Int128(aware), sums.respondents + Int128(respondents))
                    let own = Pair(first: audience, second: agency), mine = facts.awarenessByAgency[own] ?? (0, 0)
                    facts.awarenessByAgency[own] = (mine.aware + Int128(aware), mine.respondents + Int128(respondents))
                }
            case (.indicatorReported, .indicator(let indicator, let numerator, let denominator)):
                let key = Pair(first: indicator, second: agency), instant = row.instant, seq = row.seq
                if let current = facts.latestIndicator[key], (current.instant, current.seq) > (instant, seq) { break }
                facts.latestIndicator[key] = (instant, seq, numerator, denominator)
            default: break
            }
        }
        return facts
    }

    /// - Parameter projection: the projection (and its seq and hash) the report is of.
    public func build(_ period: ReportPeriod, range: ClosedRange<LocalDate>, projection: ProjectionSnapshot) throws -> ConsolidatedReport {
        let first = range.lowerBound.description, last = range.upperBound.description
        let listed = registry.listedAgencies(first: range.lowerBound, last: range.upperBound)
        // Contest feedback is tracked in the reports of the periods its due day falls in.
        let feedbackDue = deadlines.feedbackDue.flatMap { range.contains($0) ? $0 : nil }
        let facts = try gather(projection, period: period.description, first: first, last: last, tracksFeedback: feedbackDue != nil)
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
        let (taskLines, agencyTasks) = tasks(facts, last: range.upperBound, listed: listed)
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
                    }, isCoordinator: registry.isCoordinator(code)))
            if (line?.events ?? 0) == 0 { report.silentAgencies.append(code) }
            report.agencyIndicators[code] = agencyIndicators(facts, agency: code)
        }
        report.indicators = indicators(facts)
        report.contestFeedback = contestFeedback(facts, listed: listed, due: feedbackDue)
        return report
    }

    /// The agency's name on a day; a successor of a merge says which agencies it was.
    func name(of code: String, on day: LocalDate) -> String {
        let base = registry.agencies[code]?.name(on: day) ?? code
        let former = registry.predecessors(of: code, on: day)
        guard !former.isEmpty else { return base }
        let names = former.map { registry.agencies[$0]?.name(on: day) ?? $0 }.joined(separator: ", ")
        return language == .vi ? "\(base) (trước đây: \(names))" : "\(base) (formerly \(names))"
    }

    private func tasks(
        _ facts: Facts, last: LocalDate, listed: [String]
    )
        -> ([ConsolidatedReport.TaskLine], [String: [ConsolidatedReport.AgencyTask]])
    {
        let done = facts.done, progressed = facts.progressed, linked = facts.linked
        let listedSet = Set(listed)
        var lines: [ConsolidatedReport.TaskLine] = []
        var byAgency: [String: [ConsolidatedReport.AgencyTask]] = [:]
        for assignment in registry.tasks.values.filter({ $0.assignedOn <= last }).sorted(by: { $0.task < $1.task }) {
            let leads = expand(assignment.lead, listed: listedSet)
            let windowEnded: Bool = if case .months(_, let to) = assignment.window { last > to.lastDay } else { false }
            let statuses: [(String, TaskStatus)] = leads.map { lead in
                let key = Pair(first: assignment.task, second: lead)
                if done.contains(key) { return (lead, .done) }
                if windowEnded { return (lead, .overdue) }
                if progressed.contains(key) { return (lead, .inProgress) }
                if assignment.window == .ongoing { return (lead, .ongoing) }
                return (lead, .notStarted)
            }
            lines.append(
                ConsolidatedReport.TaskLine(
                    task: assignment.task, title: assignment.title, window: assignment.window, lead: leads,
                    statusByLead: statuses, linkedEvents: linked[assignment.task] ?? 0))
            let overall = TaskStatus.overall(statuses.map(\.1))
            for (lead, status) in statuses { byAgency[lead, default: []].append(.init(task: assignment.task, role: "lead", status: status)) }
            for code in expand(assignment.coordinating, listed: listedSet) where !leads.contains(code) {
                byAgency[code, default: []].append(.init(task: assignment.task, role: "coordinating", status: overall))
            }
        }
        return (lines, byAgency)
    }

    /// Agency references as codes, groups expanded to the listed agencies of that kind.
    private func expand(_ references: [AgencyReference], listed: Set<String>) -> [String] {
        var codes: [String] = []
        for reference in references {
            switch reference {
            case .agency(let code): if !codes.contains(code) { codes.append(code) }
            case .kind(let kind):
                for code in registry.codes(ofKind: kind) where listed.contains(code) && !codes.contains(code) { codes.append(code) }
            }
        }
        return codes
    }

    private func indicators(_ facts: Facts) -> [ConsolidatedReport.IndicatorLine] {
        var lines: [String: ConsolidatedReport.IndicatorLine] = [:]
        func line(_ name: String) -> ConsolidatedReport.IndicatorLine {
            lines[name] ?? .init(indicator: name, numerator: 0, denominator: 0, target: registry.targets[name], hasData: false)
        }
        for name in registry.targets.keys { lines[name] = line(name) }
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
        for name in registry.targets.keys {
            guard case .taskCount(let task, let measure)? = TargetIndicator.parse(name) else { continue }
            lines[name] = .init(
                indicator: name, numerator: Int128(facts.linkedByMeasure[Pair(first: task, second: measure)] ?? 0), denominator: nil,
                target: registry.targets[name], hasData: true)
        }
        return lines.values.sorted { $0.indicator < $1.indicator }
    }

    /// One agency's own indicators: its awareness surveys and its latest reports of
    /// `staff-trained` and `online-procedures`, against the province's targets (the
    /// task-count targets are the province's and stay in the consolidated report).
    private func agencyIndicators(_ facts: Facts, agency: String) -> [ConsolidatedReport.IndicatorLine] {
        var lines: [String: ConsolidatedReport.IndicatorLine] = [:]
        for name in registry.targets.keys where TargetIndicator.parse(name).map({ if case .taskCount = $0 { false } else { true } }) ?? true {
            lines[name] = .init(indicator: name, numerator: 0, denominator: 0, target: registry.targets[name], hasData: false)
        }
        for (key, sums) in facts.awarenessByAgency where key.second == agency {
            let name = "awareness.\(key.first)"
            lines[name] = .init(
                indicator: name, numerator: sums.aware, denominator: sums.respondents, target: registry.targets[name], hasData: true)
        }
        for (key, latest) in facts.latestIndicator where key.second == agency {
            lines[key.first] = .init(
                indicator: key.first, numerator: Int128(latest.numerator), denominator: Int128(latest.denominator),
                target: registry.targets[key.first], hasData: true)
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
