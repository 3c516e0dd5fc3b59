import LedgerDomain

/// One agency's own report of a period (CONTRACT §7.5): its articles, activities,
/// contests and surveys, its tasks with their status, its indicators, and whether its
/// report and feedback arrived in time — the document its leader signs and sends to the
/// Provincial People's Committee through the Department of Home Affairs.
///
/// Cut from the consolidated report of the same seq, so the two always agree.
public struct AgencyReport: Sendable, Equatable {
    /// The report it is cut from: period, seq, hash, checkpoint, names and task titles.
    public var consolidated: ConsolidatedReport
    public var agency: ConsolidatedReport.AgencyLine
    public var tasks: [Task]
    public var indicators: [ConsolidatedReport.IndicatorLine]

    /// A task the agency leads or coordinates, with the status it has for it.
    public struct Task: Sendable, Equatable {
        public var line: ConsolidatedReport.TaskLine
        public var role: String
        public var status: TaskStatus
    }

    /// nil when `code` is not listed in the report.
    public init?(_ report: ConsolidatedReport, agency code: String) {
        guard let line = report.agencies.first(where: { $0.code == code }) else { return nil }
        consolidated = report
        agency = line
        let tasksByID = Dictionary(report.tasks.map { ($0.task, $0) }, uniquingKeysWith: { first, _ in first })
        tasks = line.tasks.compactMap { own in tasksByID[own.task].map { Task(line: $0, role: own.role, status: own.status) } }
        indicators = report.agencyIndicators[code] ?? []
    }

    /// `agencies/<CODE>-e<edition>.<ext>` under the period's folder (CONTRACT §7.3).
    public static func relativePath(period: ReportPeriod, code: String, edition: Int, format: ReportFormat) -> String {
        "\(period)/agencies/\(code)-e\(edition).\(format.rawValue)"
    }

    /// The formats an agency report is written in: the document to sign and the page to read.
    public static let scheduledFormats: [ReportFormat] = [.docx, .html]

    /// The JSON of `report --agency --format json`: codes, as every JSON report keeps them.
    public var json: JSONValue {
        let report = consolidated
        var members: [(key: String, value: JSONValue)] = [
            ("period", .string(report.period.description)), ("mode", .string(report.mode.rawValue)),
            ("from", .string(report.from.description)), ("to", .string(report.to.description)),
            ("edition", report.edition.map(JSONValue.integer) ?? .null), ("through_seq", .integer(Int(report.throughSeq))),
            ("head_hash", .string(report.headHash)),
        ]
        if let checkpoint = report.checkpoint { members.append(("checkpoint", .string(checkpoint))) }
        guard case .object(let own) = agency.json else { return .null }
        members.append(("report_due", .string(report.reportDue.description)))
        members.append(("agency", .object(["code": .string(agency.code), "name": .string(agency.name)])))
        for (key, value) in own.members where !["code", "name", "tasks"].contains(key) { members.append((key, value)) }
        members.append(
            (
                "tasks",
                .array(
                    tasks.map {
                        .object([
                            "task": .string($0.line.task), "title": .string($0.line.title), "role": .string($0.role),
                            "status": .string($0.status.rawValue), "window": $0.line.windowJSON,
                        ])
                    })
            ))
        members.append(("indicators", .array(indicators.map(\.json))))
        return .object(JSONObject(members))
    }
}
