import Foundation
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerStore
import Logging

/// Takes one inbox file through CONTRACT §6: into the log and `processed/`, or into
/// `rejected/` beside its `errors.json`. Exactly once across crashes: a file whose bytes
/// are already recorded in `ingested_files` (committed before a crash, not yet moved) is
/// only moved. A file is moved by the identity of the descriptor that was read (see
/// `FileMover.move(_:into:companions:)`), never by whatever its name points to later.
struct InboxProcessor {
    let layout: StateLayout
    let ingestor: FileIngestor
    let configuration: LedgerConfiguration
    let checkpoints: CheckpointSigner?
    let logger: Logger
    /// Counts what was taken, per agency, for `/metrics`.
    var metrics: LedgerMetrics? = nil

    enum Result {
        case accepted(FileOutcome)
        case rejected(FileOutcome)
        /// Committed earlier (by a run that stopped before moving it, or the same bytes
        /// uploaded again): moved, with the outcome the earlier ingestion had.
        case recovered(String, FileOutcome)
        /// Left in place (a directory in an agency folder).
        case leftInPlace
        /// Abandoned and rolled back because the daemon is stopping; it stays in the inbox.
        case interrupted
        /// Written to while it was read: it stays in the inbox and is taken again as it now is.
        case changedWhileRead
    }

    /// The file's events are committed but it could not be moved beside its receipt (a
    /// full disk, a read-only folder): it stays where it is, and the next attempt finds its
    /// bytes in `ingested_files` and only moves it. The upload path answers with `outcome`.
    struct MoveFailedAfterCommit: Error, CustomStringConvertible {
        let outcome: FileOutcome
        let underlying: any Error
        var description: String { "the events are recorded, but the file could not be moved to processed/ yet: \(underlying)" }
    }

    func process(_ entry: InboxEntry, heartbeat: Heartbeat, stop: StopFlag) throws -> Result {
        let result = try take(entry, heartbeat: heartbeat, stop: stop)
        switch result {
        case .accepted(let outcome), .rejected(let outcome): metrics?.recordFile(agency: entry.agency, outcome: outcome)
        case .recovered, .leftInPlace, .interrupted, .changedWhileRead: break
        }
        return result
    }

    private func take(_ entry: InboxEntry, heartbeat: Heartbeat, stop: StopFlag) throws -> Result {
        var logger = self.logger
        logger[metadataKey: "inbox.file"] = "\(entry.name)"
        logger[metadataKey: "inbox.agency"] = "\(entry.agency)"
        if entry.irregularKind == "directory" {
            logger.warning("a folder inside an agency inbox is left in place")
            return .leftInPlace
        }
        if let raw = entry.invalidName { return try rejectName(raw, entry, logger: logger) }
        let outcome: FileOutcome
        var opened: SafeFile?
        switch try ingestor.open(path: entry.path) {
        case .refused(let refusal):
            outcome = refusal
        case .opened(let file, let sha256):
            opened = file
            logger[metadataKey: "file.sha256"] = "\(sha256)"
            if let earlier = try ingestor.store.ingestedFile(sha256: sha256) {
                let receipt = FileReceipt(
                    file: entry.name, agency: entry.agency, sha256: sha256, appended: earlier.appended, duplicates: earlier.duplicates,
                    firstSeq: earlier.firstSeq, lastSeq: earlier.lastSeq, recordedAt: earlier.recordedAt)
                var earlierOutcome = FileOutcome.rejection(path: entry.path, fileName: entry.name, sha256: sha256, problem: nil)
                earlierOutcome.status = .accepted
                earlierOutcome.duplicates = earlier.appended + earlier.duplicates
                guard let destination = try moveCommitted(file, receipt: receipt, outcome: earlierOutcome, logger: logger) else {
                    return .changedWhileRead
                }
                earlierOutcome.path = destination
                logger.notice("already in the log; moved", metadata: ["to": "\(destination)", "event.seq": "\(earlier.lastSeq.map(String.init) ?? "-")"])
                return .recovered(destination, earlierOutcome)
            }
            do {
                outcome = try ingestor.ingest(
                    file, sha256: sha256, folderAgency: entry.agency, progress: { _ in heartbeat.beat() },
                    shouldStop: { stop.isStopped })
            } catch is FileIngestor.Interrupted {
                logger.notice("stopping: the file was rolled back and stays in the inbox")
                return .interrupted
            }
        }
        switch outcome.status {
        case .accepted:
            let receipt = FileReceipt(
                file: entry.name, agency: entry.agency, sha256: outcome.sha256 ?? "", appended: outcome.appended,
                duplicates: outcome.duplicates, firstSeq: outcome.firstSeq, lastSeq: outcome.lastSeq,
                recordedAt: ingestor.clock.now().rfc3339UTC)
            guard let file = opened, let destination = try moveCommitted(file, receipt: receipt, outcome: outcome, logger: logger) else {
                return .changedWhileRead
            }
            logger.info(
                "accepted",
                metadata: [
                    "event.seq": "\(outcome.firstSeq.map { "\($0)-\(outcome.lastSeq ?? $0)" } ?? "-")",
                    "appended": "\(outcome.appended)", "duplicates": "\(outcome.duplicates)", "to": "\(destination)",
                ])
            return .accepted(outcome)
        case .rejected:
            let folder = (layout.rejected as NSString).appendingPathComponent(entry.agency)
            let destination: String
            let errors: FileMover.Companions = { try writeErrors(outcome, beside: $0) }
            if let file = opened {
                guard let moved = try move(file, into: folder, companions: [".errors.json"], writeCompanions: errors, logger: logger) else {
                    return .changedWhileRead
                }
                destination = moved
            } else {
                destination = try FileMover.move(entry.path, into: folder, companions: [".errors.json"], writeCompanions: errors)
            }
            logger.warning(
                "rejected",
                metadata: [
                    "errors": "\(outcome.problems.count + outcome.unlistedProblems)",
                    "first_error": "\(outcome.problems.first.map { "\($0.code.rawValue) \($0.field ?? "")" } ?? "-")",
                    "to": "\(destination)",
                ])
            return .rejected(outcome)
        }
    }

