import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C API.
///
/// Only for the loops that run once per event — ingest's lookup and insert, the
/// projection's writes, the rebuild's scan. There GRDB's `StatementArguments` (an
/// existential box per value) and its `Row` per result cost as much as SQLite itself;
/// binding directly halves that share. GRDB still prepares, owns and finalises the
/// statement, and everything that is not per event keeps using GRDB.
///
/// Each use is `bind…`, then `execute()` or `step()` until it answers false, then
/// `reset()` (which `execute()` does itself): the statement is never left half run.
public final class RawStatement {
    private let statement: Statement
    private let handle: OpaquePointer
    private let sql: String
    /// The staging buffer, kept between executions for its capacity.
    private var spare = StagedText()

    /// Tells SQLite to copy bound text, so a Swift string need not outlive the call.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    /// Tells SQLite the text outlives the statement's use of it (`SQLITE_STATIC`).
    private static let borrowed = unsafeBitCast(OpaquePointer(bitPattern: 0), to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        self.sql = sql
    }

    public func bind(_ value: String?, at index: Int32) {
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        value.withUTF8 { bytes in
            // A null pointer would bind NULL; the empty string must stay text.
            guard let start = bytes.baseAddress, !bytes.isEmpty else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return
            }
            _ = start.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                sqlite3_bind_text(handle, index, text, Int32(bytes.count), Self.transient)
            }
        }
    }

    public func bind(_ value: Int64?, at index: Int32) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        sqlite3_bind_int64(handle, index, value)
    }

    public func bind(_ value: Int?, at index: Int32) {
        bind(value.map(Int64.init), at: index)
    }

    /// Binds bytes as a BLOB (copied by SQLite).
    public func bind(blob bytes: [UInt8], at index: Int32) {
        bytes.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), Self.transient)
        }
    }

    /// Runs the statement with the text `stage` puts in a buffer bound in place (SQLite is
    /// told the bytes outlive the step, which they do), then resets it. SQLite's own copy
    /// of transient text, with its allocation, was a tenth of each per-event insert; and
    /// staging into a local value, not into this object, avoids a dynamic exclusivity
    /// check per value.
    public func execute(staging stage: (inout StagedText) -> Void) throws {
        var text = StagedText()
        swap(&text, &spare)
        defer {
            text.removeAll()
            swap(&text, &spare)
        }
        stage(&text)
        try text.bytes.withUnsafeBufferPointer { bytes in
            try bytes.withMemoryRebound(to: CChar.self) { start in
                for slot in text.slots {
                    if slot.offset < 0 {
                        sqlite3_bind_null(handle, slot.index)
                    } else if slot.count == 0 {
                        // A null pointer would bind NULL; '' must stay text.
                        sqlite3_bind_text(handle, slot.index, "", 0, Self.transient)
                    } else {
                        sqlite3_bind_text(handle, slot.index, start.baseAddress! + slot.offset, Int32(slot.count), Self.borrowed)
                    }
                }
                try execute()
            }
        }
    }

    /// Runs the statement to completion and resets it.
    public func execute() throws {
        defer { reset() }
        while try step() {}
    }

    /// One step: true when a row is ready to read.
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let message = sqlite3_db_handle(handle).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            reset()
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
    }

    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    public func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    public func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    public func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }

    /// A BLOB column's bytes.
    public func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let start = sqlite3_column_blob(handle, column), count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// The column's UTF-8 bytes, valid only inside `body` (no `String` is made).
    public func withBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let text = sqlite3_column_text(handle, column)
        return try body(UnsafeBufferPointer(start: text, count: text == nil ? 0 : Int(sqlite3_column_bytes(handle, column))))
    }
}

/// Text values for one execution of a `RawStatement`, one after the other in a buffer.
public struct StagedText {
    fileprivate var bytes: [UInt8] = []
    /// Where each value goes; a negative offset stands for NULL.
    fileprivate var slots: [(index: Int32, offset: Int, count: Int)] = []

    public mutating func stage(_ value: String?, at index: Int32) {
        guard var value else {
            slots.append((index, -1, 0))
            return
        }
        let offset = bytes.count
        value.withUTF8 { bytes.append(contentsOf: $0) }
        slots.append((index, offset, bytes.count - offset))
    }

    fileprivate mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
    }
}
