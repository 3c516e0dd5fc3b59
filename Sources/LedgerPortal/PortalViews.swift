import LedgerDomain

/// What the pages show, as the ledger's side prepares it: words (not codes), ready to be
/// escaped and laid out. The portal renders no report itself; the report's own HTML comes
/// whole in `reportHTML`.

/// SNV's view of one period.
public struct DashboardView: Sendable {
    /// The head seq it was built at: the same period and seq always give the same view.
    public var seq: Int64
    public var period: String
    public var periodTitle: String
    /// The periods one may switch to, newest first.
    public var periods: [String]
    /// The consolidated report's sections and charts, its figures linked to their events.
    public var reportHTML: String
    /// The totals and the indicators against their targets, shown first.
    public var headlineHTML: String
    public var silent: [String]
    public var late: [String]
    public var missing: [String]
    public var overdue: [OverdueTask]
    public var editions: [Edition]
    public var agencies: [AgencyName]

    public struct OverdueTask: Sendable {
        public var task: String
        public var title: String
        public var leads: [String]
        public init(task: String, title: String, leads: [String]) {
            self.task = task
            self.title = title
            self.leads = leads
        }
    }

    public struct Edition: Sendable {
        public var number: Int
        public var recordedAt: String
        public var throughSeq: Int64
        /// Paths under the reports folder, as `report.generated` lists them.
        public var files: [String]
        public init(number: Int, recordedAt: String, throughSeq: Int64, files: [String]) {
            self.number = number
            self.recordedAt = recordedAt
            self.throughSeq = throughSeq
            self.files = files
        }
    }

    public init(
        seq: Int64, period: String, periodTitle: String, periods: [String], headlineHTML: String = "", reportHTML: String, silent: [String],
        late: [String], missing: [String], overdue: [OverdueTask], editions: [Edition], agencies: [AgencyName]
    ) {
        self.headlineHTML = headlineHTML
        self.seq = seq
        self.period = period
        self.periodTitle = periodTitle
        self.periods = periods
        self.reportHTML = reportHTML
        self.silent = silent
        self.late = late
        self.missing = missing
        self.overdue = overdue
        self.editions = editions
        self.agencies = agencies
    }
}

public struct AgencyName: Sendable {
    public var code: String
    public var name: String
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// One agency's page: what its clerk needs, and its own report for SNV.
public struct AgencyView: Sendable {
    public var code: String
    public var name: String
    public var period: String
    public var periodTitle: String
    public var tasks: [TaskRow]
    /// What is due in the period, as sentences.
    public var due: [String]
    public var files: [FileRow]
    /// The agency's report of the period (empty when it is not listed in it).
    public var reportHTML: String
    /// Where its report of the period stands with SNV, in words ("Trả lại: …"), and its
    /// code (`pending`, `accepted`, `returned`); nil when nothing was submitted.
    public var review: String? = nil
    public var reviewCode: String? = nil
    /// The reminders sent for the period ("Nhắc lần 1 ngày 12/03/2025").
    public var reminders: [String] = []
    /// The thread of the agency and period, oldest first.
    public var comments: [CommentRow] = []

    public struct CommentRow: Sendable {
        /// The writer's agency name.
        public var by: String
        /// `DD/MM/YYYY`.
        public var on: String
        public var text: String
        public init(by: String, on: String, text: String) {
            self.by = by
            self.on = on
            self.text = text
        }
    }

    public struct TaskRow: Sendable {
        public var task: String
        public var title: String
        public var window: String
        public var role: String
        public var status: String
        /// The status code, for the row's colour class.
        public var statusCode: String
        public init(task: String, title: String, window: String, role: String, status: String, statusCode: String) {
            self.task = task
            self.title = title
            self.window = window
            self.role = role
            self.status = status
            self.statusCode = statusCode
        }
    }

