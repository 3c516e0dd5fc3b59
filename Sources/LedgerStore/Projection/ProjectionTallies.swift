import GRDB
import LedgerDomain

/// Keeps `proj_tally` (LedgerSchema.createTallyTables) in step with `proj_effective`:
/// every fact that starts to stand is added to its half-month's tally, every fact that
/// stops standing (replaced by a correction, removed by a retraction) is taken out, in
/// the same transaction. A report then sums a few thousand tallies instead of reading a
/// million facts.
struct ProjectionTallies {
    let db: Database
    private let upsert = LazyStatement(
        sql: """
            INSERT INTO proj_tally (bucket, agency, type, measure, task, n, a, b) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (bucket, agency, type, measure, task) DO UPDATE SET n = n + excluded.n, a = a + excluded.a, b = b + excluded.b
            """)
    private let standing = LazyStatement(sql: "SELECT day, agency, type, measure, task, a, b, note FROM proj_effective WHERE root = ?")

    init(db: Database) {
        self.db = db
    }

    /// The key text of an optional label or task: `=` + text, or empty for none.
    static func key(_ text: String?) -> String { text.map { "=" + $0 } ?? "" }

    /// The optional label or task of a key text.
    static func text(ofKey key: String?) -> String? {
        guard let key, key.hasPrefix("=") else { return nil }
        return String(key.dropFirst())
    }

    /// What a fact adds to its tally: one, and its awareness counts (the only sums a
    /// report makes; `FieldSpec.maxCount` keeps them far inside 64 bits).
    private static func sums(_ measure: ActivityMeasure) -> (a: Int64, b: Int64) {
        if case .awareness(_, let respondents, let aware) = measure { (Int64(respondents), Int64(aware)) } else { (0, 0) }
    }

    func add(_ fact: ActivityFact, agency: String) throws {
        try change(day: fact.dayText, agency: agency, type: fact.type.rawValue, measure: fact.measure, task: fact.task, by: 1)
    }

    /// Takes the fact now standing for the lineage `root` (if any) out of its tally.
    func remove(standingAt root: Int64) throws {
        let row = try standing.statement(in: db)
        row.bind(root, at: 1)
        defer { row.reset() }
        guard try row.step(), let day = row.string(0), let agency = row.string(1), let typeText = row.string(2),
            let type = EventType(rawValue: typeText)
        else { return }
        let measure = ActivityMeasure(
            type: type, label: row.string(3), first: row.isNull(5) ? nil : Int(row.int64(5)),
            second: row.isNull(6) ? nil : Int(row.int64(6)), note: row.string(7))
        let task = row.string(4)
        row.reset()
        try change(day: day, agency: agency, type: typeText, measure: measure, task: task, by: -1)
    }

    private func change(day: String, agency: String, type: String, measure: ActivityMeasure, task: String?, by step: Int64) throws {
        let bucket = HalfMonth.start(of: day), label = Self.key(measure.columns.label), taskKey = Self.key(task)
        let sums = Self.sums(measure)
        let statement = try upsert.statement(in: db)
        statement.bind(step, at: 6)
        statement.bind(sums.a * step, at: 7)
        statement.bind(sums.b * step, at: 8)
        try statement.execute { text in
            text.stage(bucket, at: 1)
            text.stage(agency, at: 2)
            text.stage(type, at: 3)
            text.stage(label, at: 4)
            text.stage(taskKey, at: 5)
        }
        if step < 0 {
            // A tally at zero is gone: a report must not see a task as progressed by nothing.
            try db.cachedStatement(
                sql: "DELETE FROM proj_tally WHERE bucket = ? AND agency = ? AND type = ? AND measure = ? AND task = ? AND n = 0"
            ).execute(arguments: [bucket, agency, type, label, taskKey])
        }
    }
}
