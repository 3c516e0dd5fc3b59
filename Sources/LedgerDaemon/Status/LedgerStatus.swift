import Foundation
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerReports
import LedgerStore

/// What `status` shows, and `GET /api/v1/status` answers.
public struct LedgerStatus: Sendable {
    public var head: LogHead
    public var eventsByType: [(String, Int)]
    public var agencies: Int
    public var tasks: Int
    public var filesIngested: Int
    public var backlog: [String: Int]
    public var rejectedFiles: Int
    public var lastReport: JSONObject?
    public var nextReport: (period: String, at: String)?

    public static func read(_ database: any EventStore, layout: StateLayout, options: IngestOptions) throws -> LedgerStatus {
        let counts = try database.statusCounts(coordinators: options.coordinators, zone: options.zone)
        return LedgerStatus(
            head: counts.head, eventsByType: counts.eventsByType.map { ($0.type, $0.count) }, agencies: counts.registry.agencies.count,
            tasks: counts.registry.tasks.count, filesIngested: counts.filesIngested, backlog: inboxBacklog(layout),
            rejectedFiles: countFiles(layout.rejected, skipping: ".errors.json"), lastReport: counts.lastReport, nextReport: nil)
    }

    /// The status with the next scheduled edition, as `status` and the API show it.
    public static func current(
        _ store: any EventStore, layout: StateLayout, configuration: LedgerConfiguration, now: Instant
    ) throws -> LedgerStatus {
        var status = try read(store, layout: layout, options: IngestOptions(configuration: configuration))
        if let next = try ReportSchedule(configuration: configuration).nextEdition(now: now, store: store) {
            status.nextReport = (next.period.description, next.at)
        }
        return status
    }

    /// Files waiting in agency inboxes (names a writer is still working on excluded).
    public static func inboxBacklog(_ layout: StateLayout) -> [String: Int] {
        let manager = FileManager.default
        var backlog: [String: Int] = [:]
        for agency in (try? manager.contentsOfDirectory(atPath: layout.inbox)) ?? [] {
            let names = (try? manager.contentsOfDirectory(atPath: layout.inbox(for: agency))) ?? []
            let waiting = names.filter { !FileFormat.isIgnoredName($0) }.count
            if waiting > 0 { backlog[agency] = waiting }
        }
        return backlog
    }

    static func countFiles(_ folder: String, skipping suffix: String) -> Int {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return 0 }
        var count = 0
        while let name = enumerator.nextObject() as? String {
            if !name.hasSuffix(suffix), (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { count += 1 }
        }
        return count
    }

    public var total: Int { eventsByType.reduce(0) { $0 + $1.1 } }

    public var json: JSONValue {
        .object([
            "events": .integer(total),
            "events_by_type": .object(JSONObject(eventsByType.map { (key: $0.0, value: .integer($0.1)) })),
            "head": .object(["seq": .integer(Int(head.seq)), "hash": .string(head.hash)]),
            "agencies": .integer(agencies), "tasks": .integer(tasks), "files_ingested": .integer(filesIngested),
            "inbox_backlog": .object(JSONObject(backlog.sorted { $0.key < $1.key }.map { (key: $0.key, value: .integer($0.value)) })),
            "rejected_files": .integer(rejectedFiles),
            "last_report": lastReport.map(JSONValue.object) ?? .null,
            "next_report": nextReport.map { .object(["period": .string($0.period), "at": .string($0.at)]) } ?? .null,
        ])
    }

    public var text: String {
        var lines = ["events: \(total) (head seq \(head.seq), hash \(head.hash))"]
        for (type, count) in eventsByType { lines.append("  \(type): \(count)") }
        lines.append("agencies: \(agencies), tasks: \(tasks), files ingested: \(filesIngested)")
        let waiting = backlog.values.reduce(0, +)
        lines.append(
            "inbox backlog: \(waiting) file(s)"
                + (waiting == 0 ? "" : " — " + backlog.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")))
        lines.append("rejected files: \(rejectedFiles)")
        if let lastReport {
            lines.append("last report: \(lastReport["period"]?.stringValue ?? "?") edition \(lastReport["edition"].map { JSONWriter.string($0) } ?? "?")")
        } else {
            lines.append("last report: none")
        }
        lines.append("next report: " + (nextReport.map { "\($0.period) edition 1 at \($0.at)" } ?? "none scheduled"))
        return lines.joined(separator: "\n")
    }
}
