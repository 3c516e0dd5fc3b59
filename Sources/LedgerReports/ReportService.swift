import Foundation
import GRDB
import LedgerDomain
import LedgerStore

/// Computes reports from a ledger: at the head from the live projection, or as of an
/// earlier seq by folding the log into a temporary projection, so that any edition can be
/// reproduced later byte for byte.
public struct ReportService: Sendable {
    public let database: LedgerDatabase
    public let configuration: LedgerConfiguration

    public init(database: LedgerDatabase, configuration: LedgerConfiguration) {
        self.database = database
        self.configuration = configuration
    }

    public struct UnknownSeq: Error, CustomStringConvertible {
        public var requested: Int64, head: Int64
        public var description: String { "--through-seq \(requested) is beyond the head of the log (seq \(head))" }
    }

    public func report(_ period: ReportPeriod, throughSeq requested: Int64? = nil) throws -> ConsolidatedReport {
        try report(period: period, range: period.range(configuration.periods), throughSeq: requested, progress: nil)
    }

    /// A report over any range of days (`replay` uses the whole history).
    public func report(range: ClosedRange<LocalDate>, throughSeq requested: Int64?, progress: ((Int64) -> Void)?) throws -> ConsolidatedReport {
        try report(period: ReportPeriod(year: range.upperBound.year, kind: .year), range: range, throughSeq: requested, progress: progress)
    }

    private func report(period: ReportPeriod, range: ClosedRange<LocalDate>, throughSeq requested: Int64?,
                        progress: ((Int64) -> Void)?) throws -> ConsolidatedReport {
        let zone = configuration.zone
        let coordinators = Set(configuration.coordinators)
        let builder = { (registry: AgencyRegistry) in
            ReportBuilder(registry: registry, mode: configuration.periods, language: configuration.language)
        }
        // At the head: bring the projection up to date and read it in one transaction.
        let atHead: ConsolidatedReport? = try database.transaction { db in
            let head = try LedgerDatabase.head(db)
            guard requested == nil || requested == head.seq else { return (nil, commit: false) }
            try ProjectionWriter(db: db, zone: zone).catchUp()
            let registry = try LedgerDatabase.loadRegistry(db, coordinators: coordinators, zone: zone)
            return (try builder(registry).build(period, range: range, projection: db, throughSeq: head.seq, headHash: head.hash), commit: true)
        }
        if let atHead { return atHead }
        let seq = requested!
        return try database.read { source in
            let head = try LedgerDatabase.head(source)
            guard seq >= 0, seq <= head.seq else { throw UnknownSeq(requested: seq, head: head.seq) }
            let hash = seq == 0 ? HashChain.hex(HashChain.genesis)
                : try String.fetchOne(source, sql: "SELECT hash FROM events WHERE seq = ?", arguments: [seq]) ?? ""
            let registry = try LedgerDatabase.loadRegistry(source, coordinators: coordinators, zone: zone, throughSeq: seq)
            let scratch = (NSTemporaryDirectory() as NSString).appendingPathComponent("reformledger-asof-\(UUID().uuidString).sqlite")
            defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: scratch + suffix) } }
            // A throwaway file: no durability needed, and it keeps memory flat on a big log.
            var scratchConfiguration = Configuration()
            scratchConfiguration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA journal_mode = OFF") }
            let temporary = try DatabaseQueue(path: scratch, configuration: scratchConfiguration)
            return try temporary.write { db in
                try LedgerSchema.createProjectionTables(db)
                try ProjectionWriter(db: db, zone: zone).rebuild(from: source, throughSeq: seq, progress: progress)
                return try builder(registry).build(period, range: range, projection: db, throughSeq: seq, headHash: hash)
            }
        }
    }
}