    /// A file the agency sent, as its copy in `processed/` or `rejected/` shows it.
    public struct FileRow: Sendable {
        public var name: String
        public var accepted: Bool
        /// Local date and time it was taken, `DD/MM/YYYY HH:MM`.
        public var when: String
        /// From the receipt of an accepted file (nil without one).
        public var appended: Int?
        public var duplicates: Int?
        /// A rejected file's first errors as its `errors.json` holds them (line, sheet, cell,
        /// field, code, message).
        public var errors: [JSONValue]
        public init(name: String, accepted: Bool, when: String, appended: Int?, duplicates: Int?, errors: [JSONValue]) {
            self.name = name
            self.accepted = accepted
            self.when = when
            self.appended = appended
            self.duplicates = duplicates
            self.errors = errors
        }
    }

    public init(
        code: String, name: String, period: String, periodTitle: String, tasks: [TaskRow], due: [String], files: [FileRow], reportHTML: String
    ) {
        self.code = code
        self.name = name
        self.period = period
        self.periodTitle = periodTitle
        self.tasks = tasks
        self.due = due
        self.files = files
        self.reportHTML = reportHTML
    }
}

/// A page of the audit trail: each event as `events --json` prints it.
public struct EventPage: Sendable {
    public var events: [JSONValue]
    /// The seq to ask `before` for the next page; nil on the last.
    public var nextBefore: Int64?
    public init(events: [JSONValue], nextBefore: Int64?) {
        self.events = events
        self.nextBefore = nextBefore
    }
}

/// What the audit trail is filtered by; every part optional.
public struct EventQuery: Sendable, Equatable {
    public var agency: String?
    public var type: String?
    /// Local dates of `occurred_at`, inclusive.
    public var from: LocalDate?
    public var to: LocalDate?
    public var text: String?
    public var before: Int64?
    public var limit: Int

    public init(
        agency: String? = nil, type: String? = nil, from: LocalDate? = nil, to: LocalDate? = nil, text: String? = nil, before: Int64? = nil, limit: Int = 100
    ) {
        self.agency = agency
        self.type = type
        self.from = from
        self.to = to
        self.text = text
        self.before = before
        self.limit = limit
    }
}

/// The events that make one figure of a report.
public struct FigureEvents: Sendable {
    public var figure: String
    /// The figure in words ("Tin, bài — Báo Sóc Trăng").
    public var title: String
    public var period: String
    public var count: Int
    /// The first of them (at most a page), as the audit trail shows them.
    public var events: [JSONValue]
    public init(figure: String, title: String, period: String, count: Int, events: [JSONValue]) {
        self.figure = figure
        self.title = title
        self.period = period
        self.count = count
        self.events = events
    }
}

/// An adopted plan as SNV's plan page shows it: the plan, its tasks with their leads'
/// status in the plan year's report now, its targets.
public struct PlanView: Sendable {
    public var plan: String
    public var title: String
    public var year: Int
    public var document: String?
    /// `DD/MM/YYYY`.
    public var signed: String?
    public var tasks: [Task]
    public var targets: [Target]
    /// The counts, also where the lists are left empty (the list of plans).
    public var taskCount: Int
    public var targetCount: Int

    public struct Task: Sendable {
        public var task: String
        public var title: String
        /// In words ("03/2025 – 06/2025", "Thường xuyên").
        public var window: String
        public var carriedFrom: String?
        /// Each lead with its status in words and its code (for the style).
        public var leads: [(agency: String, status: String, statusCode: String)]
        public var linkedEvents: Int
        public init(
            task: String, title: String, window: String, carriedFrom: String?, leads: [(agency: String, status: String, statusCode: String)],
            linkedEvents: Int
        ) {
            self.task = task
            self.title = title
            self.window = window
            self.carriedFrom = carriedFrom
            self.leads = leads
            self.linkedEvents = linkedEvents
        }
    }

    public struct Target: Sendable {
        public var indicator: String
        /// The indicator in words.
        public var label: String
        public var min: String
        public init(indicator: String, label: String, min: String) {
            self.indicator = indicator
            self.label = label
            self.min = min
        }
    }

    public init(
        plan: String, title: String, year: Int, document: String?, signed: String?, tasks: [Task], targets: [Target], taskCount: Int,
        targetCount: Int
    ) {
        self.taskCount = taskCount
        self.targetCount = targetCount
        self.plan = plan
        self.title = title
        self.year = year
        self.document = document
        self.signed = signed
        self.tasks = tasks
        self.targets = targets
    }
}
