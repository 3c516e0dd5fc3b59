import LedgerDomain

/// A consolidated report in the words of the portal's lists: who is silent, late or
/// missing by name, which tasks are overdue and who leads them, and one agency's tasks and
/// what it owes in the period. The same words as the report files (`ReportWords`).
public struct ReportDigest: Sendable {
    public let report: ConsolidatedReport
    public let language: Language

    public init(_ report: ConsolidatedReport, language: Language) {
        self.report = report
        self.language = language
    }

    private var words: ReportWords { ReportWords(report, language: language) }
    private var labels: ReportLabels { ReportLabels(language) }

    /// "quý I năm 2024".
    public var periodTitle: String { labels.periodInWords(report.period) }

    public var silent: [String] { report.silentAgencies.map(words.agency) }

    /// Agencies (not coordinators) whose period report arrived after its due day.
    public var late: [String] { names { $0.report.status == .late } }

    /// Agencies (not coordinators) whose period report has not arrived.
    public var missing: [String] { names { $0.report.status == .missing } }

    private func names(_ test: (ConsolidatedReport.AgencyLine) -> Bool) -> [String] {
        report.agencies.filter { !$0.isCoordinator && test($0) }.map(\.name)
    }

    /// Tasks with at least one overdue lead: id, title and the overdue leads' names.
    public var overdue: [(task: String, title: String, leads: [String])] {
        report.tasks.compactMap { task in
            let leads = task.statusByLead.filter { $0.1 == .overdue }.map { words.agency($0.0) }
            return leads.isEmpty ? nil : (task.task, task.title, leads)
        }
    }

    /// One agency's tasks with window, role and status, in words.
    public func tasks(of code: String) -> [(task: String, title: String, window: String, role: String, status: String, statusCode: String)] {
        guard let own = AgencyReport(report, agency: code) else { return [] }
        return own.tasks.map {
            ($0.line.task, $0.line.title, labels.window($0.line.window), labels.role($0.role), words.status($0.status), $0.status.rawValue)
        }
    }

    /// A plan's tasks as its page lists them: window in words, each lead's name with its
    /// status in words and code, the linked events; a task not in this report (a plan of
    /// another year) with its leads' codes and no status.
    public func planTasks(
        _ tasks: [TaskAssignment]
    ) -> [(
        task: String, title: String, window: String, carriedFrom: String?, leads: [(agency: String, status: String, statusCode: String)],
        linked: Int
    )] {
        let lines = Dictionary(report.tasks.map { ($0.task, $0) }, uniquingKeysWith: { first, _ in first })
        return tasks.map { task in
            let line = lines[task.task]
            let leads = line?.statusByLead.map { (words.agency($0.0), words.status($0.1), $0.1.rawValue) } ?? task.lead.map { ($0.description, "", "") }
            return (task.task, task.title, labels.window(task.window), task.carriedFrom, leads, line?.linkedEvents ?? 0)
        }
    }

    /// What the agency owes in the period, as sentences: its period report (and whether it
    /// arrived), the contest feedback when due in the period, the tasks it leads that are
    /// not done.
    public func due(of code: String) -> [String] {
        guard let line = report.agencies.first(where: { $0.code == code }) else { return [] }
        var sentences: [String] = []
        if !line.isCoordinator {
            sentences.append("\(labels.reportArrival(due: report.reportDue)): \(words.arrival(line.report))")
        }
        if let feedback = line.feedback, let due = report.contestFeedback.due {
            sentences.append("\(labels.feedbackArrival(due: due)): \(words.arrival(feedback))")
        }
        for task in AgencyReport(report, agency: code)?.tasks ?? [] where task.role == "lead" && task.status != .done {
            sentences.append("\(task.line.task) \(task.line.title) (\(labels.window(task.line.window))): \(words.status(task.status))")
        }
        return sentences
    }

    /// The agency's own report as part of a page; empty when it is not listed.
    public func agencyPage(of code: String) -> String {
        AgencyReport(report, agency: code).map { ReportPage.agency($0, language: language) } ?? ""
    }

    /// A figure in the words of its report: "Tin, bài — Báo Sóc Trăng", "Sự kiện liên quan —
    /// KH2024-01 …", an indicator's name.
    public func describe(_ figure: Figure) -> String {
        let l = labels, w = words
        func count(_ count: Figure.Count) -> String {
            switch count {
            case .events: l.events
            case .articles: l.articles
            case .activities: l.activities
            case .contests: l.contests
            case .surveys: l.surveys
            }
        }
        switch figure {
        case .total(let kind): return "\(count(kind)) — \(l.total.lowercased())"
        case .agency(let code, let kind): return "\(count(kind)) — \(w.agency(code))"
        case .task(let id): return "\(l.linkedEvents) — \(id) \(report.tasks.first { $0.task == id }?.title ?? "")"
        case .indicator(let name): return w.indicator(name)
        }
    }

    /// A local day as the reports write it.
    public func date(_ day: LocalDate) -> String { labels.date(day) }
}
