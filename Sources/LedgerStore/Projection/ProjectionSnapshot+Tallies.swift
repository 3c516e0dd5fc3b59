import GRDB
import LedgerDomain

/// The standing facts of one half-month, agency, type, measure label and task, counted:
/// what `ReportBuilder` sums instead of reading each fact. `measure` carries the label
/// and, for awareness surveys, the sums of respondents and of those aware.
public struct FactTally: Sendable, Equatable {
    /// The half-month's first day (`HalfMonth.start`).
    public var bucket: String
    public var agency: String
    public var type: EventType
    public var measure: ActivityMeasure
    public var task: String?
    public var count: Int
}

/// The few kinds of fact a report reads one by one, beside the tallies.
public enum SingleFacts: Sendable {
    /// Every `report.submitted` for the period, whatever its day.
    case reportsFor(period: String)
    /// Contest-feedback surveys, of every day or of a range.
    case contestFeedback(ClosedRange<String>?)
    /// `indicator.reported` in a range of days.
    case indicators(ClosedRange<String>)
}

extension ProjectionSnapshot {
    /// Every tally of the half-months up to `last`: all of those from `first` on, and only
    /// the task-linked ones before it (a task's progress counts from the plan's start).
    public func forEachTally(from first: String, through last: String, _ body: (FactTally) throws -> Void) throws {
        switch facts {
        case .table(let db):
            let rows = try RawStatement(
                db,
                sql: """
                    SELECT bucket, agency, type, measure, task, n, a, b FROM proj_tally
                    WHERE bucket <= ? AND (bucket >= ? OR task != '')
                    """)
            defer { rows.reset() }
            rows.bind(last, at: 1)
            rows.bind(first, at: 2)
            while try rows.step() {
                guard let bucket = rows.string(0), let agency = rows.string(1), let type = rows.string(2).flatMap(EventType.init(rawValue:))
                else { continue }
                let label = ProjectionTallies.text(ofKey: rows.string(3))
                let measure = ActivityMeasure(
                    type: type, label: label, first: Int(rows.int64(6)), second: Int(rows.int64(7)),
                    note: label == SurveyKind.contestFeedback.rawValue ? "" : nil)
                try body(
                    FactTally(
                        bucket: bucket, agency: agency, type: type, measure: measure, task: ProjectionTallies.text(ofKey: rows.string(4)),
                        count: Int(rows.int64(5))))
            }
        case .values(let values):
            for tally in Self.tallies(of: values) where tally.bucket <= last && (tally.bucket >= first || tally.task != nil) {
                try body(tally)
            }
        }
    }

    /// The facts of one of the kinds a report reads one by one, through their partial
    /// indexes (no plain article is looked at).
    public func forEachEffectiveFact(_ kind: SingleFacts, _ body: (EffectiveFact) throws -> Void) throws {
        switch facts {
        case .table(let db):
            let columns = "day, agency, type, measure, task, a, b, note, instant, seq, root"
            let condition: String
            var arguments: [String] = []
            switch kind {
            case .reportsFor(let period):
                condition = "INDEXED BY proj_effective_reports WHERE type = 'report.submitted' AND measure = ?"
                arguments = [period]
            case .contestFeedback(let days):
                condition =
                    "INDEXED BY proj_effective_feedback WHERE type = 'survey.submitted' AND measure = 'contest-feedback'"
                    + (days == nil ? "" : " AND day BETWEEN ? AND ?")
                if let days { arguments = [days.lowerBound, days.upperBound] }
            case .indicators(let days):
                condition = "INDEXED BY proj_effective_indicators WHERE type = 'indicator.reported' AND day BETWEEN ? AND ?"
                arguments = [days.lowerBound, days.upperBound]
            }
            let rows = try RawStatement(db, sql: "SELECT \(columns) FROM proj_effective \(condition)")
            defer { rows.reset() }
            for (index, argument) in arguments.enumerated() { rows.bind(argument, at: Int32(index + 1)) }
            let fact = EffectiveFact(storage: .row(rows))
            while try rows.step() { try body(fact) }
        case .values(let values):
            for value in values where Self.isOne(of: kind, value) { try body(EffectiveFact(storage: .value(value))) }
        }
    }

    private static func isOne(of kind: SingleFacts, _ value: EffectiveFact.Value) -> Bool {
        switch (kind, value.type, value.measure) {
        case (.reportsFor(let period), .reportSubmitted, .period(let reported)): reported == period
        case (.contestFeedback(let days), .surveySubmitted, .contestFeedback): days?.contains(value.day) ?? true
        case (.indicators(let days), .indicatorReported, _): days.contains(value.day)
        default: false
        }
    }

    /// The tallies of an in-memory store's facts, as `ProjectionTallies` keeps them.
    static func tallies(of values: [EffectiveFact.Value]) -> [FactTally] {
        struct Key: Hashable {
            var bucket: String, agency: String, type: EventType, label: String?, task: String?
        }
        var counts: [Key: (n: Int, a: Int, b: Int)] = [:]
        for value in values {
            let key = Key(bucket: HalfMonth.start(of: value.day), agency: value.agency, type: value.type, label: value.measure.columns.label, task: value.task)
            var sums = counts[key] ?? (0, 0, 0)
            sums.n += 1
            if case .awareness(_, let respondents, let aware) = value.measure {
                sums.a += respondents
                sums.b += aware
            }
            counts[key] = sums
        }
        return counts.map { key, sums in
            FactTally(
                bucket: key.bucket, agency: key.agency, type: key.type,
                measure: ActivityMeasure(
                    type: key.type, label: key.label, first: sums.a, second: sums.b,
                    note: key.label == SurveyKind.contestFeedback.rawValue ? "" : nil), task: key.task, count: sums.n)
        }
    }
}
