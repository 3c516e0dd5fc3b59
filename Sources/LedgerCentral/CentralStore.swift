import Foundation
import LedgerDomain
import LedgerStore
import Logging
import PostgresNIO

/// The centre's PostgreSQL: one client, run for the life of a command or of `central serve`.
public final class CentralStore: Sendable {
    let client: PostgresClient
    let logger: Logger
    let url: CentralDatabaseURL
    /// Days of events are counted in Vietnam's time, as the provinces count them.
    let zone = LocalZone.hoChiMinh

    init(client: PostgresClient, logger: Logger, url: CentralDatabaseURL) {
        self.client = client
        self.logger = logger
        self.url = url
    }

    /// Runs `body` with a store connected to `url`; the connection pool ends with it.
    /// A server that cannot be reached is a fault (exit 4) naming where it was looked for.
    public static func with<T: Sendable>(
        _ url: CentralDatabaseURL, password: String?, logger: Logger = Logger(label: "reformledger.central"),
        _ body: @Sendable (CentralStore) async throws -> T
    ) async throws -> T {
        let client = PostgresClient(configuration: url.clientConfiguration(password: password), backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            let store = CentralStore(client: client, logger: logger, url: url)
            do {
                return try await body(store)
            } catch {
                throw store.centralError(error)
            }
        }
    }

    static func describe(_ error: PSQLError, url: CentralDatabaseURL) -> CentralError {
        if let message = error.serverInfo?[.message] {
            let sqlState = error.serverInfo?[.sqlState] ?? ""
            // 28xxx: authentication; 3D000: no such database; 42P01: no such table (not initialised).
            if sqlState == "42P01" {
                return CentralError(.usage, "the centre's schema is missing in \(url.database); run `reformledger central init --db …` first")
            }
            if sqlState.hasPrefix("28") || sqlState == "3D000" { return CentralError(.usage, "PostgreSQL at \(url.host):\(url.port): \(message)") }
            return CentralError(.fault, "PostgreSQL at \(url.host):\(url.port): \(message)")
        }
        return CentralError(.fault, "PostgreSQL at \(url.host):\(url.port) cannot be reached (\(error.code))")
    }

    /// Any failure as a `CentralError`: a transaction's own error unwrapped, PostgreSQL's
    /// described with where it was, anything else a fault.
    func centralError(_ error: any Error) -> any Error {
        switch error {
        case let error as CentralError: return error
        case let error as PSQLError: return Self.describe(error, url: url)
        case let error as PostgresTransactionError:
            if let inner = error.closureError ?? error.beginError ?? error.commitError { return centralError(inner) }
            return CentralError(.fault, "a transaction failed at \(url.host):\(url.port)")
        default: return error
        }
    }

    /// `withTransaction`, with the closure's own error thrown as it was.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch {
            throw centralError(error)
        }
    }

    /// Creates the schema (every statement is idempotent).
    public func initialise() async throws {
        try await transaction { connection in
            for statement in CentralSchema.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
    }

    /// Registers a province's log; a second registration of the same origin changes its
    /// name and region only when the key is the same (a new key is a new history: refused).
    public func addLedger(origin: String, key: NoteVerifier, name: String, region: String?) async throws -> Bool {
        try await transaction { connection in
            let existing = try await connection.query("SELECT verifier_key FROM central_ledgers WHERE origin = \(origin) FOR UPDATE", logger: logger)
            for try await (stored) in existing.decode(String.self) {
                guard stored == key.encoded else {
                    throw CentralError(
                        .usage, "\(origin) is registered with another key (\(stored)); a new key is a new history, register it under a new origin",
                        code: "key_differs")
                }
                try await connection.query(
                    "UPDATE central_ledgers SET name = \(name), region = \(region) WHERE origin = \(origin)", logger: logger)
                return false
            }
            try await connection.query(
                "INSERT INTO central_ledgers (origin, name, region, verifier_key) VALUES (\(origin), \(name), \(region), \(key.encoded))",
                logger: logger)
            return true
        }
    }

    /// A registered ledger as the centre holds it.
    public struct Ledger: Sendable {
        public var id: Int32
        public var origin: String
        public var name: String
        public var region: String?
        public var key: String
        public var state: ChainState?
        public var checkpoint: String?
        public var cosigned: String?
        public var checkpointAt: String?
        public var pushedAt: String?
        public var coordinators: [String]
    }

    static let ledgerColumns =
        "id, origin, name, region, verifier_key, size, head_hash, frontier, checkpoint, cosigned, checkpoint_at::text, pushed_at::text, coordinators"

    static func ledger(
        _ row: (Int32, String, String, String?, String, Int64, String, String, String?, String?, String?, String?, [String])
    ) -> Ledger {
        Ledger(
            id: row.0, origin: row.1, name: row.2, region: row.3, key: row.4,
            state: ChainState(size: row.5, headHashHex: row.6, frontierText: row.7), checkpoint: row.8, cosigned: row.9,
            checkpointAt: row.10, pushedAt: row.11, coordinators: row.12)
    }

    typealias LedgerRow = (Int32, String, String, String?, String, Int64, String, String, String?, String?, String?, String?, [String])

    public func ledgers() async throws -> [Ledger] {
        let rows = try await client.query(
            PostgresQuery(unsafeSQL: "SELECT \(Self.ledgerColumns) FROM central_ledgers ORDER BY region NULLS LAST, origin"), logger: logger)
        var out: [Ledger] = []
        for try await row in rows.decode(LedgerRow.self) { out.append(Self.ledger(row)) }
        return out
    }

    public func ledger(origin: String) async throws -> Ledger? {
        let rows = try await client.query("SELECT \(unescaped: Self.ledgerColumns) FROM central_ledgers WHERE origin = \(origin)", logger: logger)
        for try await row in rows.decode(LedgerRow.self) { return Self.ledger(row) }
        return nil
    }
}
