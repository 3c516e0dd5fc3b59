/// The event-file formats of SPEC §4, chosen by extension.
public enum FileFormat: String, Sendable, CaseIterable {
    case json, ndjson, csv, tsv

    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "json": self = .json
        case "ndjson", "jsonl": self = .ndjson
        case "csv": self = .csv
        case "tsv": self = .tsv
        default: return nil
        }
    }

    /// Names a writer is still working on: dot-files, `*.tmp`, `*.part` (SPEC §4).
    public static func isIgnoredName(_ fileName: String) -> Bool {
        fileName.hasPrefix(".") || fileName.hasSuffix(".tmp") || fileName.hasSuffix(".part")
    }
}
