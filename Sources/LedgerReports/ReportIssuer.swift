import Foundation
import LedgerDomain
import LedgerFiles
import LedgerStore

#if canImport(Glibc)
import Glibc
#endif

/// Issues report editions as the schedule does (CONTRACT §7.3): computes the report at the
/// head, writes every configured format atomically to
/// `reports/<period>/consolidated-<period>-e<edition>.<ext>` and each sending agency's
/// own report to `reports/<period>/agencies/<CODE>-e<edition>.{docx,html}`, then appends
/// `report.generated` as agency `SYSTEM` with every file's SHA-256 (so `verify` checks
/// the agencies' files too).
public struct ReportIssuer: Sendable {
    public let service: ReportService
    public let reportsFolder: String
    public let clock: any LedgerClock

    public init(service: ReportService, reportsFolder: String, clock: any LedgerClock) {
        self.service = service
        self.reportsFolder = reportsFolder
        self.clock = clock
    }

    public struct Edition: Sendable, Equatable {
        public var period: String
        public var edition: Int
        public var throughSeq: Int64
        public var files: [String]
    }

    /// Writes the next edition and records it. All or nothing: when a file cannot be
    /// written (read-only or full `reports/`) or the event cannot be appended, the files
    /// of this attempt are removed and no `report.generated` is appended; the edition is
    /// simply due again.
    @discardableResult
    public func issue(_ period: ReportPeriod) throws -> Edition {
        let configuration = service.configuration
        var report = try service.report(period)
        let previous = try IssuedEditions.load(service.store).last(for: period.description)
        let edition = (previous?.edition ?? 0) + 1
        report.edition = edition
        var files: [JSONValue] = []
        var names: [String] = []
        var written: [String] = []
        do {
            func write(_ bytes: [UInt8], as relative: String) throws {
                let path = (reportsFolder as NSString).appendingPathComponent(relative)
                try AtomicFile.write(bytes, to: path)
                written.append(path)
                files.append(.object(["name": .string(relative), "sha256": .string(HashChain.sha256Hex(Data(bytes)))]))
                names.append(relative)
            }
            for name in configuration.reportFormats {
                guard let format = ReportFormat(rawValue: name) else { continue }
                try write(format.render(report, language: configuration.language), as: "\(period)/consolidated-\(period)-e\(edition).\(format.rawValue)")
            }
            // Coordinators receive the reports; every other listed agency gets its own.
            for line in report.agencies where !line.isCoordinator {
                guard let own = AgencyReport(report, agency: line.code) else { continue }
                for format in AgencyReport.scheduledFormats {
                    try write(
                        format.render(own, language: configuration.language),
                        as: AgencyReport.relativePath(period: period, code: line.code, edition: edition, format: format))
                }
            }
            let now = clock.now()
            let zone = configuration.zone
            let data = JSONObject([
                ("period", .string(period.description)), ("edition", .integer(edition)),
                ("through_seq", .integer(Int(report.throughSeq))), ("head_hash", .string(report.headHash)),
                ("files", .array(files)),
            ])
            let draft = try Self.validated(
                id: "report-\(period)-e\(edition)", occurredAt: Self.localTimestamp(now, zone: zone),
                data: data, zone: zone)
            try service.store.appendSystemEvent(draft, recordedAt: now)
        } catch {
            for path in written { unlink(path) }
            throw error
        }
        return Edition(period: period.description, edition: edition, throughSeq: report.throughSeq, files: names)
    }

    /// The daemon's own event (`report.generated`, `reminder.sent`) goes through the same
    /// schema as every clerk's event.
    public static func validated(
        _ type: EventType = .reportGenerated, id: String, occurredAt: String, data: JSONObject, zone: LocalZone
    ) throws -> EventDraft {
        let envelope = JSONValue.object(
            JSONObject([
                ("id", .string(id)), ("type", .string(type.rawValue)), ("agency", .string(AgencyCode.system)),
                ("occurred_at", .string(occurredAt)), ("data", .object(data)),
            ]))
        switch EnvelopeDecoder(zone: zone, acceptsSystemTypes: true).decode(envelope, folderAgency: nil) {
        case .success(let draft): return draft
        case .failure(let failure): throw InvalidSystemEvent(type: type, problems: failure.problems)
        }
    }

    /// A daemon's event that its own schema refuses: a defect, reported rather than stored.
    public struct InvalidSystemEvent: Error, CustomStringConvertible {
        public var type: EventType = .reportGenerated
        public var problems: [Problem]
        public var description: String {
            "\(type.rawValue) does not match its schema: " + problems.map { "\($0.field ?? "-"): \($0.message(in: .en))" }.joined(separator: "; ")
        }
    }

    /// RFC 3339 with the local offset, e.g. `2024-03-17T01:00:00+07:00`.
    public static func localTimestamp(_ instant: Instant, zone: LocalZone) -> String {
        let offset = zone.offsetSeconds(at: instant)
        let local = Instant(millisecondsSinceEpoch: instant.millisecondsSinceEpoch + Int64(offset) * 1000).rfc3339UTC
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
        return String(local.prefix(19)) + sign + (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}

/// The editions issued so far, read from the `report.generated` events of the log.
public struct IssuedEditions: Sendable {
    public struct Entry: Sendable, Equatable {
        public var seq: Int64
        public var period: String
        public var edition: Int
        public var throughSeq: Int64
        public var recordedAt: String
        public var files: [(name: String, sha256: String)]

        public static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.seq == rhs.seq }
    }

    public var entries: [Entry]

    public static func load(_ store: any EventStore) throws -> IssuedEditions {
        var entries: [Entry] = []
        try store.forEachEvent(ofType: .reportGenerated) { event in
            let data = try LedgerDatabase.parseData(event.data, seq: event.seq)
            var files: [(String, String)] = []
            if case .array(let items)? = data["files"] {
                for item in items {
                    if let name = item.objectValue?["name"]?.stringValue, let sha = item.objectValue?["sha256"]?.stringValue { files.append((name, sha)) }
                }
            }
            guard let period = data["period"]?.stringValue, case .integer(let edition)? = data["edition"],
                case .integer(let through)? = data["through_seq"]
            else { return }
            entries.append(
                Entry(
                    seq: event.seq, period: period, edition: edition, throughSeq: Int64(through),
                    recordedAt: event.recordedAt, files: files))
        }
        return IssuedEditions(entries: entries)
    }

    public func last(for period: String) -> Entry? {
        entries.last { $0.period == period }
    }
}
