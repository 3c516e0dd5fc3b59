import Foundation
import LedgerDomain
import LedgerFiles
import ZIPFoundation

/// What a workbook may make the reader do: the bounds that turn a ZIP bomb or a
/// million-row sheet into a clear refusal instead of exhausted memory.
public struct WorkbookLimits: Sendable {
    /// All parts read, unpacked together. A 50,000-row sheet is about 20 MiB.
    public var maxUnpackedBytes = 128 * 1_048_576
    /// Unpacked ÷ packed size of one part; checked for parts above `ratioFloor`, since a
    /// small part of repeated text compresses well without being a bomb.
    public var maxRatio = 100
    public var ratioFloor = 4 * 1_048_576
    /// Rows of one sheet: more than a province records in years.
    public var maxRows = 100_000
    /// Columns of one row (Excel's own limit is 16,384).
    public var maxColumns = 512
    /// The text of the shared strings, which is kept whole (cells look it up by index):
    /// 100,000 rows of 600-character unique titles.
    public var maxSharedStringBytes = 64 * 1_048_576
    /// Sheets listed in the workbook: a plan's template has nine.
    public var maxSheets = 256
    /// Entries of the ZIP package: a workbook of 256 sheets has some 600.
    public var maxParts = 2_000

    public init() {}
}

/// The ZIP package of a workbook, read through ZIPFoundation within `WorkbookLimits`.
public struct WorkbookArchive {
    private let archive: Archive
    public let limits: WorkbookLimits
    private var unpacked = 0
    /// The package's entries by path, read once: ZIPFoundation's own look-up walks the
    /// central directory, which for a sheet each made a workbook of thousands of sheets
    /// quadratic.
    private let entries: [String: Entry]

    /// The first bytes of an OLE2 compound file: an old `.xls`, or any workbook that
    /// Excel encrypted with a password (its package is inside an `EncryptedPackage` stream).
    private static let compoundFile: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Opens the package of `file` where it lies: ZIPFoundation reads the central directory
    /// and each part from the file, so the package is never held in memory whole.
    public init(_ file: SafeFile, limits: WorkbookLimits) throws(WorkbookReadFailure) {
        if file.prefix(8) == Self.compoundFile {
            let marker = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            // Refused either way; read whole only to say which (such files are rare and small).
            let encrypted = (try? file.readAll()).map { Data($0).range(of: marker) != nil } ?? false
            throw WorkbookReadFailure(problem: .malformed(encrypted ? ProblemDetail.passwordProtectedWorkbook : ProblemDetail.oldExcelFormat))
        }
        guard let archive = try? Archive(url: URL(fileURLWithPath: file.descriptorPath), accessMode: .read, pathEncoding: nil) else {
            throw WorkbookReadFailure(problem: .malformed(ProblemDetail.notAWorkbook))
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            entries[entry.path] = entries[entry.path] ?? entry
            if entries.count > limits.maxParts {
                throw WorkbookReadFailure(problem: .workbookTooLarge(ProblemDetail.tooManyParts(limit: limits.maxParts)))
            }
        }
        self.entries = entries
        self.archive = archive
        self.limits = limits
    }

    /// The unpacked bytes of a part (`xl/workbook.xml`), nil when the package lacks it.
    public mutating func part(_ path: String) throws(WorkbookReadFailure) -> [UInt8]? {
        guard let entry = entries[path] else { return nil }
        let packed = max(1, Int(clamping: entry.compressedSize))
        let budget = limits.maxUnpackedBytes - unpacked
        // The sizes in the directory may lie: the count below is of bytes actually inflated.
        if Int(clamping: entry.uncompressedSize) > budget {
            throw WorkbookReadFailure(problem: .workbookTooLarge(ProblemDetail.unpackedSize(limit: limits.maxUnpackedBytes)))
        }
        var output: [UInt8] = []
        output.reserveCapacity(Int(clamping: entry.uncompressedSize))
        var failure: Problem?
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if output.count + chunk.count > budget {
                    failure = .workbookTooLarge(ProblemDetail.unpackedSize(limit: limits.maxUnpackedBytes))
                    throw CancellationError()
                }
                if output.count + chunk.count > limits.ratioFloor, (output.count + chunk.count) / packed > limits.maxRatio {
                    failure = .workbookTooLarge(ProblemDetail.compressionRatio(path, limit: limits.maxRatio))
                    throw CancellationError()
                }
                output.append(contentsOf: chunk)
            }
        } catch {
            throw WorkbookReadFailure(problem: failure ?? .malformed(ProblemDetail.workbookPartUnreadable(path)))
        }
        unpacked += output.count
        return output
    }

    /// Unpacks a part chunk by chunk into `consumer` (a sheet, read as it is unpacked);
    /// false when the package lacks it. The same bounds as `part`, counted as it goes.
    public mutating func stream(_ path: String, _ consumer: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        guard let entry = entries[path] else { return false }
        let packed = max(1, Int(clamping: entry.compressedSize))
        let budget = limits.maxUnpackedBytes - unpacked
        var count = 0
        var failure: Problem?
        var inner: (any Error)?
        do {
            // Chunks of 256 KiB: a token cut between two chunks is scanned again at most
            // a few times before `XMLScanner.maxToken` ends it.
            _ = try archive.extract(entry, bufferSize: 256 * 1024, skipCRC32: false) { chunk in
                count += chunk.count
                if count > budget {
                    failure = .workbookTooLarge(ProblemDetail.unpackedSize(limit: limits.maxUnpackedBytes))
                    throw CancellationError()
                }
                if count > limits.ratioFloor, count / packed > limits.maxRatio {
                    failure = .workbookTooLarge(ProblemDetail.compressionRatio(path, limit: limits.maxRatio))
                    throw CancellationError()
                }
                do {
                    try chunk.withUnsafeBytes { try consumer($0) }
                } catch {
                    inner = error
                    throw CancellationError()
                }
            }
        } catch {
            if let inner { throw inner }
            throw WorkbookReadFailure(problem: failure ?? .malformed(ProblemDetail.workbookPartUnreadable(path)))
        }
        unpacked += count
        return true
    }

    /// A part the workbook cannot be read without.
    public mutating func requiredPart(_ path: String) throws(WorkbookReadFailure) -> [UInt8] {
        guard let bytes = try part(path) else { throw WorkbookReadFailure(problem: .malformed(ProblemDetail.workbookPartMissing(path))) }
        return bytes
    }
}
