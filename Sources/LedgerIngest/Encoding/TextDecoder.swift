import LedgerDomain

/// Brings a file's bytes to UTF-8 (CONTRACT §4): UTF-8 with or without BOM as is, UTF-16
/// with a BOM converted, and for CSV only, bytes that are not UTF-8 read as Windows-1258.
enum TextDecoder {
    enum Fallback: String, Sendable {
        case windows1258 = "windows-1258"
        case none
    }

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Returns UTF-8 bytes without BOM, or the `encoding` problem.
    ///
    /// The file's bytes are consumed: a BOM is removed in place and a conversion holds
    /// only the input and its output, so that a large file stays well under the memory bar.
    static func utf8(_ bytes: consuming [UInt8], fallback: Fallback) -> Result<[UInt8], Problem> {
        var bytes = bytes
        if bytes.starts(with: utf8BOM) {
            bytes.removeFirst(3)
            return UTF8Validator.isValid(bytes) ? .success(bytes) : fallbackDecode(bytes, fallback: fallback)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return utf16(bytes, littleEndian: bytes[0] == 0xFF)
        }
        return UTF8Validator.isValid(bytes) ? .success(bytes) : fallbackDecode(bytes, fallback: fallback)
    }

    private static func fallbackDecode(_ bytes: [UInt8], fallback: Fallback) -> Result<[UInt8], Problem> {
        guard fallback == .windows1258 else {
            return .failure(.encoding(ProblemDetail.notUTFWithBOM))
        }
        guard let text = Windows1258.decodeToUTF8(bytes) else {
            return .failure(.encoding(ProblemDetail.notWindows1258))
        }
        return .success(text)
    }

    /// UTF-16 code units read two bytes at a time, without an array of them.
    struct UTF16Units: IteratorProtocol {
        let bytes: [UInt8]
        let littleEndian: Bool
        var index = 2

        mutating func next() -> UInt16? {
            guard index + 1 < bytes.count else { return nil }
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            index += 2
            return littleEndian ? first | second << 8 : first << 8 | second
        }
    }

    private static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> Result<[UInt8], Problem> {
        let invalid = Problem.encoding(ProblemDetail.invalidUTF16)
        guard bytes.count % 2 == 0 else { return .failure(invalid) }
        var length = 0
        var failed = transcode(UTF16Units(bytes: bytes, littleEndian: littleEndian), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { _ in
            length += 1
        }
        guard !failed else { return .failure(invalid) }
        var output: [UInt8] = []
        output.reserveCapacity(length)
        failed = transcode(UTF16Units(bytes: bytes, littleEndian: littleEndian), from: UTF16.self, to: UTF8.self, stoppingOnError: true) {
            output.append($0)
        }
        return failed ? .failure(invalid) : .success(output)
    }
}
