/// Text made safe for a line-oriented log or listing: one happening, one line.
///
/// A file name may hold a newline or other control characters; written as is, it would
/// forge whole log lines. Controls, DEL and the backslash itself are written as escapes
/// (`\n`, `\t`, `\r`, `\\`, `\u{1b}`), so the output stays one line and can be read back.
public enum LineText {
    public static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) || text.unicodeScalars.contains(where: isLineBreak) else {
            return text
        }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || isLineBreak(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Next line, line and paragraph separators: line breaks to some terminals and viewers.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
