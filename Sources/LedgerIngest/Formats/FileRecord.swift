import LedgerDomain
import LedgerFiles

/// One record of an event file: a JSON value with its line (or array position), or a
/// problem met while reading it.
enum FileRecord {
    /// `sheet`: for a workbook, where its problems are placed.
    case value(JSONValue, line: Int, sheet: SheetColumns? = nil)
    case problem(Problem)
}

/// Reads one format and hands over its records in file order.
protocol RecordReader {
    func read(_ file: SafeFile, emit: (FileRecord) throws -> Void) throws
}

extension JSONParser.Failure {
    /// A clerk-readable description of a syntax error.
    var text: LocalizedText {
        switch reason {
        case .unexpectedEnd: ProblemDetail.unexpectedEnd
        case .unexpectedByte(let byte):
            ProblemDetail.unexpectedCharacter(Self.describe(byte), at: offset)
        case .tooDeep(let limit):
            ProblemDetail.tooDeep(limit)
        case .duplicateKey(let key):
            ProblemDetail.duplicateKey(key)
        case .invalidEscape: ProblemDetail.invalidEscape(at: offset)
        case .invalidNumber: ProblemDetail.invalidNumber(at: offset)
        case .trailingContent: ProblemDetail.trailingContent(at: offset)
        case .controlCharacterInString:
            ProblemDetail.controlCharacter(at: offset)
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "0x" + String(byte, radix: 16, uppercase: true)
    }
}
