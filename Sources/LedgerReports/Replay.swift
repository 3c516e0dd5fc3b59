import LedgerDomain
import LedgerStore

/// `replay`: the projections as the log stood at a seq or an instant — every agency's
/// activity since the beginning, task status and indicators as of that day.
public struct Replay {
    let store: any EventStore
    let configuration: LedgerConfiguration

    public init(store: any EventStore, configuration: LedgerConfiguration) {
        self.store = store
        self.configuration = configuration
    }

    public func run(throughSeq: Int64?, asOf: Instant?, progress: ((Int64) -> Void)? = nil) throws -> JSONValue {
        let zone = configuration.zone
        let seq: Int64, day: LocalDate
        if let asOf {
            seq = try store.seq(recordedAtOrBefore: asOf)
            day = zone.localDate(of: asOf)
        } else {
            let head = try store.head().seq
            seq = min(throughSeq ?? head, head)
            let instant = try store.recordedAt(seq: seq).flatMap(EventTime.parseInstant) ?? Instant(millisecondsSinceEpoch: 0)
            day = zone.localDate(of: instant)
        }
        // The whole history up to that day, as one open-ended period.
        let report = try ReportService(store: store, configuration: configuration)
            .report(range: LocalDate.distantPast...day, throughSeq: seq, progress: progress)
        guard case .object(let object) = report.json else { return report.json }
        let kept = object.members.filter { !["period", "mode", "from", "edition"].contains($0.key) }
            .map { $0.key == "to" ? (key: "as_of", value: $0.value) : $0 }
        return .object(JSONObject(kept))
    }
}
