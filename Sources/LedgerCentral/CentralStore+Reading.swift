import Foundation
import LedgerDomain
import LedgerReports
import LedgerStore
import PostgresNIO

extension CentralStore {
    /// One line of `central status`.
    public struct LedgerStatus: Sendable {
        public var origin: String
        public var name: String
        public var region: String?
        /// The last accepted checkpoint's tree size.
        public var size: Int64
        /// When it was accepted (RFC 3339), nil before the first push.
        public var time: String?
        /// Seconds since then.
        public var lag: Int64?

        public var json: JSONValue {
            .object([
                "origin": .string(origin), "name": .string(name), "region": .optional(region), "size": .integer(Int(size)),
                "time": .optional(time), "lag": lag.map { .integer(Int($0)) } ?? .null,
            ])
        }
    }

    public func status() async throws -> [LedgerStatus] {
        let rows = try await client.query(
            """
            SELECT origin, name, region, size, to_char(checkpoint_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
            EXTRACT(EPOCH FROM now() - checkpoint_at)::bigint
            FROM central_ledgers ORDER BY region NULLS LAST, origin
            """, logger: logger)
        var out: [LedgerStatus] = []
        for try await (origin, name, region, size, time, lag) in rows.decode((String, String, String?, Int64, String?, Int64?).self) {
            out.append(LedgerStatus(origin: origin, name: name, region: region, size: size, time: time, lag: lag))
        }
        return out
    }

    /// The figures of `period` for the chosen ledgers (all when both filters are empty),
    /// summed by SQL from `central_tallies`, with each ledger's completeness.
    public func report(
        period: ReportPeriod, mode: LedgerConfiguration.PeriodMode, region: String?, origins: [String]
    ) async throws
        -> CentralReport
    {
        let range = period.range(mode)
        let from = range.lowerBound.description, to = range.upperBound.description
        var chosen = try await ledgers().filter { ledger in
            (region == nil || ledger.region == region) && (origins.isEmpty || origins.contains(ledger.origin))
        }
        let unknown = origins.filter { origin in !chosen.contains { $0.origin == origin } }
        guard unknown.isEmpty else { throw CentralError(.usage, "--ledger: \(unknown.joined(separator: ", ")) is not registered", code: "unknown_ledger") }
        chosen.sort { ($0.region ?? "~", $0.origin) < ($1.region ?? "~", $1.origin) }
        let ids = chosen.map(\.id)
        var figures: [Int32: CentralReport.Figures] = [:]
        let sums = try await client.query(
            """
            SELECT ledger, type, measure, sum(n)::bigint, sum(a)::bigint, sum(b)::bigint FROM central_tallies
            WHERE ledger = ANY(\(ids)::int4[]) AND bucket BETWEEN \(from)::date AND \(to)::date AND type NOT IN ('report.submitted', 'indicator.reported')
            GROUP BY ledger, type, measure
            """, logger: logger)
        for try await (ledger, type, measure, n, a, b) in sums.decode((Int32, String, String, Int64, Int64, Int64).self) {
            figures[ledger, default: CentralReport.Figures()].add(type: type, measure: measure, n: n, a: a, b: b)
        }
        // Indicators: each agency's latest standing report in the period, summed (CONTRACT §7.2).
        let latest = try await client.query(
            """
            SELECT k.ledger, k.indicator, sum(latest.numerator)::bigint, sum(latest.denominator)::bigint
            FROM central_indicator_keys k CROSS JOIN LATERAL (
                SELECT numerator, denominator FROM central_indicators i
                WHERE i.ledger = k.ledger AND i.agency = k.agency AND i.indicator = k.indicator AND i.day BETWEEN \(from)::date AND \(to)::date
                ORDER BY i.instant DESC, i.seq DESC LIMIT 1
            ) AS latest
            WHERE k.ledger = ANY(\(ids)::int4[]) GROUP BY k.ledger, k.indicator
            """, logger: logger)
        for try await (ledger, indicator, numerator, denominator) in latest.decode((Int32, String, Int64, Int64).self) {
            figures[ledger, default: CentralReport.Figures()].indicators[indicator] = .init(first: numerator, second: denominator)
        }
        var submitted: [Int32: Set<String>] = [:]
        let reports = try await client.query(
            """
            SELECT DISTINCT ledger, agency FROM central_tallies
            WHERE ledger = ANY(\(ids)::int4[]) AND type = 'report.submitted' AND measure = \(period.description) AND n > 0
            """, logger: logger)
        for try await (ledger, agency) in reports.decode((Int32, String).self) { submitted[ledger, default: []].insert(agency) }
        var expected: [Int32: [String]] = [:]
        let roster = try await client.query(
            """
            SELECT a.ledger, a.code FROM central_agencies a JOIN central_ledgers l ON l.id = a.ledger
            WHERE a.ledger = ANY(\(ids)::int4[]) AND a.since <= \(to)::date AND (a.until IS NULL OR a.until > \(from)::date)
            AND NOT (a.code = ANY(l.coordinators)) ORDER BY a.code
            """, logger: logger)
        for try await (ledger, code) in roster.decode((Int32, String).self) { expected[ledger, default: []].append(code) }
        let lines = chosen.map { ledger in
            let roster = expected[ledger.id] ?? []
            let reported = submitted[ledger.id] ?? []
            return CentralReport.LedgerLine(
                origin: ledger.origin, name: ledger.name, region: ledger.region, size: ledger.state?.size ?? 0, checkpointAt: ledger.checkpointAt,
                figures: figures[ledger.id] ?? CentralReport.Figures(), expected: roster.count,
                submitted: roster.filter(reported.contains).count, missing: roster.filter { !reported.contains($0) })
        }
        return CentralReport(period: period, mode: mode, region: region, ledgers: lines)
    }
}
