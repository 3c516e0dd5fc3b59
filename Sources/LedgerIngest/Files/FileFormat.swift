/// The event-file formats of CONTRACT §4, chosen by extension.
public enum FileFormat: String, Sendable, CaseIterable {
    case json, ndjson, csv, tsv, xlsx

    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "json": self = .json
        case "ndjson", "jsonl": self = .ndjson
        case "csv": self = .csv
        case "tsv": self = .tsv
        case "xlsx": self = .xlsx
        default: return nil
        }
    }

    /// Names a writer is still working on: dot-files, `*.tmp`, `*.part` (CONTRACT §4).
    /// Names that are never event files: temporary names of the inbox protocol, Office's
    /// lock files (`~$báo cáo.xlsx`, written beside an open document on a share), and the
    /// folder metadata Windows Explorer leaves in shared folders.
    public static func isIgnoredName(_ fileName: String) -> Bool {
        fileName.hasPrefix(".") || fileName.hasSuffix(".tmp") || fileName.hasSuffix(".part") || fileName.hasPrefix("~$")
            || windowsMetadata.contains(fileName.lowercased())
    }

    static let windowsMetadata: Set<String> = ["thumbs.db", "desktop.ini", "ehthumbs.db"]
}
