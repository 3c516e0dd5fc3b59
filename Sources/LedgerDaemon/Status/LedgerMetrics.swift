import LedgerDomain
import LedgerIngest
import Prometheus

/// The daemon's figures for Prometheus (`GET /metrics`): files and events taken per
/// agency, counted as they happen; the inbox backlog, the head seq and the last report,
/// set just before each scrape. One registry, shared with the portal's request counter.
public final class LedgerMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()

    public init() {}

    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "reformledger", metricName: metric, unitName: unit, helpText: help)
    }

    private static var files: MetricNameDescriptor { name("files", "total", "Files taken from the inbox and the portal, by agency and outcome.") }
    private static var events: MetricNameDescriptor { name("events_appended", "total", "Events appended to the log, by agency.") }
    private static var backlog: MetricNameDescriptor { name("inbox_backlog", "files", "Files waiting in the agencies' inbox folders.") }
    private static var head: MetricNameDescriptor { name("head", "seq", "The seq of the last event of the log.") }
    private static var lastReport: MetricNameDescriptor { name("last_report", "seq", "The seq of the last report.generated event (0 when none).") }
    private static var lastReportTime: MetricNameDescriptor {
        name("last_report_timestamp", "seconds", "When the last report edition was recorded (Unix time; 0 when none).")
    }

    /// One file taken by the inbox rules (a folder file or an upload).
    func recordFile(agency: String, outcome: FileOutcome) {
        let accepted = outcome.status == .accepted
        registry.makeCounter(descriptor: Self.files, labels: [("agency", agency), ("outcome", accepted ? "accepted" : "rejected")]).increment()
        if outcome.appended > 0 {
            registry.makeCounter(descriptor: Self.events, labels: [("agency", agency)]).increment(by: Int64(outcome.appended))
        }
    }

    func setBacklog(_ files: Int) { registry.makeGauge(descriptor: Self.backlog).set(Double(files)) }

    func setHead(seq: Int64) { registry.makeGauge(descriptor: Self.head).set(Double(seq)) }

    func setLastReport(seq: Int64, recordedAt: Instant?) {
        registry.makeGauge(descriptor: Self.lastReport).set(Double(seq))
        registry.makeGauge(descriptor: Self.lastReportTime).set(Double(recordedAt?.millisecondsSinceEpoch ?? 0) / 1000)
    }
}
