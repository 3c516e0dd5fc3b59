import Foundation
import LedgerDomain
import LedgerIngest
import LedgerReports
import LedgerStore
import Logging

/// Takes one inbox file through SPEC §6: into the log and `processed/`, or into
/// `rejected/` beside its `errors.json`. Exactly once across crashes: a file whose bytes
/// are already recorded in `ingested_files` (committed before a crash, not yet moved) is
/// only moved.
struct InboxProcessor {
    let layout: StateLayout
    let ingestor: FileIngestor
    let configuration: LedgerConfiguration
    let logger: Logger

    enum Result {
        case accepted(FileOutcome)
        case rejected(FileOutcome)
        /// Committed by an earlier run that stopped before moving it.
        case recovered(String)
        /// Left in place (a directory in an agency folder).
        case leftInPlace
        /// Abandoned and rolled back because the daemon is stopping; it stays in the inbox.
        case interrupted
    }

    func process(_ entry: InboxEntry, heartbeat: Heartbeat, stop: StopFlag) throws -> Result {
        var logger = self.logger
        logger[metadataKey: "inbox.file"] = "\(entry.name)"
        logger[metadataKey: "inbox.agency"] = "\(entry.agency)"
        if entry.irregularKind == "directory" {
            logger.warning("a folder inside an agency inbox is left in place")
            return .leftInPlace
        }
        let outcome: FileOutcome
        switch try ingestor.open(path: entry.path) {
        case .refused(let refusal):
            outcome = refusal
        case .opened(let file, let sha256):
            logger[metadataKey: "file.sha256"] = "\(sha256)"
            if let earlier = try ingestor.database.read({ db in try IngestedFile.find(db, sha256: sha256) }) {
                let destination = try moveToProcessed(entry)
                logger.notice("already in the log; moved", metadata: ["to": "\(destination)", "event.seq": "\(earlier.lastSeq.map(String.init) ?? "-")"])
                return .recovered(destination)
            }
            do {
                outcome = try ingestor.ingest(file, sha256: sha256, folderAgency: entry.agency, progress: { _ in heartbeat.beat() },
                                              shouldStop: { stop.isStopped })
            } catch is FileIngestor.Interrupted {
                logger.notice("stopping: the file was rolled back and stays in the inbox")
                return .interrupted
            }
        }
        switch outcome.status {
        case .accepted:
            let destination = try moveToProcessed(entry)
            logger.info("accepted", metadata: [
                "event.seq": "\(outcome.firstSeq.map { "\($0)-\(outcome.lastSeq!)" } ?? "-")",
                "appended": "\(outcome.appended)", "duplicates": "\(outcome.duplicates)", "to": "\(destination)",
            ])
            return .accepted(outcome)
        case .rejected:
            let destination = try FileMover.move(entry.path, into: (layout.rejected as NSString).appendingPathComponent(entry.agency),
                                                 companions: [".errors.json"])
            var document = outcome.errorsDocument(language: configuration.language)
            if case .object(var object) = document {
                object = JSONObject(object.members.map { $0.key == "file" ? (key: "file", value: .string((destination as NSString).lastPathComponent)) : $0 })
                document = .object(object)
            }
            try AtomicFile.write(Array((JSONWriter.string(document, pretty: true) + "\n").utf8), to: destination + ".errors.json")
            logger.warning("rejected", metadata: [
                "errors": "\(outcome.problems.count + outcome.unlistedProblems)",
                "first_error": "\(outcome.problems.first.map { "\($0.code.rawValue) \($0.field ?? "")" } ?? "-")",
                "to": "\(destination)",
            ])
            return .rejected(outcome)
        }
    }

    /// `processed/<AGENCY>/<YYYY-MM>/`, the local month of processing.
    private func moveToProcessed(_ entry: InboxEntry) throws -> String {
        let month = configuration.zone.localDate(of: ingestor.clock.now()).yearMonth.description
        let folder = (layout.processed as NSString).appendingPathComponent("\(entry.agency)/\(month)")
        return try FileMover.move(entry.path, into: folder)
    }
}
