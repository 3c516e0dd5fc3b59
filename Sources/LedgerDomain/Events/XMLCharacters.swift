/// The characters XML 1.0 forbids (§2.2 `Char`): C0 controls other than tab, line feed
/// and carriage return, and the non-characters U+FFFE and U+FFFF. (Surrogates cannot
/// occur in a Swift string.)
///
/// Admission rejects text holding them, and the report writers replace any that an older
/// log may hold, so that a DOCX or HTML report always opens.
public enum XMLCharacters {
    @inlinable
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// The first forbidden scalar of `text`, or nil; ASCII text without controls is
    /// answered from its bytes.
    public static func firstForbidden(in text: String) -> Unicode.Scalar? {
        var needsScalars = false
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                needsScalars = true
                break
            }
            if byte == 0xEF {
                needsScalars = true
                break
            }  // lead byte of U+F000…U+FFFF
        }
        guard needsScalars else { return nil }
        return text.unicodeScalars.first { !isAllowed($0) }
    }

    /// `text` with every forbidden scalar replaced by U+FFFD.
    public static func replacingForbidden(in text: String) -> String {
        guard firstForbidden(in: text) != nil else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}") }
        return String(scalars)
    }
}
