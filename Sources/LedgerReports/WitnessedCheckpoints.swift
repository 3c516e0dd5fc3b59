import Foundation
import LedgerFiles

/// `<state>/witnessed/`: the checkpoints the centre cosigned, one file per tree size
/// (`<size>.txt`), the first cosignature of each kept. A report prints the one of the
/// largest size at or below its `through_seq`.
public struct WitnessedCheckpoints: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Keeps `note` as the cosigned checkpoint of `size`, unless one is kept already.
    public func keep(_ note: String, size: Int64) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("\(size).txt")
        guard !FileManager.default.fileExists(atPath: path) else { return }
        try AtomicFile.write(Array(note.utf8), to: path)
    }

    public func latest(atOrBelow seq: Int64) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        let sizes = names.compactMap { name -> Int64? in name.hasSuffix(".txt") ? Int64(name.dropLast(4)) : nil }
        guard let size = sizes.filter({ $0 <= seq }).max(),
            let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent("\(size).txt"))
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
