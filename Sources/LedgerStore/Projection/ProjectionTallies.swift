import GRDB
import LedgerDomain

/// Keeps `proj_tally` (LedgerSchema.createTallyTables) in step with `proj_effective`:
/// every fact that starts to stand is added to its half-month's tally, every fact that
/// stops standing (replaced by a correction, removed by a retraction) is taken out, in
/// the same transaction. A report then sums a few thousand tallies instead of reading a
/// million facts.
///
/// The changes are summed in memory by tally and written once per tally when the
/// projection's checkpoint is set (`flush`, before the commit): a file of a million events
/// writes some thirty thousand tallies, not a million upserts.
final class ProjectionTallies {
    let db: Database
    private struct Key: Hashable {
        var bucket: String, agency: String, type: String, label: String, task: String
    }
    private var pending: [Key: (n: Int64, a: Int64, b: Int64)] = [:]
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
        let key = Key(bucket: HalfMonth.start(of: day), agency: agency, type: type, label: Self.key(measure.columns.label), task: Self.key(task))
        let sums = Self.sums(measure)
        var delta = pending[key] ?? (0, 0, 0)
        delta.n += step
        delta.a += sums.a * step
        delta.b += sums.b * step
        pending[key] = delta
    }

    /// Writes the summed changes; called as the checkpoint is set, before anything reads them.
    func flush() throws {
        defer { pending.removeAll(keepingCapacity: false) }
        for (key, delta) in pending where delta != (0, 0, 0) {
            let statement = try upsert.statement(in: db)
            statement.bind(delta.n, at: 6)
            statement.bind(delta.a, at: 7)
            statement.bind(delta.b, at: 8)
            try statement.execute { text in
                text.stage(key.bucket, at: 1)
                text.stage(key.agency, at: 2)
                text.stage(key.type, at: 3)
                text.stage(key.label, at: 4)
                text.stage(key.task, at: 5)
            }
            if delta.n < 0 {
                // A tally at zero is gone: a report must not see a task as progressed by nothing.
                try db.cachedStatement(
                    sql: "DELETE FROM proj_tally WHERE bucket = ? AND agency = ? AND type = ? AND measure = ? AND task = ? AND n = 0"
                ).execute(arguments: [key.bucket, key.agency, key.type, key.label, key.task])
            }
        }
    }
}
