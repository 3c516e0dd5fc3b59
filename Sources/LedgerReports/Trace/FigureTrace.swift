import LedgerDomain
import LedgerStore

/// The events behind one figure of a consolidated report: the effective facts (corrections
/// applied, retractions removed) that `ReportBuilder.gather` counts into it, by the same
/// rules — days of the period for counts, days up to its last for a task's linked events,
/// each agency's latest report for a reported indicator. `FigureTraceTests` holds it to the
/// report: for every figure, as many events as the figure says.
public struct FigureTrace: Sendable {
    public let service: ReportService

    public init(service: ReportService) { self.service = service }

    /// The seqs of the effective events that make `figure` in `period`'s report at the head
    /// (or as of `throughSeq`), in log order.
    public func seqs(of figure: Figure, in period: ReportPeriod, throughSeq: Int64? = nil) throws -> [Int64] {
        let range = period.range(service.configuration.periods)
        let first = range.lowerBound.description, last = range.upperBound.description
        let configuration = service.configuration
        return try service.store.withProjection(
            throughSeq: throughSeq, zone: configuration.zone, coordinators: Set(configuration.coordinators), progress: nil
        ) { projection in
            var seqs: [Int64] = []
            // A reported indicator counts each agency's latest report in the period only.
            var latest: [String: (instant: Int64, seq: Int64)] = [:]
            try projection.forEachEffectiveFact { row in
                guard let day = row.day, let agency = row.agency, let type = row.type else { return }
                let inPeriod = day >= first && day <= last
                switch figure {
                case .total(let count):
                    if inPeriod && (count.type == nil || count.type == type) { seqs.append(row.seq) }
                case .agency(let code, let count):
                    if inPeriod && agency == code && (count.type == nil || count.type == type) { seqs.append(row.seq) }
                case .task(let id):
                    if day <= last && row.task == id { seqs.append(row.seq) }
                case .indicator(let name):
                    switch TargetIndicator.parse(name) {
                    case .awareness(let audience)?:
                        if inPeriod, case .awareness(let own, _, _) = row.measure(of: type), own == audience.rawValue { seqs.append(row.seq) }
                    case .reported?:
                        guard inPeriod, case .indicator(let own, _, _) = row.measure(of: type), own == name else { return }
                        let candidate = (instant: row.instant, seq: row.seq)
                        if let current = latest[agency], (current.instant, current.seq) > (candidate.instant, candidate.seq) { return }
                        latest[agency] = candidate
                    case .taskCount(let task, let measure)?:
                        guard day <= last, row.task == task else { return }
                        switch row.measure(of: type) {
                        case .channel(let label), .form(let label): if label == measure { seqs.append(row.seq) }
                        default: break
                        }
                    case nil: break
                    }
                }
            }
            seqs.append(contentsOf: latest.values.map(\.seq))
            return seqs.sorted()
        }
    }
}
