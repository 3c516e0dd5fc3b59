/// All stored text is trimmed and NFC-normalised (CONTRACT §4): Windows-1258 decodes to
/// decomposed tone marks, and the same title must compare equal however it was typed.
public enum TextNormalizer {
    public static let maxScalars = 4000

    public static func normalize(_ text: String) -> String {
        let trimmed = trim(text)
        if trimmed.utf8.allSatisfy({ $0 < 0x80 }) { return trimmed }
        // The standard library's own NFC (no Foundation bridging); most text already is NFC,
        // in which case the original string is kept and nothing is allocated.
        let composed = trimmed._nfcCodeUnits
        return composed.elementsEqual(trimmed.utf8) ? trimmed : String(decoding: composed, as: UTF8.self)
    }

    static func trim(_ text: String) -> String {
        // Printable ASCII at both ends (nearly all text) cannot be Unicode white space.
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }
}
