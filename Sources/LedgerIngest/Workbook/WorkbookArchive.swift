import Foundation
import LedgerDomain
import ZIPFoundation

/// What a workbook may make the reader do: the bounds that turn a ZIP bomb or a
/// million-row sheet into a clear refusal instead of exhausted memory.
struct WorkbookLimits: Sendable {
    /// All parts read, unpacked together. A 50,000-row sheet is about 20 MiB.
    var maxUnpackedBytes = 128 * 1_048_576
    /// Unpacked ÷ packed size of one part; checked for parts above `ratioFloor`, since a
    /// small part of repeated text compresses well without being a bomb.
    var maxRatio = 100
    var ratioFloor = 4 * 1_048_576
    /// Rows of one sheet: more than a province records in years.
    var maxRows = 100_000
    /// Columns of one row (Excel's own limit is 16,384).
    var maxColumns = 512
}

/// The ZIP package of a workbook, read through ZIPFoundation within `WorkbookLimits`.
struct WorkbookArchive {
    private let archive: Archive
    private let limits: WorkbookLimits
    private var unpacked = 0

    init(_ bytes: [UInt8], limits: WorkbookLimits) throws(WorkbookReadFailure) {
        guard let archive = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil) else {
            throw WorkbookReadFailure(problem: .malformed(ProblemDetail.notAWorkbook))
        }
        self.archive = archive
        self.limits = limits
    }

    /// The unpacked bytes of a part (`xl/workbook.xml`), nil when the package lacks it.
    mutating func part(_ path: String) throws(WorkbookReadFailure) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
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

    /// A part the workbook cannot be read without.
    mutating func requiredPart(_ path: String) throws(WorkbookReadFailure) -> [UInt8] {
        guard let bytes = try part(path) else { throw WorkbookReadFailure(problem: .malformed(ProblemDetail.workbookPartMissing(path))) }
        return bytes
    }
}
