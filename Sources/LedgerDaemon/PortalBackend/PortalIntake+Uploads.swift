import Foundation
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerPortal
import LedgerReports
import LedgerStore
import Logging
import Synchronization

/// The portal's uploads: a staged file renamed to `uploads/<token>/<AGENCY>/<name>` and
/// handed to the same `InboxProcessor` as a dropped file, on the uploads' serial queue; a
/// file the inbox rules could not finish is put back in the agency's inbox, never deleted.
extension PortalIntake {
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
}
