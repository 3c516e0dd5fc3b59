import LedgerDomain
import LedgerStore

extension ReportBuilder {
    /// Where an agency's report of `period` stands: nil when nothing was submitted; the
    /// latest decision made after its latest submission (`lastSubmitted`, a lineage's
    /// first seq), else pending — a report resubmitted after a return is pending again.
    func review(of agency: String, period: String, lastSubmitted: Int64?) -> (ConsolidatedReport.Review, String?)? {
        guard let lastSubmitted else { return nil }
        guard let decision = registry.latestReview(of: agency, period: period), decision.seq > lastSubmitted else { return (.pending, nil) }
        return decision.decision == .accepted ? (.accepted, nil) : (.returned, decision.reason)
    }

    /// The three periods of the same kind before `period`, oldest first.
    static func earlier(_ period: ReportPeriod) -> [ReportPeriod] {
        var periods: [ReportPeriod] = []
        var current = period
        for _ in 0..<3 {
            switch current.kind {
            case .quarter(let quarter):
                current = quarter > 1 ? ReportPeriod(year: current.year, kind: .quarter(quarter - 1)) : ReportPeriod(year: current.year - 1, kind: .quarter(4))
            default:
                current = ReportPeriod(year: current.year - 1, kind: current.kind)
            }
            periods.insert(current, at: 0)
        }
        return periods
    }

    /// An earlier period's reports, read from the projection as the report's own are:
    /// each expected agency's arrival and review, and the period's completeness.
    func pastReports(
        _ period: ReportPeriod, projection: ProjectionSnapshot, arrivalDay: (Int64?) throws -> LocalDate?
    ) throws
        -> (ConsolidatedReport.Completeness, [String: ConsolidatedReport.PastReport])
    {
        let range = period.range(mode)
        let due = range.upperBound.adding(days: deadlines.reportDueDays)
        var first: [String: Int64] = [:], last: [String: Int64] = [:]
        try projection.forEachEffectiveFact(.reportsFor(period: period.description)) { row in
            guard let agency = row.agency else { return }
            first[agency] = min(first[agency] ?? .max, row.root)
            last[agency] = max(last[agency] ?? .min, row.root)
        }
        var completeness = ConsolidatedReport.Completeness(period: period)
        var reports: [String: ConsolidatedReport.PastReport] = [:]
        for code in registry.listedAgencies(first: range.lowerBound, last: range.upperBound) where !registry.isCoordinator(code) {
            let arrival = Arrival.of(recordedOn: try arrivalDay(first[code]), due: due)
            let review = self.review(of: code, period: period.description, lastSubmitted: last[code])?.0
            completeness.count(arrival.status, review: review)
            reports[code] = ConsolidatedReport.PastReport(period: period, status: arrival.status, review: review)
        }
        return (completeness, reports)
    }
}

extension ConsolidatedReport.Completeness {
    mutating func count(_ status: Arrival.Status, review: ConsolidatedReport.Review?) {
        expected += 1
        switch status {
        case .onTime:
            submitted += 1
            onTime += 1
        case .late:
            submitted += 1
            late += 1
        case .missing: missing += 1
        }
        if review == .accepted { accepted += 1 }
        if review == .returned { returned += 1 }
    }
}
