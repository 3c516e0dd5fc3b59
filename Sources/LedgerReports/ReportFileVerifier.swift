import Foundation
import LedgerDomain
import LedgerStore

/// Checks every issued report file against the SHA-256 its `report.generated` recorded.
public struct ReportFileVerifier {
    let store: any EventStore
    let reportsFolder: String

    public init(store: any EventStore, reportsFolder: String) {
        self.store = store
        self.reportsFolder = reportsFolder
    }

    public enum Outcome: Sendable, Equatable {
        case intact(files: Int)
        case broken(file: String, seq: Int64, reason: String)
    }

    public func verify() throws -> Outcome {
        var count = 0
        for entry in try IssuedEditions.load(store).entries {
            for file in entry.files {
                let path = (reportsFolder as NSString).appendingPathComponent(file.name)
                guard let data = FileManager.default.contents(atPath: path) else {
                    return .broken(file: file.name, seq: entry.seq, reason: "the file is missing")
                }
                if HashChain.sha256Hex(data) != file.sha256 {
                    return .broken(file: file.name, seq: entry.seq, reason: "its SHA-256 differs from the one recorded by report.generated")
                }
                count += 1
            }
        }
        return .intact(files: count)
    }
}
