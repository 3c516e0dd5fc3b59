import GRDB
import Testing

@testable import LedgerStore

/// Binding through SQLite's C API keeps the distinctions GRDB kept: '' is text, nil is
/// NULL, and staged text survives until the statement has run.
struct RawStatementTests {
    @Test func stagedTextEmptyTextAndNullAreStoredAsGiven() throws {
        let queue = try DatabaseQueue()
        let rows: [Row] = try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (n INTEGER, a TEXT, b TEXT, c TEXT)")
            let insert = try RawStatement(db, sql: "INSERT INTO t VALUES (?, ?, ?, ?)")
            for (index, values) in [("Tiếng Việt có dấu", "", nil), ("x", String(repeating: "ả", count: 5000), "z")].enumerated() {
                insert.bind(index, at: 1)
                try insert.execute { text in
                    text.stage(values.0, at: 2)
                    text.stage(values.1, at: 3)
                    text.stage(values.2, at: 4)
                }
            }
            return try Row.fetchAll(db, sql: "SELECT n, a, b, c, typeof(b), typeof(c) FROM t ORDER BY n")
        }
        #expect(rows[0] == ["n": 0, "a": "Tiếng Việt có dấu", "b": "", "c": nil, "typeof(b)": "text", "typeof(c)": "null"])
        #expect(rows[1]["b"] == String(repeating: "ả", count: 5000))
        #expect(rows[1]["c"] == "z")
    }

    @Test func aConstraintErrorIsThrownAndTheStatementCanBeUsedAgain() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (k TEXT PRIMARY KEY)")
            let insert = try RawStatement(db, sql: "INSERT INTO t VALUES (?)")
            try insert.execute { $0.stage("a", at: 1) }
            #expect(throws: DatabaseError.self) { try insert.execute { $0.stage("a", at: 1) } }
            try insert.execute { $0.stage("b", at: 1) }
            #expect(try String.fetchAll(db, sql: "SELECT k FROM t ORDER BY k") == ["a", "b"])
        }
    }
}
