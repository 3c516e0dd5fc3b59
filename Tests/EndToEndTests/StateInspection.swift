import Foundation
import LedgerTestSupport

extension CLIFixture {
    /// Relative paths of every entry (files, links, FIFOs) under a folder of the state.
    func entries(under folder: String) -> [String] {
        let root = state + "/" + folder
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var found: [String] = []
        while let path = enumerator.nextObject() as? String {
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) != .typeDirectory { found.append(path) }
        }
        return found.sorted()
    }

    /// The files clerks sent under a folder of `processed/`, in place under their own
    /// names: without the receipts the daemon writes beside them (`CheckpointTests` checks
    /// those) and without the hidden temporary names a copy or a receipt is staged under.
    func droppedFiles(under folder: String) -> [String] {
        entries(under: folder).filter { path in
            !path.hasSuffix(".receipt.json") && !(path.split(separator: "/").last ?? "").hasPrefix(".")
        }
    }

    var inbox: String { state + "/inbox" }

    /// `SELECT` through sqlite3, as an auditor would.
    func sql(_ query: String) throws -> String {
        try ProcessRunner.run("/usr/bin/env", ["sqlite3", state + "/ledger.sqlite", query]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An NDJSON drop of `count` articles of one agency.
    static func articles(_ count: Int, prefix: String) -> String {
        var text = ""
        text.reserveCapacity(count * 140)
        for index in 1...count {
            text +=
                #"{"id":"\#(prefix)-\#(index)","type":"article.published","occurred_at":"2024-0\#(index % 9 + 1)-1\#(index % 9)","data":{"title":"Tin cải cách hành chính số \#(index)","channel":"website"}}"#
                + "\n"
        }
        return text
    }
}
