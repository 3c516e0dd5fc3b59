import Foundation
import LedgerFiles
import Logging

/// An upload whose verdict was being computed when the daemon stopped is not lost: at
/// start-up each `uploads/<token>/<AGENCY>/<name>` is moved into `inbox/<AGENCY>/` (never
/// over a file of the same name), where the inbox rules take it like any other — exactly
/// once, since bytes already committed are only moved.
///
/// Bodies still arriving are staged in `uploads/.incoming/`; those of a stopped daemon were
/// never answered (the client saw the connection drop and sends again) and are removed.
enum UploadRecovery {
    static let stagingFolder = ".incoming"

    /// Moves an upload that could not be finished into its agency's inbox, where the
    /// daemon takes it (or, when its events are recorded already, only moves it).
    static func putBack(_ path: String, agency: String, layout: StateLayout, logger: Logger) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            let moved = try FileMover.move(path, into: layout.inbox(for: agency))
            logger.notice("an unfinished upload waits in its agency's inbox", metadata: ["to": "\(moved)"])
        } catch {
            logger.error("an unfinished upload could not be put in the inbox; it stays", metadata: ["file": "\(path)", "error": "\(error)"])
        }
    }

    static func requeue(_ layout: StateLayout, logger: Logger) {
        let manager = FileManager.default
        try? manager.removeItem(atPath: (layout.uploads as NSString).appendingPathComponent(stagingFolder))
        for token in (try? manager.contentsOfDirectory(atPath: layout.uploads)) ?? [] where token != stagingFolder {
            let tokenFolder = (layout.uploads as NSString).appendingPathComponent(token)
            for agency in (try? manager.contentsOfDirectory(atPath: tokenFolder)) ?? [] {
                let folder = (tokenFolder as NSString).appendingPathComponent(agency)
                for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
                    let source = (folder as NSString).appendingPathComponent(name)
                    do {
                        let moved = try FileMover.move(source, into: layout.inbox(for: agency))
                        logger.notice("an interrupted upload is back in its agency's inbox", metadata: ["to": "\(moved)"])
                    } catch {
                        logger.error("an interrupted upload could not be put back in the inbox", metadata: ["file": "\(source)", "error": "\(error)"])
                    }
                }
            }
            try? manager.removeItem(atPath: tokenFolder)
        }
    }
}