    /// A name that is not UTF-8 is never opened: the entry is renamed, its invalid bytes
    /// written `%XX`, into `rejected/` with an `errors.json` of its own code.
    private func rejectName(_ raw: [UInt8], _ entry: InboxEntry, logger: Logger) throws -> Result {
        func outcome(at path: String) -> FileOutcome {
            .rejection(path: path, sha256: nil, problem: .invalidFileName(shownAs: (path as NSString).lastPathComponent))
        }
        let folder = (layout.inbox as NSString).appendingPathComponent(entry.agency)
        let destination = try FileMover.move(
            InboxScanner.cPath(folder: folder, raw), name: entry.name, from: folder,
            into: (layout.rejected as NSString).appendingPathComponent(entry.agency),
            companions: [".errors.json"], writeCompanions: { try writeErrors(outcome(at: $0), beside: $0) })
        logger.warning("rejected: the file name is not UTF-8", metadata: ["to": "\(destination)"])
        return .rejected(outcome(at: destination))
    }

    private func writeErrors(_ outcome: FileOutcome, beside destination: String) throws {
        var document = outcome.errorsDocument(language: configuration.language)
        if case .object(var object) = document {
            object = JSONObject(object.members.map { $0.key == "file" ? (key: "file", value: .string((destination as NSString).lastPathComponent)) : $0 })
            document = .object(object)
        }
        try AtomicFile.write(Array((JSONWriter.string(document, pretty: true) + "\n").utf8), to: destination + ".errors.json")
    }

    /// Moves a file whose events are committed; when the move fails, the error carries
    /// `outcome`, what was recorded, for the one who sent it.
    private func moveCommitted(_ file: SafeFile, receipt: FileReceipt, outcome: FileOutcome, logger: Logger) throws -> String? {
        do {
            return try moveToProcessed(file, receipt: receipt, logger: logger)
        } catch {
            throw MoveFailedAfterCommit(outcome: outcome, underlying: error)
        }
    }

    /// `processed/<AGENCY>/<YYYY-MM>/`, the local month of processing, with the file's
    /// receipt beside it (written first: a file never arrives without it).
    private func moveToProcessed(_ file: SafeFile, receipt: FileReceipt, logger: Logger) throws -> String? {
        let month = configuration.zone.localDate(of: ingestor.clock.now()).yearMonth.description
        let agency = ((file.path as NSString).deletingLastPathComponent as NSString).lastPathComponent
        let folder = (layout.processed as NSString).appendingPathComponent("\(agency)/\(month)")
        guard let checkpoints else { return try move(file, into: folder, logger: logger) }
        let store = ingestor.store
        return try move(
            file, into: folder, companions: [FileReceipt.suffix],
            writeCompanions: { try receipt.write(beside: $0, checkpoints: checkpoints, store: store) }, logger: logger)
    }

    /// Moves by identity; nil when the file changed in place while it was read.
    private func move(
        _ file: SafeFile, into folder: String, companions: [String] = [], writeCompanions: FileMover.Companions? = nil,
        logger: Logger
    ) throws -> String? {
        do {
            switch try FileMover.move(file, into: folder, companions: companions, writeCompanions: writeCompanions) {
            case .renamed(let destination):
                return destination
            case .copied(let destination):
                logger.warning(
                    "the file was deleted or replaced while it was read; the bytes that were read are kept, any replacement waits for its turn",
                    metadata: ["to": "\(destination)"])
                return destination
            }
        } catch let changed as FileSystemError where changed.code == .changedWhileRead {
            logger.warning("\(changed.description)")
            return nil
        }
    }
}
