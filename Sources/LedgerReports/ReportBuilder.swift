import GRDB
import LedgerDomain
import LedgerStore

/// Computes a `ConsolidatedReport` from the activity projection and the registry
/// (SPEC §7.2 and the rules of §12: effective events, listed agencies and tasks,
/// task status, indicators, contest feedback).
public struct ReportBuilder {
    let registry: AgencyRegistry
    let mode: LedgerConfiguration.PeriodMode
    let language: Language

    public init(registry: AgencyRegistry, mode: LedgerConfiguration.PeriodMode, language: Language) {
        self.registry = registry
        self.mode = mode
        self.language = language
    }

    /// - Parameter projection: a database holding `proj_effective` as of `throughSeq`.
    public func build(_ period: ReportPeriod, range: ClosedRange<LocalDate>, projection db: Database, throughSeq: Int64,
                      headHash: String) throws -> ConsolidatedReport {
        let first = range.lowerBound.description, last = range.upperBound.description
        let listed = registry.listedAgencies(first: range.lowerBound, last: range.upperBound)
        var report = ConsolidatedReport(period: period, mode: mode, from: range.lowerBound, to: range.upperBound, edition: nil,
                                        throughSeq: throughSeq, headHash: headHash, totals: .init(), agencies: [], tasks: [],
                                        indicators: [], contestFeedback: .init(), silentAgencies: [])

        // Counts of effective activity events dated in the period.
        var byAgency: [String: (channels: [String: Int], forms: [String: Int], contests: Int, surveys: Int, events: Int)] = [:]
        let counts = try Row.fetchCursor(db, sql: """
            SELECT agency, type, measure, COUNT(*) FROM proj_effective WHERE day BETWEEN ? AND ? GROUP BY agency, type, measure
            """, arguments: [first, last])
        while let row = try counts.next() {
            let agency: String = row[0], count: Int = row[3]
            let measure: String = row[2] ?? "other"
            var line = byAgency[agency] ?? ([:], [:], 0, 0, 0)
            line.events += count
            report.totals.events += count
            switch EventType(rawValue: row[1]) {
            case .articlePublished?: line.channels[measure, default: 0] += count; report.totals.articles += count
            case .activityHeld?: line.forms[measure, default: 0] += count; report.totals.activities += count
            case .contestHeld?: line.contests += count; report.totals.contests += count
            case .surveySubmitted?: line.surveys += count; report.totals.surveys += count
            default: break
            }
            byAgency[agency] = line
        }

        let submitted = Set(try String.fetchAll(db, sql: "SELECT DISTINCT agency FROM proj_effective WHERE type = ? AND measure = ?",
                                                arguments: [EventType.reportSubmitted.rawValue, period.description]))
        let (taskLines, agencyTasks) = try tasks(db, last: range.upperBound, listed: listed)
        report.tasks = taskLines

        for code in listed {
            let line = byAgency[code]
            report.agencies.append(ConsolidatedReport.AgencyLine(
                code: code, name: name(of: code, on: range.upperBound),
                articlesByChannel: (line?.channels ?? [:]).filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                activitiesByForm: (line?.forms ?? [:]).filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                contests: line?.contests ?? 0, surveys: line?.surveys ?? 0,
                tasks: agencyTasks[code] ?? [], reportSubmitted: submitted.contains(code)))
            if (line?.events ?? 0) == 0 { report.silentAgencies.append(code) }
        }
        report.indicators = try indicators(db, first: first, last: last)
        report.contestFeedback = try contestFeedback(db, first: first, last: last, listed: listed)
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

    private func tasks(_ db: Database, last: LocalDate, listed: [String]) throws
        -> ([ConsolidatedReport.TaskLine], [String: [ConsolidatedReport.AgencyTask]]) {
        // Effective events linked to a task up to the period's last day.
        var done = Set<String>(), progressed = Set<String>(), linked: [String: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT agency, type, measure, task FROM proj_effective WHERE task IS NOT NULL AND day <= ?
            """, arguments: [last.description])
        while let row = try rows.next() {
            let agency: String = row[0], task: String = row[3]
            let isReport = (row[1] as String) == EventType.taskReported.rawValue
            if isReport, (row[2] as String?) == ReportedTaskStatus.done.rawValue { done.insert("\(task)|\(agency)") }
            progressed.insert("\(task)|\(agency)")
            linked[task, default: 0] += 1   // task reports are activity events too
        }
        let listedSet = Set(listed)
        var lines: [ConsolidatedReport.TaskLine] = []
        var byAgency: [String: [ConsolidatedReport.AgencyTask]] = [:]
        for assignment in registry.tasks.values.filter({ $0.assignedOn <= last }).sorted(by: { $0.task < $1.task }) {
            let leads = expand(assignment.lead, listed: listedSet)
            let windowEnded: Bool = if case .months(_, let to) = assignment.window { last > to.lastDay } else { false }
            let statuses: [(String, TaskStatus)] = leads.map { lead in
                let key = "\(assignment.task)|\(lead)"
                if done.contains(key) { return (lead, .done) }
                if windowEnded { return (lead, .overdue) }
                if progressed.contains(key) { return (lead, .inProgress) }
                if assignment.window == .ongoing { return (lead, .ongoing) }
                return (lead, .notStarted)
            }
            lines.append(ConsolidatedReport.TaskLine(task: assignment.task, title: assignment.title, window: assignment.window, lead: leads,
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

    private func indicators(_ db: Database, first: String, last: String) throws -> [ConsolidatedReport.IndicatorLine] {
        var lines: [String: ConsolidatedReport.IndicatorLine] = [:]
        func line(_ name: String) -> ConsolidatedReport.IndicatorLine {
            lines[name] ?? .init(indicator: name, numerator: 0, denominator: 0, target: registry.targets[name], hasData: false)
        }
        for name in registry.targets.keys { lines[name] = line(name) }
        // Awareness: Σaware / Σrespondents over the period's surveys of each audience.
        let awareness = try Row.fetchAll(db, sql: """
            SELECT measure, SUM(b), SUM(a) FROM proj_effective WHERE type = ? AND measure IN ('officials', 'citizens', 'businesses')
            AND day BETWEEN ? AND ? GROUP BY measure
            """, arguments: [EventType.surveySubmitted.rawValue, first, last])
        for row in awareness {
            let name = "awareness.\(row[0] as String)"
            var current = line(name)
            current.numerator = row[1]
            current.denominator = row[2]
            current.hasData = true
            lines[name] = current
        }
        // staff-trained, online-procedures: each agency's latest report in the period, summed.
        var latest: [String: (Int, Int)] = [:]
        let reports = try Row.fetchCursor(db, sql: """
            SELECT agency, measure, a, b FROM proj_effective WHERE type = ? AND day BETWEEN ? AND ? ORDER BY instant, seq
            """, arguments: [EventType.indicatorReported.rawValue, first, last])
        while let row = try reports.next() { latest["\(row[1] as String)|\(row[0] as String)"] = (row[2], row[3]) }
        for (key, value) in latest {
            let name = String(key.split(separator: "|")[0])
            var current = line(name)
            current.numerator += value.0
            current.denominator = (current.denominator ?? 0) + value.1
            current.hasData = true
            lines[name] = current
        }
        // task:<id>:<form or channel>: linked effective events up to the last day.
        for name in registry.targets.keys {
            guard case .taskCount(let task, let measure)? = TargetIndicator.parse(name) else { continue }
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM proj_effective WHERE task = ? AND measure = ? AND day <= ? AND type IN (?, ?)",
                                         arguments: [task, measure, last, EventType.activityHeld.rawValue, EventType.articlePublished.rawValue]) ?? 0
            lines[name] = .init(indicator: name, numerator: count, denominator: nil, target: registry.targets[name], hasData: true)
        }
        return lines.values.sorted { $0.indicator < $1.indicator }
    }

    private func contestFeedback(_ db: Database, first: String, last: String, listed: [String]) throws -> ConsolidatedReport.ContestFeedback {
        var feedback = ConsolidatedReport.ContestFeedback()
        var responded = Set<String>()
        for row in try Row.fetchAll(db, sql: "SELECT agency, note FROM proj_effective WHERE type = ? AND measure = ? AND day BETWEEN ? AND ?",
                                    arguments: [EventType.surveySubmitted.rawValue, SurveyKind.contestFeedback.rawValue, first, last]) {
            feedback.responses += 1
            responded.insert(row[0])
            switch Recommendation(rawValue: row[1] ?? "") {
            case .continueContest?: feedback.continueContest += 1
            case .otherForm?: feedback.otherForm += 1
            case nil: break
            }
        }
        feedback.agenciesWithoutResponse = listed.filter { !registry.isCoordinator($0) && !responded.contains($0) }
        return feedback
    }
}
