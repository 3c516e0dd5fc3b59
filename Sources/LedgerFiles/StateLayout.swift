import Foundation
import LedgerDomain

/// The folders of a state directory (CONTRACT §4, §6, §7.3).
public struct StateLayout: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var inbox: String { path("inbox") }
    public var processed: String { path("processed") }
    public var rejected: String { path("rejected") }
    public var reports: String { path("reports") }
    public var database: String { path("ledger.sqlite") }
    public var defaultConfiguration: String { path("reformledger.json") }
    /// The checkpoint signing key (`CheckpointKeyStore`); never inside the database.
    public var keys: String { path("keys") }
    /// The latest checkpoint of this ledger cosigned by the centre it pushes to (`push`).
    public var cosignedCheckpoint: String { path("witnessed-checkpoint.txt") }
    /// Every size the centre cosigned, the first cosignature of each (`<size>.txt`): an
    /// edition prints the one at or below its `through_seq`, so that it is reproduced alike.
    public var witnessed: String { path("witnessed") }
    /// The portal's accounts (bcrypt hashes, 0600): in the state folder, never in the log.
    public var accounts: String { path("accounts.json") }
    /// Files uploaded through the portal while their verdict is computed:
    /// `uploads/<token>/<AGENCY>/<name>`, so that the inbox rules see the agency's folder.
    public var uploads: String { path("uploads") }

    public func inbox(for agency: String) -> String { path("inbox/\(agency)") }

    private func path(_ component: String) -> String {
        (root as NSString).appendingPathComponent(component)
    }

    /// Creates what is missing, never touching what exists (`init` is idempotent).
    public func createFolders() throws {
        for folder in [root, inbox, processed, rejected, reports] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
    }

    /// One inbox folder per known agency (CONTRACT §12: created by `init` and on registration).
    /// Returns the folders it had to create.
    @discardableResult
    public func createInboxFolders(for registry: AgencyRegistry) throws -> [String] {
        let codes = Set(registry.agencies.keys).union(registry.coordinators).sorted()
        var created: [String] = []
        for code in codes {
            let folder = inbox(for: code)
            if !FileManager.default.fileExists(atPath: folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                created.append(folder)
            }
        }
        return created
    }
}
