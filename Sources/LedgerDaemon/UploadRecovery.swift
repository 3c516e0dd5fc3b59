import Foundation
import LedgerFiles
import Logging

/// An upload whose verdict was being computed when the daemon stopped is not lost: at
/// start-up each `uploads/<token>/<AGENCY>/<name>` is moved into `inbox/<AGENCY>/` (never
/// over a file of the same name), where the inbox rules take it like any other — exactly
/// once, since bytes already committed are only moved.
enum UploadRecovery {
    static func requeue(_ layout: StateLayout, logger: Logger) {
        let manager = FileManager.default
        for token in (try? manager.contentsOfDirectory(atPath: layout.uploads)) ?? [] {
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
