import Foundation
import ZIPFoundation

/// The ZIP package of an Office Open XML document (DOCX, XLSX): its parts deflated in
/// order, every entry dated 1980-01-01 (the ZIP epoch), so the same parts always give the
/// same bytes — an issued report is reproduced byte for byte.
public enum OfficePackage {
    /// The in-memory ZIP archive could not be made (ZIPFoundation gave none back).
    public struct PackageFailure: Error, CustomStringConvertible {
        public var format: String
        public var description: String { "cannot write the \(format) package: the in-memory ZIP archive is empty" }
    }

    public static func zip(_ parts: [(path: String, text: String)], format: String) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        let fixedDate = Date(timeIntervalSince1970: 315_532_800)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { throw PackageFailure(format: format) }
        return Array(data)
    }
}
