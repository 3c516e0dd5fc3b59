import LedgerDomain
import LedgerFiles

/// One record of an event file: a JSON value with its line (or array position), or a
/// problem met while reading it.
enum FileRecord {
    case value(JSONValue, line: Int)
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
        case .unexpectedEnd: LocalizedText(vi: "nội dung kết thúc giữa chừng", en: "the content ends too early")
        case .unexpectedByte(let byte):
            LocalizedText(vi: "ký tự không mong đợi “\(Self.describe(byte))” ở byte \(offset)",
                          en: "unexpected character “\(Self.describe(byte))” at byte \(offset)")
        case .tooDeep(let limit):
            LocalizedText(vi: "lồng nhau sâu quá \(limit) cấp", en: "nesting is deeper than \(limit) levels")
        case .duplicateKey(let key):
            LocalizedText(vi: "khóa “\(key)” xuất hiện hai lần", en: "the key “\(key)” appears twice")
        case .invalidEscape: LocalizedText(vi: "chuỗi thoát (\\) không hợp lệ ở byte \(offset)", en: "invalid escape sequence at byte \(offset)")
        case .invalidNumber: LocalizedText(vi: "số không hợp lệ ở byte \(offset)", en: "invalid number at byte \(offset)")
        case .trailingContent: LocalizedText(vi: "còn nội dung thừa sau giá trị JSON ở byte \(offset)", en: "extra content after the JSON value at byte \(offset)")
        case .controlCharacterInString:
            LocalizedText(vi: "ký tự điều khiển chưa thoát trong chuỗi ở byte \(offset)", en: "unescaped control character in a string at byte \(offset)")
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "0x" + String(byte, radix: 16, uppercase: true)
    }
}
