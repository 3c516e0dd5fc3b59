import Foundation
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerPortal
import LedgerReports
import LedgerStore
import Logging
import Synchronization

/// The daemon's side of the portal: an upload is written to
/// `uploads/<token>/<AGENCY>/<name>` and taken by the same `InboxProcessor` as a file of
/// the agency's folder — same checks, same provenance (`source_file` is the uploaded
/// name), same copy in `processed/` or `rejected/` beside its `errors.json`, idempotent.
/// Uploads run one at a time on their own queue; SQLite serialises them with the inbox.
final class PortalIntake: PortalBackend {
    let layout: StateLayout
    let configuration: LedgerConfiguration
    let processor: InboxProcessor
    let reports: ReportService
    let heartbeat: Heartbeat
    let metrics: LedgerMetrics?
    /// The pages' views and reads (see `PortalPages`).
    let views = ViewCache()
    let registryAtHead = Mutex<(seq: Int64, registry: AgencyRegistry)?>(nil)
    private let work = DispatchQueue(label: "reformledger.uploads")

    init(
        layout: StateLayout, configuration: LedgerConfiguration, processor: InboxProcessor, reports: ReportService, heartbeat: Heartbeat,
        metrics: LedgerMetrics? = nil
    ) {
        self.metrics = metrics
        self.layout = layout
        self.configuration = configuration
        self.processor = processor
        self.reports = reports
        self.heartbeat = heartbeat
    }

    func status() throws -> JSONValue {
        try LedgerStatus.current(processor.ingestor.store, layout: layout, configuration: configuration, now: processor.ingestor.clock.now()).json
    }

    func knowsAgency(_ code: String) throws -> Bool {
        let registry = try registry()
        return registry.isCoordinator(code) || registry.agencies[code] != nil
    }

    func report(_ period: ReportPeriod) async throws -> JSONValue {
        let reports = self.reports
        return try await run { try reports.report(period).json }
    }

    func uploadStagingFolder() throws -> String {
        let folder = (layout.uploads as NSString).appendingPathComponent(UploadRecovery.stagingFolder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    func upload(agency: String, fileName: String, staged: String) async throws -> UploadVerdict {
        let folder = (layout.uploads as NSString).appendingPathComponent("\(UUID().uuidString.lowercased())/\(agency)")
        let path = (folder as NSString).appendingPathComponent(fileName)
        let processor = self.processor, heartbeat = self.heartbeat, layout = self.layout, logger = processor.logger
        return try await run {
            // The token's folder goes once the file has left it (taken, or put back in the inbox).
            defer {
                if !FileManager.default.fileExists(atPath: path) {
                    try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent)
                }
            }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            guard rename(staged, path) == 0 else {
                throw FileSystemError(.rename, "cannot take the staged upload", errno: errno, path: staged)
            }
            var info = stat()
            _ = stat(path, &info)
            let entry = InboxEntry(agency: agency, path: path, name: fileName, modified: timespec(), size: Int64(info.st_size))
            let outcome: FileOutcome
            do {
                switch try processor.process(entry, heartbeat: heartbeat, stop: StopFlag()) {
                case .accepted(let accepted): outcome = accepted
                case .rejected(let rejected): outcome = rejected
                case .recovered(_, let earlier): outcome = earlier
                case .leftInPlace, .interrupted, .changedWhileRead:
                    UploadRecovery.putBack(path, agency: agency, layout: layout, logger: logger)
                    throw UploadInterrupted()
                }
            } catch let committed as InboxProcessor.MoveFailedAfterCommit {
                // Recorded but not moved: the inbox finishes the move (its bytes are known),
                // and the clerk is told what was recorded.
                UploadRecovery.putBack(path, agency: agency, layout: layout, logger: logger)
                outcome = committed.outcome
            } catch let error where !(error is UploadInterrupted) {
                // Nothing recorded (the database or the disk failed): the file waits in the
                // inbox for the daemon to take it, and the clerk is told to check later.
                UploadRecovery.putBack(path, agency: agency, layout: layout, logger: logger)
                throw error
            }
            var summary = outcome.summary(language: self.configuration.language)
            if case .object(let object) = summary {
                summary = .object(JSONObject(object.members.map { $0.key == "file" ? (key: "file", value: .string(fileName)) : $0 }))
            }
            return UploadVerdict(accepted: outcome.status == .accepted, entry: summary)
        }
    }

    struct UploadInterrupted: Error {}

    func read<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T { try await views.read(body) }

    private func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            work.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
